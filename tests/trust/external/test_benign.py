"""At least 2,000 ordinary handles and domains (words, names, outlets, businesses, handles sharing one ordinary word
with an official one): at most 1% answered anything but not_official (issue 12)."""

from tests.trust.external import harness

BAR = 0.01


def test_benign_handles_and_domains_are_not_flagged(register):
    register("dev", "heldout")
    table = harness.benign()
    assert len(table.rows) >= 2000
    flagged = 1 - table.rate()
    assert flagged <= BAR, f"benign flagged {flagged:.2%} (bar {BAR:.0%})\n{table.text('not flagged')}"
