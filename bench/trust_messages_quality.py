"""Precision and recall of the message checks on the labelled cases in tests/trust/data/messages.csv.

    .venv/bin/python bench/trust_messages_quality.py [--errors] [--split dev|heldout]

Reports, per split and overall (both splits were written together with the rules, so both are a regression set;
the honest figure for new text comes from tests/trust/external/, which no tuning reads): solicits_personal_data,
each asks_for category (per message: is the category in asks_for), and claims_to_be_official. Uses the rules alone
(``fishing.classify``), no database.
"""

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "trust" / "data" / "messages.csv"
CATEGORIES = ("phone", "aadhaar", "voter_id", "otp", "bank_or_upi", "address", "photo", "money")
MOVEMENT_NAMES = ["Jan Andolan", "जन आंदोलन", "JA"]  # the movement the cases name (SAMPARK_MOVEMENT_NAMES)


def load() -> list[dict]:
    with open(CASES, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def counts(pairs) -> dict:
    pairs = list(pairs)
    tp = sum(1 for truth, guess in pairs if truth and guess)
    fp = sum(1 for truth, guess in pairs if not truth and guess)
    fn = sum(1 for truth, guess in pairs if truth and not guess)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"support": tp + fn, "tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall}


def evaluate(rows: list[dict], classify) -> tuple[dict, list[str]]:
    results, errors = [], []
    for row in rows:
        verdict = classify(row["text"])
        expected = set(filter(None, row["asks_for"].split(";")))
        results.append((row, verdict, expected))
        if (verdict.solicits != (row["solicits"] == "1") or set(verdict.asks_for) != expected
                or bool(verdict.claims) != (row["claims_official"] == "1")):
            errors.append(f"{row['id']} {row['split']}: want solicits={row['solicits']} {sorted(expected)} "
                          f"claims={row['claims_official']}; got solicits={int(verdict.solicits)} "
                          f"{verdict.asks_for} claims={int(bool(verdict.claims))} | {row['text']!r}")
    figures = {"solicits_personal_data": counts((r["solicits"] == "1", v.solicits) for r, v, _e in results)}
    for name in CATEGORIES:
        figures[name] = counts((name in e, name in v.asks_for) for _r, v, e in results)
    figures["claims_to_be_official"] = counts((r["claims_official"] == "1", bool(v.claims)) for r, v, _e in results)
    return figures, errors


def table(title: str, figures: dict, n: int) -> str:
    lines = [f"{title} ({n} messages)", f"  {'':24} {'support':>7} {'precision':>9} {'recall':>7}"]
    for name, f in figures.items():
        lines.append(f"  {name:24} {f['support']:>7} {f['precision']:>9.3f} {f['recall']:>7.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every message the rules get wrong")
    parser.add_argument("--split", choices=["dev", "heldout"], help="only this split")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SAMPARK_DATA_DIR", tempfile.mkdtemp(prefix="sampark-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")
    import django

    django.setup()
    from django.test import override_settings

    from sampark.trust.messages.fishing import classify

    override_settings(SAMPARK_MOVEMENT_NAMES=MOVEMENT_NAMES).enable()

    rows = load()
    splits = [args.split] if args.split else ["dev", "heldout", None]
    all_errors = []
    for split in splits:
        chosen = [r for r in rows if split is None or r["split"] == split]
        started = time.perf_counter()
        figures, errors = evaluate(chosen, classify)
        elapsed = time.perf_counter() - started
        print(table(split or "all", figures, len(chosen)))
        print(f"  {elapsed / len(chosen) * 1000:.2f} ms per message\n")
        if split is None or args.split:
            all_errors = errors
    if args.errors:
        print("\n".join(all_errors))


if __name__ == "__main__":
    main()
