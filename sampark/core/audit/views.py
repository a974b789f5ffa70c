"""/staff/audit/: the audit log as a page, with the API's filters and its keyset pages (newest first)."""

from datetime import datetime, time

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from sampark.accounts import permissions
from sampark.core.audit import queries
from sampark.core.audit.forms import ACTION_LABELS, AuditFilterForm


@login_required
def audit_page(request):
    if not permissions.can(request.user, permissions.AUDIT_VIEW):
        raise PermissionDenied("the audit log needs audit.view (admin or dpo)")
    form = AuditFilterForm(request.GET or None)
    found, status = None, 200
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        data = form.cleaned_data if form.is_bound else {}
        since = data.get("since")
        filters = queries.Filters(
            subject=data.get("subject", ""), actor=data.get("actor", ""), action=data.get("action", ""),
            since=timezone.make_aware(datetime.combine(since, time.min)) if since else None,
        )
        try:
            found = queries.page(request.user, filters, cursor=request.GET.get("cursor", "")[:200])
        except queries.BadQuery as exc:
            form.add_error(None, str(exc))
            status = 400
    rows = [dict(item, action_label=ACTION_LABELS.get(item["action"], item["action"]))
            for item in (found.items if found else [])]
    query = request.GET.copy()
    query.pop("cursor", None)
    if found and found.next:
        query["cursor"] = found.next
    return render(request, "core/staff/audit.html", {
        "form": form, "rows": rows, "next_query": query.urlencode() if found and found.next else "",
    }, status=status)
