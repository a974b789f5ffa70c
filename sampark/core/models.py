from django.conf import settings
from django.db import models


class AppendOnly(Exception):
    """An audit row cannot be changed or deleted (a database trigger refuses it too: migration core 0004)."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("audit entries are append-only: they cannot be changed")

    def delete(self):
        raise AppendOnly("audit entries are append-only: they cannot be deleted")


class AuditEntry(models.Model):
    """Who saw or changed what. Written by core.pii.reveal and by services that touch personal data.

    Append-only, the admin included: save() of an existing row, delete() and the queryset's update() and delete()
    raise AppendOnly, and triggers on the table refuse UPDATE and DELETE in SQL (docs/audit.md).
    """

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
    # PROTECT: setting the actor to NULL would be a change; a staff user with audit rows is deactivated, never deleted
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=32, choices=Action.choices)
    subject = models.CharField(max_length=100)  # "supporter:<public id>"
    detail = models.JSONField(default=dict)

    objects = AuditQuerySet.as_manager()

    class Meta:
        indexes = [
            # the DPO's "who revealed this supporter's number" query
            models.Index(fields=["subject", "at"], name="audit_subject_at"),
            # the audit page and GET /api/v1/audit?actor=<username>: what one staff member did, newest first
            models.Index(fields=["actor", "at"], name="audit_actor_at"),
            # the audit page and GET /api/v1/audit?action=reveal_phone: every reveal (or export…), newest first
            models.Index(fields=["action", "at"], name="audit_action_at"),
            # the audit page and GET /api/v1/audit without filters: newest first, keyset on (at, id); a scoped
            # reader walks it checking each row's subject (docs/audit.md)
            models.Index(fields=["at", "id"], name="audit_at"),
        ]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("audit entries are append-only: they cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("audit entries are append-only: they cannot be deleted")


class Counter(models.Model):
    """Running totals kept beside the big tables, so /stats never runs COUNT(*) over crores of rows."""

    name = models.CharField(max_length=64, primary_key=True)
    value = models.BigIntegerField(default=0)
