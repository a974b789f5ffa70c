"""Set-based inserts: every row goes in exactly once whatever the batch size, on both databases. On SQLite rows
are cut into chunks of fixed sizes (bulk.SQLITE_CHUNK_SIZES), so the sizes around each cut are tried."""

import pytest
from django.utils import timezone

from sampark.core.bulk import SQLITE_CHUNK_SIZES, insert_rows
from sampark.supporters.models import Consent

SIZES = sorted({1, 2, 3, 255, 256, 257, sum(SQLITE_CHUNK_SIZES), 1_300})


def _consent_rows(count, start=0):
    return [(start + n,) for n in range(count)]


def _constants():
    return {"purpose": "join", "granted": True, "notice_version": "v1", "channel": "missed_call",
            "at": timezone.now()}


@pytest.mark.django_db
@pytest.mark.parametrize("count", SIZES)
def test_returning_gives_back_every_row_once(count):
    returned = insert_rows(Consent, ("supporter_id",), _consent_rows(count, start=10_000),
                           constants=_constants(), suffix="RETURNING supporter_id", returning=True)
    assert sorted(supporter_id for (supporter_id,) in returned) == list(range(10_000, 10_000 + count))
    assert Consent.objects.count() == count


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 257, 1_300])
def test_plain_insert_writes_every_row_with_its_constants(count):
    assert insert_rows(Consent, ("supporter_id",), _consent_rows(count), constants=_constants()) == []
    assert Consent.objects.count() == count
    assert set(Consent.objects.values_list("purpose", "channel", "granted").distinct()) == {
        ("join", "missed_call", True)
    }
    assert sorted(Consent.objects.values_list("supporter_id", flat=True)) == list(range(count))


@pytest.mark.django_db
def test_no_rows_is_no_statement(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert insert_rows(Consent, ("supporter_id",), [], constants=_constants(), returning=True) == []
