"""Public "report a fake" pages: the form (``/report/``, ``?q=`` prefills it), the thank-you page and the case's
status (``/report/status/?code=…``) for whoever holds its code.

Hindi unless ``?lang=en``. Rate-limited per address on submission and on status look-ups; an official channel
reported by mistake is answered "this is official" instead of opening a case. The "check a message" page posts
``prefill=check`` with the message: the form comes back filled in, nothing is sent yet.
"""

from urllib.parse import urlencode

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from sampark.core.ratelimit import limited
from sampark.trust.cases import codes
from sampark.trust.cases import workflow as cases
from sampark.trust.cases.report_form import ReportForm
from sampark.trust.cases.screenshots import MAX_BYTES
from sampark.trust.channel_links import is_private_invite
from sampark.trust.matching.handles import MAX_QUERY_LENGTH
from sampark.trust.matching.verify import verify
from sampark.trust.models import Case, CaseEvent, CaseStatus, Platform, Report
from sampark.web.views import page_language

# the largest body worth reading: the screenshot cap plus the text fields and multipart framing
MAX_BODY = MAX_BYTES + 64 * 1024


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report(request):
    language = page_language(request)
    with translation.override(language):
        if request.method != "POST":
            form = ReportForm(initial={"target": request.GET.get("q", "")[:MAX_QUERY_LENGTH]})
            return _page(request, "trust/report.html", language, form=form)
        if request.POST.get("prefill") == "check":  # from /check/: fill the form in, send nothing yet
            return _page(request, "trust/report.html", language, form=ReportForm(initial=_from_check(request.POST)),
                         from_check=True)
        if limited(request, "report"):
            return _page(request, "trust/report_limited.html", language, status=429)
        too_big = _content_length(request) > MAX_BODY
        if not too_big:
            try:
                request.POST  # noqa: B018 -- parse now: an oversized body is a form error, not a 500
                request.FILES  # noqa: B018
            except RequestDataTooBig:
                too_big = True
        if too_big:
            form = ReportForm()
            return _page(request, "trust/report.html", language, status=400, form=form, page_error=_(
                "What you sent was too large. Please send a screenshot of at most 5 MB and a shorter description."))
        form = ReportForm(request.POST, request.FILES)
        if not form.is_valid():
            return _page(request, "trust/report.html", language, status=400, form=form)
        data = form.cleaned_data
        with translation.override("en"):  # the case keeps verify's reasons as data, in one language
            answer = verify(data["target"], data["handle"].platform)
        try:
            submitted = cases.submit_report(
                target=data["target"], handle=data["handle"], answer=answer, what=data["what"],
                details=data["details"], screenshot=data["screenshot"],
                address=request.META.get("REMOTE_ADDR", ""), language=language,
            )
        except cases.IsOfficial:
            return _page(request, "trust/report.html", language, form=ReportForm(), official=answer["matches"])
    query = urlencode({"ref": submitted.case.public_id, "lang": language})
    return redirect(f"{reverse('trust-report-thanks')}?{query}")


@never_cache
@require_http_methods(["GET", "HEAD"])
def thanks(request):
    language = page_language(request)
    case = _case(request.GET.get("ref", ""))
    with translation.override(language):
        if case is None:
            return _page(request, "trust/report.html", language, status=404, form=ReportForm(),
                         page_error=_("We do not know this case reference. You can report the fake again here."))
        return _page(request, "trust/report_thanks.html", language, case=case)


@never_cache
@require_http_methods(["GET", "HEAD"])
def status(request):
    """A case's state and dates, for whoever holds its code; nothing about who reported it."""
    language = page_language(request)
    typed = request.GET.get("code", "")[:40].strip()
    with translation.override(language):
        if not typed:
            return _page(request, "trust/report_status.html", language)
        if limited(request, "report-status"):
            return _page(request, "trust/report_status.html", language, status=429, typed=typed, error=_(
                "Too many look-ups from your connection. Please wait a minute and try again."))
        try:
            code = codes.parse(typed)
        except codes.BadCode as bad:
            return _page(request, "trust/report_status.html", language, status=400, typed=typed,
                         error=_code_problem(bad))
        case = Case.objects.filter(public_id=code).first()
        if case is None:
            return _page(request, "trust/report_status.html", language, status=404, typed=typed, error=_(
                "There is no case with the code %(code)s. Check the code on the page you saw after reporting, "
                "or in the photo or note you kept of it.") % {"code": codes.shown(code)})
        return _page(request, "trust/report_status.html", language, typed=typed, case=case,
                     steps=_steps(case), target=_target(case))


def _case(typed: str) -> Case | None:
    try:
        return Case.objects.filter(public_id=codes.parse(typed[:40])).first()
    except codes.BadCode:
        return None


def _code_problem(bad: codes.BadCode) -> str:
    if bad.problem == "symbol" and bad.symbol.upper() in codes.NEVER:
        return _("A case code never contains 0, O, 1, I or L, and you typed “%(symbol)s”. Check the code "
                 "again.") % {"symbol": bad.symbol}
    if bad.problem == "symbol":
        return _("A case code has only the digits 2 to 9 and the letters A to Z, and you typed “%(symbol)s”. "
                 "Check the code again.") % {"symbol": bad.symbol}
    return _("A case code has 8 letters and digits, like K7M4-QX9P. Check that you typed all of it.")


def _steps(case: Case) -> list[dict]:
    """received → confirmed → reported to the platform → taken down, or received → dismissed: each with its
    date when reached."""
    S = CaseStatus
    confirmed_at = (CaseEvent.objects.filter(case=case, to_status=S.CONFIRMED).order_by("at")
                    .values_list("at", flat=True).first())
    received = {"key": "received", "label": _("Report received"), "at": case.first_reported_at or case.created_at}
    if case.status == S.DISMISSED:
        return [received, {"key": "dismissed", "label": _("Closed without action"), "at": case.closed_at}]
    return [
        received,
        {"key": "confirmed", "label": _("Checked and confirmed as a fake"), "at": confirmed_at},
        {"key": "reported", "label": _("Reported to the platform"), "at": case.reported_at},
        {"key": "taken_down", "label": _("Taken down"), "at": case.closed_at if case.status == S.TAKEN_DOWN else None},
    ]


def _target(case: Case) -> dict:
    """What the case is about, without a private group invite (whoever holds the code may have passed it on)."""
    label = Platform(case.platform).label if case.platform in Platform.values else ""
    return {"platform": label, "handle": "" if is_private_invite(case.platform, case.target) else case.target}


def _from_check(data) -> dict:
    what = data.get("what", "")
    return {"details": data.get("details", "")[:cases.MAX_DETAILS],
            "what": what if what in Report.What.values else None}


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _page(request, template: str, language: str, *, status: int = 200, **context):
    response = render(request, template, context, status=status)
    response["Content-Language"] = language
    return response
