"""Open-loop load at a fixed offered rate: request k is sent at t0 + k/rate on its own new connection, whatever
happened to the earlier ones, and its latency is measured from that scheduled moment (so a slow server cannot
hide its queueing, no coordinated omission). This is how telephony providers call: one connection per webhook.

    python bench/paced.py --requests REQ.tsv --rate 1000 --seconds 20 --url http://127.0.0.1:PORT --out R.json

Why not wrk with a Lua delay(): wrk reconnects as soon as a response arrives and only then waits out the delay,
so every paced connection sits open and idle; a gunicorn sync worker accepts it and blocks reading it. With 20
paced connections the 4 sync workers spent most of their time waiting on idle sockets and the "latency" was
over a second (measured, see bench/README.md). Real providers send the request as soon as they connect.

Writes the same JSON shape as calls.lua (mode "rate", one "thread" that issued the lines in file order), so
bench/check.py counts these calls too. Requests carry "Connection: close"; the whole response is read to EOF.
--close-delay MS closes each connection MS after the response arrived, as a provider one network delay away
would: a server that lingers until the peer closes (gunicorn's sync worker does) is held that long per call.
"""

import argparse
import errno
import heapq
import json
import resource
import selectors
import socket
import time
from pathlib import Path
from urllib.parse import urlsplit


