"""The registry of official channels: every write to Owner and OfficialChannel goes through here.

The CLI (``sampark official``) and the admin both call these functions, so a handle is normalised and checked
the same way whichever door it comes in by. Errors are ``RegistryError("field: problem", field=...)``; callers
translate the field into their own vocabulary (``--handle`` on the command line, the form field in the admin).

Decisions:
- Adding a (platform, handle) that is already registered is refused, naming whose it is and its status. A silent
  update would let a typo in ``--owner`` move a leader's channel to someone else; a retired channel comes back with
  ``reactivate`` instead, which keeps its history (since, who verified it).
- A handle must be usable for its platform: a Facebook link given as ``--platform x`` is refused rather than
  stored as an X handle nobody can ever match; phone numbers must be valid numbers.
- ``verified_by``/``verified_at`` say who last vouched that the channel is official: set when the channel is added,
  when what it points at (platform, handle, owner) changes, and when it is reactivated. Retiring keeps them.
"""

import re
import uuid
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from sampark.core.phones import UnusableNumber, normalise
from sampark.geo.models import Area
from sampark.trust.matching.handles import MAX_QUERY_LENGTH, parse, strip_invisible
from sampark.trust.models import ChannelStatus, OfficialChannel, Owner, Platform

HANDLE_LENGTH = OfficialChannel._meta.get_field("handle").max_length
DISPLAY_LENGTH = OfficialChannel._meta.get_field("display").max_length
NAME_LENGTH = Owner._meta.get_field("name_en").max_length
# a phone number and a WhatsApp number are written the same way; a wa.me link is also a phone's WhatsApp
SAME_KIND = {"phone": "whatsapp_number", "whatsapp_number": "phone"}
SOCIAL_PLATFORMS = {"x", "facebook", "instagram", "youtube", "telegram"}
DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
EMAIL = re.compile(r"^[^@\s]{1,64}@([a-z0-9-]+\.)+[a-z0-9-]{2,63}$")
PAGE_GENERATION = "trust:official-pages"  # part of the cache keys of the public /official/ pages (views_registry)


class RegistryError(ValueError):
    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class NormalHandle:
    handle: str  # what verify compares (trust.handles normal form)
    display: str  # as given, cleaned of invisible characters and extra spaces


def platform_name(platform: str) -> str:
    """English, like every RegistryError: these are messages for the registry's staff (CLI and admin)."""
    with translation.override("en"):
        return str(Platform(platform).label)


def check_platform(platform: str | None) -> str:
    value = (platform or "").strip().lower()
    if value not in Platform.values:
        raise RegistryError("platform", f"unknown {platform!r}; one of {', '.join(Platform.values)}")
    return value


def clean_text(text: str | None) -> str:
    """Invisible characters out, runs of spaces collapsed: what staff meant to type."""
    cleaned, _had = strip_invisible(text or "")
    return " ".join(cleaned.split())


def normalise_handle(platform: str, text: str | None) -> NormalHandle:
    """The stored forms of a handle as staff write it, or RegistryError naming ``handle`` and the problem."""
    platform = check_platform(platform)
    display = clean_text(text)
    if not display:
        raise RegistryError("handle", "empty; give the handle, link or number as people see it")
    if len(display) > min(DISPLAY_LENGTH, MAX_QUERY_LENGTH):
        raise RegistryError("handle", f"too long ({len(display)} characters; at most {MAX_QUERY_LENGTH})")
    guessed = parse(display)
    detected = guessed.platform
    # with the platform given, a bare dotted name is that platform's username ("jan.andolan" on Facebook)
    dotted_username = guessed.maybe_handle and platform in SOCIAL_PLATFORMS
    if detected and detected != platform and SAME_KIND.get(detected) != platform and not dotted_username:
        raise RegistryError("handle", f"that is a {platform_name(detected)} address, not {platform_name(platform)}")
    value = parse(display, platform).value
    problem = _unusable(platform, value, display)
    if problem:
        raise RegistryError("handle", problem)
    return NormalHandle(handle=value, display=_without_tracking(display, platform, value))


def _without_tracking(display: str, platform: str, value: str) -> str:
    """A link's query string and fragment (``?s=20``, ``?utm_source=…``) dropped when the channel does not need them
    (``profile.php?id=…`` does): the public page shows ``display``."""
    if "://" not in display and "/" not in display:
        return display
    bare = display.split("#", 1)[0].split("?", 1)[0]
    return bare if bare != display and parse(bare, platform).value == value else display


