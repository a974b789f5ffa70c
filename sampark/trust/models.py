"""Trust: the registry of official channels, reported fakes tracked as cases, and the leadership's statements.

Official channels are public by nature (the movement publishes them), so their handles and numbers are stored in
clear; supporters' numbers never are. ``OfficialChannel.handle`` is the normalised form that ``trust.handles``
produces for a query, so "is this official?" is one indexed equality lookup.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sampark.accounts import permissions
from sampark.core.ids import public_id
from sampark.core.scoping import ScopedQuerySet
from sampark.trust.cases import codes as case_codes


class Platform(models.TextChoices):
    X = "x", _("X (Twitter)")
    FACEBOOK = "facebook", _("Facebook")
    INSTAGRAM = "instagram", _("Instagram")
    YOUTUBE = "youtube", _("YouTube")
    TELEGRAM = "telegram", _("Telegram")
    WHATSAPP_CHANNEL = "whatsapp_channel", _("WhatsApp channel")
    WHATSAPP_GROUP = "whatsapp_group", _("WhatsApp group")
    WHATSAPP_NUMBER = "whatsapp_number", _("WhatsApp number")
    PHONE = "phone", _("Phone number")
    WEBSITE = "website", _("Website")
    EMAIL = "email", _("Email address")


class OwnerQuerySet(ScopedQuerySet):
    area_lookup = "area"
    view_perm = permissions.TRUST_CASES_VIEW


class Owner(models.Model):
    """Whose an official channel is: a person (a leader) or a unit (the party's office at an area)."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        UNIT = "unit", _("Unit")

    public_id = models.CharField(max_length=12, unique=True, default=public_id)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.PERSON)
    name_en = models.CharField(max_length=120)
    name_hi = models.CharField(max_length=120, blank=True)
    area = models.ForeignKey("geo.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    objects = OwnerQuerySet.as_manager()

    class Meta:
        constraints = [
            # `sampark official add --owner NAME --area CODE` finds the owner again by name within the area
            models.UniqueConstraint(fields=["name_en", "area"], name="owner_name_area"),
        ]

    def __str__(self) -> str:
        return self.name_en


class ChannelStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    RETIRED = "retired", _("Retired")


class OfficialChannelQuerySet(ScopedQuerySet):
    area_lookup = "owner__area"
    view_perm = permissions.TRUST_CASES_VIEW

    def active(self):
        return self.filter(status=ChannelStatus.ACTIVE)


class OfficialChannel(models.Model):
    public_id = models.CharField(max_length=12, unique=True, default=public_id)
    platform = models.CharField(max_length=20, choices=Platform.choices)
    handle = models.CharField(max_length=200)  # normalised by trust.handles: what verify compares
    display = models.CharField(max_length=300)  # as the movement writes it: "@Name", a link, "+91 11 4000 0000"
    owner = models.ForeignKey(Owner, on_delete=models.PROTECT, related_name="channels")
    status = models.CharField(max_length=8, choices=ChannelStatus.choices, default=ChannelStatus.ACTIVE)
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)  # when retired: "was official until"
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OfficialChannelQuerySet.as_manager()

    class Meta:
        constraints = [
            # verify's exact match: one row per normalised handle on a platform
            models.UniqueConstraint(fields=["platform", "handle"], name="channel_platform_handle"),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()}: {self.display}"


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    CONFIRMED = "confirmed", _("Confirmed fake")
    REPORTED = "reported", _("Reported to the platform")
    TAKEN_DOWN = "taken_down", _("Taken down")
    DISMISSED = "dismissed", _("Dismissed")


class CaseQuerySet(ScopedQuerySet):
    area_lookup = "area"
    view_perm = permissions.TRUST_CASES_VIEW


