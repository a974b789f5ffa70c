"""Hindi ships complete: every message has a translation, none is fuzzy, and the compiled catalogue matches."""

import gettext
import json
import re
from pathlib import Path

import sampark

LOCALE = Path(sampark.__file__).parent / "locale" / "hi" / "LC_MESSAGES"


def po_entries():
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        match = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if not match:
            continue
        msgid = "".join(json.loads(line) for line in match.group(1).splitlines())
        msgstr = "".join(json.loads(line) for line in match.group(2).splitlines() if line)
        context = re.search(r'^msgctxt (".*")$', block, re.M)  # pgettext / {% translate … context … %}
        if context:
            msgid = json.loads(context.group(1)) + "\x04" + msgid  # the key gettext stores it under
        if msgid:
            yield msgid, msgstr, "#, fuzzy" in block


def test_every_message_is_translated_and_not_fuzzy():
    entries = list(po_entries())
    assert len(entries) > 50
    assert [m for m, s, _f in entries if not s] == []
    assert [m for m, _s, fuzzy in entries if fuzzy] == []
    assert all(re.search("[\u0900-\u097f]", s) for _m, s, _f in entries if not re.fullmatch(r"[\W\d_A-Za-z]*", s))


def test_compiled_catalogue_is_up_to_date():
    catalogue = gettext.GNUTranslations(open(LOCALE / "django.mo", "rb"))
    stale = [m for m, s, _f in po_entries() if catalogue.gettext(m) != s]
    assert stale == [], "run `make messages` to recompile django.mo"


def test_placeholders_survive_translation():
    for msgid, msgstr, _f in po_entries():
        assert sorted(re.findall(r"%\(\w+\)[sd]", msgid)) == sorted(re.findall(r"%\(\w+\)[sd]", msgstr)), msgid
