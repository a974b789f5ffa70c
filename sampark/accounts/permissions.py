"""What each role may see and do, and where: the one place views, API, exports and admin ask.

A user holds grants (``RoleAssignment``: a role at an area); a grant covers its area's subtree. ``MATRIX`` says
which permissions each role carries; docs/roles.md shows the same table (tests/accounts/test_roles_doc.py keeps
the two equal). A permission is held *at* the areas of the grants that carry it, so a user who is a coordinator in
one district and a volunteer in another may list supporters in the first only.

Permissions marked ``ROOT_ONLY`` (published numbers, gateways, SMS templates, the area tree) concern the whole
deployment: they need the role at a root area (national), never at a state or district.
"""

from dataclasses import dataclass

from sampark.accounts.models import Role

# ---------------------------------------------------------------- the permissions

DASHBOARD_VIEW = "dashboard.view"
SUPPORTERS_VIEW = "supporters.view"  # list, search, detail (numbers masked)
SUPPORTERS_EDIT = "supporters.edit"  # edit a record (with a reason), tags, stage
SUPPORTERS_MERGE = "supporters.merge"
SUPPORTERS_IMPORT = "supporters.import"
SUPPORTERS_EXPORT = "supporters.export"  # masked numbers
SUPPORTERS_EXPORT_FULL = "supporters.export_full"  # clear numbers, with a stated purpose, audited
CALLBACKS_WORK = "callbacks.work"  # claim from the desk, reveal/bridge while claimed, record the outcome
CALLBACKS_MANAGE = "callbacks.manage"  # queue sizes and ages per child area, assign volunteers to areas
ROLES_MANAGE = "roles.manage"  # grant and revoke roles below one's own area (see can_grant)
AUDIT_VIEW = "audit.view"
CALLS_VIEW = "calls.view"  # the call log and the SMS outbox of the area
SYSTEM_MANAGE = "system.manage"  # published numbers, gateways, SMS templates, the area tree
TRUST_CASES_VIEW = "trust.cases.view"
TRUST_CASES_ACT = "trust.cases.act"  # confirm, file, dismiss; evidence packs
TRUST_REGISTRY_EDIT = "trust.registry.edit"  # official channels and statements
INBOX_VIEW = "inbox.view"
INBOX_ANSWER = "inbox.answer"
DIGEST_VIEW = "digest.view"
ORGANISATION_VIEW = "organisation.view"
ORGANISATION_EDIT = "organisation.edit"  # committees, posts, appointments
CAMPS_MANAGE = "camps.manage"
CAMPS_CHECKIN = "camps.checkin"
PRIVACY_MANAGE = "privacy.manage"  # notices, rights requests, retention, breach register

ROOT_ONLY = frozenset({SYSTEM_MANAGE})

ALL = frozenset({
    DASHBOARD_VIEW, SUPPORTERS_VIEW, SUPPORTERS_EDIT, SUPPORTERS_MERGE, SUPPORTERS_IMPORT, SUPPORTERS_EXPORT,
    SUPPORTERS_EXPORT_FULL, CALLBACKS_WORK, CALLBACKS_MANAGE, ROLES_MANAGE, AUDIT_VIEW, CALLS_VIEW, SYSTEM_MANAGE,
    TRUST_CASES_VIEW, TRUST_CASES_ACT, TRUST_REGISTRY_EDIT, INBOX_VIEW, INBOX_ANSWER, DIGEST_VIEW,
    ORGANISATION_VIEW, ORGANISATION_EDIT, CAMPS_MANAGE, CAMPS_CHECKIN, PRIVACY_MANAGE,
})

