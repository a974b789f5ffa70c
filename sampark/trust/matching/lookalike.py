"""How much a queried handle, site or number looks like an official channel, and why — in words a person can read.

``compare(query, channel)`` scores one pair: 0..1 plus reasons ("digit 8 in place of letter b", "Cyrillic letters
that look Latin", "adds 'IT cell'", "words reordered", "look-alike domain", …). It rewards only *recognised*
tricks; two names that are merely similar ("rakesh" and "ramesh": different people) stay under ``THRESHOLD``.

``Index`` holds the registry's channels pre-digested (skeletons, cores, rotations) so that verify compares a query
against a handful of candidates instead of every channel; the bulk scan (``trust.scan``) uses the same forms.
"""

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import permutations

from django.utils.translation import gettext
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from sampark.trust.matching.handles import Handle
from sampark.trust.matching.skeleton import (
    DIGIT_FOR_LETTER,
    SEPARATORS,
    fold_pairs,
    letters,
    script_of,
    skeleton,
    unicode_prototypes,
)

THRESHOLD = 0.75  # at or above: impersonation risk
SOCIAL = frozenset({"x", "facebook", "instagram", "youtube", "telegram"})
NUMBERS = frozenset({"phone", "whatsapp_number"})
WEB = frozenset({"website", "email"})
CROSS_PLATFORM = 0.9  # same name on another social platform: likely, but the account may be a namesake's
PREFILTER_CUTOFF = 70  # rapidfuzz ratio (0..100) of loose cores a candidate needs before the exact scoring

# Words impersonators add to a leader's name, as written; matched on skeletons, so "0fficial" and "offic1al" count.
AFFIXES = {
    "official": "official", "offical": "official", "real": "real", "the": "the", "team": "team", "fan": "fan",
    "fans": "fans", "fanclub": "fan club", "fc": "fc", "club": "club", "news": "news", "updates": "updates",
    "support": "support", "supporter": "supporter", "supporters": "supporters", "itcell": "IT cell",
    "cell": "cell", "parody": "parody", "ji": "ji", "army": "army", "sena": "sena", "india": "india",
    "original": "original", "page": "page", "hq": "hq", "media": "media", "live": "live", "fake": "fake",
}
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
    return fam in ("social", "number", "web") and fam == family(channel_platform)


# ---------------------------------------------------------------- handles


@dataclass(frozen=True)
class Form:
    """One handle, digested: written (separators kept), flat (no separators), the loose skeleton ("rn" and "vv"
    as written) and the skeleton, and the same two without added words and numbers (core, pcore)."""

    value: str
    written: str
    flat: str
    loose: str
    skel: str
    core: str
    pcore: str
    affixes: tuple[str, ...]

    @classmethod
    @lru_cache(maxsize=20_000)  # verify sees the same few names again and again; the bulk scan must not grow it
    def of(cls, value: str) -> "Form":
        written = letters(value)
        flat = written.translate(_SEPARATOR_DELETE)
        loose = skeleton(value, pairs=False)
        core, affixes = strip_affixes(written)
        return cls(value, written, flat, loose, fold_pairs(loose), core, fold_pairs(core), affixes)


_SEPARATOR_DELETE = str.maketrans("", "", SEPARATORS)


@cache
def _affix_words() -> tuple[tuple[str, ...], dict[str, str]]:
    """Affix skeletons, longest first (so "fans" wins over "fan"), and the label each stands for."""
    names = {skeleton(word): label for word, label in AFFIXES.items()}
    return tuple(sorted(names, key=len, reverse=True)), names


_EDGE_DIGITS = re.compile(r"^(?P<head>\d*)(?P<body>.*?)(?P<tail>\d*)$")
MIN_CORE = 3  # an affix is not taken off when less than this would be left: "fan" alone is a name