class Case(models.Model):
    """One suspected fake (an account, group, number or site); every report of the same target joins it."""

    # the case code reporters are given (K7M4QX9P, shown K7M4-QX9P: trust.cases.codes); older cases keep their
    # 12-letter public ids
    public_id = models.CharField(max_length=12, unique=True, default=case_codes.new_code)
    platform = models.CharField(max_length=20, choices=Platform.choices, blank=True)  # blank: not recognised
    target = models.CharField(max_length=300)  # normalised like OfficialChannel.handle
    target_display = models.CharField(max_length=300)  # as first reported
    status = models.CharField(max_length=12, choices=CaseStatus.choices, default=CaseStatus.NEW)
    resembles = models.ForeignKey(
        OfficialChannel, null=True, blank=True, on_delete=models.SET_NULL, related_name="lookalike_cases"
    )
    score = models.FloatField(null=True, blank=True)  # lookalike score against `resembles`
    reasons = models.JSONField(default=list, blank=True)
    area = models.ForeignKey("geo.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    report_count = models.PositiveIntegerField(default=0)
    reporter_count = models.PositiveIntegerField(default=0)  # distinct reporters (keyed hash, no identity kept)
    first_reported_at = models.DateTimeField(null=True, blank=True)
    last_reported_at = models.DateTimeField(null=True, blank=True)
    reported_to = models.CharField(max_length=200, blank=True)  # where it was filed: "X impersonation form", ...
    reported_at = models.DateTimeField(null=True, blank=True)
    platform_reference = models.CharField(max_length=200, blank=True)  # the platform's ticket number
    closed_at = models.DateTimeField(null=True, blank=True)
    warning_queued_at = models.DateTimeField(null=True, blank=True)  # supporters' warning, queued on confirmation
    # The warning goes out in chunks of supporters by id; the cursor makes a rerun continue, never repeat.
    warning_cursor = models.BigIntegerField(default=0)
    warning_recipients = models.PositiveIntegerField(default=0)
    warning_finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        constraints = [
            # reports of one target merge into one case
            models.UniqueConstraint(fields=["platform", "target"], name="case_platform_target"),
        ]
        indexes = [
            # the trust desk's queue: open cases by status, most reported first
            models.Index(fields=["status", "-report_count"], name="case_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.public_id} {self.target_display}"

    @property
    def code(self) -> str:
        """The case code as people read it: ``K7M4-QX9P``."""
        return case_codes.shown(self.public_id)


class Report(models.Model):
    """One person's "report a fake"."""

    class What(models.TextChoices):
        IMPERSONATES = "impersonates", _("Pretends to be the movement or a leader")
        ASKS_PERSONAL_DATA = "asks_personal_data", _("Asks for phone numbers or personal details")
        ASKS_MONEY = "asks_money", _("Asks for money")
        FALSE_STATEMENT = "false_statement", _("Spreads statements the leadership never made")
        OTHER = "other", _("Something else")

    public_id = models.CharField(max_length=12, unique=True, default=public_id)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reports")
    target_as_given = models.CharField(max_length=300)
    what = models.CharField(max_length=20, choices=What.choices)
    details = models.TextField(blank=True)
    screenshot = models.FileField(upload_to="trust/screenshots/%Y/%m/", blank=True)
    reporter_key = models.CharField(max_length=32, blank=True)  # keyed hash of the reporter's network address
    language = models.CharField(max_length=5, default="hi")
    received_at = models.DateTimeField()

    class Meta:
        indexes = [
            # a case's evidence list, oldest first
            models.Index(fields=["case", "received_at"], name="report_case"),
        ]


class CaseEvent(models.Model):
    """The case's history: status changes, filings with platforms, notes. Kept for the evidence pack."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    note = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["case", "at"], name="case_event_timeline")]  # the case page's history


class Statement(models.Model):
    """What the leadership actually said, recorded by staff, so a forwarded "quote" can be checked against it."""

    public_id = models.CharField(max_length=12, unique=True, default=public_id)
    text = models.TextField()
    language = models.CharField(max_length=5, default="hi")
    said_on = models.DateField()
    speaker = models.ForeignKey(Owner, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements")
    channel = models.ForeignKey(
        OfficialChannel, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    source_url = models.URLField(max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["-said_on"], name="statement_recent")]  # the public list, newest first

    def __str__(self) -> str:
        return f"{self.said_on}: {self.text[:60]}"
