"""sampark dashboard rollup: bring the dashboard's per-day figures up to date (run it every minute or so from a
timer; a page view also rolls up for at most a second)."""

from django.core.management.base import BaseCommand

from sampark.web.dashboard import rollup


class Command(BaseCommand):
    help = "Dashboard figures: `sampark dashboard rollup` adds what the big tables gained since the last roll-up."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("rollup", help="roll up every source until caught up")

    def handle(self, *args, action, **options):
        rollup.catch_up()
        self.stdout.write("dashboard figures up to date")
