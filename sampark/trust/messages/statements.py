""""Verify a forward": find the official statement a forwarded message quotes, or misquotes.

Forwards wrap a quote in noise ("*BREAKING*", "Forwarded as received", emojis, "जरूर पढ़ें") and change a few
words — sometimes only one, a "not" that reverses the meaning. ``match_forward(text)`` strips the noise, picks
candidates cheaply from an inverted index (statements sharing the forward's rarer words; thousands of statements
cost a dictionary walk, not thousands of comparisons), then aligns each candidate with rapidfuzz: the statement's
best-matching window in the forward (or the forward's in the statement, when only part was quoted).

``similarity`` is how closely the quoted text follows the statement (0..1, characters aligned); ``exact`` says the
forward carries at least 90 % of the statement word for word (forwarding noise aside). Below ``MIN_SIMILARITY`` there
is no match and check-message can say "no official source found".

The index lives in each process and is rebuilt when a statement is saved or deleted here, when the table's
(count, newest id) changes, or after ``INDEX_TTL_SECONDS`` (an edit made in another process shows within that).
"""

import math
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from sampark.trust.messages import lexicon as lex
from sampark.trust.messages.text import WORD, normalise, patterns, terms
from sampark.trust.models import Statement

MIN_SIMILARITY = 0.70  # measured on tests/trust/data: altered forwards score 0.80–0.95, unrelated ones below 0.6
EXACT_COVERAGE = 0.90
MIN_COVERAGE = 0.30  # a forward quoting less than a third of a statement is not evidence of it
MIN_WORDS = 4  # fewer words than this match too many statements by chance
CANDIDATES = 10
INDEX_TTL_SECONDS = 60
NOISE = terms(lex.FORWARD_NOISE)
NOT_A_WORD = re.compile(rf"(?:(?!{WORD}).)+")


def normalise_forward(text: str) -> str:
    """The words of a message without links, forwarding noise, emojis and punctuation."""
    text = patterns()["url"].sub(" ", normalise(text))
    text = NOISE.sub(" ", text)
    return " ".join(NOT_A_WORD.sub(" ", text).split())


def words(text: str) -> set[str]:
    return {word for word in text.split() if len(word) > 1}


def word_pairs(text: str) -> set[str]:
    """Adjacent word pairs: what picks candidates. Single words ("किसान", "the") are shared by too many statements;
    pairs ("किसानों का", "कर्ज माफ") are nearly as specific as the sentence, and survive a changed word around them."""
    found = text.split()
    return {f"{a} {b}" for a, b in zip(found, found[1:], strict=False)}


@dataclass
class StatementIndex:
    fingerprint: tuple
    built_at: float
    ids: list[int]
    texts: list[str]  # normalised like a forward
    postings: dict[str, list[int]]  # word pair → positions in ids/texts
    weights: dict[str, float]  # word pair → inverse document frequency: common pairs count for little


_lock = threading.Lock()
_index: StatementIndex | None = None


def forget() -> None:
    global _index
    _index = None


@receiver(post_save, sender=Statement)
@receiver(post_delete, sender=Statement)
def _statement_changed(**_kwargs) -> None:
    forget()


def fingerprint() -> tuple:
    row = Statement.objects.aggregate(count=Count("id"), newest=Max("id"))
    return row["count"], row["newest"]


def statement_index() -> StatementIndex:
    global _index
    current = fingerprint()
    index = _index
    if index is not None and index.fingerprint == current and time.monotonic() - index.built_at < INDEX_TTL_SECONDS:
        return index
    with _lock:
        index = _index  # another thread may have rebuilt it while this one waited
        if index is not None and index.fingerprint == current and time.monotonic() - index.built_at < 1:
            return index
        ids, texts, postings = [], [], {}
        for position, (pk, text) in enumerate(Statement.objects.order_by("pk").values_list("pk", "text")
                                              .iterator(chunk_size=2000)):
            normal = normalise_forward(text)
            ids.append(pk)
            texts.append(normal)
            for pair in word_pairs(normal):
                postings.setdefault(pair, []).append(position)
        total = max(len(ids), 1)
        weights = {word: math.log(1 + total / len(found)) for word, found in postings.items()}
        _index = StatementIndex(current, time.monotonic(), ids, texts, postings, weights)
        return _index


def candidates(index: StatementIndex, forward: str) -> list[int]:
    scores: Counter = Counter()
    for pair in word_pairs(forward):
        weight = index.weights.get(pair)
        if weight is None:
            continue
        for position in index.postings[pair]:
            scores[position] += weight
    return [position for position, _score in scores.most_common(CANDIDATES)]


def negations(text: str) -> int:
    return len(patterns()["negations"].findall(text))


