from django.core.management import call_command
from django.core.management.base import BaseCommand

from sampark.web import demo


class Command(BaseCommand):
    help = "Migrate, load demo data (UP geography, templates, numbers, synthetic calls) and serve on port 8000."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="load the data and exit")

    def handle(self, *args, **options):
        demo.load(self.stdout)
        if options["no_serve"]:
            from sampark.outreach.services import dlt_warning

            warning = dlt_warning()  # `serve` warns itself when it starts
            if warning:
                self.stderr.write(self.style.WARNING(warning))
        else:
            call_command("serve", port=options["port"])
