"""An impersonation generator written without the detector (handle_generator.py): mean recall over its classes
≥ 0.90 on the dev officials and on the held-out ones (issue 12)."""

import ast
from pathlib import Path

import pytest

from tests.trust.external import handle_generator, harness

BAR = 0.90


@pytest.mark.parametrize("split", ["heldout", "dev"])
def test_generated_impersonations_are_flagged(register, split):
    register(split)
    table = harness.generated(split)
    assert table.mean_class_rate() >= BAR, (
        f"generator on {split} officials: mean recall over classes {table.mean_class_rate():.3f} (bar {BAR})\n"
        f"{table.text('recall')}")


def test_the_generator_does_not_import_the_detector():
    tree = ast.parse(Path(handle_generator.__file__).read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in imported if m.startswith("sampark")], imported


def test_the_generator_is_deterministic_and_covers_every_class():
    first = list(handle_generator.variants("@SomeLeader_UP"))
    assert first == list(handle_generator.variants("@SomeLeader_UP"))
    assert {cls for _v, cls in first} == set(handle_generator.CLASSES)
    assert all(v.lower() != "someleader_up" for v, _cls in first)
