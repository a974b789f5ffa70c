"""Finding fakes in bulk: a list of handles or links → the ones that look like official channels, ranked.

A million handles against a few hundred channels cannot go through ``lookalike.compare`` one pair at a time. So:

1. each line is parsed once (plain ``@names`` on a fast path that gives what ``handles.parse`` gives);
2. the skeletons and affix-free cores of all distinct names are made in a few whole-text passes — the names are
   joined with newlines and ``str.translate``/``re.sub`` run over the joined text in C, then split again;
3. rapidfuzz ``cdist`` compares every core with every official core on both cores (``workers=-1``) with a
   cut-off, in chunks so the score matrix stays small; exact skeleton, core and rotation hits come from a dict;
4. only the pairs that pass get the full ``compare`` with its reasons; the best channel per name is kept.

Numbers, websites and e-mail addresses are few in such lists and go through ``Index.resembling`` one by one.
"""

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from sampark.trust.matching.handles import Handle, parse
from sampark.trust.matching.lookalike import (
    MIN_ANAGRAM,
    PREFILTER_CUTOFF,
    SOCIAL,
    THRESHOLD,
    Channel,
    Form,
    Index,
    Reason,
    Resemblance,
    _affix_words,
    anagram_key,
    compare,
    family,
    plausible,
    strip_words,
)
from sampark.trust.matching.skeleton import SEPARATORS, fold_pairs, skeleton

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


def parse_key(text: str, platform: str | None) -> tuple[str | None, str, bool]:
    """``handles.parse`` as a plain tuple (platform, value, had_invisible), with plain ``@names`` — most of a
    list — answered without the general path. Tuples, not Handles: a million of them are hashed."""
    if (platform is None or platform in SOCIAL) and text.isascii() and len(text) <= 80:
        bare = text[1:] if text[:1] == "@" else text
        # letters, digits and _ only (not a site, link or number); "@123…" is a name, a bare "123…" a number
        if bare.replace("_", "a").isalnum() and not text.isdigit():
            return platform, bare.lower(), False
    handle = parse(text, platform)
    return handle.platform, handle.value, handle.had_invisible


def bulk_forms(values: list[str]) -> tuple[list[str], list[str]]:
    """Skeletons and loose affix-free cores of ``values`` (``lookalike.Form.of(v).skel`` and ``.core``), with the
    character work done on the newline-joined text (a few C passes instead of a million small calls). The rare
    non-ASCII values go one by one: Unicode normalisation of the whole text would cost more than all the rest."""
    plain = [i for i, value in enumerate(values) if value.isascii()]
    if len(plain) == len(values):
        return _joined_forms(values)
    skels, cores = [""] * len(values), [""] * len(values)
    for i, skel, core in zip(plain, *_joined_forms([values[i] for i in plain]), strict=True):
        skels[i], cores[i] = skel, core
    plain_set = set(plain)
    for i, value in enumerate(values):
        if i not in plain_set:
            form = Form.of(value)
            skels[i], cores[i] = form.skel, form.core
    return skels, cores


def _joined_forms(values: list[str]) -> tuple[list[str], list[str]]:
    joined = "\n".join(values)
    skels = skeleton(joined).split("\n")
    # cores (loose): digits at either end are an added number; then the affix words at either end come off
    flat = _EDGE_NUMBERS.sub("", joined.lower().translate(_SEPARATOR_DELETE))
    words = _affix_words()[0]
    cores = [strip_words(line)[0] if line.startswith(words) or line.endswith(words) else line
             for line in skeleton(flat, pairs=False).split("\n")]
    return skels, cores


_SEPARATOR_DELETE = str.maketrans("", "", SEPARATORS)
_EDGE_NUMBERS = re.compile(r"^\d+(?=[^\d\n])|(?<=[^\d\n])\d+$", re.MULTILINE)


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
    social = [key for key in counts if (key[0] is None or key[0] in SOCIAL)
              and (key[2] or key[1] not in index.by_value or not index.exact(Handle(*key)))]
    best: dict[Handle, tuple[Channel, Resemblance]] = {}
    for handle, channel, found in _social_candidates(social, index):
        if handle not in best or found.score > best[handle][1].score:
            best[handle] = (channel, found)
    for key in counts:
        handle = Handle(*key)
        if family(handle.platform) == "social" or (index.exact(handle) and not handle.had_invisible):
            continue
        for channel, found in index.resembling(handle, limit=1):
            best[handle] = (channel, found)
    suspects = [
        Suspect(given[key], h, channel, found.score, found.reasons, counts[key])
        for h, (channel, found) in best.items() if found.score >= THRESHOLD
        for key in [(h.platform, h.value, h.had_invisible)]
    ]
    suspects.sort(key=lambda s: (-s.score, -s.lines, s.handle.value))
    return suspects


def _social_candidates(keys: list[tuple], index: Index):
    """(handle, channel, resemblance) for every pair the bulk filter lets through and ``compare`` confirms."""
    channels = index.social
    if not keys or not channels:
        return
    skels, cores = bulk_forms([key[1] for key in keys])
    official_cores = index.social_cores
    official_skels = index.social_skels
    sure: set[tuple[int, int]] = set()  # dictionary hits: same skeleton, core or rotation
    social_keys = index.social_keys
    for i, (skel, core) in enumerate(zip(skels, cores, strict=True)):
        pcore = fold_pairs(core)
        lookups = (skel, pcore, anagram_key(skel)) if len(skel) >= MIN_ANAGRAM else (skel, pcore)
        if any(key in social_keys for key in lookups):
            for key in lookups:
                for j in social_keys.get(key, ()):
                    sure.add((i, j))
    for start in range(0, len(cores), CHUNK):
        matrix = process.cdist(cores[start:start + CHUNK], official_cores, scorer=fuzz.ratio,
                               score_cutoff=PREFILTER_CUTOFF, dtype=np.uint8, workers=-1)
        rows, cols = np.nonzero(matrix)
        for i, j in zip((rows + start).tolist(), cols.tolist(), strict=True):
            if (i, j) in sure or plausible(skels[i], cores[i], official_skels[j], official_cores[j]):
                sure.add((i, j))
    for i, j in sure:
        handle, channel = Handle(*keys[i]), channels[j]
        if handle.value == channel.handle and not handle.had_invisible and handle.platform in (None, channel.platform):
            continue  # the official channel itself
        found = compare(handle, channel)
        if found is not None and found.score >= THRESHOLD:
            yield handle, channel, found

