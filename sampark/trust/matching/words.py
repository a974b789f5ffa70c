"""The words of a handle, and which of them say *whose* it is.

``split_words("JanNeta_ITCell_Kanpur")`` → ``["jan", "neta", "it", "cell", "kanpur"]``: words are cut at
separators, digits and camelCase (of the text as written, look-alikes resolved), and a run of lower-case letters
loses the generic words at its ends ("janandolanlive" → "janandolan" + "live").

A word is *generic* when it says nothing about whose the handle is — official, real, team, IT cell, titles (MLA,
MP, ji), India's states and codes, Uttar Pradesh's districts — and *ordinary* when it is a common English word
(sampark/trust/data/common_words.txt, from wordfreq; see scripts/make_common_words.py) or a common romanised Hindi
word. Both lists are committed files (sampark/trust/data/generic_words.txt is hand-written): nothing is fetched.

An official handle's **distinctive part** is what remains without its generic words ("janneta" in JanNeta_UP,
"kavitarathore" in KavitaRathoreMLA). It is used as a lookalike key only when it is itself distinctive: six
letters or more, and not one ordinary word — "andolan" alone, "neta", "live" are lookalikes of nothing.
"""

import re
from functools import cache, lru_cache
from importlib import resources

from sampark.trust.matching.skeleton import DIGIT_FOR_LETTER, cased, skeleton

MIN_KEY = 6  # a key shorter than this is a word anyone may use
_CHUNKS = re.compile(r"[A-Za-z0-9]+")
# a lone digit inside letters, or starting a word, stands for a letter ("V3rma", "0fficial"); "leader2024" keeps it
_DIGIT_IN_WORD = re.compile(r"(?<=[A-Za-z])[013458](?=[A-Za-z])|(?<![A-Za-z0-9])[013458](?=[A-Za-z]{2})")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def _data(name: str) -> str:
    return resources.files("sampark.trust").joinpath("data", name).read_text("utf-8")


@cache
def generic_words() -> dict[str, tuple[str, str]]:
    """word → (section, label as shown in reasons): sections affix, title, region, hindi."""
    out: dict[str, tuple[str, str]] = {}
    section = ""
    for line in _data("generic_words.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        word, _space, label = line.partition(" ")
        out.setdefault(word, (section, label or word))
    return out


@cache
def ordinary_words() -> frozenset[str]:
    english = (w for w in _data("common_words.txt").splitlines() if w and not w.startswith("#"))
    return frozenset(english) | frozenset(generic_words())


@cache
def _skeleton_words() -> dict[str, str]:
    """skeleton → word, for generic words met in skeleton form ("offlclal" → "official")."""
    return {skeleton(word): word for word in generic_words()}


def is_generic(word: str) -> bool:
    """Added around a name rather than part of it (Hindi ordinary words are part of names: "jan", "andolan")."""
    entry = generic_words().get(word)
    return entry is not None and entry[0] != "hindi"


def is_ordinary(word: str) -> bool:
    return word in ordinary_words()


def label(word: str) -> str:
    """How a reason names ``word``: "IT cell" for itcell; a generic word met as a skeleton by its spelling."""
    entry = generic_words().get(word) or generic_words().get(_skeleton_words().get(word, ""))
    return entry[1] if entry else word


def generic_skeleton(skel: str) -> str | None:
    """The generic word whose skeleton ``skel`` is, if any."""
    word = _skeleton_words().get(skel)
    return word if word and is_generic(word) else None


@lru_cache(maxsize=20_000)
def split_words(text: str) -> tuple[str, ...]:
    """Lower-case words of a handle as written (see the module's docstring)."""
    words: list[str] = []
    text = _DIGIT_IN_WORD.sub(lambda m: DIGIT_FOR_LETTER.get(m[0], m[0]), cased(text))
    for chunk in _CHUNKS.findall(text):
        for piece in _CAMEL.findall(chunk):
            if piece.isdigit() or not (piece.islower() or (piece.isupper() and len(piece) > 4)):
                words.append(piece.lower())
            else:
                words.extend(_peel(piece.lower()))
    return tuple(words)


@cache
def _generic_lengths() -> tuple[frozenset[str], tuple[int, ...]]:
    """The generic words (two letters or more) and their lengths, longest first: a word at either end of a run
    is found with one set lookup per length."""
    words = frozenset(w for w in generic_words() if is_generic(w) and len(w) >= 2)
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def _peel(run: str) -> list[str]:
    """A lower-case run without the generic words at its ends, each kept as a word; the middle is segmented into
    ordinary words when it is made only of them ("janandolan" → jan, andolan), else kept whole."""
    head: list[str] = []
    tail: list[str] = []
    generic, lengths = _generic_lengths()
    changed = True
    while changed and not is_ordinary(run):
        changed = False
        for length in lengths:
            if len(run) - length < 3:
                continue
            if run[:length] in generic:
                head.append(run[:length])
                run = run[length:]
                changed = True
                break
            if run[-length:] in generic:
                tail.insert(0, run[-length:])
                run = run[:-length]
                changed = True
                break
    return head + segment(run) + tail


@lru_cache(maxsize=20_000)
def segment(run: str) -> list[str]:
    """``run`` (nine letters or more) as the fewest ordinary words of three letters or more (Hindi ones of two:
    "ki"), or ``[run]``."""
    if len(run) > 40 or len(run) < 9 or is_ordinary(run):
        return [run]  # a short run is one word: "kavita", not "ka" + "vita"
    ordinary = ordinary_words()
    best: list[list[str] | None] = [[]] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - 20), end):
            before = best[start]
            word = run[start:end]
            if before is None or word not in ordinary or (len(word) < 3 and generic_words().get(word) is None):
                continue
            if best[end] is None or len(before) + 1 < len(best[end]):
                best[end] = before + [word]
    return best[-1] or [run]


def distinctive(words: tuple[str, ...] | list[str]) -> bool:
    """Whether words (joined) can say whose a handle is: long enough and not one ordinary word."""
    joined = "".join(words)
    if len(joined) < MIN_KEY:
        return False
    return not (len(words) == 1 and is_ordinary(words[0])) and not (is_ordinary(joined))


def name_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of an official handle that are not generic (nor numbers)."""
    return tuple(w for w in words if not w.isdigit() and not is_generic(w))
