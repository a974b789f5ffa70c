"""`sampark serve` on a port something else listens on fails at once, naming the port, with a non-zero exit."""

import socket
import subprocess
import sys

from tests.web import serving


def test_taken_port_is_a_clear_error(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        env = serving.environment(tmp_path / "data", port)
        serving.sampark(env, "migrate", "--verbosity", "0")
        result = subprocess.run([sys.executable, "-m", "sampark.cli", "serve", "--port", str(port)], env=env,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
