"""Registry test data: fictional owners and channels, added through trust.registry like the CLI and admin do."""

from datetime import date

from sampark.trust import registry


def add(platform: str, handle: str, owner: str = "Sampark Andolan", *, area=None, unit: bool = False,
        name_hi: str = "", since: date | None = None, by=None):
    who = registry.find_or_create_owner(owner, area=area, unit=unit, name_hi=name_hi)
    return registry.add_channel(platform=platform, handle=handle, owner=who, since=since, by=by)
