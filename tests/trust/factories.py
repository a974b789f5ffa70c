"""Test data for trust cases: official channels and their owners, staff users."""

import io

from PIL import Image

from sampark.trust.matching.handles import parse
from sampark.trust.models import OfficialChannel, Owner


def make_channel(display: str, platform: str, *, owner: str = "Sampark Official", owner_hi: str = "सम्पर्क आधिकारिक",
                 area=None, **fields) -> OfficialChannel:
    owner_row, _ = Owner.objects.get_or_create(name_en=owner, area=area, defaults={"name_hi": owner_hi})
    handle = parse(display, platform)
    return OfficialChannel.objects.create(platform=handle.platform, handle=handle.value, display=display,
                                          owner=owner_row, **fields)


def image_bytes(kind: str = "JPEG", size=(40, 30), exif: bytes | None = None) -> bytes:
    out = io.BytesIO()
    extra = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, (200, 30, 30)).save(out, kind, **extra)
    return out.getvalue()


def gps_exif() -> bytes:
    """EXIF with a GPS position (Lucknow) and a camera model: what a phone photo carries."""
    exif = Image.Exif()
    exif[0x0110] = "Phone Model X"  # Model
    gps = {1: "N", 2: (26.0, 50.0, 0.0), 3: "E", 4: (80.0, 56.0, 0.0)}
    exif[0x8825] = gps  # GPSInfo
    return exif.tobytes()
