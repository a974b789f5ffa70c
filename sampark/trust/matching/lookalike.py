"""How much a queried handle, site or number looks like an official channel, and why — in words a person can read.

``compare(query, channel)`` scores one pair: 0..1 plus reasons ("Cyrillic 'В' in place of Latin 'B'", "one letter
changed: p → q", "adds 'IT cell'", "words reordered", "look-alike domain", …). The gate is a generic model of
*distinctive* names (see "handles" below): any small change of a distinctive official name, or the name with other
words beside it, is a risk; a short or ordinary word ("andolan", "neta") is a lookalike of nothing.

``Index`` holds the registry's channels pre-digested (skeletons, keys, deletion neighbourhoods, anchors) so that
verify compares a query against a handful of candidates instead of every channel; the bulk scan (``matching.scan``)
uses the same dictionaries.
"""

import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import permutations

from django.utils.translation import gettext
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from sampark.trust.matching.handles import Handle, parse
from sampark.trust.matching.skeleton import DIGIT_FOR_LETTER, PAIRS, SEPARATORS, cased, script_of, skeleton
from sampark.trust.matching.words import (
    MIN_KEY,
    distinctive,
    generic_skeleton,
    generic_words,
    is_generic,
    is_ordinary,
    label,
    name_words,
    split_words,
)

THRESHOLD = 0.75  # at or above: impersonation risk
SOCIAL = frozenset({"x", "facebook", "instagram", "youtube", "telegram"})
NUMBERS = frozenset({"phone", "whatsapp_number"})
WEB = frozenset({"website", "email"})
CROSS_PLATFORM = 0.05  # less for the same name on another social platform: likely, but may be a namesake's
SIMILAR_LETTERS = {frozenset(p) for p in ("uv", "ce", "gq", "ij")}  # not vowels: "mohan" and "mahan" are names
SECOND_LEVEL = {"co.in", "org.in", "net.in", "gov.in", "nic.in", "ac.in", "edu.in", "res.in", "firm.in", "gen.in",
                "ind.in", "co.uk", "org.uk", "com.au"}
PLATFORM_NAMES = {"x": "X", "facebook": "Facebook", "instagram": "Instagram", "youtube": "YouTube",
                  "telegram": "Telegram"}


@dataclass(frozen=True)
class Reason:
    """A reason kept untranslated until shown: the bulk scan builds hundreds of thousands it never shows.

    ``_("adds '%(word)s'") % {"word": "official"}`` reads like gettext, and makemessages finds the ``_`` calls.
    """

    text: str
    params: tuple = ()

    def __mod__(self, params: dict) -> "Reason":
        return Reason(self.text, tuple(params.items()))

    def __str__(self) -> str:
        translated = gettext(self.text)
        return translated % dict(self.params) if self.params else translated


_ = Reason


@dataclass
class Resemblance:
    score: float
    reasons: list[Reason] = field(default_factory=list)

    def texts(self) -> list[str]:
        """The reasons in the active language."""
        return [str(reason) for reason in self.reasons]


@dataclass(frozen=True)
class Channel:
    """What the matcher needs of an official channel; the registry row is fetched only for the answer."""

    id: int
    platform: str
    handle: str
    retired: bool = False
    display: str = ""  # as registered ("@JanNeta_UP"): its camelCase splits the words


def family(platform: str | None) -> str:
    if platform is None or platform in SOCIAL:
        return "social"
    if platform in NUMBERS:
        return "number"
    if platform in WEB:
        return "web"
    return platform  # WhatsApp channels and groups: random invite codes, compared exactly or not at all


def compatible(query_platform: str | None, channel_platform: str) -> bool:
    """Whether a lookalike of ``channel_platform`` can be asked about as ``query_platform``."""
    fam = family(query_platform)
    if query_platform == "email" and family(channel_platform) == "social":
        return True  # an address named after an official account: "janneta.up.helpdesk@gmail.com"
    return fam in ("social", "number", "web") and fam == family(channel_platform)


# ---------------------------------------------------------------- handles
#
# One generic model instead of a list of tricks. An official handle is digested once (``Official``): its skeleton,
# its words, and its *keys* — the whole handle and its distinctive part (without generic words such as MLA, UP,
# official; see ``words``), each used only when distinctive. A query resembles it when its skeleton
#   1. equals the official skeleton (look-alike characters, digits for letters, separators, case);
#   2. is one edit away from a key (any letter replaced, added, dropped, repeated, two swapped), or two on keys of
#      ten letters or more;
#   3. is a key cut short (six letters or more, itself distinctive);
#   4. contains a key, with any other words beside it ("JanNeta_Helpdesk"), or a key of eight letters or more
#      with one edit;
#   5. has the official's words in another order; or its initials as a word beside a generic one ("JA_ITCell").
# The named tricks (keyboard neighbour, vowel, digit for letter, confusable, "adds 'IT cell'") are explanations
# read off the difference afterwards, not gates.

SAME_SKELETON, CONTAINS_KEY, REORDERED, ONE_EDIT, NAME_ALONE = 0.95, 0.88, 0.9, 0.9, 0.85
CUT_SHORT, TWO_EDITS, KEY_WITH_EDIT, INITIALS = 0.82, 0.8, 0.8, 0.8
LONG_KEY = 10  # two edits allowed from here on
CUT_TO = 0.7  # a name cut short keeps this much of it at least
APPROX_INSIDE = 8  # a key this long may carry one edit inside a longer handle
ANCHOR = 5  # anchor length: a key inside a query contains its first ANCHOR letters (index by anchors)
VOWELS = frozenset("aeiou")
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@cache
def _keyboard() -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {}
    for r, row in enumerate(KEYBOARD_ROWS):
        for i, ch in enumerate(row):
            around = {row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)}
            for other in (r - 1, r + 1):
                if 0 <= other < len(KEYBOARD_ROWS):
                    around |= {KEYBOARD_ROWS[other][j] for j in (i - 1, i, i + 1) if 0 <= j < len(KEYBOARD_ROWS[other])}
            near[ch] = around
    return {ch: frozenset(v) for ch, v in near.items()}