def strip_affixes(written: str) -> tuple[str, tuple[str, ...]]:
    """The skeleton of ``written`` without the words and numbers added around a name, and what was added."""
    flat = written.translate(_SEPARATOR_DELETE)
    found: list[str] = []
    digits = _EDGE_DIGITS.match(flat)
    if digits and digits["body"] and (digits["head"] or digits["tail"]):
        flat = digits["body"]  # "leader2024": a number added to the name (a digit *inside* it is a letter swap)
        found.append("numbers")
    core, words = strip_words(skeleton(flat, pairs=False))
    return core, tuple(found) + words


def strip_words(skel: str) -> tuple[str, tuple[str, ...]]:
    """``skel`` without affix words at either end (one C call per end when there are none: the bulk path)."""
    ordered, names = _affix_words()
    head: list[str] = []
    tail: list[str] = []
    while skel.startswith(ordered):
        word = next(w for w in ordered if skel.startswith(w))
        if len(skel) - len(word) < MIN_CORE:
            break
        head.append(names[word])
        skel = skel[len(word):]
    while skel.endswith(ordered):
        word = next(w for w in ordered if skel.endswith(w))
        if len(skel) - len(word) < MIN_CORE:
            break
        tail.insert(0, names[word])
        skel = skel[: -len(word)]
    return skel, tuple(head + tail)


def compare_handles(query: str, official: str, had_invisible: bool = False) -> Resemblance | None:
    """How much handle ``query`` looks like ``official`` (both normal forms from trust.handles)."""
    if not query or not official or query == official:
        return None
    q, o = Form.of(query), Form.of(official)
    base, reasons = _shape(q, o)
    if base is None:
        return None
    tricks = _character_tricks(q, o)
    if had_invisible:
        tricks.insert(0, _("contains invisible characters"))
    return Resemblance(round(base, 3), _unique(tricks + reasons))


def _shape(q: Form, o: Form) -> tuple[float | None, list[Reason]]:
    """The best-explained difference between the two skeletons: (score, reasons), or (None, [])."""
    if len(o.skel) < 3:
        return (0.95, []) if q.skel == o.skel else (None, [])
    if q.skel == o.skel:
        return 0.95, []
    affix_reasons = [_affix_reason(a) for a in q.affixes if a not in o.affixes]
    if q.pcore == o.skel or q.pcore == o.pcore:
        if affix_reasons:
            return 0.9, affix_reasons
        dropped = [a for a in o.affixes if a not in q.affixes and a != "numbers"]
        if dropped and q.pcore == o.pcore:  # "nehasaxena" for "nehasaxenaji": the name without its title
            return 0.8, [_("the official name without '%(word)s'") % {"word": dropped[0]}]
    if _reordered(q, o):
        return 0.9, [_("words reordered")]
    best: tuple[float | None, list[Reason]] = (None, [])
    dropped = any(a not in q.affixes for a in o.affixes)  # comparing cores leaves out words the official has
    variants = ((q.skel, o.skel, [], False), (q.loose, o.loose, [], False),
                (q.pcore, o.skel, affix_reasons, bool(affix_reasons)),
                (q.pcore, o.pcore, affix_reasons, bool(affix_reasons) or dropped),
                (q.core, o.core, affix_reasons, bool(affix_reasons) or dropped))
    for mine, theirs, extra, combined in variants:
        found = _edits(mine, theirs, combined) if mine and theirs and mine != theirs else None
        if found and (best[0] is None or found[0] > best[0]):
            best = (found[0], extra + found[1])
    if best[0] is not None:
        return best
    return _contains(q.skel, o.skel)


def _edits(core: str, target: str, combined: bool = False) -> tuple[float, list[Reason]] | None:
    """One or two letters missing, repeated, added, swapped or replaced by a look-alike; or a truncation.
    ``combined``: the query also added words or numbers, which makes each of these a weaker sign."""
    n = len(target)
    if target.startswith(core) and len(core) >= max(5, 0.7 * n):
        # cut short *and* a number added is how ordinary namesakes look ("sunitasingh4417" by "sunitasinghmp")
        return (0.74 if combined else 0.82), [_("name cut short")]
    distance = OSA.distance(core, target, score_cutoff=2)
    if distance > 2 or (distance == 2 and n < 9) or n < 5:
        return None
    reasons, penalty, kinds = [], 0.0, []
    for kind, detail in _edit_kinds(core, target):
        reasons.append(detail)
        kinds.append(kind)
        penalty = max(penalty, {"similar": 0.08, "other": 0.2}.get(kind, 0.0))
    if distance == 2 and not {"repeat", "swap", "similar"} & set(kinds):
        return None  # two letters gone or added make another name as often as a fake: "sita" from "sunita"
    base = (0.88 if n >= 6 else 0.8) if distance == 1 else 0.78
    return base - penalty - (0.05 if combined else 0.0), reasons


