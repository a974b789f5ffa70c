"""Staff with API tokens and audit rows about supporters in two districts, for the audit tests."""

import secrets

from django.contrib.auth import get_user_model

from sampark.accounts.models import ApiToken, RoleAssignment
from sampark.core.models import AuditEntry


def staff(username, role, area):
    """(user, bearer headers)"""
    user = get_user_model().objects.create_user(username, password=None, is_staff=True)
    RoleAssignment.objects.create(user=user, role=role, area=area)
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=ApiToken.digest_of(token))
    return user, {"Authorization": f"Bearer {token}"}


def entry(action, subject, actor=None, **detail):
    return AuditEntry.objects.create(action=action, subject=subject, actor=actor, detail=detail)
