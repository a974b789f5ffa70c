"""Writes for outreach: queue SMS from DLT templates, deliver what is due through the configured backend."""

import logging
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import connection
from django.utils import timezone

from sampark.core import counters, pii
from sampark.core.bulk import insert_rows, json_value
from sampark.core.ids import public_id
from sampark.outreach.models import Category, OutboundSms, SmsTemplate

log = logging.getLogger(__name__)
IST = ZoneInfo("Asia/Kolkata")
# TRAI: promotional messages only between 10:00 and 21:00 IST.
PROMO_START, PROMO_END = time(10, 0), time(21, 0)
MAX_ATTEMPTS = 5


def promotional_window_start(at: datetime) -> datetime:
    """``at`` itself when inside 10:00-21:00 IST, else the next 10:00 IST."""
    local = at.astimezone(IST)
    if PROMO_START <= local.time() < PROMO_END:
        return at
    day = local.date() if local.time() < PROMO_START else local.date() + timedelta(days=1)
    return datetime.combine(day, PROMO_START, tzinfo=IST)


def not_before_for(template: SmsTemplate, now: datetime) -> datetime:
    return promotional_window_start(now) if template.category == Category.PROMOTIONAL else now


def templates_for(key: str) -> dict[str, SmsTemplate]:
    return {t.language: t for t in SmsTemplate.objects.filter(key=key, active=True)}


def queue_confirmations(supporters) -> int:
    """Queue the join confirmation (personal profile link) for each supporter, in their language (Hindi first).
    Returns how many were queued; the caller nudges the sender once its transaction has committed."""
    from sampark.outreach.segments import fill
    from sampark.supporters.services import profile_url

    supporters = list(supporters)
    if not supporters:
        return 0
    templates = templates_for("confirmation")
    if not templates:
        log.warning("no active 'confirmation' SMS template: %d confirmations not queued", len(supporters))
        counters.increment("sms_no_template", len(supporters))
        return 0
    adapt = connection.ops.adapt_datetimefield_value
    now = timezone.now()
    not_before = {template.id: adapt(not_before_for(template, now)) for template in templates.values()}
    rows = []
    for supporter in supporters:
        template = templates.get(supporter.language) or templates.get("hi") or next(iter(templates.values()))
        link = profile_url(supporter)
        # fmt: off
        rows.append((
            public_id(), supporter.id, supporter.phone_cipher, template.id, fill(template.body, [link]),
            json_value([link]), not_before[template.id],
        ))
        # fmt: on
    insert_rows(
        OutboundSms,
        ("public_id", "supporter_id", "to_cipher", "template_id", "body", "variables", "not_before"),
        rows,
        constants={"status": str(OutboundSms.Status.QUEUED), "created_at": adapt(now), "attempts": 0,
                   "provider_message_id": "", "error": ""},
    )
    counters.increment("sms_queued", len(rows))
    return len(rows)  # the intake worker nudges the sender after its commit (intake.DELIVERY_NUDGE_SECONDS)


def enqueue_delivery() -> None:
    from sampark.outreach.tasks import deliver_sms

    deliver_sms.enqueue()


def deliver_due(limit: int = 500) -> int:
    """Send queued messages whose time has come. Each message is claimed by a guarded UPDATE before sending,
    so two senders never send one message twice."""
    from sampark.outreach.backends import get_backend
    from sampark.outreach.backends.base import SmsToSend

    backend = get_backend()
    now = timezone.now()
    due = list(
        OutboundSms.objects.filter(status=OutboundSms.Status.QUEUED, not_before__lte=now)
        .select_related("template")
        .order_by("not_before", "id")[:limit]
    )
    sent = 0
    for message in due:
        claimed = OutboundSms.objects.filter(
            pk=message.pk, status=OutboundSms.Status.QUEUED, attempts=message.attempts
        ).update(attempts=message.attempts + 1)
        if not claimed:
            continue
        template = message.template
        result = backend.send(
            SmsToSend(
                public_id=message.public_id,
                to=pii.decrypt(message.to_cipher),
                body=message.body,
                template_id=template.dlt_template_id,
                header=template.header,
                category=template.category,
                entity_id=template.dlt_entity_id,
                variables=tuple(message.variables),
            )
        )
        if result.ok:
            OutboundSms.objects.filter(pk=message.pk).update(
                status=OutboundSms.Status.SENT, sent_at=timezone.now(), provider_message_id=result.provider_message_id
            )
            sent += 1
        elif result.retryable and message.attempts + 1 < MAX_ATTEMPTS:
            backoff = timedelta(minutes=2**message.attempts)
            OutboundSms.objects.filter(pk=message.pk).update(not_before=now + backoff, error=result.error[:300])
        else:
            OutboundSms.objects.filter(pk=message.pk).update(status=OutboundSms.Status.FAILED, error=result.error[:300])
            counters.increment("sms_failed")
    if sent:
        counters.increment("sms_sent", sent)
    return sent


def enqueue_delivery_if_due() -> None:
    """Held (promotional) and retried messages become due with time, not with new calls: the worker checks."""
    if OutboundSms.objects.filter(status=OutboundSms.Status.QUEUED, not_before__lte=timezone.now()).exists():
        enqueue_delivery()
