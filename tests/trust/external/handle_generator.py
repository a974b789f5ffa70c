"""An independent generator of handle impersonations, for measuring the detector from outside.

``variants("@JanNeta_UP")`` yields ``(variant, class)`` pairs: the tricks an impersonator uses on a social handle.
It imports nothing from ``sampark`` (its confusable, keyboard and word tables are its own, written from Unicode's
charts and a QWERTY keyboard, not from the detector's), so a detector cannot pass it by sharing its blind spots.
Random choices come from ``random.Random(seed + handle)``: the same handle and seed always give the same variants.
"""

import random
import re
from collections.abc import Iterator

# Latin letter -> look-alikes from other scripts (Cyrillic, Greek, Armenian), capitals included.
HOMOGLYPHS = {
    "a": "аα", "c": "сϲ", "e": "еε", "i": "іι", "j": "ј", "o": "оοօ", "p": "рρ", "s": "ѕ", "x": "хχ", "y": "уγ",
    "h": "һ", "d": "ԁ", "q": "ԛ", "w": "ԝ", "n": "ո", "u": "υս", "v": "ν", "k": "κ", "g": "ɡ",
    "A": "АΑ", "B": "ВΒ", "C": "СϹ", "E": "ЕΕ", "H": "НΗ", "I": "ІΙ", "J": "Ј", "K": "КΚ", "M": "МΜ", "N": "Ν",
    "O": "ОΟ", "P": "РΡ", "S": "Ѕ", "T": "ТΤ", "X": "ХΧ", "Y": "ҮΥ", "Z": "Ζ",
}
# letter -> small capital or other Latin look-alike (IPA, Latin Extended)
SMALL_CAPS = {
    "a": "ᴀ", "b": "ʙ", "c": "ᴄ", "d": "ᴅ", "e": "ᴇ", "g": "ɢ", "h": "ʜ", "i": "ɪ", "j": "ᴊ", "k": "ᴋ", "l": "ʟ",
    "m": "ᴍ", "n": "ɴŋ", "o": "ᴏ", "p": "ᴘ", "r": "ʀ", "s": "ꜱ", "t": "ᴛ", "u": "ᴜ", "v": "ᴠ", "w": "ᴡ", "y": "ʏ",
    "z": "ᴢ",
}
# ASCII sequences that read as another sequence at a glance (both directions are used)
LETTER_PAIRS = [("m", "rn"), ("d", "cl"), ("m", "nn"), ("w", "vv"), ("l", "I"), ("I", "l"), ("O", "Q")]
DIGITS = {"o": "0", "i": "1", "l": "1", "e": "3", "a": "4", "s": "5", "b": "8", "g": "9", "t": "7", "z": "2"}
VOWELS = "aeiou"
KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
WORDS = [
    "helpdesk", "help", "helpline", "admin", "itcell", "it_cell", "team", "official", "news", "updates", "update",
    "support", "care", "connect", "seva", "sewa", "parivar", "yuva", "mahila", "kisan", "media", "live", "tv",
    "office", "desk", "cell", "group", "samachar", "sandesh", "sampark", "join", "jodo", "membership", "member",
    "volunteer", "volunteers", "campaign", "digital", "social", "online", "fans", "fanclub", "supporters", "army",
    "force", "sena", "morcha", "wing", "ki_awaaz", "speaks", "voice", "info", "verified", "real", "original",
    "hq", "india", "bharat", "hindi", "2024", "2029", "new", "backup", "page", "channel", "mitra", "karyakarta",
]
REGIONS = ["UP", "BR", "MP", "RJ", "DL", "HR", "MH", "GJ", "JH", "UK", "Lko", "Patna", "Kanpur", "Varanasi",
           "Agra", "Gaya", "Indore", "Jaipur", "Delhi", "Bihar", "Purvanchal", "Awadh"]
OFFICIAL_TYPOS = ["offical", "oficial", "officail", "offcial", "ofiicial", "officiall", "offical_", "0fficial",
                  "offcl", "offl", "offc", "ofcl", "officia", "offical1", "official1"]
SEPARATORS = ["_", ".", "", "__", "-"]
CLASSES = ["homoglyph_script", "small_caps", "letter_pairs", "digit_for_letter", "replacement", "vowel_swap",
           "keyboard_neighbour", "insertion", "omission", "repetition", "transposition", "separator_change",
           "affix_word", "affix_typo", "truncation"]


def _neighbours() -> dict[str, str]:
    near: dict[str, set[str]] = {}
    for r, row in enumerate(KEYBOARD_ROWS):
        for c, ch in enumerate(row):
            found = near.setdefault(ch, set())
            for dr in (-1, 0, 1):
                if not 0 <= r + dr < len(KEYBOARD_ROWS):
                    continue
                other = KEYBOARD_ROWS[r + dr]
                for dc in (-1, 0, 1):
                    if (dr, dc) != (0, 0) and 0 <= c + dc < len(other):
                        found.add(other[c + dc])
    return {ch: "".join(sorted(n)) for ch, n in near.items()}


KEYBOARD = _neighbours()


def _same_case(template: str, ch: str) -> str:
    return ch.upper() if template.isupper() else ch


