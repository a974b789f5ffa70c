"""docs/roles.md's matrix is the code's: an operator reading the doc learns exactly what a role can do."""

import re
from pathlib import Path

from sampark.accounts import permissions
from sampark.accounts.models import Role

DOC = Path(__file__).resolve().parents[2] / "docs" / "roles.md"


def documented_matrix() -> dict[str, set[str]]:
    lines = [line for line in DOC.read_text().splitlines() if line.startswith("| `") and line.count("|") == 7]
    header = next(line for line in DOC.read_text().splitlines() if line.startswith("| permission |"))
    roles = [cell.strip() for cell in header.strip("|").split("|")][1:]
    found: dict[str, set[str]] = {role: set() for role in roles}
    for line in lines:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        perm = re.fullmatch(r"`(.+)`", cells[0]).group(1)
        for role, cell in zip(roles, cells[1:], strict=True):
            if cell == "yes":
                found[role].add(perm)
    return found


def test_doc_lists_every_role_and_permission():
    documented = documented_matrix()
    assert set(documented) == set(Role.values)
    listed = {line.split("`")[1] for line in DOC.read_text().splitlines() if line.startswith("| `")
              and line.count("|") == 7}
    assert listed == permissions.ALL


def test_doc_matrix_equals_the_code():
    documented = documented_matrix()
    for role in Role.values:
        assert documented[role] == set(permissions.MATRIX[role]), role
