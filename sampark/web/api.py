"""GET /api/v1/stats: national totals, read from counter tables (never COUNT(*) over the big tables)."""

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import AuthorizationError

from sampark.accounts.api_auth import bearer
from sampark.accounts.models import RoleAssignment
from sampark.core import counters
from sampark.core.api import ErrorOut
from sampark.geo.models import Level
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


def is_national(user) -> bool:
    """Superusers, and anyone holding a role at the country level of the area tree."""
    if user.is_superuser:
        return True
    return RoleAssignment.objects.filter(user=user, area__level=Level.COUNTRY).exists()


@router.get("/stats", response={200: StatsOut, 401: ErrorOut, 403: ErrorOut}, summary="National totals")
def stats(request: HttpRequest):
    if not is_national(request.auth):
        raise AuthorizationError(message="stats are national totals: they need a national-level role")
    totals = counters.read(*COUNTERS)
    # Served by the partial index call_pending: it holds only unprocessed calls, so this stays small.
    totals["calls_pending"] = Call.objects.filter(processed_at__isnull=True).count()
    return totals
