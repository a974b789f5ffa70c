"""The supporters' warning when a fake is confirmed: "X is fake, our official channel is Y", in Hindi and English.

It goes through the outreach outbox like every SMS, from the DLT template ``trust_warning`` (category service
implicit: see docs/trust.md) with two variables, the fake and the official channel. Recipients are the supporters
in the area of the impersonated channel's owner (everyone when the channel is national), minus those who said no
to contact. They are queued in chunks by supporter id, one transaction per chunk, with the last id kept on the
case: crores of rows never load at once, and a task that dies half-way continues where it stopped when run again.
"""

import logging

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from sampark.core import counters
from sampark.core.bulk import insert_rows, json_value
from sampark.core.ids import public_id
from sampark.outreach import services as outreach
from sampark.outreach.models import OutboundSms
from sampark.outreach.segments import fill
from sampark.supporters.models import Supporter
from sampark.trust.models import Case, CaseEvent, CaseStatus

log = logging.getLogger(__name__)
TEMPLATE_KEY = "trust_warning"
CHUNK = 5000
DLT_VAR_LIMIT = 30  # DLT operators cap each {#var#} value at 30 characters


def variables(case: Case) -> list[str]:
    """[the fake, the official channel], as people would write them."""
    fake = case.target_display.strip() or case.target
    official = case.resembles.display if case.resembles else ""
    return [_fit(fake), _fit(official)]


def _fit(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= DLT_VAR_LIMIT else value[:DLT_VAR_LIMIT - 1] + "…"


def preview(case: Case) -> dict[str, str]:
    """The warning text in each language whose template is registered: what staff see before confirming."""
    if case.resembles is None:
        return {}
    values = variables(case)
    return {language: fill(t.body, values) for language, t in outreach.templates_for(TEMPLATE_KEY).items()}


def why_not(case: Case) -> str:
    """Empty when a warning can be queued for ``case`` now, else the reason (for staff)."""
    if case.warning_queued_at is not None:
        return "the warning was already queued"
    if case.status not in (CaseStatus.CONFIRMED, CaseStatus.REPORTED):
        return "only a confirmed fake is warned about"
    if case.resembles is None:
        return "the case names no official channel to point supporters to"
    if not outreach.templates_for(TEMPLATE_KEY):
        return f"no active '{TEMPLATE_KEY}' SMS template"
    return ""


def start(case: Case, *, actor) -> bool:
    """Mark the case's warning as queued (at most once) and start the queueing task when the transaction commits.
    Runs inside the caller's transaction; returns False, with an event saying why, when no warning can go."""
    reason = why_not(case)
    if reason:
        CaseEvent.objects.create(case=case, at=timezone.now(), actor=_user(actor), note=f"no warning: {reason}")
        return False
    now = timezone.now()
    if not Case.objects.filter(pk=case.pk, warning_queued_at__isnull=True).update(warning_queued_at=now):
        return False  # someone else started it first
    CaseEvent.objects.create(case=case, at=now, actor=_user(actor), note="supporters' warning queued",
                             detail={"texts": preview(case)})
    case_id = case.pk
    transaction.on_commit(lambda: queue_case_warning.enqueue(case_id))
    return True


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


def recipients(case: Case):
    supporters = Supporter.objects.exclude(contact_consent=False)
    if case.area is not None and "." in case.area.path:  # below the root: that area and everything inside it
        path = case.area.path
        supporters = supporters.filter(Q(area__path=path) | Q(area__path__startswith=path + "."))
    return supporters


def queue_chunk(case_id: int, size: int | None = None) -> int:
    """Queue the warning for the next ``size`` (default CHUNK) supporters; 0 when everyone has been queued (or
    nothing is due)."""
    size = size or CHUNK
    with transaction.atomic():
        case = Case.objects.select_for_update(of=("self",)).select_related("area", "resembles").get(pk=case_id)
        if case.warning_queued_at is None or case.warning_finished_at is not None:
            return 0
        templates = outreach.templates_for(TEMPLATE_KEY)
        batch = list(
            recipients(case).filter(id__gt=case.warning_cursor).order_by("id")
            .values_list("id", "phone_cipher", "language")[:size]
        )
        if not batch or not templates:
            Case.objects.filter(pk=case.pk).update(warning_finished_at=timezone.now())
            note = "supporters' warning: all queued" if templates else f"no active '{TEMPLATE_KEY}' SMS template"
            CaseEvent.objects.create(case=case, at=timezone.now(), note=note,
                                     detail={"recipients": case.warning_recipients})
            return 0
        values = variables(case)
        adapt = connection.ops.adapt_datetimefield_value
        now = timezone.now()
        bodies = {language: fill(template.body, values) for language, template in templates.items()}
        fallback = "hi" if "hi" in templates else next(iter(templates))
        rows = []
        for supporter_id, cipher, language in batch:
            language = language if language in templates else fallback
            template = templates[language]
            # fmt: off
            rows.append((
                public_id(), supporter_id, bytes(cipher), template.id, bodies[language], json_value(values),
                OutboundSms.Status.QUEUED, adapt(outreach.not_before_for(template, now)), adapt(now), 0, "", "",
            ))
            # fmt: on
        insert_rows(
            OutboundSms,
            ("public_id", "supporter_id", "to_cipher", "template_id", "body", "variables", "status", "not_before",
             "created_at", "attempts", "provider_message_id", "error"),
            rows,
        )
        Case.objects.filter(pk=case.pk).update(warning_cursor=batch[-1][0],
                                               warning_recipients=F("warning_recipients") + len(rows))
        counters.increment("sms_queued", len(rows))
        transaction.on_commit(outreach.enqueue_delivery)
        return len(rows)


@task()
def queue_case_warning(case_id: int) -> int:
    """Queue a confirmed case's warning to every recipient, chunk by chunk; safe to run again."""
    total = 0
    while queued := queue_chunk(case_id):
        total += queued
    log.info("case %s: warning queued to %d supporters", case_id, total)
    return total
