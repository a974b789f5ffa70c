"""Held-out messages (Hindi, English, Hinglish) through check_message: recall and precision of
solicits_personal_data ≥ 0.93 (issue 12), with the movement's names configured (SAMPARK_MOVEMENT_NAMES)."""

from tests.trust.external import harness

BAR = 0.93


def test_fishing_messages_are_caught_and_ordinary_ones_are_not(db, settings):
    settings.SAMPARK_MOVEMENT_NAMES = harness.MOVEMENT_NAMES
    table = harness.messages()
    assert len(table.rows) >= 150
    precision, recall = table.precision_recall("1")
    assert recall >= BAR and precision >= BAR, (
        f"fishing: recall {recall:.3f}, precision {precision:.3f} (bar {BAR} both)\n{table.text()}")
