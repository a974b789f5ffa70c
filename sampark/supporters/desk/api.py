"""/api/v1/callbacks: the call-back desk over the API (issue 13, part 3; docs/callbacks.md).

A call-back is named by its supporter's public id (one call-back per supporter). Every route needs
``callbacks.work`` (the queue: ``callbacks.manage``); acting on a call-back needs an open claim on it, else 403
whether it exists or not.
"""

from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Body, Field, Query, Router, Schema, Status

from sampark.accounts import permissions
from sampark.accounts.api_auth import bearer
from sampark.core.api import ApiError, ErrorOut
from sampark.geo.models import Area
from sampark.supporters.desk import queue, services
from sampark.supporters.desk.models import Outcome
from sampark.supporters.models import Callback

router = Router(auth=bearer, tags=["callbacks"])

SupporterId = Annotated[str, Field(min_length=12, max_length=12, pattern=r"^[0-9a-z]{12}$")]
OutcomeName = Literal[tuple(Outcome.values)]  # type: ignore[valid-type]


class ClaimIn(Schema):
    count: int = Field(queue.DEFAULT_BATCH, ge=1, le=queue.MAX_BATCH, description="how many to claim, 1 to 50")


class ClaimedSupporter(Schema):
    id: str
    name: str
    phone_masked: str
    area_code: str | None
    stage: str
    calls: int = Field(description="missed calls they have given")


class ClaimItem(Schema):
    id: str = Field(description="the call-back, named by its supporter's public id")
    supporter: ClaimedSupporter
    attempt: int = Field(description="which call to this supporter this will be: 1 for the first")
    claimed_until: datetime


class ClaimOut(Schema):
    items: list[ClaimItem]


class RevealOut(Schema):
    phone: str


class BridgeOut(Schema):
    status: Literal["connecting"]
    reference: str


class AnswersIn(Schema):
    name: str = Field("", max_length=100)
    district: str = Field("", max_length=40, description="area code of a district")
    assembly: str = Field("", max_length=40, description="area code of an assembly constituency in that district")
    interests: list[Annotated[str, Field(max_length=40)]] = Field(default_factory=list, max_length=10)
    wants_to_volunteer: bool | None = None


class OutcomeIn(Schema):
    outcome: OutcomeName
    answers: AnswersIn | None = Field(None, description="only with reached: what the call script recorded")
    call_at: datetime | None = Field(None, description="only with call_later: when to call, in the future")
    note: str = Field("", max_length=300)


class OutcomeOut(Schema):
    id: str
    status: str
    outcome: str
    attempts: int
    due_at: datetime | None = Field(description="when it comes back to the queue; null when it has left it")


class QueueArea(Schema):
    area_code: str | None = Field(description="null: call-backs of no known area (the national queue)")
    name: str | None
    own: bool = Field(description="the area's own queue (known only to this level), not a child's subtree")
    waiting: int
    oldest_due_at: datetime | None


class QueueOut(Schema):
    area_code: str | None
    waiting: int
    oldest_due_at: datetime | None
    areas: list[QueueArea]


def _item(callback: Callback) -> dict:
    supporter = callback.supporter
    return {
        "id": supporter.public_id,
        "supporter": {"id": supporter.public_id, "name": supporter.name, "phone_masked": supporter.phone_hint,
                      "area_code": supporter.area.code if supporter.area else None, "stage": supporter.stage,
                      "calls": supporter.call_count},
        "attempt": callback.attempts + 1,
        "claimed_until": callback.claimed_until,
    }


def _work(request) -> None:
    if not permissions.can(request.auth, permissions.CALLBACKS_WORK):
        raise ApiError(403, "you may not work call-backs (callbacks.work, docs/roles.md)")


@router.post("/claim", response={200: ClaimOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut},
             summary="Claim the next batch of call-backs",
             description="Oldest due first, from the areas the caller is assigned to (else the areas of their "
                         "grants). A claim lapses back to the queue after SAMPARK_CLAIM_TIMEOUT_MINUTES; one "
                         "caller holds at most 50 open claims, so fewer (or none) may come back.")
def claim(request: HttpRequest, payload: Body[ClaimIn | None] = None):
    _work(request)
    ids = queue.claim(request.auth, payload.count if payload else queue.DEFAULT_BATCH)
    by_id = {c.pk: c for c in Callback.objects.filter(pk__in=ids).select_related("supporter", "supporter__area")}
    return {"items": [_item(by_id[i]) for i in ids if i in by_id]}


