"""Skeletons: the key two handles share when they look alike, so "s0me_leader" and "someleader" compare equal.

The first step is Unicode's own (UTS #39 "skeleton": decomposition — NFKD here, so full-width and
mathematical letters fold as well — then every character mapped to the prototype of its
confusable class — Cyrillic "а" to Latin "a", "ｍ" and "m" to "rn", "1", "I" and "|" to "l"). The data are
Unicode's confusables.txt as shipped by the ``confusable-homoglyphs`` package, read from the installed package,
never fetched. Then the tricks Unicode leaves out but impersonators use on handles: Latin letters Unicode does not
list as confusable (small capitals "ᴀ ʙ ɴ ʀ", "ŋ", letters with hooks and strokes: folded by their Unicode name),
case, accents, the separators ``_ . -``, digits for letters (0/o, 1/l/i, 3/e, 4/a, 5/s, 8/b) and ASCII letter pairs
that read as one (rn/m, vv/w, cl/d, nn/m).

The skeleton is taken of the text *as written*, before any lower-casing: Cyrillic "В" is Latin "B", but its small
form "в" looks like nothing Latin, so folding case first would lose it.

Everything is ``str.translate`` and ``str.replace`` (C loops): the bulk scan skeletonises a million handles.
"""

import json
import re
import unicodedata
from functools import cache
from importlib import resources

SEPARATORS = "_.- "
# digit → the letter it stands in for; i → l because a capital I and a small l are one glyph in most fonts
DIGIT_FOR_LETTER = {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "8": "b"}
# after lower-casing; "m" itself maps to "rn" in Unicode's data, so this folds both. "nn" before "rn": "rnn"
PAIRS = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("nn", "m"))


@cache
def unicode_prototypes() -> dict[int, str]:
    """Character → prototype, from the confusables data.

    The package stores each class as a star: the prototype lists every look-alike, each look-alike lists only its
    prototype. When a class has two members and the direction is lost, the smaller code point is taken as the
    prototype — consistent, so both members still get one key.
    """
    raw = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    data = {key: [entry["c"].replace("\u200e", "") for entry in entries] for key, entries in raw.items()}
    table: dict[int, str] = {}
    for char, alikes in data.items():
        if len(char) != 1 or len(alikes) != 1:
            continue  # a prototype (several look-alikes) or a multi-character sequence
        target = alikes[0]
        pair = len(target) == 1 and data.get(target) == [char]
        if pair and ord(target) > ord(char):
            continue
        table[ord(char)] = target
    return table


@cache
def _table() -> dict[int, str | None]:
    # Unicode's prototype of "m" is "rn"; here an m-look-alike becomes "m", so that a *written* "rn" stays visible
    # until the pair fold (the loose skeleton keeps it, for edits like "kirn" ← "kiran")
    table: dict[int, str | None] = {
        code: "m" if proto == "rn" else proto for code, proto in unicode_prototypes().items()
    }
    for code, letter in latin_by_name().items():
        if code not in table or not table[code].isascii():  # "ᴍ" is confusable with "ʍ" (turned w): it reads m
            table[code] = letter
    for ch in SEPARATORS:
        table[ord(ch)] = None
    return table


_LATIN_NAME = re.compile(
    r"^LATIN (SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL |INVERTED SMALL CAPITAL |TURNED SMALL CAPITAL |REVERSED |"
    r"SCRIPT |DOTLESS |BARRED |CLOSED |OPEN |STRETCHED |LONG )?([A-Z])(?: WITH .*| BAR| HOOK| STROKE)?$")
_LATIN_RANGES = ((0x00C0, 0x02B0), (0x1D00, 0x1DC0), (0x1E00, 0x1F00), (0x2C60, 0x2C80), (0xA720, 0xA800),
                 (0xAB30, 0xAB70))


