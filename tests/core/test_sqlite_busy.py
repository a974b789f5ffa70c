"""The webhook's write on SQLite waits for the write lock in short steps: it goes in soon after another writer
lets go, gives up with "database is locked" (nothing written) once its wait is spent, and leaves the
connection's usual busy timeout as it was."""

import sqlite3
import threading
import time

import pytest

from sampark.core import sqlite_busy


@pytest.fixture
def two_connections(tmp_path):
    path = tmp_path / "lock.sqlite3"
    first = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    first.execute("PRAGMA journal_mode=WAL")
    first.execute("CREATE TABLE calls (id TEXT PRIMARY KEY)")
    second = sqlite3.connect(path, isolation_level=None, timeout=7)
    yield first, second
    first.close()
    second.close()


def test_the_write_goes_in_once_the_other_writer_commits(two_connections):
    holder, webhook = two_connections
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO calls VALUES ('held')")
    release = threading.Timer(0.2, lambda: holder.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    rows = sqlite_busy.execute_soon(webhook.cursor(), "INSERT INTO calls VALUES (?) RETURNING id", ["c1"],
                                    wait_seconds=7)
    waited = time.monotonic() - started
    release.join()
    assert waited >= 0.19  # it did wait for the lock rather than fail
    assert rows == [("c1",)]  # the statement's own rows, not the restoring PRAGMA's
    assert sorted(row[0] for row in webhook.execute("SELECT id FROM calls")) == ["c1", "held"]
    assert webhook.execute("PRAGMA busy_timeout").fetchone() == (7000,)


def test_gives_up_when_the_lock_is_held_too_long_and_writes_nothing(two_connections):
    holder, webhook = two_connections
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        sqlite_busy.execute_soon(webhook.cursor(), "INSERT INTO calls VALUES (?)", ["c1"], wait_seconds=0.05)
    holder.execute("ROLLBACK")
    assert webhook.execute("SELECT count(*) FROM calls").fetchone() == (0,)
    assert webhook.execute("PRAGMA busy_timeout").fetchone() == (50,)


def test_other_errors_are_not_retried(two_connections):
    _, webhook = two_connections
    webhook.execute("INSERT INTO calls VALUES ('c1')")
    with pytest.raises(sqlite3.IntegrityError):
        sqlite_busy.execute_soon(webhook.cursor(), "INSERT INTO calls VALUES (?)", ["c1"], wait_seconds=1)
