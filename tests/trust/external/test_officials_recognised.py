"""Every form a supporter pastes of an official handle, link, number or address answers official (issue 12: 100%).
Registration goes through `official add` with --platform: a dotted Facebook or Instagram username is that platform's
username, not a website."""

import pytest

from tests.trust.external import harness


@pytest.mark.parametrize("split", ["heldout", "dev"])
def test_every_form_of_every_official_is_recognised(register, split):
    refused = register(split)
    table = harness.recognised(split, refused)
    assert not refused and table.rate() == 1.0, (
        f"officials recognised {table.rate():.1%} (bar 100%), refused at registration: {sorted(refused)}\n"
        f"{table.text()}")
