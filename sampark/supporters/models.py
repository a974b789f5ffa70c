from django.conf import settings
from django.db import models
from django.db.models.expressions import DatabaseDefault
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from sampark.accounts import permissions
from sampark.core.ids import public_id
from sampark.core.scoping import ScopedQuerySet


class Stage(models.TextChoices):
    NEW = "new", _("New")
    CALLED_BACK = "called_back", _("Called back")
    ACTIVE = "active", _("Active")
    VOLUNTEER = "volunteer", _("Volunteer")
    CADRE = "cadre", _("Camp-trained cadre")
    OFFICE_BEARER = "office_bearer", _("Office-bearer")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")


class AgeBand(models.TextChoices):
    UNDER_18 = "u18", _("Under 18")
    A18_25 = "18-25", _("18–25")
    A26_35 = "26-35", _("26–35")
    A36_50 = "36-50", _("36–50")
    A51_65 = "51-65", _("51–65")
    OVER_65 = "65+", _("Over 65")


class SupporterQuerySet(ScopedQuerySet):
    area_lookup = "area"
    view_perm = permissions.SUPPORTERS_VIEW


class CallbackQuerySet(ScopedQuerySet):
    area_lookup = "area"
    view_perm = permissions.CALLBACKS_MANAGE  # the queue as a whole; volunteers get theirs through claims


class Supporter(models.Model):
    public_id = models.CharField(max_length=12, default=public_id)  # unique: see Meta
    phone_cipher = models.BinaryField()
    phone_index = models.CharField(max_length=32)  # blind index: one supporter per number (unique: see Meta)
    phone_hint = models.CharField(max_length=24)  # "+91 98XXXXXX10"
    phone_region = models.CharField(max_length=2, blank=True)  # ISO country of the number
    phone_is_mobile = models.BooleanField(default=True)
    name = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=5, default="hi")
    # looked up through supporter_area below, which starts with it
    area = models.ForeignKey(  # db_constraint=False: docs/intake.md, "Foreign keys PostgreSQL does not check"
        "geo.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False,
        db_constraint=False,
    )
    area_is_guess = models.BooleanField(default=False)  # guessed from the number series, not told by them
    stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.NEW)
    # No index: only deleting a published number would look for it, and a number with calls cannot be deleted.
    source_number = models.ForeignKey(
        "telephony.PublishedNumber", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        db_index=False, db_constraint=False,
    )
    notice_version = models.CharField(max_length=20)  # consent notice shown when they joined
    contact_consent = models.BooleanField(null=True)  # None until they answer on the profile page
    first_call_at = models.DateTimeField(null=True, blank=True)
    last_call_at = models.DateTimeField(null=True, blank=True)
    call_count = models.PositiveIntegerField(default=0)
    last_confirmation_at = models.DateTimeField(null=True, blank=True)
    link_version = models.PositiveSmallIntegerField(default=1)  # bump to revoke their personal link
    # What they tell us on their profile page (all optional) or a volunteer hears on a call-back. Defaults are
    # the database's: the intake worker writes supporters with its own INSERTs and names only the columns it sets.
    gender = models.CharField(max_length=8, choices=Gender.choices, blank=True, db_default="")
    age_band = models.CharField(max_length=8, choices=AgeBand.choices, blank=True, db_default="")
    guardian_consent = models.BooleanField(null=True)  # under 18: enrolled only with a parent's or guardian's yes
    village = models.CharField(max_length=100, blank=True, db_default="")  # village or ward
    pin_code = models.CharField(max_length=6, blank=True, db_default="")
    wants_to_volunteer = models.BooleanField(db_default=False)
    # Two records of one person (two phones) merged: this one points at the record that carries on.
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                    db_index=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SupporterQuerySet.as_manager()

    class Meta:
        # Constraints rather than unique=True: on PostgreSQL Django adds a second, LIKE-only index to every
        # unique CharField, which no query here uses and the worker would write for each new supporter.
        constraints = [
            # the profile link (/p/<public id><mac>) and the API name supporters by public id
            models.UniqueConstraint(fields=["public_id"], name="supporter_public_id"),
            # one supporter per number: the worker's upsert (ON CONFLICT) and the phone lookup
            models.UniqueConstraint(fields=["phone_index"], name="supporter_phone_index"),
        ]
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
        IMPORT = "import", _("Imported from a list")  # detail: the import's source and public id

    # looked up through touch_timeline below, which starts with it.
    # db_constraint=False: see docs/intake.md, "Foreign keys PostgreSQL does not check".
    supporter = models.ForeignKey(
        Supporter, on_delete=models.CASCADE, related_name="touches", db_index=False, db_constraint=False
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    at = models.DateTimeField()
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["supporter", "at"], name="touch_timeline")]  # the timeline page


