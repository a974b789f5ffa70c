"""Turn whatever people paste — a handle, a profile link, an invite link, a number, a site — into one normal form.

``parse("https://mobile.twitter.com/SomeLeader?s=20")`` and ``parse("@someleader")`` both give
``Handle(platform="x", value="someleader")`` when the platform is known; a bare ``@name`` has no platform
(``platform=None``) and is compared against every social platform. The normal form is what the registry stores
(``OfficialChannel.handle``) and what cases are keyed on, so equality is one indexed lookup.

Only the *shape* is normalised here (case, URL forms, tracking parameters, number formats). Look-alike characters
are deliberately kept: "SomeLeaderOfficiaI" with a capital I must stay distinct from "someleaderofficial" so
that the lookalike scorer can say why it resembles it. The handle as written (case kept) travels along in
``Handle.written``: the scorer's skeleton must see Cyrillic "В" before lower-casing turns it into "в", which looks
like no Latin letter.

A dotted name given without a platform ("jan.andolan") reads as a website, but dotted usernames are ordinary on
Facebook and Instagram: ``Handle.maybe_handle`` says so, and verify also looks it up among social handles.
"""

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from sampark.core.phones import UnusableNumber, normalise

MAX_QUERY_LENGTH = 300

# host (without "www.") → platform; the path says the rest
SOCIAL_HOSTS = {
    "x.com": "x", "twitter.com": "x", "mobile.twitter.com": "x", "mobile.x.com": "x",
    "facebook.com": "facebook", "fb.com": "facebook", "m.facebook.com": "facebook", "web.facebook.com": "facebook",
    "mbasic.facebook.com": "facebook", "fb.me": "facebook",
    "instagram.com": "instagram", "instagr.am": "instagram",
    "youtube.com": "youtube", "m.youtube.com": "youtube", "youtu.be": "youtube",
    "t.me": "telegram", "telegram.me": "telegram", "telegram.dog": "telegram",
    "whatsapp.com": "whatsapp", "chat.whatsapp.com": "whatsapp_group", "wa.me": "whatsapp_number",
    "api.whatsapp.com": "whatsapp_number",
}
# endings that make a bare dotted name a website rather than a username ("jan.andolan" may be either)
SITE_ENDINGS = {"com", "org", "net", "in", "co", "info", "io", "gov", "edu", "biz", "me", "app", "site", "online",
                "xyz", "live", "news", "page", "link", "club", "shop", "store", "tech", "dev", "uk", "us", "ai"}
# path segments that are not a handle: /intent/…, /channel/… (youtube ids are kept, see below)
NOT_HANDLES = {"share", "sharer", "intent", "home", "i", "hashtag", "search", "watch", "p", "reel", "stories",
               "profile.php", "pages", "groups", "people", "joinchat", "s", "c", "user", "channel"}
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u200e", "\u200f"}


@dataclass(frozen=True)
class Handle:
    platform: str | None  # a trust.models.Platform value, or None when the text does not say
    value: str  # the normal form; "" when nothing usable was given
    had_invisible: bool = False  # zero-width or other invisible characters were removed from the text
    written: str = field(default="", compare=False)  # the handle as written, case kept ("" when it is ``value``)
    maybe_handle: bool = field(default=False, compare=False)  # a bare dotted name read as a site: may be a username

    def key(self) -> str:
        return f"{self.platform or ''}:{self.value}"

    @property
    def as_written(self) -> str:
        """What the lookalike skeleton is taken of."""
        return self.written or self.value


def strip_invisible(text: str) -> tuple[str, bool]:
    if text.isascii():
        return text, False  # no ASCII character is invisible in this sense (Cf or the list above)
    cleaned = "".join(ch for ch in text if ch not in INVISIBLE and unicodedata.category(ch) != "Cf")
    return cleaned, cleaned != text


def parse(text: str, platform: str | None = None) -> Handle:
    """The normal form of ``text``; ``platform`` (when the caller knows it) wins over detection."""
    raw, had_invisible = strip_invisible(unicodedata.normalize("NFC", (text or "").strip()))
    raw = raw.strip().strip("<>\"'")
    if not raw:
        return Handle(platform, "", had_invisible)
    detected, value, *written = _parse(raw, platform)
    written_as = written[0] if written and written[0] != value else ""
    maybe_handle = (platform is None and detected == "website" and "/" not in raw and ":" not in raw
                    and "@" not in raw and " " not in raw and not SITE_ENDINGS.intersection(value.split(".")[1:]))
    return Handle(platform or detected, value, had_invisible, written_as, maybe_handle)


