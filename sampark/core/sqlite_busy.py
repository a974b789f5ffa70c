"""Waiting for SQLite's write lock in short steps, for the statement a provider is waiting on.

SQLite has one write lock per database. A writer that finds it taken calls the busy handler, which sleeps in
growing steps (1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms ...) and retries: a webhook that arrived just
after the intake worker took the lock for 10 ms was answered 18 ms later, one that missed two short holds in a
row 53 or 78 ms later. With `sampark serve`'s workers draining a backlog at 1,000 calls/s offered, the
per-second p99 of the webhooks came in exactly those steps (37, 82, 132, 182 ms: bench/backlog_ab.sh).
Here the statement runs with no busy timeout and is retried after 0.5 ms, then every 2 ms at most, so it goes
in within 2 ms of the lock coming free. Everything else keeps SQLite's handler (settings: busy_timeout).
"""

import sqlite3
import time

from django.db import OperationalError

FIRST_PAUSE_SECONDS = 0.0005
LONGEST_PAUSE_SECONDS = 0.002


def execute_soon(cursor, sql: str, params, wait_seconds: float) -> list:
    """Run one autocommit statement on an SQLite cursor (Django's or sqlite3's), waiting for the write lock in
    short steps, and return its rows. Raises OperationalError ("database is locked") after ``wait_seconds``,
    which is also the busy timeout the connection is left with (the connection's own, settings.py). A
    statement refused as busy wrote nothing, so running it again is safe."""
    cursor.execute("PRAGMA busy_timeout = 0")
    try:
        deadline = time.monotonic() + wait_seconds
        pause = FIRST_PAUSE_SECONDS
        while True:
            try:
                cursor.execute(sql, params)
                return cursor.fetchall()  # before the PRAGMA below replaces the cursor's results
            except (OperationalError, sqlite3.OperationalError) as exc:
                if not _busy(exc) or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE_SECONDS)
    finally:
        cursor.execute(f"PRAGMA busy_timeout = {int(wait_seconds * 1000)}")


def _busy(exc: Exception) -> bool:
    error = exc if isinstance(exc, sqlite3.OperationalError) else exc.__cause__  # Django wraps sqlite3's
    return isinstance(error, sqlite3.OperationalError) and error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY
