"""`sampark trust scan FILE [--platform P] [--column NAME] [--output OUT.csv]`: lookalikes in bulk, as CSV.

A subcommand module of ``sampark trust`` (management/commands/trust.py dispatches to it). Reads handles or links
(one per line, or a CSV with a column of them; the header is detected, or name the column) and writes the ones that
look like official channels, best score first, with the channel each resembles and why. Without --output the CSV
goes to standard output; a one-line summary goes to standard error.
"""

import csv
import sys
import time

from django.core.management.base import CommandError
from django.utils import translation

from sampark.trust.matching.scan import ScanError, read_queries, scan
from sampark.trust.matching.verify import registry_index
from sampark.trust.models import OfficialChannel, Platform

NAME = "scan"
COLUMNS = ["rank", "query", "platform", "normalised", "score", "resembles_platform", "resembles_handle",
           "resembles_owner", "resembles_status", "reasons", "lines"]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(NAME, help="find lookalikes of official channels in a list of handles or links")
    parser.add_argument("file", help="one handle or link per line, or a CSV with a column of them")
    parser.add_argument("--platform", choices=Platform.values, default=None,
                        help="where the handles are, when the list holds bare names of one platform")
    parser.add_argument("--column", default=None, help="the CSV column holding the handles or links")
    parser.add_argument("--output", default=None, help="write the CSV here instead of standard output")


def run(options, stdout) -> None:
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
            utf8(getattr(stdout, "_out", stdout))
            write_csv(stdout, suspects, rows)
    sys.stderr.write(f"{len(queries)} lines, {len(suspects)} suspects, {time.perf_counter() - started:.1f} s\n")


def utf8(stream) -> None:
    """Hindi names must print even where the terminal's locale says Latin-1 or ASCII."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")


def cell(text: str) -> str:
    """A spreadsheet must not run a pasted "=HYPERLINK(…)" as a formula; @names and +91 numbers stay as they are."""
    return "'" + text if text.startswith("=") or (text[:1] in "+-@" and "(" in text) else text


def index_rows(suspects) -> dict:
    ids = {s.channel.id for s in suspects}
    return OfficialChannel.objects.select_related("owner").in_bulk(list(ids))


def write_csv(out, suspects, rows) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for rank, suspect in enumerate(suspects, start=1):
        channel = rows.get(suspect.channel.id)
        writer.writerow([
            rank, cell(suspect.given), suspect.handle.platform or "", suspect.handle.value, f"{suspect.score:.3f}",
            suspect.channel.platform, channel.display if channel else suspect.channel.handle,
            channel.owner.name_en if channel else "", "retired" if suspect.channel.retired else "active",
            "; ".join(map(str, suspect.reasons)), suspect.lines,
        ])