def _unusable(platform: str, value: str, display: str) -> str | None:
    if not value:
        return f"no {platform_name(platform)} handle or id found in {display!r}"
    if len(value) > HANDLE_LENGTH:
        return f"too long ({len(value)} characters; at most {HANDLE_LENGTH})"
    if platform in ("phone", "whatsapp_number"):
        try:
            normalise(value)
        except UnusableNumber as exc:
            return f"not a usable phone number ({exc.reason})"
        return None
    if platform == "website" and not DOMAIN.match(value):
        return f"{value!r} is not a web address such as example.org"
    if platform == "email" and not EMAIL.match(value):
        return f"{value!r} is not an email address such as office@example.org"
    if any(ch.isspace() for ch in value):
        return "contains spaces; a handle is one word"
    return None


def _owner_name(field: str, name: str | None, *, required: bool) -> str:
    cleaned = clean_text(name)
    if required and not cleaned:
        raise RegistryError(field, "empty; give the person's or unit's name")
    if len(cleaned) > NAME_LENGTH:
        raise RegistryError(field, f"too long ({len(cleaned)} characters; at most {NAME_LENGTH})")
    return cleaned


@transaction.atomic
def find_or_create_owner(name: str, *, area: Area | None = None, unit: bool = False, name_hi: str = "") -> Owner:
    """The owner called ``name`` at ``area`` (found again by name within the area), created when new.

    A Hindi name given for an existing owner replaces the old one: the latest word of the staff is the one shown.
    """
    name_en = _owner_name("owner", name, required=True)
    hindi = _owner_name("owner_hi", name_hi, required=False)
    kind = Owner.Kind.UNIT if unit else Owner.Kind.PERSON
    # the unique constraint (name_en, area) cannot hold for area NULL (NULLs are distinct), so find first, oldest
    owner = Owner.objects.select_for_update().filter(name_en=name_en, area=area).order_by("id").first()
    if owner is None:
        try:
            with transaction.atomic():
                return Owner.objects.create(name_en=name_en, name_hi=hindi, area=area, kind=kind)
        except IntegrityError:  # created by a concurrent add a moment ago
            owner = Owner.objects.select_for_update().get(name_en=name_en, area=area)
    if owner.kind != kind:
        where = f" at {area.code}" if area else ""
        raise RegistryError("owner", f"{name_en!r}{where} is registered as a {owner.kind}, not a {kind}")
    if hindi and owner.name_hi != hindi:
        owner.name_hi = hindi
        owner.save(update_fields=["name_hi"])
    return owner


def check_channel(*, pk: int | None, platform: str, handle: str, status: str, since: date | None,
                  until: date | None) -> tuple[NormalHandle, date | None]:
    """Everything save_channel refuses, without writing: the admin form shows these next to the field at fault.

    Returns the normal handle and the ``until`` date to store (none while active, today when retired undated).
    """
    normal = normalise_handle(platform, handle)
    platform = check_platform(platform)
    if status not in ChannelStatus.values:
        raise RegistryError("status", f"unknown {status!r}; one of {', '.join(ChannelStatus.values)}")
    if status == ChannelStatus.ACTIVE:
        until = None
    elif until is None:
        until = timezone.localdate()
    if since and until and until < since:
        raise RegistryError("until", f"{until.isoformat()} is before the channel became official ({since.isoformat()})")
    if OfficialChannel.objects.filter(platform=platform, handle=normal.handle).exclude(pk=pk).exists():
        raise _duplicate(platform, normal.handle)
    return normal, until


def check_owner(pk: int | None, *, name: str, name_hi: str = "", area: Area | None = None) -> tuple[str, str]:
    """The cleaned English and Hindi names, or RegistryError when empty, too long or taken in the area."""
    name_en = _owner_name("name_en", name, required=True)
    hindi = _owner_name("name_hi", name_hi, required=False)
    if Owner.objects.filter(name_en=name_en, area=area).exclude(pk=pk).exists():
        raise RegistryError("name_en", f"there is already an owner called {name_en!r} in this area")
    return name_en, hindi


@transaction.atomic
def save_owner(owner: Owner, *, name: str, name_hi: str = "", area: Area | None = None, unit: bool = False) -> Owner:
    """Create or edit an owner from the admin; names are cleaned like the CLI's."""
    owner.name_en, owner.name_hi = check_owner(owner.pk, name=name, name_hi=name_hi, area=area)
    owner.area, owner.kind = area, (Owner.Kind.UNIT if unit else Owner.Kind.PERSON)
    try:
        with transaction.atomic():
            owner.save()
    except IntegrityError:
        raise RegistryError("name_en", f"there is already an owner called {owner.name_en!r} in this area") from None
    transaction.on_commit(forget_public_page)
    return owner


