from django.db import models
from django.utils.translation import gettext_lazy as _

from sampark.accounts import permissions
from sampark.core.fields import SealedText
from sampark.core.scoping import ScopedQuerySet


class PublishedNumber(models.Model):
    """A number the movement publishes; calls to it arrive at /hooks/<provider>/<slug>/."""

    provider = models.CharField(max_length=20)
    slug = models.SlugField(max_length=50)
    number = models.CharField(max_length=20)  # E.164; the movement's own number, not personal data
    # provider auth token / shared webhook key: encrypted at rest like phone numbers (a copy of the database must
    # not let anyone sign calls); clear in memory as a str
    secret = SealedText(max_length=200, default="", blank=True)  # max_length: of the clear text
    ip_allowlist = models.TextField(blank=True, help_text="Comma-separated IPs or CIDR ranges; empty allows all")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["provider", "slug"], name="number_provider_slug")]

    def __str__(self) -> str:
        return f"{self.number} ({self.provider}/{self.slug})"

    @property
    def hook_path(self) -> str:
        return f"/hooks/{self.provider}/{self.slug}/"


class SupporterAreaQuerySet(ScopedQuerySet):
    area_lookup = "supporter__area"  # a call is seen in its supporter's area
    view_perm = permissions.CALLS_VIEW


class Call(models.Model):
    """One missed call as the provider delivered it: written before the provider gets its reply.

    The caller id is personal data, so even the raw string is stored only encrypted. The intake worker turns
    pending calls into supporters in batches.
    """

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    # No index of its own: every index on this table is written by each webhook and again by the worker's
    # update. Only deleting a published number looks calls up by number (numbers are deactivated, not deleted).
    # db_constraint=False here and on the other references the webhook or the worker writes per call: see
    # docs/intake.md, "Foreign keys PostgreSQL does not check".
    number = models.ForeignKey(PublishedNumber, on_delete=models.PROTECT, related_name="calls", db_index=False,
                               db_constraint=False)
    provider = models.CharField(max_length=20)
    provider_call_id = models.CharField(max_length=128)
    caller_cipher = models.BinaryField()
    received_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)  # provider's own timestamp, when it sent one
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    reject_reason = models.CharField(max_length=20, blank=True)  # missing / withheld / invalid
    # looked up through call_supporter below, which starts with it.
    # db_constraint=False: see docs/intake.md, "Foreign keys PostgreSQL does not check".
    supporter = models.ForeignKey(
        "supporters.Supporter", null=True, blank=True, on_delete=models.SET_NULL, related_name="calls",
        db_index=False, db_constraint=False,
    )
    processed_at = models.DateTimeField(null=True, blank=True)

    objects = SupporterAreaQuerySet.as_manager()

    class Meta:
        constraints = [
            # a redelivered webhook is the same call
            models.UniqueConstraint(fields=["provider", "provider_call_id"], name="call_once_per_provider"),
        ]
        indexes = [
            # the intake worker's claim: oldest unprocessed calls first; stays tiny because processed rows leave it
            models.Index(fields=["id"], name="call_pending", condition=models.Q(processed_at__isnull=True)),
            # a supporter's call history on their timeline. Partial: a call joins it when the worker links it to a
            # supporter, so the webhook's insert does not write it.
            models.Index(
                fields=["supporter", "received_at"], name="call_supporter", condition=models.Q(supporter__isnull=False)
            ),
        ]
