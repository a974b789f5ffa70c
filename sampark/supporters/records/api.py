"""GET /api/v1/supporters (the list, with the staff page's filters), GET and PATCH /api/v1/supporters/{id}, and
GET /api/v1/supporters/export.csv. Bearer token; every route asks the permission module and goes through
visible_to(): a record outside the caller's areas is a 404, a missing permission a 403."""

from datetime import date, datetime
from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from sampark.accounts import permissions
from sampark.accounts.api_auth import bearer
from sampark.core.api import ApiError, ErrorOut
from sampark.supporters.models import AgeBand, Gender, Stage, Supporter, SupporterTag
from sampark.supporters.records import cursor, export, services
from sampark.supporters.records.filters import MAX_Q, SupporterFilter, first_error
from sampark.supporters.records.views import PAGE_SIZE, page

router = Router(auth=bearer, tags=["supporters"])

StageName = Literal[tuple(Stage.values)]  # type: ignore[valid-type]
LanguageCode = Literal[tuple(code for code, _ in settings.LANGUAGES)]  # type: ignore[valid-type]
GenderName = Literal[("", *Gender.values)]  # type: ignore[valid-type]
AgeBandName = Literal[("", *AgeBand.values)]  # type: ignore[valid-type]
YesNo = Literal["yes", "no"]


class ListItem(Schema):
    id: str
    phone_masked: str
    name: str
    stage: StageName
    area_code: str | None
    calls: int
    first_call_at: datetime | None
    last_call_at: datetime | None


class ListOut(Schema):
    items: list[ListItem]
    next: str | None = Field(description="cursor of the next page; null on the last page")


class Detail(ListItem):
    language: str
    gender: str
    age_band: str
    village: str
    pin_code: str
    wants_to_volunteer: bool
    area_is_guess: bool
    tags: list[str]
    merged_into: str | None = Field(description="id of the record this one was merged into, if any")
    joined_at: datetime


class Patch(Schema):
    reason: str = Field(..., min_length=1, max_length=services.REASON_MAX, description="why (kept in the audit)")
    name: str | None = Field(None, max_length=100)
    language: LanguageCode | None = None
    area: str | None = Field(None, min_length=1, max_length=40, description="area code inside your areas")
    gender: GenderName | None = None
    age_band: AgeBandName | None = None
    village: str | None = Field(None, max_length=100)
    pin_code: str | None = Field(None, pattern=r"^([1-9][0-9]{5})?$", description="six digits, or empty")
    wants_to_volunteer: bool | None = None
    stage: StageName | None = None


class Filters(Schema):
    area: str | None = Field(None, max_length=40, description="area code: that area and everything inside it")
    source: int | None = Field(None, ge=1, le=2**62, description="published number id the supporter called")
    stage: StageName | None = None
    tag: str | None = Field(None, max_length=40)
    joined_from: date | None = None
    joined_to: date | None = None
    has_profile: YesNo | None = Field(None, description="name or area told by them")
    called_back: YesNo | None = None
    language: LanguageCode | None = None
    q: str | None = Field(None, max_length=MAX_Q, description="phone number in any format, or a name prefix")


def _item(s: Supporter) -> dict:
    return {"id": s.public_id, "phone_masked": s.phone_hint, "name": s.name, "stage": s.stage,
            "area_code": s.area.code if s.area_id else None, "calls": s.call_count,
            "first_call_at": s.first_call_at, "last_call_at": s.last_call_at}


def _params(filters: Filters) -> dict:
    return {key: str(value) for key, value in filters.dict().items() if value not in (None, "")}


def _need(user, perm: str) -> None:
    if not permissions.can(user, perm):
        raise ApiError(403, f"you do not hold {perm}")


