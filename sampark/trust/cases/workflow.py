"""Writes for reports and cases: a report joins (or opens) its target's case; staff move the case through its
workflow. Every write runs in one transaction and leaves a CaseEvent naming who did what.

Workflow: new → confirmed (a fake) → reported (filed with the platform: where, when, their reference) →
taken down; a new, confirmed or reported case can instead be dismissed. Taken down and dismissed are final.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation

from sampark.core import pii
from sampark.trust.cases.screenshots import CleanImage
from sampark.trust.matching.handles import Handle, parse
from sampark.trust.matching.verify import OFFICIAL, verify
from sampark.trust.models import Case, CaseEvent, CaseStatus, OfficialChannel, Report

S = CaseStatus
MAX_DETAILS = 2000  # the form's cap, checked again here for callers other than the form
ALLOWED = {
    S.NEW: {S.CONFIRMED, S.DISMISSED},
    S.CONFIRMED: {S.REPORTED, S.DISMISSED},
    S.REPORTED: {S.TAKEN_DOWN, S.DISMISSED},
    S.TAKEN_DOWN: set(),
    S.DISMISSED: set(),
}
CLOSED = {S.TAKEN_DOWN, S.DISMISSED}


class TransitionRefused(ValueError):
    """A status change the workflow does not allow; the message says which and why, for staff."""


class IsOfficial(Exception):
    """The reported target is an active official channel: there is nothing to open a case about."""

    def __init__(self, answer: dict):
        super().__init__("this is an official channel")
        self.answer = answer


@dataclass(frozen=True)
class Submitted:
    case: Case
    report: Report
    new_case: bool
    new_reporter: bool


def reporter_key(case: Case, address: str) -> str:
    """Same person (address) and same case → same key; no address is stored, and keys of one person on two
    cases differ, so reports cannot be linked across cases by it."""
    return pii.sign("trust-reporter", f"{case.platform}:{case.target}|{address}", length=32)


def submit_report(*, target: str, what: str, details: str = "", platform: str | None = None,
                  screenshot: CleanImage | None = None, address: str = "", language: str = "hi",
                  handle: Handle | None = None, answer: dict | None = None) -> Submitted:
    """Record one report; raise IsOfficial instead when the target is an active official channel.

    ``handle``/``answer`` may be passed when the caller already parsed and verified ``target``.
    """
    handle = handle or parse(target, platform)
    if not handle.value:
        raise ValueError("target: nothing readable")
    if what not in Report.What.values:
        raise ValueError(f"what: unknown choice {what!r}")
    if len(details) > MAX_DETAILS:
        raise ValueError(f"details: at most {MAX_DETAILS} characters")
    if answer is None:
        with translation.override("en"):  # the case keeps verify's reasons as data, in one language
            answer = verify(target, handle.platform)
    if answer["verdict"] == OFFICIAL:
        raise IsOfficial(answer)
    now = timezone.now()
    stored_name = None
    try:
        with transaction.atomic():
            case, new_case = _case_for(handle, target, answer, now)
            case = Case.objects.select_for_update().get(pk=case.pk)  # one report at a time per case
            key = reporter_key(case, address)
            new_reporter = not Report.objects.filter(case=case, reporter_key=key).exists()
            report = Report(case=case, target_as_given=target[:300], what=what, details=details, reporter_key=key,
                            language=language, received_at=now)
            if screenshot is not None:
                report.screenshot.save(f"{report.public_id}.{screenshot.extension}", screenshot.content, save=False)
                stored_name = report.screenshot.name
            report.save()
            Case.objects.filter(pk=case.pk).update(
                report_count=F("report_count") + 1,
                reporter_count=F("reporter_count") + (1 if new_reporter else 0),
                last_reported_at=now,
            )
    except BaseException:
        if stored_name:  # the row was rolled back: do not keep its file
            Report.screenshot.field.storage.delete(stored_name)
        raise
    case.refresh_from_db()
    return Submitted(case, report, new_case, new_reporter)


def _case_for(handle: Handle, display: str, answer: dict, now: datetime) -> tuple[Case, bool]:
    """The target's case, opened if needed. The unique (platform, target) constraint decides a race: the loser's
    INSERT fails inside a savepoint and it takes the winner's row."""
    platform = handle.platform or ""
    for attempt in range(2):
        found = Case.objects.filter(platform=platform, target=handle.value).first()
        if found is not None:
            return found, False
        resembles, score, reasons = _resemblance(answer)
        try:
            with transaction.atomic():
                case = Case.objects.create(
                    platform=platform, target=handle.value, target_display=display[:300], resembles=resembles,
                    score=score, reasons=reasons, area=resembles.owner.area if resembles else None,
                    first_reported_at=now, last_reported_at=now,
                )
                CaseEvent.objects.create(case=case, at=now, to_status=S.NEW, note="opened by a public report",
                                         detail={"verdict": answer["verdict"]})
                return case, True
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def _resemblance(answer: dict) -> tuple[OfficialChannel | None, float | None, list]:
    """The official channel the target most resembles, per verify's answer (None when it resembles none)."""
    matches = sorted(answer.get("matches") or [], key=lambda m: m.get("score") or 0, reverse=True)
    for match in matches:
        channel = _channel_of(match["channel"])
        if channel is not None:
            return channel, float(match.get("score") or 0), list(match.get("reasons") or [])
    return None, None, []


