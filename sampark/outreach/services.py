"""Writes for outreach: queue SMS from DLT templates, deliver what is due through the configured backend."""

import logging
import time as time_module
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from cryptography.exceptions import InvalidTag
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from sampark.core import counters, pii
from sampark.core.bulk import by_ids, execute, in_index_order, insert_rows, json_value, update_rows
from sampark.core.ids import public_id
from sampark.core.marks import ResumeMarks
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


# Messages claimed, sent and then written down together. A crash after a send and before its result is written
# leaves the message queued, to be sent again: this bounds how many a crash can repeat. Small, too, so that on
# SQLite each claim and each write of results holds the one write lock for a millisecond, not ten.
RECORD_EVERY = 50


SEND_CHUNK = 500  # messages read at a time while nobody is calling


def deliver_due(limit: int = SEND_CHUNK) -> int:
    """Send queued messages whose time has come, RECORD_EVERY at a time: claimed by guarded UPDATEs before
    sending (each only if still queued with the attempt count read), so two senders never both claim one
    message; results written in one transaction, not two commits a message (which cost the sender 430 µs of
    CPU a message while the webhooks needed the cores)."""
    from sampark.outreach.backends import get_backend

    backend = get_backend()
    now = timezone.now()
    due = _due(now, limit)
    blocked = _do_not_call(due)
    sent = 0
    for start in range(0, len(due), RECORD_EVERY):
        chunk = due[start:start + RECORD_EVERY]
        claimed = _claim(chunk)
        results = []
        try:
            for message in chunk:
                if message.pk in blocked and message.pk in claimed:  # never sent: the number asked for no SMS
                    results.append((message, _suppressed_result(), timezone.now()))
                elif message.pk in claimed:
                    results.append((message, _send(backend, message), timezone.now()))
        finally:  # a backend that raises: what went out before it is still written down, so it is not sent again
            sent += _record(results, now)
    return sent


def deliver_all(pacer=None, budget_seconds: float | None = None) -> tuple[int, bool]:
    """Send what is due, SEND_CHUNK at a time, until nothing is or ``budget_seconds`` have passed; returns how
    many went and whether the queue was drained. While missed calls are arriving, at the pace of the arrivals,
    in smaller chunks (telephony/pacing.py), so the webhooks keep the cores."""
    from sampark.telephony import pacing

    pacer = pacer or pacing.Pacer(pacing.CATCH_UP, SEND_CHUNK)
    limit, total = pacer.full_batch, 0
    deadline = None if budget_seconds is None else time_module.monotonic() + budget_seconds
    while True:
        started = time_module.monotonic()
        sent = deliver_due(limit)
        if not sent:
            return total, True
        total += sent
        if deadline is not None and time_module.monotonic() >= deadline:
            return total, False
        limit, pause = pacer.after(sent, time_module.monotonic() - started)
        if pause:
            time_module.sleep(pause)


# Where this sender's next read of the queue starts: just past the last message it read (core/marks.py has
# why; draining 150,000 messages on PostgreSQL, each read of 500 had taken 30-50 ms over the dead entries of
# those sent). Messages join the queue at or after the present moment (a retry, a promotional hold: later
# still), so one appears behind the mark only when its batch commits late; a read that finds nothing past the
# mark looks from the start.
_resume = ResumeMarks(rescan_seconds=10.0)


def _due(now: datetime, limit: int) -> list[OutboundSms]:
    queued = (OutboundSms.objects.filter(status=OutboundSms.Status.QUEUED, not_before__lte=now)
              .select_related("template").order_by("not_before", "id"))
    after = _resume.get()
    with in_index_order():
        due = list(queued.filter(Q(not_before__gt=after[0]) | Q(not_before=after[0], id__gt=after[1]))[:limit]
                   if after else queued[:limit])
        if not due and after:
            due = list(queued[:limit])
    _resume.set((due[-1].not_before, due[-1].pk) if due else None)
    return due


