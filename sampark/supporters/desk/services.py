"""Every write of the call-back desk, one transaction each: reveal, bridge, outcomes, assignments, do-not-call.

``Refused`` says why a user may not do something (the API answers 403, the pages show it); ``Invalid`` names the
field that is wrong (400).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sampark.accounts import permissions
from sampark.accounts.models import Role
from sampark.core import pii
from sampark.core.models import AuditEntry
from sampark.core.phones import UnusableNumber, normalise
from sampark.geo.models import Area, Level
from sampark.supporters.desk.models import (
    UNANSWERED,
    CallAttempt,
    DeskAssignment,
    DoNotCall,
    Outcome,
    StaffPhone,
)
from sampark.supporters.desk.suppression import suppressed  # noqa: F401 -- the desk's API for others
from sampark.supporters.models import Callback, Stage, StageChange, Supporter, SupporterTag, Tag, Touch

MAX_ROUNDS = 3  # unanswered rounds after which a call-back is given up
CALL_LATER_MAX = timedelta(days=60)
MAX_INTERESTS = 10
INTEREST_MAX_LENGTH = 40
REACHED_REASON = "call-back reached"


class Refused(Exception):
    """The user may not do this (403)."""


class Invalid(ValueError):
    """Bad input; ``field`` names it (400)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field


def retry_delay(rounds: int) -> timedelta:
    """After the first unanswered round: SAMPARK_CALLBACK_RETRY_HOURS (4); after the second: the next day."""
    return timedelta(hours=settings.CALLBACK_RETRY_HOURS) if rounds <= 1 else timedelta(days=1)


# --- the claim a user holds ------------------------------------------------------------------------------------


def claimed_callback(user, supporter_public_id: str, *, lock: bool = False, now: datetime | None = None) -> Callback:
    """The call-back of ``supporter_public_id`` if ``user`` holds an open claim on it; else Refused (the same
    answer whether it does not exist, is someone else's, or lapsed: a volunteer learns nothing by guessing)."""
    now = now or timezone.now()
    if not permissions.can(user, permissions.CALLBACKS_WORK):
        raise Refused("you may not work call-backs")
    qs = Callback.objects.select_related("supporter", "supporter__area")
    if lock:
        qs = qs.select_for_update(of=("self",))
    found = qs.filter(supporter__public_id=str(supporter_public_id)[:12], status=Callback.Status.ASSIGNED,
                      claimed_by=user, claimed_until__gte=now).first()
    if found is None:
        raise Refused("this call-back is not claimed by you, or your claim has lapsed")
    return found


def subject(supporter: Supporter) -> str:
    return f"supporter:{supporter.public_id}"


def reveal_number(user, supporter_public_id: str) -> str:
    """Reveal mode: the clear number for the claiming volunteer, one audit row per reveal."""
    if settings.CALL_MODE != "reveal":
        raise Refused("numbers are never shown in bridge mode: use “Call me and connect”")
    with transaction.atomic():
        callback = claimed_callback(user, supporter_public_id)
        return pii.reveal(ciphertext=callback.supporter.phone_cipher, actor=user, reason="call-back",
                          subject=subject(callback.supporter))


# --- bridge mode ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BridgeStarted:
    reference: str
    provider_call_id: str


class BridgeFailed(Exception):
    pass


def set_staff_phone(user, raw: str) -> StaffPhone:
    """The user's own phone for bridge mode, encrypted like a supporter's number."""
    try:
        phone = normalise(raw)
    except UnusableNumber:
        raise Invalid("phone", "not a valid phone number") from None
    with transaction.atomic():
        row, _ = StaffPhone.objects.update_or_create(
            user=user, defaults={"phone_cipher": pii.encrypt(phone.e164), "phone_hint": phone.masked})
        AuditEntry.objects.create(actor=user, action=AuditEntry.Action.CHANGE, subject=f"user:{user.username}",
                                  detail={"change": "desk phone set"})
    return row


