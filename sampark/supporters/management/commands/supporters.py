"""sampark supporters seed|import: synthetic supporters for benchmarks, and supporters from a CSV file.

    sampark supporters seed --count N [--area CODE]
    sampark supporters import FILE.csv [--source LABEL] [--tag T] [--callback] [--report OUT.csv]
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from sampark.supporters.imports import seed as seeding


class Command(BaseCommand):
    help = "Supporters in bulk: seed synthetic ones (seed), import a CSV file (import)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        seed = actions.add_parser("seed", help="make N synthetic supporters (a fictional number series)")
        seed.add_argument("--count", type=int, required=True, metavar="N")
        seed.add_argument("--area", metavar="CODE", help="only inside this area (default: every loaded area)")

    def handle(self, *args, action, **options):
        if action == "seed":
            self.seed(options["count"], options["area"])

    def seed(self, count: int, area: str | None) -> None:
        started = time.monotonic()
        interactive = self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()

        def progress(done: int) -> None:
            if interactive:
                self.stdout.write(f"\r{done:,} of {count:,}", ending="")
                self.stdout.flush()

        try:
            result = seeding.seed(count, area_code=area, progress=progress)
        except seeding.SeedError as exc:
            raise CommandError(str(exc)) from None
        if interactive:
            self.stdout.write("")
        seconds = time.monotonic() - started
        self.stdout.write(f"seeded {result.created:,} supporters ({result.first_number} … {result.last_number}) "
                          f"in {seconds:.1f} s")
