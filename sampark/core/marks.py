"""Where a reader of a queue resumes: the intake worker's claims and the SMS sender's reads.

A processed row leaves a dead entry in the partial index of its queue until vacuum removes it, and a read from
the start of the index steps over all of them, read after read: the work grows with the square of the backlog
between vacuums. So a reader starts just past where its last read ended. The marks are forgotten every
``rescan_seconds`` (and by ``clear``), so a row that turns up behind a mark (a batch rolled back, a late commit)
waits that long at most.
"""

import threading
import time


class ResumeMarks(threading.local):
    """One mark per key (say, per end of the queue), per thread."""

    def __init__(self, rescan_seconds: float):
        self.rescan_seconds = rescan_seconds
        self.clear()

    def clear(self) -> None:
        self._marks: dict = {}
        self._since = time.monotonic()

    def get(self, key=None):
        if time.monotonic() - self._since > self.rescan_seconds:
            self.clear()
        return self._marks.get(key)

    def set(self, value, key=None) -> None:
        if value is None:
            self._marks.pop(key, None)
        else:
            self._marks[key] = value