def bridge(user, supporter_public_id: str) -> BridgeStarted:
    """Bridge mode: ask the provider to ring the volunteer's own phone, then connect the supporter. The volunteer
    never sees the number; an audit row records the bridged call."""
    from sampark.telephony.bridge import BridgeRequest, get_backend

    if settings.CALL_MODE != "bridge":
        raise Refused("bridged calls are off: this deployment reveals the number instead (SAMPARK_CALL_MODE)")
    callback = claimed_callback(user, supporter_public_id)
    own = StaffPhone.objects.filter(user=user).first()
    if own is None:
        raise Invalid("phone", "set your own phone number first: the call rings it, then connects the supporter")
    reference = f"cb{callback.pk}-{callback.attempts + 1}"
    request = BridgeRequest(reference=reference, volunteer=pii.decrypt(own.phone_cipher),
                            supporter=pii.decrypt(callback.supporter.phone_cipher),
                            caller_id=settings.BRIDGE_CALLER_ID, callback_id=callback.pk,
                            claimed_until=callback.claimed_until)
    result = get_backend().connect(request)
    AuditEntry.objects.create(actor=user, action=AuditEntry.Action.BRIDGE, subject=subject(callback.supporter),
                              detail={"backend": settings.BRIDGE_BACKEND, "ok": result.ok,
                                      "provider_call_id": result.provider_call_id, "error": result.error})
    if not result.ok:
        raise BridgeFailed(result.error or "the provider refused the call")
    return BridgeStarted(reference, result.provider_call_id)


# --- outcomes -------------------------------------------------------------------------------------------------


@dataclass
class Answers:
    """What the call script recorded when the supporter was reached (all optional)."""

    name: str = ""
    area: Area | None = None  # the assembly constituency if told, else the district
    interests: tuple[str, ...] = ()
    wants_to_volunteer: bool | None = None


def clean_answers(raw: dict | None) -> Answers:
    """The API's and the form's answers, checked; Invalid names the field."""
    raw = raw or {}
    answers = Answers()
    name = " ".join(str(raw.get("name") or "").split())
    if len(name) > 100:
        raise Invalid("answers.name", "longer than 100 characters")
    if any(ord(char) < 32 for char in name):
        raise Invalid("answers.name", "contains control characters")
    answers.name = name
    district = _area(raw.get("district"), Level.DISTRICT, "answers.district")
    assembly = _area(raw.get("assembly"), Level.ASSEMBLY, "answers.assembly")
    if assembly is not None and district is not None and assembly.parent_id != district.id:
        raise Invalid("answers.assembly", f"{assembly.code} is not in district {district.code}")
    answers.area = assembly or district
    interests = raw.get("interests") or []
    if isinstance(interests, str):
        interests = [part for part in interests.replace("،", ",").split(",")]
    cleaned = []
    for item in interests:
        item = " ".join(str(item).split()).lower()
        if not item:
            continue
        if len(item) > INTEREST_MAX_LENGTH:
            raise Invalid("answers.interests", f"each interest at most {INTEREST_MAX_LENGTH} characters")
        if item not in cleaned:
            cleaned.append(item)
    if len(cleaned) > MAX_INTERESTS:
        raise Invalid("answers.interests", f"at most {MAX_INTERESTS} interests")
    answers.interests = tuple(cleaned)
    volunteer = raw.get("wants_to_volunteer")
    answers.wants_to_volunteer = None if volunteer is None or volunteer == "" else bool(volunteer)
    return answers


def _area(code, level: str, field: str) -> Area | None:
    code = str(code or "").strip()
    if not code:
        return None
    found = Area.objects.filter(code=code[:40], level=level).first()
    if found is None:
        raise Invalid(field, f"no {level} with code {code[:40]!r}")
    return found