@cache
def latin_by_name() -> dict[int, str]:
    """Latin letters that Unicode's confusables leave out, by their names: "LATIN LETTER SMALL CAPITAL N" → "n",
    "LATIN SMALL LETTER ENG" (ŋ) → "n", "LATIN CAPITAL LETTER D WITH STROKE" → "D"."""
    table = {}
    for start, end in _LATIN_RANGES:
        for code in range(start, end):
            name = unicodedata.name(chr(code), "")
            match = _LATIN_NAME.match(name)
            if match:
                small = match[1] == "SMALL " or "SMALL CAPITAL" in name
                table[code] = match[2].lower() if small else match[2]
    table.update({0x014B: "n", 0x014A: "N"})  # eng: an n with a tail
    return table


@cache
def _fold_table() -> dict[int, str | None]:
    fold: dict[int, str | None] = {ord(d): letter for d, letter in DIGIT_FOR_LETTER.items()}
    fold[ord("i")] = "l"
    for code in range(0x0300, 0x0370):  # combining accents, split off by NFD: "é" reads as "e"
        fold[code] = None
    return fold


def skeleton(text: str, pairs: bool = True) -> str:
    """The look-alike key of ``text`` (a handle or a domain label). ``pairs=False``: the loose skeleton, with
    "rn" and "vv" left as written."""
    if text.isascii():
        table, expansions = _ascii_tables()
        folded = text.encode("ascii").translate(table, SEPARATORS.encode()).decode("ascii")
        for char, expansion in expansions:
            if char in folded:
                folded = folded.replace(char, expansion)
    else:
        folded = _slow_fold(text)
    return fold_pairs(folded) if pairs else folded


def _slow_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).translate(_table()).lower()
    return unicodedata.normalize("NFKD", text).translate(_fold_table())


def fold_pairs(folded: str) -> str:
    """rn → m, vv → w: the last step of a skeleton."""
    for pair, single in PAIRS:
        if pair in folded:
            folded = folded.replace(pair, single)
    return folded


@cache
def _ascii_tables() -> tuple[bytes, list[tuple[str, str]]]:
    """The general path, precomputed for each ASCII character: a byte table (bytes.translate is one C loop) and
    the few characters Unicode expands to several ('"' → "''")."""
    table = bytearray(range(256))
    expansions = []
    for code in range(128):
        char = chr(code)
        if char in SEPARATORS:
            continue
        folded = _slow_fold(char)
        if len(folded) == 1 and folded.isascii():
            table[code] = ord(folded)
        else:
            expansions.append((char, folded))
    return bytes(table), expansions


def cased(text: str) -> str:
    """``text`` with look-alikes resolved and accents dropped but case and separators kept: "ЈanΝeta_UP" →
    "JanNeta_UP". Words are split on it (camelCase), and reasons quote its letters."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text).translate(_cased_table())
    return unicodedata.normalize("NFKD", text).translate(_accents_table())


@cache
def _cased_table() -> dict[int, str]:
    table = {code: ("m" if proto == "rn" else proto) for code, proto in unicode_prototypes().items() if code > 0x7F}
    for code, letter in latin_by_name().items():
        if code not in table or not table[code].isascii():
            table[code] = letter
    return table


def letters(text: str) -> str:
    """``text`` with non-ASCII look-alikes resolved and lower-cased, separators, digits and letter pairs kept: the
    stage at which reasons ("digit 8 in place of letter b", "rn in place of m") are read off."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text).translate(_foreign_table()).lower()
    return unicodedata.normalize("NFKD", text).translate(_accents_table())


@cache
def _foreign_table() -> dict[int, str]:
    return {code: proto for code, proto in unicode_prototypes().items() if code > 0x7F}


@cache
def _accents_table() -> dict[int, None]:
    return dict.fromkeys(range(0x0300, 0x0370))


def script_of(char: str) -> str:
    """"CYRILLIC", "GREEK", "LATIN", "DEVANAGARI", … from the character's Unicode name ("" when unnamed)."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""
