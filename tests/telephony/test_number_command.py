"""sampark number add|list: registers published numbers and prints the webhook URL to configure."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sampark.telephony.models import PublishedNumber

pytestmark = pytest.mark.django_db

PUBLIC = "https://sampark.example.org"


@pytest.fixture(autouse=True)
def public_url(settings):
    settings.PUBLIC_URL = PUBLIC


def run(*args) -> str:
    out = StringIO()
    call_command("number", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.parametrize("provider", ["exotel", "ozonetel", "myoperator"])
def test_key_providers_get_a_generated_key_in_the_url(provider):
    output = run("add", "--provider", provider, "--slug", "main", "--number", "080 4718 0000")
    number = PublishedNumber.objects.get(provider=provider, slug="main")
    assert number.number == "+918047180000"
    assert len(number.secret) >= 32
    assert f"secret: {number.secret}\n" in output
    assert f"webhook URL: {PUBLIC}/hooks/{provider}/main/?key={number.secret}\n" in output


def test_generic_gets_a_generated_secret_not_in_the_url():
    output = run("add", "--provider", "generic", "--slug", "sip", "--number", "+91 80 4718 0000")
    number = PublishedNumber.objects.get(provider="generic")
    assert f"secret: {number.secret}" in output
    assert f"webhook URL: {PUBLIC}/hooks/generic/sip/\n" in output
    assert "?key=" not in output


@pytest.mark.parametrize("provider", ["twilio", "plivo"])
def test_signing_providers_need_the_account_token(provider):
    with pytest.raises(CommandError, match=f"--secret: required for {provider}"):
        run("add", "--provider", provider, "--slug", "main", "--number", "08047180000")
    output = run("add", "--provider", provider, "--slug", "main", "--number", "08047180000",
                 "--secret", "account-auth-token-0123456789")
    assert PublishedNumber.objects.get(provider=provider).secret == "account-auth-token-0123456789"
    assert "secret:" not in output  # they gave it; it is not printed back
    assert f"webhook URL: {PUBLIC}/hooks/{provider}/main/\n" in output


def test_given_key_and_allowlist():
    output = run("add", "--provider", "exotel", "--slug", "east", "--number", "08047180000",
                 "--secret", "a-long-shared-key-1234", "--allow-ip", "203.0.113.0/24,198.51.100.7")
    number = PublishedNumber.objects.get(slug="east")
    assert number.ip_allowlist == "203.0.113.0/24,198.51.100.7"
    assert "secret:" not in output
    assert "?key=a-long-shared-key-1234" in output


def test_short_key_warns():
    err = StringIO()
    call_command("number", "add", "--provider", "exotel", "--slug", "x", "--number", "08047180000",
                 "--secret", "short", stdout=StringIO(), stderr=err)
    assert "can be guessed" in err.getvalue()


@pytest.mark.parametrize("args, message", [
    (["--provider", "nope", "--slug", "a", "--number", "08047180000"], "--provider: unknown 'nope'"),
    (["--provider", "exotel", "--slug", "a b", "--number", "08047180000"], "--slug: 'a b' may use only"),
    (["--provider", "exotel", "--slug", "a", "--number", "12345"], "--number: '12345' is not a valid"),
    (["--provider", "exotel", "--slug", "a", "--number", "08047180000", "--allow-ip", "10.0.0.0/8,nope"],
     "--allow-ip: 'nope' is not an IP address"),
    (["--provider", "exotel", "--slug", "a", "--number", "08047180000", "--secret", ""], "--secret: empty"),
    (["--provider", "exotel", "--slug", "a" * 51, "--number", "08047180000"], "--slug: longer than 50"),
])
def test_bad_arguments(args, message):
    with pytest.raises(CommandError, match=message):
        run("add", *args)
    assert not PublishedNumber.objects.exists()


def test_same_slug_twice_is_refused_and_keeps_the_first_secret():
    run("add", "--provider", "exotel", "--slug", "main", "--number", "08047180000")
    secret = PublishedNumber.objects.get().secret
    with pytest.raises(CommandError, match="--slug: exotel/main is already registered"):
        run("add", "--provider", "exotel", "--slug", "main", "--number", "08047180001")
    assert PublishedNumber.objects.get().secret == secret


def test_list_never_shows_secrets():
    assert "no numbers yet" in run("list")
    run("add", "--provider", "exotel", "--slug", "main", "--number", "08047180000")
    run("add", "--provider", "twilio", "--slug", "tw", "--number", "08047180001", "--secret", "t" * 32,
        "--allow-ip", "203.0.113.0/24")
    output = run("list")
    assert f"exotel/main  +918047180000  active  {PUBLIC}/hooks/exotel/main/" in output
    assert "twilio/tw" in output and "allow 203.0.113.0/24" in output
    for number in PublishedNumber.objects.all():
        assert number.secret not in output
