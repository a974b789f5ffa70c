from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """Who saw or changed what. Written by core.pii.reveal and by services that touch personal data."""

    class Action(models.TextChoices):
        REVEAL_PHONE = "reveal_phone", "revealed a phone number"
        EXPORT = "export", "exported data"
        CHANGE = "change", "changed a record"
        ROLE_CHANGE = "role_change", "granted or revoked a role"
        USER_CHANGE = "user_change", "created or deactivated a staff user"
        TOKEN_CHANGE = "token_change", "created or revoked an API token"
        SIGN_IN = "sign_in", "signed in"
        READ = "read", "opened a supporter record"
        MERGE = "merge", "merged two supporter records"
        IMPORT = "import", "imported supporters"
        BRIDGE = "bridge", "connected a call without showing the number"

    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=32, choices=Action.choices)
    subject = models.CharField(max_length=100)  # "supporter:<public id>"
    detail = models.JSONField(default=dict)

    class Meta:
        indexes = [
            # the DPO's "who revealed this supporter's number" query
            models.Index(fields=["subject", "at"], name="audit_subject_at"),
        ]


class Counter(models.Model):
    """Running totals kept beside the big tables, so /stats never runs COUNT(*) over crores of rows."""

    name = models.CharField(max_length=64, primary_key=True)
    value = models.BigIntegerField(default=0)
