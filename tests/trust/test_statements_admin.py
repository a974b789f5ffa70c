"""Staff record the leadership's statements in the admin; who recorded one is the logged-in user."""

import pytest

from sampark.trust.messages import statements
from sampark.trust.messages.statements import match_forward
from sampark.trust.models import Statement
from tests.trust.statement_data import make_leader

pytestmark = pytest.mark.django_db
TEXT = "हर ब्लॉक में युवाओं के लिए मुफ्त कोचिंग केंद्र खोले जाएंगे और हर केंद्र में पुस्तकालय होगा।"


def test_a_statement_recorded_in_the_admin_can_be_matched_at_once(admin_client, admin_user):
    statements.forget()
    assert match_forward(TEXT) is None  # builds the index before the statement exists
    owner, channel = make_leader()
    response = admin_client.post("/admin/trust/statement/add/", {
        "text": TEXT, "language": "hi", "said_on": "2026-11-05", "speaker": owner.pk, "channel": channel.pk,
        "source_url": "https://example.org/speech",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Statement.objects.get()
    assert saved.recorded_by == admin_user and saved.speaker == owner
    assert match_forward(f"Forwarded as received: {TEXT}")["statement"]["id"] == saved.public_id


def test_the_list_shows_and_searches_statements(admin_client):
    owner, _channel = make_leader()
    Statement.objects.create(text=TEXT, said_on="2026-11-05", speaker=owner)
    Statement.objects.create(text="Membership is free.", said_on="2026-09-15", language="en")
    page = admin_client.get("/admin/trust/statement/", {"q": "कोचिंग"}).content.decode()
    assert "मुफ्त कोचिंग" in page and "Membership is free." not in page
    assert "Asha Verma" in page


def test_a_statement_without_text_or_date_is_refused(admin_client):
    response = admin_client.post("/admin/trust/statement/add/", {"text": "", "language": "hi", "said_on": ""})
    assert response.status_code == 200  # the form again, with errors
    assert Statement.objects.count() == 0
    assert "errorlist" in response.content.decode()
