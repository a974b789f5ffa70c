"""Do-not-call, asked by set: which of these blind indexes must never be called back or sent an SMS.

Used by the intake worker (per batch), the SMS sender (per chunk) and the desk; one indexed query each, whatever
the batch size. Kept in a module of its own so the intake path imports nothing else of the desk.
"""

from django.db import connection

from sampark.core.bulk import execute
from sampark.supporters.desk.models import DoNotCall

CHUNK = 5000  # SQLite binds each value of an IN list as a parameter


def suppressed(indexes) -> set[str]:
    indexes = list(indexes)
    if not indexes:
        return set()
    table = DoNotCall._meta.db_table
    if connection.vendor == "postgresql":
        return {row[0] for row in execute(f"SELECT phone_index FROM {table} WHERE phone_index = ANY(%s)",
                                          [indexes], fetch=True)}
    found: set[str] = set()
    for start in range(0, len(indexes), CHUNK):
        chunk = indexes[start:start + CHUNK]
        found.update(row[0] for row in execute(
            f"SELECT phone_index FROM {table} WHERE phone_index IN ({', '.join(['%s'] * len(chunk))})", chunk,
            fetch=True))
    return found
