"""Every write to staff users, their grants and their API tokens: one transaction each, each one audited.

``actor`` is the staff user doing it, or None for an operator at the command line (who has the machine, and so
every power; the audit row then names no one).
"""

import secrets
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sampark.accounts import permissions
from sampark.accounts.models import ApiToken, Role, RoleAssignment, TemporaryPassword
from sampark.core.models import AuditEntry
from sampark.geo.models import Area


class Refused(Exception):
    """The actor may not do this; the message says why, naming the field."""


def _audit(actor, action: str, subject: str, **detail) -> None:
    AuditEntry.objects.create(actor=actor if getattr(actor, "pk", None) else None, action=action,
                              subject=subject, detail=detail)


def _check_grant_allowed(actor, role: str, area: Area) -> None:
    if actor is not None and not permissions.can_grant(actor, role, area.path):
        raise Refused(f"role: you may not grant or revoke {role} at {area.code} (docs/roles.md, Granting roles)")


def one_time_password() -> str:
    """A password to read out or send once; the user changes it at first sign-in."""
    while True:
        candidate = secrets.token_urlsafe(12)
        try:
            validate_password(candidate)
        except ValidationError:
            continue
        return candidate


def add_user(username: str, *, role: str, area: Area, email: str = "", actor=None) -> tuple[object, str | None]:
    """Create the staff user with ``role`` at ``area``, or add the grant to an existing one.

    Returns (user, one-time password), the password None when the user existed already.
    """
    if role not in Role.values:
        raise Refused(f"role: {role!r} is not one of {', '.join(Role.values)}")
    User = get_user_model()
    with transaction.atomic():
        _check_grant_allowed(actor, role, area)
        user = User.objects.select_for_update().filter(username=username).first()
        password = None
        if user is None:
            password = one_time_password()
            user = User.objects.create_user(username=username, email=email, password=password, is_staff=True)
            TemporaryPassword.objects.create(user=user)
            _audit(actor, AuditEntry.Action.USER_CHANGE, f"user:{username}", change="created")
        elif not user.is_active:
            raise Refused(f"username: {username!r} is deactivated")
        elif email and not user.email:
            user.email = email
            user.save(update_fields=["email"])
        grant(user, role, area, actor=actor)
    return user, password


def grant(user, role: str, area: Area, *, actor=None) -> bool:
    """Give ``user`` ``role`` at ``area``; False when they held it already."""
    with transaction.atomic():
        _check_grant_allowed(actor, role, area)
        _row, created = RoleAssignment.objects.get_or_create(user=user, role=role, area=area)
        if created:
            _audit(actor, AuditEntry.Action.ROLE_CHANGE, f"user:{user.username}", change="granted", role=role,
                   area=area.code)
    permissions.forget(user)
    return created


def revoke(user, role: str, area: Area, *, actor=None) -> bool:
    """Take ``role`` at ``area`` from ``user``; False when they did not hold it."""
    with transaction.atomic():
        _check_grant_allowed(actor, role, area)
        deleted, _ = RoleAssignment.objects.filter(user=user, role=role, area=area).delete()
        if deleted:
            _audit(actor, AuditEntry.Action.ROLE_CHANGE, f"user:{user.username}", change="revoked", role=role,
                   area=area.code)
    permissions.forget(user)
    return bool(deleted)


def deactivate(user, *, actor=None) -> None:
    """The user can no longer sign in, and their API tokens stop working (the API checks is_active)."""
    with transaction.atomic():
        type(user).objects.filter(pk=user.pk).update(is_active=False)
        _audit(actor, AuditEntry.Action.USER_CHANGE, f"user:{user.username}", change="deactivated")
    from django.contrib.sessions.models import Session

    # Signed-in sessions end now, not at their expiry: sessions are in the database (settings.SESSION_ENGINE).
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()


def create_token(user, *, label: str = "", expires_at: datetime | None = None, actor=None) -> str:
    """A new bearer token for ``user``; only its digest is stored, the token is returned once."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        row = ApiToken.objects.create(user=user, digest=ApiToken.digest_of(token), label=label,
                                      expires_at=expires_at)
        _audit(actor, AuditEntry.Action.TOKEN_CHANGE, f"user:{user.username}", change="created", token=row.pk,
               expires_at=expires_at.isoformat() if expires_at else None)
    return token


def revoke_token(token: ApiToken, *, actor=None) -> None:
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk).delete()
        _audit(actor, AuditEntry.Action.TOKEN_CHANGE, f"user:{token.user.username}", change="revoked",
               token=token.pk)


def password_chosen(user) -> None:
    """The user has set a password of their own: the temporary one no longer binds them."""
    TemporaryPassword.objects.filter(user=user).delete()
