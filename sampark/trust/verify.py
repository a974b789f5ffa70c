""""Is this official?": a query → exact match in the registry (official) or lookalike scoring (impersonation risk).

The answer's shape is an interface (API, CLI, page):
``{"query", "platform", "verdict": "official" | "impersonation_risk" | "not_official", "matches": [...]}``
with each match ``{"channel": {"platform", "handle", "owner", ...}, "score": 0..1, "reasons": [...]}``.
"""

from sampark.trust.handles import parse
from sampark.trust.models import ChannelStatus, OfficialChannel

OFFICIAL, RISK, NOT_OFFICIAL = "official", "impersonation_risk", "not_official"


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
    exact = OfficialChannel.objects.select_related("owner").filter(handle=handle.value)
    if handle.platform:
        exact = exact.filter(platform=handle.platform)
    found = list(exact)
    if found:
        active = [c for c in found if c.status == ChannelStatus.ACTIVE]
        answer["verdict"] = OFFICIAL if active else NOT_OFFICIAL
        answer["matches"] = [
            {"channel": channel_json(c), "score": 1.0,
             "reasons": ["exact match" if c.status == ChannelStatus.ACTIVE else "retired official channel"]}
            for c in (active or found)
        ]
        return answer
    # TODO(engine helper): lookalike scoring against the registry → impersonation_risk with reasons.
    return answer
