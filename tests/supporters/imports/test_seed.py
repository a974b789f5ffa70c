"""`sampark supporters seed`: synthetic supporters stored as real ones are, with what the intake leaves behind."""

import io

import pytest
from django.core.management import CommandError, call_command

from sampark.core import counters, pii
from sampark.supporters.models import Callback, Consent, Stage, Supporter, Touch
from tests.supporters.factories import make_areas


@pytest.fixture
def areas(db):
    return make_areas()


def seed(*args) -> str:
    out = io.StringIO()
    call_command("supporters", "seed", *args, stdout=out)
    return out.getvalue()


def test_seeded_supporters_are_stored_like_real_ones(areas):
    assert "seeded 300 supporters (+919010000000 … +919010000299)" in seed("--count", "300")
    supporters = list(Supporter.objects.select_related("area"))
    assert len(supporters) == 300
    first = Supporter.objects.get(phone_index=pii.blind_index("+919010000000"))  # found by blind index
    assert pii.decrypt(first.phone_cipher) == "+919010000000"
    assert first.phone_hint == "+91 90XXXXXX00"
    assert all(s.area is not None for s in supporters)
    assert Touch.objects.filter(kind=Touch.Kind.MISSED_CALL).count() == 300
    assert Consent.objects.filter(purpose="join", granted=True).count() == 300
    assert Callback.objects.count() == 300
    new = Supporter.objects.filter(stage=Stage.NEW).count()
    assert Callback.objects.filter(status=Callback.Status.PENDING).count() == new
    assert 0 < new < 300  # a spread of stages
    waiting = Callback.objects.filter(status=Callback.Status.PENDING).select_related("supporter")[:20]
    assert all(c.due_at == c.created_at == c.supporter.created_at for c in waiting)  # waiting since they joined
    assert counters.read("supporters")["supporters"] == 300


def test_a_second_seed_continues_the_series(areas):
    seed("--count", "10")
    assert "+919010000010 … +919010000014" in seed("--count", "5")
    assert Supporter.objects.count() == 15


def test_area_limits_where_seeded_supporters_live(areas):
    seed("--count", "200", "--area", "UP-LKO")
    paths = set(Supporter.objects.values_list("area__path", flat=True))
    # each in Lucknow, or (a tenth, as if only their number's series were known) guessed at the state
    assert paths <= {"IN.UP.UP-DV-LKO.UP-LKO", "IN.UP", *(f"IN.UP.UP-DV-LKO.UP-LKO.UP-AC-{n}" for n in (170, 171, 173))}
    assert any(p.startswith("IN.UP.UP-DV-LKO.UP-LKO") for p in paths)


@pytest.mark.parametrize("args, message", [
    (["--count", "0"], "--count must be at least 1"),
    (["--count", "5", "--area", "NOPE"], "--area: no area with code 'NOPE'"),
])
def test_bad_arguments_are_named(areas, args, message):
    with pytest.raises(CommandError, match=message):
        seed(*args)
    assert not Supporter.objects.exists()


def test_no_areas_loaded_is_an_error_saying_how(db):
    with pytest.raises(CommandError, match="sampark geo import"):
        seed("--count", "5")
