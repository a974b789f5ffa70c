"""Registry admin: the form normalises like the CLI, refusals sit next to the field, staff see only their areas."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from sampark.accounts.models import Role, RoleAssignment
from sampark.trust.models import ChannelStatus, OfficialChannel, Owner
from tests.supporters.factories import make_areas
from tests.trust.registry_factories import add

pytestmark = pytest.mark.django_db
ADD = "/admin/trust/officialchannel/add/"
CHANNELS = "/admin/trust/officialchannel/"


@pytest.fixture
def areas():
    return make_areas()


@pytest.fixture
def lucknow_desk(client, areas):
    """A coordinator for Lucknow district with the registry's admin permissions."""
    user = get_user_model().objects.create_user("lucknow", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="trust",
                                                        content_type__model__in=["owner", "officialchannel"]))
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=areas["UP-LKO"])
    client.force_login(user)
    return user


def form(owner, display, platform="x", **extra):
    return {"platform": platform, "display": display, "owner": owner.pk, "status": ChannelStatus.ACTIVE,
            "since": "", "until": "", **extra}


def test_adding_through_the_admin_normalises_like_the_cli_and_records_who(admin_client, admin_user):
    owner = Owner.objects.create(name_en="Sampark Andolan", kind=Owner.Kind.UNIT)
    response = admin_client.post(ADD, form(owner, "https://mobile.twitter.com/SamparkAndolan?s=20"), follow=True)
    assert response.status_code == 200
    channel = OfficialChannel.objects.get()
    assert (channel.handle, channel.display, channel.verified_by) == (
        "samparkandolan", "https://mobile.twitter.com/SamparkAndolan", admin_user)
    assert "samparkandolan" in response.content.decode()  # the normal form is shown after saving


@pytest.mark.parametrize("display, platform, message", [
    ("https://www.facebook.com/SamparkAndolan", "x", "that is a Facebook address"),
    ("sampark andolan", "x", "contains spaces"),
    ("12345", "phone", "not a usable phone number"),
    ("x.com/samparkandolan", "x", "already registered"),
])
def test_a_refused_handle_is_shown_next_to_the_field_and_nothing_is_saved(admin_client, display, platform, message):
    existing = add("x", "@SamparkAndolan")
    response = admin_client.post(ADD, form(existing.owner, display, platform=platform))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors["display"])
    assert OfficialChannel.objects.count() == 1


def test_a_retire_date_before_since_is_refused_on_the_until_field(admin_client):
    owner = Owner.objects.create(name_en="Sampark Andolan")
    response = admin_client.post(ADD, form(owner, "@SamparkAndolan", since="2024-01-15", status="retired",
                                           until="2023-01-01"))
    assert "before the channel became official" in " ".join(response.context["adminform"].form.errors["until"])
    assert not OfficialChannel.objects.exists()


def test_retire_and_reactivate_actions(admin_client):
    channel = add("x", "@SamparkAndolan", since=date(2024, 1, 15))
    admin_client.post(CHANNELS, {"action": "retire", "_selected_action": [channel.pk]})
    channel.refresh_from_db()
    assert channel.status == ChannelStatus.RETIRED and channel.until is not None
    admin_client.post(CHANNELS, {"action": "reactivate", "_selected_action": [channel.pk]})
    channel.refresh_from_db()
    assert (channel.status, channel.until) == (ChannelStatus.ACTIVE, None)


def test_a_pasted_link_finds_the_channel(admin_client):
    add("x", "@SamparkAndolan")
    add("x", "@SomethingElse")
    page = admin_client.get(CHANNELS, {"q": "https://twitter.com/SamparkAndolan?s=20"}).content.decode()
    assert "@SamparkAndolan" in page and "@SomethingElse" not in page


def test_the_list_filters_by_platform_and_status(admin_client):
    add("x", "@SamparkAndolan")
    add("website", "example.org")
    page = admin_client.get(CHANNELS, {"platform__exact": "website", "status__exact": "active"}).content.decode()
    assert "example.org" in page and "@SamparkAndolan" not in page


def test_staff_see_and_choose_only_owners_in_their_area(client, lucknow_desk, areas):
    mine = add("x", "@SamparkLucknow", owner="Sampark Andolan, Lucknow", unit=True, area=areas["UP-LKO"])
    theirs = add("x", "@SamparkPatna", owner="Sampark Andolan, Patna", unit=True, area=areas["BR-PAT"])
    national = add("x", "@SamparkAndolan", owner="Sampark Andolan", unit=True)
    page = client.get(CHANNELS).content.decode()
    assert "@SamparkLucknow" in page and "@SamparkPatna" not in page and "@SamparkAndolan" not in page
    assert client.get(f"{CHANNELS}{theirs.pk}/change/").status_code == 302  # not found for them: back to the list
    response = client.post(ADD, form(theirs.owner, "@SamparkPatnaTwo"))
    assert "owner" in response.context["adminform"].form.errors
    assert client.post(ADD, form(mine.owner, "@SamparkLucknowTwo")).status_code == 302
    assert OfficialChannel.objects.filter(handle="samparklucknowtwo", owner=mine.owner).exists()
    assert national.owner not in Owner.objects.visible_to(lucknow_desk)


def test_staff_cannot_file_an_owner_outside_their_area_or_without_one(client, lucknow_desk, areas):
    response = client.post("/admin/trust/owner/add/", {"kind": "unit", "name_en": "Patna office", "name_hi": "",
                                                       "area": areas["BR-PAT"].pk})
    assert "area" in response.context["adminform"].form.errors
    response = client.post("/admin/trust/owner/add/", {"kind": "unit", "name_en": "Nowhere office", "name_hi": "",
                                                       "area": ""})
    assert "area" in response.context["adminform"].form.errors
    assert client.post("/admin/trust/owner/add/", {"kind": "unit", "name_en": " Lucknow  office ", "name_hi": "",
                                                   "area": areas["UP-AC-170"].pk}).status_code == 302
    assert Owner.objects.get().name_en == "Lucknow office"


def test_two_owners_of_one_name_in_one_area_are_refused(admin_client, areas):
    Owner.objects.create(name_en="Lucknow office", area=areas["UP-LKO"])
    response = admin_client.post("/admin/trust/owner/add/", {"kind": "unit", "name_en": "Lucknow office",
                                                             "name_hi": "", "area": areas["UP-LKO"].pk})
    assert "already an owner called" in " ".join(response.context["adminform"].form.errors["name_en"])


def test_only_superusers_delete_channels(client, lucknow_desk, areas):
    channel = add("x", "@SamparkLucknow", owner="Lucknow office", area=areas["UP-LKO"])
    assert client.post(f"{CHANNELS}{channel.pk}/delete/", {"post": "yes"}).status_code == 403
    assert OfficialChannel.objects.filter(pk=channel.pk).exists()
