"""sampark number add|list: the published missed-call numbers and their webhook URLs.

    sampark number add --provider exotel --slug main --number "+91 80 4718 0000" [--secret S] [--allow-ip CIDR,...]
    sampark number list

`add` prints the URL to paste into the provider's console. Providers that cannot sign their webhooks (exotel,
ozonetel, myoperator) carry the secret in that URL as ?key=; for them, and for generic, the secret is generated
when --secret is left out. Twilio and Plivo sign with the account's auth token, which only they can give you.
"""

import secrets
from urllib.parse import quote

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sampark.telephony.models import PublishedNumber
from sampark.telephony.providers import PROVIDERS
from sampark.telephony.services import add_number

ACCOUNT_TOKEN = frozenset({"twilio", "plivo"})  # sign with the account's auth token: we cannot make one up
MIN_KEY_LENGTH = 16


def key_in_url(provider: str) -> bool:
    """Providers that cannot sign declare KEY_IN_URL; their secret is verified by providers.base.shared_key_matches."""
    return getattr(PROVIDERS.get(provider), "KEY_IN_URL", False)
OPTION = {"provider": "--provider", "slug": "--slug", "number": "--number", "secret": "--secret",
          "ip_allowlist": "--allow-ip"}


def webhook_url(number: PublishedNumber, secret: str | None = None) -> str:
    url = settings.PUBLIC_URL + number.hook_path
    if secret is not None and key_in_url(number.provider):
        url += "?key=" + quote(secret, safe="")
    return url


class Command(BaseCommand):
    help = "Register published missed-call numbers (add) and show them with their webhook URLs (list)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        add = actions.add_parser("add", help="register a number and print its webhook URL")
        add.add_argument("--provider", required=True, help="exotel, twilio, plivo, myoperator, ozonetel or generic")
        add.add_argument("--slug", required=True, help="the number's name in its URL, e.g. main")
        add.add_argument("--number", required=True, help="the published number, any format")
        add.add_argument("--secret", default=None,
                         help="auth token (twilio, plivo) or shared key; generated when left out for the others")
        add.add_argument("--allow-ip", dest="allow_ip", default="",
                         help="comma-separated IPs/CIDR ranges the provider calls from; empty allows all")
        actions.add_parser("list", help="show every number and its webhook URL (never the secrets)")

    def handle(self, *args, action, **options):
        if action == "add":
            self.add(options)
        elif action == "list":
            self.list_numbers()

    def add(self, options) -> None:
        provider = options["provider"].strip().lower()
        secret = options["secret"]
        generated = False
        if secret is None or not secret.strip():
            if provider in ACCOUNT_TOKEN:
                raise CommandError(
                    f"--secret: required for {provider}: its webhooks are signed with your account's auth token"
                )
            if secret is not None:
                raise CommandError("--secret: empty; leave the option out to have one generated")
            secret, generated = secrets.token_urlsafe(24), True
        secret = secret.strip()
        try:
            number = add_number(provider=provider, slug=options["slug"], number=options["number"], secret=secret,
                                ip_allowlist=options["allow_ip"])
        except ValueError as exc:
            raise CommandError(self.option_message(str(exc))) from None
        if not generated and key_in_url(provider) and len(secret) < MIN_KEY_LENGTH:
            self.stderr.write(self.style.WARNING(
                f"warning: a {len(secret)}-character key in a URL can be guessed; use {MIN_KEY_LENGTH}+ characters"
            ))
        self.stdout.write(f"added {number.provider}/{number.slug} for {number.number}")
        if generated:
            self.stdout.write(f"secret: {secret}")
        self.stdout.write(f"webhook URL: {webhook_url(number, secret)}")

    def list_numbers(self) -> None:
        rows = PublishedNumber.objects.order_by("provider", "slug")
        if not rows:
            self.stdout.write("no numbers yet; add one with: sampark number add --provider P --slug S --number N")
            return
        for number in rows:
            state = "active" if number.active else "inactive"
            allow = f"  allow {number.ip_allowlist}" if number.ip_allowlist else ""
            self.stdout.write(
                f"{number.provider}/{number.slug}  {number.number}  {state}  {webhook_url(number)}{allow}"
            )

    @staticmethod
    def option_message(message: str) -> str:
        """add_number's "field: problem" with the field spelt as the command-line option."""
        field, sep, problem = message.partition(": ")
        return f"{OPTION[field]}: {problem}" if sep and field in OPTION else message