def record_outcome(user, supporter_public_id: str, outcome: str, *, answers: dict | Answers | None = None,
                   call_at: datetime | None = None, note: str = "", now: datetime | None = None) -> Callback:
    """Record one call's outcome; the claim ends and the number is hidden again. Returns the call-back."""
    now = now or timezone.now()
    if outcome not in Outcome.values:
        raise Invalid("outcome", f"one of {', '.join(Outcome.values)}")
    note = " ".join(str(note or "").split())
    if len(note) > 300:
        raise Invalid("note", "longer than 300 characters")
    if outcome == Outcome.CALL_LATER:
        if call_at is None:
            raise Invalid("call_at", "required with call_later: when they asked to be called")
        if call_at <= now:
            raise Invalid("call_at", "must be in the future")
        if call_at > now + CALL_LATER_MAX:
            raise Invalid("call_at", f"at most {CALL_LATER_MAX.days} days ahead")
    elif call_at is not None:
        raise Invalid("call_at", "only with call_later")
    if outcome == Outcome.REACHED:
        answers = answers if isinstance(answers, Answers) else clean_answers(answers)
    elif answers:
        raise Invalid("answers", "only with reached")
    mode = settings.CALL_MODE
    with transaction.atomic():
        callback = claimed_callback(user, supporter_public_id, lock=True, now=now)
        supporter = callback.supporter
        callback.attempts += 1
        CallAttempt.objects.create(callback=callback, supporter=supporter, volunteer=user, at=now,
                                   number=callback.attempts, outcome=outcome, call_at=call_at, mode=mode, note=note,
                                   answers=_answers_detail(answers) if outcome == Outcome.REACHED else {})
        if outcome == Outcome.REACHED:
            callback.status = Callback.Status.DONE
            _fill_profile(user, supporter, answers, now)
        elif outcome in UNANSWERED:
            callback.rounds += 1
            if callback.rounds >= MAX_ROUNDS:
                callback.status = Callback.Status.FAILED
            else:
                callback.status = Callback.Status.PENDING
                callback.due_at = now + retry_delay(callback.rounds)
        elif outcome == Outcome.CALL_LATER:
            callback.status = Callback.Status.PENDING
            callback.due_at = call_at
        elif outcome == Outcome.NOT_INTERESTED:
            callback.status = Callback.Status.DONE
        elif outcome == Outcome.WRONG_NUMBER:
            callback.status = Callback.Status.FAILED
        else:  # do_not_call
            callback.status = Callback.Status.CANCELLED
            DoNotCall.objects.get_or_create(phone_index=supporter.phone_index, defaults={"at": now, "by": user})
        callback.outcome = outcome
        callback.claimed_by = None
        callback.claimed_until = None
        callback.save(update_fields=["status", "due_at", "attempts", "rounds", "outcome", "claimed_by",
                                     "claimed_until"])
        Touch.objects.create(supporter=supporter, kind=Touch.Kind.CALLBACK, at=now, detail={
            "outcome": outcome, "attempt": callback.attempts, "by": user.get_username(), "mode": mode,
            **({"call_at": call_at.isoformat()} if call_at else {}),
        })
    return callback


def _answers_detail(answers: Answers) -> dict:
    return {"name": answers.name, "area": answers.area.code if answers.area else None,
            "interests": list(answers.interests), "wants_to_volunteer": answers.wants_to_volunteer}


