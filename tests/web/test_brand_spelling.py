"""One spelling of the brand: "Sampark" in English, "सम्पर्क" in Hindi, as the README writes it."""

from pathlib import Path

import sampark
from tests.web.test_translations import po_entries

ROOT = Path(sampark.__file__).parent


def test_the_catalogue_spells_the_brand_one_way():
    brand = [(msgid, msgstr) for msgid, msgstr, _f in po_entries() if "Sampark" in msgid]
    assert brand and all("सम्पर्क" in msgstr and "संपर्क" not in msgstr for _m, msgstr in brand)


def test_no_template_spells_it_another_way():
    templates = [p for p in ROOT.glob("*/templates/**/*") if p.is_file()]
    assert templates
    for path in templates:
        text = path.read_text(encoding="utf-8")
        assert "संपर्क" not in text and "SAMPARK" not in text.replace("SAMPRK", ""), path
