"""`sampark sms template add|list|set`: the DLT SMS templates, with each body's GSM-7/UCS-2 segment count.

    sampark sms template list [--all]
    sampark sms template add --key K --language hi|en --body "... {#var#} ..." [--category C] [--header H]
                             [--entity-id E] [--template-id T] [--inactive]
    sampark sms template set KEY LANGUAGE [--body B] [--category C] [--header H] [--entity-id E]
                             [--template-id T] [--active | --inactive]
"""

from django.core.management.base import BaseCommand, CommandError

from sampark.outreach import services
from sampark.outreach.models import Category, SmsTemplate
from sampark.outreach.segments import count

OPTION = {"key": "--key", "language": "--language", "body": "--body", "category": "--category",
          "header": "--header", "dlt_entity_id": "--entity-id", "dlt_template_id": "--template-id"}


def segments(body: str) -> str:
    """As the admin shows it: parts × encoding (characters/per part). Each {#var#} counts as its 7 characters
    here; a filled-in value (a link, a handle) adds its own length."""
    result = count(body)
    return f"{result.segments} × {result.encoding} ({result.characters}/{result.per_segment})"


class Command(BaseCommand):
    help = "Manage the DLT SMS templates: list (with GSM-7/UCS-2 segment counts), add, set."

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="template")
        template = kinds.add_parser("template", help="SMS templates")
        actions = template.add_subparsers(dest="action", required=True, metavar="ACTION")
        listing = actions.add_parser("list", help="active templates with their DLT ids and segment counts")
        listing.add_argument("--all", action="store_true", help="inactive ones too")
        add = actions.add_parser("add", help="a template for a purpose (key) and language")
        add.add_argument("--key", required=True, help="the purpose, e.g. confirmation")
        add.add_argument("--language", required=True, choices=("hi", "en"))
        add.add_argument("--body", required=True, help="the text as registered on DLT, {#var#} for each variable")
        self.dlt_options(add)
        add.add_argument("--inactive", action="store_true", help="add it switched off")
        change = actions.add_parser("set", help="change a template's text, DLT fields or state")
        change.add_argument("key")
        change.add_argument("language", choices=("hi", "en"))
        change.add_argument("--body")
        self.dlt_options(change, default=None)
        state = change.add_mutually_exclusive_group()
        state.add_argument("--active", dest="active", action="store_true", default=None)
        state.add_argument("--inactive", dest="active", action="store_false")

    @staticmethod
    def dlt_options(parser, default=""):
        parser.add_argument("--category", choices=Category.values,
                            default=Category.SERVICE_IMPLICIT if default == "" else None)
        parser.add_argument("--header", default=default, help="the DLT sender id (header), e.g. SAMPRK")
        parser.add_argument("--entity-id", dest="dlt_entity_id", default=default, help="the DLT principal entity id")
        parser.add_argument("--template-id", dest="dlt_template_id", default=default, help="the DLT template id")

    def handle(self, *args, action, **options):
        try:
            if action == "list":
                self.list_templates(options["all"])
            elif action == "add":
                template = services.add_template(
                    key=options["key"], language=options["language"], body=options["body"],
                    category=options["category"], header=options["header"], dlt_entity_id=options["dlt_entity_id"],
                    dlt_template_id=options["dlt_template_id"], active=not options["inactive"])
                self.done("added", template)
            elif action == "set":
                changes = {name: options[name] for name in services.TEMPLATE_FIELDS if options.get(name) is not None}
                if not changes:
                    raise CommandError("nothing to change: give --body, --category, --header, --entity-id, "
                                       "--template-id, --active or --inactive")
                self.done("changed", services.change_template(options["key"], options["language"], **changes))
        except ValueError as exc:
            field, sep, problem = str(exc).partition(": ")
            raise CommandError(f"{OPTION[field]}: {problem}" if sep and field in OPTION else str(exc)) from None
        warning = services.dlt_warning()
        if warning:
            self.stderr.write(self.style.WARNING(warning))

    def done(self, what: str, template: SmsTemplate) -> None:
        self.stdout.write(f"{what} {template.key}/{template.language}: {segments(template.body)}")

    def list_templates(self, everything: bool) -> None:
        rows = SmsTemplate.objects.order_by("key", "language")
        if not everything:
            rows = rows.filter(active=True)
        if not rows:
            self.stdout.write("no templates; add one with: sampark sms template add --key K --language hi --body B")
            return
        for t in rows:
            dlt = (f"header {t.header}  entity {t.dlt_entity_id}  template {t.dlt_template_id}" if not t.dlt_missing
                   else f"DLT to fill: {', '.join(t.dlt_missing)}")
            state = "" if t.active else "  inactive"
            self.stdout.write(f"{t.key}/{t.language}  {t.category}  {segments(t.body)}  {dlt}{state}")
            self.stdout.write(f"    {t.body}")
