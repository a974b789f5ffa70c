"""sampark official add|list|retire|reactivate: the registry of the movement's official channels.

    sampark official add --platform x --handle "https://x.com/SamparkAndolan?s=20" --owner "Sampark Andolan" \\
        [--area UP] [--owner-hi "सम्पर्क आंदोलन"] [--unit] [--since 2024-01-15] [--by USERNAME]
    sampark official list [--all]
    sampark official retire --platform x --handle @OldHandle [--until 2025-06-30]
    sampark official reactivate --platform x --handle @OldHandle [--by USERNAME]

``--handle`` takes what people see: ``@name``, a profile or channel link, ``+91 …``, ``example.org``; it is stored
normalised (what "is this official?" compares) next to the form given (what the public page shows). Adding a
handle that is already registered is refused (see sampark.trust.registry for why).
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sampark.geo.models import Area
from sampark.trust import registry
from sampark.trust.models import ChannelStatus, OfficialChannel, Platform

OPTION = {"platform": "--platform", "handle": "--handle", "owner": "--owner", "owner_hi": "--owner-hi",
          "area": "--area", "since": "--since", "until": "--until", "status": "--status"}


def parse_date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{option}: {text!r} is not a date; write it as YYYY-MM-DD") from None


def staff(username: str | None):
    if username is None:
        return None
    user = get_user_model().objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        raise CommandError(f"--by: no active user {username!r}")
    return user


class Command(BaseCommand):
    help = "Register the movement's official channels (add, retire, reactivate) and list them."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        platforms = ", ".join(Platform.values)
        add = actions.add_parser("add", help="register an official channel")
        add.add_argument("--platform", required=True, help=platforms)
        add.add_argument("--handle", required=True, help="@name, a profile or channel link, +91 …, example.org")
        add.add_argument("--owner", required=True, help="whose channel: a person's or unit's name (English)")
        add.add_argument("--owner-hi", dest="owner_hi", default="", help="the owner's name in Hindi")
        add.add_argument("--area", default=None, help="area code of the owner (e.g. UP, UP-LKO); owners are "
                                                       "found again by name within their area")
        add.add_argument("--unit", action="store_true", help="the owner is a unit (an office), not a person")
        add.add_argument("--since", default=None, help="official since YYYY-MM-DD")
        add.add_argument("--by", default=None, help="the staff username who verified it (recorded as verified by)")
        lister = actions.add_parser("list", help="show the registry")
        lister.add_argument("--all", action="store_true", help="include retired channels")
        for name, text in (("retire", "no longer official (it still answers 'was official until')"),
                           ("reactivate", "official again")):
            sub = actions.add_parser(name, help=text)
            sub.add_argument("--platform", required=True, help=platforms)
            sub.add_argument("--handle", required=True, help="the handle, link or number as registered or written")
            if name == "retire":
                sub.add_argument("--until", default=None, help="official until YYYY-MM-DD (default: today)")
            else:
                sub.add_argument("--by", default=None, help="the staff username who verified it again")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"do_{action}")(options)
        except registry.RegistryError as exc:
            raise CommandError(f"{OPTION.get(exc.field, exc.field)}: {exc.problem}") from None

    def do_add(self, options) -> None:
        since = parse_date("--since", options["since"])
        area = None
        if options["area"] is not None:
            code = options["area"].strip()
            area = Area.objects.filter(code=code).first()
            if area is None:
                raise CommandError(f"--area: no area with code {code!r} (see `sampark geo` for importing areas)")
        with transaction.atomic():  # a refused channel leaves no new owner behind
            owner = registry.find_or_create_owner(options["owner"], area=area, unit=options["unit"],
                                                  name_hi=options["owner_hi"])
            channel = registry.add_channel(platform=options["platform"], handle=options["handle"], owner=owner,
                                           since=since, by=staff(options["by"]))
        self.stdout.write(f"added {channel.platform} {channel.display} (stored as {channel.handle}) "
                          f"for {owner.name_en}{f' at {area.code}' if area else ''}")

    def do_list(self, options) -> None:
        rows = OfficialChannel.objects.select_related("owner", "owner__area").order_by(
            "owner__name_en", "platform", "handle")
        if not options["all"]:
            rows = rows.filter(status=ChannelStatus.ACTIVE)
        if not rows:
            self.stdout.write("no official channels yet; add one with: "
                              "sampark official add --platform P --handle H --owner NAME")
            return
        for c in rows:
            area = f" ({c.owner.area.code})" if c.owner.area else ""
            state = "active" if c.status == ChannelStatus.ACTIVE else f"retired, official until {c.until}"
            since = f" since {c.since}" if c.since else ""
            self.stdout.write(f"{c.owner.name_en}{area}  {c.platform}  {c.display}  [{c.handle}]  {state}{since}")

    def do_retire(self, options) -> None:
        until = parse_date("--until", options["until"])
        channel = registry.retire_channel(registry.find_channel(options["platform"], options["handle"]), until=until)
        self.stdout.write(f"retired {channel.platform} {channel.display}: official until {channel.until}")

    def do_reactivate(self, options) -> None:
        channel = registry.reactivate_channel(registry.find_channel(options["platform"], options["handle"]),
                                              by=staff(options["by"]))
        self.stdout.write(f"reactivated {channel.platform} {channel.display}")
