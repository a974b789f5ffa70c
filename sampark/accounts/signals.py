"""Every staff sign-in is an audit row (who, when, from which address; failures are django-axes' records)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from sampark.core.models import AuditEntry
from sampark.core.ratelimit import client_ip


@receiver(user_logged_in)
def audit_sign_in(sender, request, user, **kwargs):
    address = client_ip(request) if request is not None else ""
    AuditEntry.objects.create(actor=user, action=AuditEntry.Action.SIGN_IN, subject=f"user:{user.get_username()}",
                              detail={"address": address})
