import pytest

from sampark.core.phones import normalise
from sampark.geo import series
from sampark.telephony import numbers


@pytest.fixture(autouse=True)
def isolated_caches(settings, tmp_path):
    """Per-test outbox folder; in-process caches must not carry rows from another test's database."""
    settings.SMS_OUTBOX_DIR = tmp_path / "outbox"
    numbers.forget()
    series.forget()
    yield
    numbers.forget()
    series.forget()
    normalise.cache_clear()
