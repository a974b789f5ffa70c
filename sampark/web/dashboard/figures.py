"""What the dashboard shows, read from the rollups (DailyFigure) and the desk's queue counts — never a count over
the supporters, call or SMS tables."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, Sum
from django.utils import timezone

from sampark.geo.models import Area
from sampark.supporters.desk import queue
from sampark.web.models import DailyFigure

DAYS = 30
Name = DailyFigure.Name


@dataclass
class Figures:
    days: list[tuple[date, int]]  # joins per day, oldest first
    joins: int
    calls: int
    reached: int
    sms_sent: int
    sms_failed: int
    queues: list  # queue.AreaQueue per child area (and the area's own queue)

    @property
    def reach_rate(self) -> float | None:
        return self.reached / self.calls if self.calls else None

    @property
    def waiting(self) -> int:
        return sum(q.waiting for q in self.queues)


def _rows(area: Area | None, national: bool):
    rows = DailyFigure.objects.all()
    if area is None:
        return rows
    inside = Area.objects.filter(Q(path=area.path) | Q(path__startswith=area.path + ".")).values("id")
    condition = Q(area_key__in=inside)
    if national:  # a root area also holds what has no area yet
        condition |= Q(area_key=0)
    return rows.filter(condition)


def for_area(area: Area | None, national: bool, today: date | None = None) -> Figures:
    """``area`` None: everything (a superuser); ``national``: the area is a root, and rows with no area count."""
    today = today or timezone.localdate()
    start = today - timedelta(days=DAYS - 1)
    totals: dict[tuple[str, date], int] = {}
    for name, day, value in (_rows(area, national).filter(day__gte=start, day__lte=today)
                             .values("name", "day").annotate(v=Sum("value")).values_list("name", "day", "v")):
        totals[(name, day)] = value
    days = [(start + timedelta(days=n), totals.get((Name.JOINS, start + timedelta(days=n)), 0)) for n in range(DAYS)]

    def total(name: str) -> int:
        return sum(value for (n, _day), value in totals.items() if n == name)

    return Figures(days=days, joins=total(Name.JOINS), calls=total(Name.CALLS), reached=total(Name.REACHED),
                   sms_sent=total(Name.SMS_SENT), sms_failed=total(Name.SMS_FAILED),
                   queues=queue.child_queues(area, include_national=national or area is None))
