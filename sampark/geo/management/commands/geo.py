"""sampark geo import|import-series: load the Area tree and the DoT number-series table from CSV files.

    sampark geo import areas.csv             columns code,parent_code,level,name_en,name_hi; all or nothing
    sampark geo import-series series.csv     columns prefix,operator,circle_code,circle; bad rows skipped

Both are safe to run again: areas are matched by code and series by prefix.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sampark.geo import services

MAX_LISTED_ERRORS = 200  # a broken million-row file should not scroll the terminal for minutes


class Command(BaseCommand):
    help = "Import geography: the Area tree (import) and the DoT mobile number series (import-series)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        areas = actions.add_parser("import", help="create or update areas from a CSV file (all or nothing)")
        areas.add_argument("file", metavar="FILE.csv", help="columns: " + ",".join(services.AREA_COLUMNS))
        numbers = actions.add_parser("import-series", help="create or update the number series → circle table")
        numbers.add_argument("file", metavar="FILE", help="columns: " + ",".join(services.SERIES_COLUMNS))

    def handle(self, *args, action, file, **options):
        self.verbosity = options["verbosity"]
        if action == "import":
            self.import_areas(file)
        elif action == "import-series":
            self.import_series(file)

    def read(self, name: str, columns) -> list:
        path = Path(name)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"FILE: {name}: no such file") from None
        except IsADirectoryError:
            raise CommandError(f"FILE: {name}: is a directory, not a CSV file") from None
        except OSError as exc:
            raise CommandError(f"FILE: {name}: cannot read it ({exc.strerror})") from None
        try:
            return services.read_csv(data, columns)
        except services.CsvError as exc:
            raise CommandError(f"FILE: {name}: {exc}") from None

    def import_areas(self, name: str) -> None:
        report = services.import_areas(self.read(name, services.AREA_COLUMNS))
        if not report.ok:
            for error in report.errors[:MAX_LISTED_ERRORS]:
                self.stderr.write(error)
            if len(report.errors) > MAX_LISTED_ERRORS:
                self.stderr.write(f"... and {len(report.errors) - MAX_LISTED_ERRORS} more")
            raise CommandError(f"{name}: {len(report.errors)} error(s); nothing was imported")
        if self.verbosity:
            self.stdout.write(
                f"areas: {report.created} created, {report.updated} updated, {report.unchanged} unchanged"
                + (f", {report.paths_changed} paths changed" if report.paths_changed else "")
            )

    def import_series(self, name: str) -> None:
        report = services.import_series(self.read(name, services.SERIES_COLUMNS))
        if report.skipped and not report.imported:
            for line, reason in report.skipped[:MAX_LISTED_ERRORS]:
                self.stderr.write(f"line {line}: {reason}")
            raise CommandError(f"{name}: no usable rows; is it the DoT series table?")
        if self.verbosity:
            self.stdout.write(
                f"imported {report.imported} ({report.created} new, {report.updated} changed), "
                f"skipped {len(report.skipped)}"
            )
            for line, reason in report.skipped:
                self.stdout.write(f"  line {line}: {reason}")