@transaction.atomic
def save_channel(channel: OfficialChannel, *, platform: str, handle: str, owner: Owner, since: date | None = None,
                 status: str = ChannelStatus.ACTIVE, until: date | None = None, by=None) -> OfficialChannel:
    """Create (``channel`` unsaved) or update a channel; the admin form and the CLI both end here."""
    platform = check_platform(platform)
    normal, until = check_channel(pk=channel.pk, platform=platform, handle=handle, status=status, since=since,
                                  until=until)
    before = (OfficialChannel.objects.select_for_update().filter(pk=channel.pk).first()
              if channel.pk else None)
    vouched_again = (
        before is None
        or (before.platform, before.handle, before.owner_id) != (platform, normal.handle, owner.pk)
        or (before.status == ChannelStatus.RETIRED and status == ChannelStatus.ACTIVE)
    )
    channel.platform, channel.handle, channel.display = platform, normal.handle, normal.display
    channel.owner, channel.since, channel.status, channel.until = owner, since, status, until
    if vouched_again:
        channel.verified_by = by if getattr(by, "pk", None) else None
        channel.verified_at = timezone.now()
    try:
        with transaction.atomic():  # the unique constraint decides a race between two adds of one handle
            channel.save()
    except IntegrityError:
        raise _duplicate(platform, normal.handle) from None
    transaction.on_commit(forget_public_page)
    return channel


def _duplicate(platform: str, handle: str) -> RegistryError:
    existing = OfficialChannel.objects.select_related("owner").filter(platform=platform, handle=handle).first()
    if existing is None:
        return RegistryError("handle", "could not be saved; try again")
    state = "active" if existing.status == ChannelStatus.ACTIVE else f"retired since {existing.until}"
    hint = "" if existing.status == ChannelStatus.ACTIVE else "; reactivate it instead"
    return RegistryError(
        "handle", f"already registered: {existing.display} of {existing.owner.name_en} ({state}){hint}")


def add_channel(*, platform: str, handle: str, owner: Owner, since: date | None = None, by=None) -> OfficialChannel:
    return save_channel(OfficialChannel(), platform=platform, handle=handle, owner=owner, since=since, by=by)


def find_channel(platform: str, handle: str) -> OfficialChannel:
    """The registered channel for a handle as people write it, or RegistryError("handle", ...)."""
    normal = normalise_handle(platform, handle)
    channel = (OfficialChannel.objects.select_related("owner")
               .filter(platform=check_platform(platform), handle=normal.handle).first())
    if channel is None:
        raise RegistryError("handle", f"{normal.display} is not in the registry for {platform_name(platform)}")
    return channel


@transaction.atomic
def retire_channel(channel: OfficialChannel, *, until: date | None = None) -> OfficialChannel:
    """No longer official; it still answers "was official until ``until``" (default: today, India time)."""
    channel = OfficialChannel.objects.select_for_update().select_related("owner").get(pk=channel.pk)
    if channel.status == ChannelStatus.RETIRED:
        raise RegistryError("handle", f"{channel.display} is already retired (official until {channel.until})")
    until = until or timezone.localdate()
    if channel.since and until < channel.since:
        raise RegistryError("until", f"{until.isoformat()} is before the channel became official "
                                     f"({channel.since.isoformat()})")
    channel.status, channel.until = ChannelStatus.RETIRED, until
    channel.save(update_fields=["status", "until"])
    transaction.on_commit(forget_public_page)
    return channel


@transaction.atomic
def reactivate_channel(channel: OfficialChannel, *, by=None) -> OfficialChannel:
    """Official again, vouched for anew by ``by``."""
    channel = OfficialChannel.objects.select_for_update().select_related("owner").get(pk=channel.pk)
    if channel.status == ChannelStatus.ACTIVE:
        raise RegistryError("handle", f"{channel.display} is already active")
    channel.status, channel.until = ChannelStatus.ACTIVE, None
    channel.verified_by = by if getattr(by, "pk", None) else None
    channel.verified_at = timezone.now()
    channel.save(update_fields=["status", "until", "verified_by", "verified_at"])
    transaction.on_commit(forget_public_page)
    return channel


def forget_public_page() -> None:
    """Make this process's cached /official/ pages stale (a new generation in their keys); other processes' copies
    expire within their short lifetime."""
    cache.set(PAGE_GENERATION, uuid.uuid4().hex, None)
