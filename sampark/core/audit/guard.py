"""Audit rows are append-only in the database too: triggers refuse UPDATE and DELETE (migration core 0004).

On PostgreSQL a plpgsql trigger raises. On SQLite the trigger's condition calls ``sampark_audit_locked()``, a
function registered on every connection Django opens; it answers 1 except inside :func:`maintenance`, which only
the test suite uses, to empty the tables between tests that commit (Django's flush is ``DELETE FROM`` on SQLite;
on PostgreSQL it is ``TRUNCATE``, which row triggers do not see). A connection that has not registered the
function (the sqlite3 shell) fails the condition itself, so the row is still not deleted.
"""

import threading
from contextlib import contextmanager

from django.db.backends.signals import connection_created
from django.dispatch import receiver

TABLE = "core_auditentry"
MESSAGE = "audit entries are append-only"

_state = threading.local()

SQLITE_FUNCTION = "sampark_audit_locked"

SQLITE_CREATE = [
    f"CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON {TABLE} WHEN {SQLITE_FUNCTION}() "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}: no UPDATE'); END",
    f"CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON {TABLE} WHEN {SQLITE_FUNCTION}() "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}: no DELETE'); END",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS audit_no_update", "DROP TRIGGER IF EXISTS audit_no_delete"]

POSTGRES_CREATE = [
    f"""CREATE OR REPLACE FUNCTION sampark_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}: no %', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END $$""",
    f"CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    f"FOR EACH ROW EXECUTE FUNCTION sampark_audit_refuse()",
]
POSTGRES_DROP = [f"DROP TRIGGER IF EXISTS audit_append_only ON {TABLE}",
                 "DROP FUNCTION IF EXISTS sampark_audit_refuse()"]


def locked() -> int:
    return 0 if getattr(_state, "maintenance", False) else 1


@contextmanager
def maintenance():
    """Lets this thread's SQLite connections empty the audit table (the test suite's flush between tests)."""
    _state.maintenance = True
    try:
        yield
    finally:
        _state.maintenance = False


@receiver(connection_created)
def register(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 0, locked)


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_DROP[:1] + POSTGRES_CREATE}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement, params=None)


def ensure(using="default", **kwargs):
    """After every migrate: a later migration that rebuilds the table (SQLite remakes a table to alter a column,
    dropping its triggers) must not leave the audit log unguarded."""
    from django.db import connections

    connection = connections[using]
    if TABLE not in connection.introspection.table_names():
        return
    with connection.schema_editor() as schema_editor:
        install(None, schema_editor)


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, []):
        schema_editor.execute(statement, params=None)
