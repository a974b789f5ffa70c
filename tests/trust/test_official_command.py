"""`sampark official`: staff add, list, retire and reactivate channels; bad options are named in the error."""

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from sampark.trust.matching.verify import verify
from sampark.trust.models import ChannelStatus, OfficialChannel, Owner
from tests.supporters.factories import make_areas

pytestmark = pytest.mark.django_db


def official(*args) -> str:
    out = StringIO()
    call_command("official", *args, stdout=out)
    return out.getvalue()


def test_add_stores_the_handle_normalised_and_says_so():
    make_areas()
    out = official("add", "--platform", "x", "--handle", "https://twitter.com/SamparkAndolan?s=20",
                   "--owner", "Sampark Andolan", "--owner-hi", "सम्पर्क आंदोलन", "--area", "UP", "--unit",
                   "--since", "2024-01-15")
    assert "stored as samparkandolan" in out
    channel = OfficialChannel.objects.select_related("owner__area").get()
    assert (channel.handle, channel.since) == ("samparkandolan", date(2024, 1, 15))
    assert (channel.owner.kind, channel.owner.name_hi, channel.owner.area.code) == (
        Owner.Kind.UNIT, "सम्पर्क आंदोलन", "UP")
    assert verify("@samparkandolan")["verdict"] == "official"


def test_by_records_who_verified_it():
    desk = get_user_model().objects.create_user("desk")
    official("add", "--platform", "x", "--handle", "@SamparkAndolan", "--owner", "Sampark Andolan", "--by", "desk")
    channel = OfficialChannel.objects.get()
    assert channel.verified_by == desk and channel.verified_at is not None
    with pytest.raises(CommandError, match="--by: no active user 'nobody'"):
        official("add", "--platform", "x", "--handle", "@Other", "--owner", "Sampark Andolan", "--by", "nobody")
    assert OfficialChannel.objects.count() == 1


def test_a_second_channel_joins_the_same_owner():
    for platform, handle in (("x", "@SamparkAndolan"), ("phone", "+91 11 4000 0000"), ("website", "example.org")):
        official("add", "--platform", platform, "--handle", handle, "--owner", "Sampark Andolan", "--unit")
    assert Owner.objects.count() == 1
    assert sorted(OfficialChannel.objects.values_list("handle", flat=True)) == [
        "+911140000000", "example.org", "samparkandolan"]


@pytest.mark.parametrize("args, message", [
    (["--platform", "orkut", "--handle", "@a", "--owner", "A"], "--platform: unknown 'orkut'"),
    (["--platform", "x", "--handle", "", "--owner", "A"], "--handle: empty"),
    (["--platform", "x", "--handle", "https://facebook.com/a", "--owner", "A"], "--handle: that is a Facebook"),
    (["--platform", "phone", "--handle", "12345", "--owner", "A"], "--handle: not a usable phone number"),
    (["--platform", "x", "--handle", "@a", "--owner", " "], "--owner: empty"),
    (["--platform", "x", "--handle", "@a", "--owner", "A", "--owner-hi", "क" * 121], "--owner-hi: too long"),
    (["--platform", "x", "--handle", "@a", "--owner", "A", "--area", "XX-NOWHERE"], "--area: no area with code"),
    (["--platform", "x", "--handle", "@a", "--owner", "A", "--since", "15/01/2024"], "--since: '15/01/2024' is not"),
    (["--platform", "x", "--handle", "@a", "--owner", "A", "--since", "2024-02-30"], "--since:"),
])
def test_bad_options_are_named_and_nothing_is_written(args, message):
    with pytest.raises(CommandError) as refused:
        official("add", *args)
    assert str(refused.value).startswith(message)
    assert not OfficialChannel.objects.exists() and not Owner.objects.exists()


def test_a_refused_duplicate_leaves_no_new_owner_behind():
    official("add", "--platform", "x", "--handle", "@SamparkAndolan", "--owner", "Sampark Andolan")
    with pytest.raises(CommandError, match="--handle: already registered"):
        official("add", "--platform", "x", "--handle", "x.com/samparkandolan", "--owner", "Impostor")
    assert list(Owner.objects.values_list("name_en", flat=True)) == ["Sampark Andolan"]


def test_list_shows_active_channels_and_all_with_the_retired():
    official("add", "--platform", "x", "--handle", "@SamparkAndolan", "--owner", "Sampark Andolan")
    official("add", "--platform", "x", "--handle", "@SamparkOld", "--owner", "Sampark Andolan")
    official("retire", "--platform", "x", "--handle", "https://x.com/SamparkOld", "--until", "2025-06-30")
    active = official("list")
    assert "@SamparkAndolan" in active and "@SamparkOld" not in active
    everything = official("list", "--all")
    assert "@SamparkOld  [samparkold]  retired, official until 2025-06-30" in everything


def test_list_of_an_empty_registry_says_how_to_add():
    assert "sampark official add" in official("list")


def test_retire_and_reactivate():
    official("add", "--platform", "whatsapp_number", "--handle", "+91 11 4000 0000", "--owner", "Sampark Andolan",
             "--since", "2024-01-01")
    out = official("retire", "--platform", "whatsapp_number", "--handle", "wa.me/911140000000", "--until",
                   "2025-06-30")
    assert "official until 2025-06-30" in out
    assert OfficialChannel.objects.get().status == ChannelStatus.RETIRED
    assert "reactivated" in official("reactivate", "--platform", "whatsapp_number", "--handle", "011 4000 0000")
    assert OfficialChannel.objects.get().status == ChannelStatus.ACTIVE


@pytest.mark.parametrize("args, message", [
    (["retire", "--platform", "x", "--handle", "@Nobody"], "--handle: @Nobody is not in the registry"),
    (["retire", "--platform", "x", "--handle", "@SamparkAndolan", "--until", "yesterday"], "--until: 'yesterday'"),
    (["retire", "--platform", "x", "--handle", "@SamparkAndolan", "--until", "2020-01-01"], "--until: 2020-01-01 is"),
    (["reactivate", "--platform", "x", "--handle", "@SamparkAndolan"], "--handle: @SamparkAndolan is already active"),
])
def test_retire_and_reactivate_name_what_is_wrong(args, message):
    official("add", "--platform", "x", "--handle", "@SamparkAndolan", "--owner", "Sampark Andolan",
             "--since", "2024-01-15")
    with pytest.raises(CommandError) as refused:
        official(*args)
    assert str(refused.value).startswith(message)
    assert OfficialChannel.objects.get().status == ChannelStatus.ACTIVE
