"""The labelled lookalike cases (tests/trust/data/lookalikes.csv) keep their precision and recall.

The floor is well under the measured figures (bench/trust_quality.py prints them), so tuning may trade a little
of one for the other, but a change that breaks a class of tricks, or starts flagging ordinary names, fails here.
"""

import importlib.util
from pathlib import Path

import pytest
from django.utils import translation

BENCH = Path(__file__).resolve().parents[2] / "bench" / "trust_quality.py"
FLOOR = 0.9


@pytest.fixture(scope="module")
def figures():
    spec = importlib.util.spec_from_file_location("trust_quality", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with translation.override("en"):
        return module.evaluate()


def test_there_are_a_few_hundred_cases(figures):
    assert figures.cases >= 300


def test_precision_and_recall_of_impersonation_risk_stay_above_the_floor(figures):
    assert figures.precision >= FLOOR, figures.misses
    assert figures.recall >= FLOOR, figures.misses


def test_verdicts_stay_right_on_almost_every_case(figures):
    assert figures.verdict_accuracy >= FLOOR, figures.misses


def test_the_external_dev_split_stays_at_issue_12s_bar():
    """The evaluation's dev split (tests/trust/external/dev.csv, which the detector may read) against its registry:
    the held-out split is the real measure (tests/trust/external/), this keeps tuning from sliding back."""
    spec = importlib.util.spec_from_file_location("trust_quality", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    external = BENCH.parents[1] / "tests" / "trust" / "external"
    with translation.override("en"):
        dev = module.evaluate(external / "dev.csv", external / "officials_dev.csv")
    assert dev.precision >= 0.95 and dev.recall >= 0.95, dev.misses
