"""`sampark serve`: the production HTTP server and the background workers, supervised together."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def web_workers() -> int:
    # Sync workers block on the database for part of each request; 2 per core measured best (README).
    return int(os.environ.get("SAMPARK_WEB_WORKERS") or 2 * (os.cpu_count() or 1))


class Command(BaseCommand):
    help = "Serve HTTP with gunicorn and run the intake and task workers; stops all of them together."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("SAMPARK_PORT", 8000)))
        parser.add_argument("--host", default=os.environ.get("SAMPARK_HOST", "127.0.0.1"))
        parser.add_argument("--workers", type=int, default=None, help="web worker processes (default 2 per core)")
        parser.add_argument("--no-worker", action="store_true", help="HTTP only; run `sampark worker` elsewhere")

    def handle(self, *args, **options):
        port = options["port"]
        if not 0 < port < 65536:
            raise CommandError(f"--port: {port} is not a TCP port")
        workers = options["workers"] or web_workers()
        if workers < 1:
            raise CommandError("--workers: must be at least 1")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sampark.settings", "SAMPARK_DATA_DIR": str(settings.DATA_DIR)}
        commands = {
            "web": [
                sys.executable,
                "-m",
                "gunicorn",
                "sampark.wsgi:application",
                "--bind",
                f"{options['host']}:{port}",
                "--workers",
                str(workers),
                "--worker-class",
                "sync",
                "--backlog",
                "2048",
                "--keep-alive",
                "5",
                "--max-requests",
                "200000",
                "--max-requests-jitter",
                "20000",
                "--access-logfile",
                "-" if os.environ.get("SAMPARK_ACCESS_LOG") else "/dev/null",
                # the path without its query string: lookups carry phone numbers there, and logs must not
                "--access-logformat",
                '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms',
                "--error-logfile",
                "-",
                "--log-level",
                "warning",
            ],
        }
        if not options["no_worker"]:
            sampark = [sys.executable, "-m", "sampark.cli"]
            commands["intake"] = [*sampark, "worker"]
            commands["tasks"] = [*sampark, "db_worker", "--interval", "0.5"]
        children = {name: subprocess.Popen(cmd, env=env) for name, cmd in commands.items()}
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
        if exit_code:
            raise CommandError("a child process failed")
