"""Public trust API under /api/v1 (no token; rate-limited): verify, check-message."""

import json
from typing import Annotated, Literal

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from pydantic import WithJsonSchema

from sampark.core.api import ApiError, ErrorOut
from sampark.core.ratelimit import enforce
from sampark.trust.matching.handles import MAX_QUERY_LENGTH
from sampark.trust.matching.verify import verify as verify_query
from sampark.trust.messages.fishing import CATEGORIES, MAX_TEXT_LENGTH, check_message
from sampark.trust.models import Platform

router = Router(tags=["trust"])


# --- verify ------------------------------------------------------------------------------------------------------

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
    # limits declared for clients and fuzzers (WithJsonSchema); checked below with messages naming the problem
    q: Annotated[str, WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH,
                                      "pattern": r"\S"})] = Query(
        ..., description="a handle, link, number, website or e-mail address"),
    platform: Annotated[str | None, WithJsonSchema({"type": "string", "enum": ["", *Platform.values]})] = Query(
        None, description="say where it is when q alone does not: " + ", ".join(Platform.values)),
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


# --- check-message ----------------------------------------------------------------------------------------------

class CheckMessageIn(Schema):
    text: str = Field(min_length=1, max_length=MAX_TEXT_LENGTH, description="the message, as received")


class OfficialStatementOut(Schema):
    id: str
    text: str
    said_on: str
    speaker: str | None
    channel: str | None
    similarity: float
    exact: bool


class CheckMessageOut(Schema):
    solicits_personal_data: bool
    asks_for: list[str]
    claims_to_be_official: bool
    official_statement: OfficialStatementOut | None
    reasons: list[str]


def check_message_text(request: HttpRequest) -> str:
    """The body's ``text``, read here rather than by ninja so every bad body gets an error naming what is wrong."""
    try:
        raw = request.body
    except RequestDataTooBig:  # Django refuses to read it; uncaught it was a 500
        raise ApiError(413, f"body: larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes", field="body") from None
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "body: not valid UTF-8", field="body") from None
    except ValueError:
        raise ApiError(400, 'body: not valid JSON; send {"text": "..."}', field="body") from None
    except RecursionError:  # [[[[...]]]] deeper than the parser goes: the stack, not the size, ran out (a 500)
        raise ApiError(400, 'body: nested too deeply; send {"text": "..."}', field="body") from None
    if not isinstance(body, dict):
        raise ApiError(400, 'body: must be a JSON object, {"text": "..."}', field="body")
    text = body.get("text")
    if text is None:
        raise ApiError(400, "text: missing; send the message to check", field="text")
    if not isinstance(text, str):
        raise ApiError(400, "text: must be a string", field="text")
    if not text.strip():
        raise ApiError(400, "text: empty; paste the message to check", field="text")
    if len(text) > MAX_TEXT_LENGTH:
        raise ApiError(400, f"text: longer than {MAX_TEXT_LENGTH} characters", field="text")
    if "\x00" in text:
        raise ApiError(400, "text: contains a NUL character", field="text")
    return text


@router.post(
    "/trust/check-message",
    auth=None,
    response={200: CheckMessageOut, 400: ErrorOut, 413: ErrorOut, 429: ErrorOut},
    summary="Check a message for data fishing and misquotes",
    description=(
        "Paste a message (Hindi, English or Hinglish). The answer says whether it asks the reader for personal "
        f"data ({', '.join(CATEGORIES)}), whether it claims to be official, which recorded statement of the "
        "leadership it quotes (with a similarity 0..1 and whether the quote is exact), and why, in plain English. "
        f"`text` is at most {MAX_TEXT_LENGTH} characters. No token; limited per address (429 when exceeded). "
        "The text is not stored."
    ),
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
        "schema": CheckMessageIn.model_json_schema()}}}},
)
def check_message_endpoint(request: HttpRequest):
    enforce(request, "check-message")
    text = check_message_text(request)
    with translation.override("en"):
        return check_message(text)