MATRIX: dict[str, frozenset[str]] = {
    Role.ADMIN: ALL,
    Role.COORDINATOR: frozenset({
        DASHBOARD_VIEW, SUPPORTERS_VIEW, SUPPORTERS_EDIT, SUPPORTERS_MERGE, SUPPORTERS_IMPORT, SUPPORTERS_EXPORT,
        CALLBACKS_WORK, CALLBACKS_MANAGE, ROLES_MANAGE, CALLS_VIEW, TRUST_CASES_VIEW, TRUST_CASES_ACT,
        TRUST_REGISTRY_EDIT, INBOX_VIEW, INBOX_ANSWER, ORGANISATION_VIEW, ORGANISATION_EDIT, CAMPS_MANAGE,
        CAMPS_CHECKIN,
    }),
    # A volunteer sees no list of supporters: only the ones the call-back desk hands them, while claimed.
    Role.VOLUNTEER: frozenset({CALLBACKS_WORK, CAMPS_CHECKIN}),
    # The leadership office reads counts, the digest, coverage and trust cases; it answers messages. No numbers.
    Role.LEADERSHIP: frozenset({
        DASHBOARD_VIEW, TRUST_CASES_VIEW, INBOX_VIEW, INBOX_ANSWER, DIGEST_VIEW, ORGANISATION_VIEW,
    }),
    # The data-protection officer reads records and the audit, exports for rights requests; edits nothing else.
    Role.DPO: frozenset({
        DASHBOARD_VIEW, SUPPORTERS_VIEW, SUPPORTERS_EXPORT, SUPPORTERS_EXPORT_FULL, AUDIT_VIEW, PRIVACY_MANAGE,
    }),
}

# Which roles a holder of ROLES_MANAGE may hand out, and whether at their own area or only strictly below it.
# Never above or beside: a district coordinator staffs their assemblies, sectors and booths, not the next district.
GRANTABLE: dict[str, dict[str, bool]] = {  # granter's role → {role: allowed at the granter's own area too}
    Role.ADMIN: {Role.ADMIN: False, Role.DPO: False, Role.LEADERSHIP: True, Role.COORDINATOR: True,
                 Role.VOLUNTEER: True},
    Role.COORDINATOR: {Role.COORDINATOR: False, Role.VOLUNTEER: True},
}

# Roles whose sign-in needs a second factor (TOTP): they can read every number or change who can.
TWO_FACTOR_REQUIRED = frozenset({Role.ADMIN, Role.DPO})


@dataclass(frozen=True)
class Grant:
    role: str
    path: str  # the area's materialised path, e.g. "IN.UP.LKO"
    area_id: int

    def covers(self, path: str) -> bool:
        return path == self.path or path.startswith(self.path + ".")

    @property
    def at_root(self) -> bool:
        return "." not in self.path


def grants(user) -> list[Grant]:
    """The user's grants, read once per user object (a request's user lives for one request)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_sampark_grants", None)
    if cached is None:
        from sampark.accounts.models import RoleAssignment

        cached = [Grant(role, path, area_id) for role, path, area_id in RoleAssignment.objects.filter(user=user)
                  .values_list("role", "area__path", "area_id").order_by("area__path", "role")]
        user._sampark_grants = cached
    return cached


def forget(user) -> None:
    """Drop the cached grants after a change to them."""
    if user is not None and hasattr(user, "_sampark_grants"):
        del user._sampark_grants


def _holds(grant: Grant, perm: str) -> bool:
    return perm in MATRIX.get(grant.role, ()) and (perm not in ROOT_ONLY or grant.at_root)


def scope(user, perm: str) -> list[str] | None:
    """Area paths where ``user`` holds ``perm``: None means everywhere (a superuser), [] nowhere."""
    if user is not None and getattr(user, "is_superuser", False) and user.is_active:
        return None
    return sorted({g.path for g in grants(user) if _holds(g, perm)})


def can(user, perm: str, path: str | None = None) -> bool:
    """Whether ``user`` may do ``perm`` — at the area with ``path`` when given, else somewhere."""
    paths = scope(user, perm)
    if paths is None:
        return True
    if path is None:
        return bool(paths)
    return any(path == p or path.startswith(p + ".") for p in paths)


def holds_nationally(user, perm: str) -> bool:
    """Whether ``user`` holds ``perm`` at a root area: national totals, and rows whose area is not known yet."""
    paths = scope(user, perm)
    return paths is None or any("." not in p for p in paths)


def can_grant(user, role: str, path: str) -> bool:
    """Whether ``user`` may grant (or revoke) ``role`` at the area with ``path``."""
    if user is not None and getattr(user, "is_superuser", False) and user.is_active:
        return True
    for grant in grants(user):
        if not _holds(grant, ROLES_MANAGE) or role not in GRANTABLE.get(grant.role, {}):
            continue
        strictly_below = path.startswith(grant.path + ".")
        at_own = path == grant.path and (GRANTABLE[grant.role][role] or grant.at_root)
        if strictly_below or at_own:
            return True
    return False


def needs_two_factor(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(g.role in TWO_FACTOR_REQUIRED for g in grants(user))
