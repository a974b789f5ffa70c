"""The call-back queue: atomic claims, lapsed claims, and waiting counts per area.

A claim takes the oldest due call-backs of the volunteer's areas in one transaction. PostgreSQL: per area, the
partial index ``callback_queue`` read in order with ``FOR UPDATE SKIP LOCKED`` (a LATERAL subquery per area, so a
volunteer covering several areas still reads each area's index in order instead of sorting everything waiting),
then one UPDATE. SQLite: one ``UPDATE … WHERE status = 'pending' … RETURNING`` under the database's single write
lock. Either way one call-back is never given to two volunteers: a row leaves the queue (status ``assigned``) in
the transaction that claims it.

Counts: ``CallbackQueueCount`` rows kept by triggers (migration 0008), summed per area; the oldest wait is the
first entry of ``callback_queue`` for each area that has any waiting.
"""

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from sampark.accounts import permissions
from sampark.core.bulk import execute
from sampark.geo.models import Area
from sampark.supporters.desk.models import CallbackQueueCount, DeskAssignment
from sampark.supporters.models import Callback

DEFAULT_BATCH = 10
MAX_BATCH = 50
MAX_OPEN_CLAIMS = 50  # one volunteer holds at most this many open claims
SQUASH_ABOVE = 200  # count rows read for one answer above which they are folded into one row per area
SQUASH_LOCK = 0x5A4D_0C0B
SHORT_RETRIES = 3  # a batch that came back short is tried again this often (other claims held the rows)

TABLE = Callback._meta.db_table
COUNTS = CallbackQueueCount._meta.db_table
AREAS = Area._meta.db_table


def claim_timeout() -> timedelta:
    return timedelta(minutes=settings.CLAIM_TIMEOUT_MINUTES)


# --- which areas a volunteer's desk takes from ------------------------------------------------------------------


def desk_paths(user) -> list[str] | None:
    """Area paths the user's desk takes from: their assignments inside the areas where they may work call-backs,
    else those areas themselves. None: everywhere (a superuser with no assignment)."""
    allowed = permissions.scope(user, permissions.CALLBACKS_WORK)
    assigned = list(DeskAssignment.objects.filter(volunteer=user).values_list("area__path", flat=True))
    if allowed is None:
        return sorted(assigned) or None
    inside = [path for path in assigned if any(path == p or path.startswith(p + ".") for p in allowed)]
    return sorted(inside or allowed)


