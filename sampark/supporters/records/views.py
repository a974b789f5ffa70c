"""Staff pages for supporter records: /staff/supporters/ (list, filters, search), the record, edit, tags, merge,
and the export's download. Thin: forms and services do the work; every query goes through visible_to()."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sampark.accounts import permissions
from sampark.core.models import AuditEntry
from sampark.supporters.models import Callback, StageChange, Supporter, SupporterTag, Touch
from sampark.supporters.records import counts, cursor, export, services
from sampark.supporters.records.filters import FILTER_NAMES, SupporterFilter
from sampark.supporters.records.forms import EditForm, MergeForm, TagForm

PAGE_SIZE = 50
TIMELINE_MAX = 200  # newest touches shown on the record; older ones are in the export and the audit
LIST_FIELDS = ("public_id", "phone_hint", "name", "stage", "area__code", "area__name_en", "area__name_hi",
               "call_count", "last_call_at", "created_at", "language")


def _require(user, perm):
    if not permissions.can(user, perm):
        raise PermissionDenied


def page(form: SupporterFilter, after: int | None, size: int | None = None):
    """One keyset page (newest first): (rows, next cursor or None)."""
    size = size or PAGE_SIZE
    qs = form.queryset()
    if after is not None:
        qs = qs.filter(pk__lt=after)
    rows = list(qs.select_related("area").only("id", *LIST_FIELDS).order_by("-pk")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return rows, (cursor.make(rows[-1].pk) if more and rows else None)


@login_required
def supporter_list(request):
    _require(request.user, permissions.SUPPORTERS_VIEW)
    form = SupporterFilter(request.GET, user=request.user)
    status, problem, rows, next_cursor, total = 200, None, [], None, None
    try:
        after = cursor.read(request.GET.get("cursor"))
    except cursor.BadCursor:
        after, status, problem = None, 400, _("This page link is damaged or was not made by this list. Start again "
                                             "from the first page.")
    if form.is_valid() and problem is None:
        rows, next_cursor = page(form, after)
        if after is None:
            total = counts.count(form.queryset())
    elif not form.is_valid():
        status = 400
    query = {name: request.GET[name] for name in FILTER_NAMES if request.GET.get(name)}
    from urllib.parse import urlencode

    return render(request, "supporters/staff/records/list.html", {
        "form": form, "rows": rows, "next_cursor": next_cursor, "total": total, "problem": problem,
        "query": urlencode(query), "first_page": after is None,
        "can_export": permissions.can(request.user, permissions.SUPPORTERS_EXPORT),
        "can_export_full": permissions.can(request.user, permissions.SUPPORTERS_EXPORT_FULL),
        "area_choices": form.area_choices(), "sources": _sources(),
    }, status=status)


def _sources():
    from sampark.telephony.models import PublishedNumber

    return list(PublishedNumber.objects.order_by("id").values_list("id", "number"))


def visible_record(request, public_id: str, perm: str = permissions.SUPPORTERS_VIEW) -> Supporter:
    _require(request.user, perm)
    found = (Supporter.objects.visible_to(request.user, perm).select_related("area", "merged_into")
             .filter(public_id=public_id).first())
    if found is None:
        raise Http404
    return found


def _attempts(ids: list[int]):
    """The call-back desk's call attempts (sampark/supporters/desk/), newest first; None if the desk is absent."""
    try:
        from sampark.supporters.desk.models import CallAttempt
    except ImportError:
        return None
    return list(CallAttempt.objects.filter(supporter_id__in=ids).select_related("volunteer")
                .order_by("-at", "-pk")[:50])


FIELD_LABELS = {name: field.label for name, field in EditForm.base_fields.items()}


def _changes(supporter):
    """The record's edits and merges (from the audit), with field names in the page's language."""
    rows = list(AuditEntry.objects.filter(
        subject=services.subject(supporter), action__in=[AuditEntry.Action.CHANGE, AuditEntry.Action.MERGE])
        .select_related("actor").order_by("-at", "-pk")[:50])
    for entry in rows:
        fields = (entry.detail or {}).get("fields") or {}
        entry.labels = [str(FIELD_LABELS.get(name, _("Tags") if name == "tags" else name)) for name in fields] or [
            _("Merged")]
    return rows


