import io

import pytest
from django.core.management import call_command

from tests.supporters.factories import make_areas


@pytest.fixture
def areas(db):
    return make_areas()


@pytest.fixture
def run_import(tmp_path):
    """Write ``text`` as a file (encoded as given) and run `sampark supporters import` on it; returns stdout."""

    def _run(content: str | bytes, *args, name: str = "list.csv", encoding: str = "utf-8") -> str:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        out, err = io.StringIO(), io.StringIO()
        call_command("supporters", "import", str(path), *args, stdout=out, stderr=err)
        return out.getvalue()

    return _run


@pytest.fixture
def make_staff(db):
    from django.contrib.auth import get_user_model

    from sampark.accounts.models import RoleAssignment

    def make(username, role, area):
        user = get_user_model().objects.create_user(username=username, password=None)
        RoleAssignment.objects.create(user=user, role=role, area=area)
        return user

    return make
