"""sampark trust <action>: bulk trust work from the command line.

    sampark trust scan FILE [--platform P] [--column NAME] [--output OUT.csv]

`scan` reads handles or links (one per line, or a CSV with a column of them; the header is detected, or name the
column) and writes the ones that look like official channels as CSV, best score first, with the channel each
resembles and why. Without --output the CSV goes to standard output.
"""

import csv
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from sampark.trust.management.commands.verify import utf8
from sampark.trust.models import OfficialChannel, Platform
from sampark.trust.scan import ScanError, read_queries, scan
from sampark.trust.verify import registry_index

SCAN_COLUMNS = ["rank", "query", "platform", "normalised", "score", "resembles_platform", "resembles_handle",
                "resembles_owner", "resembles_status", "reasons", "lines"]


class Command(BaseCommand):
    help = "Trust work in bulk: `scan` a list of handles or links for lookalikes of the official channels."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        scan_parser = actions.add_parser("scan", help="find lookalikes of official channels in a list")
        scan_parser.add_argument("file", help="one handle or link per line, or a CSV with a column of them")
        scan_parser.add_argument("--platform", choices=Platform.values, default=None,
                                 help="where the handles are, when the list holds bare names of one platform")
        scan_parser.add_argument("--column", default=None, help="the CSV column holding the handles or links")
        scan_parser.add_argument("--output", default=None, help="write the CSV here instead of standard output")

    def handle(self, *args, action, **options):
        if action == "scan":
            self.scan(options)

    def scan(self, options) -> None:
        started = time.perf_counter()
        try:
            queries = read_queries(options["file"], options["column"])
        except ScanError as exc:
            raise CommandError(str(exc)) from None
        index = registry_index()
        if not index.channels:
            raise CommandError("the registry has no official channels yet; add them with `sampark official add`")
        with translation.override("en"):  # a working file for the trust desk: reasons in English
            suspects = scan(queries, index, options["platform"])
            rows = index_rows(suspects)
            if options["output"]:
                try:
                    with open(options["output"], "w", encoding="utf-8", newline="") as out:
                        write_csv(out, suspects, rows)
                except OSError as exc:
                    raise CommandError(f"--output: cannot write {options['output']} ({exc.strerror})") from None
            else:
                utf8(self.stdout._out)
                write_csv(self.stdout, suspects, rows)
        self.stderr.write(f"{len(queries)} lines, {len(suspects)} suspects, "
                          f"{time.perf_counter() - started:.1f} s", ending="\n")


def cell(text: str) -> str:
    """A spreadsheet must not run a pasted "=HYPERLINK(…)" as a formula; @names and +91 numbers stay as they are."""
    return "'" + text if text.startswith("=") or (text[:1] in "+-@" and "(" in text) else text


def index_rows(suspects) -> dict:
    ids = {s.channel.id for s in suspects}
    return OfficialChannel.objects.select_related("owner").in_bulk(list(ids))


def write_csv(out, suspects, rows) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SCAN_COLUMNS)
    for rank, suspect in enumerate(suspects, start=1):
        channel = rows.get(suspect.channel.id)
        writer.writerow([
            rank, cell(suspect.given), suspect.handle.platform or "", suspect.handle.value, f"{suspect.score:.3f}",
            suspect.channel.platform, channel.display if channel else suspect.channel.handle,
            channel.owner.name_en if channel else "", "retired" if suspect.channel.retired else "active",
            "; ".join(map(str, suspect.reasons)), suspect.lines,
        ])
