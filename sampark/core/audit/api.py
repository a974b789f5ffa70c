"""GET /api/v1/audit: the audit log, newest first, for holders of audit.view (admin, dpo) within their scope."""

import re
from datetime import datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import AuthorizationError
from pydantic import Field

from sampark.accounts import permissions
from sampark.accounts.api_auth import bearer
from sampark.core.api import ApiError, ErrorOut
from sampark.core.audit import queries
from sampark.core.models import AuditEntry

router = Router(auth=bearer, tags=["audit"])



class AuditItem(Schema):
    at: datetime
    actor: str | None = Field(description="the staff user's username; null for the command line")
    action: str = Field(json_schema_extra={"enum": AuditEntry.Action.values})
    subject: str = Field(description="what it was about: supporter:<id> or user:<username>")
    detail: dict


class AuditPage(Schema):
    items: list[AuditItem]
    next: str | None = Field(description="pass as ?cursor= for the next (older) page; null on the last page")


class AuditFilters(Schema):
    subject: str = Field("", max_length=100, description="supporter:<id> or user:<username>")
    actor: str = Field("", max_length=150, description="a staff user's username")
    action: str = Field("", json_schema_extra={"enum": ["", *AuditEntry.Action.values]})
    since: str = Field(
        "", max_length=40, description="only entries at or after this time: an RFC 3339 date-time or a date "
        "(a date, or a time without a zone, is India time)",
        json_schema_extra={"anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"},
                                     {"type": "string", "maxLength": 0}]})
    cursor: str = Field("", max_length=200, description="the previous page's next")
    limit: int = Field(queries.PAGE_SIZE, ge=1, le=queries.MAX_PAGE_SIZE)


# RFC 3339: a full date, or a date-time (the zone may be left out here: India time)
SINCE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}:\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?)?")


def parse_since(text: str) -> datetime:
    match = SINCE.fullmatch(text.strip())
    problem = "since: not a date or date-time, e.g. 2026-12-01 or 2026-12-01T09:30:00+05:30"
    if match is None:
        raise ApiError(400, problem, field="since")
    day, clock, fraction, zone = match.groups()
    clock = (clock or "00:00:00").replace(":60", ":59")  # a leap second is the second before it, here
    fraction = (fraction or "")[:7]  # Python reads microseconds at most
    zone = "+00:00" if zone in ("Z", "z") else zone or ""
    try:
        since = datetime.fromisoformat(f"{day}T{clock}{fraction}{zone}")
    except ValueError:
        raise ApiError(400, problem, field="since") from None
    return since if since.tzinfo is not None else timezone.make_aware(since)


@router.get(
    "/audit",
    response={200: AuditPage, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
    summary="The audit log",
    description=(
        "Every reveal, export, edit, merge, role change, sign-in and staff read of a supporter record, newest "
        "first. Only for holders of audit.view (admin, dpo); outside the national level, only rows about "
        "supporters and staff inside the caller's areas (docs/audit.md)."
    ),
)
def audit(request: HttpRequest, filters: Query[AuditFilters]):
    if not permissions.can(request.auth, permissions.AUDIT_VIEW):
        raise AuthorizationError(message="the audit log needs audit.view (admin or dpo)")
    since = parse_since(filters.since) if filters.since else None
    try:
        found = queries.page(
            request.auth,
            queries.Filters(subject=filters.subject, actor=filters.actor, action=filters.action, since=since),
            cursor=filters.cursor, size=filters.limit,
        )
    except queries.BadQuery as exc:
        raise ApiError(400, str(exc), field=exc.field) from None
    return {"items": found.items, "next": found.next}
