"""Group commit for the webhook's call-log INSERT on PostgreSQL (docs/intake.md, "The webhook's write: group commit").

A webhook may reply only once its call is durably in the log. One INSERT and commit per call costs PostgreSQL
~250 µs of CPU and the web process ~145 µs in the driver; the same rows written eight to a statement cost ~50
and ~20 each (docs/intake.md). So each web process has one writer thread with its own connection. Request
threads hand it their row and wait; it writes everything that queued up while its previous statement ran in
one statement (one transaction, one durable commit) and tells each request whether its call was new. Nothing
waits on a timer: a lone call is written at once, and batches grow only when calls arrive faster than a commit.
"""

import logging
import os
import queue
import threading

from django.db import DatabaseError, DataError, IntegrityError, connection

from sampark.core.bulk import execute
from sampark.telephony.models import Call

log = logging.getLogger(__name__)

MAX_BATCH = 64
ANSWER_TIMEOUT_SECONDS = 30.0

# One statement text whatever the batch size (one array per column), so PostgreSQL prepares it once.
# A call id repeated inside one batch is inserted once; RETURNING says which (provider, call id) went in.
_INSERT_MANY = (
    f"INSERT INTO {Call._meta.db_table} "
    "(number_id, provider, provider_call_id, caller_cipher, received_at, started_at, outcome, reject_reason) "
    "SELECT *, 'pending', '' FROM unnest(%b::bigint[], %b::varchar[], %b::varchar[], %b::bytea[], "
    "%b::timestamptz[], %b::timestamptz[]) "
    "ON CONFLICT (provider, provider_call_id) DO NOTHING RETURNING provider, provider_call_id"
)


class CallLogUnavailable(Exception):
    """The call could not be written (database down or too slow): the webhook answers 503 and the provider retries.
    A retry is safe: if the row did go in after all, the call id makes the retry a duplicate."""


class _Row:
    __slots__ = ("params", "answered", "inserted", "failure")

    def __init__(self, params: tuple):
        self.params = params  # (number_id, provider, provider_call_id, caller_cipher, received_at, started_at)
        self.answered = threading.Event()
        self.inserted = False
        self.failure = ""


class Writer:
    def __init__(self):
        self._start_lock = threading.Lock()
        self._inbox: queue.SimpleQueue | None = None
        self._thread: threading.Thread | None = None
        self._pid = 0

    def write(self, params: tuple) -> bool:
        """Write one call's row; True when its (provider, call id) was new. Raises CallLogUnavailable."""
        row = _Row(params)
        self._ready_inbox().put(row)
        if not row.answered.wait(ANSWER_TIMEOUT_SECONDS):
            raise CallLogUnavailable(f"the call log did not answer within {ANSWER_TIMEOUT_SECONDS:g} s")
        if row.failure:
            raise CallLogUnavailable(row.failure)
        return row.inserted

    def close(self, timeout: float = 5.0) -> None:
        """Stop this process's writer once it has written what it holds, and close its connection (a test
        database cannot be dropped while it is open). A later write starts a new writer."""
        with self._start_lock:
            if self._pid != os.getpid():
                return
            inbox, thread, self._pid = self._inbox, self._thread, 0
        inbox.put(None)
        thread.join(timeout)

    def _ready_inbox(self) -> queue.SimpleQueue:
        # Started on first use in each process: a thread does not survive the fork of a web worker.
        if self._pid != os.getpid():
            with self._start_lock:
                if self._pid != os.getpid():
                    self._inbox = queue.SimpleQueue()
                    self._thread = threading.Thread(target=self._run, args=(self._inbox,), name="call-log-writer",
                                                    daemon=True)
                    self._thread.start()
                    self._pid = os.getpid()
        return self._inbox

    def _run(self, inbox: queue.SimpleQueue) -> None:
        stopping = False
        while not stopping:
            batch = []
            item = inbox.get()
            while item is not None:
                batch.append(item)
                if len(batch) == MAX_BATCH:
                    break
                try:
                    item = inbox.get_nowait()
                except queue.Empty:
                    break
            stopping = item is None
            try:
                if batch:
                    self._write(batch)
            except Exception:  # never leave a request waiting, whatever went wrong
                log.exception("call-log writer failed on a batch of %d", len(batch))
                _fail(batch, "the call log writer failed")
            finally:
                # As a request's end would: drop a connection that broke or outlived CONN_MAX_AGE.
                connection.close_if_unusable_or_obsolete()
        connection.close()

    def _write(self, batch: list[_Row]) -> None:
        try:
            new = self._insert(batch)
        except (IntegrityError, DataError) as exc:
            if len(batch) > 1:  # one row the database refuses must fail only its own request
                for row in batch:
                    self._write([row])
                return
            log.warning("call log refused a call: %s", exc)
            _fail(batch, "the call log refused this call")
            return
        except DatabaseError as exc:
            log.warning("call log unavailable for %d calls: %s", len(batch), exc)
            _fail(batch, "the call log is unavailable")
            return
        for row in batch:
            key = (row.params[1], row.params[2])
            row.inserted = key in new
            new.discard(key)  # the same call id twice in one batch: only the first is the new call
            row.answered.set()

    def _insert(self, batch: list[_Row]) -> set[tuple[str, str]]:
        columns = [list(column) for column in zip(*(row.params for row in batch), strict=True)]
        try:
            return set(execute(_INSERT_MANY, columns, fetch=True, prepare=True))
        except (IntegrityError, DataError):
            raise
        except DatabaseError:
            # A connection the server dropped (a restart, an idle timeout) is noticed only when used: reconnect
            # and try once more before the provider hears 503. Should the first attempt have committed after
            # all, the retry finds every call id already logged and nothing is written twice.
            connection.close_if_unusable_or_obsolete()
            if connection.connection is not None:
                raise
            return set(execute(_INSERT_MANY, columns, fetch=True, prepare=True))


def _fail(batch: list[_Row], reason: str) -> None:
    for row in batch:
        if not row.answered.is_set():
            row.failure = reason
            row.answered.set()


writer = Writer()
