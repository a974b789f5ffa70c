"""The admin cannot be used to reach outside one's area: no moving a supporter, call-back or case to another
district, no naming a supporter of another district through a raw-id box, and no editing the deployment's
settings (templates, numbers, areas) below a national admin."""

import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import Role, RoleAssignment
from sampark.outreach.models import SmsTemplate
from sampark.supporters.models import Callback, Supporter
from tests.conftest import login_verified
from tests.supporters.factories import make_areas, make_supporter

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    areas = make_areas()
    return {"areas": areas, "lucknow": make_supporter("+919876500001", area=areas["UP-LKO"]),
            "agra": make_supporter("+919876500002", area=areas["UP-AGR"])}


def staff(client, world, role, code):
    user = get_user_model().objects.create_user(f"{role}-{code}", password=None, is_staff=True)
    RoleAssignment.objects.create(user=user, role=role, area=world["areas"][code])
    login_verified(client, user)
    return user


def supporter_form(supporter, **changes):
    data = {"name": supporter.name, "language": supporter.language, "area": supporter.area_id,
            "stage": supporter.stage, "contact_consent": "on" if supporter.contact_consent else ""}
    return {key: value for key, value in (data | changes).items() if value not in (None, "")}


def test_a_district_coordinator_cannot_move_a_supporter_to_another_district(client, world):
    staff(client, world, Role.COORDINATOR, "UP-LKO")
    supporter = world["lucknow"]
    url = f"/admin/supporters/supporter/{supporter.pk}/change/"
    refused = client.post(url, supporter_form(supporter, area=world["areas"]["UP-AGR"].pk))
    assert refused.status_code == 200 and "errorlist" in refused.content.decode()
    supporter.refresh_from_db()
    assert supporter.area.code == "UP-LKO"
    moved = client.post(url, supporter_form(supporter, area=world["areas"]["UP-AC-170"].pk))
    assert moved.status_code == 302  # inside their district is fine
    supporter.refresh_from_db()
    assert supporter.area.code == "UP-AC-170"


def test_a_callback_cannot_be_pointed_at_another_districts_supporter(client, world):
    staff(client, world, Role.COORDINATOR, "UP-LKO")
    callback = Callback.objects.get(supporter=world["lucknow"])
    page = client.get(f"/admin/supporters/callback/{callback.pk}/change/").content.decode()
    assert world["agra"].public_id not in page
    response = client.post(f"/admin/supporters/callback/{callback.pk}/change/", {
        "supporter": world["agra"].pk, "status": callback.status, "area": world["areas"]["UP-LKO"].pk,
        "created_at_0": "2026-12-01", "created_at_1": "10:00:00"})
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors.as_data()["supporter"][0].code == "invalid_choice"  # only supporters they may see
    callback.refresh_from_db()
    assert callback.supporter_id == world["lucknow"].pk


def test_raw_id_box_names_no_one_outside_the_scope(client, world):
    """Typing another district's supporter id into a raw-id box must not show their name or number."""
    world["agra"].name = "Agra Person"
    world["agra"].save()
    staff(client, world, Role.COORDINATOR, "UP-LKO")
    callback = Callback.objects.get(supporter=world["lucknow"])
    page = client.post(f"/admin/supporters/callback/{callback.pk}/change/", {
        "supporter": world["agra"].pk, "status": "bogus"}).content.decode()
    assert "Agra Person" not in page and world["agra"].phone_hint not in page


@pytest.mark.parametrize("url", [
    "/admin/outreach/smstemplate/{template}/change/", "/admin/geo/area/{area}/change/",
    "/admin/telephony/publishednumber/add/"])
def test_deployment_settings_are_read_only_below_a_national_admin(client, world, url):
    template = SmsTemplate.objects.first()
    url = url.format(template=template.pk if template else 0, area=world["areas"]["UP-LKO"].pk)
    staff(client, world, Role.ADMIN, "UP")  # a state admin
    response = client.post(url, {"name_en": "Changed", "body": "x", "number": "+911140000001"})
    assert response.status_code == 403
    assert world["areas"]["UP-LKO"].name_en == "Lucknow"
    if template is not None:
        assert SmsTemplate.objects.get(pk=template.pk).body == template.body


def test_a_national_admin_may_change_deployment_settings(client, world):
    staff(client, world, Role.ADMIN, "IN")
    template = SmsTemplate.objects.first()
    assert client.get(f"/admin/outreach/smstemplate/{template.pk}/change/").status_code == 200
    assert 'name="body"' in client.get(f"/admin/outreach/smstemplate/{template.pk}/change/").content.decode()


def test_a_dpo_reads_records_but_cannot_edit_them(client, world):
    staff(client, world, Role.DPO, "UP")
    supporter = world["lucknow"]
    assert client.get("/admin/supporters/supporter/").status_code == 200
    response = client.post(f"/admin/supporters/supporter/{supporter.pk}/change/", supporter_form(
        supporter, name="Changed by DPO"))
    assert response.status_code == 403
    assert Supporter.objects.get(pk=supporter.pk).name != "Changed by DPO"
