"""sampark token create|list|revoke: API tokens for /api/v1.

    TOKEN=$(sampark token create ci-bot)                      # a new user: national administrator
    sampark token create asha [--role R --area CODE] [--label TEXT] [--expires 30d|2027-03-31]
    sampark token list [USERNAME]
    sampark token revoke ID

``create`` prints the token, and nothing else, on stdout; only its SHA-256 is stored, so it cannot be shown again.
For an existing user the grants stay as they are: a token acts with the user's roles, and only ``--role`` (with
``--area``, national by default) adds one. A user created here has no usable password (an API-only account).
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from sampark.accounts import services
from sampark.accounts.management.commands._areas import area_for, check_username
from sampark.accounts.models import ApiToken, Role


class Command(BaseCommand):
    help = "Manage API tokens. `token create USERNAME` prints a new bearer token for /api/v1."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        create = actions.add_parser("create", help="create a token (and the user, if needed)")
        create.add_argument("username", metavar="USERNAME")
        create.add_argument("--role", choices=Role.values,
                            help="add this role (a new user without one becomes a national admin)")
        create.add_argument("--area", help="code of the area the added role covers (default: IN, national)")
        create.add_argument("--label", default="", help="a note on what the token is for")
        create.add_argument("--expires", help="days from now (30d) or a date (2027-03-31); default: never")
        listing = actions.add_parser("list", help="tokens: id, user, label, created, last used, expiry")
        listing.add_argument("username", nargs="?", metavar="USERNAME")
        revoke = actions.add_parser("revoke", help="revoke a token by its id (from token list)")
        revoke.add_argument("token_id", metavar="ID")

    def handle(self, *args, action, **options):
        if action == "create":
            self.stdout.write(self.create(**options))
        elif action == "list":
            self.list(options["username"])
        else:
            self.revoke(options["token_id"])

    def create(self, username: str, role: str | None, area: str | None, label: str, expires: str | None,
               **_) -> str:
        username = check_username(username)
        label_max = ApiToken._meta.get_field("label").max_length
        if len(label) > label_max:
            raise CommandError(f"--label: longer than {label_max} characters")
        if area and not role:
            raise CommandError("--area: give --role too; the area is where that role is granted")
        expires_at = _expiry(expires) if expires else None
        User = get_user_model()
        with transaction.atomic():
            user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
            if user is None:
                user = User.objects.create_user(username=username, password=None)  # unusable password
                role = role or Role.ADMIN
            elif not user.is_active:
                raise CommandError(f"USERNAME: {username!r} is deactivated; reactivate the user first")
            if role:
                services.grant(user, role, area_for(area or "IN"))
            return services.create_token(user, label=label, expires_at=expires_at)

    def list(self, username: str | None) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("user__username", "id")
        if username:
            tokens = tokens.filter(user__username=username)
        for token in tokens:
            expiry = token.expires_at.isoformat(timespec="minutes") if token.expires_at else "never"
            used = token.last_used_at.isoformat(timespec="minutes") if token.last_used_at else "never"
            self.stdout.write(f"{token.pk}\t{token.user.username}\t{token.label or '-'}\t"
                              f"created {token.created_at.isoformat(timespec='minutes')}\tused {used}\t"
                              f"expires {expiry}")

    def revoke(self, token_id: str) -> None:
        token = ApiToken.objects.select_related("user").filter(pk=int(token_id)).first() \
            if token_id.isdigit() else None
        if token is None:
            raise CommandError(f"ID: no token {token_id[:20]!r} (see sampark token list)")
        services.revoke_token(token)
        self.stdout.write(f"revoked token {token.pk} of {token.user.username}")


def _expiry(text: str):
    text = text.strip().lower()
    if text.endswith("d") and text[:-1].isdigit() and 0 < int(text[:-1]) <= 3650:
        return timezone.now() + timedelta(days=int(text[:-1]))
    try:
        day = datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(f"--expires: {text[:20]!r} is neither days from now (30d) nor a date (2027-03-31)") \
            from None
    at = timezone.make_aware(datetime.combine(day, time.max))
    if at <= timezone.now():
        raise CommandError(f"--expires: {day.isoformat()} is in the past")
    return at