def aligned(shorter: str, longer: str) -> tuple[float, str]:
    """rapidfuzz's best window of ``longer`` for ``shorter``: its score and the window."""
    alignment = fuzz.partial_ratio_alignment(shorter, longer)
    window = longer[alignment.dest_start:alignment.dest_end]
    return max(alignment.score, fuzz.token_sort_ratio(shorter, window)) / 100, window


def compare(forward: str, statement: str) -> dict:
    """How closely ``forward`` quotes ``statement``: similarity of the aligned text, share of the statement quoted."""
    if len(statement) <= len(forward):
        similarity, _window = aligned(statement, forward)
        coverage = 1.0
    else:
        similarity, _window = aligned(forward, statement)
        coverage = len(forward) / len(statement)
    return {"similarity": similarity, "coverage": coverage}


def word_changes(forward: str, statement: str) -> tuple[int, bool]:
    """Words changed between the quote and what was said, and whether a "not" was added or dropped.

    Characters say *how alike* two texts are; only words say whether one word ("आधा", "not") was slipped in, so
    the exact/altered decision aligns word sequences: each distinct word becomes one private-use character and
    rapidfuzz aligns those strings like any others.
    """
    codes: dict[str, str] = {}
    forward_words, statement_words = forward.split(), statement.split()
    encoded_forward = "".join(codes.setdefault(w, chr(0xF0000 + len(codes))) for w in forward_words)
    encoded_statement = "".join(codes.setdefault(w, chr(0xF0000 + len(codes))) for w in statement_words)
    if len(statement_words) <= len(forward_words):
        quoted, within, shorter, longer = statement_words, forward_words, encoded_statement, encoded_forward
    else:
        quoted, within, shorter, longer = forward_words, statement_words, encoded_forward, encoded_statement
    alignment = fuzz.partial_ratio_alignment(shorter, longer)
    window = within[alignment.dest_start:alignment.dest_end]
    changed = Levenshtein.distance(quoted, window)
    return changed, negations(" ".join(quoted)) != negations(" ".join(window))


def match_forward(text: str) -> dict | None:
    """The official statement ``text`` quotes or misquotes, or None.

    ``{"statement": {"id", "text", "said_on", "speaker", "channel"}, "similarity": 0..1, "exact": bool,
    "coverage": 0..1, "words_changed": int, "negation_changed": bool, "language": str, "speaker_hi": str}``
    """
    forward = normalise_forward(text)
    forward_words = words(forward)
    if len(forward_words) < MIN_WORDS:
        return None
    index = statement_index()
    best = None
    for position in candidates(index, forward):
        found = compare(forward, index.texts[position])
        if found["similarity"] < MIN_SIMILARITY or found["coverage"] < MIN_COVERAGE:
            continue
        if best is None or (found["similarity"], found["coverage"]) > (best[1]["similarity"], best[1]["coverage"]):
            best = (position, found)
    if best is None:
        return None
    position, found = best
    changed, negation_changed = word_changes(forward, index.texts[position])
    statement = Statement.objects.select_related("speaker", "channel").filter(pk=index.ids[position]).first()
    if statement is None:  # deleted since the index was built
        forget()
        return None
    exact = changed == 0 and found["coverage"] >= EXACT_COVERAGE
    return {
        "statement": statement_json(statement),
        "similarity": round(found["similarity"], 3),
        "exact": exact,
        "coverage": round(found["coverage"], 3),
        "words_changed": changed,
        "negation_changed": negation_changed,
        "language": statement.language,
        "speaker_hi": (statement.speaker.name_hi or statement.speaker.name_en) if statement.speaker else "",
    }


def statement_json(statement: Statement) -> dict:
    return {
        "id": statement.public_id,
        "text": statement.text,
        "said_on": statement.said_on.isoformat(),
        "speaker": statement.speaker.name_en if statement.speaker else None,
        "channel": statement.channel.display if statement.channel else None,
    }


def statement_reasons(match: dict) -> list[str]:
    """Why the forward was tied to the statement, in words a supporter can check."""
    said_on = match["statement"]["said_on"]
    if match["exact"]:
        return [_("Matches an official statement of %(date)s closely.") % {"date": said_on}]
    reasons = []
    if match["negation_changed"]:
        reasons.append(_("Adds or drops a “not”: it says the opposite of the official statement of %(date)s.")
                       % {"date": said_on})
    elif match["words_changed"]:
        reasons.append(_("Resembles an official statement of %(date)s, but its words were changed.")
                       % {"date": said_on})
    if match["coverage"] < EXACT_COVERAGE:
        reasons.append(_("Quotes only part of an official statement of %(date)s; read the whole statement.")
                       % {"date": said_on})
    return reasons
