"""The registry: handles stored in the one normal form verify compares, refusals that name the field, history kept."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model

from sampark.trust import registry
from sampark.trust.matching.verify import verify
from sampark.trust.models import ChannelStatus, OfficialChannel, Owner
from tests.supporters.factories import make_areas
from tests.trust.registry_factories import add

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("platform, given, stored", [
    ("x", "@SamparkAndolan", "samparkandolan"),
    ("x", "https://mobile.twitter.com/SamparkAndolan?s=20&t=abc", "samparkandolan"),
    ("instagram", "instagram.com/sampark.andolan/", "sampark.andolan"),
    ("facebook", "sampark.andolan", "sampark.andolan"),  # a dotted username, given bare with its platform
    ("instagram", "@sampark.andolan.up", "sampark.andolan.up"),
    ("youtube", "https://www.youtube.com/@SamparkAndolan", "samparkandolan"),
    ("phone", "+91 11 4000 0000", "+911140000000"),
    ("phone", "011-4000 0000", "+911140000000"),
    ("whatsapp_number", "https://wa.me/911140000000", "+911140000000"),
    ("website", "https://www.Example.org/about?utm_source=x", "example.org"),
    ("email", "Office@Example.org", "office@example.org"),
    ("whatsapp_group", "https://chat.whatsapp.com/AbCdEfGh12345", "AbCdEfGh12345"),
])
def test_a_handle_is_stored_normalised_next_to_the_form_given(platform, given, stored):
    channel = add(platform, given)
    assert channel.handle == stored
    assert channel.display == given.split("?")[0]
    assert verify(given)["verdict"] == "official"


def test_the_display_is_cleaned_of_invisible_characters_and_extra_spaces():
    channel = add("x", "  @Sampark\u200bAndolan \u2060 ")
    assert channel.display == "@SamparkAndolan"
    assert channel.handle == "samparkandolan"


def test_the_display_loses_tracking_parameters_unless_the_link_needs_them():
    assert add("x", "https://x.com/SamparkAndolan?s=20&t=abc#top").display == "https://x.com/SamparkAndolan"
    profile = add("facebook", "https://www.facebook.com/profile.php?id=100000000000001")
    assert profile.display == "https://www.facebook.com/profile.php?id=100000000000001"


@pytest.mark.parametrize("platform, given, problem", [
    ("x", "", "empty"),
    ("x", "   \u200b ", "empty"),
    ("x", "sampark andolan", "contains spaces"),
    ("x", "https://www.facebook.com/SamparkAndolan", "that is a Facebook address, not X (Twitter)"),
    ("website", "@SamparkAndolan", "not a web address"),
    ("email", "office@", "not an email address"),
    ("phone", "+91 12", "not a usable phone number"),
    ("phone", "anonymous", "not a usable phone number"),
    ("youtube", "https://youtu.be/abc", "no YouTube handle"),
    ("x", "a" * 301, "too long"),
])
def test_an_unusable_handle_is_refused_naming_the_field(platform, given, problem):
    with pytest.raises(registry.RegistryError) as refused:
        add(platform, given)
    assert refused.value.field == "handle"
    assert problem in refused.value.problem
    assert not OfficialChannel.objects.exists()


def test_an_unknown_platform_is_refused_naming_the_field():
    with pytest.raises(registry.RegistryError) as refused:
        add("myspace", "@SamparkAndolan")
    assert refused.value.field == "platform" and "myspace" in refused.value.problem


def test_the_same_handle_twice_is_refused_naming_whose_it_is():
    add("x", "@SamparkAndolan")
    with pytest.raises(registry.RegistryError) as refused:
        add("x", "https://x.com/samparkandolan", owner="Someone Else")
    assert refused.value.field == "handle"
    assert "already registered" in refused.value.problem and "Sampark Andolan" in refused.value.problem
    assert OfficialChannel.objects.get().owner.name_en == "Sampark Andolan"


def test_the_same_handle_on_another_platform_is_another_channel():
    add("x", "@SamparkAndolan")
    add("instagram", "@SamparkAndolan")
    assert OfficialChannel.objects.count() == 2


def test_owners_are_found_again_by_name_within_their_area():
    areas = make_areas()
    first = registry.find_or_create_owner("Sampark Andolan", area=areas["UP"], unit=True)
    again = registry.find_or_create_owner("  Sampark   Andolan ", area=areas["UP"], unit=True, name_hi="सम्पर्क")
    elsewhere = registry.find_or_create_owner("Sampark Andolan", area=areas["BR"], unit=True)
    nowhere = registry.find_or_create_owner("Sampark Andolan", unit=True)
    assert again.pk == first.pk and elsewhere.pk != first.pk
    assert registry.find_or_create_owner("Sampark Andolan", unit=True).pk == nowhere.pk
    assert Owner.objects.get(pk=first.pk).name_hi == "सम्पर्क"  # the latest Hindi name is the one shown


def test_a_person_and_a_unit_of_one_name_in_one_area_are_not_confused():
    registry.find_or_create_owner("Sampark Andolan", unit=True)
    with pytest.raises(registry.RegistryError) as refused:
        registry.find_or_create_owner("Sampark Andolan")
    assert refused.value.field == "owner" and "unit" in refused.value.problem


@pytest.mark.parametrize("name, field", [("", "owner"), ("x" * 121, "owner")])
def test_an_unusable_owner_name_is_refused(name, field):
    with pytest.raises(registry.RegistryError) as refused:
        registry.find_or_create_owner(name)
    assert refused.value.field == field
    assert not Owner.objects.exists()


def test_adding_records_who_verified_it_and_when():
    staff = get_user_model().objects.create_user("desk")
    with time_machine.travel(datetime(2026, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Kolkata")), tick=False):
        channel = add("x", "@SamparkAndolan", by=staff, since=date(2024, 1, 15))
    assert channel.verified_by == staff
    assert channel.verified_at == datetime(2026, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert channel.since == date(2024, 1, 15)


def test_retiring_keeps_the_channel_as_was_official_until_today_in_india():
    channel = add("x", "@SamparkAndolan", since=date(2024, 1, 15))
    # 20:00 UTC on 31 March is already 1 April in India
    with time_machine.travel(datetime(2026, 3, 31, 20, 0, tzinfo=ZoneInfo("UTC")), tick=False):
        registry.retire_channel(channel)
    channel.refresh_from_db()
    assert (channel.status, channel.until) == (ChannelStatus.RETIRED, date(2026, 4, 1))
    answer = verify("@SamparkAndolan")
    assert answer["verdict"] == "not_official"
    assert answer["matches"][0]["channel"]["until"] == "2026-04-01"


def test_retiring_with_a_date_before_it_became_official_is_refused():
    channel = add("x", "@SamparkAndolan", since=date(2024, 1, 15))
    with pytest.raises(registry.RegistryError) as refused:
        registry.retire_channel(channel, until=date(2023, 12, 31))
    assert refused.value.field == "until"
    channel.refresh_from_db()
    assert channel.status == ChannelStatus.ACTIVE


def test_retiring_twice_is_refused_and_keeps_the_first_date():
    channel = add("x", "@SamparkAndolan")
    registry.retire_channel(channel, until=date(2025, 6, 30))
    with pytest.raises(registry.RegistryError, match="already retired"):
        registry.retire_channel(channel, until=date(2025, 7, 31))
    channel.refresh_from_db()
    assert channel.until == date(2025, 6, 30)


def test_adding_a_retired_handle_again_says_to_reactivate_it():
    channel = add("x", "@SamparkAndolan")
    registry.retire_channel(channel, until=date(2025, 6, 30))
    with pytest.raises(registry.RegistryError, match="reactivate it instead"):
        add("x", "@SamparkAndolan")


def test_reactivating_makes_it_official_again_vouched_for_anew():
    channel = add("x", "@SamparkAndolan")
    registry.retire_channel(channel, until=date(2025, 6, 30))
    staff = get_user_model().objects.create_user("desk")
    registry.reactivate_channel(channel, by=staff)
    channel.refresh_from_db()
    assert (channel.status, channel.until, channel.verified_by) == (ChannelStatus.ACTIVE, None, staff)
    assert verify("x.com/samparkandolan")["verdict"] == "official"
    with pytest.raises(registry.RegistryError, match="already active"):
        registry.reactivate_channel(channel)


def test_editing_what_a_channel_points_at_is_vouched_for_again_but_a_date_fix_is_not():
    first, second = (get_user_model().objects.create_user(name) for name in ("first", "second"))
    channel = add("x", "@SamparkAndolan", by=first)
    owner = channel.owner
    registry.save_channel(channel, platform="x", handle="@SamparkAndolan", owner=owner, since=date(2024, 1, 1),
                          by=second)
    assert OfficialChannel.objects.get().verified_by == first
    registry.save_channel(channel, platform="x", handle="@SamparkAndolanHQ", owner=owner, by=second)
    assert OfficialChannel.objects.get().verified_by == second
    assert verify("@samparkandolanhq")["verdict"] == "official"


def test_find_channel_accepts_any_written_form_and_names_a_missing_one():
    channel = add("x", "@SamparkAndolan")
    assert registry.find_channel("x", "https://twitter.com/SAMPARKANDOLAN").pk == channel.pk
    with pytest.raises(registry.RegistryError, match="not in the registry"):
        registry.find_channel("x", "@Nobody")
