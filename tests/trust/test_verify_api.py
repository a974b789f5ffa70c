"""GET /api/v1/verify: "is this official?" for anything people paste, public, rate-limited, with reasons."""

import pytest

from sampark.trust.models import ChannelStatus, OfficialChannel

URL = "/api/v1/verify"


def ask(client, q, **params):
    return client.get(URL, {"q": q, **params})


def verdict_of(client, q, **params):
    response = ask(client, q, **params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize("q", [
    "@AshaVermaMLA", "AshaVermaMLA", "ashavermamla", "https://x.com/AshaVermaMLA", "https://twitter.com/AshaVermaMLA?s=20",
    "https://mobile.twitter.com/ashavermamla?ref_src=twsrc%5Etfw", "x.com/AshaVermaMLA/status/1790000000000000000",
])
def test_every_form_of_an_official_handle_is_official(client, officials, q):
    answer = verdict_of(client, q)
    assert answer["verdict"] == "official"
    assert answer["query"] == "ashavermamla"
    match = answer["matches"][0]
    assert match["channel"]["handle"] == "@AshaVermaMLA" and match["channel"]["owner"] == "Asha Devi Verma"
    assert match["score"] == 1.0 and match["reasons"] == ["exact match"]


@pytest.mark.parametrize(("q", "platform"), [
    ("https://www.instagram.com/asha.verma.mla/?igshid=abc", "instagram"),
    ("https://facebook.com/AshaVermaOfficial", "facebook"),
    ("https://fb.com/AshaVermaOfficial?ref=share", "facebook"),
    ("https://www.youtube.com/@JanSamparkTV/videos", "youtube"),
    ("https://t.me/jansamparkmanch", "telegram"),
    ("https://whatsapp.com/channel/0029VaJanSampark01", "whatsapp_channel"),
    ("+91 11 4000 0000", "phone"),
    ("011-4000-0000", "phone"),
    ("https://wa.me/919810000042", "whatsapp_number"),
    ("98100 00042", "phone"),  # the official WhatsApp number asked about as a plain number
    ("https://www.jansampark.org/join", "website"),
    ("Office@JanSampark.org", "email"),
])
def test_links_numbers_sites_and_addresses_are_recognised(client, officials, q, platform):
    answer = verdict_of(client, q)
    assert (answer["verdict"], answer["platform"]) == ("official", platform)


def test_answer_has_exactly_the_documented_shape(client, officials):
    answer = verdict_of(client, "@A5haVermaMLA")
    assert set(answer) == {"query", "platform", "verdict", "matches"}
    assert answer == {
        "query": "a5havermamla", "platform": None, "verdict": "impersonation_risk", "matches": answer["matches"],
    }
    best = answer["matches"][0]
    assert set(best) == {"channel", "score", "reasons"}
    assert {"platform", "handle", "owner"} <= set(best["channel"])
    assert 0 < best["score"] < 1


@pytest.mark.parametrize(("q", "handle", "reason"), [
    ("@A5haVermaMLA", "@AshaVermaMLA", "digit 5 in place of letter s"),
    ("@AshaVermaMLA_Official", "@AshaVermaMLA", "adds 'official'"),
    ("@AshaVerma_MLA_ITcell", "@AshaVermaMLA", "adds 'IT cell'"),
    ("https://x.com/MLA_Asha_Verma?s=20", "@AshaVermaMLA", "words reordered"),
    ("@\u0410sh\u0430VermaMLA", "@AshaVermaMLA", "Cyrillic '\u0410' in place of Latin 'A'"),
    ("@AshaVermMLA", "@AshaVermaMLA", "one letter missing: a"),
    ("@AshaVermaMLA_parody", "@AshaVermaMLA", "calls itself a parody: still not official"),
    ("jansampark.org.verify-now.in", "https://www.jansampark.org/",
     "the official address jansampark.org used inside another site's address (verify-now.in)"),
    ("jansarnpark.org", "https://www.jansampark.org/", "look-alike domain"),
    ("+91 11 4000 0001", "+91 11 4000 0000", "one digit different from the official number"),
])
def test_lookalikes_are_an_impersonation_risk_with_reasons(client, officials, q, handle, reason):
    answer = verdict_of(client, q)
    assert answer["verdict"] == "impersonation_risk"
    best = answer["matches"][0]
    assert best["channel"]["handle"] == handle
    assert reason in best["reasons"]
    scores = [m["score"] for m in answer["matches"]]
    assert scores == sorted(scores, reverse=True)


def test_invisible_characters_make_the_exact_handle_a_risk(client, officials):
    answer = verdict_of(client, "@Asha\u200bVermaMLA")
    assert answer["verdict"] == "impersonation_risk"
    assert answer["matches"][0]["reasons"] == ["contains invisible characters"]


def test_a_retired_channel_says_until_when(client, officials):
    answer = verdict_of(client, "https://x.com/RaviKumarOld")
    assert answer["verdict"] == "not_official"
    assert answer["matches"][0]["reasons"] == ["retired official channel: official until 2025-06-30"]
    assert answer["matches"][0]["channel"]["until"] == "2025-06-30"
    lookalike = verdict_of(client, "@RaviKumar0ld")
    assert lookalike["verdict"] == "impersonation_risk"
    assert "resembles a channel that was official until 2025-06-30" in lookalike["matches"][0]["reasons"]


@pytest.mark.parametrize("q", [
    "https://chat.whatsapp.com/JanSamparkITcell01", "https://chat.whatsapp.com/invite/AbCdEf123",
    "@RekhaSinghal", "@news", "+91 98765 43210", "example.com", "someone@gmail.com", "https://t.me/+AbCdEf",
])
def test_unrelated_things_and_unregistered_groups_are_not_official(client, officials, q):
    answer = verdict_of(client, q)
    assert answer["verdict"] == "not_official"
    assert answer["matches"] == []


def test_the_platform_parameter_says_where_a_bare_name_is(client, officials):
    assert verdict_of(client, "asha.verma.mla", platform="instagram")["verdict"] == "official"
    assert verdict_of(client, "asha.verma.mla")["platform"] == "website"  # a dot, and no platform: a site
    on_telegram = verdict_of(client, "ashavermamla", platform="telegram")
    assert on_telegram["verdict"] == "impersonation_risk"
    assert any("this Telegram account is not registered" in r for r in on_telegram["matches"][0]["reasons"])


def test_changes_to_the_registry_are_seen_at_once(client, officials):
    assert verdict_of(client, "@AshaVermaMLA")["verdict"] == "official"
    OfficialChannel.objects.filter(pk=officials["x"].pk).update(status=ChannelStatus.RETIRED)  # no signals fire
    assert verdict_of(client, "@AshaVermaMLA")["verdict"] == "not_official"
    OfficialChannel.objects.filter(pk=officials["x"].pk).update(handle="ashaverma", display="@AshaVerma",
                                                               status=ChannelStatus.ACTIVE)
    assert verdict_of(client, "@AshaVerma")["verdict"] == "official"
    assert verdict_of(client, "@AshaVermaMLA")["verdict"] == "impersonation_risk"  # now only a lookalike


def test_reasons_in_hindi_when_asked(client, officials):
    answer = verdict_of(client, "@AshaVermaMLA_Official", lang="hi")
    assert "'official' जोड़ा गया है" in answer["matches"][0]["reasons"]
    assert answer["matches"][0]["channel"]["owner_hi"] == "आशा देवी वर्मा"


@pytest.mark.parametrize(("params", "field"), [
    ({}, "q"),
    ({"q": ""}, "q"),
    ({"q": "   "}, "q"),
    ({"q": "a" * 301}, "q"),
    ({"q": "@name", "platform": "myspace"}, "platform"),
    ({"q": "@name", "lang": "fr"}, "lang"),
])
def test_bad_input_is_a_400_naming_the_field(client, db, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == field and body["error"].startswith(field)


@pytest.mark.parametrize("q", ["' OR 1=1 --", "<script>alert(1)</script>", "%00", "\x00", "../../etc/passwd",
                               "https://[::1", "+" * 300, "@" * 300, "\u202eevil", "ｘ.ｃｏｍ/ａ"])
def test_hostile_input_gets_an_answer_not_an_error(client, officials, q):
    assert ask(client, q).status_code == 200


def test_no_token_is_needed_and_the_rate_limit_answers_429(client, officials, settings):
    settings.PUBLIC_RATE_LIMIT = "3/m"
    for _ in range(3):
        assert ask(client, "@AshaVermaMLA").status_code == 200
    response = ask(client, "@AshaVermaMLA")
    assert response.status_code == 429
    assert response.json()["field"] == "rate"
    other = client.get(URL, {"q": "@AshaVermaMLA"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200  # per address


def test_openapi_documents_verify_and_its_answer(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/verify"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "platform"}
    assert {"200", "400", "429"} <= set(operation["responses"])
    assert not operation.get("security")
    schema = spec["components"]["schemas"]["VerifyOut"]
    assert set(schema["properties"]) == {"query", "platform", "verdict", "matches"}
    assert schema["properties"]["verdict"]["enum"] == ["official", "impersonation_risk", "not_official"]
