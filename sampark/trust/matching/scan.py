"""Finding fakes in bulk: a list of handles or links → the ones that look like official channels, ranked.

A million handles against a few hundred channels cannot go through ``lookalike.compare`` one pair at a time. So:

1. each line is parsed once (plain ``@names`` on a fast path that gives what ``handles.parse`` gives);
2. the skeletons of all distinct names are made in one whole-text pass — the names are joined with newlines and
   ``str.translate`` runs over the joined text in C, then split again;
3. candidates come from the same dictionaries verify uses (``lookalike.Index``): keys inside names by one regular
   expression written as a trie over the joined skeletons, one-edit neighbours and names cut short by dictionary,
   two edits on long keys by rapidfuzz ``cdist`` with a distance cut-off (``workers=-1``), initials by a regular
   expression. (A key *with* an edit inside a longer name — verify's anchors — is left out of the bulk pass:
   its cost grows with every name sharing a first name or surname with a leader.)
4. only the pairs that pass get the full ``compare`` with its reasons; the best channel per name is kept.

Numbers, websites and e-mail addresses are few in such lists and go through ``Index.resembling`` one by one.
"""

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from sampark.trust.matching.handles import Handle, parse
from sampark.trust.matching.lookalike import (
    LONG_KEY,
    SOCIAL,
    THRESHOLD,
    Channel,
    Index,
    Reason,
    Resemblance,
    compare,
    family,
    trie_pattern,
)
from sampark.trust.matching.skeleton import skeleton
from sampark.trust.matching.words import generic_words

CHUNK = 50_000  # names per cdist call: a 50,000 × channels uint8 matrix
HEADER_NAMES = {"handle", "handles", "link", "links", "url", "urls", "account", "accounts", "username", "query",
                "target", "value", "q", "id", "profile"}


class ScanError(ValueError):
    """The input file cannot be scanned; the message names the problem."""


@dataclass
class Suspect:
    given: str  # the line as written (the first one, when several lines normalise alike)
    handle: Handle
    channel: Channel
    score: float
    reasons: list[Reason]
    lines: int = 1  # how many input lines gave this handle


# ---------------------------------------------------------------- reading the file