@dataclass(frozen=True)
class Key:
    text: str  # a skeleton
    plain: str  # the same letters as written, lower-cased (what reasons compare against)
    left_out: tuple[str, ...] = ()  # official words this key leaves out ("mla")
    full: bool = False  # the whole handle
    abbreviated: bool = False  # "krathore": matched as it is or inside a longer handle, never with an edit
    edges: tuple[int, ...] = ()  # where its words end, in the skeleton


@dataclass(frozen=True)
class Official:
    """An official handle digested for matching (see the comment above)."""

    handle: str
    written: str  # as registered, case kept ("JanNeta_UP")
    skel: str
    words: tuple[str, ...]
    keys: tuple[Key, ...]
    initials: frozenset[str]

    @classmethod
    @lru_cache(maxsize=20_000)
    def of(cls, handle: str, display: str = "") -> "Official":
        written = _written(handle, display)
        words = split_words(written)
        skel = skeleton(written)
        keys = [Key(skel, _flat(written), (), True, edges=_edges(words))] if distinctive(words) else []
        names = name_words(words)
        left_out = tuple(w for w in words if w not in names)
        name_key = skeleton("".join(names))
        if left_out and distinctive(names) and name_key != skel:
            keys.append(Key(name_key, "".join(names), left_out, edges=_edges(names)))
        if len(names) >= 2 and len("".join(names[1:])) >= 5:  # "KRathore" for Kavita Rathore
            short = names[0][0] + "".join(names[1:])
            if not is_ordinary(names[-1]) or len(names) > 2:
                keys.append(Key(skeleton(short), short, (names[0],), abbreviated=True))
        if len(names) >= 2 and left_out and len(words) >= 3:  # "JNeta_UP", "JAndolanTV": the initial, then the rest
            whole = names[0][0] + "".join(w for w in words[1:] if not w.isdigit())
            if len(whole) >= 7:
                keys.append(Key(skeleton(whole), whole, (names[0],), abbreviated=True))
        initials = set()
        letters_ = "".join(w[0] for w in names)
        if len(letters_) >= 2:
            initials.add(letters_)
            initials.update(letters_ + w for w in left_out if generic_words().get(w, ("",))[0] == "region")
        # the same keys with letter pairs as written ("jannetaup" beside "jametaup"): an edit next to a pair
        keys += [Key(skeleton(k.plain, pairs=False), k.plain, k.left_out, k.full, k.abbreviated) for k in keys
                 if not k.abbreviated and skeleton(k.plain, pairs=False) != k.text]
        return cls(handle, written, skel, words, tuple(dict.fromkeys(keys)), frozenset(initials))


def _edges(words: tuple[str, ...]) -> tuple[int, ...]:
    out, at = [], 0
    for word in words:
        at += len(skeleton(word))
        out.append(at)
    return tuple(out)


def _two_edits_apart(mine: str, key: Key) -> bool:
    """Two edits count only when they fall in different words of the key, or in one long word: two changes in
    one short word make another name ("deepika" for "deepak", "chahar" for "chauhan")."""
    if not key.edges:
        return len(key.text) >= 14
    ops = Levenshtein.editops(mine, key.text)
    # a letter added at the end of a word is that word's (its position is the next word's start)
    positions = [op.dest_pos - 1 if op.tag == "delete" and op.dest_pos in key.edges else op.dest_pos for op in ops]
    words = {next((i for i, end in enumerate(key.edges) if at < end), len(key.edges)) for at in positions}
    if len(words) > 1:
        return True
    word = next(iter(words))
    start = key.edges[word - 1] if 0 < word <= len(key.edges) else 0
    end = key.edges[word] if word < len(key.edges) else len(key.text)
    return end - start >= 8


def _written(handle: str, display: str) -> str:
    if display:
        parsed = parse(display)
        if parsed.value == handle and parsed.written:
            return parsed.written
    return handle


def compare_handles(query: str, official: str, had_invisible: bool = False, written: str = "",
                    official_display: str = "") -> Resemblance | None:
    """How much handle ``query`` (as written: ``written``) looks like ``official`` (normal forms from handles)."""
    if not query or not official or (query == official and not written):
        return None
    mine = written or query
    q_skel = skeleton(mine)
    o = Official.of(official, official_display)
    found = _match(mine, q_skel, o)
    if found is None:
        return None
    score, reasons = found
    tricks = _foreign_characters(mine) + _digits_in_words(mine)
    if had_invisible:
        tricks.insert(0, _("contains invisible characters"))
    if score == SAME_SKELETON and _separators(cased(mine)) != _separators(o.written):
        reasons.append(_("different separators (_ . -)"))
    return Resemblance(round(score, 3), _unique(tricks + reasons))


