"""Reading the audit log: the rows a user may see, filtered, newest first, one keyset page at a time.

Scoping (docs/audit.md): a user holding ``audit.view`` at a root area (national admin or DPO) or a superuser sees
every row. Anyone else with ``audit.view`` sees

- rows about a supporter (subject ``supporter:<public id>``) whose area lies inside their grants, and
- rows about a staff user (subject ``user:<username>``: sign-ins, roles, tokens) whose every grant lies inside
  their grants — a state DPO sees the staff of the state, not a national coordinator who also helps there.

Rows about anything else (a supporter not yet placed in an area, a user without grants) are national.
"""

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr

from sampark.accounts import permissions
from sampark.accounts.models import RoleAssignment
from sampark.core.models import AuditEntry
from sampark.supporters.models import Supporter

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
SUPPORTER_PREFIX = "supporter:"
USER_PREFIX = "user:"


class BadQuery(ValueError):
    """An unusable filter or cursor; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True)
class Filters:
    subject: str = ""
    actor: str = ""  # a username
    action: str = ""
    since: datetime | None = None


@dataclass
class Page:
    items: list[dict]
    next: str | None


def _inside(paths: list[str], lookup: str) -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{lookup: path}) | Q(**{f"{lookup}__startswith": path + "."})
    return condition


def visible_to(user):
    """The audit rows ``user`` may read (none without ``audit.view``)."""
    if permissions.holds_nationally(user, permissions.AUDIT_VIEW):
        return AuditEntry.objects.all()
    paths = permissions.scope(user, permissions.AUDIT_VIEW)
    if not paths:
        return AuditEntry.objects.none()
    supporters = Supporter.objects.visible_to(user, permissions.AUDIT_VIEW).filter(
        public_id=Substr(OuterRef("subject"), len(SUPPORTER_PREFIX) + 1))
    grants = RoleAssignment.objects.filter(user__username=Substr(OuterRef("subject"), len(USER_PREFIX) + 1))
    staff_inside = Exists(grants) & ~Exists(grants.exclude(_inside(paths, "area__path")))
    return AuditEntry.objects.filter(
        (Q(subject__startswith=SUPPORTER_PREFIX) & Exists(supporters))
        | (Q(subject__startswith=USER_PREFIX) & staff_inside)
    )


def encode_cursor(entry: AuditEntry) -> str:
    raw = f"{entry.at.isoformat()}|{entry.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, pk = raw.partition("|")
        return datetime.fromisoformat(at), int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadQuery("cursor", "not a cursor this API gave out; start again without it") from None


def page(user, filters: Filters, cursor: str = "", size: int = PAGE_SIZE) -> Page:
    """One page of the rows ``user`` may read, newest first; ``next`` continues after its last row."""
    rows = visible_to(user)
    if filters.subject:
        rows = rows.filter(subject=filters.subject)
    if filters.actor:
        actor = get_user_model().objects.filter(username=filters.actor).first()
        if actor is None:
            return Page([], None)
        rows = rows.filter(actor=actor)
    if filters.action:
        if filters.action not in AuditEntry.Action.values:
            raise BadQuery("action", f"not one of {', '.join(AuditEntry.Action.values)}")
        rows = rows.filter(action=filters.action)
    if filters.since is not None:
        rows = rows.filter(at__gte=filters.since)
    if cursor:
        at, pk = decode_cursor(cursor)
        if at.tzinfo is None:
            raise BadQuery("cursor", "not a cursor this API gave out; start again without it")
        rows = rows.filter(Q(at__lt=at) | Q(at=at, pk__lt=pk))
    found = list(rows.select_related("actor").order_by("-at", "-pk")[: size + 1])
    more = len(found) > size
    found = found[:size]
    items = [{"at": entry.at, "actor": entry.actor.get_username() if entry.actor else None,
              "action": entry.action, "subject": entry.subject, "detail": entry.detail} for entry in found]
    return Page(items, encode_cursor(found[-1]) if more else None)
