from django.db import models
from django.utils.translation import gettext_lazy as _

from sampark.accounts import permissions
from sampark.core.scoping import ScopedQuerySet


class Category(models.TextChoices):
    """DLT template categories (TRAI TCCCPR 2018)."""

    TRANSACTIONAL = "transactional", _("Transactional")
    SERVICE_IMPLICIT = "service_implicit", _("Service (implicit consent)")
    SERVICE_EXPLICIT = "service_explicit", _("Service (explicit consent)")
    PROMOTIONAL = "promotional", _("Promotional")


class SmsTemplate(models.Model):
    """An SMS template as registered on the DLT platform; ``body`` uses ``{#var#}`` for each variable."""

    key = models.SlugField(max_length=40)  # what code asks for, e.g. "confirmation"
    language = models.CharField(max_length=5)
    # blank until the template is registered on the DLT platform (the defaults ship so: outreach/defaults.py)
    dlt_entity_id = models.CharField(max_length=30, blank=True)
    header = models.CharField(max_length=11, blank=True)  # sender id, e.g. "SAMPRK"
    dlt_template_id = models.CharField(max_length=30, blank=True)
    category = models.CharField(max_length=20, choices=Category.choices)
    body = models.TextField()
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="template_key_language")]

    def __str__(self) -> str:
        return f"{self.key}/{self.language} ({self.dlt_template_id or 'no DLT id'})"

    @property
    def dlt_missing(self) -> list[str]:
        """The DLT fields a real gateway needs that are still empty."""
        return [name for name in ("dlt_entity_id", "dlt_template_id", "header") if not getattr(self, name)]


class OutboundSmsQuerySet(ScopedQuerySet):
    area_lookup = "supporter__area"  # an SMS is seen in its recipient's area
    view_perm = permissions.CALLS_VIEW


class OutboundSms(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    public_id = models.CharField(max_length=12)  # unique: see Meta
    # db_constraint=False: see docs/intake.md, "Foreign keys PostgreSQL does not check".
    supporter = models.ForeignKey(
        "supporters.Supporter", null=True, blank=True, on_delete=models.SET_NULL, related_name="sms",
        db_constraint=False,
    )
    to_cipher = models.BinaryField()  # recipient, encrypted like every stored number
    # No index: only deleting a template looks messages up by it (templates are deactivated, not deleted).
    template = models.ForeignKey(SmsTemplate, on_delete=models.PROTECT, related_name="+", db_index=False,
                                 db_constraint=False)
    body = models.TextField()
    variables = models.JSONField(default=list)  # the {#var#} values, for providers that hold the template text
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    not_before = models.DateTimeField()  # promotional messages wait for 10:00-21:00 IST
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    provider_message_id = models.CharField(max_length=100, blank=True)
    error = models.CharField(max_length=300, blank=True)

    objects = OutboundSmsQuerySet.as_manager()

    class Meta:
        constraints = [
            # our reference passed to providers, so it must name one message (a constraint, not unique=True:
            # no LIKE-only second index on PostgreSQL)
            models.UniqueConstraint(fields=["public_id"], name="sms_public_id"),
        ]
        indexes = [
            # the sender's "what is due now" query; only queued rows are in it
            models.Index(fields=["not_before", "id"], name="sms_due", condition=models.Q(status="queued")),
        ]
