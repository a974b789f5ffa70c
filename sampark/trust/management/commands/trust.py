"""sampark trust <subcommand>: the trust desk's commands. Each subcommand lives in its own module.

    sampark trust check-message "<text>"
    sampark trust scan FILE [--platform P] [--column NAME] [--output OUT.csv]
    sampark trust evidence CASE [-o FILE]
"""

from django.core.management.base import BaseCommand

from sampark.trust.cli import check_message as check_message_cli
from sampark.trust.cli import evidence as evidence_cli
from sampark.trust.cli import scan as scan_cli

SUBCOMMANDS = {check_message_cli.NAME: check_message_cli, scan_cli.NAME: scan_cli, "evidence": evidence_cli}


class Command(BaseCommand):
    help = "Trust desk commands: check-message, scan, evidence."

    def add_arguments(self, parser):
        subparsers = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        for module in SUBCOMMANDS.values():
            module.add_parser(subparsers)

    def handle(self, *args, subcommand, **options):
        SUBCOMMANDS[subcommand].run(options, self.stdout)
