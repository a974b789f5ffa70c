"""Precision and recall of "impersonation_risk" on the labelled lookalike cases.

    .venv/bin/python bench/trust_quality.py [--verbose]

Cases: tests/trust/data/lookalikes.csv (query, platform, the official channel it should match or empty, expected
verdict, the trick used) against the fictional registry in tests/trust/data/officials.csv. A case counts as a true
positive only when the verdict is impersonation_risk *and* the expected channel is among the matches. Runs the
same `verify.decide` the API uses, on an in-memory index (no database).
"""

import argparse
import csv
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "trust" / "data"


@dataclass
class Figures:
    cases: int
    precision: float
    recall: float
    verdict_accuracy: float
    misses: list  # (query, expected, got, detail) for every case not answered as labelled


def rows(path: Path) -> list[dict]:
    """A CSV's rows; lines starting with # are comments (the external sets have a header of comments)."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def load_index(officials: Path = DATA / "officials.csv"):
    from sampark.trust.matching.handles import parse
    from sampark.trust.matching.lookalike import Channel, Index

    channels, by_display = [], {}
    for n, row in enumerate(rows(officials), start=1):
        display = row.get("display") or row["handle"]
        channel = Channel(n, row["platform"], parse(display, row["platform"]).value,
                          row.get("status") == "retired", display)
        channels.append(channel)
        by_display[display] = channel
    return Index(channels), by_display


def evaluate(cases_path: Path = DATA / "lookalikes.csv", officials: Path = DATA / "officials.csv") -> Figures:
    from sampark.trust.matching.handles import parse
    from sampark.trust.matching.verify import RISK, decide

    index, by_display = load_index(officials)
    tp = fp = fn = right = 0
    misses = []
    cases = rows(cases_path)
    for case in cases:
        case.setdefault("trick", case.get("class", ""))
        verdict, matches = decide(parse(case["query"], case["platform"] or None), index)
        expected = case["verdict"]
        channel = by_display.get(case["official"]) if case["official"] else None
        hit = channel is None or any(c.id == channel.id for c, _r in matches)
        if expected == RISK:
            if verdict == RISK and hit:
                tp += 1
            else:
                fn += 1
        elif verdict == RISK:
            fp += 1
        if verdict == expected and hit:
            right += 1
        else:
            detail = "; ".join(f"{c.handle} {r.score} {r.texts()}" for c, r in matches[:2])
            misses.append((case["query"], expected, verdict, f"{case['trick']} | {detail}"))
    return Figures(len(cases), tp / max(1, tp + fp), tp / max(1, tp + fn), right / max(1, len(cases)), misses)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="list every case not answered as labelled")
    parser.add_argument("--cases", type=Path, default=DATA / "lookalikes.csv", help="labelled cases (CSV)")
    parser.add_argument("--officials", type=Path, default=DATA / "officials.csv", help="their registry (CSV)")
    args = parser.parse_args()
    from django.utils import translation

    with translation.override("en"):
        figures = evaluate(args.cases, args.officials)
    print(f"{figures.cases} cases: impersonation_risk precision {figures.precision:.3f}, recall "
          f"{figures.recall:.3f}; verdict right on {figures.verdict_accuracy:.1%}")
    for query, expected, got, detail in figures.misses if args.verbose else []:
        print(f"  {query!r}: expected {expected}, got {got} ({detail})")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
    os.environ.setdefault("SAMPARK_DATA_DIR", tempfile.mkdtemp())
    import django

    django.setup()
    main()
