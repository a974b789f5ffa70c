"""sampark supporters seed|import: synthetic supporters for benchmarks, and supporters from a CSV file.

    sampark supporters seed --count N [--area CODE]
    sampark supporters import FILE.csv [--source LABEL] [--tag T] [--callback] [--report OUT.csv]
"""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sampark.supporters.imports import seed as seeding
from sampark.supporters.imports import services as importing


class Command(BaseCommand):
    help = "Supporters in bulk: seed synthetic ones (seed), import a CSV file (import)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        seed = actions.add_parser("seed", help="make N synthetic supporters (a fictional number series)")
        seed.add_argument("--count", type=int, required=True, metavar="N")
        seed.add_argument("--area", metavar="CODE", help="only inside this area (default: every loaded area)")
        load = actions.add_parser("import", help="import supporters from a CSV file (resumable: run it again)")
        load.add_argument("file", metavar="FILE.csv", help="columns phone (required), name, area_code, language, "
                          "tags; UTF-8 or UTF-16 (Excel's CSV or Unicode text), comma- or tab-separated")
        load.add_argument("--source", metavar="LABEL", help="where the list comes from (default: the file name); "
                          "consent is recorded as \"imported from LABEL\"")
        load.add_argument("--tag", default="", metavar="T", help="tag everyone the file names with T")
        load.add_argument("--callback", action="store_true", help="put them in their area's call-back queue")
        load.add_argument("--report", metavar="OUT.csv",
                          help="the rejected rows (line, reason, detail); default FILE.csv.rejected.csv when any")

    def handle(self, *args, action, **options):
        if action == "seed":
            self.seed(options["count"], options["area"])
        elif action == "import":
            self.load(options["file"], options["source"], options["tag"], options["callback"], options["report"])

    def load(self, file: str, source: str | None, tag: str, callback: bool, report: str | None) -> None:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"FILE: {file}: no such file" if not path.exists() else f"FILE: {file}: not a file")
        try:
            job, resumed = importing.start_file_import(path, source=source, tag=tag, callback=callback)
        except importing.ImportError_ as exc:
            raise CommandError(f"{file}: {exc}") from None
        except OSError as exc:
            raise CommandError(f"FILE: {file}: cannot read it ({exc.strerror})") from None
        if resumed:
            self.stderr.write(f"continuing the unfinished import of this file after line {job.last_line:,} "
                              f"(source {job.source!r})")
        try:
            job = importing.run(job)
        except importing.ImportError_ as exc:
            raise CommandError(f"{file}: {exc}; run the command again to continue") from None
        if report or job.rejected:
            out = Path(report) if report else path.with_name(path.name + ".rejected.csv")
            try:
                importing.write_report(job, out)
            except OSError as exc:
                raise CommandError(f"--report: {out}: cannot write it ({exc.strerror})") from None
            self.stderr.write(f"rejected rows: {out}")
        self.stdout.write(f"imported {job.imported}, merged {job.merged}, rejected {job.rejected}")

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
