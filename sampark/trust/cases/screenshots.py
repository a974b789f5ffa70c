"""Screenshots attached to reports: check that the bytes really are a PNG, JPEG or WebP image, and re-encode them.

Re-encoding is what strips metadata: a phone's JPEG carries EXIF (GPS position, device, time) that would tell us
where the reporter was. Only the pixels are kept (turned upright first, since the orientation lives in EXIF too).
The file name and the browser's content type are never trusted; Pillow reads the content.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
# A small file can still decode to a huge canvas (a "decompression bomb"): a 308 KB PNG of 6300 x 6300 16-bit
# RGBA pixels is 317 MB decoded, and eight at once took the web processes to 2.7 GB. So decoding has a budget of
# pixels x bytes per pixel (as the file stores them) that a phone screenshot fits with room: 1440 x 3200 RGBA is
# 18 MB, a long scrolling capture 1080 x 10,000 RGB 32 MB (RGB is kept in 4 bytes a pixel once decoded).
MAX_DECODED_BYTES = 48 * 1024 * 1024
FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg"), "WEBP": ("webp", "image/webp")}


class NotAnImage(ValueError):
    """The upload is not a usable PNG, JPEG or WebP image (the message says why, for logs and tests)."""


class TooLarge(NotAnImage):
    """More than MAX_BYTES of file."""


@dataclass(frozen=True)
class CleanImage:
    content: ContentFile
    extension: str
    content_type: str


def clean(upload) -> CleanImage:
    """Validate ``upload`` (a Django UploadedFile or any binary file object) and return it re-encoded."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise TooLarge(f"larger than {MAX_BYTES} bytes")
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise TooLarge(f"larger than {MAX_BYTES} bytes")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(FORMATS)) as probe:
                probe.verify()  # structure and checksums; the image must be opened again afterwards
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            if image.width * image.height * bytes_per_pixel(image) > MAX_DECODED_BYTES:  # before decoding
                raise NotAnImage("too many pixels")
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise NotAnImage("not an image") from None
    except (OSError, SyntaxError, ValueError) as exc:  # truncated or corrupt data inside a real header
        if isinstance(exc, NotAnImage):
            raise
        raise NotAnImage("damaged image") from None
    extension, content_type = FORMATS[image.format]
    return CleanImage(ContentFile(_reencode(image)), extension, content_type)


def bytes_per_pixel(image: Image.Image) -> int:
    """Bytes a pixel takes decoded: 4 for RGB and RGBA (Pillow keeps RGB in 4), 1 for L and P; twice that when
    the file stores 16 bits a channel (its tile's raw mode says ;16), though Pillow keeps 8 of them."""
    decoded = 1 if image.mode in ("1", "L", "P") else 2 if image.mode.startswith("I;16") else 4
    wide = ";16" in " ".join(str(tile.args) for tile in image.tile) and not image.mode.startswith("I;16")
    return decoded * 2 if wide else decoded


def _reencode(image: Image.Image) -> bytes:
    kind = image.format
    upright = ImageOps.exif_transpose(image)  # a copy, turned by the EXIF orientation
    # The copy still holds the original's metadata (EXIF, ICC, text) in .info, and some encoders fall back on it.
    upright.info = {key: value for key, value in upright.info.items() if key == "transparency"}
    out = io.BytesIO()
    if kind == "JPEG":
        pixels = upright.convert("RGB") if upright.mode not in ("RGB", "L") else upright
        pixels.save(out, "JPEG", quality=90)  # no exif=, no icc_profile=: nothing but pixels
    elif kind == "PNG":
        pixels = upright if upright.mode in ("RGB", "RGBA", "L", "LA", "P") else upright.convert("RGBA")
        pixels.save(out, "PNG", optimize=False)  # text chunks (tEXt/iTXt/eXIf) are not written without pnginfo
    else:
        pixels = upright if upright.mode in ("RGB", "RGBA") else upright.convert("RGBA")
        pixels.save(out, "WEBP", quality=90)
    return out.getvalue()
