import pytest

from tests.supporters.factories import make_areas, make_supporter


@pytest.fixture
def areas(db):
    return make_areas()


@pytest.fixture
def supporter(areas):
    return make_supporter("+919876500001", area=areas["UP"])