def read_queries(path: str | Path, column: str | None = None) -> list[str]:
    """The handles or links in ``path``: one per line, or one column of a CSV (header detected)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ScanError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ScanError(f"{path}: a folder, not a file") from None
    except OSError as exc:
        raise ScanError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScanError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again") from None
    first = next((line for line in text.splitlines() if line.strip()), None)
    if first is None:
        raise ScanError(f"{path}: empty; put one handle or link per line, or a CSV with a column of them")
    if column is not None or (("," in first or "\t" in first) and "://" not in first):
        return _csv_column(path, text, first, column)
    queries = [line.strip() for line in text.splitlines() if line.strip()]
    if queries and queries[0].lower() in HEADER_NAMES:
        queries = queries[1:]
    return queries


def _csv_column(path: Path, text: str, first: str, column: str | None) -> list[str]:
    delimiter = "\t" if "\t" in first and "," not in first else ","
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(cell.strip() for cell in row)]
    header = [cell.strip().lower() for cell in rows[0]]
    if column is not None:
        if column.strip().lower() not in header:
            raise ScanError(f"--column: no column named {column!r} in the first row of {path}")
        at, rows = header.index(column.strip().lower()), rows[1:]
    elif named := [i for i, name in enumerate(header) if name in HEADER_NAMES]:
        at, rows = named[0], rows[1:]
    elif len(header) == 1:
        at = 0
    else:
        raise ScanError(f"{path}: a CSV with {len(header)} columns and no 'handle' or 'link' column; "
                        "name the column with --column")
    return [row[at].strip() for row in rows if len(row) > at and row[at].strip()]


# ---------------------------------------------------------------- parsing and skeletons in bulk


def parse_key(text: str, platform: str | None) -> tuple[str | None, str, bool, str, bool]:
    """``handles.parse`` as a plain tuple (platform, value, had_invisible, written, maybe_handle), with plain
    ``@names`` — most of a list — answered without the general path. Tuples, not Handles: a million are hashed."""
    if (platform is None or platform in SOCIAL) and text.isascii() and len(text) <= 80:
        bare = text[1:] if text[:1] == "@" else text
        # letters, digits and _ only (not a site, link or number); "@123…" is a name, a bare "123…" a number
        if bare.replace("_", "a").isalnum() and not text.isdigit():
            return platform, bare.lower(), False, "", False  # ASCII case changes no skeleton: written is the value
    handle = parse(text, platform)
    return handle.platform, handle.value, handle.had_invisible, handle.written, handle.maybe_handle


def bulk_skeletons(values: list[str], pairs: bool = True) -> list[str]:
    """``skeleton(v)`` for every value, the ASCII ones in one pass over the newline-joined text; the rare
    non-ASCII ones one by one (Unicode normalisation of the whole text would cost more than all the rest)."""
    plain = [i for i, value in enumerate(values) if value.isascii()]
    if len(plain) == len(values):
        return skeleton("\n".join(values), pairs).split("\n")
    skels = [""] * len(values)
    for i, skel in zip(plain, skeleton("\n".join(values[i] for i in plain), pairs).split("\n"), strict=True):
        skels[i] = skel
    plain_set = set(plain)
    for i, value in enumerate(values):
        if i not in plain_set:
            skels[i] = skeleton(value, pairs)
    return skels


# ---------------------------------------------------------------- the scan


def scan(queries: list[str], index: Index, platform: str | None = None) -> list[Suspect]:
    """The suspects among ``queries``, best score first (exact official channels are not suspects)."""
    given: dict[tuple, str] = {}
    counts: dict[tuple, int] = {}
    for text in queries:
        key = parse_key(text, platform)
        if key in counts:
            counts[key] += 1
        elif key[1]:
            counts[key] = 1
            given[key] = text
    # an official channel itself is no suspect, whatever it resembles on other platforms (verify says "official")
    # bare dotted names ("naya.savera") may be usernames: compared with handles here, with sites below
    social = [key for key in counts if (key[0] is None or key[0] in SOCIAL or key[4])
              and (key[2] or key[1] not in index.by_value or not index.exact(Handle(*key)))]
    best: dict[Handle, tuple[Channel, Resemblance]] = {}
    for handle, channel, found in _social_candidates(social, index):
        if handle not in best or found.score > best[handle][1].score:
            best[handle] = (channel, found)
    for key in counts:
        handle = Handle(*key)
        if family(handle.platform) == "social" or (index.exact(handle) and not handle.had_invisible):
            continue
        if index.site_of(handle):
            continue  # an address under an official site: the owner's
        for channel, found in index.resembling(handle, limit=1, social=handle.platform == "email"):
            if handle not in best or found.score > best[handle][1].score:
                best[handle] = (channel, found)
    suspects = [
        Suspect(given[key], h, channel, found.score, found.reasons, counts[key])
        for h, (channel, found) in best.items() if found.score >= THRESHOLD
        for key in [(h.platform, h.value, h.had_invisible, h.written, h.maybe_handle)]
    ]
    suspects.sort(key=lambda s: (-s.score, -s.lines, s.handle.value))
    return suspects


def _social_candidates(keys: list[tuple], index: Index):
    """(handle, channel, resemblance) for every pair the bulk filters let through and ``compare`` confirms."""
    channels = index.social
    if not keys or not channels:
        return
    written = [key[3] or key[1] for key in keys]
    skels = bulk_skeletons(written)
    pairs: set[tuple[int, int]] = set()
    _exact_and_deletions(skels, index, pairs)
    _contained(skels, index, pairs)
    # letter pairs as written ("jan.andolan.news": "nn" read as "m" hides "janandolan"), for the names with pairs
    loose = bulk_skeletons(written, pairs=False)
    changed = [i for i, (a, b) in enumerate(zip(skels, loose, strict=True)) if a != b]
    found: set[tuple[int, int]] = set()
    _contained([loose[i] for i in changed], index, found)
    pairs.update((changed[i], j) for i, j in found)
    _long_keys(skels, index, pairs)
    _initials(written, index, pairs)
    for i, j in pairs:
        handle, channel = Handle(*keys[i]), channels[j]
        as_handle = Handle(None, handle.value, handle.had_invisible, handle.written) if handle.maybe_handle else handle
        mine = as_handle
        if mine.value == channel.handle and not mine.had_invisible and mine.platform in (None, channel.platform):
            continue  # the official channel itself
        found = compare(as_handle, channel)
        if found is not None and found.score >= THRESHOLD:
            yield handle, channel, found


def _exact_and_deletions(skels: list[str], index: Index, pairs: set) -> None:
    """Same skeleton, rotation or anagram; and one edit from a key (each deletion of the name in the key's
    deletion dictionary). Loose skeletons (letter pairs as written) are left to verify: rare in bulk lists."""
    exact, deleted, prefixes = index.exact_keys, index.deletions, index.prefixes
    lengths = {len(key) + d for key in deleted for d in (0, 1)}  # a name one edit from a key is about its length
    for i, skel in enumerate(skels):
        if len(skel) not in lengths:
            continue
        for j in exact.get(skel, ()):
            pairs.add((i, j))
        for j in prefixes.get(skel, ()):
            pairs.add((i, j))
        if skel in deleted:
            for j in deleted[skel]:
                pairs.add((i, j))
        for k in range(len(skel)):
            hit = deleted.get(skel[:k] + skel[k + 1:])
            if hit:
                for j in hit:
                    pairs.add((i, j))


def _contained(skels: list[str], index: Index, pairs: set) -> None:
    """Keys inside names ("jannetahelpdesk" holds "janneta"): one regular expression, written as a trie, over the
    joined skeletons (a look-ahead, so that keys starting at every position are found)."""
    if not index.key_owners:
        return
    pattern = re.compile("(?=(" + trie_pattern(sorted(index.key_owners)) + "))")
    for start in range(0, len(skels), CHUNK):
        chunk = skels[start:start + CHUNK]
        text = "\n".join(chunk)
        line_starts = np.cumsum([0] + [len(s) + 1 for s in chunk[:-1]])
        found = [(m.start(), m.group(1)) for m in pattern.finditer(text)]
        if not found:
            continue
        lines = np.searchsorted(line_starts, [at for at, _key in found], side="right") - 1
        for line, (_at, key) in zip(lines.tolist(), found, strict=True):
            for j in index.key_owners.get(key, ()):
                pairs.add((start + line, j))


def _long_keys(skels: list[str], index: Index, pairs: set) -> None:
    """Two edits from a long key: rapidfuzz's edit distance with a cut-off, in chunks, on both cores."""
    if not index.long_keys:
        return
    rows = [i for i, skel in enumerate(skels) if len(skel) >= LONG_KEY - 2]
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        matrix = process.cdist([skels[i] for i in chunk], index.long_keys, scorer=Levenshtein.distance,
                               score_cutoff=2, dtype=np.uint8, workers=-1)
        hit_rows, hit_cols = np.nonzero(matrix <= 2)
        for r, c in zip(hit_rows.tolist(), hit_cols.tolist(), strict=True):
            for j in index.long_owners[index.long_keys[c]]:
                pairs.add((chunk[r], j))


