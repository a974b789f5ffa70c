"""The external evaluation's registries: each test registers the fictional officials it measures against through
the public ``official add`` command, inside its own test transaction."""

import pytest

from tests.trust.external import harness


@pytest.fixture
def register(db):
    """register("dev") / register("dev", "heldout") -> {handle: error} for the officials the command refused."""

    def _register(*splits: str) -> dict[str, str]:
        refused = {}
        for split in splits:
            refused.update(harness.register(harness.officials(split)))
        return refused

    return _register
