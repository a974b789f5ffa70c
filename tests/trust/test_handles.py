"""trust.handles.parse: every way people write a handle, link, number, site or address gives one normal form."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sampark.trust.matching.handles import Handle, parse


@pytest.mark.parametrize(("text", "platform", "value"), [
    ("@SomeLeader", None, "someleader"),
    ("SomeLeader", None, "someleader"),
    ("  @SomeLeader  ", None, "someleader"),
    ("https://x.com/SomeLeader", "x", "someleader"),
    ("https://twitter.com/SomeLeader?s=20&t=abc", "x", "someleader"),
    ("https://mobile.twitter.com/SomeLeader?ref_src=twsrc", "x", "someleader"),
    ("http://www.twitter.com/SomeLeader/", "x", "someleader"),
    ("x.com/SomeLeader/status/1790000000000000000", "x", "someleader"),
    ("https://twitter.com/intent/user?screen_name=SomeLeader", "x", "someleader"),
    ("https://www.facebook.com/SomeLeaderOfficial", "facebook", "someleaderofficial"),
    ("https://fb.com/SomeLeaderOfficial?ref=share", "facebook", "someleaderofficial"),
    ("https://m.facebook.com/SomeLeaderOfficial", "facebook", "someleaderofficial"),
    ("https://www.facebook.com/profile.php?id=100012345678", "facebook", "100012345678"),
    ("https://www.instagram.com/some.leader/?igshid=abc123", "instagram", "some.leader"),
    ("instagram.com/some.leader", "instagram", "some.leader"),
    ("https://www.youtube.com/@SomeLeaderTV", "youtube", "someleadertv"),
    ("https://youtube.com/@SomeLeaderTV/videos?view=0", "youtube", "someleadertv"),
    ("https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", "youtube", "UCabcdefghijklmnopqrstuv"),
    ("https://t.me/SomeLeaderNews", "telegram", "someleadernews"),
    ("https://t.me/s/SomeLeaderNews", "telegram", "someleadernews"),
    ("https://t.me/+AbCdEf123", "telegram", "+AbCdEf123"),
    ("https://whatsapp.com/channel/0029VaAbCdEfGh1234", "whatsapp_channel", "0029VaAbCdEfGh1234"),
    ("https://www.whatsapp.com/channel/0029VaAbCdEfGh1234?utm=x", "whatsapp_channel", "0029VaAbCdEfGh1234"),
    ("https://chat.whatsapp.com/AbCdEf123GhI", "whatsapp_group", "AbCdEf123GhI"),
    ("https://chat.whatsapp.com/invite/AbCdEf123GhI", "whatsapp_group", "AbCdEf123GhI"),
    ("chat.whatsapp.com/AbCdEf123GhI", "whatsapp_group", "AbCdEf123GhI"),
    ("https://wa.me/919810000042", "whatsapp_number", "+919810000042"),
    ("https://api.whatsapp.com/send?phone=919810000042&text=hi", "whatsapp_number", "+919810000042"),
    ("+91 98100 00042", "phone", "+919810000042"),
    ("098100-00042", "phone", "+919810000042"),
    ("9810000042", "phone", "+919810000042"),
    ("(011) 4000 0000", "phone", "+911140000000"),
    ("+91 11 4000 0000", "phone", "+911140000000"),
    ("jansampark.org", "website", "jansampark.org"),
    ("https://www.JanSampark.org/about?x=1", "website", "jansampark.org"),
    ("www.jansampark.org", "website", "jansampark.org"),
    ("http://jansampark.org:8080/", "website", "jansampark.org"),
    ("Office@JanSampark.org", "email", "office@jansampark.org"),
    ("mailto:office@jansampark.org", "email", "office@jansampark.org"),
])
def test_every_form_gives_the_normal_form(text, platform, value):
    handle = parse(text)
    assert (handle.platform, handle.value) == (platform, value)


def test_the_platform_given_wins_over_detection():
    assert parse("@someleader", "instagram") == Handle("instagram", "someleader")
    assert parse("9810000042", "whatsapp_number") == Handle("whatsapp_number", "+919810000042")


def test_invisible_characters_are_removed_and_reported():
    handle = parse("@some\u200bleader\u2060")
    assert handle.value == "someleader" and handle.had_invisible
    assert not parse("@someleader").had_invisible


def test_lookalike_characters_are_kept():
    # the Cyrillic "о" must survive normalisation, so that the scorer can say why it resembles "someleader"
    assert parse("@s\u043emeleader").value == "s\u043emeleader"


def test_unicode_domains_become_their_ascii_form():
    assert parse("j\u0430nsampark.org").value.startswith("xn--")


@pytest.mark.parametrize("text", ["", "   ", "@", "\u200b", "https://", "https://x.com/", "wa.me/"])
def test_nothing_usable_gives_an_empty_value(text):
    assert parse(text).value == ""


@pytest.mark.parametrize("text", ["http://[abc/", "https://x.com:99999999/a", "xn--.org", "a" * 5000 + ".org",
                                  "https://\ud800.com", "@\x00\x01", "ftp://", "//", "?@/", "+", "@@@"])
def test_odd_input_does_not_raise(text):
    assert isinstance(parse(text), Handle)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120), st.sampled_from([None, "x", "phone", "website", "email", "whatsapp_group"]))
def test_parse_never_raises(text, platform):
    handle = parse(text, platform)
    assert isinstance(handle.value, str)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"@?[A-Za-z][A-Za-z0-9_]{0,30}", fullmatch=True))
def test_parse_is_idempotent_on_handles(text):
    once = parse(text)
    assert parse(once.value) == once


def test_the_handle_as_written_travels_with_the_normal_form():
    """The lookalike skeleton needs the capitals: Cyrillic "В" is Latin "B", its small form "в" is nothing Latin."""
    handle = parse("https://x.com/\u0412iharMorcha?s=20")
    assert (handle.value, handle.written) == ("\u0432iharmorcha", "\u0412iharMorcha")
    assert parse("@someleader").written == ""  # nothing to keep when it is the value itself
    assert parse("@\u0412ihar") == Handle(None, "\u0432ihar")  # written takes no part in equality


def test_a_bare_dotted_name_may_be_a_username_but_not_with_a_site_ending():
    assert parse("jan.andolan").maybe_handle and parse("kavita.rathore.mla").maybe_handle
    assert not parse("andolan.org.in").maybe_handle and not parse("example.com").maybe_handle
    assert not parse("https://jan.andolan").maybe_handle and not parse("jan.andolan", "website").maybe_handle


@pytest.mark.parametrize(("text", "value"), [("whatsapp://send?phone=919000001235", "+919000001235"),
                                             ("tel:+91 90000 01234", "+919000001234")])
def test_app_and_tel_links_give_the_number(text, value):
    assert parse(text).value == value
