"""`sampark trust evidence CASE [-o FILE]`: the evidence pack from the command line.

The `trust` management command mounts this: ``evidence_cli.add_parser(subparsers)`` and, for the "evidence"
subcommand, ``evidence_cli.run(options, self.stdout)``.
"""

import os
import tempfile
from pathlib import Path

from django.core.management.base import CommandError

from sampark.trust.cases import codes, evidence
from sampark.trust.models import Case


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("evidence", help="write a case's evidence pack (ZIP)")
    parser.add_argument("case", help="the case reference (public id), as on the thank-you page and in the admin")
    parser.add_argument("-o", "--output", default="", help="file to write (default: sampark-case-<id>.zip here)")


def run(options, stdout) -> None:
    try:
        code = codes.parse(options["case"])
    except codes.BadCode as exc:
        raise CommandError(f"case: {options['case'][:40]!r} is not a case code ({exc})") from None
    case = Case.objects.filter(public_id=code).first()
    if case is None:
        raise CommandError(f"case: no case {codes.shown(code)}")
    target = Path(options.get("output") or evidence.filename(case))
    # written beside the target and renamed: a failed run never leaves half a ZIP under the final name
    fd, partial = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as out:
            evidence.build(case, out)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    stdout.write(f"{target} ({target.stat().st_size} bytes): evidence pack of case {codes.shown(case.public_id)}\n")
