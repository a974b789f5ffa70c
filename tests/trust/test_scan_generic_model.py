"""The bulk scan finds what verify finds with the generic model: one-letter changes, look-alike capitals, the
distinctive part with other words, names cut short, initials beside a generic word (issue 12)."""

from sampark.trust.matching.scan import scan
from tests.trust.lookalike_registry import answer, index

SUSPECTS = ["@SevaSetu_UQ", "SevoSetu_UP", "@\u0405evaSetu_UP", "SevaSetu_\u1d1cP", "@SevaSetuHelpdesk",
            "@SevaSetu_ITCell_Gorakhpur", "@PrakashMandal", "@PMandalMLA", "@SS_ITCell_Lko", "@PrekashMandelMLA",
            "naya.savwra", "sevasetu-org.in", "sevasetuorg.in", "@NnorchaBihar", "@MorchaBihar2024"]
BENIGN = ["@seva", "@morcha", "@naya_din", "@PrakashSharma", "@SevaSadan_UP", "@setu_bandhan", "@cricket_live",
          "seva.org", "@SS", "@SS_Cricket", "@SevaSetu_UP"]


def test_the_scan_flags_the_new_classes_and_agrees_with_verify():
    found = {s.given for s in scan(SUSPECTS + BENIGN, index())}
    assert found == set(SUSPECTS)
    assert all(answer(q)[0] == "impersonation_risk" for q in SUSPECTS)
