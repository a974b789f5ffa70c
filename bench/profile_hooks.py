"""Profile the webhook in-process (no HTTP server, no client): where one request's CPU time goes.

    python bench/profile_hooks.py REQ.tsv [--limit N] [--profile] [--path /healthz]

REQ.tsv is a file written by `gen_requests.py render` (signed recently: generic signatures expire after 300 s).
Each line becomes a WSGI environ handed to sampark.wsgi.application, as the HTTP server would. Prints requests/s of
one process and, with --profile, the top of a cProfile by cumulative and by own time.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from urllib.parse import urlsplit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

from sampark.wsgi import application  # noqa: E402


def environ_for(method: str, target: str, body: bytes, headers: dict[str, str]) -> dict:
    parts = urlsplit(target)
    host = headers.get("Host", "127.0.0.1:8000")
    env = {
        "REQUEST_METHOD": method,
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": host.split(":")[0],
        "SERVER_PORT": host.split(":")[1] if ":" in host else "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
        "CONTENT_LENGTH": str(len(body)),
    }
    for name, value in headers.items():
        key = name.upper().replace("-", "_")
        if key == "CONTENT_TYPE":
            env["CONTENT_TYPE"] = value
        else:
            env["HTTP_" + key] = value
    return env


def load(path: str, limit: int):
    requests = []
    with open(path) as handle:
        for line in handle:
            f = line.rstrip("\n").split("\t")
            headers = dict(zip(f[3::2], f[4::2], strict=True))
            requests.append((f[0], f[1], f[2].encode(), headers))
            if len(requests) >= limit:
                break
    return requests


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("requests", nargs="?")
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--path", help="GET this path instead (e.g. /healthz)")
    args = parser.parse_args()
    if args.path:
        requests = [("GET", args.path, b"", {"Host": "127.0.0.1:8000"})] * args.limit
    else:
        requests = load(args.requests, args.limit)
    statuses: dict[str, int] = {}

    def start_response(status, headers, exc_info=None):
        statuses[status] = statuses.get(status, 0) + 1

    def run(batch):
        for method, target, body, headers in batch:
            response = application(environ_for(method, target, body, headers), start_response)
            for _ in response:
                pass
            if hasattr(response, "close"):
                response.close()

    warm, rest = requests[:200], requests[200:]
    run(warm)
    statuses.clear()
    profiler = cProfile.Profile() if args.profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    run(rest)
    if profiler:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"{len(rest)} requests in {elapsed:.2f} s: {len(rest) / elapsed:,.0f}/s in one process "
        f"({elapsed / len(rest) * 1e6:,.0f} µs each, {cpu / len(rest) * 1e6:,.0f} µs of it CPU in this process); "
        f"statuses {statuses}"
    )
    if profiler:
        for order in ("cumulative", "tottime"):
            stream = io.StringIO()
            pstats.Stats(profiler, stream=stream).sort_stats(order).print_stats(35)
            print(stream.getvalue())


if __name__ == "__main__":
    main()
