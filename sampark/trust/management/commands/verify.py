"""sampark verify "<anything>" [--platform P] [--lang en|hi]: "is this official?", the same JSON as the API.

    sampark verify "https://x.com/SomeLeader?s=20"
    sampark verify "+91 11 4000 0000"
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from sampark.trust.cli.scan import utf8
from sampark.trust.matching.handles import MAX_QUERY_LENGTH
from sampark.trust.matching.verify import verify
from sampark.trust.models import Platform


class Command(BaseCommand):
    help = "Is this handle, link, number, website or e-mail address official? Prints the API's JSON answer."

    def add_arguments(self, parser):
        parser.add_argument("query", help="a handle, profile or invite link, phone number, website or e-mail")
        parser.add_argument("--platform", choices=Platform.values, default=None,
                            help="where it is, when the query alone does not say")
        parser.add_argument("--lang", choices=["en", "hi"], default="en", help="language of the reasons")

    def handle(self, *args, query, platform, lang, **options):
        if not query.strip():
            raise CommandError("query: empty; give a handle, link, number, website or e-mail address")
        if len(query) > MAX_QUERY_LENGTH:
            raise CommandError(f"query: longer than {MAX_QUERY_LENGTH} characters")
        with translation.override(lang):
            answer = verify(query, platform)
        utf8(self.stdout._out)
        self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))

