"""Reading an import file: the encodings Excel writes, comma or tab, one row at a time.

Excel saves "CSV UTF-8" with a byte-order mark, plain "CSV" without one, and "Unicode text" as UTF-16
little-endian with a BOM and tabs between the cells. The BOM decides the encoding (UTF-8 when there is none);
the header line decides the delimiter (tab when it holds more tabs than commas). The file is streamed: a row
at a time, lines capped at ``MAX_LINE_CHARS`` (a longer line is rejected, never held whole), so memory stays flat
for any size of file.
"""

import codecs
import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

COLUMNS = ("phone", "name", "area_code", "language", "tags")
MAX_LINE_CHARS = 16_384  # a longer physical line is rejected as too long
# a quoted cell may run over several lines; an unclosed quote stops at this many characters (one rejected row)
MAX_FIELD_CHARS = 65_536
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that were not text in the file's encoding (surrogateescape)

csv.field_size_limit(MAX_FIELD_CHARS)


class FileError(ValueError):
    """The file as a whole cannot be imported (no header, no phone column, not text). ``code`` lets a page say
    it in the reader's language; the message is the command line's English."""

    def __init__(self, code: str, message: str, **params):
        super().__init__(message)
        self.code, self.params = code, params


@dataclass(slots=True)
class Row:
    line: int  # the line of the file the row starts on (the header is line 1)
    cells: dict[str, str] = field(default_factory=dict)
    problem: tuple[str, str] | None = None  # (reason, detail) found while reading


def detect_encoding(head: bytes) -> tuple[str, int]:
    """(encoding, BOM length) from the first bytes of the file."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    # UTF-16 saved without a BOM (not what Excel does, but some tools): ASCII text has every other byte zero
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
        return "utf-16-le", 0
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
        return "utf-16-be", 0
    return "utf-8", 0


def checksum(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _text(binary) -> io.TextIOWrapper:
    head = binary.read(4)
    encoding, bom = detect_encoding(head)
    binary.seek(bom)
    # newline="": the csv module sees the line ends as written (a quoted cell may hold one)
    return io.TextIOWrapper(binary, encoding=encoding, errors="surrogateescape", newline="")


def count_lines(binary) -> int:
    """Lines in the file (for the progress bar), read in blocks."""
    text = _text(binary)
    lines, last = 0, ""
    while block := text.read(1 << 20):
        lines += block.count("\n") + block.count("\r") - block.count("\r\n")
        last = block[-1]
    text.detach()
    return lines + (1 if last and last not in "\r\n" else 0)


def _lines(text, overlong: set[int]) -> Iterator[str]:
    """The file's physical lines, each at most MAX_LINE_CHARS; a longer one is skipped to its end, its number
    noted in ``overlong`` and an empty line given in its place."""
    number = 0
    while line := text.readline(MAX_LINE_CHARS):
        number += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            while (rest := text.readline(MAX_LINE_CHARS)) and not rest.endswith(("\n", "\r")):
                pass
            overlong.add(number)
            yield "\n"
            continue
        yield line


def read_rows(binary) -> Iterator[Row]:
    """Rows of an open binary file, as dicts of the known columns (stripped). Raises FileError for a file
    without a usable header."""
    text = _text(binary)
    overlong: set[int] = set()
    lines = _lines(text, overlong)
    try:
        header_line = next(lines)
    except StopIteration:
        raise FileError("empty", "the file is empty") from None
    except UnicodeError:
        raise FileError("not_text", "the file is not text in UTF-8 or UTF-16") from None
    if 1 in overlong:
        raise FileError("header_too_long", "the first line (the header) is too long")
    delimiter = "\t" if header_line.count("\t") > header_line.count(",") else ","
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    names = [cell.strip().strip("\ufeff").lower().replace(" ", "_") for cell in header]
    if _UNDECODABLE.search(header_line):
        raise FileError("not_text", "the header is not text in UTF-8 or UTF-16 (save the file as \"CSV UTF-8\")")
    if "phone" not in names:
        shown = ", ".join(name for name in names if name)[:200] or "nothing"
        raise FileError("no_phone_column", f"no phone column: the header line has {shown}; the columns are "
                        f"{', '.join(COLUMNS)}", shown=shown)
    positions = [(name, names.index(name)) for name in COLUMNS if name in names]
    reader = csv.reader(lines, delimiter=delimiter)
    reader_lines = 1  # lines read so far, the header included
    while True:
        start = reader_lines + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reader_lines = reader.line_num + 1
            yield Row(start, problem=("unreadable", f"line cannot be read as CSV ({exc}; an unclosed quote?)"))
            continue
        except UnicodeError:
            raise FileError("not_text", f"line {start}: the file is not text in its encoding") from None
        reader_lines = reader.line_num + 1
        if start in overlong:
            overlong.discard(start)
            yield Row(start, problem=("too_long", f"the line is longer than {MAX_LINE_CHARS:,} characters"))
            continue
        if not cells or not any(cell.strip() for cell in cells):
            continue  # blank lines are not rows
        width = len(cells)
        row = Row(start, {name: cells[at].strip() if at < width else "" for name, at in positions})
        if _UNDECODABLE.search("".join(row.cells.values())):
            row.problem = ("encoding", "the line holds bytes that are not UTF-8 or UTF-16 text "
                                       "(save the file as \"CSV UTF-8\")")
        yield row
