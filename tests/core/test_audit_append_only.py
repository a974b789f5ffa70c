"""Audit rows are append-only, the admin included: the model, the queryset and the database itself refuse."""

import pytest
from django.db import DatabaseError, connection, transaction

from sampark.core.audit import guard
from sampark.core.models import AppendOnly, AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def row():
    return AuditEntry.objects.create(action=AuditEntry.Action.REVEAL_PHONE, subject="supporter:abc",
                                     detail={"reason": "call back"})


def test_a_new_row_is_written(row):
    assert AuditEntry.objects.get(pk=row.pk).detail == {"reason": "call back"}


def test_saving_an_existing_row_is_refused(row):
    row.subject = "supporter:someone-else"
    with pytest.raises(AppendOnly):
        row.save()
    assert AuditEntry.objects.get(pk=row.pk).subject == "supporter:abc"


def test_deleting_a_row_is_refused(row):
    with pytest.raises(AppendOnly):
        row.delete()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=row.pk).delete()
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=row.pk).update(subject="x")
    assert AuditEntry.objects.filter(pk=row.pk).exists()


def test_the_database_refuses_update_and_delete_in_sql(row):
    """Below the ORM (raw SQL, a bulk tool, the database shell as the app's user): the trigger raises."""
    for sql in (f"UPDATE {guard.TABLE} SET subject = 'x' WHERE id = %s", f"DELETE FROM {guard.TABLE} WHERE id = %s"):
        with pytest.raises(DatabaseError, match="append-only"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, [row.pk])
    assert AuditEntry.objects.get(pk=row.pk).subject == "supporter:abc"


def test_a_staff_user_with_audit_rows_cannot_be_deleted(row, django_user_model):
    """Deleting the actor would set the rows' actor to NULL, a change: deactivate staff instead."""
    from django.db.models import ProtectedError

    user = django_user_model.objects.create_user("volunteer-1")
    AuditEntry.objects.create(action=AuditEntry.Action.SIGN_IN, subject="user:volunteer-1", actor=user)
    with pytest.raises(ProtectedError):
        user.delete()


@pytest.mark.django_db(transaction=True)
def test_tests_that_commit_still_leave_an_empty_table():
    """Django's flush after a committing test (live server, browser) is the one DELETE allowed (tests/conftest.py,
    audit_flushable); this test's teardown would error otherwise."""
    AuditEntry.objects.create(action=AuditEntry.Action.SIGN_IN, subject="user:someone")
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {guard.TABLE}")