def _initials(written: list[str], index: Index, pairs: set) -> None:
    """The officials' initials (and one-word ordinary names) as a word of its own at the start or after a
    separator: one regular expression, written as a trie, over the joined lower-cased text finds the few lines
    worth a look; only those beside a generic word ("official", "IT cell", "helpdesk"…) go on."""
    if not index.initials:
        return
    pattern = re.compile(r"(?:^|(?<=[_.\-]))(" + trie_pattern(sorted(index.initials)) + r")(?=$|[_.\-0-9])",
                         re.MULTILINE)
    text = "\n".join(written).lower()
    found = [(m.start(1), m.group(1)) for m in pattern.finditer(text)]
    if not found:
        return
    line_starts = np.cumsum([0] + [len(w) + 1 for w in written[:-1]])
    lines = np.searchsorted(line_starts, [at for at, _word in found], side="right") - 1
    affixes = {w for w, (section, _label) in generic_words().items() if section == "affix"}
    for line, (_at, word) in zip(lines.tolist(), found, strict=True):
        if not affixes.intersection(_WORD_CUT.split(written[line].lower())):
            continue  # initials alone are anyone's: only beside "official", "IT cell", "helpdesk"… (see lookalike)
        for j in index.initials.get(word, ()):
            pairs.add((line, j))


_WORD_CUT = re.compile(r"[_.\-0-9]+")