def _match(mine: str, q_skel: str, o: Official) -> tuple[float, list[Reason]] | None:
    if not q_skel or not o.skel:
        return None
    if q_skel == o.skel:
        return SAME_SKELETON, _differences(_flat(mine), _flat(o.written))
    if len(o.skel) < 3:
        return None
    if _reordered(mine, q_skel, o):
        return REORDERED, [_("words reordered")]
    core = _EDGE_DIGITS.sub("", mine)
    if core != mine and len(core) >= 3:  # "leader2024": a number added; a digit *inside* a name is a letter
        found = _match(core, skeleton(core), o)
        if found is not None:
            return found[0] - 0.02, [*found[1], _("adds numbers")]
    best: tuple[float, list[Reason]] | None = None
    q_loose = skeleton(mine, pairs=False) if not mine.isascii() or any(p in q_skel for p in ("m", "w", "d")) \
        else q_skel
    for key in o.keys:
        found = _against_key(mine, q_skel, q_loose, key)
        if found and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        best = _ordinary_name_with_claim(mine, o)
    if best is None:
        best = _initials(mine, o)
    return best


def _ordinary_name_with_claim(mine: str, o: Official) -> tuple[float, list[Reason]] | None:
    """An official whose name is one ordinary word ("Andolan" of AndolanUP) is not resembled by that word, nor by
    it with any word ("kisan_andolan_diary"); but it is by that word with only words that claim to speak for the
    owner: official (misspelt too), IT cell, helpdesk, admin, join… ("Andolan_Official", "Andolan_Join")."""
    names = name_words(o.words)
    if len(names) != 1 or len(names[0]) < 5:
        return None
    words = _join_phrases(list(split_words(mine)))
    if len(words) < 2 or skeleton(words[0]) != skeleton(names[0]) and skeleton(words[-1]) != skeleton(names[0]):
        return None
    rest = [w for w in words if skeleton(w) != skeleton(names[0])]
    if len(rest) != len(words) - 1 or not all(w in CLAIMS or _misspelt_generic(w) in CLAIMS for w in rest):
        return None
    return KEY_WITH_EDIT, _added_words(rest)


def claims_to_speak(text: str) -> bool:
    """Whether ``text`` has a word that claims to speak for someone (official, helpdesk, IT cell, join…)."""
    return any(w in CLAIMS or _misspelt_generic(w) in CLAIMS for w in _join_phrases(list(split_words(text))))


# words that claim to speak for a channel's owner (the affixes an ordinary name alone may not carry)
CLAIMS = frozenset({
    "official", "officials", "offical", "real", "original", "team", "itcell", "cell", "helpdesk", "helpline", "help",
    "desk", "care", "admin", "admins", "support", "office", "hq", "join", "verify", "verified", "login",
    "membership", "member", "members", "donate", "donation", "connect", "contact", "karyakarta", "volunteer",
    "volunteers", "unit", "wing", "warroom", "portal", "account", "secure", "pay", "payment",
})


def _against_key(mine: str, q_skel: str, q_loose: str, key: Key) -> tuple[float, list[Reason]] | None:
    target = key.text
    without = [_("the official name without '%(word)s'") % {"word": label(w)} for w in key.left_out[:1]]
    if q_skel == target:
        return NAME_ALONE, without
    n = len(target)
    if key.abbreviated:  # "KRathoreMLA": at the start of a word only ("meenaverma" holds "averma")
        at = q_skel.find(target)
        if at < 0 or not _on_word_edges(mine, (at, at + n)):
            return None
        return CONTAINS_KEY, [_("the official name abbreviated"), *_added(mine, q_skel, at, at + n)]
    distance = min(OSA.distance(q_skel, target, score_cutoff=2), OSA.distance(q_loose, target, score_cutoff=2))
    if distance == 2 and n >= LONG_KEY:
        mine_closest = q_skel if OSA.distance(q_skel, target) == 2 else q_loose
        if not _two_edits_apart(mine_closest, key):
            distance = 3
    if distance == 1 or (distance == 2 and n >= LONG_KEY):
        score = (ONE_EDIT if distance == 1 else TWO_EDITS) - (0.03 if key.left_out else 0.0)
        return score, _differences(_flat(mine), key.plain) + without
    if target.startswith(q_skel) and len(q_skel) >= max(MIN_KEY, CUT_TO * n) and distinctive(split_words(mine)):
        return CUT_SHORT, [_("name cut short")]
    for text in (q_skel, q_loose):  # "jan.andolan.news": "nn" read as "m" would hide the key
        at = text.find(target)
        if at >= 0:
            return CONTAINS_KEY, _added(mine, text, at, at + n)
    if n >= APPROX_INSIDE and len(q_skel) > n:
        span = _find_near(q_skel, target)
        if span is not None and _on_word_edges(mine, span):
            flat = _flat(mine)
            written_span = flat[span[0]:span[1]] if len(flat) == len(q_skel) else q_skel[span[0]:span[1]]
            inside = _differences(written_span, key.plain if len(flat) == len(q_skel) else target)
            return KEY_WITH_EDIT, inside + _added(mine, q_skel, *span)
    return None


_EDGE_DIGITS = re.compile(r"^[\d_.\-]+(?=\D)|(?<=\D)[\d_.\-]*\d[\d_.\-]*$")


def _find_near(text: str, target: str) -> tuple[int, int] | None:
    """Where ``target`` occurs in ``text`` with one edit, or None. One edit leaves one of the key's anchors intact,
    so only windows around an anchor are tried."""
    n = len(target)
    for offset in anchor_offsets(target):
        anchor = target[offset:offset + ANCHOR]
        pos = text.find(anchor)
        while pos >= 0:
            for start in (pos - offset, pos - offset - 1, pos - offset + 1):
                for length in (n, n - 1, n + 1):
                    if start >= 0 and OSA.distance(text[start:start + length], target, score_cutoff=1) <= 1:
                        return start, start + length
            pos = text.find(anchor, pos + 1)
    return None