def _parse(raw: str, platform: str | None) -> tuple:
    lower = raw.lower()
    if lower.startswith("whatsapp://"):  # the app's own link: whatsapp://send?phone=…
        return _phone_from_query(raw.split("?", 1)[1] if "?" in raw else "")
    if lower.startswith("tel:"):
        raw, lower = raw[4:], lower[4:]
    if platform in ("phone", "whatsapp_number") or (platform is None and _looks_like_phone(raw)):
        return _phone(raw, platform or "phone")
    if lower.startswith("mailto:"):
        raw, lower = raw[7:].split("?", 1)[0], lower[7:].split("?", 1)[0]
    if "@" in raw[1:] and "/" not in raw and " " not in raw and platform in (None, "email"):
        return "email", lower
    if "://" in raw or lower.startswith("www.") or _host_of(lower) in SOCIAL_HOSTS or "/" in raw:
        return _url(raw, platform)
    if platform == "website" or (platform is None and "." in raw and not raw.startswith("@") and " " not in raw):
        return "website", _domain(lower), raw  # as written: a dotted username pasted bare ("naya.saveʀa")
    written = raw.lstrip("@").strip()
    return platform, written.lower(), written


def _looks_like_phone(raw: str) -> bool:
    digits = sum(ch.isdigit() for ch in raw)
    return digits >= 7 and all(ch.isdigit() or ch in "+-() ." for ch in raw)


def _phone(raw: str, platform: str) -> tuple[str, str]:
    digits = "".join(ch for ch in raw if ch.isdigit())
    # only the digits and a leading +: "(011) 4000 0000" must read as 011…, not as a number starting with "("
    plain = ("+" if raw.strip().startswith("+") else "") + digits
    try:
        return platform, normalise(plain).e164
    except UnusableNumber:
        return platform, ("+" + digits) if digits else raw.lower()


def _host_of(lower: str) -> str:
    host = lower.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0]
    return host.removeprefix("www.")


def _domain(lower: str) -> str:
    host = _host_of(lower).split(":", 1)[0].rstrip(".")
    try:
        return host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return host


def _url(raw: str, platform: str | None) -> tuple[str | None, str]:
    try:
        parts = urlsplit(raw if "://" in raw else "https://" + raw)
        parts.port  # noqa: B018 — raises on a port out of range, like a malformed IPv6 host does above
    except ValueError:
        return platform or "website", _domain(raw.lower())
    host = (parts.hostname or "").removeprefix("www.")
    segments = [unquote(s) for s in parts.path.split("/") if s]
    kind = SOCIAL_HOSTS.get(host)
    if kind is None:
        return platform or "website", _domain(host or raw.lower())
    if kind == "whatsapp_group":  # chat.whatsapp.com/CODE or /invite/CODE; invite codes are case-sensitive
        return "whatsapp_group", segments[-1] if segments else ""
    if kind == "whatsapp":
        if len(segments) >= 2 and segments[0] == "channel":
            return "whatsapp_channel", segments[1]  # channel ids are case-sensitive
        return _phone_from_query(parts.query)
    if kind == "whatsapp_number":
        if segments and segments[0] != "send":
            return _phone(segments[0], "whatsapp_number")
        return _phone_from_query(parts.query)
    if kind == "youtube":
        if host == "youtu.be":
            return "youtube", ""
        if segments and segments[0].startswith("@"):
            return "youtube", segments[0][1:].lower(), segments[0][1:]
        if len(segments) >= 2 and segments[0] == "channel":
            return "youtube", segments[1]  # UC… ids are case-sensitive
        if len(segments) >= 2 and segments[0] in ("c", "user"):
            return "youtube", segments[1].lower()
        return "youtube", ""
    if kind == "facebook" and segments and segments[0] == "profile.php":
        ident = _query_params(parts.query).get("id", "")
        return "facebook", ident
    if kind == "facebook" and len(segments) >= 2 and segments[0] in ("pages", "people"):
        segments = segments[1:]
    if kind == "telegram" and segments and segments[0] == "s":
        segments = segments[1:]
    if kind == "telegram" and segments and (segments[0].startswith("+") or segments[0] == "joinchat"):
        return "telegram", "/".join(segments)  # private invite: the code is the identity
    handle = next((s for s in segments if s.lower() not in NOT_HANDLES), "")
    if kind == "x" and not handle:  # x.com/intent/user?screen_name=Name
        handle = _query_params(parts.query).get("screen_name", "")
    return kind, handle.lstrip("@").lower(), handle.lstrip("@")


def _phone_from_query(query: str) -> tuple[str, str]:
    return _phone(_query_params(query).get("phone", ""), "whatsapp_number")


def _query_params(query: str) -> dict[str, str]:
    return {key: unquote(value) for key, _eq, value in (p.partition("=") for p in query.split("&")) if _eq}
