"""Taking personal links and forged lines out of what is written down: the access log, sent SMS bodies.

A personal profile link (`/p/<token>`) works like a password to that supporter's profile, and a log or a
stored message body is read by far more people than the supporter: operators, backups, log shippers.
"""

import re

# /p/ then the token (public id + MAC, letters and digits; anything a probe sends up to the next separator)
PERSONAL_PATH = r"/p/[^/?#\s\"]+"
REDACTED_LINK = "/p/[redacted]"
_PATH = re.compile(r"\A" + PERSONAL_PATH)


def personal_links(text: str) -> str:
    """``text`` with our own personal links redacted (others' /p/ links, an Instagram post in a fake warning,
    stay as they are)."""
    from django.conf import settings

    return re.sub(re.escape(settings.PUBLIC_URL) + PERSONAL_PATH, settings.PUBLIC_URL + REDACTED_LINK, text)


def path_without_token(path: str) -> str:
    """A request path with a personal link's token redacted."""
    return _PATH.sub(REDACTED_LINK, path)


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (decoded with surrogateescape): the byte itself
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# Anything that is not printable (newline, carriage return, ESC and the rest of C0/C1, U+2028 line separator,
# bidi controls...), and the quote and backslash that delimit and escape a logged field.
_UNSAFE = re.compile(
    r'["\\]|[^\x20-\x7e\xa0-\U0010ffff]|[\ud800-\udfff\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]'
)


def log_safe(text: str) -> str:
    """One log field that cannot end its line or look like another: each unsafe character as \\xNN or \\uNNNN."""
    return _UNSAFE.sub(lambda match: _escape(match.group()), text)


class RedactFilter:
    """A logging filter for every handler: personal links out of a record's arguments and no line breaks or
    terminal escapes in them. Django's own 404 warning ("Not Found: /p/<token>") names the path it refused."""

    def filter(self, record) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(log_safe(personal_links(path_without_token(arg))) if isinstance(arg, str) else arg
                                for arg in record.args)
        return True