def _on_word_edges(mine: str, span: tuple[int, int]) -> bool:
    """A key found with an edit must start and end where the query's words do: "kisan_andolan" holds "sanandolan",
    one letter from "janandolan", only by cutting "kisan" in two."""
    edges, at = {0}, 0
    for word in split_words(mine):
        at += len(skeleton(word))
        edges.add(at)
    return span[0] in edges and (span[1] in edges or span[1] >= at)


def _initials(mine: str, o: Official) -> tuple[float, list[Reason]] | None:
    """The official's initials as a word of the query, beside a generic word ("JA_ITCell_Lko", "JNUP_Official")."""
    if not o.initials:
        return None
    words = split_words(mine)
    hit = next((w for w in words if w in o.initials), None)
    added = [w for w in words if w != hit and generic_words().get(w, ("",))[0] == "affix"]
    if hit is None or not added or len(words) < 2:
        return None
    return INITIALS, [_("the initials of %(official)s") % {"official": o.written}, *_added_words(added)]


def _added(mine: str, q_skel: str, start: int, end: int) -> list[Reason]:
    """Reasons for what the query has besides the official key found at q_skel[start:end]: its words that lie
    (even in part) outside that span."""
    if start == 0 and end == len(q_skel):
        return []
    extra, at = [], 0
    for word in split_words(mine):
        length = len(skeleton(word))
        if at < start or at + length > end:
            extra.append(word)
        at += length
    if not extra:
        extra = [w for w in (q_skel[:start], q_skel[end:]) if w]
    return _added_words(extra)


def _added_words(extra: list[str]) -> list[Reason]:
    out: list[Reason] = []
    words = _join_phrases(extra)
    if any(w.isdigit() for w in words):
        out.append(_("adds numbers"))
    for word in (w for w in words if not w.isdigit()):
        if word == "parody":
            out.append(_("calls itself a parody: still not official"))
            continue
        known = generic_words().get(word) or generic_words().get(generic_skeleton(skeleton(word)) or "")
        if known:
            out.append(_("adds '%(word)s'") % {"word": known[1]})
            continue
        meant = _misspelt_generic(word)
        if meant:
            out.append(_("adds '%(word)s' (written '%(written)s')") % {"word": label(meant), "written": word})
        else:
            out.append(_("adds '%(word)s'") % {"word": word})
    return out


def _join_phrases(words: list[str]) -> list[str]:
    """Adjacent words that make a known phrase ("it", "cell" → "itcell")."""
    out: list[str] = []
    for word in words:
        if out and (out[-1] + word) in generic_words():
            out[-1] = out[-1] + word
        else:
            out.append(word)
    return out


def _misspelt_generic(word: str) -> str | None:
    """The generic word of six letters or more that ``word`` misspells (two edits) or abbreviates ("offcl")."""
    if len(word) < 3 or is_ordinary(word):
        return None  # "very" is a word, not a misspelt "verify"
    allowed = 2 if len(word) >= 6 else 1
    for candidate, (section, _label) in generic_words().items():
        if section != "affix" or len(candidate) < 6 or candidate[0] != word[0]:
            continue
        if OSA.distance(word, candidate, score_cutoff=allowed) <= allowed or _abbreviates(word, candidate):
            return candidate
    return None


def _abbreviates(short: str, word: str) -> bool:
    """"offcl" abbreviates "official": its letters in order, the first and the last consonant kept."""
    it = iter(word)
    return len(short) >= 3 and all(ch in it for ch in short) and len(short) < len(word)


def _flat(text: str) -> str:
    return cased(text).lower().translate(_SEPARATOR_DELETE)


_SEPARATOR_DELETE = str.maketrans("", "", SEPARATORS)


def _differences(mine: str, theirs: str) -> list[Reason]:
    """What differs between two flat lower-case names, in words: the specific trick when one names it (digit for
    letter, letter pair, keyboard neighbour, vowel), else the plain change ("one letter changed: p → q")."""
    out: list[Reason] = []
    for pair, single in PAIRS:
        if pair in mine and pair not in theirs and single in theirs:
            replaced = mine.replace(pair, single)
            if Levenshtein.distance(replaced, theirs) < Levenshtein.distance(mine, theirs):
                out.append(_("'%(pair)s' in place of '%(single)s'") % {"pair": pair, "single": single})
                mine = replaced
    ops = Levenshtein.editops(mine, theirs)
    if len(ops) == 2 and {ops[0].tag, ops[1].tag} == {"insert", "delete"} and abs(ops[0].src_pos - ops[1].src_pos) <= 2:
        return out + [_("two letters swapped")]
    if (len(ops) == 2 and all(op.tag == "replace" for op in ops) and ops[1].src_pos == ops[0].src_pos + 1
            and mine[ops[0].src_pos] == theirs[ops[1].dest_pos] and mine[ops[1].src_pos] == theirs[ops[0].dest_pos]):
        return out + [_("two letters swapped")]
    for op in ops[:3]:
        if op.tag == "delete":
            char = mine[op.src_pos]
            repeated = (op.src_pos > 0 and mine[op.src_pos - 1] == char) or mine[op.src_pos + 1: op.src_pos + 2] == char
            out.append(_("letter repeated: %(letter)s") % {"letter": char} if repeated
                       else _("one letter added: %(letter)s") % {"letter": char})
        elif op.tag == "insert":
            out.append(_("one letter missing: %(letter)s") % {"letter": theirs[op.dest_pos]})
        else:
            out.append(_replaced(mine[op.src_pos], theirs[op.dest_pos]))
    return out


