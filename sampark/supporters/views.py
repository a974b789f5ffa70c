"""The supporter's own profile page, behind the personal link in the confirmation SMS (``/p/<token>``).

The page is in Hindi unless the supporter chose English (saved on their profile) or switches with ``?lang=``.
The token is the only credential: an unknown, forged or revoked one gets the same friendly 404 page.
"""

import hmac

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from sampark.core.phones import dialable
from sampark.geo.models import Area, Level
from sampark.supporters.forms import AreaChoices, ProfileForm
from sampark.supporters.models import Supporter
from sampark.supporters.profile_details import DETAILS, save_details
from sampark.supporters.services import profile_token, supporter_for_token, update_profile
from sampark.telephony.models import PublishedNumber

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


@never_cache  # personal data: no shared cache, no back-button copy on a shared phone
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request, token):
    if request.method == "POST":
        return _save(request, token)
    supporter = supporter_for_token(token)
    if supporter is None:
        return _invalid_link(request)
    language = _page_language(request, supporter)
    with translation.override(language):
        form = _blank_form(supporter)
        return _page(request, "supporters/profile.html", language, supporter=supporter, form=form)


def _save(request, token):
    try:
        request.POST  # noqa: B018 -- parse now: an oversized body must become a form error, not a 500
        too_big = False
    except RequestDataTooBig:
        too_big = True
    with transaction.atomic():  # one transaction: the lock, the checks and every write commit together
        supporter = _locked_supporter(token)
        if supporter is None:
            return _invalid_link(request)
        language = _page_language(request, supporter)
        with translation.override(language):
            if too_big:
                return _page(request, "supporters/profile.html", language, status=400,
                             supporter=supporter, form=_blank_form(supporter),
                             page_error=_("What you sent was far too long. Please shorten your name and try again."))
            form = ProfileForm(request.POST, areas=AreaChoices(_places(supporter.area)[0]))
            if not form.is_valid():
                return _page(request, "supporters/profile.html", language, status=400,
                             supporter=supporter, form=form)
        data = form.cleaned_data
        update_profile(supporter, name=data["name"], area=form.area, language=data["language"],
                       contact_consent=data["contact_consent"])
        save_details(supporter, **{field: data[field] for field in DETAILS})
    with translation.override(data["language"]):  # the thank-you speaks the language they just chose
        return _page(request, "supporters/thanks.html", data["language"], supporter=supporter, area=form.area)


def _locked_supporter(token: str) -> Supporter | None:
    """The token's supporter, row-locked for this transaction and checked again after the lock."""
    found = supporter_for_token(token)
    if found is None:
        return None
    supporter = Supporter.objects.select_for_update(of=("self",)).select_related("area").get(pk=found.pk)
    return supporter if hmac.compare_digest(profile_token(supporter).encode(), token.encode()) else None


def _page_language(request, supporter: Supporter | None) -> str:
    """?lang= wins, then the supporter's saved language, then Hindi; the browser's Accept-Language does not count:
    a Hindi speaker's cheap phone is very often set to English."""
    asked = request.GET.get("lang", "")
    if asked in LANGUAGES:
        return asked
    if supporter is not None and supporter.language in LANGUAGES:
        return supporter.language
    return settings.LANGUAGE_CODE


def _places(area: Area | None) -> tuple[Area | None, Area | None, Area | None]:
    """(state, district, assembly) containing ``area`` (itself included), each None where not known."""
    if area is None:
        return None, None, None
    if area.level == Level.STATE:  # the common case: a guess from the number series
        return area, None, None
    parts = area.path.split(".")
    prefixes = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    found = {a.level: a for a in Area.objects.filter(path__in=prefixes)}
    return found.get(Level.STATE), found.get(Level.DISTRICT), found.get(Level.ASSEMBLY)


def _blank_form(supporter: Supporter) -> ProfileForm:
    state, district, assembly = _places(supporter.area)
    return ProfileForm(
        areas=AreaChoices(state),
        initial={
            "name": supporter.name,
            "district": district.code if district else "",
            "assembly": assembly.code if assembly else "",
            # the language they saved, not the page's: saving without touching it keeps it
            "language": supporter.language if supporter.language in LANGUAGES else translation.get_language(),
            "contact_consent": bool(supporter.contact_consent),
            "gender": supporter.gender,
            "age_band": supporter.age_band,
            "guardian_consent": bool(supporter.guardian_consent),
            "village": supporter.village,
            "pin_code": supporter.pin_code,
            "wants_to_volunteer": supporter.wants_to_volunteer,
        },
    )


def _page(request, template: str, language: str, *, status: int = 200, **context):
    context["notice_version"] = settings.NOTICE_VERSION
    if "supporter" in context:  # the call-back desk's do-not-call, which only they can lift (desk/public.py)
        from sampark.supporters.desk.services import is_suppressed

        supporter = context["supporter"]
        context["do_not_call"] = getattr(supporter, "do_not_call", None)
        if context["do_not_call"] is None:  # a supporter read without the annotation (supporter_for_token's)
            context["do_not_call"] = is_suppressed(supporter)
    response = render(request, template, context, status=status)
    response["Content-Language"] = language
    response["X-Robots-Tag"] = "noindex"
    return response


def _invalid_link(request):
    """404 in both languages (we do not know theirs), with the way to get a fresh link."""
    first = request.GET.get("lang", "")
    first = first if first in LANGUAGES else settings.LANGUAGE_CODE
    order = [first] + [code for code in LANGUAGES if code != first]
    number = PublishedNumber.objects.filter(active=True).order_by("id").values_list("number", flat=True).first()
    with translation.override(first):
        return _page(request, "supporters/invalid_link.html", first, status=404,
                     languages=order, number=dialable(number))
