"""Starting a real `sampark serve` for the tests that need the processes themselves (not a test client)."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from sampark.telephony.providers.generic import sign

SECRET = "serve-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(data_dir: Path, port: int) -> dict:
    # Its own SQLite data folder: the server is a separate process and must not touch the test database.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(SAMPARK_DATA_DIR=str(data_dir), SAMPARK_PUBLIC_URL=f"http://127.0.0.1:{port}")
    return env


def sampark(env, *args, check=True) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sampark.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=check)


def prepare(env) -> str:
    """Migrate, add a generic number, return an API token."""
    sampark(env, "migrate", "--verbosity", "0")
    sampark(env, "number", "add", "--provider", "generic", "--slug", "main", "--number", "+911140000000",
            "--secret", SECRET)
    return sampark(env, "token", "create", "ops").stdout.strip()


def start(env, port: int, log_path: Path, *extra: str) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "sampark.cli", "serve", "--port", str(port), "--workers", "2", *extra],
        env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    server.kill()
    raise AssertionError("server did not start: " + log_path.read_text())


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def descendants(pid: int) -> list[int]:
    found = []
    for child in children(pid):
        found += [child, *descendants(child)]
    return found


def role(pid: int) -> str:
    """web, worker or db_worker, from the child's command line."""
    command = Path(f"/proc/{pid}/cmdline").read_text().split("\0")
    return "web" if "granian" in command else command[command.index("sampark.cli") + 1]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead; it only waits for its parent to read its exit status
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def missed_call(base: str, call_id: str, caller: str) -> int:
    body = json.dumps({"call_id": call_id, "from": caller, "to": "+911140000000"}).encode()
    request = urllib.request.Request(base + "/hooks/generic/main/", data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Sampark-Signature": sign(SECRET, int(time.time()), body)})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def stats(base: str, token: str) -> dict:
    request = urllib.request.Request(base + "/api/v1/stats", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())
