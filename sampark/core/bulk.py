"""Set-based writes for the intake path, where per-row ORM work costs more than the SQL itself.

The ORM's bulk_create spends ~30 µs a row building model instances, and a statement with thousands of %s
placeholders costs psycopg milliseconds just to parse. The intake worker writes several rows per call at ten
thousand calls a second, so on PostgreSQL it sends one array per column (``INSERT … SELECT * FROM unnest(…)``,
a fixed handful of parameters whatever the row count); on SQLite, whose driver binds cheaply, chunked VALUES lists.
"""

import functools
import json
from collections.abc import Iterator
from contextlib import closing, contextmanager, nullcontext

from django.db import connection, transaction
from django.db.models import Model


def _pg_types(model: type[Model], columns: tuple[str, ...]) -> list[str]:
    by_column = {field.column: field for field in model._meta.concrete_fields}
    return [by_column[column].target_field.db_type(connection) if by_column[column].is_relation
            else by_column[column].db_type(connection) for column in columns]


def insert_rows(model: type[Model], columns: tuple[str, ...], rows: list[tuple], *, constants: dict | None = None,
                suffix: str = "", suffix_params: tuple = (), returning: bool = False) -> list[tuple]:
    """INSERT ``rows`` (tuples in ``columns`` order, values adapted for the database).

    ``constants`` (column -> value) are the same in every row: PostgreSQL gets each once as a parameter instead
    of an array as long as the batch (binary array dumping is the worker's costliest client-side step).
    ``suffix`` follows the row source: an ON CONFLICT clause, then RETURNING when ``returning`` is set.
    """
    if not rows:
        return []
    constants = constants or {}
    table = model._meta.db_table
    names = ", ".join((*columns, *constants))
    fetched: list[tuple] = []
    if connection.vendor == "postgresql":
        # %b: binary parameters; the text array dumper runs a regex over every element to decide on quoting.
        arrays = ", ".join(f"%b::{kind}[]" for kind in _pg_types(model, columns))
        fixed = "".join(f", %b::{kind}" for kind in _pg_types(model, tuple(constants)))
        return execute(f"INSERT INTO {table} ({names}) SELECT *{fixed} FROM unnest({arrays}) {suffix}",
                       [*constants.values(), *(list(column) for column in zip(*rows, strict=True)),
                        *suffix_params], fetch=returning)
    fixed_values = tuple(constants.values())
    with _sqlite_cursor() as cursor:
        if not returning:
            # One single-row statement, parsed once per connection (the driver caches it), stepped per row.
            cursor.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({', '.join(['?'] * (len(columns) + len(fixed_values)))}) "
                f"{suffix.replace('%s', '?')}",
                [(*row, *fixed_values, *suffix_params) for row in rows] if fixed_values or suffix_params else rows,
            )
            return []
        for chunk in _sqlite_chunks(rows):
            cursor.execute(_sqlite_values_statement(table, names, len(columns) + len(fixed_values), len(chunk),
                                                    suffix.replace("%s", "?")),
                           [*(value for row in chunk for value in (*row, *fixed_values)), *suffix_params])
            fetched += cursor.fetchall()
    return fetched


def update_rows(model: type[Model], columns: tuple[str, ...], rows: list[tuple], *,
                constants: dict | None = None) -> None:
    """UPDATE rows of ``model`` by primary key: each of ``rows`` holds values for ``columns`` (adapted for the
    database), then the row's id; ``constants`` (column -> value) are set alike on every row.

    PostgreSQL: one statement joining an array per column (single-row statements, even pipelined, took half as
    long again: 3.2 against 2.1 ms for the SMS sender's 50 results). SQLite: one single-row statement, parsed
    once per connection, stepped per row."""
    if not rows:
        return
    constants = constants or {}
    table, pk = model._meta.db_table, model._meta.pk.column
    if connection.vendor == "postgresql":
        joined = (*columns, pk)
        assignments = [f"{column} = v.{column}" for column in columns] + [
            f"{column} = %b::{kind}" for column, kind in zip(constants, _pg_types(model, tuple(constants)), strict=True)
        ]
        arrays = ", ".join(f"%b::{kind}[]" for kind in _pg_types(model, joined))
        execute(f"UPDATE {table} SET {', '.join(assignments)} FROM unnest({arrays}) AS v({', '.join(joined)}) "
                f"WHERE {table}.{pk} = v.{pk}",
                [*constants.values(), *(list(column) for column in zip(*rows, strict=True))])
        return
    fixed = tuple(constants.values())
    with _sqlite_cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET {', '.join(f'{column} = ?' for column in (*columns, *constants))} WHERE {pk} = ?",
            [(*row[:-1], *fixed, row[-1]) for row in rows],
        )


