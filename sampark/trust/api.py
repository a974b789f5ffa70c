"""Public trust API under /api/v1 (no token; rate-limited): verify, check-message."""

from typing import Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router, Schema

from sampark.core.api import ApiError, ErrorOut
from sampark.core.ratelimit import enforce
from sampark.trust.handles import MAX_QUERY_LENGTH
from sampark.trust.models import Platform
from sampark.trust.verify import verify as verify_query

router = Router(tags=["trust"])


class ChannelOut(Schema):
    platform: str
    handle: str  # as the movement writes it
    owner: str
    owner_hi: str
    status: Literal["active", "retired"]
    since: str | None
    until: str | None  # a retired channel: the last day it was official


class MatchOut(Schema):
    channel: ChannelOut
    score: float  # 0..1; 1.0 for an exact match
    reasons: list[str]


class VerifyOut(Schema):
    query: str  # the normal form of q
    platform: str | None  # given or detected; null for a bare name (compared with every social platform)
    verdict: Literal["official", "impersonation_risk", "not_official"]
    matches: list[MatchOut]


@router.get(
    "/verify",
    auth=None,
    response={200: VerifyOut, 400: ErrorOut, 429: ErrorOut},
    summary="Is this official?",
    description=(
        "`q` is anything a person might paste: a handle with or without @, a profile or channel link "
        "(x.com, twitter.com, facebook.com, fb.com, instagram.com, youtube.com/@…, t.me/…), a WhatsApp channel or "
        "group invite link, a phone number in any format, a website or an e-mail address. `official`: an active "
        "official channel, exactly. `impersonation_risk`: it looks like one (matches best first, with reasons). "
        "`not_official`: neither — a WhatsApp group missing from the registry is not official; a retired channel "
        "comes back with its last official day. No token needed; limited per address (429 when over)."
    ),
)
def verify(
    request: HttpRequest,
    q: str = Query(..., description="a handle, link, number, website or e-mail address"),
    platform: str | None = Query(None, description="say where it is when q alone does not: " +
                                 ", ".join(Platform.values)),
    lang: Literal["en", "hi"] = Query("en", description="language of the reasons"),
):
    enforce(request, "verify")
    if not q.strip():
        raise ApiError(400, "q: empty; send a handle, link, number, website or e-mail address", field="q")
    if len(q) > MAX_QUERY_LENGTH:
        raise ApiError(400, f"q: longer than {MAX_QUERY_LENGTH} characters", field="q")
    if platform and platform not in Platform.values:
        raise ApiError(400, f"platform: not one of {', '.join(Platform.values)}", field="platform")
    with translation.override(lang):
        return verify_query(q, platform or None)
