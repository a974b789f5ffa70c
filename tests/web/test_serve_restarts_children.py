"""`sampark serve` restarts a child that dies, logs it, and the web server keeps taking webhooks meanwhile."""

import os
import signal
import time

import pytest

from tests.web import serving


@pytest.fixture
def served(tmp_path):
    port = serving.free_port()
    env = serving.environment(tmp_path / "data", port)
    token = serving.prepare(env)
    log_path = tmp_path / "serve.log"
    server = serving.start(env, port, log_path)
    yield f"http://127.0.0.1:{port}", token, server, log_path
    serving.stop(server)


def worker_pid(server) -> int | None:
    pids = [pid for pid in serving.children(server.pid) if serving.alive(pid) and serving.role(pid) == "worker"]
    return pids[0] if pids else None


def test_a_killed_intake_worker_comes_back_and_webhooks_are_accepted_meanwhile(served):
    base, token, server, log_path = served
    first = worker_pid(server)
    os.kill(first, signal.SIGKILL)

    # While the worker is down (its restart waits a second), the call log still takes every call.
    statuses = [serving.missed_call(base, f"while-down-{n}", f"+91 98765 000{n:02d}") for n in range(20)]
    assert statuses == [200] * 20

    for _ in range(100):
        second = worker_pid(server)
        if second and second != first:
            break
        time.sleep(0.1)
    assert second and second != first
    assert server.poll() is None

    # The new worker does the work: the calls taken while it was down become supporters.
    assert serving.missed_call(base, "after", "+91 98765 00099") == 200
    for _ in range(150):
        if serving.stats(base, token)["supporters"] == 21:
            break
        time.sleep(0.1)
    assert serving.stats(base, token)["supporters"] == 21
    log = log_path.read_text()
    assert f"intake-1 (pid {first}) killed by SIGKILL" in log and "intake-1: starting again (restart 1)" in log


def test_a_killed_web_server_leaves_no_orphan_and_comes_back(served):
    """granian's main process dies: its worker processes are killed with it (they would keep the port) and a new
    granian takes the port."""
    base, _token, server, log_path = served
    web = next(pid for pid in serving.children(server.pid) if serving.role(pid) == "web")
    orphans = serving.descendants(web)
    assert orphans  # granian's two worker processes
    os.kill(web, signal.SIGKILL)
    for _ in range(50):
        if not any(serving.alive(pid) for pid in orphans):
            break
        time.sleep(0.1)
    assert not any(serving.alive(pid) for pid in orphans)
    for _ in range(150):
        try:
            if serving.missed_call(base, "web-back", "+91 98765 00042") == 200:
                break
        except OSError:
            time.sleep(0.1)
    else:
        pytest.fail("web did not come back: " + log_path.read_text())
    assert "web (pid" in log_path.read_text()
