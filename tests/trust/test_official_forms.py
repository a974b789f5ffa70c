"""Every form in which a person pastes an official handle, link, number or address answers "official" (issue 12).

Registered through `sampark official add`, as the trust desk does; fictional handles and numbers only.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from sampark.trust.matching.verify import verify

pytestmark = pytest.mark.django_db

REGISTRY = [
    ("x", "@JanNeta_UP"), ("facebook", "jan.andolan"), ("instagram", "jan.andolan.up"),
    ("youtube", "https://youtube.com/@JanAndolanTV"), ("telegram", "https://t.me/janandolanlive"),
    ("website", "andolan.org.in"), ("email", "contact@andolan.org.in"), ("phone", "+91 90000 01234"),
    ("whatsapp_number", "+91 90000 01235"),
]


@pytest.fixture(autouse=True)
def registry():
    for platform, handle in REGISTRY:
        call_command("official", "add", "--platform", platform, "--handle", handle, "--owner", "Jan Andolan",
                     stdout=StringIO())


@pytest.mark.parametrize("query", [
    "@JanNeta_UP", "JanNeta_UP", "janneta_up", "https://x.com/JanNeta_UP",
    "https://twitter.com/JanNeta_UP/status/123456?s=20", "x.com/janneta_up/", "https://www.x.com/JanNeta_UP/",
    "https://mobile.twitter.com/JanNeta_UP?ref_src=twsrc",
    "https://www.facebook.com/jan.andolan", "https://m.facebook.com/jan.andolan/?ref=share", "fb.com/jan.andolan",
    "jan.andolan",
    "https://www.instagram.com/jan.andolan.up/?igsh=MTc4MmM1YmI2Ng==", "instagram.com/jan.andolan.up",
    "@jan.andolan.up",
    "https://youtube.com/@JanAndolanTV/videos", "https://m.youtube.com/@janandolantv",
    "https://t.me/janandolanlive", "https://t.me/s/janandolanlive", "t.me/janandolanlive/123", "@janandolanlive",
    "https://andolan.org.in", "http://www.andolan.org.in/", "ANDOLAN.ORG.IN", "https://andolan.org.in/join?ref=wa",
    "mailto:contact@andolan.org.in", "CONTACT@ANDOLAN.ORG.IN", "Contact@Andolan.org.in",
    "+91 90000 01234", "+919000001234", "09000001234", "9000001234", "+91-90000-01234", "91 90000 01234",
    "(+91) 90000-01234", "0091 90000 01234", "tel:+919000001234",
    "https://wa.me/919000001235", "wa.me/+919000001235", "https://api.whatsapp.com/send?phone=919000001235&text=hi",
    "https://api.whatsapp.com/send/?phone=%2B919000001235", "whatsapp://send?phone=919000001235",
])
def test_every_form_of_an_official_channel_is_official(query):
    assert verify(query)["verdict"] == "official"