def _edit_kinds(core: str, target: str) -> list[tuple[str, Reason]]:
    out = []
    ops = Levenshtein.editops(core, target)
    # an adjacent delete + insert of the same letters is a swap (OSA counted it as one edit)
    if len(ops) == 2 and {ops[0].tag, ops[1].tag} == {"insert", "delete"} and abs(ops[0].src_pos - ops[1].src_pos) <= 2:
        return [("swap", _("two letters swapped"))]
    if len(ops) == 2 and all(op.tag == "replace" for op in ops) and ops[1].src_pos == ops[0].src_pos + 1 and (
        core[ops[0].src_pos] == target[ops[1].dest_pos] and core[ops[1].src_pos] == target[ops[0].dest_pos]
    ):
        return [("swap", _("two letters swapped"))]
    if {op.tag for op in ops} == {"insert", "delete"}:
        return [("other", _("one letter added")), ("other", _("one letter missing"))]  # a letter moved: a new name
    for op in ops:
        if op.tag == "delete":  # the query has a letter the official does not
            char = core[op.src_pos]
            repeated = (op.src_pos > 0 and core[op.src_pos - 1] == char) or core[op.src_pos + 1: op.src_pos + 2] == char
            out.append(("repeat", _("letter repeated")) if repeated else ("extra", _("one letter added")))
        elif op.tag == "insert":
            out.append(("missing", _("one letter missing")))
        else:
            pair = frozenset((core[op.src_pos], target[op.dest_pos]))
            if pair in SIMILAR_LETTERS:
                out.append(("similar", _("a similar-looking letter swapped in")))
            else:
                out.append(("other", _("one letter different")))
    return out


def _reordered(q: Form, o: Form) -> bool:
    q_words = [w for w in re.split(r"[_.\- ]+", q.written) if w]
    o_words = [w for w in re.split(r"[_.\- ]+", o.written) if w]
    if len(q_words) > 1 and sorted(map(skeleton, q_words)) == sorted(map(skeleton, o_words)):
        return True
    for core, target in ((q.skel, o.skel), (q.pcore, o.pcore)):
        if len(core) == len(target) >= 6 and core != target and core in target + target:
            return True
        # three words moved ("mlavermaasha"): the same letters in another order, long enough not to be chance
        if (len(core) == len(target) >= MIN_ANAGRAM and anagram_key(core) == anagram_key(target)
                and _moved_pieces(core, target)):
            return True
    return False


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


def _contains(core: str, target: str) -> tuple[float | None, list[Reason]]:
    """The whole official name inside a longer one with unrecognised extra letters."""
    if len(target) < 5 or target not in core:
        return None, []
    extra = core.replace(target, "", 1)
    if len(target) >= 8 and len(extra) <= 4:
        return 0.78, [_("adds '%(extra)s'") % {"extra": extra}]
    return None, []


def _affix_reason(label: str) -> Reason:
    if label == "numbers":
        return _("adds numbers")
    if label == "parody":
        return _("calls itself a parody: still not official")
    return _("adds '%(word)s'") % {"word": label}


