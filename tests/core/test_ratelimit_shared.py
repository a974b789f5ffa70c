"""Rate limits count once for all web processes: a real `sampark serve` with two granian workers, concurrent
requests, the database cache by default and Redis (a local redis-server) when SAMPARK_REDIS_URL is set."""

import shutil
import subprocess
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.web import serving

LIMIT = 5


def status(url: str, forwarded: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"X-Forwarded-For": forwarded} if forwarded else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def serve(tmp_path, **extra_env):
    port = serving.free_port()
    env = serving.environment(tmp_path / "data", port)
    env.update(SAMPARK_PUBLIC_RATE_LIMIT=str(LIMIT), **extra_env)
    serving.sampark(env, "migrate", "--verbosity", "0")
    server = serving.start(env, port, tmp_path / "serve.log", "--no-worker")
    return f"http://127.0.0.1:{port}/api/v1/verify?q=%40SamparkAndolan", server


def burst(url: str, count: int = 24, forwarded=lambda n: None) -> list[int]:
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda n: status(url, forwarded(n)), range(count)))


def test_one_count_across_web_processes(tmp_path):
    url, server = serve(tmp_path)
    try:
        # 24 at once over two processes: with a count per process (or an increment that loses updates) more
        # than LIMIT would pass
        statuses = burst(url)
        # a client naming other addresses in X-Forwarded-For is still one client: no proxy of ours is trusted
        statuses += burst(url, 8, forwarded=lambda n: f"198.51.100.{n}")
    finally:
        serving.stop(server)
    assert statuses.count(200) == LIMIT and statuses.count(429) == len(statuses) - LIMIT


def test_behind_a_trusted_proxy_each_client_has_its_own_count(tmp_path):
    url, server = serve(tmp_path, SAMPARK_TRUSTED_PROXIES="127.0.0.1/32")
    try:
        first = burst(url, 8, forwarded=lambda n: "198.51.100.1")
        second = burst(url, 8, forwarded=lambda n: "198.51.100.2")
    finally:
        serving.stop(server)
    assert first.count(200) == LIMIT and second.count(200) == LIMIT


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server (Debian package redis-server)")
def test_redis_when_configured(tmp_path):
    port = serving.free_port()
    redis = subprocess.Popen([shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        url, server = serve(tmp_path, SAMPARK_REDIS_URL=f"redis://127.0.0.1:{port}/0")
        try:
            statuses = burst(url)
        finally:
            serving.stop(server)
        import redis as redis_client

        keys = redis_client.Redis(port=port).keys("sampark:*")
    finally:
        redis.terminate()
        redis.wait(timeout=10)
    assert statuses.count(200) == LIMIT
    assert keys  # counted there, not in the database
