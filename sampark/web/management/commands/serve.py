"""`sampark serve`: the production HTTP server (granian, WSGI) and the background workers, supervised together.

Supervision, for one machine (production runs each child as its own systemd unit instead: docs/deploy.md):
- a child that dies is started again after a back-off (1 s, doubling to 30 s; back to 1 s once it has run a
  minute), and the restart is logged. The others keep running: a dead intake worker only delays supporters,
  while the call log keeps taking webhooks (before, one dead child stopped everything and refused 15,122 of
  20,000 webhooks in a burst).
- each child runs in its own process group, and stopping (SIGTERM, SIGINT/Ctrl-C) signals the whole group, so
  granian's worker processes go too: one stop had left a granian worker serving :8000 under PID 1. Whatever is
  left in a group after the grace period is killed.
- a child also gets SIGTERM from the kernel if the supervisor itself dies (PR_SET_PDEATHSIG), as with SIGKILL.
- a port already taken is an error before anything starts, naming the address.
"""

import ctypes
import errno
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sampark.telephony import intake

log = logging.getLogger("sampark.serve")

BACKOFF_FIRST, BACKOFF_MAX = 1.0, 30.0
STABLE_SECONDS = 60.0  # a child that ran this long before dying starts again after the first back-off
STOP_GRACE_SECONDS = 15.0
PR_SET_PDEATHSIG = 1


def web_workers() -> int:
    # One granian process per core, each with threads that wait on the database in parallel: measured best
    # against gunicorn's sync and threaded workers (README, bench/servers.sh).
    return int(os.environ.get("SAMPARK_WEB_WORKERS") or os.cpu_count() or 1)


# Background workers yield the CPU to the web processes when both want it: a provider waits on every webhook,
# while the call log and the SMS queue absorb a worker that falls behind for a while. At 1,000 calls/s offered
# with an SMS backlog draining, the workers at equal priority pushed webhook p99 past 50 ms (bench/run.sh, d).
WORKER_NICENESS = 10


def _die_with_parent() -> None:
    # Without it a SIGKILLed supervisor leaves its children running, and the next start finds the port taken.
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the supervisor's own stop still signals every group
        pass


def _web_child() -> None:  # runs in the child between fork and exec
    _die_with_parent()


def _worker_child() -> None:
    _die_with_parent()
    os.nice(WORKER_NICENESS)


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:  # a real-time signal has no name
        return f"signal {number}"


def port_free(host: str, port: int) -> str | None:
    """None when the address can be listened on, else why not. SO_REUSEADDR as granian sets it, so only a
    listening socket (not a closed one in TIME_WAIT) counts as taken."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as exc:
        return f"cannot resolve {host!r}: {exc.strerror}"
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
            probe.listen(1)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is already in use (another sampark serve, or another server)"
            return f"cannot listen on {host}:{port}: {exc.strerror}"
    return None


@dataclass
class Child:
    name: str
    command: list[str]
    preexec: object
    env: dict
    process: subprocess.Popen | None = None
    started: float = 0.0
    restart_at: float | None = None
    quick_deaths: int = 0  # deaths in a row, each within STABLE_SECONDS of its start
    restarts: int = field(default=0)

    def start(self) -> None:
        # process_group=0: the child leads a new group, which its own children (granian's workers) join.
        self.process = subprocess.Popen(self.command, env=self.env, preexec_fn=self.preexec, process_group=0)
        self.started = time.monotonic()
        self.restart_at = None

    def signal_group(self, signum: int) -> bool:
        """Signal every process in the child's group; False when none is left."""
        if self.process is None:
            return False
        try:
            os.killpg(self.process.pid, signum)
        except ProcessLookupError:
            return False
        return True


class Command(BaseCommand):
    help = "Serve HTTP (granian) and run the intake and task workers; restarts a child that dies, stops all together."

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
        from sampark.outreach.services import dlt_warning

        warning = dlt_warning()  # a real gateway would refuse every SMS of these templates
        if warning:
            self.stderr.write(self.style.WARNING(warning))
        taken = port_free(options["host"], port)
        if taken:
            raise CommandError(f"--port: {taken}")
        children = self.children(options, port, workers)
        stop = []
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, lambda n, _frame: stop.append(signal.Signals(n).name))
        for child in children:
            child.start()
        self.stdout.write(
            f"Sampark serving at http://{options['host']}:{port}/ ({workers} web workers"
            f"{'' if options['no_worker'] else ', intake and task workers'}); Ctrl-C stops."
        )
        try:
            while not stop:
                self.supervise(children)
                time.sleep(0.2)
        finally:
            self.stop_all(children)

    def children(self, options, port, workers) -> list[Child]:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sampark.settings", "SAMPARK_DATA_DIR": str(settings.DATA_DIR)}
        # fmt: off
        web = [
            sys.executable, "-m", "granian", "--interface", "wsgi", "sampark.wsgi:application",
            "--host", options["host"], "--port", str(port), "--workers", str(workers),
            "--blocking-threads", str(options["threads"]), "--backlog", "2048", "--log-level", "warning",
            "--respawn-failed-workers",
        ]
        # fmt: on
        # SAMPARK_ACCESS_LOG is written by sampark.wsgi itself (personal links redacted, control characters
        # escaped: core/access_log.py), not by granian, whose log printed paths as they came.
        children = [Child("web", web, _web_child, env)]
        if not options["no_worker"]:
            sampark = [sys.executable, "-m", "sampark.cli"]
            for n in range(intake.worker_count()):
                children.append(Child(f"intake-{n + 1}", [*sampark, "worker"], _worker_child, env))
            children.append(Child("tasks", [*sampark, "db_worker", "--interval", "0.5"], _worker_child, env))
        return children

    def supervise(self, children: list[Child]) -> None:
        now = time.monotonic()
        for child in children:
            if child.restart_at is not None:
                if now >= child.restart_at:
                    child.restarts += 1
                    log.warning("%s: starting again (restart %d)", child.name, child.restarts)
                    child.start()
                continue
            code = child.process.poll()
            if code is None:
                continue
            # Its own children (a granian worker) must not outlive it holding the port or a claim.
            child.signal_group(signal.SIGKILL)
            ran = now - child.started
            child.quick_deaths = 0 if ran >= STABLE_SECONDS else child.quick_deaths + 1
            # A child that dies at once (a bad setting, the database gone) is not restarted in a tight loop.
            backoff = min(BACKOFF_FIRST * 2 ** max(child.quick_deaths - 1, 0), BACKOFF_MAX)
            how = f"killed by {signal_name(-code)}" if code < 0 else f"exited with {code}"
            log.error("%s (pid %d) %s after %.0f s; restarting in %.0f s", child.name, child.process.pid, how, ran,
                      backoff)
            child.restart_at = now + backoff

    def stop_all(self, children: list[Child]) -> None:
        running = [c for c in children if c.process is not None and c.restart_at is None]
        for child in running:
            child.signal_group(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for child in running:
            try:
                child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.error("%s did not stop within %.0f s; killing it", child.name, STOP_GRACE_SECONDS)
        # Anything left in a group (the leader stopped but a grandchild did not, or the leader hung) is killed.
        for child in children:
            while child.signal_group(0) and time.monotonic() < deadline:
                time.sleep(0.05)
            if child.signal_group(signal.SIGKILL):
                log.error("%s: killed what was left of its process group", child.name)
            if child.process is not None and child.process.poll() is None:
                child.process.wait()
