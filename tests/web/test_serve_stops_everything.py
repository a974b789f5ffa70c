"""SIGTERM or Ctrl-C to `sampark serve` stops every process it started, granian's worker processes included."""

import signal
import time

import pytest

from tests.web import serving


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stop_leaves_no_process_behind(tmp_path, signum):
    port = serving.free_port()
    env = serving.environment(tmp_path / "data", port)
    serving.prepare(env)
    server = serving.start(env, port, tmp_path / "serve.log")
    everyone = serving.descendants(server.pid)
    assert len(serving.children(server.pid)) == 3  # granian, intake worker, task worker
    assert len(everyone) > 3  # and granian's worker processes below it

    server.send_signal(signum)
    assert server.wait(timeout=30) == 0
    time.sleep(0.2)  # orphans, if there were any, would be re-parented and still running now
    assert [pid for pid in everyone if serving.alive(pid)] == []
    # and the port is free again
    import socket
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
