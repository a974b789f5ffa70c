"""Security headers: a Content-Security-Policy on every page (scripts only from the site or with the page's nonce),
HSTS and the proxy's HTTPS header when the public URL is https, and no "testserver" host outside tests."""

import json
import os
import re
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def test_every_page_has_a_csp_and_inline_scripts_carry_its_nonce(client):
    from tests.supporters.factories import make_areas, make_supporter
    from tests.web.test_every_url_as_every_role import public_paths

    make_areas()
    make_supporter()
    for path in public_paths() + ["/staff/login/"]:
        response = client.get(path)
        policy = response.get("Content-Security-Policy", "")
        directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip())
        assert directives["script-src"].startswith("'self'") and "unsafe-inline" not in directives["script-src"], path
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'", path
        nonce = re.search(r"'nonce-([^']+)'", policy)  # present only when the page used it
        body = response.content.decode(errors="replace")
        for tag in re.findall(r"<script\b[^>]*>", body):
            if "src=" in tag or 'type="application/json"' in tag:
                continue
            assert nonce and f'nonce="{nonce.group(1)}"' in tag, (path, tag)


def test_the_profile_pages_script_runs_under_the_policy(client):
    """The profile page's one inline script (the district → assembly filter) carries the nonce."""
    from sampark.supporters.models import Supporter
    from tests.supporters.factories import make_areas, make_supporter

    make_areas()
    make_supporter()
    supporter = Supporter.objects.get()
    from sampark.supporters.services import profile_token

    response = client.get(f"/p/{profile_token(supporter)}")
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert f'<script nonce="{nonce}">' in response.content.decode()


def settings_under(env: dict) -> dict:
    code = ("import django, json; from django.conf import settings; django.setup(); print(json.dumps({"
            "'hosts': settings.ALLOWED_HOSTS, 'hsts': getattr(settings, 'SECURE_HSTS_SECONDS', 0), "
            "'proxy': getattr(settings, 'SECURE_PROXY_SSL_HEADER', None), 'secure': settings.SESSION_COOKIE_SECURE}))")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SAMPARK_")} | env | {
        "DJANGO_SETTINGS_MODULE": "sampark.settings"}
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True,
                            check=True, timeout=60)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_public_url_turns_on_hsts_and_the_proxy_header(tmp_path):
    found = settings_under({"SAMPARK_DATA_DIR": str(tmp_path), "SAMPARK_PUBLIC_URL": "https://sampark.example.org"})
    assert found["hsts"] == 365 * 24 * 3600
    assert found["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert found["secure"] is True
    assert found["hosts"] == ["sampark.example.org", "127.0.0.1", "localhost"]


def test_plain_http_demo_has_no_hsts_and_no_testserver(tmp_path):
    found = settings_under({"SAMPARK_DATA_DIR": str(tmp_path)})
    assert found["hsts"] == 0 and found["proxy"] is None
    assert "testserver" not in found["hosts"]
