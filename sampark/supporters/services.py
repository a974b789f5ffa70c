"""Writes for supporters. The intake path is batched: one upsert per chunk of callers, never a query per call."""

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from sampark.core import pii
from sampark.core.bulk import db_datetime, execute, insert_rows, json_value
from sampark.core.ids import public_id
from sampark.core.phones import Phone
from sampark.supporters.desk.suppression import suppressed
from sampark.supporters.models import Callback, Consent, Stage, Supporter, Touch

CONFIRMATION_INTERVAL = timedelta(hours=24)
UPSERT_CHUNK = 500  # 19 columns a row stays far below SQLite's 32,766 bound variables


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
    language: str
    link_version: int
    phone_cipher: bytes
    confirmation_due: bool  # this batch claimed their confirmation SMS (Indian mobile, none in the last 24 h)

    @property
    def id(self) -> int:  # lets queue_confirmations and profile_url take a Joined like a Supporter
        return self.supporter_id


# fmt: off
_COLUMNS = (  # what differs between the batch's supporters; the rest are constants (bulk.insert_rows)
    "public_id", "phone_cipher", "phone_index", "phone_hint", "phone_region", "phone_is_mobile", "area_id",
    "area_is_guess", "source_number_id", "first_call_at", "last_call_at", "call_count", "last_confirmation_at",
)
# fmt: on


def _upsert_suffix() -> str:
    """SQLite (one writer at a time): existing supporters add the calls, keep the latest call time, and claim
    the confirmation slot when the last one is over 24 h old."""
    table = Supporter._meta.db_table
    return (
        f"ON CONFLICT (phone_index) DO UPDATE SET "
        f"call_count = {table}.call_count + excluded.call_count, "
        f"last_call_at = MAX({table}.last_call_at, excluded.last_call_at), "
        f"last_confirmation_at = CASE WHEN excluded.last_confirmation_at IS NOT NULL AND "
        f"({table}.last_confirmation_at IS NULL OR {table}.last_confirmation_at < %s) "
        f"THEN excluded.last_confirmation_at ELSE {table}.last_confirmation_at END, "
        f"updated_at = excluded.updated_at "
        f"RETURNING id, phone_index, public_id, language, link_version, last_confirmation_at = %s"
    )


def _new_rows(callers, keys, fresh_ids, ciphers, now) -> list[tuple]:
    rows = []
    for index in keys:
        batch, phone = callers[index], callers[index].phone
        # fmt: off
        rows.append((
            fresh_ids[index], ciphers[index], index, phone.masked, phone.region or "", phone.is_mobile,
            batch.area_id, batch.area_id is not None, batch.number_id, db_datetime(batch.first_at),
            db_datetime(batch.last_at),
            len(batch.call_ids), now if phone.is_indian_mobile else None,
        ))
        # fmt: on
    return rows


def _new_constants(now) -> dict:
    return {"name": "", "language": "hi", "stage": str(Stage.NEW), "notice_version": settings.NOTICE_VERSION,
            "link_version": 1, "created_at": now, "updated_at": now}


def _record_without_waiting(callers, keys, fresh_ids, ciphers, now, since) -> list[tuple]:
    """PostgreSQL: insert the numbers never seen, then lock the existing supporters this batch can have now
    (SKIP LOCKED) and add the calls to them; an existing number that is locked is held by another worker's open
    batch and is left out.

    Two rules keep workers from deadlocking (each was seen in the benchmark before it was a rule):
    - "Existing" is read without locks first, and an existing number is never inserted: the insert would wait
      for another batch that holds the row, and that batch may be waiting for one of our inserts.
    - Inserts come before updates. A number can still appear between that read and the insert (another
      worker inserts and commits it, a third updates it), and then the insert waits for the updating batch.
      That batch has done all its inserts already and never waits for ours, so the wait ends; were the
      updates first, it could be waiting for a number we just inserted. Inserts go in blind-index order, so
      two inserting batches cannot wait for each other in a circle either.
    """
    table = Supporter._meta.db_table
    existing = {index for (index,) in execute(
        f"SELECT phone_index FROM {table} WHERE phone_index = ANY(%b::varchar[])", [keys], fetch=True,
    )}
    unseen = [index for index in keys if index not in existing]
    # Not COPY: with two workers a new number is often in both batches, and a COPY that meets it has to be
    # undone and redone; and COPY formats each row in a Python loop, which cost the CPU-bound pair of workers
    # more than binary arrays (bench/worker_ab.sh: COPY here and for the other rows, 0.89-0.92 of the old code)
    inserted = insert_rows(
        Supporter, _COLUMNS, _new_rows(callers, unseen, fresh_ids, ciphers, now), constants=_new_constants(now),
        suffix="ON CONFLICT (phone_index) DO NOTHING "
        "RETURNING id, phone_index, public_id, language, link_version, last_confirmation_at = %s",
        suffix_params=(now,), returning=True,
    )
    free = {
        index for (index,) in execute(
            f"SELECT phone_index FROM {table} WHERE phone_index = ANY(%b::varchar[]) ORDER BY phone_index "
            "FOR NO KEY UPDATE SKIP LOCKED", [sorted(existing)], fetch=True,
        )
    } if existing else set()
    known = [index for index in keys if index in free]
    return inserted + (execute(
        f"UPDATE {table} AS s SET call_count = s.call_count + v.calls, "
        "last_call_at = GREATEST(s.last_call_at, v.last_at), "
        "last_confirmation_at = CASE WHEN v.confirmable AND (s.last_confirmation_at IS NULL "
        "OR s.last_confirmation_at < %b) THEN %b ELSE s.last_confirmation_at END, updated_at = %b "
        "FROM unnest(%b::varchar[], %b::integer[], %b::timestamptz[], %b::boolean[]) "
        "AS v(phone_index, calls, last_at, confirmable) WHERE s.phone_index = v.phone_index "
        "RETURNING s.id, s.phone_index, s.public_id, s.language, s.link_version, s.last_confirmation_at = %b",
        [since, now, now, known, [len(callers[i].call_ids) for i in known], [callers[i].last_at for i in known],
         [callers[i].phone.is_indian_mobile for i in known], now],
        fetch=True,
    ) if known else [])


