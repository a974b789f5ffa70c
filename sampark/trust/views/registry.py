"""/official/: every active official channel, grouped by person and by unit, with the retired ones and their dates.

A registry of a thousand channels on one page would be several times the 100 KB a cheap phone should load, so
the pages follow the area tree: the national page lists owners without an area, at the country and at the state
level, and links each state that has channels further down, with a count; /official/<area code>/ lists the owners
at that area and its children, and links each child with channels further down. A page is bounded by the
geography's fan-out, not by the size of the registry.

A high-traffic page (every warning message points here), so each rendered page is kept in the cache for
``PAGE_SECONDS`` and sent with a matching public ``Cache-Control`` for proxies; a registry write starts a new cache
generation in this process at once (registry.forget_public_page), other processes' copies expire within the
minute. A page costs three queries to build (four with the area lookup), none while cached.
"""

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from sampark.geo.models import Area
from sampark.trust.channel_links import channel_link, is_private_invite
from sampark.trust.models import ChannelStatus, OfficialChannel, Owner, Platform
from sampark.trust.registry import PAGE_GENERATION
from sampark.web.views import page_language

PAGE_SECONDS = 60
PLATFORM_ORDER = {value: n for n, value in enumerate(Platform.values)}


@dataclass
class OwnerGroup:
    owner: Owner
    channels: list = field(default_factory=list)


@dataclass
class AreaLink:
    area: Area
    channels: int = 0


def grouped(channels) -> dict:
    """People and units (each with their channels in platform order) and the retired channels, newest first."""
    people: dict[int, OwnerGroup] = {}
    units: dict[int, OwnerGroup] = {}
    retired = []
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


def area_page(area: Area | None) -> dict:
    """Owners at ``area`` and at its children (national: no area, the roots and their children), and a link to
    each child with active channels further down."""
    channels = OfficialChannel.objects.select_related("owner", "owner__area")
    deeper = OfficialChannel.objects.filter(status=ChannelStatus.ACTIVE)
    if area is None:
        here = channels.filter(Q(owner__area__isnull=True) | Q(owner__area__parent__isnull=True)
                               | Q(owner__area__parent__parent__isnull=True))
        deeper = deeper.filter(owner__area__parent__parent__isnull=False)
        depth = 2
    else:
        here = channels.filter(Q(owner__area=area) | Q(owner__area__parent=area))
        deeper = deeper.filter(owner__area__path__startswith=area.path + ".").exclude(owner__area__parent=area)
        depth = area.path.count(".") + 2
    counts: dict[str, int] = {}
    for path in deeper.values_list("owner__area__path", flat=True):
        child = ".".join(path.split(".")[:depth])
        counts[child] = counts.get(child, 0) + 1
    links = [AreaLink(child, counts[child.path]) for child in Area.objects.filter(path__in=counts).order_by("name_en")]
    return {**grouped(here), "area": area, "links": links}


def cached_page(request, code: str | None):
    language = page_language(request)
    generation = cache.get(PAGE_GENERATION)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(PAGE_GENERATION, generation, None)
    key = f"trust:official:{generation}:{language}:{code or ''}"
    html, status = cache.get(key), 200
    if html is None:
        with translation.override(language):
            area = None if code is None else Area.objects.select_related("parent").filter(code=code).first()
            if code is not None and area is None:
                html, status = render_to_string("trust/official_missing.html", {"code": code}), 404
            else:
                context = area_page(area if area is None or area.parent_id else None)  # the root is the nation
                # rendered without the request: nothing of one visitor (cookies, CSRF token) lands in the copy
                html = render_to_string("trust/official_list.html", context)
                cache.set(key, html, PAGE_SECONDS)
    response = HttpResponse(html, status=status)
    response["Content-Language"] = language
    if status == 200:
        patch_cache_control(response, public=True, max_age=PAGE_SECONDS)
    return response


@require_safe
def official_list(request):
    return cached_page(request, None)


@require_safe
def official_area(request, code: str):
    return cached_page(request, code[:40])
