"""Finding the area a command names, shared by `user` and `token`."""

from django.core.management.base import CommandError

from sampark.geo.models import Area, Level

COUNTRY = {"code": "IN", "name_en": "India", "name_hi": "भारत", "path": "IN", "level": Level.COUNTRY}


def area_for(code: str) -> Area:
    """The area with ``code``; the country itself is created when the tree is still empty (a fresh install)."""
    code = code.strip().upper()
    area = Area.objects.filter(code=code).first()
    if area is not None:
        return area
    if Area.objects.exists():
        raise CommandError(f"--area: no area with code {code!r}")
    if code != COUNTRY["code"]:
        raise CommandError(f"--area: no area with code {code!r}: the area tree is empty. "
                           "Import it first (sampark geo import FILE.csv) or use --area IN")
    return Area.objects.create(**COUNTRY)


def check_username(username: str) -> str:
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    User = get_user_model()
    username = username.strip()
    if not username:
        raise CommandError("USERNAME: empty")
    try:
        User._meta.get_field(User.USERNAME_FIELD).run_validators(username)  # charset and length
    except ValidationError as exc:
        raise CommandError(f"USERNAME: {username[:40]!r}: {' '.join(exc.messages)}") from None
    return username
