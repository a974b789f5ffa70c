import signal

from django.core.management.base import BaseCommand

from sampark.telephony import intake


class Command(BaseCommand):
    help = "Run the intake worker: turn logged missed calls into supporters (Ctrl-C stops after the batch)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="process until the queue is empty, then exit")

    def handle(self, *args, **options):
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        intake.settle_process()
        try:
            total = intake.run(once=options["once"], stop=lambda: bool(stopping))
        except KeyboardInterrupt:
            return
        if options["once"]:
            self.stdout.write(f"processed {total} calls")
