"""Second factor for staff sign-in: TOTP (an authenticator app) with one-time backup codes, on django-otp.

Required for the roles that can read every number or change who can (permissions.TWO_FACTOR_REQUIRED), offered
to everyone else. Codes are checked against one device at a time, so django-otp's per-device throttling (each
failure doubles the wait) stops a guesser who already has the password.
"""

import segno
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sampark.accounts import permissions

BACKUP_CODES = 10
APP_DEVICE = "authenticator app"
BACKUP_DEVICE = "backup codes"


def has_second_factor(user) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))


def required(user) -> bool:
    return permissions.needs_two_factor(user)


def verify(user, code: str):
    """The device that accepts ``code`` (6 digits: the app; otherwise a backup code), or None."""
    code = "".join(code.split())
    if not code:
        return None
    with transaction.atomic():
        if code.isdigit() and len(code) == 6:
            devices = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True)
        else:
            devices = StaticDevice.objects.select_for_update().filter(user=user, confirmed=True)
            code = code.lower()
        for device in devices:
            if device.verify_token(code):
                return device
    return None


def pending_app_device(user) -> TOTPDevice:
    """The not yet confirmed authenticator being set up (one per user, so reloading the page keeps its secret)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=APP_DEVICE).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=False, name=APP_DEVICE)


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no image request, no external service)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#111", light="#fff")


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for an app set up by typing instead of scanning."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def confirm_app(user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the authenticator with a first code; returns fresh backup codes, or None when the code is wrong."""
    code = "".join(code.split())
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
        if not (code.isdigit() and device.verify_token(code)):
            return None
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()  # a new phone replaces the old one
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return new_backup_codes(user)


def new_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