def _fill_profile(user, supporter: Supporter, answers: Answers, now: datetime) -> None:
    """``reached``: the supporter moves to called_back (recorded, by the volunteer) and the answers fill the
    profile; what they did not say stays as it was."""
    changed = []
    if answers.name:
        supporter.name = answers.name
        changed.append("name")
    if answers.area is not None:
        supporter.area = answers.area
        supporter.area_is_guess = False
        changed += ["area", "area_is_guess"]
    if answers.wants_to_volunteer is not None:
        supporter.wants_to_volunteer = answers.wants_to_volunteer
        changed.append("wants_to_volunteer")
    if supporter.stage == Stage.NEW:
        StageChange.objects.create(supporter=supporter, from_stage=Stage.NEW, to_stage=Stage.CALLED_BACK, at=now,
                                   by=user, reason=REACHED_REASON)
        supporter.stage = Stage.CALLED_BACK
        changed.append("stage")
    if changed:
        supporter.save(update_fields=[*changed, "updated_at"])
    for name in answers.interests:
        tag, _ = Tag.objects.get_or_create(name=name)
        SupporterTag.objects.get_or_create(supporter=supporter, tag=tag)
    if changed or answers.interests:
        AuditEntry.objects.create(actor=user, action=AuditEntry.Action.CHANGE, subject=subject(supporter),
                                  detail={"reason": REACHED_REASON, "fields": changed,
                                          "tags": list(answers.interests)})


# --- do-not-call ------------------------------------------------------------------------------------------------


def is_suppressed(supporter: Supporter) -> bool:
    return DoNotCall.objects.filter(phone_index=supporter.phone_index).exists()


def lift_do_not_call(supporter: Supporter, now: datetime | None = None) -> bool:
    """The supporter, on their own profile page, allows calls and SMS again; a call-back that the wish cancelled
    goes back to the queue. False when there was nothing to lift."""
    from sampark.supporters.models import Consent

    now = now or timezone.now()
    with transaction.atomic():
        deleted, _ = DoNotCall.objects.filter(phone_index=supporter.phone_index).delete()
        if not deleted:
            return False
        Callback.objects.filter(supporter=supporter, status=Callback.Status.CANCELLED,
                                outcome=Outcome.DO_NOT_CALL).update(
            status=Callback.Status.PENDING, due_at=now, rounds=0, area=supporter.area)
        Consent.objects.create(supporter=supporter, purpose="contact", granted=True,
                               notice_version=settings.NOTICE_VERSION, channel="web", at=now)
        Touch.objects.create(supporter=supporter, kind=Touch.Kind.PROFILE, at=now,
                             detail={"do_not_call": "lifted"})
    return True


# --- assignments ------------------------------------------------------------------------------------------------


def assign(actor, volunteer, area: Area) -> DeskAssignment:
    """A coordinator assigns a volunteer to take call-backs from ``area``. One who may not work call-backs there
    yet is granted the volunteer role at it (accounts.services.grant, which checks the coordinator may)."""
    from sampark.accounts import services as accounts

    if not permissions.can(actor, permissions.CALLBACKS_MANAGE, area.path):
        raise Refused(f"area: you may not manage call-backs in {area.code}")
    if not volunteer.is_active:
        raise Invalid("volunteer", f"{volunteer.get_username()} is deactivated")
    with transaction.atomic():
        if not permissions.can(volunteer, permissions.CALLBACKS_WORK, area.path):
            try:
                accounts.grant(volunteer, Role.VOLUNTEER, area, actor=actor)
            except accounts.Refused as exc:
                raise Refused(str(exc)) from None
        row, created = DeskAssignment.objects.get_or_create(
            volunteer=volunteer, area=area, defaults={"assigned_by": actor, "at": timezone.now()})
        if created:
            AuditEntry.objects.create(actor=actor, action=AuditEntry.Action.CHANGE,
                                      subject=f"user:{volunteer.get_username()}",
                                      detail={"change": "assigned to call-backs", "area": area.code})
    return row


def unassign(actor, assignment: DeskAssignment) -> None:
    if not permissions.can(actor, permissions.CALLBACKS_MANAGE, assignment.area.path):
        raise Refused(f"area: you may not manage call-backs in {assignment.area.code}")
    with transaction.atomic():
        DeskAssignment.objects.filter(pk=assignment.pk).delete()
        AuditEntry.objects.create(actor=actor, action=AuditEntry.Action.CHANGE,
                                  subject=f"user:{assignment.volunteer.get_username()}",
                                  detail={"change": "unassigned from call-backs", "area": assignment.area.code})
