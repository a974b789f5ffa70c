"""Public "report a fake" pages: the form (``/report/``, ``?q=`` prefills it) and the thank-you page.

Hindi unless ``?lang=en``. Rate-limited per address on submission; an official channel reported by mistake is
answered "this is official" instead of opening a case.
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
from sampark.trust.cases import workflow as cases
from sampark.trust.cases.report_form import ReportForm
from sampark.trust.cases.screenshots import MAX_BYTES
from sampark.trust.matching.handles import MAX_QUERY_LENGTH
from sampark.trust.matching.verify import verify
from sampark.trust.models import Case
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
    case = Case.objects.filter(public_id=request.GET.get("ref", "")[:12]).only("public_id").first()
    with translation.override(language):
        if case is None:
            return _page(request, "trust/report.html", language, status=404, form=ReportForm(),
                         page_error=_("We do not know this case reference. You can report the fake again here."))
        return _page(request, "trust/report_thanks.html", language, reference=case.public_id)


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _page(request, template: str, language: str, *, status: int = 200, **context):
    response = render(request, template, context, status=status)
    response["Content-Language"] = language
    return response
