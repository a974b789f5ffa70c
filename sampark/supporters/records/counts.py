"""How many supporters a list holds, without COUNT(*) over crores of rows.

A list is counted exactly up to ``EXACT_UP_TO`` rows (a bounded count: COUNT over a LIMIT, so its cost is capped
like the page's own). Past that, on PostgreSQL the number is the planner's estimate for the same query (EXPLAIN,
which reads pg_class/pg_statistic and runs nothing) and is shown as "about 12,30,000"; SQLite has no such
estimate and says "more than 1,000". The page marks which it is.
"""

import json

from django.db import connection

EXACT_UP_TO = 1000


def count(queryset) -> tuple[int, str]:
    """(number, kind) where kind is "exact", "estimate" or "at_least"."""
    exact = queryset.order_by()[: EXACT_UP_TO + 1].count()
    if exact <= EXACT_UP_TO:
        return exact, "exact"
    if connection.vendor == "postgresql":
        estimate = planner_rows(queryset)
        if estimate is not None:
            return max(estimate, exact), "estimate"
    return EXACT_UP_TO, "at_least"


def planner_rows(queryset) -> int | None:
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    try:
        return int(plan[0]["Plan"]["Plan Rows"])
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def indian(number: int) -> str:
    """Indian digit grouping: 1230000 → "12,30,000" (lakhs and crores), in Hindi and English pages alike."""
    sign, digits = ("-", str(-number)) if number < 0 else ("", str(number))
    if len(digits) <= 3:
        return sign + digits
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return sign + ",".join(groups + [tail])