def _claim(due: list[OutboundSms]) -> set[int]:
    """Add an attempt to each message still queued with the attempt count we read: one statement per distinct
    count (at most MAX_ATTEMPTS), returning the ids this sender now owns. Through the primary key (by_ids)."""
    by_attempts: dict[int, list[int]] = {}
    for message in due:
        by_attempts.setdefault(message.attempts, []).append(message.pk)
    table = OutboundSms._meta.db_table
    claimed: set[int] = set()
    with by_ids():
        for attempts, ids in by_attempts.items():
            if connection.vendor == "postgresql":
                match, params = "id = ANY(%s)", [ids]
            else:
                match, params = f"id IN ({', '.join(['%s'] * len(ids))})", ids
            claimed.update(row[0] for row in execute(
                f"UPDATE {table} SET attempts = %s WHERE {match} AND status = %s AND attempts = %s RETURNING id",
                [attempts + 1, *params, str(OutboundSms.Status.QUEUED), attempts], fetch=True,
            ))
    return claimed


def _do_not_call(due: list[OutboundSms]) -> set[int]:
    """Messages whose recipient asked never to be called or sent an SMS (the call-back desk's do-not-call, kept by
    blind index): one query for the whole read, however many messages."""
    from sampark.supporters.desk.suppression import suppressed

    index_of: dict[int, str] = {}
    for message in due:
        try:
            index_of[message.pk] = pii.blind_index(pii.decrypt(message.to_cipher))
        except (InvalidTag, ValueError):
            continue  # _send fails it as unreadable
    blocked = suppressed(set(index_of.values()))
    return {pk for pk, index in index_of.items() if index in blocked}


def _suppressed_result():
    from sampark.outreach.backends.base import failure

    return failure("not sent: the number asked not to be called or sent SMS (do not call)", retryable=False)


def _send(backend, message: OutboundSms):
    from sampark.outreach.backends.base import failure

    try:
        to_send = _to_send(message)
    except (InvalidTag, ValueError):
        # A recipient no key opens (corruption, a lost key) must fail this message, not stop the sender on it
        # batch after batch: it is first in the queue's order every time, and every message behind it waits.
        log.error("SMS %s: recipient cannot be decrypted; failed", message.public_id)
        return failure("recipient cannot be decrypted", retryable=False)
    return backend.send(to_send)


def _to_send(message: OutboundSms):
    from sampark.outreach.backends.base import SmsToSend

    template = message.template
    return SmsToSend(
        public_id=message.public_id,
        to=pii.decrypt(message.to_cipher),
        body=message.body,
        template_id=template.dlt_template_id,
        header=template.header,
        category=template.category,
        entity_id=template.dlt_entity_id,
        variables=tuple(message.variables),
    )


def _record(results: list, now: datetime) -> int:
    """Write what happened to each sent message (sent, to retry with back-off, failed); returns how many went.

    Parameters are built before the transaction opens, and each kind of outcome is one update_rows over its
    rows: on SQLite the write lock is held ~1 ms for 50 messages (the ORM's bulk_update held it 15 ms, and
    every webhook waited behind it)."""
    if not results:
        return 0
    adapt = connection.ops.adapt_datetimefield_value
    sent, retry, failed = [], [], []
    for message, result, at in results:
        if result.ok:
            sent.append((adapt(at), result.provider_message_id, *_without_links(message), message.pk))
        elif result.retryable and message.attempts + 1 < MAX_ATTEMPTS:
            retry.append((adapt(now + timedelta(minutes=2**message.attempts)), result.error[:300], message.pk))
        else:
            failed.append((result.error[:300], *_without_links(message), message.pk))
    with transaction.atomic():
        update_rows(OutboundSms, ("sent_at", "provider_message_id", "body", "variables"), sent,
                    constants={"status": "sent"})
        update_rows(OutboundSms, ("not_before", "error"), retry)
        update_rows(OutboundSms, ("error", "body", "variables"), failed, constants={"status": "failed"})
        counters.increment_many({"sms_sent": len(sent), "sms_failed": len(failed)})
    return len(sent)


def _without_links(message: OutboundSms) -> tuple[str, str]:
    """The body and variables to keep once a message is done with: its personal profile link redacted. The link
    opens the supporter's profile like a password; the stored copy is read by staff and backups, and the
    message is never sent again."""
    from sampark.core.redact import personal_links

    return personal_links(message.body), json_value([personal_links(str(value)) for value in message.variables])


def enqueue_delivery_if_due() -> None:
    """Held (promotional) and retried messages become due with time, not with new calls: the worker checks."""
    if OutboundSms.objects.filter(status=OutboundSms.Status.QUEUED, not_before__lte=timezone.now()).exists():
        enqueue_delivery()