class Consent(models.Model):
    """A consent given or withdrawn, with the notice version shown at the time."""

    # looked up through consent_latest below, which starts with it.
    # db_constraint=False: see docs/intake.md, "Foreign keys PostgreSQL does not check".
    supporter = models.ForeignKey(
        Supporter, on_delete=models.CASCADE, related_name="consents", db_index=False, db_constraint=False
    )
    purpose = models.CharField(max_length=20)  # "join" (the missed call itself), "contact"
    granted = models.BooleanField()
    notice_version = models.CharField(max_length=20)
    channel = models.CharField(max_length=20)  # missed_call / web / import
    note = models.CharField(max_length=120, blank=True, db_default="")  # "imported from <source>"
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

    # db_constraint=False: see docs/intake.md, "Foreign keys PostgreSQL does not check".
    supporter = models.OneToOneField(Supporter, on_delete=models.CASCADE, related_name="callback", db_constraint=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # waiting call-backs are found by area through callback_queue; nothing looks up all of an area's call-backs
    area = models.ForeignKey(
        "geo.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False,
        db_constraint=False,
    )
    created_at = models.DateTimeField()
    # The call-back desk (supporters/desk/, docs/callbacks.md). Database defaults: the intake worker and the
    # importer write call-backs with their own INSERTs and name only the columns they set.
    due_at = models.DateTimeField(db_default=Now())  # waiting since (new) or back in the queue from (a retry)
    claimed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", db_index=False)  # found through callback_claims
    claimed_until = models.DateTimeField(null=True, blank=True)  # the claim lapses back to the queue after it
    attempts = models.PositiveSmallIntegerField(db_default=0)  # calls made so far, any outcome
    rounds = models.PositiveSmallIntegerField(db_default=0)  # unanswered rounds (no answer, busy, ...): at most 3
    outcome = models.CharField(max_length=16, blank=True, db_default="")  # the last attempt's outcome

    objects = CallbackQuerySet.as_manager()

    class Meta:
        indexes = [
            # the volunteers' queue: oldest due first within an area (desk claims, the queue page's oldest wait)
            models.Index(
                fields=["area", "due_at"], name="callback_queue",
                condition=models.Q(status="pending"),
            ),
            # a volunteer's open claims (the desk page) and lapsed claims going back to the queue
            models.Index(
                fields=["claimed_by", "claimed_until"], name="callback_claims",
                condition=models.Q(status="assigned"),
            ),
        ]

    def save(self, *args, **kwargs):
        if self._state.adding and isinstance(self.due_at, DatabaseDefault) and self.created_at is not None:
            self.due_at = self.created_at  # waiting since it was made, not since the row was written
        super().save(*args, **kwargs)


class StageChange(models.Model):
    """One move along the funnel (new → called_back → active → volunteer → cadre → office_bearer): who, when, why."""

    supporter = models.ForeignKey(Supporter, on_delete=models.CASCADE, related_name="stage_changes",
                                  db_index=False, db_constraint=False)
    from_stage = models.CharField(max_length=16, choices=Stage.choices)
    to_stage = models.CharField(max_length=16, choices=Stage.choices)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.CharField(max_length=200, blank=True)  # "call-back reached", "camp completed", typed by staff

    class Meta:
        indexes = [models.Index(fields=["supporter", "at"], name="stage_history")]  # the record's stage history


class Tag(models.Model):
    """A label staff put on supporters ("farmer", "student-wing", an import's --tag)."""

    name = models.CharField(max_length=40, unique=True)  # lower-case, as typed otherwise

    def __str__(self) -> str:
        return self.name


class SupporterTag(models.Model):
    supporter = models.ForeignKey(Supporter, on_delete=models.CASCADE, related_name="tag_links",
                                  db_index=False, db_constraint=False)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+", db_index=False)

    class Meta:
        constraints = [
            # a record's tags, and "is this supporter tagged" on the list's tag filter
            models.UniqueConstraint(fields=["supporter", "tag"], name="supporter_tag_once"),
        ]
        indexes = [models.Index(fields=["tag", "supporter"], name="tag_members")]  # the list filtered by tag


# The call-back desk's own models (assignments, attempts, staff phones, do-not-call, queue counts).
from sampark.supporters.desk.models import (  # noqa: E402, F401
    CallAttempt,
    CallbackQueueCount,
    DeskAssignment,
    DoNotCall,
    StaffPhone,
)

# Imports of supporters from CSV files (supporters/imports/): the job that makes them resumable, rejected rows.
from sampark.supporters.imports.models import ImportJob, ImportRejection  # noqa: E402, F401