def record_missed_calls(callers: dict[str, CallerBatch]) -> dict[str, Joined]:
    """Find or create the supporter of each phone (keyed by blind index), add the calls to their count, and
    claim the confirmation SMS of those due one. A few statements per batch, whatever its size.

    Must run inside the caller's transaction. On PostgreSQL a number whose supporter another worker's open
    batch holds is left out of the result, and the caller leaves its calls pending for a later batch, instead
    of waiting for that batch to commit: with repeat callers, two workers otherwise mostly take turns.
    Rows go in blind-index order so two workers inserting overlapping new numbers cannot deadlock. A supporter
    is new when the public id that comes back is the one this call generated.
    """
    adapt = connection.ops.adapt_datetimefield_value
    moment = timezone.now()
    now, since = adapt(moment), adapt(moment - CONFIRMATION_INTERVAL)
    keys = sorted(callers)
    fresh_ids = {index: public_id() for index in keys}
    ciphers = {index: pii.encrypt(callers[index].phone.e164) for index in keys}
    if connection.vendor == "postgresql":
        returned = _record_without_waiting(callers, keys, fresh_ids, ciphers, now, since)
    else:
        returned = insert_rows(Supporter, _COLUMNS, _new_rows(callers, keys, fresh_ids, ciphers, now),
                               constants=_new_constants(now), suffix=_upsert_suffix(), suffix_params=(since, now),
                               returning=True)
    joined = {
        index: Joined(supporter_id, pid, pid == fresh_ids[index], language, link_version, ciphers[index],
                      bool(claimed))
        for supporter_id, index, pid, language, link_version, claimed in returned
    }
    # Numbers that asked never to be called or sent an SMS (the desk's do-not-call, kept by blind index): no
    # call-back and no confirmation, even after a new missed call. One indexed query per batch.
    blocked = suppressed(joined)
    if blocked:
        joined = {index: replace(j, confirmation_due=False) if index in blocked else j for index, j in joined.items()}
    created = [index for index in keys if index in joined and joined[index].created]
    new = [(joined[index].supporter_id, callers[index].area_id) for index in created]
    insert_rows(
        Consent, ("supporter_id",), [(sid,) for sid, _area in new],
        constants={"purpose": "join", "granted": True, "notice_version": settings.NOTICE_VERSION,
                   "channel": "missed_call", "at": now},
    )
    # `new` holds only supporters this transaction created: none can have a call-back row yet, so no ON CONFLICT
    insert_rows(Callback, ("supporter_id", "area_id"),
                [(joined[index].supporter_id, callers[index].area_id) for index in created if index not in blocked],
                constants={"status": str(Callback.Status.PENDING), "created_at": now, "due_at": now})
    return joined


def add_touches(kind: str, entries: list[tuple[int, datetime, dict]]) -> None:
    insert_rows(Touch, ("supporter_id", "at", "detail"),
                [(sid, db_datetime(at), json_value(detail)) for sid, at, detail in entries],
                constants={"kind": str(kind)})


# --- the personal profile link ------------------------------------------------------------------------------


def profile_token(supporter: "Supporter | Joined") -> str:
    """public id + a keyed MAC: unguessable, needs no stored secret, revoked by bumping link_version."""
    return supporter.public_id + pii.sign("profile-link", f"{supporter.public_id}:{supporter.link_version}")


def profile_url(supporter: "Supporter | Joined") -> str:
    return f"{settings.PUBLIC_URL}/p/{profile_token(supporter)}"


def supporter_for_token(token: str) -> Supporter | None:
    import hmac

    if len(token) != 28:
        return None
    from django.db.models import Exists, OuterRef

    from sampark.supporters.desk.models import DoNotCall

    # do_not_call: whether they asked not to be called or sent SMS (the page offers to lift it), in the same query
    supporter = (Supporter.objects.filter(public_id=token[:12]).select_related("area")
                 .annotate(do_not_call=Exists(DoNotCall.objects.filter(phone_index=OuterRef("phone_index")))).first())
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
    # the waiting call-back follows them to the area they chose, claimed or not (the desk's Callback.area rule)
    pending = Callback.objects.filter(supporter=supporter,
                                      status__in=[Callback.Status.PENDING, Callback.Status.ASSIGNED])
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