# --- SMS templates (`sampark sms template`, the admin) ---------------------------------------------------------

TEMPLATE_FIELDS = ("body", "category", "header", "dlt_entity_id", "dlt_template_id", "active")


def _check_template(template: SmsTemplate) -> None:
    """ValueError("<field>: <problem>") for a template the sender could not use."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_slug

    from sampark.outreach.defaults import LANGUAGES, variables_for
    from sampark.outreach.segments import variable_count

    try:
        validate_slug(template.key)
    except ValidationError:
        raise ValueError(f"key: {template.key[:40]!r} may use only letters, digits, '-' and '_'") from None
    if template.language not in LANGUAGES:
        raise ValueError(f"language: {template.language[:10]!r} is not one of {', '.join(LANGUAGES)}")
    if template.category not in Category.values:
        raise ValueError(f"category: {template.category[:30]!r} is not one of {', '.join(Category.values)}")
    if not template.body.strip():
        raise ValueError("body: empty")
    # The code fills a fixed number of variables per purpose; another count would fail every send of it.
    expected = variables_for(template.key)
    if expected is not None and variable_count(template.body) != expected:
        raise ValueError(f"body: a {template.key!r} template has {expected} {{#var#}} variable(s), "
                         f"this one has {variable_count(template.body)}")
    for name in ("header", "dlt_entity_id", "dlt_template_id"):
        limit = SmsTemplate._meta.get_field(name).max_length
        if len(getattr(template, name)) > limit:
            raise ValueError(f"{name}: longer than {limit} characters")
    if template.dlt_entity_id and not template.dlt_entity_id.isdigit():
        raise ValueError("dlt_entity_id: the DLT platform's ids are digits only")
    if template.dlt_template_id and not template.dlt_template_id.isdigit():
        raise ValueError("dlt_template_id: the DLT platform's ids are digits only")


def add_template(*, key: str, language: str, body: str, category: str = Category.SERVICE_IMPLICIT,
                 header: str = "", dlt_entity_id: str = "", dlt_template_id: str = "",
                 active: bool = True) -> SmsTemplate:
    """A new template for a purpose and language. Raises ValueError("<field>: <problem>")."""
    template = SmsTemplate(key=key, language=language, body=body, category=category, header=header.strip(),
                           dlt_entity_id=dlt_entity_id.strip(), dlt_template_id=dlt_template_id.strip(), active=active)
    _check_template(template)
    with transaction.atomic():
        if SmsTemplate.objects.filter(key=key, language=language).exists():
            raise ValueError(f"key: a {key!r} template in {language!r} exists; change it with `sms template set`")
        template.save()
    return template


def change_template(key: str, language: str, **changes) -> SmsTemplate:
    """Change some of TEMPLATE_FIELDS of one template. Raises ValueError("<field>: <problem>")."""
    unknown = set(changes) - set(TEMPLATE_FIELDS)
    if unknown:
        raise ValueError(f"{sorted(unknown)[0]}: cannot be changed")
    with transaction.atomic():
        template = SmsTemplate.objects.select_for_update().filter(key=key, language=language).first()
        if template is None:
            raise ValueError(f"key: no {key[:40]!r} template in {language[:10]!r}")
        for name, value in changes.items():
            setattr(template, name, value.strip() if isinstance(value, str) and name != "body" else value)
        _check_template(template)
        template.save(update_fields=list(changes))
    return template


def templates_without_dlt() -> list[SmsTemplate]:
    """Active templates a real gateway (not the file outbox) cannot send yet: a DLT field is empty. Operators
    see them at start (`sampark serve`, `sampark demo`)."""
    from django.conf import settings

    if settings.SMS_BACKEND == "file":
        return []
    return [t for t in SmsTemplate.objects.filter(active=True).order_by("key", "language") if t.dlt_missing]


def dlt_warning() -> str | None:
    missing = templates_without_dlt()
    if not missing:
        return None
    from django.conf import settings

    names = ", ".join(f"{t.key}/{t.language} ({', '.join(t.dlt_missing)})" for t in missing)
    return (f"warning: SAMPARK_SMS_BACKEND={settings.SMS_BACKEND} but these active SMS templates have no DLT "
            f"registration yet, and the gateway will refuse them: {names}. Register them on the DLT platform, "
            "then: sampark sms template set KEY LANGUAGE --header H --entity-id E --template-id T")
