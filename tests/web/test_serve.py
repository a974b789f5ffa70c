"""`sampark serve` for real: granian + workers in child processes, a signed missed call end to end."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from sampark.telephony.providers.generic import sign


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sampark(env, *args, **kwargs):
    return subprocess.run([sys.executable, "-m", "sampark.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=True, **kwargs).stdout


def get_json(url, token=None):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, json.loads(response.read())


@pytest.fixture
def served(tmp_path):
    # Its own SQLite data folder: the server is a separate process and must not touch the test database.
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(SAMPARK_DATA_DIR=str(tmp_path), SAMPARK_PUBLIC_URL=f"http://127.0.0.1:{port}")
    sampark(env, "migrate", "--verbosity", "0")
    sampark(env, "number", "add", "--provider", "generic", "--slug", "main", "--number", "+911140000000",
            "--secret", "serve-secret")
    token = sampark(env, "token", "create", "ops").strip()
    server = subprocess.Popen([sys.executable, "-m", "sampark.cli", "serve", "--port", str(port), "--workers", "2"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if get_json(base + "/healthz")[0] == 200:
                break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("server did not start: " + server.stdout.read())
    yield base, token, server
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


def test_missed_call_through_the_real_server_becomes_a_supporter(served):
    base, token, server = served
    body = json.dumps({"call_id": "live-1", "from": "+91 98765 00001", "to": "+911140000000"}).encode()
    request = urllib.request.Request(base + "/hooks/generic/main/", data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Sampark-Signature": sign("serve-secret", int(time.time()), body)})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200

    for _ in range(100):  # the intake worker polls every 0.2 s
        stats = get_json(base + "/api/v1/stats", token)[1]
        if stats["supporters"] == 1:
            break
        time.sleep(0.1)
    assert stats["supporters"] == 1 and stats["calls_accepted"] == 1
    status, found = get_json(base + "/api/v1/supporters/lookup?phone=9876500001", token)
    assert (status, found["phone_masked"], found["calls"]) == (200, "+91 98XXXXXX01", 1)


def test_sigterm_stops_server_and_workers(served):
    _base, _token, server = served
    children = [int(pid) for pid in open(f"/proc/{server.pid}/task/{server.pid}/children").read().split()]
    assert len(children) == 3  # granian, intake worker, task worker
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=20) == 0
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_workers_yield_the_cpu_to_the_web_server(served):
    """Under CPU contention providers wait on the web server, not on the workers: they run at lower priority."""
    _base, _token, server = served
    niceness = {}
    for pid in open(f"/proc/{server.pid}/task/{server.pid}/children").read().split():
        command = open(f"/proc/{pid}/cmdline").read().split("\0")
        role = "web" if "granian" in command else command[command.index("sampark.cli") + 1]
        niceness[role] = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[16])
    base = os.getpriority(os.PRIO_PROCESS, 0)
    assert niceness == {"web": base, "worker": base + 10, "db_worker": base + 10}


def test_demo_loads_and_is_idempotent(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SAMPARK_DATA_DIR"] = str(tmp_path)
    first = sampark(env, "demo", "--no-serve")
    sampark(env, "demo", "--no-serve")
    assert "admin" in first
    assert (tmp_path / "pii_key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "demo_admin_password").stat().st_mode & 0o777 == 0o600
    outbox = (tmp_path / "outbox" / "sms.jsonl")
    assert not outbox.exists() or all(json.loads(line)["to"].startswith("+9190000000")
                                      for line in outbox.read_text().splitlines())
