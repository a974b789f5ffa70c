"""Every write to a supporter record made from the staff workspace or the API: stage moves, edits with a reason,
tags, merges, and the audit rows for reads. Each in one transaction; nothing half-written.

``move_stage`` is the one way along the funnel (new → called_back → active → volunteer → cadre → office_bearer)
for everyone (the call-back desk, camps, staff): it records a StageChange for every move. Forward moves need no
reason (the caller says what happened when it can, e.g. "call-back reached"); a move backwards needs one.
"""

from django.db import transaction
from django.db.models import F, Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sampark.accounts import permissions
from sampark.core.models import AuditEntry
from sampark.supporters.models import (
    AgeBand,
    Callback,
    Consent,
    Gender,
    Stage,
    StageChange,
    Supporter,
    SupporterTag,
    Tag,
    Touch,
)

STAGE_ORDER = [choice.value for choice in Stage]
REASON_MAX = 200
EDITABLE = ("name", "language", "area", "gender", "age_band", "village", "pin_code", "wants_to_volunteer", "stage")


class RecordError(ValueError):
    """A refused change, naming the field: ``RecordError("reason", "Say why.")``."""

    def __init__(self, field: str, message):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


def subject(supporter: Supporter) -> str:
    return f"supporter:{supporter.public_id}"


def audit(actor, action: str, supporter_or_subject, detail: dict | None = None) -> AuditEntry:
    target = supporter_or_subject if isinstance(supporter_or_subject, str) else subject(supporter_or_subject)
    return AuditEntry.objects.create(actor=actor if getattr(actor, "pk", None) else None, action=action,
                                     subject=target, detail=detail or {})


def record_read(supporter: Supporter, by, via: str = "staff") -> None:
    """Every staff open of a record leaves a row (action "read")."""
    audit(by, AuditEntry.Action.READ, supporter, {"via": via})


def is_backwards(from_stage: str, to_stage: str) -> bool:
    return STAGE_ORDER.index(to_stage) < STAGE_ORDER.index(from_stage)


@transaction.atomic
def move_stage(supporter: Supporter, to: str, by=None, reason: str = "") -> StageChange | None:
    """Move ``supporter`` to stage ``to``; returns the StageChange, or None when already there.

    Backwards (e.g. volunteer → active) only with a reason. ``by`` is the staff user, or None for the system.
    """
    if to not in STAGE_ORDER:
        raise RecordError("stage", _("Not a stage."))
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX:
        raise RecordError("reason", _("At most 200 characters."))
    # the row as it is now (locked): two moves at once record one history, each from the stage the other left
    current = Supporter.objects.select_for_update().only("stage", "merged_into_id").get(pk=supporter.pk)
    if current.merged_into_id is not None:
        raise RecordError("stage", _("This record was merged into another; change that one."))
    if current.stage == to:
        supporter.stage = to
        return None
    if is_backwards(current.stage, to) and not reason:
        raise RecordError("reason", _("Moving a supporter back a stage needs a reason."))
    change = StageChange.objects.create(supporter_id=supporter.pk, from_stage=current.stage, to_stage=to,
                                        at=timezone.now(), by=by if getattr(by, "pk", None) else None, reason=reason)
    Supporter.objects.filter(pk=supporter.pk).update(stage=to, updated_at=change.at)
    supporter.stage = to
    return change


def _clean_value(field: str, value, by):
    """One edited field's value as stored, or a RecordError naming the field."""
    if isinstance(value, str) and "\x00" in value:  # PostgreSQL refuses NUL in text: a 400, not a 500
        raise RecordError(field, _("Contains a character that is not allowed."))
    if field in ("name", "village"):
        value = (value or "").strip()
        if len(value) > 100:
            raise RecordError(field, _("At most 100 characters."))
        return value
    if field == "language":
        from django.conf import settings

        if value not in dict(settings.LANGUAGES):
            raise RecordError(field, _("Not a language Sampark speaks."))
        return value
    if field == "gender":
        if value not in ("", *Gender.values):
            raise RecordError(field, _("Not one of the choices."))
        return value
    if field == "age_band":
        if value not in ("", *AgeBand.values):
            raise RecordError(field, _("Not one of the choices."))
        return value
    if field == "pin_code":
        value = (value or "").strip()
        if value and not (len(value) == 6 and value.isascii() and value.isdigit() and value[0] != "0"):
            raise RecordError(field, _("A PIN code is six digits, not starting with 0."))
        return value
    if field == "wants_to_volunteer":
        if not isinstance(value, bool):
            raise RecordError(field, _("Yes or no."))
        return value
    if field == "area":
        from sampark.geo.models import Area

        if value is None or value == "":
            if not permissions.holds_nationally(by, permissions.SUPPORTERS_EDIT):
                raise RecordError(field, _("Give an area inside your areas."))
            return None
        area = value if isinstance(value, Area) else Area.objects.filter(code=str(value)).first()
        if area is None:
            raise RecordError(field, _("No area has this code."))
        if not permissions.can(by, permissions.SUPPORTERS_EDIT, area.path):
            raise RecordError(field, _("This area is outside your areas."))
        return area
    if field == "stage":
        if value not in STAGE_ORDER:
            raise RecordError(field, _("Not a stage."))
        return value
    raise RecordError(field, _("This field cannot be edited."))


