"""The trust desk in the admin: cases (most reported first), their reports and history, workflow buttons that
call the services in trust.cases, the evidence pack, and screenshots served to staff only.

Every page here goes through ``Case.objects.visible_to(user)``: a district coordinator sees the cases about their
district's channels; a case whose area is not known is seen from the root (national) role.
"""

import mimetypes
import tempfile

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from sampark.accounts import permissions
from sampark.core.admin_scoping import ScopedAdmin
from sampark.trust.cases import codes, evidence
from sampark.trust.cases import warning as case_warning
from sampark.trust.cases import workflow as cases
from sampark.trust.models import Case, CaseEvent, CaseStatus, Report

ACTIONS = {
    # action → (label, target status or None for a note)
    "confirm": ("Confirm: it is a fake (queues the supporters' warning)", CaseStatus.CONFIRMED),
    "file": ("Record a filing with the platform / authorities", CaseStatus.REPORTED),
    "taken_down": ("Mark taken down", CaseStatus.TAKEN_DOWN),
    "dismiss": ("Dismiss (not a fake, or not ours to act on)", CaseStatus.DISMISSED),
    "note": ("Add a note", None),
    "warn": ("Queue the supporters' warning", None),
}


def available(case: Case) -> list[str]:
    allowed = cases.ALLOWED[case.status]
    names = [name for name, (_label, to) in ACTIONS.items() if to in allowed]
    if case.status == CaseStatus.REPORTED:
        names.insert(0, "file")  # another filing (a second platform, the police) is added to the history
    names.append("note")
    if not case_warning.why_not(case):
        names.append("warn")
    return names


