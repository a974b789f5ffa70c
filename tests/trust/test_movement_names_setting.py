"""SAMPARK_MOVEMENT_NAMES: comma-separated names read at start-up; a bad value stops start-up naming the variable."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from sampark.settings import env_names


def test_names_are_split_on_commas_and_trimmed(monkeypatch):
    monkeypatch.setenv("SAMPARK_MOVEMENT_NAMES", "Jan Andolan, जन आंदोलन ,JA")
    assert env_names("SAMPARK_MOVEMENT_NAMES", "Demo") == ["Jan Andolan", "जन आंदोलन", "JA"]


def test_unset_gives_the_default(monkeypatch):
    monkeypatch.delenv("SAMPARK_MOVEMENT_NAMES", raising=False)
    assert env_names("SAMPARK_MOVEMENT_NAMES", "Sampark Andolan,सम्पर्क आंदोलन") == ["Sampark Andolan", "सम्पर्क आंदोलन"]


@pytest.mark.parametrize("value", ["Jan Andolan,,JA", "Jan Andolan,", "J", "Jan Andolan,123"])
def test_an_empty_or_letterless_name_is_a_loud_error(monkeypatch, value):
    monkeypatch.setenv("SAMPARK_MOVEMENT_NAMES", value)
    with pytest.raises(ImproperlyConfigured, match="SAMPARK_MOVEMENT_NAMES"):
        env_names("SAMPARK_MOVEMENT_NAMES", "Demo")