def tokens(name: str) -> list[str]:
    """CamelCase and separators split: "JanNeta_UP" -> ["Jan", "Neta", "UP"]."""
    return [t for t in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", name) if t]


def _letters(name: str) -> list[int]:
    return [i for i, ch in enumerate(name) if ch.isalpha()]


def _at(name: str, i: int, text: str, drop: int = 1) -> str:
    return name[:i] + text + name[i + drop:]


def _all(name: str) -> dict[str, list[str]]:
    """Every variant of ``name`` (without "@") by class, before sampling."""
    out: dict[str, list[str]] = {c: [] for c in CLASSES}
    letters = _letters(name)
    for i in letters:
        ch = name[i]
        for g in HOMOGLYPHS.get(ch, ""):
            out["homoglyph_script"].append(_at(name, i, g))
        for g in SMALL_CAPS.get(ch.lower(), ""):
            out["small_caps"].append(_at(name, i, g))
        if ch.lower() in DIGITS:
            out["digit_for_letter"].append(_at(name, i, DIGITS[ch.lower()]))
        for other in "abcdefghijklmnopqrstuvwxyz":
            if other != ch.lower():
                out["replacement"].append(_at(name, i, _same_case(ch, other)))
        if ch.lower() in VOWELS:
            for v in VOWELS:
                if v != ch.lower():
                    out["vowel_swap"].append(_at(name, i, _same_case(ch, v)))
        for n in KEYBOARD.get(ch.lower(), ""):
            out["keyboard_neighbour"].append(_at(name, i, _same_case(ch, n)))
        for n in KEYBOARD.get(ch.lower(), "")[:4]:
            out["insertion"].append(_at(name, i, ch + n, 1))
        out["omission"].append(_at(name, i, ""))
        out["repetition"].append(_at(name, i, ch + ch))
    for i in range(len(name) - 1):
        if name[i] != name[i + 1] and name[i].isalpha() and name[i + 1].isalpha():
            out["transposition"].append(name[:i] + name[i + 1] + name[i] + name[i + 2:])
    # letter pairs apply to the lowercase form as well: "rn" passes for "m" in lower case
    for base in {name, name.lower()}:
        for a, b in LETTER_PAIRS:
            for m in re.finditer(re.escape(a), base):
                out["letter_pairs"].append(_at(base, m.start(), b, len(a)))
            for m in re.finditer(re.escape(b), base):
                out["letter_pairs"].append(_at(base, m.start(), a, len(b)))
    parts = tokens(name)
    joined_sep = next((s for s in "_." if s in name), "")
    for sep in SEPARATORS:
        if sep != joined_sep and len(parts) > 1:
            out["separator_change"].append(sep.join(parts))
    if joined_sep:
        out["separator_change"].append(name.replace(joined_sep, joined_sep * 2, 1))
    sep = joined_sep or "_"
    region_last = len(parts) > 1 and parts[-1].isupper() and len(parts[-1]) <= 3
    # the distinctive part without its last token when that token is a region code or a title ("UP", "MLA")
    titled = len(parts) > 2 and parts[-1].lower() in {"official", "ji", "mla", "mp", "speaks", "live", "tv"}
    core = name[:name.rfind(parts[-1])].rstrip("._-") if region_last or titled else name
    for word in WORDS:
        w = word.title().replace("_", "") if name[:1].isupper() else word
        out["affix_word"] += [name + sep + w, name + w, w + sep + name, core + sep + w]
        if region_last:
            out["affix_word"].append(core + sep + w + sep + parts[-1])
    for region in REGIONS:
        out["affix_word"].append(core + sep + "ITCell" + sep + region)
    stripped = re.sub(r"(?i)[._]?official$", "", name)
    for typo in OFFICIAL_TYPOS:
        t = typo.title() if name[:1].isupper() else typo
        out["affix_typo"] += [stripped + t, stripped + sep + t, core + sep + t]
    for cut in (1, 2, 3):
        if len(name) - cut >= 7:
            out["truncation"].append(name[:-cut].rstrip("._-"))
    if len(parts) > 1 and len(core) >= 7 and core != name:
        out["truncation"].append(core)
    if len(parts) > 2:
        out["truncation"].append(parts[0][0] + name[len(parts[0]):])  # first word as an initial
    off = re.search(r"(?i)official$", name)
    if off:
        for short in ("Offcl", "Offl", "Off", "Ofcl", "Offic"):
            out["truncation"].append(name[:off.start()] + (short if name[off.start()].isupper() else short.lower()))
    return out


def variants(handle: str, per_class: int = 6, seed: int = 12, exclude: frozenset[str] = frozenset(),
             platform: str = "") -> Iterator[tuple[str, str]]:
    """Up to ``per_class`` distinct impersonations of ``handle`` per class, as ``(variant, class)``.

    ``exclude`` holds lowercase handles never to yield (the registry itself: a variant that *is* another official
    handle is no impersonation). A variant equal to the handle but for case is never yielded, nor, on Facebook
    (which ignores dots in usernames), one that differs from it only by dots.
    """
    name = handle.lstrip("@")
    rng = random.Random(f"{seed}:{name}")
    skip = {name.lower(), *exclude}

    def same(v: str) -> bool:
        if platform == "facebook":
            return v.replace(".", "").lower() == name.replace(".", "").lower()
        return v.lower() == name.lower()

    for cls, found in _all(name).items():
        unique = sorted({v for v in found if v.lower() not in skip and v.strip("._-") and not same(v)})
        for v in rng.sample(unique, min(per_class, len(unique))):
            yield v, cls