def _covering(paths: list[str] | None) -> tuple[str, list]:
    """SQL condition on geo_area alias ``a`` for the subtrees of ``paths``."""
    if paths is None:
        return "TRUE", []
    parts, params = [], []
    for path in paths:
        parts.append("(a.path = %s OR a.path LIKE %s ESCAPE '\\')")
        params += [path, path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%"]
    return " OR ".join(parts) or "FALSE", params


def waiting_area_keys(paths: list[str] | None) -> list[int]:
    """Area keys (area id, 0 for no area) under ``paths`` with call-backs waiting, from the trigger-kept counts."""
    condition, params = _covering(paths)
    national = paths is None or any("." not in p for p in paths)
    rows = execute(
        f"SELECT c.area_key, SUM(c.delta), COUNT(*) FROM {COUNTS} c LEFT JOIN {AREAS} a ON a.id = c.area_key "
        f"WHERE (c.area_key = 0 AND %s) OR ({condition}) GROUP BY c.area_key",
        [national, *params], fetch=True,
    )
    if sum(row[2] for row in rows) > SQUASH_ABOVE:
        squash([row[0] for row in rows])
    return [key for key, total, _rows in rows if total > 0]


def squash(area_keys: list[int] | None = None) -> None:
    """Fold the count rows of ``area_keys`` (all when None) into one row per area. PostgreSQL only: SQLite's
    triggers keep one row per area already. Skipped while another process squashes."""
    if connection.vendor != "postgresql":
        return
    with transaction.atomic():
        ((got,),) = execute("SELECT pg_try_advisory_xact_lock(%s)", [SQUASH_LOCK], fetch=True)
        if not got:
            return
        where, params = ("", []) if area_keys is None else ("WHERE area_key = ANY(%s)", [list(area_keys)])
        execute(
            f"WITH gone AS (DELETE FROM {COUNTS} {where} RETURNING area_key, delta) "
            f"INSERT INTO {COUNTS} (area_key, delta) SELECT area_key, SUM(delta) FROM gone GROUP BY area_key "
            "HAVING SUM(delta) <> 0", params,
        )


# --- claims ---------------------------------------------------------------------------------------------------


RELEASE_EVERY = timedelta(seconds=30)  # claims lapse after hours: looking for them once in a while is enough
_last_release: list[datetime] = []


def release_lapsed(now: datetime | None = None, *, throttled: bool = False) -> int:
    """Claims past their time go back to the queue, at their old place (oldest first). ``throttled``: at most
    once every RELEASE_EVERY in this process (the claim path)."""
    now = now or timezone.now()
    if throttled:
        if _last_release and abs(now - _last_release[0]) < RELEASE_EVERY:
            return 0
        _last_release[:] = [now]
    at = connection.ops.adapt_datetimefield_value(now)
    if connection.vendor == "postgresql":
        rows = execute(
            f"UPDATE {TABLE} SET status = 'pending', claimed_by_id = NULL, claimed_until = NULL WHERE id IN ("
            f"SELECT id FROM {TABLE} WHERE status = 'assigned' AND claimed_until < %s FOR UPDATE SKIP LOCKED) "
            "RETURNING id", [at], fetch=True,
        )
    else:
        rows = execute(
            f"UPDATE {TABLE} SET status = 'pending', claimed_by_id = NULL, claimed_until = NULL "
            "WHERE status = 'assigned' AND claimed_until < %s RETURNING id", [at], fetch=True,
        )
    return len(rows)


@dataclass(frozen=True)
class Claimed:
    callback_id: int
    claimed_until: datetime


def claim(user, count: int = DEFAULT_BATCH, now: datetime | None = None) -> list[int]:
    """Claim up to ``count`` call-backs, oldest due first, from the user's desk areas; returns their ids in
    queue order. One transaction; safe with any number of volunteers claiming at once."""
    count = max(1, min(int(count), MAX_BATCH))
    now = now or timezone.now()
    with transaction.atomic():
        release_lapsed(now, throttled=True)
        open_claims = Callback.objects.filter(status=Callback.Status.ASSIGNED, claimed_by=user,
                                              claimed_until__gte=now).count()
        count = min(count, MAX_OPEN_CLAIMS - open_claims)
        if count <= 0:
            return []
        keys = waiting_area_keys(desk_paths(user))
        if not keys:
            return []
        adapt = connection.ops.adapt_datetimefield_value
        until = now + claim_timeout()
        if connection.vendor == "postgresql":
            # The planner's cost for a read per area is far above its real cost (a few index pages each), and past
            # jit_above_cost PostgreSQL compiled the statement on every claim: 17 ms of a 20 ms claim.
            execute("SET LOCAL jit = off", [])
            return _claim_postgresql(user.pk, keys, count, adapt(now), adapt(until))
        return _claim_sqlite(user.pk, keys, count, adapt(now), adapt(until))


def _claim_postgresql(user_id: int, keys: list[int], count: int, now, until) -> list[int]:
    """Two steps. First, without locks, where the oldest due call-backs are: the oldest 3 × count of all the
    areas' queues (their indexes read in order). Then, in the areas that hold them, each area's index in
    order again with FOR UPDATE SKIP LOCKED, as many rows as that area gave plus one (rows another claim holds
    are skipped, so it reaches past them), and the oldest `count` of what was locked taken in one UPDATE. A
    volunteer covering a whole state has hundreds of areas: locking `count` rows in each would hold thousands.
    Rows locked and not taken are free again when this transaction ends; if other claims hold everything those
    areas gave, every area is tried with `count` rows."""
    got = _find_lock_and_take(user_id, keys, count, now, until)
    for attempt in range(SHORT_RETRIES):
        if len(got) >= count:
            break
        if attempt:  # what other claims hold now is usually theirs, or free again, a few milliseconds later
            time.sleep(0.005 * attempt)
        taken = {row[0] for row in got}
        more = _lock_and_take(user_id, {key: count for key in keys}, count - len(got), now, until, skip=taken)
        if not more and attempt:
            break
        got += more
    return [row[0] for row in sorted(got, key=lambda r: (r[1], r[0]))]


def _find_lock_and_take(user_id: int, keys: list[int], count: int, now, until) -> list[tuple]:
    """Both steps in one statement (one round trip, prepared once per connection). The oldest 3 × count due
    call-backs lie in the areas whose first due call-back is among the 3 × count oldest firsts, so each area's
    index is read for one entry, and only those areas' for `count`."""
    areas = [key for key in keys if key]
    national = 0 in keys
    reach = 3 * count
    per_area = f"FROM {TABLE} WHERE status = 'pending' AND area_id = {{}} AND due_at <= %s ORDER BY due_at"
    no_area = f"FROM {TABLE} WHERE status = 'pending' AND area_id IS NULL AND due_at <= %s ORDER BY due_at"
    return execute(
        "WITH heads AS ("
        f"SELECT k.area_id, h.due_at FROM unnest(%s::bigint[]) AS k(area_id) CROSS JOIN LATERAL "
        f"(SELECT due_at {per_area.format('k.area_id')} LIMIT 1) AS h "
        f"UNION ALL SELECT NULL::bigint, (SELECT due_at {no_area} LIMIT 1) WHERE %s), "
        "firsts AS (SELECT area_id FROM heads WHERE due_at IS NOT NULL ORDER BY due_at LIMIT %s), "
        "oldest AS (SELECT area_id FROM ("
        f"SELECT x.area_id, x.due_at, x.id FROM firsts AS f CROSS JOIN LATERAL "
        f"(SELECT area_id, due_at, id {per_area.format('f.area_id')} LIMIT %s) AS x "
        f"UNION ALL SELECT y.area_id, y.due_at, y.id FROM firsts AS f CROSS JOIN LATERAL "
        f"(SELECT area_id, due_at, id {no_area} LIMIT %s) AS y WHERE f.area_id IS NULL"
        ") AS c ORDER BY due_at, id LIMIT %s), "
        "wanted AS (SELECT area_id, count(*) + 1 AS lim FROM oldest GROUP BY area_id), "
        f"locked AS (SELECT x.id, x.due_at FROM wanted AS w CROSS JOIN LATERAL "
        f"(SELECT id, due_at {per_area.format('w.area_id')} LIMIT w.lim FOR UPDATE SKIP LOCKED) AS x "
        f"UNION ALL SELECT y.id, y.due_at FROM wanted AS w CROSS JOIN LATERAL "
        f"(SELECT id, due_at {no_area} LIMIT w.lim FOR UPDATE SKIP LOCKED) AS y WHERE w.area_id IS NULL), "
        "picked AS (SELECT id, due_at FROM locked ORDER BY due_at, id LIMIT %s) "
        f"UPDATE {TABLE} AS t SET status = 'assigned', claimed_by_id = %s, claimed_until = %s "
        "FROM picked WHERE t.id = picked.id RETURNING t.id, picked.due_at",
        [areas, now, now, national, reach, now, count, now, count, reach, now, now, count, user_id, until],
        fetch=True, prepare=True,
    )


def _arms(limits: dict[int, int], now, lock: bool, skip: set[int] | None = None) -> tuple[list[str], list]:
    """Per area (key 0: no area), its queue index in order, up to its limit; SQL union arms and parameters.
    Ordered by due_at alone, the index's own order (ties in any order), so each read stops at its limit."""
    suffix = " FOR UPDATE SKIP LOCKED" if lock else ""
    not_taken = " AND id <> ALL(%s)" if skip else ""
    areas = [key for key in limits if key]
    arms, params = [], []
    if areas:
        arms.append(
            f"SELECT x.id, x.due_at, x.area_id FROM unnest(%s::bigint[], %s::int[]) AS k(area_id, lim) "
            f"CROSS JOIN LATERAL (SELECT id, due_at, area_id FROM {TABLE} WHERE status = 'pending' "
            f"AND area_id = k.area_id AND due_at <= %s{not_taken} ORDER BY due_at LIMIT k.lim{suffix}) AS x"
        )
        params += [areas, [limits[key] for key in areas], now] + ([list(skip)] if skip else [])
    if 0 in limits:
        arms.append(
            f"SELECT id, due_at, area_id FROM (SELECT id, due_at, area_id FROM {TABLE} WHERE status = 'pending' "
            f"AND area_id IS NULL AND due_at <= %s{not_taken} ORDER BY due_at LIMIT %s{suffix}) AS n"
        )
        params += [now] + ([list(skip)] if skip else []) + [limits[0]]
    return arms, params


def _lock_and_take(user_id: int, limits: dict[int, int], count: int, now, until,
                   skip: set[int] | None = None) -> list[tuple]:
    if not limits or count <= 0:
        return []
    arms, params = _arms(limits, now, lock=True, skip=skip)
    return execute(
        f"WITH picked AS (SELECT id, due_at FROM ({' UNION ALL '.join(arms)}) AS c ORDER BY due_at, id LIMIT %s) "
        f"UPDATE {TABLE} AS t SET status = 'assigned', claimed_by_id = %s, claimed_until = %s "
        "FROM picked WHERE t.id = picked.id RETURNING t.id, picked.due_at",
        [*params, count, user_id, until], fetch=True, prepare=True,
    )


def _claim_sqlite(user_id: int, keys: list[int], count: int, now, until) -> list[int]:
    areas = [key for key in keys if key]
    conditions = []
    params: list = []
    if areas:
        conditions.append(f"area_id IN ({', '.join(['%s'] * len(areas))})")
        params += areas
    if 0 in keys:
        conditions.append("area_id IS NULL")
    rows = execute(
        f"UPDATE {TABLE} SET status = 'assigned', claimed_by_id = %s, claimed_until = %s WHERE id IN ("
        f"SELECT id FROM {TABLE} WHERE status = 'pending' AND ({' OR '.join(conditions)}) AND due_at <= %s "
        "ORDER BY due_at, id LIMIT %s) RETURNING id, due_at",
        [user_id, until, *params, now, count], fetch=True,
    )
    return [row[0] for row in sorted(rows, key=lambda r: (str(r[1]), r[0]))]


def open_claims(user, now: datetime | None = None):
    """The user's claims still open, oldest due first."""
    now = now or timezone.now()
    return (Callback.objects.filter(status=Callback.Status.ASSIGNED, claimed_by=user, claimed_until__gte=now)
            .select_related("supporter", "supporter__area").order_by("due_at", "id"))


# --- counts per child area -------------------------------------------------------------------------------------


@dataclass
class AreaQueue:
    area: Area | None  # None: call-backs with no area (the national queue)
    waiting: int
    oldest: datetime | None
    own: bool = False  # the area's own queue (supporters known only to this level), not a child's subtree


def child_queues(area: Area | None, include_national: bool = False) -> list[AreaQueue]:
    """Waiting call-backs and the oldest due time for ``area``'s own queue and each child area's subtree.

    ``area`` None: the roots (countries) and the queue of call-backs with no area. Cost: the count rows of the
    subtree (one per area after a squash) and one index probe per area with waiting call-backs."""
    if area is None:
        children = list(Area.objects.filter(parent__isnull=True).order_by("name_en"))
    else:
        children = list(Area.objects.filter(parent=area).order_by("name_en"))
    prefix = area.path + "." if area else ""
    condition, params = _covering([area.path] if area else None)
    rows = execute(
        f"SELECT c.area_key, a.path, SUM(c.delta), COUNT(*) FROM {COUNTS} c LEFT JOIN {AREAS} a ON a.id = c.area_key "
        f"WHERE (c.area_key = 0 AND %s) OR ({condition}) GROUP BY c.area_key, a.path",
        [include_national or area is None, *params], fetch=True,
    )
    if sum(row[3] for row in rows) > SQUASH_ABOVE:
        squash([row[0] for row in rows])
    oldest = _oldest({key for key, _path, total, _n in rows if total > 0})
    result: dict[object, AreaQueue] = {}
    if area is not None:
        result["own"] = AreaQueue(area, 0, None, own=True)
    if include_national or area is None:
        result["none"] = AreaQueue(None, 0, None, own=True)
    for child in children:
        result[child.path] = AreaQueue(child, 0, None)
    for key, path, total, _n in rows:
        if total <= 0:
            continue
        if key == 0:
            slot = result.get("none")
        elif area is not None and path == area.path:
            slot = result["own"]
        else:
            head = (path[len(prefix):] if prefix else path).split(".")[0]
            slot = result.get(prefix + head)
        if slot is None:
            continue
        slot.waiting += total
        first = oldest.get(key)
        if first is not None and (slot.oldest is None or first < slot.oldest):
            slot.oldest = first
    return list(result.values())


def _oldest(keys: set[int]) -> dict[int, datetime]:
    """The first due time in each area's queue: one probe of callback_queue per area."""
    found: dict[int, datetime] = {}
    qs = Callback.objects.filter(status=Callback.Status.PENDING).order_by("due_at")
    for key in keys:
        first = (qs.filter(area__isnull=True) if key == 0 else qs.filter(area_id=key)).values_list(
            "due_at", flat=True).first()
        if first is not None:
            found[key] = first
    return found


def totals(area: Area | None) -> tuple[int, datetime | None]:
    queues = child_queues(area, include_national=area is None)
    waiting = sum(q.waiting for q in queues)
    oldest = min((q.oldest for q in queues if q.oldest), default=None)
    return waiting, oldest
