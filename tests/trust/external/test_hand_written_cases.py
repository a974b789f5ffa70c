"""Lookalike precision and recall on cases written outside the detector's work (issue 12: ≥ 0.95 at ≥ 0.95).

heldout.csv is the figure that counts; dev.csv is the part the detector's author may read, held to the same bar.
"""

import pytest

from tests.trust.external import harness

BAR = 0.95


@pytest.mark.parametrize("split", ["heldout", "dev"])
def test_lookalikes_are_flagged_and_ordinary_handles_are_not(register, split):
    register(split)
    table = harness.hand_written(split)
    precision, recall = table.precision_recall(harness.RISK)
    assert recall >= BAR and precision >= BAR, (
        f"impersonation_risk on {split}.csv: recall {recall:.3f}, precision {precision:.3f} "
        f"(bar {BAR} both)\n{table.text()}")


@pytest.mark.parametrize("split", ["heldout", "dev"])
def test_every_row_has_a_known_official_and_verdict(split):
    """A typo in a label would silently count a case as a negative; the files are checked against the registry."""
    handles = {o.handle for o in harness.officials(split)}
    for row in harness.read_csv(f"{split}.csv"):
        assert row["verdict"] in {harness.RISK, harness.OFFICIAL, harness.NOT_OFFICIAL}, row
        assert not row["official"] or row["official"] in handles, row
        assert row["class"].startswith("neg_") == (row["verdict"] == harness.NOT_OFFICIAL), row
