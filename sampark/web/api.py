"""GET /api/v1/stats: national totals, read from counter tables (never COUNT(*) over the big tables)."""

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import AuthorizationError

from sampark.accounts import permissions
from sampark.accounts.api_auth import bearer
from sampark.core import counters
from sampark.core.api import ErrorOut
from sampark.telephony.models import Call

router = Router(auth=bearer, tags=["stats"])

COUNTERS = (
    "supporters", "calls_accepted", "calls_duplicate", "calls_rejected", "hooks_refused",
    "sms_queued", "sms_sent", "sms_failed",
)


class StatsOut(Schema):
    supporters: int
    calls_accepted: int
    calls_duplicate: int
    calls_rejected: int
    calls_pending: int
    hooks_refused: int
    sms_queued: int
    sms_sent: int
    sms_failed: int




@router.get("/stats", response={200: StatsOut, 401: ErrorOut, 403: ErrorOut}, summary="National totals")
def stats(request: HttpRequest):
    if not permissions.holds_nationally(request.auth, permissions.DASHBOARD_VIEW):
        raise AuthorizationError(message="stats are national totals: they need the dashboard at the national level")
    totals = counters.read(*COUNTERS)
    # Served by the partial index call_pending: it holds only unprocessed calls, so this stays small.
    totals["calls_pending"] = Call.objects.filter(processed_at__isnull=True).count()
    return totals
