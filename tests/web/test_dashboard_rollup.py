"""`sampark dashboard rollup` brings the per-day figures up to date: each settled row counted once, however often
it runs; rows younger than the settling time wait for the next run."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from sampark.web.models import DailyFigure
from tests.supporters.factories import make_areas, make_supporter


@pytest.fixture
def areas(db):
    return make_areas()


def joins():
    return DailyFigure.objects.filter(name="joins").aggregate(n=Sum("value"))["n"] or 0


def test_counts_each_join_once(areas):
    with time_machine.travel(timezone.now() - timedelta(days=2), tick=False):
        for n in range(3):
            make_supporter(f"+91987650060{n}", area=areas["UP-LKO"])
    make_supporter("+919876500700", area=areas["UP-AGR"])  # just now: not settled yet
    call_command("dashboard", "rollup")
    assert joins() == 3
    call_command("dashboard", "rollup")
    assert joins() == 3
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        call_command("dashboard", "rollup")
    assert joins() == 4
    by_day = dict(DailyFigure.objects.filter(name="joins").values_list("area_key", "value"))
    assert by_day == {areas["UP-LKO"].pk: 3, areas["UP-AGR"].pk: 1}
