"""Counter tables: increments inside the caller's transaction, reads without scanning big tables."""

from django.db import IntegrityError, transaction
from django.db.models import F

from sampark.core.models import Counter


def increment(name: str, by: int = 1) -> None:
    if by == 0:
        return
    if Counter.objects.filter(name=name).update(value=F("value") + by):
        return
    try:
        with transaction.atomic():
            Counter.objects.create(name=name, value=by)
    except IntegrityError:  # another process created it between our UPDATE and INSERT
        Counter.objects.filter(name=name).update(value=F("value") + by)


def increment_many(amounts: dict[str, int]) -> None:
    for name, by in sorted(amounts.items()):  # fixed order: two workers never deadlock on counter rows
        increment(name, by)


def read(*names: str) -> dict[str, int]:
    found = dict(Counter.objects.filter(name__in=names).values_list("name", "value"))
    return {name: found.get(name, 0) for name in names}
