"""Two staff adding the same handle at the same moment: one channel, and a clear refusal for the other."""

import threading

import pytest
from django.db import connection, connections

from sampark.trust import registry
from sampark.trust.models import OfficialChannel

# SQLite serialises writers (IMMEDIATE transactions) so there is no race to test, and its in-memory shared-cache
# test database answers a second writer with "table is locked" instead of waiting like the WAL file does.
pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the race exists on PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_two_adds_of_one_handle_at_once_make_one_channel_and_one_clear_refusal():
    owners = [registry.find_or_create_owner(name) for name in ("Sampark Andolan", "Someone Else")]
    forms = ["@SamparkAndolan", "https://twitter.com/samparkandolan?s=20"]
    outcomes, start = [], threading.Barrier(2)

    def add(owner, handle):
        try:
            start.wait()
            registry.add_channel(platform="x", handle=handle, owner=owner)
            outcomes.append("added")
        except registry.RegistryError as exc:
            outcomes.append(str(exc))
        except Exception as exc:  # anything else (an IntegrityError, a lock error) is the bug this test is for
            outcomes.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add, args=pair) for pair in zip(owners, forms, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes)[0] == "added"
    assert sorted(outcomes)[1].startswith("handle: already registered"), outcomes
    assert OfficialChannel.objects.count() == 1
