"""GET /api/v1/audit: the audit log, newest first, for holders of audit.view (admin, dpo) within their scope."""

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
    since: datetime | None = Field(
        None, description="only entries at or after this time (ISO 8601; without a zone: India time)")
    cursor: str = Field("", max_length=200, description="the previous page's next")
    limit: int = Field(queries.PAGE_SIZE, ge=1, le=queries.MAX_PAGE_SIZE)


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
    since = filters.since
    if since is not None and since.tzinfo is None:  # a date or a time without a zone: India's time
        since = timezone.make_aware(since)
    try:
        found = queries.page(
            request.auth,
            queries.Filters(subject=filters.subject, actor=filters.actor, action=filters.action, since=since),
            cursor=filters.cursor, size=filters.limit,
        )
    except queries.BadQuery as exc:
        raise ApiError(400, str(exc), field=exc.field) from None
    return {"items": found.items, "next": found.next}