@router.post("/{id}/reveal", response={200: RevealOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
             summary="Reveal the number of a claimed supporter",
             description="Reveal mode only, for the claiming volunteer while the claim is open; each reveal is an "
                         "audit row. 403 otherwise.")
def reveal(request: HttpRequest, id: SupporterId):
    _work(request)
    try:
        return {"phone": services.reveal_number(request.auth, id)}
    except services.Refused as exc:
        raise ApiError(403, str(exc)) from None


@router.post("/{id}/bridge", response={202: BridgeOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut,
                                       502: ErrorOut},
             summary="Ring my phone, then connect the supporter",
             description="Bridge mode only: the provider rings the volunteer's own phone (set on the desk page) and "
                         "then the supporter; the number is never shown. 502 when the provider refused.")
def bridge(request: HttpRequest, id: SupporterId):
    _work(request)
    try:
        started = services.bridge(request.auth, id)
    except services.Refused as exc:
        raise ApiError(403, str(exc)) from None
    except services.Invalid as exc:
        raise ApiError(400, str(exc), field=exc.field) from None
    except services.BridgeFailed as exc:
        raise ApiError(502, f"the provider did not place the call: {exc}") from None
    return Status(202, {"status": "connecting", "reference": started.reference})


@router.post("/{id}/outcome", response={200: OutcomeOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut,
                                        422: ErrorOut},
             summary="Record what came of the call",
             description="Ends the claim (the number is hidden again). no_answer, busy, switched_off and "
                         "not_reachable come back after 4 hours, then the next day, for at most 3 rounds; call_later "
                         "at call_at; wrong_number and do_not_call leave for good (do_not_call also stops every SMS); "
                         "reached moves the supporter to called_back and the answers fill the profile.")
def outcome(request: HttpRequest, id: SupporterId, payload: OutcomeIn):
    _work(request)
    answers = payload.answers.dict() if payload.answers is not None else None
    call_at = payload.call_at
    if call_at is not None and timezone.is_naive(call_at):
        raise ApiError(400, "call_at: give a time zone, e.g. 2026-12-07T10:00:00+05:30", field="call_at")
    try:
        callback = services.record_outcome(request.auth, id, payload.outcome, answers=answers, call_at=call_at,
                                           note=payload.note)
    except services.Refused as exc:
        raise ApiError(403, str(exc)) from None
    except services.Invalid as exc:
        raise ApiError(400, str(exc), field=exc.field) from None
    return {"id": id, "status": callback.status, "outcome": callback.outcome, "attempts": callback.attempts,
            "due_at": callback.due_at if callback.status == Callback.Status.PENDING else None}


@router.get("/queue", response={200: QueueOut, 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
            summary="Waiting call-backs per child area",
            description="The area's own queue and each child area's subtree: how many wait and the oldest due "
                        "time. Without area: the caller's widest area. Needs callbacks.manage there.")
def queue_sizes(request: HttpRequest, area: str = Query("", max_length=40, description="area code")):
    user = request.auth
    paths = permissions.scope(user, permissions.CALLBACKS_MANAGE)
    if paths is not None and not paths:
        raise ApiError(403, "you may not see the call-back queue (callbacks.manage, docs/roles.md)")
    if area:
        found = Area.objects.filter(code=area).first()
        if found is None or not permissions.can(user, permissions.CALLBACKS_MANAGE, found.path):
            raise ApiError(404, "no such area in your areas", field="area")
    else:
        found = None if paths is None else Area.objects.filter(path=min(paths, key=lambda p: p.count("."))).first()
    # call-backs of no known area wait in the national queue, shown with the root area
    national = permissions.holds_nationally(user, permissions.CALLBACKS_MANAGE) and (
        found is None or found.parent_id is None)
    rows = queue.child_queues(found, include_national=national)
    waiting = sum(r.waiting for r in rows)
    oldest = min((r.oldest for r in rows if r.oldest), default=None)
    return {"area_code": found.code if found else None, "waiting": waiting, "oldest_due_at": oldest,
            "areas": [{"area_code": r.area.code if r.area else None, "name": r.area.name_en if r.area else None,
                       "own": r.own, "waiting": r.waiting, "oldest_due_at": r.oldest} for r in rows]}