def _character_tricks(q: Form, o: Form) -> list[Reason]:
    out = []
    scripts = _foreign_scripts(q.value)
    for script in scripts:
        out.append(_script_reason(script))
    for op in Levenshtein.editops(q.flat, o.flat):
        if op.tag != "replace":
            continue
        mine, theirs = q.flat[op.src_pos], o.flat[op.dest_pos]
        if DIGIT_FOR_LETTER.get(mine) == theirs or (mine == "1" and theirs == "i"):
            out.append(_("digit %(digit)s in place of letter %(letter)s") % {"digit": mine, "letter": theirs})
        elif {mine, theirs} == {"i", "l"}:
            out.append(_("letter %(mine)s in place of letter %(theirs)s (capital I and small l look alike)")
                       % {"mine": mine, "theirs": theirs})
    for pair, single in (("rn", "m"), ("vv", "w")):
        if pair in q.flat and (Levenshtein.distance(q.flat.replace(pair, single), o.flat)
                               < Levenshtein.distance(q.flat, o.flat)):
            out.append(_("'%(pair)s' in place of '%(single)s'") % {"pair": pair, "single": single})
    if _separators(q.written) != _separators(o.written):
        out.append(_("different separators (_ . -)"))
    return out


def _separators(text: str) -> list[str]:
    return [c for c in text if c in SEPARATORS]


def _foreign_scripts(value: str) -> list[str]:
    """Scripts of non-ASCII characters in ``value`` that stand in for Latin letters or digits."""
    if value.isascii():
        return []
    protos = unicode_prototypes()
    scripts = []
    for char in value:
        if char.isascii():
            continue
        folded = protos.get(ord(char)) or skeleton(char)
        if folded and folded.isascii():
            script = script_of(char)
            if script not in scripts:
                scripts.append(script)
    return scripts


def _script_reason(script: str) -> Reason:
    names = {"CYRILLIC": _("Cyrillic letters that look Latin"), "GREEK": _("Greek letters that look Latin"),
             "ARMENIAN": _("Armenian letters that look Latin")}
    return names.get(script, _("look-alike Unicode characters"))


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


def compare_domains(query: str, official: str) -> Resemblance | None:
    if not query or not official or query == official or query.endswith("." + official):
        return None  # the same site, or an address under it: the official owner's
    if f".{official}." in f".{query}.":
        _sub, name, ending = split_domain(query)
        return Resemblance(0.95, [_("the official address %(official)s used inside another site's address "
                                    "(%(other)s)") % {"official": official, "other": f"{name}.{ending}"}])
    q_sub, q_name, q_end = split_domain(query)
    _o_sub, o_name, o_end = split_domain(official)
    look_alike = _("look-alike domain")
    if q_name == o_name:
        return Resemblance(0.85, [look_alike, _("same name with a different ending (.%(mine)s instead of "
                                                ".%(theirs)s)") % {"mine": q_end, "theirs": o_end}])
    if len(o_name) >= 4 and any(skeleton(label) == skeleton(o_name) for label in q_sub):
        return Resemblance(0.85, [look_alike, _("the official name used as a sub-address of another site")])
    found = compare_handles(q_name, o_name)
    if found is None or found.score < THRESHOLD:
        return None
    score = found.score if q_end == o_end else found.score - 0.03
    return Resemblance(round(score, 3), [look_alike, *found.reasons])


def compare_emails(query: str, official: str, official_platform: str) -> Resemblance | None:
    q_local, _at, q_domain = query.rpartition("@")
    if official_platform == "website":
        return compare_domains(q_domain, official) if q_local else None
    o_local, _at, o_domain = official.rpartition("@")
    if q_domain == o_domain:
        return compare_handles(q_local, o_local)
    found = compare_domains(q_domain, o_domain)
    if found and q_local != o_local:
        local = compare_handles(q_local, o_local)
        if local is None:
            return None
        found = Resemblance(min(found.score, local.score), _unique(found.reasons + local.reasons))
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
        found = compare_handles(query.value, channel.handle, query.had_invisible)
    if found is None:
        return None
    if query.platform is not None and query.platform != channel.platform:
        found.score = round(found.score * CROSS_PLATFORM, 3)
        found.reasons.append(_("resembles the official %(platform)s account; this %(other)s account is not "
                               "registered") % {"platform": PLATFORM_NAMES.get(channel.platform, channel.platform),
                                                "other": PLATFORM_NAMES.get(query.platform, query.platform)})
    return found


