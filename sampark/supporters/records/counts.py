"""How many supporters a list holds, without COUNT(*) over crores of rows.

On PostgreSQL the planner's estimate for the list's own query comes first (EXPLAIN: it reads pg_class and
pg_statistic and runs nothing, ~1-2 ms): when it says 2,000 rows or more, that is the answer, shown as "about
12,30,000" and marked as an estimate. Smaller lists are counted exactly up to ``EXACT_UP_TO`` rows (a bounded
count: COUNT over a LIMIT), past which the estimate is shown again. SQLite has no such estimate: it counts up to
1,000 and says "more than 1,000" beyond.
"""

import json

from django.db import connection

EXACT_UP_TO = 1000
TRUST_ESTIMATE_FROM = 2000  # PostgreSQL: a planner estimate this big is shown as it is, nothing counted


def count(queryset) -> tuple[int, str]:
    """(number, kind) where kind is "exact", "estimate" or "at_least"."""
    estimate = planner_rows(queryset) if connection.vendor == "postgresql" else None
    if estimate is not None and estimate >= TRUST_ESTIMATE_FROM:
        # a big list: counting even its first 1,001 rows can mean scanning lakhs when the filter is selective
        return estimate, "estimate"
    exact = queryset.order_by()[: EXACT_UP_TO + 1].count()
    if exact <= EXACT_UP_TO:
        return exact, "exact"
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
