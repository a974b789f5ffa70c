"""The dashboard part of /staff/ (accounts.views.home renders it above "your roles"): thin, the figures come from
figures.for_area and the chart from chart.bars."""

from datetime import timedelta

from django.http import Http404
from django.utils import timezone
from django.utils.translation import ngettext

from sampark.accounts import permissions
from sampark.geo.models import Area
from sampark.web.dashboard import chart, figures, rollup

ROLLUP_BUDGET_SECONDS = 1.0  # a page view rolls up at most this long; `sampark dashboard rollup` does the rest


def _areas(user) -> list[Area]:
    paths = permissions.scope(user, permissions.DASHBOARD_VIEW)
    if paths is None:
        return list(Area.objects.filter(parent__isnull=True).order_by("path"))
    return list(Area.objects.filter(path__in=paths).order_by("path"))


def short_wait(wait: timedelta) -> str:
    """3 minutes, 5 hours, 12 days: how long the oldest call-back has waited, in the page's language."""
    minutes = int(wait.total_seconds() // 60)
    if minutes < 60:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = minutes // 60
    if hours < 48:
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    days = hours // 24
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def context(request) -> dict | None:
    """The dashboard for the area asked with ?area=CODE (one of the user's, or inside one), else their first;
    None when the user may not see a dashboard. An area outside the user's scope is a 404."""
    user = request.user
    if not permissions.can(user, permissions.DASHBOARD_VIEW):
        return None
    choices = _areas(user)
    code = request.GET.get("area", "")[:40]
    if code:
        area = Area.objects.filter(code=code).first()
        if area is None or not permissions.can(user, permissions.DASHBOARD_VIEW, area.path):
            raise Http404("no such area in your dashboard")
    else:
        area = choices[0] if choices else None
    national = area is None or (area.parent_id is None and permissions.holds_nationally(user,
                                                                                       permissions.DASHBOARD_VIEW))
    rollup.catch_up(seconds=ROLLUP_BUDGET_SECONDS)
    found = figures.for_area(area, national)
    now = timezone.now()
    for row in found.queues:
        row.wait = now - row.oldest if row.oldest and row.oldest <= now else None
        row.wait_text = short_wait(row.wait) if row.wait is not None else ""
    return {
        "area": area, "area_choices": choices if len(choices) > 1 or code else [], "figures": found,
        "chart": chart.bars(found.days),
        "reach_percent": round(100 * found.reach_rate) if found.reach_rate is not None else None,
    }
