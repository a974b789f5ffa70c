"""Fill Hindi translations into django.po from a JSON file {msgid: msgstr}; drops fuzzy flags it resolves.

Usage: python scripts/po_fill.py sampark/locale/hi/LC_MESSAGES/django.po translations.json
Then `make messages` (or `sampark compilemessages -l hi`) to rebuild the .mo.
"""

import json
import re
import sys


def unquote(lines: list[str]) -> str:
    return "".join(json.loads(line) for line in lines)


def quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main(po_path: str, json_path: str) -> None:
    wanted = json.load(open(json_path, encoding="utf-8"))
    blocks = open(po_path, encoding="utf-8").read().split("\n\n")
    out = []
    for block in blocks:
        match = re.search(r'^msgid ((?:".*"\n?)+)^msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if match:
            msgid = unquote([line for line in match.group(1).splitlines() if line])
            if msgid in wanted:
                lines = [line for line in block.splitlines() if not line.startswith("#|")]
                lines = [line.replace(", fuzzy", "") for line in lines if line.strip() != "#, fuzzy"]
                head = "\n".join(lines)
                head = head[: head.index("msgstr ")]
                block = head + "msgstr " + quote(wanted[msgid])
        out.append(block)
    open(po_path, "w", encoding="utf-8").write("\n\n".join(out).rstrip("\n") + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
