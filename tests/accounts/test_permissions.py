"""The permission module: a grant covers its subtree; a permission is held only where a role carrying it is granted;
deployment settings need a national grant; roles are granted below one's own area, never above or beside it."""

import pytest
from django.contrib.auth import get_user_model

from sampark.accounts import permissions as p
from sampark.accounts.models import Role, RoleAssignment
from tests.supporters.factories import make_areas

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas():
    return make_areas()


def staff(areas, name, *grants):
    user = get_user_model().objects.create_user(name, password=None)
    for role, code in grants:
        RoleAssignment.objects.create(user=user, role=role, area=areas[code])
    return user


def test_a_grant_covers_its_subtree_only(areas):
    lucknow = staff(areas, "c", (Role.COORDINATOR, "UP-LKO"))
    assert p.can(lucknow, p.SUPPORTERS_VIEW, areas["UP-AC-170"].path)
    assert p.can(lucknow, p.SUPPORTERS_VIEW, areas["UP-LKO"].path)
    assert not p.can(lucknow, p.SUPPORTERS_VIEW, areas["UP-AGR"].path)  # beside
    assert not p.can(lucknow, p.SUPPORTERS_VIEW, areas["UP"].path)  # above
    assert p.scope(lucknow, p.SUPPORTERS_VIEW) == [areas["UP-LKO"].path]


def test_a_permission_is_held_only_where_a_role_carrying_it_is_granted(areas):
    user = staff(areas, "mixed", (Role.COORDINATOR, "UP-LKO"), (Role.VOLUNTEER, "UP-AGR"))
    assert p.scope(user, p.SUPPORTERS_VIEW) == [areas["UP-LKO"].path]  # not Agra, where they only call
    assert p.scope(user, p.CALLBACKS_WORK) == sorted([areas["UP-LKO"].path, areas["UP-AGR"].path])


def test_volunteers_and_leadership_hold_no_supporter_list(areas):
    volunteer = staff(areas, "v", (Role.VOLUNTEER, "IN"))
    leadership = staff(areas, "l", (Role.LEADERSHIP, "IN"))
    for user in (volunteer, leadership):
        assert not p.can(user, p.SUPPORTERS_VIEW)
        assert not p.can(user, p.SUPPORTERS_EXPORT)
        assert p.scope(user, p.SUPPORTERS_VIEW) == []
    assert p.can(leadership, p.DIGEST_VIEW)
    assert p.can(volunteer, p.CALLBACKS_WORK)


def test_full_number_exports_and_audit_are_for_admin_and_dpo(areas):
    for role in Role.values:
        user = staff(areas, f"u-{role}", (role, "UP"))
        assert p.can(user, p.SUPPORTERS_EXPORT_FULL) == (role in (Role.ADMIN, Role.DPO))
        assert p.can(user, p.AUDIT_VIEW) == (role in (Role.ADMIN, Role.DPO))


def test_deployment_settings_need_a_national_admin(areas):
    state_admin = staff(areas, "state-admin", (Role.ADMIN, "UP"))
    national = staff(areas, "national", (Role.ADMIN, "IN"))
    assert not p.can(state_admin, p.SYSTEM_MANAGE)
    assert p.can(state_admin, p.SUPPORTERS_VIEW, areas["UP-LKO"].path)
    assert p.can(national, p.SYSTEM_MANAGE)


def test_inactive_and_anonymous_users_hold_nothing(areas):
    user = staff(areas, "gone", (Role.ADMIN, "IN"))
    user.is_active = False
    assert p.scope(user, p.SUPPORTERS_VIEW) == []
    assert not p.can(None, p.DASHBOARD_VIEW)


def test_superuser_holds_everything_everywhere(areas):
    root = get_user_model().objects.create_superuser("root", password=None)
    assert p.scope(root, p.SYSTEM_MANAGE) is None
    assert p.can(root, p.AUDIT_VIEW, areas["UP-AC-89"].path)


@pytest.mark.parametrize(("role", "code", "allowed"), [
    (Role.VOLUNTEER, "UP-LKO", True),  # the district's own volunteers
    (Role.VOLUNTEER, "UP-AC-170", True),
    (Role.COORDINATOR, "UP-AC-170", True),  # an assembly's coordinator
    (Role.COORDINATOR, "UP-LKO", False),  # another coordinator of the same district: beside, not below
    (Role.COORDINATOR, "UP-AGR", False),  # beside
    (Role.VOLUNTEER, "UP-AGR", False),
    (Role.COORDINATOR, "UP", False),  # above
    (Role.ADMIN, "UP-AC-170", False),  # not a role a coordinator hands out
    (Role.DPO, "UP-AC-170", False),
    (Role.LEADERSHIP, "UP-AC-170", False),
])
def test_a_district_coordinator_grants_below_never_above_or_beside(areas, role, code, allowed):
    coordinator = staff(areas, "c", (Role.COORDINATOR, "UP-LKO"))
    assert p.can_grant(coordinator, role, areas[code].path) is allowed


def test_admins_grant_admins_strictly_below_unless_national(areas):
    state_admin = staff(areas, "sa", (Role.ADMIN, "UP"))
    national = staff(areas, "na", (Role.ADMIN, "IN"))
    assert p.can_grant(state_admin, Role.ADMIN, areas["UP-LKO"].path)
    assert not p.can_grant(state_admin, Role.ADMIN, areas["UP"].path)
    assert p.can_grant(state_admin, Role.COORDINATOR, areas["UP"].path)
    assert p.can_grant(national, Role.ADMIN, areas["IN"].path)


def test_leadership_and_volunteers_grant_nothing(areas):
    for role in (Role.LEADERSHIP, Role.VOLUNTEER, Role.DPO):
        user = staff(areas, f"x-{role}", (role, "IN"))
        assert not any(p.can_grant(user, r, areas["UP-AC-170"].path) for r in Role.values)


def test_two_factor_is_required_for_admin_and_dpo(areas):
    assert p.needs_two_factor(staff(areas, "a", (Role.ADMIN, "UP-LKO")))
    assert p.needs_two_factor(staff(areas, "d", (Role.DPO, "IN")))
    assert not p.needs_two_factor(staff(areas, "c", (Role.COORDINATOR, "IN"), (Role.VOLUNTEER, "UP")))
