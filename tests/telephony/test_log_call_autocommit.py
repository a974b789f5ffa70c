"""Outside any transaction (as in production, unlike most tests), the webhook's write tells a new call from a
redelivery and counts the redelivery: on SQLite through its short-step lock wait, on PostgreSQL through the
call-log writer."""

import pytest

from sampark.core import counters
from sampark.telephony.models import Call


@pytest.mark.django_db(transaction=True)
def test_a_redelivered_call_is_logged_once_and_counted_as_duplicate(log_call):
    assert log_call("auto-1", "9876500001") is True
    assert log_call("auto-1", "9876500001") is False
    assert log_call("auto-2", "9876500002") is True
    assert Call.objects.count() == 2
    assert counters.read("calls_duplicate")["calls_duplicate"] == 1
