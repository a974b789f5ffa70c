"""Template tags shared by every page."""

from django import template

from sampark.core.phones import dialable
from sampark.trust.matching.handles import parse

register = template.Library()


@register.simple_tag(takes_context=True)
def lang_query(context, code: str) -> str:
    """``?…&lang=<code>``: the current page in another language, keeping what was asked (``/verify/?q=…``).

    Pages rendered without a request (the cached /official/ pages) have no query to keep."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is None:
        return f"?lang={code}"
    query["lang"] = code
    return "?" + query.urlencode()


PHONE_PLATFORMS = {"phone", "whatsapp_number"}


@register.filter
def channel_text(text: str, platform: str) -> str:
    """A channel as a page shows it: a number (or a wa.me link) in the one phone format of every page
    (``+91 90000 00012``, docs/pages.md), anything else as registered."""
    if platform not in PHONE_PLATFORMS:
        return text
    number = dialable(parse(text, platform).value)
    return number["shown"] if number else text