def _replaced(mine: str, theirs: str) -> Reason:
    if DIGIT_FOR_LETTER.get(mine) == theirs or (mine == "1" and theirs == "i"):
        return _("digit %(digit)s in place of letter %(letter)s") % {"digit": mine, "letter": theirs}
    if {mine, theirs} == {"i", "l"}:
        return (_("letter %(mine)s in place of letter %(theirs)s (capital I and small l look alike)")
                % {"mine": mine, "theirs": theirs})
    if frozenset((mine, theirs)) in SIMILAR_LETTERS:
        return _("a similar-looking letter swapped in: %(theirs)s → %(mine)s") % {"mine": mine, "theirs": theirs}
    if mine in _keyboard().get(theirs, ()):
        return _("keyboard neighbour typed: %(theirs)s → %(mine)s") % {"mine": mine, "theirs": theirs}
    if mine in VOWELS and theirs in VOWELS:
        return _("vowel changed: %(theirs)s → %(mine)s") % {"mine": mine, "theirs": theirs}
    return _("one letter changed: %(theirs)s → %(mine)s") % {"mine": mine, "theirs": theirs}


def _reordered(mine: str, q_skel: str, o: Official) -> bool:
    q_words = split_words(mine)
    if len(q_words) > 1 and sorted(map(skeleton, q_words)) == sorted(map(skeleton, o.words)):
        return True
    core, target = q_skel, o.skel
    if len(core) == len(target) >= 6 and core in target + target:
        return True
    # three words moved ("mlavermaasha"): the same letters in another order, long enough not to be chance
    return len(core) == len(target) >= MIN_ANAGRAM and anagram_key(core) == anagram_key(target) and _moved_pieces(
        core, target)


def _moved_pieces(core: str, target: str) -> bool:
    """``core`` is ``target`` cut in two or three pieces put in another order: words, so a piece has three letters
    or more, but a title at either end may have two ("mp"); "hane" from "neha" is a different name."""
    n = len(target)
    for i in range(2, n - 1):
        for j in range(i + 3, n + 1):
            pieces = [p for p in (target[:i], target[i:j], target[j:]) if p]
            if len(pieces) < 3 or len(pieces[-1]) < 2:
                continue
            for order in permutations(pieces):
                if list(order) != pieces and "".join(order) == core:
                    return True
    return False


MIN_ANAGRAM = 8


def anagram_key(skel: str) -> str:
    """The letters of ``skel`` in order, marked so that it never equals a skeleton."""
    return "\0" + "".join(sorted(skel))


_DIGIT_IN_WORD = re.compile(r"(?<=[A-Za-z])[013458](?=[A-Za-z])|(?<![A-Za-z0-9])[013458](?=[A-Za-z]{2})")


def _digits_in_words(written: str) -> list[Reason]:
    """A digit inside a word stands for a letter ("V3rma", "0fficial"), whatever else the query changed."""
    out = []
    for match in _DIGIT_IN_WORD.finditer(written):
        digit = match[0]
        letter = DIGIT_FOR_LETTER[digit]
        out.append(_("digit %(digit)s in place of letter %(letter)s") % {"digit": digit, "letter": letter})
    return out


def _separators(text: str) -> list[str]:
    return [c for c in text if c in SEPARATORS]


SCRIPT_NAMES = {"CYRILLIC": _("Cyrillic"), "GREEK": _("Greek"), "ARMENIAN": _("Armenian"), "CHEROKEE": _("Cherokee")}


def _foreign_characters(written: str) -> list[Reason]:
    """Each non-ASCII character that stands in for a Latin letter, quoted: "Cyrillic 'В' in place of Latin 'B'"."""
    if written.isascii():
        return []
    out: list[Reason] = []
    for char in dict.fromkeys(written):
        if char.isascii():
            continue
        latin = cased(char)
        if not latin or not latin.isascii() or not latin.isalnum():
            continue
        script = script_of(char)
        if script in SCRIPT_NAMES:
            out.append(_("%(script)s '%(char)s' in place of Latin '%(latin)s'")
                       % {"script": SCRIPT_NAMES[script], "char": char, "latin": latin})
        else:
            out.append(_("look-alike character '%(char)s' in place of '%(latin)s'") % {"char": char, "latin": latin})
        if len(out) == 3:
            out.append(_("more look-alike characters"))
            break
    return out


def _unique(items: list[Reason]) -> list[Reason]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------- websites, e-mail, numbers


def split_domain(domain: str) -> tuple[list[str], str, str]:
    """``news.example.co.in`` → (["news"], "example", "co.in"): sub-labels, the name, and the ending."""
    labels = [_unpuny(label) for label in domain.split(".") if label]
    if len(labels) < 2:
        return [], labels[0] if labels else "", ""
    cut = 2 if len(labels) >= 3 and ".".join(labels[-2:]) in SECOND_LEVEL else 1
    return labels[: -cut - 1], labels[-cut - 1], ".".join(labels[-cut:])


