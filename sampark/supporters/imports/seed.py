"""Synthetic supporters for benchmarks and demos: ``sampark supporters seed --count N [--area CODE]``.

Each seeded supporter is stored as a real one is (number encrypted, blind index, masked hint) and has what the
intake leaves behind: a missed-call touch, a join consent and a call-back, plus a spread of funnel stages (with
their stage change), tags and join dates over the last year. Numbers come from a synthetic series
(+91 9010000000 upwards, continued by the next run), never from anyone's phone, and no SMS is queued for them.

Set-based and chunked: one transaction per ``CHUNK`` supporters, a handful of array INSERTs each (core/bulk.py),
so memory stays flat whatever the count.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sampark.core import counters, pii
from sampark.core.bulk import db_datetime, insert_rows, json_value
from sampark.core.ids import public_id
from sampark.core.models import Counter
from sampark.core.phones import Phone
from sampark.geo.models import Area, Level
from sampark.supporters.models import Callback, Consent, Stage, StageChange, Supporter, SupporterTag, Tag, Touch

CHUNK = 5_000
FIRST_NUMBER = 9_010_000_000  # +91 90100 00000: the seeded series (the demo's callers are +91 90000 000xx)
LAST_NUMBER = 9_099_999_999
NEXT_NUMBER_COUNTER = "seed_next_number"  # offset into the series of the next seeded supporter
# (stage, share): most supporters are new; each step of the funnel keeps fewer
STAGES = [(Stage.NEW, 0.70), (Stage.CALLED_BACK, 0.15), (Stage.ACTIVE, 0.08), (Stage.VOLUNTEER, 0.05),
          (Stage.CADRE, 0.015), (Stage.OFFICE_BEARER, 0.005)]
TAGS = ["farmer", "student", "youth", "women-wing", "teacher", "trader"]
TAGGED_SHARE = 0.2
NAMES = [  # (given names, family names): a script each, as people write their own name
    (["राम", "सीता", "मोहन", "गीता", "अमित", "पूजा", "सुनील", "इमरान"], ["कुमार", "देवी", "यादव", "शर्मा", "खान", "मौर्य"]),
    (["Rahul", "Priya", "Anjali", "Fatima", "Vikas", "Neha"], ["Singh", "Verma", "Gupta", "Patel", "Khan"]),
]


class SeedError(ValueError):
    pass


@dataclass
class SeedResult:
    created: int
    first_number: str
    last_number: str


def seed_areas(area_code: str | None) -> list[tuple[int, str]]:
    """(id, path) of the areas seeded supporters go to: districts and assembly constituencies (those loaded by
    ``sampark geo import``), inside ``area_code`` when given (the area itself when it has none below it)."""
    areas = Area.objects.all()
    if area_code:
        root = Area.objects.filter(code=area_code).first()
        if root is None:
            raise SeedError(f"--area: no area with code {area_code!r} (load them with `sampark geo import`)")
        areas = areas.filter(path__startswith=root.path + ".") | Area.objects.filter(pk=root.pk)
    chosen = list(areas.filter(level__in=[Level.DISTRICT, Level.ASSEMBLY]).order_by("id").values_list("id", "path"))
    if not chosen:
        chosen = list(areas.order_by("id").values_list("id", "path"))
    if not chosen:
        raise SeedError("no areas: load them first, e.g. `sampark geo import sampark/geo/data/up_demo_areas.csv`")
    return chosen


def _state_of(path: str, ids_by_path: dict[str, int]) -> int | None:
    parts = path.split(".")
    return ids_by_path.get(".".join(parts[:2])) if len(parts) >= 2 else None


def _claim_numbers(count: int) -> int:
    """The first offset of ``count`` numbers no earlier seed has used (a counter row, locked while claimed)."""
    with transaction.atomic():
        row, _ = Counter.objects.select_for_update().get_or_create(name=NEXT_NUMBER_COUNTER)
        start = row.value
        if FIRST_NUMBER + start + count - 1 > LAST_NUMBER:
            left = LAST_NUMBER - FIRST_NUMBER + 1 - start
            raise SeedError(f"--count: the synthetic series has {left:,} numbers left")
        row.value = start + count
        row.save(update_fields=["value"])
    return start


def seed(count: int, *, area_code: str | None = None, rng: random.Random | None = None,
         progress: Callable[[int], None] | None = None) -> SeedResult:
    if count < 1:
        raise SeedError("--count must be at least 1")
    rng = rng or random.Random()
    areas = seed_areas(area_code)
    ids_by_path = dict(Area.objects.values_list("path", "id"))
    state_of = {area_id: _state_of(path, ids_by_path) for area_id, path in areas}
    tag_ids = [Tag.objects.get_or_create(name=name)[0].id for name in TAGS]
    start = _claim_numbers(count)
    done = 0
    while done < count:
        size = min(CHUNK, count - done)
        _seed_chunk(start + done, size, areas, state_of, tag_ids, rng)
        done += size
        if progress:
            progress(done)
    return SeedResult(count, f"+91{FIRST_NUMBER + start}", f"+91{FIRST_NUMBER + start + count - 1}")


# fmt: off
_COLUMNS = ("public_id", "phone_cipher", "phone_index", "phone_hint", "phone_region", "phone_is_mobile", "area_id",
            "area_is_guess", "name", "language", "stage", "first_call_at", "last_call_at", "call_count", "created_at",
            "updated_at")
# fmt: on
_STAGE_VALUES = [str(stage) for stage, _share in STAGES]
_STAGE_WEIGHTS = [share for _stage, share in STAGES]


@transaction.atomic
def _seed_chunk(offset: int, size: int, areas, state_of, tag_ids, rng: random.Random) -> None:
    now = timezone.now()
    year = 365 * 24 * 3600
    supporters, extra = [], []
    stages = rng.choices(_STAGE_VALUES, _STAGE_WEIGHTS, k=size)
    for n in range(size):
        e164 = f"+91{FIRST_NUMBER + offset + n}"
        phone = Phone(e164=e164, region="IN", is_mobile=True, country_code=91)
        area_id, _path = areas[rng.randrange(len(areas))]
        guessed = rng.random() < 0.1 and state_of[area_id] is not None  # only the number series' state is known
        if guessed:
            area_id = state_of[area_id]
        joined = now - timedelta(seconds=rng.randrange(year))
        last = joined + timedelta(seconds=rng.randrange(max(1, int((now - joined).total_seconds()))))
        calls = 1 if rng.random() < 0.7 else rng.randint(2, 5)
        stage = stages[n]
        given, family = NAMES[rng.random() < 0.2]
        name = "" if stage == Stage.NEW and rng.random() < 0.6 else f"{rng.choice(given)} {rng.choice(family)}"
        supporters.append((
            public_id(), pii.encrypt(e164), pii.blind_index(e164), phone.masked, "IN", True, area_id, guessed,
            name, "en" if rng.random() < 0.15 else "hi", stage, db_datetime(joined),
            db_datetime(last if calls > 1 else joined), calls, db_datetime(joined), db_datetime(last),
        ))
        extra.append((area_id, db_datetime(joined), stage, db_datetime(joined + timedelta(days=1)),
                      rng.choice(tag_ids) if rng.random() < TAGGED_SHARE else None))
    returned = insert_rows(
        Supporter, _COLUMNS, supporters,
        constants={"notice_version": settings.NOTICE_VERSION, "link_version": 1},
        suffix="ON CONFLICT (phone_index) DO NOTHING RETURNING id, phone_index", returning=True,
    )
    id_of = dict((index, sid) for sid, index in returned)
    rows = [(id_of[s[2]], *e) for s, e in zip(supporters, extra, strict=True) if s[2] in id_of]
    insert_rows(Touch, ("supporter_id", "at"), [(sid, joined) for sid, _a, joined, _s, _m, _t in rows],
                constants={"kind": str(Touch.Kind.MISSED_CALL), "detail": json_value({"calls": [], "seeded": True})})
    insert_rows(Consent, ("supporter_id", "at"), [(sid, joined) for sid, _a, joined, _s, _m, _t in rows],
                constants={"purpose": "join", "granted": True, "notice_version": settings.NOTICE_VERSION,
                           "channel": "missed_call"})
    insert_rows(Callback, ("supporter_id", "area_id", "created_at", "due_at", "status"),
                [(sid, area, joined, joined,
                  str(Callback.Status.PENDING if stage == Stage.NEW else Callback.Status.DONE))
                 for sid, area, joined, stage, _m, _t in rows])
    insert_rows(StageChange, ("supporter_id", "to_stage", "at"),
                [(sid, stage, moved) for sid, _a, _j, stage, moved, _t in rows if stage != Stage.NEW],
                constants={"from_stage": str(Stage.NEW), "reason": "seeded"})
    insert_rows(SupporterTag, ("supporter_id", "tag_id"), [(sid, tag) for sid, _a, _j, _s, _m, tag in rows if tag],
                suffix="ON CONFLICT DO NOTHING")
    counters.increment("supporters", len(rows))
