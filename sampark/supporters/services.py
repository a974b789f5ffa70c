"""Writes for supporters. The intake path is batched: one upsert per chunk of callers, never a query per call."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from sampark.core import pii
from sampark.core.ids import public_id
from sampark.core.phones import Phone
from sampark.supporters.models import Callback, Consent, Stage, Supporter, Touch

CONFIRMATION_INTERVAL = timedelta(hours=24)
UPSERT_CHUNK = 500  # 16 columns a row stays far below SQLite's 32,766 bound variables


@dataclass
class CallerBatch:
    """Everything one batch of calls says about one phone number."""

    phone: Phone
    number_id: int
    first_at: datetime
    last_at: datetime
    call_ids: list[int] = field(default_factory=list)
    area_id: int | None = None  # guessed from the number series, applied only when the supporter is new


@dataclass(frozen=True)
class Joined:
    supporter_id: int
    public_id: str
    created: bool


_COLUMNS = (
    "public_id",
    "phone_cipher",
    "phone_index",
    "phone_hint",
    "phone_region",
    "phone_is_mobile",
    "name",
    "language",
    "area_id",
    "area_is_guess",
    "stage",
    "source_number_id",
    "notice_version",
    "first_call_at",
    "last_call_at",
    "call_count",
    "link_version",
    "created_at",
    "updated_at",
)


def _upsert_sql(rows: int) -> str:
    table = Supporter._meta.db_table
    later = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    placeholders = "(" + ", ".join(["%s"] * len(_COLUMNS)) + ")"
    return (
        f"INSERT INTO {table} ({', '.join(_COLUMNS)}) VALUES {', '.join([placeholders] * rows)} "
        f"ON CONFLICT (phone_index) DO UPDATE SET "
        f"call_count = {table}.call_count + excluded.call_count, "
        f"last_call_at = {later}({table}.last_call_at, excluded.last_call_at), "
        f"updated_at = excluded.updated_at "
        f"RETURNING id, phone_index, public_id"
    )


def record_missed_calls(callers: dict[str, CallerBatch]) -> dict[str, Joined]:
    """Find or create the supporter of each phone (keyed by blind index), add the calls to their count.

    Must run inside the caller's transaction. Rows go in blind-index order so two workers upserting overlapping
    numbers lock them in the same order and cannot deadlock.
    """
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    joined: dict[str, Joined] = {}
    keys = sorted(callers)
    for start in range(0, len(keys), UPSERT_CHUNK):
        chunk = keys[start : start + UPSERT_CHUNK]
        params: list = []
        fresh_ids = {}
        for index in chunk:
            batch = callers[index]
            fresh_ids[index] = public_id()
            params += [
                fresh_ids[index],
                pii.encrypt(batch.phone.e164),
                index,
                pii.mask(batch.phone.e164),
                batch.phone.region or "",
                batch.phone.is_mobile,
                "",
                "hi",
                batch.area_id,
                batch.area_id is not None,
                Stage.NEW,
                batch.number_id,
                settings.NOTICE_VERSION,
                adapt(batch.first_at),
                adapt(batch.last_at),
                len(batch.call_ids),
                1,
                adapt(now),
                adapt(now),
            ]
        with connection.cursor() as cursor:
            cursor.execute(_upsert_sql(len(chunk)), params)
            for supporter_id, index, pid in cursor.fetchall():
                joined[index] = Joined(supporter_id, pid, created=pid == fresh_ids[index])

    new = [j for j in joined.values() if j.created]
    Consent.objects.bulk_create(
        Consent(
            supporter_id=j.supporter_id,
            purpose="join",
            granted=True,
            notice_version=settings.NOTICE_VERSION,
            channel="missed_call",
            at=now,
        )
        for j in new
    )
    area_of = {joined[i].supporter_id: callers[i].area_id for i in joined}
    Callback.objects.bulk_create(
        (Callback(supporter_id=j.supporter_id, area_id=area_of[j.supporter_id], created_at=now) for j in new),
        ignore_conflicts=True,
    )
    return joined


def claim_confirmations(supporter_ids: list[int]) -> list[Supporter]:
    """Mark and return the supporters due a confirmation SMS: Indian mobiles not confirmed in the last 24 h.

    The guarded UPDATE is the claim, so two workers never send one supporter two confirmations.
    """
    now = timezone.now()
    Supporter.objects.filter(
        _not_recently_confirmed(now), id__in=supporter_ids, phone_region="IN", phone_is_mobile=True
    ).update(last_confirmation_at=now)
    return list(
        Supporter.objects.filter(id__in=supporter_ids, last_confirmation_at=now).only(
            "id", "public_id", "phone_cipher", "language", "link_version"
        )
    )


def _not_recently_confirmed(now: datetime) -> Q:
    return Q(last_confirmation_at__isnull=True) | Q(last_confirmation_at__lt=now - CONFIRMATION_INTERVAL)


def add_touches(kind: str, entries: list[tuple[int, datetime, dict]]) -> None:
    Touch.objects.bulk_create(
        (Touch(supporter_id=sid, kind=kind, at=at, detail=detail) for sid, at, detail in entries), batch_size=1000
    )


# --- the personal profile link ------------------------------------------------------------------------------


def profile_token(supporter: Supporter) -> str:
    """public id + a keyed MAC: unguessable, needs no stored secret, revoked by bumping link_version."""
    return supporter.public_id + pii.sign("profile-link", f"{supporter.public_id}:{supporter.link_version}")


def profile_url(supporter: Supporter) -> str:
    return f"{settings.PUBLIC_URL}/p/{profile_token(supporter)}"


def supporter_for_token(token: str) -> Supporter | None:
    import hmac

    if len(token) != 28:
        return None
    supporter = Supporter.objects.filter(public_id=token[:12]).select_related("area").first()
    if supporter is None:
        return None
    expected = profile_token(supporter)
    return supporter if hmac.compare_digest(expected.encode(), token.encode()) else None


@transaction.atomic
def update_profile(supporter: Supporter, *, name: str, area, language: str, contact_consent: bool) -> None:
    now = timezone.now()
    supporter.name = name
    supporter.area = area
    supporter.area_is_guess = False
    supporter.language = language
    consent_changed = supporter.contact_consent != contact_consent
    supporter.contact_consent = contact_consent
    supporter.save(update_fields=["name", "area", "area_is_guess", "language", "contact_consent", "updated_at"])
    pending = Callback.objects.filter(supporter=supporter, status=Callback.Status.PENDING)
    if contact_consent:
        pending.update(area=area)
    else:  # they said "do not contact me": no volunteer may call them back
        pending.update(area=area, status=Callback.Status.CANCELLED)
    if consent_changed:
        Consent.objects.create(
            supporter=supporter,
            purpose="contact",
            granted=contact_consent,
            notice_version=settings.NOTICE_VERSION,
            channel="web",
            at=now,
        )
    Touch.objects.create(
        supporter=supporter, kind=Touch.Kind.PROFILE, at=now, detail={"area": area.code if area else None}
    )