class TransitionForm(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    where = forms.CharField(required=False, max_length=200,
                            help_text="e.g. X impersonation form, cybercrime.gov.in, Chakshu")
    reference = forms.CharField(required=False, max_length=200, help_text="the platform's ticket or complaint number")
    at = forms.DateTimeField(required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                             input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                             help_text="when it was filed (empty: now)")


class HistoryInline(admin.TabularInline):
    """Rows a case shows as its record: read, never added, changed or deleted here."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class ReportInline(HistoryInline):
    model = Report
    fields = ("received_at", "what", "target_as_given", "details", "language", "screenshot_link")
    ordering = ("received_at", "id")

    @admin.display(description="screenshot")
    def screenshot_link(self, report: Report):
        if not report.screenshot:
            return "-"
        url = reverse("admin:trust_case_screenshot", args=[report.case_id, report.public_id])
        return format_html('<a href="{}" target="_blank" rel="noopener">view</a>', url)


class CaseEventInline(HistoryInline):
    model = CaseEvent
    fields = ("at", "actor", "from_status", "to_status", "note", "detail")
    ordering = ("at", "id")


class CaseAdmin(ScopedAdmin):
    edit_perm = permissions.TRUST_CASES_ACT
    list_display = ("public_id", "target_display", "platform", "status", "report_count", "reporter_count",
                    "resembles", "last_reported_at")
    list_filter = ("status", "platform")
    ordering = ("-report_count", "-id")
    search_fields = ("public_id", "target", "target_display")
    list_select_related = ("resembles",)
    raw_id_fields = ("resembles", "area")
    inlines = (ReportInline, CaseEventInline)
    actions = ("confirm_selected", "mark_taken_down_selected")
    readonly_fields = ("workflow", "public_id", "platform", "target", "target_display", "status", "score", "reasons",
                       "report_count", "reporter_count", "first_reported_at", "last_reported_at", "reported_to",
                       "reported_at", "platform_reference", "closed_at", "warning_queued_at",
                       "warning_recipients", "warning_finished_at", "warning_preview", "created_at", "updated_at")
    fields = ("workflow", "public_id", "status", "platform", "target_display", "target", "resembles", "score",
              "reasons", "area", "report_count", "reporter_count", "first_reported_at", "last_reported_at",
              "reported_to", "reported_at", "platform_reference", "closed_at", "warning_preview",
              "warning_queued_at", "warning_recipients", "warning_finished_at", "created_at", "updated_at")

    def has_add_permission(self, request):
        return False  # cases are opened by reports

    def get_search_results(self, request, queryset, search_term):
        """A case code as a reporter reads it out ("k7m4-qx9p") finds its case too."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        try:
            code = codes.parse(search_term)
        except codes.BadCode:
            return results, may_have_duplicates
        return results | queryset.filter(public_id=code), may_have_duplicates

    def has_delete_permission(self, request, obj=None):
        return False  # evidence is kept; a wrong case is dismissed with a reason

    @admin.display(description="workflow")
    def workflow(self, case: Case):
        if case.pk is None:
            return "-"
        buttons = format_html_join(
            " ", '<a class="button" href="{}?do={}">{}</a>',
            ((reverse("admin:trust_case_transition", args=[case.pk]), name, ACTIONS[name][0])
             for name in available(case)),
        )
        pack = reverse("admin:trust_case_evidence", args=[case.pk])
        return format_html('{} <a class="button" href="{}">Download evidence pack (ZIP)</a>', buttons, pack)

    @admin.display(description="supporters' warning")
    def warning_preview(self, case: Case):
        texts = case_warning.preview(case)
        if not texts:
            return case_warning.why_not(case) or "-"
        return format_html_join("", "<p><b>{}</b>: {}</p>", sorted(texts.items()))

    def get_urls(self):
        own = [
            path("<int:case_id>/transition/", self.admin_site.admin_view(self.transition_view),
                 name="trust_case_transition"),
            path("<int:case_id>/evidence/", self.admin_site.admin_view(self.evidence_view),
                 name="trust_case_evidence"),
            path("<int:case_id>/screenshot/<str:report_id>/", self.admin_site.admin_view(self.screenshot_view),
                 name="trust_case_screenshot"),
        ]
        return own + super().get_urls()

    def _case(self, request, case_id: int, *, change: bool = False) -> Case:
        case = self.get_queryset(request).filter(pk=case_id).first()  # scoped: other areas' cases are 404
        if case is None:
            raise Http404("no such case")
        allowed = self.has_change_permission(request, case) if change else self.has_view_permission(request, case)
        if not allowed:
            raise PermissionDenied
        return case

    def transition_view(self, request, case_id: int):
        case = self._case(request, case_id, change=True)
        action = request.GET.get("do", "") or request.POST.get("do", "")
        if action not in available(case):
            messages.error(request, f"'{action}' is not possible for a {case.get_status_display()} case.")
            return HttpResponseRedirect(reverse("admin:trust_case_change", args=[case.pk]))
        form = TransitionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                self._apply(request, case, action, form.cleaned_data)
            except cases.TransitionRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, f"{ACTIONS[action][0]}: done.")
                return HttpResponseRedirect(reverse("admin:trust_case_change", args=[case.pk]))
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "case": case, "form": form,
            "action": action, "label": ACTIONS[action][0], "title": f"Case {case.public_id}: {ACTIONS[action][0]}",
            "warning": case_warning.preview(case) if action in ("confirm", "warn") else {},
        }
        return render(request, "admin/trust/case_transition.html", context, status=400 if form.errors else 200)

    def _apply(self, request, case: Case, action: str, data: dict) -> None:
        note, actor = data.get("note") or "", request.user
        if action == "confirm":
            cases.confirm(case, actor=actor, note=note)
        elif action == "file":
            cases.file_with_platform(case, actor=actor, where=data.get("where") or "",
                                     reference=data.get("reference") or "", at=data.get("at"), note=note)
        elif action == "taken_down":
            cases.mark_taken_down(case, actor=actor, note=note)
        elif action == "dismiss":
            cases.dismiss(case, actor=actor, note=note)
        elif action == "warn":
            cases.queue_warning(case, actor=actor)
        else:
            cases.add_note(case, actor=actor, note=note)

    def evidence_view(self, request, case_id: int):
        case = self._case(request, case_id)
        pack = tempfile.TemporaryFile()  # noqa: SIM115 -- FileResponse closes it after sending
        evidence.build(case, pack)
        pack.seek(0)
        return FileResponse(pack, as_attachment=True, filename=evidence.filename(case),
                            content_type="application/zip")

    def screenshot_view(self, request, case_id: int, report_id: str):
        case = self._case(request, case_id)
        report = Report.objects.filter(case=case, public_id=report_id).exclude(screenshot="").first()
        if report is None:
            raise Http404("no such screenshot")
        content_type = mimetypes.guess_type(report.screenshot.name)[0] or "application/octet-stream"
        response = FileResponse(report.screenshot.open("rb"), content_type=content_type)
        response["Cache-Control"] = "private, no-store"
        response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'"
        return response

    @admin.action(description="Confirm selected cases as fakes (queues each one's warning)")
    def confirm_selected(self, request, queryset):
        self._bulk(request, queryset, lambda case: cases.confirm(case, actor=request.user, note="bulk confirm"))

    @admin.action(description="Mark selected cases taken down")
    def mark_taken_down_selected(self, request, queryset):
        self._bulk(request, queryset,
                   lambda case: cases.mark_taken_down(case, actor=request.user, note="bulk: taken down"))

    def _bulk(self, request, queryset, apply) -> None:
        done, refused = 0, []
        for case in queryset:
            try:
                apply(case)
                done += 1
            except cases.TransitionRefused as problem:
                refused.append(f"{case.public_id}: {problem}")
        if done:
            messages.success(request, f"{done} case(s) updated at {timezone.localtime():%H:%M}.")
        for line in refused:
            messages.error(request, line)


admin.site.register(Case, CaseAdmin)