@transaction.atomic
def edit_supporter(supporter: Supporter, *, by, reason: str, changes: dict) -> dict:
    """Apply ``changes`` (field → new value; fields in EDITABLE) with a required reason.

    Returns {field: {"from", "to"}} of what really changed (empty: nothing written). One AuditEntry "change" names
    the fields and the reason; a stage change also goes through move_stage (its StageChange carries the reason).
    """
    reason = (reason or "").strip()
    if not reason:
        raise RecordError("reason", _("Say why you are changing this record."))
    if "\x00" in reason:
        raise RecordError("reason", _("Contains a character that is not allowed."))
    if len(reason) > REASON_MAX:
        raise RecordError("reason", _("At most 200 characters."))
    locked = Supporter.objects.select_for_update(of=("self",)).select_related("area").get(pk=supporter.pk)
    if locked.merged_into_id is not None:
        raise RecordError("merged_into", _("This record was merged into another; change that one."))
    if not permissions.can(by, permissions.SUPPORTERS_EDIT, locked.area.path if locked.area else None) or (
            locked.area is None and not permissions.holds_nationally(by, permissions.SUPPORTERS_EDIT)):
        raise RecordError("area", _("This record is outside the areas where you may edit."))
    cleaned = {field: _clean_value(field, value, by) for field, value in changes.items()}
    changed: dict[str, dict] = {}
    update: dict = {}
    for field, value in cleaned.items():
        if field == "stage":
            continue
        old = getattr(locked, field)
        if field == "area":
            if value == old and not (value is not None and locked.area_is_guess):
                continue
            changed["area"] = {"from": old.code if old else None, "to": value.code if value else None}
            update["area"] = value
            update["area_is_guess"] = False  # told by staff, not guessed from the number series
            continue
        if value != old:
            changed[field] = {"from": old, "to": value}
            update[field] = value
    if update:
        update["updated_at"] = timezone.now()
        Supporter.objects.filter(pk=locked.pk).update(**update)
        if "area" in update:  # the waiting call-back follows the supporter to the area they told us
            Callback.objects.filter(supporter_id=locked.pk, status=Callback.Status.PENDING).update(
                area=update["area"])
    if "stage" in cleaned and cleaned["stage"] != locked.stage:
        old_stage = locked.stage
        move_stage(locked, cleaned["stage"], by=by, reason=reason)
        changed["stage"] = {"from": old_stage, "to": cleaned["stage"]}
    if changed:
        audit(by, AuditEntry.Action.CHANGE, locked, {"fields": changed, "reason": reason})
    for field, value in update.items():
        setattr(supporter, field, value)
    if "stage" in changed:
        supporter.stage = cleaned["stage"]
    return changed


def normalise_tag(name: str) -> str:
    name = " ".join((name or "").split()).lower()
    if not name:
        raise RecordError("tag", _("Type a tag."))
    if len(name) > 40:
        raise RecordError("tag", _("At most 40 characters."))
    return name


@transaction.atomic
def add_tag(supporter: Supporter, name: str, by) -> bool:
    name = normalise_tag(name)
    tag, _created = Tag.objects.get_or_create(name=name)
    link, created = SupporterTag.objects.get_or_create(supporter_id=supporter.pk, tag=tag)
    if created:
        audit(by, AuditEntry.Action.CHANGE, supporter, {"fields": {"tags": {"added": name}}, "reason": "tag"})
    return created


@transaction.atomic
def remove_tag(supporter: Supporter, name: str, by) -> bool:
    name = normalise_tag(name)
    deleted, _ = SupporterTag.objects.filter(supporter_id=supporter.pk, tag__name=name).delete()
    if deleted:
        audit(by, AuditEntry.Action.CHANGE, supporter, {"fields": {"tags": {"removed": name}}, "reason": "tag"})
    return bool(deleted)