def _channel_of(described: dict) -> OfficialChannel | None:
    found = OfficialChannel.objects.select_related("owner__area")
    if described.get("public_id"):
        return found.filter(public_id=described["public_id"]).first()
    handle = parse(described.get("handle", ""), described.get("platform"))
    return found.filter(platform=handle.platform, handle=handle.value).first()


# --- the workflow ------------------------------------------------------------------------------------------------


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


def _move(case: Case, to: str, *, actor, note: str, detail: dict | None = None, **fields) -> Case:
    """Change the status of a row already locked by the caller, with its event."""
    if to not in ALLOWED[case.status]:
        allowed = ", ".join(sorted(ALLOWED[case.status])) or "none: the case is closed"
        raise TransitionRefused(
            f"status: a {case.status} case cannot become {to} (allowed from {case.status}: {allowed})"
        )
    now = timezone.now()
    if to in CLOSED:
        fields["closed_at"] = now
    Case.objects.filter(pk=case.pk).update(status=to, **fields)
    CaseEvent.objects.create(case=case, at=now, actor=_user(actor), from_status=case.status, to_status=to,
                             note=note, detail=detail or {})
    case.refresh_from_db()
    return case


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


def confirm(case: Case, *, actor, note: str = "") -> Case:
    """Staff agree it is a fake; the supporters' warning is queued with it (once per case)."""
    from sampark.trust.cases import warning as case_warning

    with transaction.atomic():
        case = _move(_locked(case), S.CONFIRMED, actor=actor, note=note)
        case_warning.start(case, actor=actor)
    case.refresh_from_db()
    return case


def file_with_platform(case: Case, *, actor, where: str, reference: str = "", at: datetime | None = None,
                       note: str = "") -> Case:
    """Record a filing (platform form, cybercrime.gov.in, Chakshu, ...). The first one moves a confirmed case to
    reported; later ones (another platform, the police) are added to the history without a status change."""
    where = (where or "").strip()
    if not where:
        raise TransitionRefused("reported_to: say where the case was filed")
    at = at or timezone.now()
    if at > timezone.now():
        raise TransitionRefused("reported_at: a filing cannot be in the future")
    detail = {"where": where, "reference": reference.strip(), "at": at.isoformat()}
    with transaction.atomic():
        case = _locked(case)
        if case.status == S.REPORTED:
            CaseEvent.objects.create(case=case, at=timezone.now(), actor=_user(actor), note=note or "filed again",
                                     detail=detail)
            return case
        return _move(case, S.REPORTED, actor=actor, note=note, detail=detail, reported_to=where[:200],
                     reported_at=at, platform_reference=reference.strip()[:200])


def mark_taken_down(case: Case, *, actor, note: str = "") -> Case:
    with transaction.atomic():
        return _move(_locked(case), S.TAKEN_DOWN, actor=actor, note=note)


def dismiss(case: Case, *, actor, note: str = "") -> Case:
    if not (note or "").strip():
        raise TransitionRefused("note: say why the case is dismissed (it goes into the evidence history)")
    with transaction.atomic():
        return _move(_locked(case), S.DISMISSED, actor=actor, note=note.strip())


def add_note(case: Case, *, actor, note: str) -> CaseEvent:
    if not (note or "").strip():
        raise TransitionRefused("note: empty")
    with transaction.atomic():
        return CaseEvent.objects.create(case=_locked(case), at=timezone.now(), actor=_user(actor), note=note.strip())


def queue_warning(case: Case, *, actor) -> bool:
    """Queue the supporters' warning for a confirmed case that has none yet (e.g. its official channel was set
    after confirmation)."""
    from sampark.trust.cases import warning as case_warning

    with transaction.atomic():
        case = _locked(case)
        reason = case_warning.why_not(case)
        if reason:
            raise TransitionRefused(f"warning: {reason}")
        return case_warning.start(case, actor=actor)
