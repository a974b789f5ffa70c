"""/verify/?q=…: "Is this official?" for anyone, in plain words. The answer is sampark.trust.matching.verify's.

GET, so an answer can be shared as a link. Rate-limited per address (only asking counts, not the empty form);
a query longer than any handle, link or number gets a 400 page naming the field. A name is not verified: the page
says why and asks for the link or handle, listing the official channels of an owner with exactly that name.
"""

import re
import unicodedata
from datetime import date

from django.db.models import Q
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from sampark.core.ratelimit import limited
from sampark.trust.channel_links import is_private_invite, public_link
from sampark.trust.matching.handles import MAX_QUERY_LENGTH, parse
from sampark.trust.matching.verify import NOT_OFFICIAL, OFFICIAL, RISK, verify
from sampark.trust.models import ChannelStatus, OfficialChannel, Platform
from sampark.trust.views.registry import grouped
from sampark.web.views import page_language

# The scorer's reasons are English phrases; the fixed ones a person will see most are translated here, anything
# else is shown as the scorer wrote it.
REASONS = {
    "exact match": gettext_lazy("exact match"),
    "retired official channel": gettext_lazy("retired official channel"),
    "cyrillic letters that look latin": gettext_lazy("Cyrillic letters that look Latin"),
    "greek letters that look latin": gettext_lazy("Greek letters that look Latin"),
    "mixed scripts": gettext_lazy("letters from different scripts mixed together"),
    "invisible characters": gettext_lazy("hidden invisible characters"),
    "words reordered": gettext_lazy("words reordered"),
    "one letter missing": gettext_lazy("one letter missing"),
    "one letter added": gettext_lazy("one letter added"),
    "letters swapped": gettext_lazy("letters swapped"),
    "letter repeated": gettext_lazy("a letter repeated"),
    "separators changed": gettext_lazy("dots, dashes or underscores changed"),
    "truncated": gettext_lazy("shortened"),
    "look-alike domain": gettext_lazy("look-alike domain"),
    "parody label": gettext_lazy("calls itself a parody"),
}
REASON_PATTERNS = [
    (re.compile(r"^digit (\w) in place of letter (\w)$", re.I),
     gettext_lazy("digit %(first)s in place of letter %(second)s")),
    (re.compile(r"^letter (\w) in place of digit (\w)$", re.I),
     gettext_lazy("letter %(first)s in place of digit %(second)s")),
    (re.compile(r"^'?(\w+)'? in place of '?(\w+)'?$", re.I), gettext_lazy("“%(first)s” in place of “%(second)s”")),
    (re.compile(r"^adds '([^']+)'$", re.I), gettext_lazy("adds “%(first)s”")),
]


def reason_text(reason: str) -> str:
    fixed = REASONS.get(reason.strip().lower())
    if fixed is not None:
        return str(fixed)
    for pattern, message in REASON_PATTERNS:
        found = pattern.match(reason.strip())
        if found:
            groups = found.groups()
            return str(message) % {"first": groups[0], "second": groups[-1]}
    return reason


# Letters of India's scripts (Devanagari to Malayalam): no handle, link or address is written in them, and unlike
# Cyrillic or Greek they cannot pass for a Latin handle.
INDIC = re.compile(r"[\u0900-\u0d7f]")
NAME_GAP = re.compile(r"\w\s+\w")


def is_a_name(q: str) -> bool:
    """A name ("Asha Devi Verma", "सम्पर्क आंदोलन") rather than a handle, link, number or address: no ``@``, no
    ``/``, some letters, and either a space between words or, in one piece without a dot (``वेबसाइट.भारत`` is a
    web address), letters of an Indian script. Anyone can give an account any name, so the page asks for the link
    or handle instead of answering (docs/trust.md)."""
    if "@" in q or "/" in q:
        return False
    letters = [ch for ch in q if ch.isalpha()]
    if not letters:
        return False  # a phone number, however it is spaced
    if NAME_GAP.search(q):
        return True
    return "." not in q and any(INDIC.match(ch) for ch in letters)


def official_named(q: str) -> list:
    """The active official channels of the owner(s) with exactly this name, in English or Hindi, by owner."""
    name = " ".join(q.split())
    channels = (OfficialChannel.objects.active().select_related("owner")
                .filter(Q(owner__name_en__iexact=name) | Q(owner__name_hi=name))[:50])
    found = grouped(channels)
    return found["people"] + found["units"]


def clean_query(text: str) -> str:
    """Control characters out (a NUL would break the database query); the rest is the parser's job."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip()


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def present(answer: dict) -> dict:
    """The verify answer with what the page needs: names in the page's language, links, dates, plain reasons."""
    hindi = translation.get_language() == "hi"
    matches = []
    for match in answer["matches"]:
        channel = dict(match["channel"])
        platform = channel.get("platform") or ""
        normal = parse(channel.get("handle", ""), platform or None).value
        active = channel.get("status", ChannelStatus.ACTIVE) == ChannelStatus.ACTIVE
        channel.update(
            # an official group's invite is shown only to whoever already has it (an exact match), never handed to
            # someone who typed something that merely resembles it
            hidden=is_private_invite(platform, normal) and answer["verdict"] == RISK,
            platform_label=Platform(platform).label if platform in Platform.values else platform,
            owner_name=(channel.get("owner_hi") or channel.get("owner")) if hindi else channel.get("owner"),
            link=public_link(platform, normal) if active else None,
            active=active, since=_day(channel.get("since")), until=_day(channel.get("until")),
        )
        matches.append({"channel": channel, "percent": round(100 * float(match.get("score") or 0)),
                        "reasons": [reason_text(r) for r in match.get("reasons", [])]})
    verdict = answer["verdict"]
    retired = verdict == NOT_OFFICIAL and bool(matches) and not any(m["channel"]["active"] for m in matches)
    platform = answer.get("platform")
    return {
        "verdict": verdict, "official": verdict == OFFICIAL, "risk": verdict == RISK, "retired": retired,
        "not_official": verdict == NOT_OFFICIAL and not retired, "matches": matches,
        "platform_label": Platform(platform).label if platform in Platform.values else None,
        "whatsapp_group": platform == "whatsapp_group",
    }


@require_safe
def verify_page(request):
    language = page_language(request)
    q = clean_query(request.GET.get("q", ""))
    status, context = 200, {"q": q}
    with translation.override(language):
        if len(q) > MAX_QUERY_LENGTH:
            status = 400
            context.update(q="", error=_("What you entered is too long (%(length)d characters). Paste only the "
                                         "handle, link or number, at most %(limit)d characters.")
                           % {"length": len(q), "limit": MAX_QUERY_LENGTH})
        elif q and limited(request, "verify-page"):
            status = 429
            context["error"] = _("Too many checks from your connection. Please wait a minute and try again.")
        elif q and is_a_name(q):
            context["name"] = {"owners": official_named(q)}
        elif q:
            context["result"] = present(verify(q))
        response = render(request, "trust/verify.html", context, status=status)
    response["Content-Language"] = language
    return response
