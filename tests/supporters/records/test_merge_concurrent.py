"""Two staff merging the same two records at once, in opposite directions: exactly one merge happens."""

import threading

import pytest
from django.db import connection, connections

from sampark.accounts.models import Role, RoleAssignment
from sampark.supporters.models import Supporter
from sampark.supporters.records import services
from tests.supporters.factories import make_areas, make_supporter

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_opposite_merges_at_once_leave_one_survivor(django_user_model):
    areas = make_areas()
    user = django_user_model.objects.create_user("c", password=None)
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=areas["UP-LKO"])
    a = make_supporter("+919876500001", area=areas["UP-LKO"])
    b = make_supporter("+919876500002", area=areas["UP-LKO"])
    barrier = threading.Barrier(2)
    results = []

    def run(keep, gone):
        try:
            barrier.wait()
            services.merge(Supporter.objects.get(pk=keep.pk), Supporter.objects.get(pk=gone.pk), by=user,
                           reason="same person")
            results.append("merged")
        except services.RecordError as exc:
            results.append(exc.field)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in ((a, b), (b, a))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["merged", "survivor"] or sorted(results) == ["merged", "other"]
    merged = list(Supporter.objects.filter(pk__in=[a.pk, b.pk]).values_list("merged_into_id", flat=True))
    assert merged.count(None) == 1  # one record carries on, the other points at it
