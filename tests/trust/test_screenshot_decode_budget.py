"""A report screenshot that would decode to far more memory than a phone screenshot needs is refused before it
is decoded; real screenshot sizes pass."""

import io
import resource
import struct
import zlib

import pytest
from PIL import Image

from sampark.trust.cases import screenshots


def png(width: int, height: int, bit_depth: int, color_type: int, channels: int) -> bytes:
    """A valid PNG of zero pixels, written chunk by chunk: small on disk, however large decoded."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(width * channels * bit_depth // 8)  # filter type 0, then the pixels
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def upload(data: bytes):
    file = io.BytesIO(data)
    file.size = len(data)
    return file


def test_the_reported_bomb_is_refused_without_decoding_it():
    bomb = png(6300, 6300, 16, 6, 4)  # 16-bit RGBA: 317 MB as stored, 159 MB in Pillow's memory
    assert len(bomb) < 400 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    with pytest.raises(screenshots.NotAnImage, match="too many pixels"):
        screenshots.clean(upload(bomb))
    # the process's peak memory did not grow by the decoded size (Pillow's buffers are not Python objects, so
    # tracemalloc would not see them)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024


@pytest.mark.parametrize("width, height, depth, color, channels", [
    (1440, 3200, 8, 6, 4),    # a tall phone's screenshot, RGBA
    (1080, 10_000, 8, 2, 3),  # a long scrolling capture, RGB
    (1080, 2400, 16, 6, 4),   # an unusual 16-bit one of a phone's size
])
def test_screenshot_sizes_pass(width, height, depth, color, channels):
    cleaned = screenshots.clean(upload(png(width, height, depth, color, channels)))
    with Image.open(io.BytesIO(cleaned.content.read())) as image:
        assert image.size == (width, height)


@pytest.mark.parametrize("width, height, depth, color, channels", [
    (4000, 4000, 8, 6, 4),  # 16 MP of RGBA: 64 MB
    (3000, 3000, 16, 6, 4),  # 9 MP, but 16 bits a channel: 72 MB as the file stores it
])
def test_more_than_the_budget_is_refused(width, height, depth, color, channels):
    with pytest.raises(screenshots.NotAnImage, match="too many pixels"):
        screenshots.clean(upload(png(width, height, depth, color, channels)))