def _unpuny(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except UnicodeError:
            return label
    return label


SITE_ADDRESS = _("an address of the official site %(site)s")  # verify's reason for join.example.org


def is_part_of(query: str, official: str) -> bool:
    """``query`` is the official site or an address under it (join., m., donate.): the official owner's."""
    return bool(query) and (query == official or query.endswith("." + official))


def _host_flat(domain: str) -> str:
    return skeleton(".".join(_unpuny(label) for label in domain.split(".")))


def compare_domains(query: str, official: str) -> Resemblance | None:
    """How much site ``query`` looks like site ``official``: the registrable name, and the whole host with its dots
    and hyphens removed (so a hyphen inserted or a dot dropped between labels is one and the same site name)."""
    if not query or not official or is_part_of(query, official):
        return None  # the same site, or an address under it: verify answers "official" for these
    if f".{official}." in f".{query}.":
        _sub, name, ending = split_domain(query)
        return Resemblance(0.95, [_("the official address %(official)s used inside another site's address "
                                    "(%(other)s)") % {"official": official, "other": f"{name}.{ending}"}])
    q_sub, q_name, q_end = split_domain(query)
    _o_sub, o_name, o_end = split_domain(official)
    look_alike = _("look-alike domain")
    q_flat, o_flat = _host_flat(query), _host_flat(official)
    if q_flat == o_flat and query.replace("-", "").replace(".", "") == official.replace("-", "").replace(".", ""):
        return Resemblance(0.9, [look_alike, _("the official address with a dot or hyphen moved (%(official)s)")
                                 % {"official": official}])
    if q_name == o_name:
        return Resemblance(0.85, [look_alike, _("same name with a different ending (.%(mine)s instead of "
                                                ".%(theirs)s)") % {"mine": q_end, "theirs": o_end}])
    if len(o_name) >= 4 and any(skeleton(label) == skeleton(o_name) for label in q_sub):
        return Resemblance(0.85, [look_alike, _("the official name used as a sub-address of another site")])
    found = _domain_name(q_name, o_name, q_end == o_end)
    if found is None and len(o_flat) >= 6:
        distance = OSA.distance(q_flat, o_flat, score_cutoff=2)
        if distance == 1 or (distance == 2 and len(o_flat) >= LONG_KEY):
            found = Resemblance(0.85, _differences(q_flat, o_flat))
        elif o_flat in q_flat:
            found = Resemblance(0.85, [_("the official address run together inside another (%(official)s)")
                                       % {"official": official}])
    if found is None or found.score < THRESHOLD:
        return None
    score = found.score if q_end == o_end else found.score - 0.03
    return Resemblance(round(score, 3), [look_alike, *found.reasons])


def _domain_name(q_name: str, o_name: str, same_ending: bool = False) -> Resemblance | None:
    """The site names compared. A registered name is an identity, so any one edit of it counts (two from ten
    letters); the name inside a longer one counts when the name is distinctive or the rest is a generic word
    ("-login", "-donate", "-verify", "-membership", "www")."""
    mine, theirs = skeleton(q_name), skeleton(o_name)
    if len(theirs) < 4:
        return None
    if mine == theirs:
        return Resemblance(SAME_SKELETON, _foreign_characters(q_name) + _differences(_flat(q_name), o_name))
    distance = OSA.distance(mine, theirs, score_cutoff=2)
    if distance == 1 or (distance == 2 and len(theirs) >= LONG_KEY):
        return Resemblance(ONE_EDIT if distance == 1 else TWO_EDITS,
                           _foreign_characters(q_name) + _differences(_flat(q_name), o_name))
    plain = q_name.replace("-", "") if q_name.isascii() else mine
    loose = skeleton(plain, pairs=False)
    at = loose.find(skeleton(o_name, pairs=False))  # letter pairs as written: "andolan-news" holds "andolan"
    if at >= 0:
        end = at + len(skeleton(o_name, pairs=False))
        rest = [w for part in (plain[:at], plain[end:]) if part for w in split_words(part)]
        if distinctive(split_words(o_name)) or (rest and all(is_generic(w) or w.isdigit() for w in rest)):
            return Resemblance(0.85, _added_words(rest))
        if same_ending and (at == 0 or end == len(loose)):
            return Resemblance(0.8, _added_words(rest))  # "andolan-bank.org.in": the name and its ending copied
    if distinctive(split_words(o_name)):
        return compare_handles(q_name.replace("-", ""), o_name)
    return None


def compare_emails(query: str, official: str, official_platform: str) -> Resemblance | None:
    """An address on a look-alike of the official domain (whatever its local part), a look-alike local part on the
    official domain, or an address elsewhere named after the official site ("andolan.helpdesk@gmail.com")."""
    q_local, _at, q_domain = query.rpartition("@")
    if not q_local:
        return None
    site = official if official_platform == "website" else official.rpartition("@")[2]
    if official_platform == "email" and q_domain == site:
        return compare_handles(q_local, official.rpartition("@")[0])
    found = compare_domains(q_domain, site)
    if found is None and not is_part_of(q_domain, site):
        _sub, name, _end = split_domain(site)
        named = compare_handles(q_local, name) if len(name) >= 4 and claims_to_speak(q_local) else None
        if named is not None:
            found = Resemblance(named.score, [*named.reasons, _("an e-mail address named like the official site "
                                                                  "%(site)s") % {"site": site}])
    return found


def compare_numbers(query: str, official: str) -> Resemblance | None:
    q, o = query.lstrip("+"), official.lstrip("+")
    if not q.isdigit() or not o.isdigit() or q == o or len(o) < 10 or len(q) != len(o):
        return None
    if OSA.distance(q, o, score_cutoff=1) > 1:
        return None
    differing = [i for i in range(len(q)) if q[i] != o[i]]
    if len(differing) == 2:
        return Resemblance(0.85, [_("two digits swapped in the official number")])
    return Resemblance(0.8, [_("one digit different from the official number")])


# ---------------------------------------------------------------- one query against one channel


def compare(query: Handle, channel: Channel) -> Resemblance | None:
    """How much ``query`` looks like ``channel``; None when not at all (or not comparable)."""
    if not query.value or not compatible(query.platform, channel.platform):
        return None
    fam = family(channel.platform)
    if query.platform == "email" and fam == "social":
        local = query.value.rpartition("@")[0]
        if not claims_to_speak(local):
            return None  # "sunita.yadav@gmail.com": people's addresses carry their names; namesakes are many
        found = compare_handles(local, channel.handle, official_display=channel.display)
        if found:
            found.reasons.append(_("an e-mail address named like the official %(platform)s account")
                                 % {"platform": PLATFORM_NAMES.get(channel.platform, channel.platform)})
        return found
    if fam == "number":
        found = compare_numbers(query.value, channel.handle)
    elif fam == "web":
        found = _compare_web(query, channel)
    else:
        found = _compare_social(query, channel)
    return found


def _compare_web(query: Handle, channel: Channel) -> Resemblance | None:
    if query.platform == "email":
        found = compare_emails(query.value, channel.handle, channel.platform)
    elif channel.platform == "email":
        found = compare_domains(query.value, channel.handle.rpartition("@")[2])
    else:
        found = compare_domains(query.value, channel.handle)
    if found and query.had_invisible:
        found.reasons.insert(0, _("contains invisible characters"))
    return found


def _compare_social(query: Handle, channel: Channel) -> Resemblance | None:
    if _is_code(query.value) or _is_code(channel.handle):
        return None
    same = query.value == channel.handle
    if same and not query.had_invisible and query.platform in (None, channel.platform):
        return None  # that is the exact match, answered before any scoring
    if same:
        found = Resemblance(0.95, [_("contains invisible characters")] if query.had_invisible else [])
    else:
        found = compare_handles(query.value, channel.handle, query.had_invisible, query.written, channel.display)
    if found is None:
        return None
    if query.platform is not None and query.platform != channel.platform:
        found.score = round(found.score - CROSS_PLATFORM, 3)
        found.reasons.append(_("resembles the official %(platform)s account; this %(other)s account is not "
                               "registered") % {"platform": PLATFORM_NAMES.get(channel.platform, channel.platform),
                                                "other": PLATFORM_NAMES.get(query.platform, query.platform)})
    return found


def _is_code(value: str) -> bool:
    """Telegram invite codes, YouTube channel ids, Facebook numeric ids: exact or nothing."""
    return value.startswith(("+", "joinchat/")) or value.isdigit() or (len(value) == 24 and value.startswith("UC"))


# ---------------------------------------------------------------- the registry, digested


class Index:
    """The registry's channels, ready for exact and lookalike questions. Build once per registry version.

    Candidates come from dictionaries, so a query is compared in full only with the few channels it may resemble:
    its skeleton and every one-letter deletion of it looked up among the keys and their one-letter deletions
    (SymSpell: any single edit is a hit), its five-letter pieces among the keys' first and last five letters (a key
    inside a longer handle, or with one edit), its words among the officials' initials, and rapidfuzz's edit
    distance (two edits on long keys) over the keys.
    """

    def __init__(self, channels: list[Channel]) -> None:
        self.channels = channels
        self.by_value: dict[str, list[Channel]] = {}
        for channel in channels:
            self.by_value.setdefault(channel.handle, []).append(channel)
        self.social = [c for c in channels if family(c.platform) == "social" and not _is_code(c.handle)]
        self.others = [c for c in channels if family(c.platform) in ("number", "web")]
        self.websites = [c for c in channels if c.platform == "website"]
        officials = [Official.of(c.handle, c.display) for c in self.social]
        self.social_skels = [o.skel for o in officials]
        self.exact_keys: dict[str, set[int]] = {}  # skeleton, rotations, anagram, words in order
        self.deletions: dict[str, set[int]] = {}
        self.anchors: dict[str, list[tuple[int, str, int]]] = {}  # piece → (official, key, where in the key)
        self.initials: dict[str, set[int]] = {}
        self.key_owners: dict[str, set[int]] = {}  # key → officials (the scan finds keys inside names)
        self.prefixes: dict[str, set[int]] = {}  # keys cut short
        self.long_owners: dict[str, set[int]] = {}  # keys of ten letters or more (two edits allowed)
        self.long_keys: list[str] = []
        for i, o in enumerate(officials):
            for key in (o.skel, *_rotations(o.skel), anagram_key(o.skel) if len(o.skel) >= MIN_ANAGRAM else "",
                        words_key(o.words)):
                if key:
                    self.exact_keys.setdefault(key, set()).add(i)
            for key in o.keys:
                for variant in (deletions(key.text) if not key.abbreviated else ()):
                    self.deletions.setdefault(variant, set()).add(i)
                for offset in anchor_offsets(key.text):
                    self.anchors.setdefault(key.text[offset:offset + ANCHOR], []).append((i, key.text, offset))
                if len(key.text) >= LONG_KEY:
                    self.long_owners.setdefault(key.text, set()).add(i)
                if not key.abbreviated:
                    self.key_owners.setdefault(key.text, set()).add(i)
                    n = len(key.text)
                    for cut in range(max(MIN_KEY, math.ceil(CUT_TO * n)), n):
                        self.prefixes.setdefault(key.text[:cut], set()).add(i)
                else:
                    self.key_owners.setdefault(key.text, set()).add(i)
            for word in o.initials:
                self.initials.setdefault(word, set()).add(i)
            self.long_keys = list(self.long_owners)
            names = name_words(o.words)
            if len(names) == 1 and len(names[0]) >= 5:
                self.initials.setdefault(names[0], set()).add(i)  # "Andolan_Official" (see _ordinary_name_with_claim)

    def exact(self, handle: Handle) -> list[Channel]:
        """Registry rows for exactly this handle: any platform for a bare name, either number platform for a
        number, else the one platform (a dotted name read as a site may be a Facebook or Instagram username)."""
        found = self.by_value.get(handle.value, [])
        if handle.platform is None:
            return [c for c in found if c.platform in SOCIAL] or found
        if handle.platform in NUMBERS:
            return [c for c in found if c.platform in NUMBERS]
        same = [c for c in found if c.platform == handle.platform]
        if not same and handle.maybe_handle:
            return [c for c in found if c.platform in SOCIAL]
        return same

    def site_of(self, handle: Handle) -> list[Channel]:
        """Official websites ``handle`` is an address under (join.example.org for example.org; an e-mail address
        at example.org or under it: the site's owner holds its mail too)."""
        if handle.platform == "email":
            labels = handle.value.rpartition("@")[2].split(".")
            parents = {".".join(labels[i:]) for i in range(0, len(labels) - 1)}
        elif handle.platform == "website":
            labels = handle.value.split(".")
            parents = {".".join(labels[i:]) for i in range(1, len(labels) - 1)}
        else:
            return []
        return [c for c in self.websites if c.handle in parents]

    def candidates(self, handle: Handle, social: bool = True) -> list[Channel]:
        """``social=False``: a bare dotted name only among sites (the bulk scan compares it with handles itself)."""
        fam = family(handle.platform)
        out: list[Channel] = []
        if fam in ("number", "web"):
            out = [c for c in self.others if compatible(handle.platform, c.platform)]
            if handle.platform == "email" and social and self.social:
                local = handle.value.rpartition("@")[0]
                return out + [self.social[i] for i in sorted(self.social_hits(local))]
            if not handle.maybe_handle or not social:
                return out
            handle = Handle(None, handle.value, handle.had_invisible, handle.written)
        elif fam != "social":
            return []
        if not self.social:
            return out
        return out + [self.social[i] for i in sorted(self.social_hits(handle.as_written))]

    def social_hits(self, written: str) -> set[int]:
        """Indexes into ``self.social`` of the channels a handle (as written) may resemble."""
        skel = skeleton(written)
        hits: set[int] = set()
        for key in (skel, anagram_key(skel), words_key(split_words(written))):
            hits |= self.exact_keys.get(key, set())
        hits |= self.prefixes.get(skel, set())
        for variant in deletions(skel) | deletions(skeleton(written, pairs=False)):
            hits |= self.deletions.get(variant, set())
        for text in {skel, skeleton(written, pairs=False)}:
            for start in range(len(text) - ANCHOR + 1):
                for i, key, offset in self.anchors.get(text[start:start + ANCHOR], ()):
                    if key_near(text, start - offset, key):
                        hits.add(i)
        for word in split_words(written):
            hits |= self.initials.get(word, set())
        if len(skel) >= LONG_KEY - 2 and self.long_keys:
            for _choice, _score, j in process.extract(skel, self.long_keys, scorer=Levenshtein.distance,
                                                      score_cutoff=2, limit=None):
                hits |= self.long_owners[self.long_keys[j]]
        return hits

    def resembling(self, handle: Handle, limit: int = 5, social: bool = True) -> list[tuple[Channel, Resemblance]]:
        """Channels ``handle`` looks like, best first (every score, the caller applies ``THRESHOLD``)."""
        scored = []
        for channel in self.candidates(handle, social):
            found = compare(handle, channel)
            if found is None and handle.maybe_handle and channel.platform in SOCIAL:
                found = compare(Handle(None, handle.value, handle.had_invisible, handle.written), channel)
            if found is not None:
                scored.append((channel, found))
        scored.sort(key=lambda pair: (-pair[1].score, pair[0].retired, pair[0].id))
        return scored[:limit]


def trie_pattern(words: list[str]) -> str:
    """One regular expression matching any of ``words``, written as a trie ("jan(?:neta|andolan)") so that the
    engine tries one branch per letter instead of every word at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(trie)


def anchor_offsets(key: str) -> tuple[int, ...]:
    """Where a key's anchors start: its first five letters (a key inside a longer handle, or cut short, holds
    them) and, from ten letters, the next five (one edit cannot touch both)."""
    return (0, ANCHOR) if len(key) >= 2 * ANCHOR else (0,)


def key_near(skel: str, start: int, key: str) -> bool:
    """Whether ``key`` occurs in ``skel`` at ``start`` (± 1), exactly or with one edit when long enough, or
    ``skel`` is ``key`` cut short: the cheap check that an anchor hit is worth a full comparison."""
    n = len(key)
    if start >= 0 and skel.startswith(key, start):
        return True
    if start == 0 and key.startswith(skel):
        return True
    if n < APPROX_INSIDE:
        return False
    for at in (start, start - 1, start + 1):
        if at < 0:
            continue
        for length in (n, n - 1, n + 1):
            if OSA.distance(skel[at:at + length], key, score_cutoff=1) <= 1:
                return True
    return False


def deletions(text: str) -> set[str]:
    """``text`` and every string one letter shorter: two strings one edit apart share one of these."""
    return {text, *(text[:i] + text[i + 1:] for i in range(len(text)))}


def words_key(words: tuple[str, ...] | list[str]) -> str:
    """The words in alphabetical order, marked so that it never equals a skeleton: "words reordered"."""
    return "\1" + " ".join(sorted(skeleton(w) for w in words)) if len(words) > 1 else ""


def _rotations(skel: str) -> list[str]:
    return [skel[i:] + skel[:i] for i in range(1, len(skel))] if len(skel) >= 6 else []
