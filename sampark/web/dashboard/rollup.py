"""Per-day rollups (web.DailyFigure) of the rows the big tables gained since the last roll-up.

Each source keeps a mark (the last id rolled up) in the Counter table. A roll-up step takes the next chunk of ids
above the mark, counts it per area and day in one GROUP BY (an id range read by primary key: never a count over
the whole table), adds the counts to DailyFigure and moves the mark — in one transaction, the mark first and only
if nobody moved it meanwhile, so two processes never count a chunk twice.

Rows are rolled up only once settled: supporters and call attempts written more than ``SETTLE`` ago (a batch
still open in another transaction may hold a lower id), SMS only below the oldest one still queued (its status
is not final yet).
"""

import time
from dataclasses import dataclass, field
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Max, Min, Q, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from sampark.core.bulk import execute
from sampark.core.models import Counter
from sampark.outreach.models import OutboundSms
from sampark.supporters.desk.models import CallAttempt, Outcome
from sampark.supporters.models import Supporter
from sampark.web.models import DailyFigure

CHUNK = 200_000  # ids per step: one GROUP BY over this many rows, a few hundred ms on PostgreSQL
SETTLE = timedelta(minutes=2)
Name = DailyFigure.Name

# {grouped}: the ORM's GROUP BY (area key, day, then one count per figure); the WHERE also lets SQLite parse the
# upsert after a SELECT (its documented ambiguity with ON CONFLICT)
_UPSERT_GROUPED = (
    f"INSERT INTO {DailyFigure._meta.db_table} (area_key, name, day, value) "
    "SELECT g.k, %s, g.d, g.{column} FROM ({grouped}) AS g WHERE g.{column} > 0 "
    f"ON CONFLICT (area_key, name, day) DO UPDATE SET value = {DailyFigure._meta.db_table}.value + excluded.value"
)


@dataclass(frozen=True)
class Source:
    mark: str
    model: type
    day_field: str
    area_field: str
    figures: dict = field(default_factory=dict)  # DailyFigure name -> Q on the rows (None: every row)
    settled_by_time: bool = True


SOURCES = (
    Source("dashboard:joins", Supporter, "created_at", "area_id", {Name.JOINS: None}),
    Source("dashboard:calls", CallAttempt, "at", "supporter__area_id",
           {Name.CALLS: None, Name.REACHED: Q(outcome=Outcome.REACHED)}),
    Source("dashboard:sms", OutboundSms, "created_at", "supporter__area_id",
           {Name.SMS_SENT: Q(status=OutboundSms.Status.SENT), Name.SMS_FAILED: Q(status=OutboundSms.Status.FAILED)},
           settled_by_time=False),
)


def _mark(source: Source) -> int:
    Counter.objects.bulk_create([Counter(name=source.mark, value=0)], ignore_conflicts=True)
    return Counter.objects.filter(name=source.mark).values_list("value", flat=True).get()


def _upper(source: Source, low: int, now) -> int:
    """The highest id of the next chunk that is settled."""
    rows = source.model.objects.all()
    top = rows.aggregate(top=Max("pk"))["top"] or 0
    high = min(low + CHUNK, top)
    if high <= low:
        return low
    if source.settled_by_time:
        first_recent = rows.filter(pk__gt=low, pk__lte=high, **{f"{source.day_field}__gte": now - SETTLE}) \
            .aggregate(first=Min("pk"))["first"]
    else:  # SMS: below the oldest still queued (the partial index sms_due holds only those)
        first_recent = rows.filter(status=OutboundSms.Status.QUEUED, pk__gt=low).aggregate(first=Min("pk"))["first"]
    if first_recent is not None:
        high = min(high, first_recent - 1)
    return max(high, low)


def step(source: Source, now=None) -> int:
    """Roll up one chunk; returns how many ids the mark moved (0: caught up, or another process is at it)."""
    now = now or timezone.now()
    low = _mark(source)
    high = _upper(source, low, now)
    if high <= low:
        return 0
    zone = ZoneInfo(settings.TIME_ZONE)
    counts = {name: Count("pk", filter=q) if q is not None else Count("pk") for name, q in source.figures.items()}
    with transaction.atomic():
        if not Counter.objects.filter(name=source.mark, value=low).update(value=high):
            return 0  # another process rolled this chunk up
        grouped = (source.model.objects.filter(pk__gt=low, pk__lte=high)
                   .annotate(d=TruncDate(source.day_field, tzinfo=zone), k=Coalesce(source.area_field, Value(0)))
                   .values("k", "d").annotate(**counts).order_by())
        sql, params = grouped.query.sql_with_params()
        for name in source.figures:
            # one statement per figure, the GROUP BY inside it: no row travels to Python. The grouped query's
            # columns are named k, d and after each figure (.values/.annotate above).
            execute(_UPSERT_GROUPED.format(column=connection.ops.quote_name(str(name)), grouped=sql),
                    [str(name), *params])
    return high - low


def catch_up(seconds: float | None = None) -> None:
    """Roll every source up until caught up, or (``seconds``) until the time budget is spent."""
    deadline = None if seconds is None else time.monotonic() + seconds
    for source in SOURCES:
        while step(source):
            if deadline is not None and time.monotonic() > deadline:
                return
