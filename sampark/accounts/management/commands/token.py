"""sampark token create USERNAME [--role admin] [--area IN] [--label TEXT]

Creates the user if needed (no usable password: an API-only account unless someone sets one), gives it the role
at the area (a national administrator by default), and prints a new API token, and nothing else, on stdout:

    TOKEN=$(sampark token create ci-bot)
    curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8000/api/v1/stats

Only the token's SHA-256 is stored; it cannot be shown again. Running it again for the same user adds another
token and leaves the role as it is.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sampark.accounts.models import ApiToken, Role, RoleAssignment
from sampark.geo.models import Area, Level

COUNTRY = {"code": "IN", "name_en": "India", "name_hi": "भारत", "path": "IN", "level": Level.COUNTRY}


class Command(BaseCommand):
    help = "Manage API tokens. `token create USERNAME` prints a new bearer token for /api/v1."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        create = actions.add_parser("create", help="create a token (and the user and role, if needed)")
        create.add_argument("username", metavar="USERNAME")
        create.add_argument("--role", default=Role.ADMIN, choices=Role.values, help="default: admin")
        create.add_argument("--area", default="IN", help="code of the area the role covers (default: IN, national)")
        create.add_argument("--label", default="", help="a note on what the token is for")

    def handle(self, *args, action, **options):
        if action == "create":
            token = self.create(options["username"], options["role"], options["area"], options["label"])
            self.stdout.write(token)

    def create(self, username: str, role: str, area_code: str, label: str) -> str:
        User = get_user_model()
        username = username.strip()
        if not username:
            raise CommandError("USERNAME: empty")
        try:
            User._meta.get_field(User.USERNAME_FIELD).run_validators(username)  # charset and length
        except ValidationError as exc:
            raise CommandError(f"USERNAME: {username[:40]!r}: {' '.join(exc.messages)}") from None
        label_max = ApiToken._meta.get_field("label").max_length
        if len(label) > label_max:
            raise CommandError(f"--label: longer than {label_max} characters")
        area_code = area_code.strip().upper()
        with transaction.atomic():
            area = Area.objects.filter(code=area_code).first()
            if area is None:
                if Area.objects.exists():
                    raise CommandError(f"--area: no area with code {area_code!r}")
                if area_code != COUNTRY["code"]:
                    raise CommandError(
                        f"--area: no area with code {area_code!r}: the area tree is empty. "
                        "Import it first (sampark geo import FILE.csv) or use --area IN"
                    )
                area = Area.objects.create(**COUNTRY)
            user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
            if user is None:
                user = User.objects.create_user(username=username, password=None)  # unusable password
            elif not user.is_active:
                raise CommandError(f"USERNAME: {username!r} is deactivated; reactivate the user first")
            RoleAssignment.objects.get_or_create(user=user, role=role, area=area)
            token = secrets.token_urlsafe(32)
            ApiToken.objects.create(user=user, digest=ApiToken.digest_of(token), label=label)
        return token