def _is_code(value: str) -> bool:
    """Telegram invite codes, YouTube channel ids, Facebook numeric ids: exact or nothing."""
    return value.startswith(("+", "joinchat/")) or value.isdigit() or (len(value) == 24 and value.startswith("UC"))


# ---------------------------------------------------------------- the registry, digested


class Index:
    """The registry's channels, ready for exact and lookalike questions. Build once per registry version."""

    def __init__(self, channels: list[Channel]) -> None:
        self.channels = channels
        self.by_value: dict[str, list[Channel]] = {}
        for channel in channels:
            self.by_value.setdefault(channel.handle, []).append(channel)
        self.social = [c for c in channels if family(c.platform) == "social" and not _is_code(c.handle)]
        self.others = [c for c in channels if family(c.platform) in ("number", "web")]
        forms = [Form.of(c.handle) for c in self.social]
        self.social_skels = [f.skel for f in forms]
        self.social_cores = [f.core for f in forms]  # loose: what the bulk scan's cdist compares
        # dictionary hits that no similarity cut-off must miss: same skeleton, same core, same letters rotated
        self.social_keys: dict[str, set[int]] = {}
        for i, form in enumerate(forms):
            keys = {form.skel, form.pcore, *_rotations(form.skel)}
            keys.update(anagram_key(k) for k in (form.skel, form.pcore) if len(k) >= MIN_ANAGRAM)
            for key in keys:
                self.social_keys.setdefault(key, set()).add(i)

    def exact(self, handle: Handle) -> list[Channel]:
        """Registry rows for exactly this handle: any platform for a bare name, either number platform for a
        number, else the one platform."""
        found = self.by_value.get(handle.value, [])
        if handle.platform is None:
            return [c for c in found if c.platform in SOCIAL] or found
        if handle.platform in NUMBERS:
            return [c for c in found if c.platform in NUMBERS]
        return [c for c in found if c.platform == handle.platform]

    def candidates(self, handle: Handle) -> list[Channel]:
        fam = family(handle.platform)
        if fam in ("number", "web"):
            return [c for c in self.others if compatible(handle.platform, c.platform)]
        if fam != "social" or not self.social:
            return []
        form = Form.of(handle.value)
        hits: set[int] = set()
        for key in (form.skel, form.pcore, anagram_key(form.skel), anagram_key(form.pcore)):
            hits |= self.social_keys.get(key, set())
        for _choice, _score, i in process.extract(form.core, self.social_cores, scorer=fuzz.ratio,
                                                  score_cutoff=PREFILTER_CUTOFF, limit=None):
            if plausible(form.skel, form.core, self.social_skels[i], self.social_cores[i]):
                hits.add(i)
        return [self.social[i] for i in sorted(hits)]

    def resembling(self, handle: Handle, limit: int = 5) -> list[tuple[Channel, Resemblance]]:
        """Channels ``handle`` looks like, best first (every score, the caller applies ``THRESHOLD``)."""
        scored = []
        for channel in self.candidates(handle):
            found = compare(handle, channel)
            if found is not None:
                scored.append((channel, found))
        scored.sort(key=lambda pair: (-pair[1].score, pair[0].retired, pair[0].id))
        return scored[:limit]


def plausible(skel: str, core: str, official_skel: str, official_core: str) -> bool:
    """A cheap necessary condition for ``compare`` to find a trick (``core``: the loose core): it skips most near
    misses for a few C calls. Exact skeleton, core, rotation and anagram hits are found by dictionary instead."""
    for mine in (skel, core):
        if official_skel.startswith(mine) or official_skel in mine:  # cut short; the whole name plus extra letters
            return True
        for theirs in (official_skel, official_core):
            if OSA.distance(mine, theirs, score_cutoff=2) <= 2:
                return True
    return False


def _rotations(skel: str) -> list[str]:
    return [skel[i:] + skel[:i] for i in range(1, len(skel))] if len(skel) >= 6 else []
