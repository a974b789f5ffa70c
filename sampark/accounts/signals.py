"""Every staff sign-in is an audit row (who, when, from which address; failures are django-axes' records)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from sampark.core.models import AuditEntry


@receiver(user_logged_in)
def audit_sign_in(sender, request, user, **kwargs):
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    AuditEntry.objects.create(actor=user, action=AuditEntry.Action.SIGN_IN, subject=f"user:{user.get_username()}",
                              detail={"address": address})
