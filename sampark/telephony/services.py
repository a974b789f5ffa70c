"""Writes for telephony: the webhook's single INSERT and published-number registration."""

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from sampark.core import counters, pii, sqlite_busy
from sampark.core.bulk import execute
from sampark.telephony import calllog, numbers
from sampark.telephony.models import Call, PublishedNumber
from sampark.telephony.providers import PROVIDERS
from sampark.telephony.providers.base import InboundCall

_INSERT = (
    f"INSERT INTO {Call._meta.db_table} "
    "(number_id, provider, provider_call_id, caller_cipher, received_at, started_at, outcome, reject_reason) "
    "VALUES (%s, %s, %s, %s, %s, %s, 'pending', '') "
    "ON CONFLICT (provider, provider_call_id) DO NOTHING RETURNING id"
)


def log_call(number: "numbers.NumberConfig", call: InboundCall) -> bool:
    """Write the call before the provider gets its reply. False when this provider call id was seen before.

    One statement in autocommit: ON CONFLICT makes a redelivery a no-op even when two arrive at once. On
    PostgreSQL the web process's call-log writer commits concurrent calls together (calllog.py), unless the
    caller is inside a transaction, which the row must then be part of. Raises calllog.CallLogUnavailable.
    """
    ops = connection.ops
    params = (
        number.id,
        number.provider,
        call.provider_call_id,
        pii.encrypt(call.caller),
        ops.adapt_datetimefield_value(timezone.now()),
        ops.adapt_datetimefield_value(call.started_at) if call.started_at else None,
    )
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            if connection.in_atomic_block:  # the caller's transaction holds the write lock already
                cursor.execute(_INSERT, params)
                inserted = cursor.fetchone() is not None
            else:
                wait = settings.DATABASES["default"]["OPTIONS"]["timeout"]
                inserted = bool(sqlite_busy.execute_soon(cursor, _INSERT, params, wait))
    elif connection.in_atomic_block:
        # A prepared statement with server-side parameters: PostgreSQL parses and plans it once per connection.
        inserted = bool(execute(_INSERT, list(params), fetch=True, prepare=True))
    else:
        inserted = calllog.writer.write(params)
    if not inserted:
        counters.increment("calls_duplicate")
    return inserted


def add_number(*, provider: str, slug: str, number: str, secret: str = "", ip_allowlist: str = "") -> PublishedNumber:
    """Register a published number. Raises ValueError("<field>: <problem>") naming the field and the problem.

    ``secret`` is what the provider's webhooks are checked with: the account's auth token for providers that sign
    (twilio, plivo), our HMAC key for generic, the ?key= value for providers that cannot sign.
    """
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_slug

    from sampark.core.phones import UnusableNumber, normalise

    if provider not in PROVIDERS:
        raise ValueError(f"provider: unknown {provider[:40]!r}; choose from {', '.join(sorted(PROVIDERS))}")
    slug_max = PublishedNumber._meta.get_field("slug").max_length
    try:
        validate_slug(slug)
    except ValidationError:
        raise ValueError(f"slug: {slug[:60]!r} may use only letters, digits, '-' and '_'") from None
    if len(slug) > slug_max:
        raise ValueError(f"slug: longer than {slug_max} characters")
    try:
        e164 = normalise(number).e164
    except UnusableNumber as exc:
        raise ValueError(f"number: {number[:40]!r} is not a valid phone number ({exc.reason})") from None
    try:
        numbers.parse_allowlist(ip_allowlist)
    except ValueError as exc:
        raise ValueError(f"ip_allowlist: {exc}") from None
    if not secret:
        raise ValueError("secret: required (the provider's auth token, or the shared key for ?key=)")
    secret_max = PublishedNumber._meta.get_field("secret").max_length
    if len(secret) > secret_max:
        raise ValueError(f"secret: longer than {secret_max} characters")
    try:  # the unique constraint decides, so two registrations racing for one slug cannot both win
        with transaction.atomic():
            created = PublishedNumber.objects.create(
                provider=provider, slug=slug, number=e164, secret=secret, ip_allowlist=ip_allowlist
            )
    except IntegrityError:
        raise ValueError(f"slug: {provider}/{slug} is already registered") from None
    numbers.forget()
    return created