def _sqlite_cursor():
    """The driver's own cursor: SQLite's ? placeholders, no rewriting of the statement by Django."""
    connection.ensure_connection()
    return closing(connection.connection.cursor())


# Multi-row statements (RETURNING rows cannot come from executemany) are cut into chunks of these sizes only,
# so each statement text recurs and the driver's statement cache parses it once per connection. Statements of
# a new length every batch cost SQLite's parser more than the inserts themselves (12% of the worker's time).
SQLITE_CHUNK_SIZES = (256, 64, 16, 4, 1)


def _sqlite_chunks(rows: list) -> Iterator[list]:
    start = 0
    for size in SQLITE_CHUNK_SIZES:
        while len(rows) - start >= size:
            yield rows[start:start + size]
            start += size


@functools.lru_cache(maxsize=64)
def _sqlite_values_statement(table: str, names: str, width: int, count: int, suffix: str) -> str:
    row = "(" + ", ".join(["?"] * width) + ")"
    return f"INSERT INTO {table} ({names}) VALUES {', '.join([row] * count)} {suffix}"


def in_index_order():
    """PostgreSQL: read a queue's partial index in its order and stop at the LIMIT. Without statistics (a new
    database before autovacuum's first ANALYZE, or autovacuum behind) the planner fetched every queued row and
    sorted them, read after read; with sorting off for the read it walks the index."""
    return _without_plan("sort")


def by_ids():
    """PostgreSQL: find the rows of an ``id = ANY(...)`` write through the primary key alone. Without
    statistics the planner took a queue's partial index for a small one and ANDed a scan of all of it with the
    ids: the SMS sender's claim of 50 messages read all 370,000 entries of ``sms_due`` (13 ms instead of 1), and
    while a backlog drained those claims kept two-thirds of a core busy, which the webhooks needed."""
    return _without_plan("bitmapscan")


@contextmanager
def _without_plan(kind: str):
    """``enable_<kind>`` off for what runs inside. SET LOCAL lasts until the transaction ends, so it is turned
    back on afterwards (inside the caller's transaction) or lasts only for a transaction of its own. Nothing on
    SQLite, where a transaction would take the write lock."""
    if connection.vendor != "postgresql":
        yield
        return
    with nullcontext() if connection.in_atomic_block else transaction.atomic():
        execute(f"SET LOCAL enable_{kind} = off", [])
        yield
        execute(f"SET LOCAL enable_{kind} = on", [])


def execute(
    sql: str, params: list, *, fetch: bool = False, binary: bool = False, prepare: bool | None = None
) -> list[tuple]:
    """Run one statement in the current transaction. On PostgreSQL it binds parameters on the server: Django's
    default client-side binding quotes every array element into the SQL text, which costs more than the insert."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if fetch else []
    import psycopg

    connection.ensure_connection()
    # Django's exception classes, and a connection marked for its health check after a non-data error, as
    # for the ORM's own statements.
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        # binary results: no parsing of timestamps from text. prepare=True: a server-side prepared statement
        # (Django turns psycopg's automatic preparation off, for connection poolers).
        cursor.execute(sql, params, binary=binary, prepare=prepare)
        return cursor.fetchall() if fetch else []


# json.dumps(value, ensure_ascii=False) builds a new encoder on every call; the worker encodes a few a call.
_encode_json = json.JSONEncoder(ensure_ascii=False).encode


def json_value(value) -> str:
    return _encode_json(value)


def db_datetime(value):
    """A time ready for a raw statement: an aware datetime adapted for the database; a time read back from the
    database unconverted (SQLite's text) passes as it is, so the worker never parses and re-formats it."""
    return value if value is None or isinstance(value, str) else connection.ops.adapt_datetimefield_value(value)
