"""SMS length and cost: GSM-7 vs UCS-2 segment counting, and DLT ``{#var#}`` templates.

A message that fits the GSM 03.38 alphabet goes as 7-bit septets: 160 in one SMS, 153 per part once it is split
(the user-data header takes the rest). One character outside it (any Devanagari letter, an emoji) sends the whole
message as UCS-2: 70 in one SMS, 67 per part. That is why a Hindi SMS costs ~2.3x per character.
"""

import re
from dataclasses import dataclass

GSM7 = "GSM-7"
UCS2 = "UCS-2"

# GSM 03.38 basic character set (one septet each). 0x1B (escape) is left out: it only introduces the extension.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Extension table: sent as ESC + character, so each costs two septets.
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

LIMITS = {
    # encoding: (one-part limit, per-part limit when concatenated)
    GSM7: (160, 153),
    UCS2: (70, 67),
}

VAR = "{#var#}"  # the DLT platforms' variable placeholder


@dataclass(frozen=True)
class Segments:
    encoding: str  # "GSM-7" or "UCS-2"
    characters: int  # length as the network counts it: septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int  # SMS parts billed; 0 for an empty body
    per_segment: int  # capacity of each part at this length: 160/153 (GSM-7) or 70/67 (UCS-2)


def is_gsm7(body: str) -> bool:
    return all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in body)


def _units(body: str, encoding: str) -> list[int]:
    """Cost of each character in the encoding's units; a part boundary never splits one character."""
    if encoding == GSM7:
        return [2 if ch in GSM7_EXTENSION else 1 for ch in body]
    # UTF-16: characters outside the Basic Multilingual Plane (emoji) take a surrogate pair.
    return [2 if ord(ch) > 0xFFFF else 1 for ch in body]


def count(body: str) -> Segments:
    encoding = GSM7 if is_gsm7(body) else UCS2
    single, multi = LIMITS[encoding]
    units = _units(body, encoding)
    total = sum(units)
    if total == 0:
        return Segments(encoding, 0, 0, single)
    if total <= single:
        return Segments(encoding, total, 1, single)
    # Fill parts greedily, as handsets and gateways do: an escape sequence (GSM-7) or surrogate pair (UCS-2)
    # that does not fit at the end of a part moves whole to the next, so ceil(total / multi) can undercount.
    parts, used = 1, 0
    for cost in units:
        if used + cost > multi:
            parts += 1
            used = 0
        used += cost
    return Segments(encoding, total, parts, multi)


def variable_count(body: str) -> int:
    return body.count(VAR)


def fill(template_body: str, values: list[str]) -> str:
    """Replace each ``{#var#}`` in order. Values are inserted verbatim (a value holding ``{#var#}`` stays as is)."""
    pieces = template_body.split(VAR)
    expected = len(pieces) - 1
    if len(values) != expected:
        raise ValueError(f"template has {expected} {{#var#}} variable(s) but {len(values)} value(s) were given")
    out = [pieces[0]]
    for value, piece in zip(values, pieces[1:], strict=True):
        out.append(str(value))
        out.append(piece)
    return "".join(out)


def extract(template_body: str, body: str) -> list[str]:
    """The values that ``fill(template_body, values)`` turned into ``body``; ValueError if it does not match.

    Used by providers (MSG91) that keep the template text themselves and want only the variables. Where a value
    could split two ways (it contains the template's own literal text) the shortest leading values win.
    """
    pieces = template_body.split(VAR)
    pattern = "(.*?)".join(re.escape(piece) for piece in pieces)
    match = re.fullmatch(pattern, body, flags=re.DOTALL)
    if match is None:
        raise ValueError("body does not match the template")
    return list(match.groups())
