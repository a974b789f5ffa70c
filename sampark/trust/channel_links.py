"""The tappable public link of an official channel, built from its normal form (never from what was pasted).

Built rather than copied from ``display`` so that a tracking query string or a mistyped scheme in the registry can
never reach the public, and every link goes to the platform's own host.

Not linked, on purpose:
- WhatsApp group invites and private Telegram invites (``t.me/+…``, ``t.me/joinchat/…``): a published invite
  link fills the group with bots and copycats, and teaches supporters that "an invite link" is what official
  looks like, which is exactly what fake "IT cell" groups trade on. Anyone holding an invite can check it on
  /verify/, which says whether it is ours.
- Retired channels: a retired number or handle may since belong to someone else.
"""

from urllib.parse import quote

from sampark.trust.models import ChannelStatus, OfficialChannel

TEMPLATES = {
    "x": "https://x.com/{}",
    "instagram": "https://www.instagram.com/{}/",
    "telegram": "https://t.me/{}",
    "whatsapp_channel": "https://whatsapp.com/channel/{}",
    "website": "https://{}/",
    "email": "mailto:{}",
    "phone": "tel:{}",
}


def is_private_invite(platform: str, handle: str) -> bool:
    return platform == "whatsapp_group" or (platform == "telegram" and handle.startswith(("+", "joinchat/")))


def public_link(platform: str, handle: str) -> str | None:
    """The link for an active channel's normal form, or None when it must not be linked (see above)."""
    if not handle or is_private_invite(platform, handle):
        return None
    value = quote(handle, safe="+@")
    if platform == "facebook":
        return (f"https://www.facebook.com/profile.php?id={value}" if handle.isdigit()
                else f"https://www.facebook.com/{value}")
    if platform == "youtube":  # channel ids (UC…, 24 characters, case kept) vs @handles (lower-cased)
        is_id = handle.startswith("UC") and len(handle) == 24
        return f"https://www.youtube.com/channel/{value}" if is_id else f"https://www.youtube.com/@{value}"
    if platform == "whatsapp_number":
        return "https://wa.me/" + value.lstrip("+")
    template = TEMPLATES.get(platform)
    return template.format(value) if template else None


def channel_link(channel: OfficialChannel) -> str | None:
    if channel.status != ChannelStatus.ACTIVE:
        return None
    return public_link(channel.platform, channel.handle)