@transaction.atomic
def merge(survivor: Supporter, other: Supporter, *, by, reason: str) -> Supporter:
    """Merge ``other`` (the same person's second number) into ``survivor``.

    ``other`` keeps its number (so its blind index still finds it, and lookups follow ``merged_into`` to the
    survivor) and is read-only from then on. Its touches, consents, stage history and tags move to the survivor;
    its call-back moves too when the survivor has none, else it is cancelled (one call-back per person) and stays
    visible on the survivor's record. Call counts add up; first and last call dates widen. Both must be inside the
    user's areas (supporters.merge) — the caller checks, and this checks again.
    """
    reason = (reason or "").strip()
    if not reason:
        raise RecordError("reason", _("Say why these two records are one person."))
    if len(reason) > REASON_MAX:
        raise RecordError("reason", _("At most 200 characters."))
    if survivor.pk == other.pk:
        raise RecordError("other", _("A record cannot be merged with itself."))
    first, second = sorted([survivor.pk, other.pk])  # lock in a fixed order: two merges never deadlock
    locked = {s.pk: s for s in Supporter.objects.select_for_update(of=("self",)).select_related("area")
              .filter(pk__in=[first, second]).order_by("pk")}
    keep, gone = locked[survivor.pk], locked[other.pk]
    for record, field in ((keep, "survivor"), (gone, "other")):
        if record.merged_into_id is not None:
            raise RecordError(field, _("This record was already merged into another."))
        path = record.area.path if record.area else None
        allowed = permissions.can(by, permissions.SUPPORTERS_MERGE, path) if path else \
            permissions.holds_nationally(by, permissions.SUPPORTERS_MERGE)
        if not allowed:
            raise RecordError(field, _("This record is outside your areas."))
    if Supporter.objects.filter(merged_into_id=gone.pk).exists():
        # records already merged into the one going away now point at the survivor: one hop for every lookup
        Supporter.objects.filter(merged_into_id=gone.pk).update(merged_into_id=keep.pk)
    Touch.objects.filter(supporter_id=gone.pk).update(supporter_id=keep.pk)
    try:  # the call-back desk's attempts, when the desk is installed
        from sampark.supporters.desk.models import CallAttempt
    except ImportError:
        CallAttempt = None
    if CallAttempt is not None:
        CallAttempt.objects.filter(supporter_id=gone.pk).update(supporter_id=keep.pk)
    Consent.objects.filter(supporter_id=gone.pk).update(supporter_id=keep.pk)
    StageChange.objects.filter(supporter_id=gone.pk).update(supporter_id=keep.pk)
    kept_tags = SupporterTag.objects.filter(supporter_id=keep.pk).values("tag_id")
    SupporterTag.objects.filter(supporter_id=gone.pk).exclude(tag_id__in=kept_tags).update(supporter_id=keep.pk)
    SupporterTag.objects.filter(supporter_id=gone.pk).delete()
    if not Callback.objects.filter(supporter_id=keep.pk).exists():
        Callback.objects.filter(supporter_id=gone.pk).update(supporter_id=keep.pk)
    else:
        Callback.objects.filter(supporter_id=gone.pk, status=Callback.Status.PENDING).update(
            status=Callback.Status.CANCELLED)
    now = timezone.now()
    both = Supporter.objects.filter(pk__in=[keep.pk, gone.pk]).aggregate(
        first=Min("first_call_at"), last=Max("last_call_at"))
    fill = {field: getattr(gone, field) for field in ("name", "village", "pin_code", "gender", "age_band")
            if not getattr(keep, field) and getattr(gone, field)}
    if keep.area_id is None and gone.area_id is not None:
        fill.update(area_id=gone.area_id, area_is_guess=gone.area_is_guess)
    Supporter.objects.filter(pk=keep.pk).update(
        call_count=F("call_count") + gone.call_count, first_call_at=both["first"], last_call_at=both["last"],
        wants_to_volunteer=keep.wants_to_volunteer or gone.wants_to_volunteer, updated_at=now, **fill)
    # the survivor's stage is the further of the two: the person got that far
    if STAGE_ORDER.index(gone.stage) > STAGE_ORDER.index(keep.stage):
        move_stage(keep, gone.stage, by=by, reason=f"merged with {gone.public_id}")
    Supporter.objects.filter(pk=gone.pk).update(merged_into_id=keep.pk, updated_at=now)
    audit(by, AuditEntry.Action.MERGE, keep, {"merged": subject(gone), "reason": reason})
    audit(by, AuditEntry.Action.MERGE, gone, {"into": subject(keep), "reason": reason})
    keep.refresh_from_db()
    return keep
