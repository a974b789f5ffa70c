""""Is this official?": a query → exact match in the registry (official) or lookalike scoring (impersonation risk).

The answer's shape is an interface (API, CLI, page):
``{"query", "platform", "verdict": "official" | "impersonation_risk" | "not_official", "matches": [...]}``
with each match ``{"channel": {"platform", "handle", "owner", ...}, "score": 0..1, "reasons": [...]}``.

Reasons are translated into the active language (the public page is Hindi first; the API and CLI answer in
English unless asked otherwise).

The registry is digested once per process into a ``lookalike.Index`` and reused while it is current. "Current" is
checked on every call with one query over the columns matching uses (id, platform, handle, status of every
channel): their content is the version — the rows themselves on SQLite, their md5 computed by PostgreSQL — so an
edit from any process (admin, command, ``QuerySet.update()``, another web worker or machine) is seen at once, with
no signal or counter to keep in step. With 1,000 channels the check costs about a millisecond.
"""

import threading

from django.db import connection
from django.utils.translation import gettext as _

from sampark.trust.matching.handles import Handle, parse
from sampark.trust.matching.lookalike import SITE_ADDRESS, THRESHOLD, Channel, Index, Reason, Resemblance
from sampark.trust.models import ChannelStatus, OfficialChannel

OFFICIAL, RISK, NOT_OFFICIAL = "official", "impersonation_risk", "not_official"
MAX_MATCHES = 5

_lock = threading.Lock()
_cached: tuple[tuple, Index] | None = None


def registry_index() -> Index:
    """The registry digested for matching; rebuilt only when a channel was added, changed or removed."""
    global _cached
    version = _version()
    cached = _cached
    if cached is not None and cached[0] == version:
        return cached[1]
    rows = version if isinstance(version, tuple) else _rows_for_index()
    index = Index([Channel(pk, platform, handle, status == ChannelStatus.RETIRED, display)
                   for pk, platform, handle, status, display in rows])
    with _lock:
        _cached = (version, index)  # a change between the two reads only means one more rebuild
    return index


def _rows_for_index() -> tuple:
    return tuple(OfficialChannel.objects.order_by("id").values_list("id", "platform", "handle", "status", "display"))


def _version():
    """What the index was built from, in its cheapest comparable form. SQLite is in-process: the rows themselves.
    PostgreSQL is across a socket: one md5 of the same columns, computed by the server (a single short row)."""
    if connection.vendor != "postgresql":
        return _rows_for_index()
    table = OfficialChannel._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT md5(coalesce(string_agg(id::text || ' ' || platform || ' ' || handle || ' ' || status || ' ' "
            f"|| display, E'\\n' ORDER BY id), '')) FROM {table}"
        )
        return cursor.fetchone()[0]


def forget() -> None:
    """Drop the digested registry (tests that swap databases under one process)."""
    global _cached
    _cached = None


def channel_json(channel: OfficialChannel) -> dict:
    return {
        "platform": channel.platform,
        "handle": channel.display,
        "owner": channel.owner.name_en,
        "owner_hi": channel.owner.name_hi or channel.owner.name_en,
        "status": channel.status,
        "since": channel.since.isoformat() if channel.since else None,
        "until": channel.until.isoformat() if channel.until else None,
    }


def decide(handle: Handle, index: Index) -> tuple[str, list[tuple[Channel, Resemblance]]]:
    """The verdict on a parsed query and the channels behind it, best first (exact: score 1.0)."""
    if not handle.value:
        return NOT_OFFICIAL, []
    exact = index.exact(handle)
    if exact and not handle.had_invisible:
        active = [c for c in exact if not c.retired]
        return (OFFICIAL if active else NOT_OFFICIAL), [(c, Resemblance(1.0)) for c in (active or exact)]
    if exact:  # the official name with invisible characters slipped in: made to pass a glance, not official
        return RISK, [(c, Resemblance(0.95, [Reason("contains invisible characters")])) for c in exact]
    sites = [c for c in index.site_of(handle) if not handle.had_invisible]
    if sites and handle.platform == "email":  # "offlce@" beside a registered "office@": spoofed mail, not the owner's
        spoofed = [(c, r) for c, r in index.resembling(handle, limit=MAX_MATCHES)
                   if r.score >= THRESHOLD and c.platform == "email"]
        if spoofed:
            return RISK, spoofed
    if sites:  # join.example.org of the official example.org: the owner's own address
        active = [c for c in sites if not c.retired]
        return (OFFICIAL if active else NOT_OFFICIAL), [
            (c, Resemblance(1.0, [SITE_ADDRESS % {"site": c.handle}]))
            for c in (active or sites)]
    resembling = [(c, r) for c, r in index.resembling(handle, limit=MAX_MATCHES) if r.score >= THRESHOLD]
    return (RISK if resembling else NOT_OFFICIAL), resembling


def verify(q: str, platform: str | None = None) -> dict:
    handle = parse(q, platform)
    answer = {"query": handle.value, "platform": handle.platform, "verdict": NOT_OFFICIAL, "matches": []}
    if not handle.value:
        return answer
    verdict, matches = decide(handle, registry_index())
    rows = _rows([c.id for c, _r in matches])
    answer["verdict"] = verdict
    answer["matches"] = [
        {"channel": channel_json(rows[c.id]), "score": r.score, "reasons": _reasons(verdict, c, r, rows[c.id])}
        for c, r in matches if c.id in rows
    ]
    return answer


def _reasons(verdict: str, channel: Channel, found: Resemblance, row: OfficialChannel) -> list[str]:
    if found.score == 1.0 and verdict != RISK:
        if found.reasons and not channel.retired:
            return found.texts()
        return [_("exact match") if not channel.retired else _retired_reason(row)]
    return found.texts() + ([_resembles_retired(row)] if channel.retired else [])


def _rows(ids: list[int]) -> dict[int, OfficialChannel]:
    return OfficialChannel.objects.select_related("owner").in_bulk(ids)


def _retired_reason(channel: OfficialChannel) -> str:
    if channel.until:
        return _("retired official channel: official until %(date)s") % {"date": channel.until.isoformat()}
    return _("retired official channel: no longer official")


def _resembles_retired(channel: OfficialChannel) -> str:
    if channel.until:
        return _("resembles a channel that was official until %(date)s") % {"date": channel.until.isoformat()}
    return _("resembles a channel that is no longer official")
