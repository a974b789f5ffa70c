""""Verify a forward": find the official statement a forwarded message quotes, or misquotes.

Forwards wrap a quote in noise ("*BREAKING*", "Forwarded as received", emojis, "जरूर पढ़ें") and change a few
words — sometimes only one, a "not" that reverses the meaning. ``match_forward(text)`` strips the noise, picks
candidates cheaply from an inverted index (statements sharing the forward's rarer words; thousands of statements
cost a dictionary walk, not thousands of comparisons), then aligns each candidate with rapidfuzz: the statement's
best-matching window in the forward (or the forward's in the statement, when only part was quoted).

``similarity`` is how closely the quoted words follow the statement (0..1); ``exact`` says the forward carries the
statement nearly verbatim (≥ 0.95, at least 90 % of it, no "not" added or dropped). Below ``MIN_SIMILARITY`` there
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

from sampark.trust import fishing_lexicon as lex
from sampark.trust.fishing import WORD, normalise, patterns, terms
from sampark.trust.models import Statement

MIN_SIMILARITY = 0.70  # measured on tests/trust/data: altered forwards score 0.80–0.95, unrelated ones below 0.6
EXACT_SIMILARITY = 0.95
EXACT_COVERAGE = 0.90
MIN_COVERAGE = 0.30  # a forward quoting less than a third of a statement is not evidence of it
MIN_WORDS = 4  # fewer words than this match too many statements by chance
CANDIDATES = 30
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


@dataclass
class StatementIndex:
    fingerprint: tuple
    built_at: float
    ids: list[int]
    texts: list[str]  # normalised like a forward
    postings: dict[str, list[int]]  # word → positions in ids/texts
    weights: dict[str, float]  # word → inverse document frequency: "का" and "the" count for little


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
        ids, texts, postings = [], [], {}
        for position, (pk, text) in enumerate(Statement.objects.order_by("pk").values_list("pk", "text")
                                              .iterator(chunk_size=2000)):
            normal = normalise_forward(text)
            ids.append(pk)
            texts.append(normal)
            for word in words(normal):
                postings.setdefault(word, []).append(position)
        total = max(len(ids), 1)
        weights = {word: math.log(1 + total / len(found)) for word, found in postings.items()}
        _index = StatementIndex(current, time.monotonic(), ids, texts, postings, weights)
        return _index


def candidates(index: StatementIndex, forward_words: set[str]) -> list[int]:
    scores: Counter = Counter()
    for word in forward_words:
        weight = index.weights.get(word)
        if weight is None:
            continue
        for position in index.postings[word]:
            scores[position] += weight
    return [position for position, _score in scores.most_common(CANDIDATES)]


def negations(text: str) -> int:
    return len(patterns()["negations"].findall(text))


def compare(forward: str, statement: str) -> dict:
    """How closely ``forward`` quotes ``statement``: similarity of the aligned words, share of the statement quoted."""
    if len(statement) <= len(forward):
        alignment = fuzz.partial_ratio_alignment(statement, forward)
        window = forward[alignment.dest_start:alignment.dest_end]
        quoted, coverage = statement, 1.0
    else:
        alignment = fuzz.partial_ratio_alignment(forward, statement)
        window = statement[alignment.dest_start:alignment.dest_end]
        quoted, coverage = forward, len(forward) / len(statement)
    similarity = max(alignment.score, fuzz.token_sort_ratio(quoted, window)) / 100
    flipped = negations(quoted) != negations(window)
    return {"similarity": similarity, "coverage": coverage, "negation_changed": flipped}


def match_forward(text: str) -> dict | None:
    """The official statement ``text`` quotes or misquotes, or None.

    ``{"statement": {"id", "text", "said_on", "speaker", "channel"}, "similarity": 0..1, "exact": bool,
    "coverage": 0..1, "negation_changed": bool, "language": str, "speaker_hi": str}``
    """
    forward = normalise_forward(text)
    forward_words = words(forward)
    if len(forward_words) < MIN_WORDS:
        return None
    index = statement_index()
    best = None
    for position in candidates(index, forward_words):
        found = compare(forward, index.texts[position])
        if found["similarity"] < MIN_SIMILARITY or found["coverage"] < MIN_COVERAGE:
            continue
        if best is None or (found["similarity"], found["coverage"]) > (best[1]["similarity"], best[1]["coverage"]):
            best = (position, found)
    if best is None:
        return None
    position, found = best
    statement = Statement.objects.select_related("speaker", "channel").filter(pk=index.ids[position]).first()
    if statement is None:  # deleted since the index was built
        forget()
        return None
    exact = (found["similarity"] >= EXACT_SIMILARITY and found["coverage"] >= EXACT_COVERAGE
             and not found["negation_changed"])
    return {
        "statement": statement_json(statement),
        "similarity": round(found["similarity"], 3),
        "exact": exact,
        "coverage": round(found["coverage"], 3),
        "negation_changed": found["negation_changed"],
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
    elif match["similarity"] < EXACT_SIMILARITY:
        reasons.append(_("Resembles an official statement of %(date)s, but its words were changed.")
                       % {"date": said_on})
    if match["coverage"] < EXACT_COVERAGE:
        reasons.append(_("Quotes only part of an official statement of %(date)s; read the whole statement.")
                       % {"date": said_on})
    return reasons