@login_required
def supporter_detail(request, public_id):
    supporter = visible_record(request, public_id)
    services.record_read(supporter, request.user)
    merged = list(Supporter.objects.filter(merged_into_id=supporter.pk).only("public_id", "phone_hint"))
    ids = [supporter.pk] + [m.pk for m in merged]
    user = request.user
    path = supporter.area.path if supporter.area else None
    can_edit = supporter.merged_into_id is None and (
        permissions.can(user, permissions.SUPPORTERS_EDIT, path) if path
        else permissions.holds_nationally(user, permissions.SUPPORTERS_EDIT))
    return render(request, "supporters/staff/records/detail.html", {
        "s": supporter, "language_name": dict(settings.LANGUAGES).get(supporter.language, supporter.language),
        "touches": list(Touch.objects.filter(supporter_id=supporter.pk).order_by("-at", "-pk")[:TIMELINE_MAX]),
        "timeline_max": TIMELINE_MAX,
        "consents": list(supporter.consents.order_by("-at", "-pk")),
        "tags": list(SupporterTag.objects.filter(supporter_id=supporter.pk).select_related("tag")
                     .order_by("tag__name")),
        "stages": list(StageChange.objects.filter(supporter_id=supporter.pk).select_related("by")
                       .order_by("-at", "-pk")),
        "callbacks": list(Callback.objects.filter(supporter_id__in=ids).select_related("area")),
        "attempts": _attempts(ids),
        "merged": merged,
        "changes": _changes(supporter),
        "can_edit": can_edit,
        "can_merge": supporter.merged_into_id is None and (
            permissions.can(user, permissions.SUPPORTERS_MERGE, path) if path
            else permissions.holds_nationally(user, permissions.SUPPORTERS_MERGE)),
        "tag_form": TagForm(),
    })


@login_required
@require_http_methods(["GET", "POST"])
def supporter_edit(request, public_id):
    supporter = visible_record(request, public_id, permissions.SUPPORTERS_EDIT)
    if supporter.merged_into_id is not None:
        raise Http404
    form = EditForm(request.POST or None, supporter=supporter, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_supporter(supporter, by=request.user, reason=form.cleaned_data["reason"],
                                    changes=form.changes())
        except services.RecordError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return redirect("staff-supporter", public_id=supporter.public_id)
    return render(request, "supporters/staff/records/edit.html", {"s": supporter, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def supporter_tags(request, public_id):
    supporter = visible_record(request, public_id, permissions.SUPPORTERS_EDIT)
    if supporter.merged_into_id is not None:
        raise Http404
    form = TagForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["action"] == "remove":
                services.remove_tag(supporter, form.cleaned_data["tag"], request.user)
            else:
                services.add_tag(supporter, form.cleaned_data["tag"], request.user)
        except services.RecordError as exc:
            form.add_error("tag", exc.message)
    if form.errors:
        return render(request, "supporters/staff/records/tag_error.html", {"s": supporter, "form": form},
                      status=400)
    return redirect("staff-supporter", public_id=supporter.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def supporter_merge(request, public_id):
    supporter = visible_record(request, public_id, permissions.SUPPORTERS_MERGE)
    if supporter.merged_into_id is not None:
        raise Http404
    form = MergeForm(request.POST or None, user=request.user, survivor=supporter)
    if request.method == "POST" and form.is_valid():
        try:
            services.merge(supporter, form.cleaned_data["other"], by=request.user,
                           reason=form.cleaned_data["reason"])
        except services.RecordError as exc:
            form.add_error("other" if exc.field in ("other", "survivor") else "reason", exc.message)
        else:
            return redirect("staff-supporter", public_id=supporter.public_id)
    return render(request, "supporters/staff/records/merge.html", {"s": supporter, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
def supporter_export(request):
    """The list's export button: the same filters; masked, or full numbers with a purpose (export_full)."""
    _require(request.user, permissions.SUPPORTERS_EXPORT)
    result = export.start(request.user, request.GET)
    if isinstance(result, export.Refused):
        if result.status == 403:
            raise PermissionDenied
        problem = _("Say why full numbers are needed.") if result.field == "purpose" else result.message
        return render(request, "supporters/staff/records/export_error.html", {"problem": problem},
                      status=result.status)
    return result

