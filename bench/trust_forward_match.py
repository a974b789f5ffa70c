"""Speed of "verify a forward": match_forward against N recorded statements, p50/p99 per forward.

    .venv/bin/python bench/trust_forward_match.py [--statements 5000] [--forwards 400]

A throwaway SQLite database in a temporary data folder; statements are generated Hindi and English sentences
from a small vocabulary (so they share many words, the hard case for the candidate prefilter). Half the forwards
quote a statement with forwarding noise and one word changed, half are unrelated. Reports index build time,
p50/p99 per forward, and how many quotes were tied to the statement they came from.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HI_WORDS = ("किसान गांव सड़क स्कूल अस्पताल बिजली पानी युवा रोजगार महिला सुरक्षा शिक्षा कर्ज योजना जिला प्रदेश "
            "सरकार आंदोलन सदस्य कार्यकर्ता बूथ सम्मेलन नीति महंगाई फसल दाम मजदूर छात्र कॉलेज").split()
EN_WORDS = ("farmers village road school hospital power water youth jobs women safety education loans scheme "
            "district state government movement members volunteers booth convention policy prices crops wages "
            "students college").split()


def sentence(rng: random.Random, words: list[str], joiner: str) -> str:
    return joiner.join(rng.choice(words) for _ in range(rng.randint(14, 40)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--forwards", type=int, default=400)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ["SAMPARK_DATA_DIR"] = tempfile.mkdtemp(prefix="sampark-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "sampark.settings"
    import django

    django.setup()
    from datetime import date

    from django.core.management import call_command

    from sampark.trust.messages.statements import match_forward, statement_index
    from sampark.trust.models import Statement

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    texts = [sentence(rng, HI_WORDS, " ") if n % 2 else sentence(rng, EN_WORDS, " ") for n in range(args.statements)]
    made = Statement.objects.bulk_create(Statement(text=t, said_on=date(2026, 1, 1)) for t in texts)

    started = time.perf_counter()
    statement_index()
    build = time.perf_counter() - started

    timings, found, quotes = [], 0, 0
    for n in range(args.forwards):
        if n % 2 == 0:
            target = rng.randrange(len(made))
            words = texts[target].split()
            words[rng.randrange(len(words))] = rng.choice(HI_WORDS + EN_WORDS)
            forward = "*BREAKING* 🔥 " + " ".join(words) + " 🙏 Forwarded as received"
            quotes += 1
        else:
            target = None
            forward = sentence(rng, HI_WORDS + EN_WORDS, " ")
        started = time.perf_counter()
        match = match_forward(forward)
        timings.append((time.perf_counter() - started) * 1000)
        if target is not None and match and match["statement"]["id"] == made[target].public_id:
            found += 1
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"{args.statements} statements: index built in {build * 1000:.0f} ms")
    print(f"{args.forwards} forwards: p50 {statistics.median(timings):.2f} ms, p99 {p99:.2f} ms, "
          f"max {timings[-1]:.2f} ms")
    print(f"altered quotes tied to their statement: {found}/{quotes}")


if __name__ == "__main__":
    main()
