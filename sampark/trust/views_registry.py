"""/official/: every active official channel, grouped by person and by unit, and the retired ones with their dates.

A high-traffic page (it is where every warning message points), so the rendered page is kept in the cache per
language for ``PAGE_SECONDS`` and sent with a matching public ``Cache-Control`` for proxies; a registry write
drops this process's copy at once (registry.forget_public_page), other processes' copies expire within the minute.
Building it costs one query.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from sampark.trust.channel_links import channel_link, is_private_invite
from sampark.trust.models import ChannelStatus, OfficialChannel, Owner, Platform
from sampark.trust.registry import PAGE_CACHE_KEYS
from sampark.web.views import page_language

PAGE_SECONDS = 60
PLATFORM_ORDER = {value: n for n, value in enumerate(Platform.values)}


@dataclass
class OwnerGroup:
    owner: Owner
    channels: list = field(default_factory=list)


def registry_groups() -> dict:
    """People, units (with their area) and retired channels, from one query."""
    people: dict[int, OwnerGroup] = {}
    units: dict[int, OwnerGroup] = {}
    retired = []
    channels = OfficialChannel.objects.select_related("owner", "owner__area").order_by(
        "owner__name_en", "owner_id", "display")
    for channel in sorted(channels, key=lambda c: (c.owner.name_en.lower(), c.owner_id,
                                                   PLATFORM_ORDER.get(c.platform, 99), c.display.lower())):
        channel.link = channel_link(channel)
        channel.private_invite = is_private_invite(channel.platform, channel.handle)
        if channel.status != ChannelStatus.ACTIVE:
            retired.append(channel)
            continue
        groups = units if channel.owner.kind == Owner.Kind.UNIT else people
        groups.setdefault(channel.owner_id, OwnerGroup(channel.owner)).channels.append(channel)
    retired.sort(key=lambda c: c.until or c.created_at.date(), reverse=True)
    unit_list = sorted(units.values(), key=lambda g: (g.owner.area.path if g.owner.area else "",
                                                       g.owner.name_en.lower()))
    return {"people": list(people.values()), "units": unit_list, "retired": retired}


@require_safe
def official_list(request):
    language = page_language(request)
    key = PAGE_CACHE_KEYS.format(language)
    html = cache.get(key)
    if html is None:
        with translation.override(language):
            # rendered without the request: nothing of one visitor (cookies, CSRF token) can land in the shared copy
            html = render_to_string("trust/official_list.html", registry_groups())
        cache.set(key, html, PAGE_SECONDS)
    response = HttpResponse(html)
    response["Content-Language"] = language
    patch_cache_control(response, public=True, max_age=PAGE_SECONDS)
    return response