def raw_requests(path: str, count: int) -> list[bytes]:
    out = []
    with open(path) as handle:
        for line in handle:
            f = line.rstrip("\n").split("\t")
            method, target, body = f[0], f[1], f[2].encode()
            headers = [(f[i], f[i + 1]) for i in range(3, len(f) - 1, 2)]
            head = [f"{method} {target} HTTP/1.1"] + [f"{k}: {v}" for k, v in headers]
            if body or method == "POST":
                head.append(f"Content-Length: {len(body)}")
            head.append("Connection: close")
            out.append(("\r\n".join(head) + "\r\n\r\n").encode() + body)
            if len(out) >= count:
                break
    return out


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    k = max(0, min(len(values) - 1, int(-(-len(values) * p // 100)) - 1))
    return values[k]


class Conn:
    __slots__ = ("sock", "raw", "sent", "slot", "started", "buf", "done")

    def __init__(self, sock, raw, slot, started):
        self.sock, self.raw, self.sent, self.slot, self.started = sock, raw, 0, slot, started
        self.buf, self.done = [], 0.0


def run(args) -> dict:
    """One thread, non-blocking sockets on epoll: a few tens of µs of client CPU per call (asyncio streams took
    ~300 µs, a third of a core at 1,000 calls/s, taken from the server it measures)."""
    url = urlsplit(args.url)
    address = (url.hostname, url.port or 80)
    total = int(args.rate * args.seconds)
    requests = raw_requests(args.requests, total)
    if len(requests) < total:
        raise SystemExit(f"{args.requests} has {len(requests)} lines; {total} needed")
    statuses: dict[str, int] = {}
    errors = {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0}
    scheduled: list[float] = []
    service: list[float] = []
    answered = peak = 0
    sel = selectors.EpollSelector()
    open_conns: dict[int, Conn] = {}
    closing: list[tuple[float, int, socket.socket]] = []  # heap of (close at, seq, socket) for --close-delay
    close_delay = args.close_delay / 1000
    timeline: list[tuple[float, float]] | None = [] if args.timeline else None
    clock = time.monotonic
    cpu0 = time.process_time()
    t0 = clock() + 0.05
    started_wall = time.time() + 0.05  # the schedule's start in Unix time, to line timelines up with server logs
    k = 0

    def finish(conn: Conn, ok: bool) -> None:
        nonlocal answered
        sel.unregister(conn.sock)
        del open_conns[conn.sock.fileno()]
        if ok:
            data = b"".join(conn.buf)
            try:
                status = data[9:12].decode()
                code = int(status)
            except (ValueError, UnicodeDecodeError):
                errors["read"] += 1
                ok = False
            else:
                statuses[status] = statuses.get(status, 0) + 1
                errors["status"] += code > 399
                answered += 1
                if conn.slot - t0 >= args.warmup:
                    scheduled.append(conn.done - conn.slot)
                    service.append(conn.done - conn.started)
                if timeline is not None:
                    timeline.append((conn.slot - t0, conn.done - conn.slot))
        if ok and close_delay:
            heapq.heappush(closing, (conn.done + close_delay, id(conn), conn.sock))
        else:
            conn.sock.close()

    while k < total or open_conns or closing:
        now = clock()
        while k < total and t0 + k / args.rate <= now:
            slot = t0 + k / args.rate
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if sock.connect_ex(address) not in (0, errno.EINPROGRESS):
                errors["connect"] += 1
                sock.close()
            else:
                conn = open_conns[sock.fileno()] = Conn(sock, requests[k], slot, clock())
                sel.register(sock, selectors.EVENT_WRITE, conn)
                peak = max(peak, len(open_conns))
            k += 1
        while closing and closing[0][0] <= now:
            heapq.heappop(closing)[2].close()
        wake = [t0 + k / args.rate] if k < total else []
        if closing:
            wake.append(closing[0][0])
        timeout = max(0.0, min(wake) - clock()) if wake else 0.05
        for key, mask in sel.select(min(timeout, 0.05)):
            conn = key.data
            try:
                if mask & selectors.EVENT_WRITE:
                    conn.sent += conn.sock.send(conn.raw[conn.sent :])
                    if conn.sent == len(conn.raw):
                        sel.modify(conn.sock, selectors.EVENT_READ, conn)
                elif mask & selectors.EVENT_READ:
                    chunk = conn.sock.recv(65536)
                    if chunk:
                        conn.buf.append(chunk)
                    else:  # EOF: the server closed after its response
                        conn.done = clock()
                        finish(conn, True)
            except OSError:
                errors["write" if mask & selectors.EVENT_WRITE else "read"] += 1
                finish(conn, False)
        now = clock()
        for conn in [c for c in open_conns.values() if now - c.started > args.timeout]:
            errors["timeout"] += 1
            finish(conn, False)
        if k >= total and not open_conns and not closing:
            break
    sent_for = (t0 + (total - 1) / args.rate) - t0 if total else 0
    cpu = time.process_time() - cpu0
    if timeline is not None:
        write_timeline(args.timeline, timeline)
    scheduled.sort()
    service.sort()
    ms = 1000.0
    return {
        "mode": "rate",
        "client": "bench/paced.py (open loop, one connection per request)",
        "offered_per_second": args.rate,
        "connections": peak,
        "started_at_unix": round(started_wall, 3),
        "warmup_seconds": args.warmup,  # sent and counted, but left out of the latencies
        "seconds": round(sent_for, 3),
        "requests": answered,
        "statuses": statuses,
        "threads": [{"id": 0, "lines": len(requests), "issued": k, "answered": answered}],
        "errors": errors,
        "client_cpu_seconds": round(cpu, 2),
        "latency_ms": {
            "p50": percentile(service, 50) * ms,
            "p90": percentile(service, 90) * ms,
            "p99": percentile(service, 99) * ms,
            "max": (service[-1] if service else 0) * ms,
            "mean": (sum(service) / len(service) if service else 0) * ms,
        },
        "scheduled_latency_ms": {
            "n": len(scheduled),
            "p50": percentile(scheduled, 50) * ms,
            "p90": percentile(scheduled, 90) * ms,
            "p99": percentile(scheduled, 99) * ms,
            "max": (scheduled[-1] if scheduled else 0) * ms,
        },
    }


def write_timeline(path: str, timeline: list[tuple[float, float]]) -> None:
    """Per second of the schedule: calls answered, p50/p99/max latency from the schedule, in ms (tab-separated),
    to see when a slow tail happens (a worker's commit, a checkpoint) rather than only that it does."""
    by_second: dict[int, list[float]] = {}
    for offset, latency in timeline:
        by_second.setdefault(int(offset), []).append(latency * 1000)
    lines = ["second\tcalls\tp50_ms\tp99_ms\tmax_ms"]
    for second in sorted(by_second):
        values = sorted(by_second[second])
        p50, p99 = percentile(values, 50), percentile(values, 99)
        lines.append(f"{second}\t{len(values)}\t{p50:.1f}\t{p99:.1f}\t{values[-1]:.1f}")
    Path(path).write_text("\n".join(lines) + "\n")


def raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", required=True)
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument(
        "--close-delay",
        type=float,
        default=0.0,
        help="ms to wait after the response before closing, as a distant client's FIN would",
    )
    parser.add_argument("--warmup", type=float, default=0.0,
                        help="seconds at the start whose calls are sent and counted but left out of the latencies")
    parser.add_argument("--timeline", help="also write per-second latency percentiles to this file")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    raise_fd_limit()  # an overloaded server can have thousands of these calls open at once
    result = run(args)
    Path(args.out).write_text(json.dumps(result))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
