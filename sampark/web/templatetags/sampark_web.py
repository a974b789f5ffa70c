"""Template tags shared by every page."""

import phonenumbers
from django import template

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
def phone(number: str) -> str:
    """A published number in the one format every page shows (docs/pages.md): ``+91 90000 00012``,
    ``+91 11 4000 0000``. Anything that is not a number is shown as it is."""
    try:
        parsed = phonenumbers.parse(number or "", "IN")
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@register.filter
def channel_text(text: str, platform: str) -> str:
    """A channel as a page shows it: a number (or a wa.me link) in the one phone format, anything else as given."""
    if platform not in PHONE_PLATFORMS:
        return text
    return phone(parse(text, platform).value or text)
