"""GET /api/v1/supporters/lookup: find a supporter by phone number, in any format, within the caller's areas."""

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import WithJsonSchema

from sampark.accounts.api_auth import bearer
from sampark.core import pii
from sampark.core.api import ApiError, ErrorOut
from sampark.core.phones import MAX_RAW_LENGTH, UnusableNumber, normalise
from sampark.supporters.models import Supporter

router = Router(auth=bearer, tags=["supporters"])

PHONE_PROBLEMS = {
    "missing": "phone: empty; send the number, e.g. +91 98765 00001 or 9876500001",
    "withheld": "phone: a withheld caller id, not a phone number",
    "invalid": "phone: not a valid phone number",
}


# The limits declared for clients and fuzzers; lookup() checks them with messages that name the problem.
PHONE_SCHEMA = WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_RAW_LENGTH, "pattern": r"\S"})


class SupporterOut(Schema):
    id: str
    phone_masked: str
    calls: int
    stage: str
    area_code: str | None
    first_call_at: datetime | None
    last_call_at: datetime | None


@router.get(
    "/lookup",
    response={200: SupporterOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
    summary="Find a supporter by phone number",
    description=(
        "Any common way of writing the number works (+91 98765 00001, 098765 00001, 919876500001, 9876500001). "
        "The answer shows the number masked, never in clear. A supporter outside the caller's areas is a 404, "
        "the same as one who does not exist."
    ),
)
def lookup(request: HttpRequest,
           phone: Annotated[str, PHONE_SCHEMA] = Query(..., description="the phone number, in any format")):
    # Never echo the number back in an error: it is personal data, and error bodies end up in logs.
    if len(phone) > MAX_RAW_LENGTH:
        raise ApiError(400, f"phone: longer than {MAX_RAW_LENGTH} characters", field="phone")
    try:
        e164 = normalise(phone).e164
    except UnusableNumber as exc:
        raise ApiError(400, PHONE_PROBLEMS.get(exc.reason, PHONE_PROBLEMS["invalid"]), field="phone") from None
    supporter = (
        Supporter.objects.visible_to(request.auth)
        .select_related("area")
        .filter(phone_index=pii.blind_index(e164))
        .first()
    )
    if supporter is not None and supporter.merged_into_id is not None:
        # a merged record's number finds the record it was merged into (supporters/records/services.merge)
        supporter = (Supporter.objects.visible_to(request.auth).select_related("area")
                     .filter(pk=supporter.merged_into_id).first())
    if supporter is None:
        raise ApiError(404, "no supporter with this phone number in your areas", field="phone")
    return {
        "id": supporter.public_id,
        "phone_masked": supporter.phone_hint,
        "calls": supporter.call_count,
        "stage": supporter.stage,
        "area_code": supporter.area.code if supporter.area else None,
        "first_call_at": supporter.first_call_at,
        "last_call_at": supporter.last_call_at,
    }
