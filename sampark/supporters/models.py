from django.db import models
from django.utils.translation import gettext_lazy as _

from sampark.core.ids import public_id
from sampark.core.scoping import ScopedQuerySet


class Stage(models.TextChoices):
    NEW = "new", _("New")
    CALLED_BACK = "called_back", _("Called back")
    ACTIVE = "active", _("Active")
    VOLUNTEER = "volunteer", _("Volunteer")
    CADRE = "cadre", _("Camp-trained cadre")
    OFFICE_BEARER = "office_bearer", _("Office-bearer")


class SupporterQuerySet(ScopedQuerySet):
    area_lookup = "area"


class Supporter(models.Model):
    public_id = models.CharField(max_length=12, unique=True, default=public_id)
    phone_cipher = models.BinaryField()
    phone_index = models.CharField(max_length=32, unique=True)  # blind index: one supporter per number
    phone_hint = models.CharField(max_length=24)  # "+91 98XXXXXX10"
    phone_region = models.CharField(max_length=2, blank=True)  # ISO country of the number
    phone_is_mobile = models.BooleanField(default=True)
    name = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=5, default="hi")
    area = models.ForeignKey("geo.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    area_is_guess = models.BooleanField(default=False)  # guessed from the number series, not told by them
    stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.NEW)
    source_number = models.ForeignKey(
        "telephony.PublishedNumber", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notice_version = models.CharField(max_length=20)  # consent notice shown when they joined
    contact_consent = models.BooleanField(null=True)  # None until they answer on the profile page
    first_call_at = models.DateTimeField(null=True, blank=True)
    last_call_at = models.DateTimeField(null=True, blank=True)
    call_count = models.PositiveIntegerField(default=0)
    last_confirmation_at = models.DateTimeField(null=True, blank=True)
    link_version = models.PositiveSmallIntegerField(default=1)  # bump to revoke their personal link
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SupporterQuerySet.as_manager()

    class Meta:
        indexes = [
            # coordinators' supporter lists, scoped by area and newest first
            models.Index(fields=["area", "-id"], name="supporter_area"),
        ]

    def __str__(self) -> str:
        return f"{self.public_id} {self.phone_hint}"


class Touch(models.Model):
    """One event on a supporter's timeline."""

    class Kind(models.TextChoices):
        MISSED_CALL = "missed_call", _("Missed call")
        SMS = "sms", _("SMS sent")
        PROFILE = "profile", _("Profile updated")
        CALLBACK = "callback", _("Called back")

    supporter = models.ForeignKey(Supporter, on_delete=models.CASCADE, related_name="touches")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    at = models.DateTimeField()
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["supporter", "at"], name="touch_timeline")]  # the timeline page


class Consent(models.Model):
    """A consent given or withdrawn, with the notice version shown at the time."""

    supporter = models.ForeignKey(Supporter, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=20)  # "join" (the missed call itself), "contact"
    granted = models.BooleanField()
    notice_version = models.CharField(max_length=20)
    channel = models.CharField(max_length=20)  # missed_call / web
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["supporter", "purpose", "at"], name="consent_latest")]


class Callback(models.Model):
    """A supporter waiting for a volunteer near them to call back."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        ASSIGNED = "assigned", _("Assigned")
        DONE = "done", _("Done")
        FAILED = "failed", _("Not reached")
        CANCELLED = "cancelled", _("Cancelled: no consent to contact")

    supporter = models.OneToOneField(Supporter, on_delete=models.CASCADE, related_name="callback")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    area = models.ForeignKey("geo.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        indexes = [
            # the volunteers' queue: oldest waiting first within an area
            models.Index(
                fields=["area", "created_at"], name="callback_queue",
                condition=models.Q(status="pending"),
            ),
        ]
