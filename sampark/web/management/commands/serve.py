"""`sampark serve`: the production HTTP server (granian, WSGI) and the background workers, supervised together."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sampark.telephony import intake


def web_workers() -> int:
    # One granian process per core, each with threads that wait on the database in parallel: measured best
    # against gunicorn's sync and threaded workers (README, bench/servers.sh).
    return int(os.environ.get("SAMPARK_WEB_WORKERS") or os.cpu_count() or 1)


# Background workers yield the CPU to the web processes when both want it: a provider waits on every webhook,
# while the call log and the SMS queue absorb a worker that falls behind for a while. At 1,000 calls/s offered
# with an SMS backlog draining, the workers at equal priority pushed webhook p99 past 50 ms (bench/run.sh, d).
WORKER_NICENESS = 10


def _lower_priority() -> None:  # runs in the child between fork and exec
    os.nice(WORKER_NICENESS)


class Command(BaseCommand):
    help = "Serve HTTP with granian and run the intake and task workers; stops all of them together."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("SAMPARK_PORT", 8000)))
        parser.add_argument("--host", default=os.environ.get("SAMPARK_HOST", "127.0.0.1"))
        parser.add_argument("--workers", type=int, default=None, help="web worker processes (default: one per core)")
        parser.add_argument("--threads", type=int, default=int(os.environ.get("SAMPARK_WEB_THREADS", 8)),
                            help="request threads per web worker (default 8)")
        parser.add_argument("--no-worker", action="store_true", help="HTTP only; run `sampark worker` elsewhere")

    def handle(self, *args, **options):
        port = options["port"]
        if not 0 < port < 65536:
            raise CommandError(f"--port: {port} is not a TCP port")
        workers = options["workers"] or web_workers()
        if workers < 1:
            raise CommandError("--workers: must be at least 1")
        if options["threads"] < 1:
            raise CommandError("--threads: must be at least 1")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sampark.settings", "SAMPARK_DATA_DIR": str(settings.DATA_DIR)}
        # fmt: off
        web = [
            sys.executable, "-m", "granian", "--interface", "wsgi", "sampark.wsgi:application",
            "--host", options["host"], "--port", str(port), "--workers", str(workers),
            "--blocking-threads", str(options["threads"]), "--backlog", "2048", "--log-level", "warning",
            "--respawn-failed-workers",
        ]
        # fmt: on
        if os.environ.get("SAMPARK_ACCESS_LOG"):
            # the path without its query string: lookups carry phone numbers there, and logs must not
            log_format = '%(addr)s %(time)s "%(method)s %(path)s" %(status)d %(dt_ms).1fms'
            web += ["--access-log", "--access-log-fmt", log_format]
        commands = {"web": web}
        if not options["no_worker"]:
            sampark = [sys.executable, "-m", "sampark.cli"]
            for n in range(intake.worker_count()):
                commands[f"intake-{n + 1}"] = [*sampark, "worker"]
            commands["tasks"] = [*sampark, "db_worker", "--interval", "0.5"]
        children = {
            name: subprocess.Popen(cmd, env=env, preexec_fn=None if name == "web" else _lower_priority)
            for name, cmd in commands.items()
        }
        self.stdout.write(
            f"Sampark serving at http://{options['host']}:{port}/ ({workers} web workers"
            f"{'' if options['no_worker'] else ', intake and task workers'}); Ctrl-C stops."
        )
        stop = []
        signal.signal(signal.SIGTERM, lambda *_: stop.append("SIGTERM"))
        exit_code = 0
        try:
            while not stop:
                for name, child in children.items():
                    if child.poll() is not None:
                        self.stderr.write(f"{name} exited with {child.returncode}; stopping the others")
                        stop.append(name)
                        exit_code = 1
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        if exit_code:
            raise CommandError("a child process failed")