@router.get("", response={200: ListOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
            summary="List supporters in your areas, newest first",
            description=f"Keyset pages of {PAGE_SIZE}: pass the answer's `next` as `cursor` for the next page. "
                        "Numbers are masked.")
def list_supporters(request: HttpRequest, filters: Query[Filters],
                    cursor_: str | None = Query(None, alias="cursor", max_length=cursor.MAX_LENGTH)):
    _need(request.auth, permissions.SUPPORTERS_VIEW)
    try:
        after = cursor.read(cursor_)
    except cursor.BadCursor as exc:
        raise ApiError(400, str(exc), field="cursor") from None
    form = SupporterFilter(_params(filters), user=request.auth)
    if not form.is_valid():
        field, message = first_error(form)
        raise ApiError(400, message, field=field)
    rows, next_cursor = page(form, after)
    return {"items": [_item(s) for s in rows], "next": next_cursor}


@router.get("/export.csv", response={400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
            summary="Export the list as CSV (streamed)",
            description="The list's filters. Numbers masked unless `full=true` with a `purpose` (supporters."
                        "export_full: admin, DPO). Every export is audited. UTF-8 with BOM; formula-like cells "
                        "are prefixed with an apostrophe.")
def export_csv(request: HttpRequest, filters: Query[Filters], full: bool = False,
               purpose: str | None = Query(None, max_length=export.PURPOSE_MAX)):
    params = _params(filters)
    if full:
        params["full"] = "1"
    if purpose:
        params["purpose"] = purpose
    result = export.start(request.auth, params)
    if isinstance(result, export.Refused):
        raise ApiError(result.status, result.message, field=result.field)
    return result


def _visible(request, supporter_id: str, perm: str) -> Supporter:
    _need(request.auth, perm)
    found = (Supporter.objects.visible_to(request.auth, perm).select_related("area", "merged_into")
             .filter(public_id=supporter_id).first()) if len(supporter_id) <= 12 else None
    if found is None:
        raise ApiError(404, "no supporter with this id in your areas", field="id")
    return found


def _detail(s: Supporter) -> dict:
    return {**_item(s), "language": s.language, "gender": s.gender, "age_band": s.age_band, "village": s.village,
            "pin_code": s.pin_code, "wants_to_volunteer": s.wants_to_volunteer, "area_is_guess": s.area_is_guess,
            "tags": list(SupporterTag.objects.filter(supporter_id=s.pk).order_by("tag__name")
                         .values_list("tag__name", flat=True)),
            "merged_into": s.merged_into.public_id if s.merged_into_id else None, "joined_at": s.created_at}


@router.get("/{supporter_id}", response={200: Detail, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
            summary="One supporter (404 outside your areas)")
def get_supporter(request: HttpRequest, supporter_id: str):
    supporter = _visible(request, supporter_id, permissions.SUPPORTERS_VIEW)
    services.record_read(supporter, request.auth, via="api")
    return _detail(supporter)


@router.patch("/{supporter_id}", response={200: Detail, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut,
                                            404: ErrorOut, 409: ErrorOut},
              summary="Edit a supporter, with a reason",
              description="Send `reason` and the fields to change. An area outside your areas is a 400 naming "
                          "`area`; a merged record cannot be edited (409). Each change is audited.")
def patch_supporter(request: HttpRequest, supporter_id: str, payload: Patch):
    supporter = _visible(request, supporter_id, permissions.SUPPORTERS_EDIT)
    if supporter.merged_into_id is not None:
        raise ApiError(409, "merged_into: this record was merged into another; edit that one", field="merged_into")
    changes = payload.dict(exclude_unset=True)
    reason = changes.pop("reason")
    for field in ("area", "language", "stage", "wants_to_volunteer"):
        if field in changes and changes[field] is None:
            raise ApiError(400, f"{field}: may not be null", field=field)
    for field in ("name", "village", "gender", "age_band", "pin_code"):
        if changes.get(field, "") is None:
            changes[field] = ""
    try:
        services.edit_supporter(supporter, by=request.auth, reason=reason, changes=changes)
    except services.RecordError as exc:
        raise ApiError(400, f"{exc.field}: {exc.message}", field=exc.field) from None
    supporter.refresh_from_db()
    return _detail(Supporter.objects.select_related("area", "merged_into").get(pk=supporter.pk))
