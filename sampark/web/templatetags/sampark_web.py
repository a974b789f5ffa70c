"""Template tags shared by every page."""

from django import template

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
