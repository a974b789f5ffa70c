"""Bulk lookalike scan: 1,000,000 handles against 200 official channels.

    .venv/bin/python bench/trust_scan.py [--lines 1000000] [--channels 200] [--lookalikes 0.02]

Generates a synthetic list (fictional names; a known fraction are lookalikes of the official handles: digits,
look-alike letters and capitals from other scripts, added words, dropped, swapped and replaced letters; the rest
ordinary handles built from the same name parts, so many are near misses), writes it to a temporary file,
and times what `sampark trust scan FILE --output OUT.csv` does after loading the registry:
read the file, scan, write the CSV. The registry is built in memory (same `lookalike.Index` the command builds
from the database). Prints seconds, rows/s and how many of the planted lookalikes were found.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
os.environ.setdefault("SAMPARK_DATA_DIR", tempfile.mkdtemp())

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from sampark.trust.cli.scan import write_csv  # noqa: E402
from sampark.trust.matching.lookalike import Channel, Index  # noqa: E402
from sampark.trust.matching.scan import read_queries, scan  # noqa: E402

FIRST = ["asha", "ravi", "sunita", "mohan", "kavita", "arjun", "meera", "vikram", "pooja", "rahul", "anita", "deepak",
         "neha", "suresh", "lata", "manoj", "rekha", "sanjay", "usha", "ajay", "geeta", "vinod", "seema", "rakesh",
         "nisha", "ashok", "kiran", "prakash", "shanti", "gopal"]
LAST = ["verma", "yadav", "singh", "gupta", "sharma", "mishra", "pandey", "tiwari", "kumar", "devi", "chauhan",
        "saxena", "dubey", "shukla", "rawat", "negi", "joshi", "pathak", "srivastava", "bharti"]
TAIL = ["mla", "mp", "inc", "bjp", "", "", "official", "office", "ji", "india", "up", "lko"]
WORDS = ["cricket", "movies", "foodie", "travel", "photo", "music", "daily", "news", "tech", "gamer", "life", "art"]


def official_handles(n: int, rng: random.Random) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add(rng.choice(FIRST) + rng.choice(["", "_"]) + rng.choice(LAST) + rng.choice(["", "mla", "mp", "ji"]))
    return sorted(out)


def lookalike(handle: str, rng: random.Random) -> str:
    trick = rng.randrange(11)
    if trick == 8 and len(handle) > 6:  # any letter replaced by any other (issue 12)
        i = rng.randrange(1, len(handle) - 1)
        if handle[i].isalpha():
            return handle[:i] + rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != handle[i]]) + handle[i + 1:]
    if trick == 9:  # the distinctive part with another word
        return handle + rng.choice(["_helpdesk", "_itcell_lko", "seva", "_admin", "oficial"])
    if trick == 10:  # a capital from another script, which only the written form keeps
        return "\u0410" + handle[1:] if handle.startswith("a") else handle.replace("s", "\u0405", 1)
    if trick == 0:
        swaps = [(a, b) for a, b in (("o", "0"), ("l", "1"), ("i", "1"), ("e", "3"), ("a", "4"), ("s", "5"),
                                     ("b", "8")) if a in handle]
        if swaps:
            a, b = rng.choice(swaps)
            return handle.replace(a, b, 1)
    if trick == 1:
        return handle + rng.choice(["_official", "official", "_itcell", "fan", "_fc", "news", "2024", "_parody"])
    if trick == 2:
        return "real_" + handle
    if trick == 3 and len(handle) > 6:
        i = rng.randrange(1, len(handle) - 1)
        return handle[:i] + handle[i + 1:]
    if trick == 4 and len(handle) > 6:
        i = rng.randrange(1, len(handle) - 2)
        return handle[:i] + handle[i + 1] + handle[i] + handle[i + 2:]
    if trick == 5:
        return handle.replace("a", "\u0430", 1) if "a" in handle else handle + "_"
    if trick == 6:
        return handle.replace("m", "rn", 1) if "m" in handle else handle + handle[-1]
    return handle.replace("_", "") if "_" in handle else handle[:3] + "_" + handle[3:]


SYLLABLES = ["ka", "ra", "vi", "shu", "man", "dee", "pa", "ni", "la", "ta", "go", "ve", "ru", "si", "an", "jo",
             "mi", "ha", "bu", "ne", "ya", "de", "ko", "li", "sa", "tu", "har", "pre", "ish", "na"]


def name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4)))


def ordinary(rng: random.Random) -> str:
    """Handles of other people: names like the leaders' (same syllables, shared first names or surnames), words,
    numbers; about 2% are namesakes of a leader with a number added, which the scan rightly lists as suspects."""
    kind = rng.randrange(50)
    if kind == 0:
        return "@" + rng.choice(FIRST) + rng.choice(LAST) + str(rng.randrange(1, 99999))
    if kind < 15:
        return rng.choice(FIRST) + rng.choice(["", "_"]) + name(rng) + rng.choice(["", str(rng.randrange(1000))])
    if kind < 30:
        return "@" + name(rng) + rng.choice(["", "_"]) + rng.choice(LAST)
    if kind < 40:
        return rng.choice(WORDS) + rng.choice(["", "_", "."]) + name(rng) + str(rng.randrange(100))
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(rng.randrange(5, 15)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--channels", type=int, default=200)
    parser.add_argument("--lookalikes", type=float, default=0.02)
    args = parser.parse_args()
    rng = random.Random(7)
    officials = official_handles(args.channels, rng)
    platforms = ["x", "instagram", "facebook", "youtube", "telegram"]
    index = Index([Channel(i + 1, platforms[i % len(platforms)], h) for i, h in enumerate(officials)])
    official_set = set(officials)
    planted: set[str] = set()
    lines = []
    for _ in range(args.lines):
        if rng.random() < args.lookalikes:
            fake = lookalike(rng.choice(officials), rng)
            if fake.lower() in official_set:
                fake = "real_" + fake  # "sunita_yadav" made from "sunitayadav" may be another official handle
            planted.add(fake.lower())
            lines.append("@" + fake)
        else:
            lines.append(ordinary(rng))
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "handles.txt", Path(folder) / "suspects.csv"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        started, cpu = time.perf_counter(), time.process_time()
        queries = read_queries(source)
        read = time.perf_counter()
        with translation.override("en"):
            suspects = scan(queries, index)
        scanned = time.perf_counter()
        with open(target, "w", encoding="utf-8", newline="") as out:
            write_csv(out, suspects, {})
        finished, cpu = time.perf_counter(), time.process_time() - cpu
    found = {s.given.lstrip("@").lower() for s in suspects}
    caught = len(planted & found)
    print(f"machine: {os.cpu_count()} cores; {args.lines:,} lines, {len(officials)} official channels, "
          f"{len(planted):,} distinct planted lookalikes")
    print(f"read {read - started:.2f} s, scan {scanned - read:.2f} s, write {finished - scanned:.2f} s")
    total = finished - started
    print(f"total {total:.2f} s wall ({cpu:.2f} s CPU, both cores counted; the load average was "
          f"{os.getloadavg()[0]:.1f}), {args.lines / total:,.0f} rows/s; {len(suspects):,} suspects; "
          f"planted lookalikes found: {caught:,}/{len(planted):,} ({caught / max(1, len(planted)):.1%}); "
          f"other suspects: {len(found - planted):,} (mostly a leader's exact name plus a number, see ordinary())")


if __name__ == "__main__":
    main()
