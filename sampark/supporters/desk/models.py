"""The call-back desk's models. They belong to the supporters app (imported at the end of its models.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    REACHED = "reached", _("Reached")
    NO_ANSWER = "no_answer", _("No answer")
    BUSY = "busy", _("Busy")
    SWITCHED_OFF = "switched_off", _("Switched off")
    NOT_REACHABLE = "not_reachable", _("Not reachable")
    WRONG_NUMBER = "wrong_number", _("Wrong number")
    CALL_LATER = "call_later", _("Call later")
    NOT_INTERESTED = "not_interested", _("Not interested")
    DO_NOT_CALL = "do_not_call", _("Do not call again")


# Unanswered: the call-back comes back after a delay, for at most MAX_ROUNDS rounds.
UNANSWERED = frozenset({Outcome.NO_ANSWER, Outcome.BUSY, Outcome.SWITCHED_OFF, Outcome.NOT_REACHABLE})


class DeskAssignment(models.Model):
    """A volunteer assigned by a coordinator to take call-backs from an area (and everything under it)."""

    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    area = models.ForeignKey("geo.Area", on_delete=models.CASCADE, related_name="+")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [
            # a volunteer's areas (their desk's claims), once each
            models.UniqueConstraint(fields=["volunteer", "area"], name="desk_assignment_once"),
        ]
        indexes = [models.Index(fields=["area"], name="desk_assignment_area")]  # the queue page's volunteers


class CallAttempt(models.Model):
    """One call a volunteer made (or had the provider bridge) to a waiting supporter, and what came of it."""

    callback = models.ForeignKey("supporters.Callback", on_delete=models.CASCADE, related_name="calls",
                                 db_index=False, db_constraint=False)
    # a record's call-back attempts (the supporter's detail page, the timeline)
    supporter = models.ForeignKey("supporters.Supporter", on_delete=models.CASCADE, related_name="call_attempts",
                                  db_index=False, db_constraint=False)
    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                  db_index=False)
    at = models.DateTimeField()
    number = models.PositiveSmallIntegerField()  # 1 for the first call to this supporter, 2 for the next, ...
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    call_at = models.DateTimeField(null=True, blank=True)  # call_later: when they asked to be called
    mode = models.CharField(max_length=8)  # reveal / bridge: how the call was made
    note = models.CharField(max_length=300, blank=True)
    answers = models.JSONField(default=dict, blank=True)  # reached: what the call script recorded

    class Meta:
        indexes = [models.Index(fields=["supporter", "at"], name="call_attempt_supporter")]


class StaffPhone(models.Model):
    """A staff user's own phone, which the provider rings first in bridge mode. Encrypted like supporters' numbers."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_phone")
    phone_cipher = models.BinaryField()  # core.pii.encrypt of the E.164 number
    phone_hint = models.CharField(max_length=24)  # "+91 98XXXXXX10"
    updated_at = models.DateTimeField(auto_now=True)


class DoNotCall(models.Model):
    """A number that must never be called back or sent an SMS, kept by blind index so that it outlives a record
    and holds after a new missed call. Only the supporter lifts it, on their profile page."""

    phone_index = models.CharField(max_length=32, primary_key=True)  # core.pii.blind_index of the E.164 number
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+", db_index=False)  # the volunteer who recorded the wish


class CallbackQueueCount(models.Model):
    """How many call-backs wait in each area, kept by database triggers on the call-back table (migration 0008).

    Each statement that changes what waits adds one row per area it touched (``delta``), so concurrent writers
    never wait for one another on a counter row; readers add the rows up, and queue.squash() folds them into one
    row per area. ``area_key`` is the area's id, 0 for call-backs with no area (the national queue).
    """

    area_key = models.BigIntegerField()
    delta = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["area_key"], name="callback_count_area")]  # sums per area
