"""move_stage: every move recorded; backwards only with a reason."""

import pytest

from sampark.supporters.models import StageChange
from sampark.supporters.records.services import RecordError, move_stage
from tests.supporters.factories import make_supporter


def test_forward_moves_are_recorded(areas, lko_coordinator):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    move_stage(s, "called_back", by=None, reason="call-back reached")
    move_stage(s, "volunteer", by=lko_coordinator)
    s.refresh_from_db()
    assert s.stage == "volunteer"
    assert list(StageChange.objects.order_by("at", "pk").values_list("from_stage", "to_stage")) == [
        ("new", "called_back"), ("called_back", "volunteer")]


def test_backwards_needs_a_reason(areas, lko_coordinator):
    s = make_supporter("+919876500001", area=areas["UP-LKO"], stage="cadre")
    with pytest.raises(RecordError) as refused:
        move_stage(s, "active", by=lko_coordinator)
    assert refused.value.field == "reason"
    assert not StageChange.objects.exists()
    move_stage(s, "active", by=lko_coordinator, reason="left the camp early")
    assert StageChange.objects.get().reason == "left the camp early"


def test_same_stage_is_no_move(areas):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    assert move_stage(s, "new") is None and not StageChange.objects.exists()


def test_unknown_stage_refused(areas):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    with pytest.raises(RecordError):
        move_stage(s, "president")
