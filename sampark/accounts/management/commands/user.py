"""sampark user add|list|revoke|deactivate: staff users and their roles, from the operator's shell.

    sampark user add asha --role coordinator --area UP-LKO [--email E]   # prints a one-time password if new
    sampark user list
    sampark user revoke asha --role coordinator --area UP-LKO
    sampark user deactivate asha

The operator at the machine has every power, so these commands are not scoped; staff grant and revoke below their
own area in the staff pages. Every change is audited (accounts.services).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from sampark.accounts import services
from sampark.accounts.management.commands._areas import area_for, check_username
from sampark.accounts.models import Role, RoleAssignment


class Command(BaseCommand):
    help = "Staff users: add (or add a role to), list, revoke a role, deactivate."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        add = actions.add_parser("add", help="create the user with a role at an area, or add the role")
        add.add_argument("username", metavar="USERNAME")
        add.add_argument("--role", required=True, choices=Role.values)
        add.add_argument("--area", required=True, help="code of the area the role covers (IN: national)")
        add.add_argument("--email", default="")
        actions.add_parser("list", help="users, whether active, and their roles")
        revoke = actions.add_parser("revoke", help="take a role at an area from a user")
        revoke.add_argument("username", metavar="USERNAME")
        revoke.add_argument("--role", required=True, choices=Role.values)
        revoke.add_argument("--area", required=True)
        deactivate = actions.add_parser("deactivate", help="the user can no longer sign in or use API tokens")
        deactivate.add_argument("username", metavar="USERNAME")

    def handle(self, *args, action, **options):
        getattr(self, action)(**options)

    def add(self, username, role, area, email, **_):
        username = check_username(username)
        if email:
            try:
                validate_email(email)
            except Exception:
                raise CommandError(f"--email: {email[:60]!r} is not an e-mail address") from None
        with transaction.atomic():
            user, password = _refusal(services.add_user, username, role=role, area=area_for(area), email=email)
        if password:
            self.stdout.write(f"created {user.username} as {role} at {area.upper()}; one-time password: {password}")
            self.stdout.write("Give it to them once; they set their own at /admin/password_change/ after signing in.")
        else:
            self.stdout.write(f"{user.username} now holds {role} at {area.upper()}")

    def list(self, **_):
        users = get_user_model().objects.filter(is_staff=True).order_by("username")
        grants: dict[int, list[str]] = {}
        for user_id, role, code in RoleAssignment.objects.order_by("area__path").values_list(
                "user_id", "role", "area__code"):
            grants.setdefault(user_id, []).append(f"{role}@{code}")
        for user in users:
            state = "active" if user.is_active else "deactivated"
            self.stdout.write(f"{user.username}\t{state}\t{', '.join(grants.get(user.pk, [])) or '-'}")

    def revoke(self, username, role, area, **_):
        user = _user(username)
        if not services.revoke(user, role, area_for(area)):
            raise CommandError(f"--role: {username} does not hold {role} at {area.upper()}")
        self.stdout.write(f"revoked {role} at {area.upper()} from {username}")

    def deactivate(self, username, **_):
        user = _user(username)
        services.deactivate(user)
        self.stdout.write(f"deactivated {username}: signed out, API tokens refused")


def _user(username: str):
    user = get_user_model().objects.filter(username=username.strip()).first()
    if user is None:
        raise CommandError(f"USERNAME: no user {username.strip()[:40]!r}")
    return user


def _refusal(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except services.Refused as exc:
        raise CommandError(str(exc)) from None
