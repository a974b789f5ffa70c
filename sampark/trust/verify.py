""""Is this official?": a query → exact match in the registry (official) or lookalike scoring (impersonation risk).

The answer's shape is an interface (API, CLI, page):
``{"query", "platform", "verdict": "official" | "impersonation_risk" | "not_official", "matches": [...]}``
with each match ``{"channel": {"platform", "handle", "owner", ...}, "score": 0..1, "reasons": [...]}``.

Reasons are translated into the active language (the public page is Hindi first; the API and CLI answer in
English unless asked otherwise).

The registry is digested once per process into a ``lookalike.Index`` and reused while it is current. "Current" is
checked on every call with one narrow query (id, platform, handle, status of every channel): the rows themselves
are the version, so an edit from any process — admin, command, ``QuerySet.update()``, another web worker — is seen
at once, with no signal or counter to keep in step. With 1,000 channels the check costs about a millisecond.
"""

import threading

from django.utils.translation import gettext as _

from sampark.trust.handles import parse
from sampark.trust.lookalike import THRESHOLD, Channel, Index, Reason, Resemblance
from sampark.trust.models import ChannelStatus, OfficialChannel

OFFICIAL, RISK, NOT_OFFICIAL = "official", "impersonation_risk", "not_official"
MAX_MATCHES = 5

_lock = threading.Lock()
_cached: tuple[tuple, Index] | None = None


def registry_index() -> Index:
    """The registry digested for matching; rebuilt only when a channel was added, changed or removed."""
    global _cached
    rows = tuple(OfficialChannel.objects.order_by("id").values_list("id", "platform", "handle", "status"))
    cached = _cached
    if cached is not None and cached[0] == rows:
        return cached[1]
    index = Index([Channel(pk, platform, handle, status == ChannelStatus.RETIRED)
                   for pk, platform, handle, status in rows])
    with _lock:
        _cached = (rows, index)
    return index


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


def verify(q: str, platform: str | None = None) -> dict:
    handle = parse(q, platform)
    answer = {"query": handle.value, "platform": handle.platform, "verdict": NOT_OFFICIAL, "matches": []}
    if not handle.value:
        return answer
    index = registry_index()
    exact = index.exact(handle)
    if exact and not handle.had_invisible:
        active = [c for c in exact if not c.retired]
        answer["verdict"] = OFFICIAL if active else NOT_OFFICIAL
        rows = _rows([c.id for c in (active or exact)])
        answer["matches"] = [
            {"channel": channel_json(rows[c.id]), "score": 1.0,
             "reasons": [_("exact match") if not c.retired else _retired_reason(rows[c.id])]}
            for c in (active or exact) if c.id in rows
        ]
        return answer
    if exact:  # the official name with invisible characters slipped in: made to pass a glance, not official
        resembling = [(c, Resemblance(0.95, [Reason("contains invisible characters")])) for c in exact]
    else:
        resembling = [(c, r) for c, r in index.resembling(handle, limit=MAX_MATCHES) if r.score >= THRESHOLD]
    if not resembling:
        return answer
    rows = _rows([c.id for c, _r in resembling])
    answer["verdict"] = RISK
    answer["matches"] = [
        {"channel": channel_json(rows[c.id]), "score": r.score,
         "reasons": r.texts() + ([_resembles_retired(rows[c.id])] if c.retired else [])}
        for c, r in resembling if c.id in rows
    ]
    return answer


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
