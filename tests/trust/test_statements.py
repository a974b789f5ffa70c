""""Verify a forward": a forwarded quote is tied to the statement it quotes, with how closely it follows it."""

from datetime import date

import pytest

from sampark.trust.messages import statements
from sampark.trust.messages.statements import match_forward
from sampark.trust.models import Statement
from tests.trust.statement_data import FARMERS_HI, MEMBERSHIP_EN, SCHOOLS_HI, make_statements

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():
    statements.forget()
    yield
    statements.forget()


@pytest.fixture
def recorded():
    return make_statements()


def test_a_forward_wrapped_in_noise_matches_its_statement_exactly(recorded):
    forward = f"*BREAKING* 🔥🔥\nनेता जी ने कहा: “{FARMERS_HI}” 🙏\nForwarded as received. जरूर पढ़ें!"
    match = match_forward(forward)
    assert match["statement"] == {
        "id": recorded["farmers"].public_id, "text": FARMERS_HI, "said_on": "2026-10-02",
        "speaker": "Asha Verma", "channel": "@AshaVermaOfficial",
    }
    assert match["exact"] is True
    assert match["similarity"] >= 0.95


def test_a_forward_with_changed_words_matches_but_not_exactly(recorded):
    altered = ("किसानों का आधा कर्ज माफ किया जाएगा और हर गांव में नई सिंचाई योजना शुरू होगी। हम किसानों के साथ "
               "खड़े हैं।")
    match = match_forward(altered)
    assert match["statement"]["id"] == recorded["farmers"].public_id
    assert match["exact"] is False
    assert 0.7 <= match["similarity"] < 1.0
    assert match["words_changed"] >= 1


def test_a_forward_that_adds_a_not_is_flagged_as_reversing_the_meaning(recorded):
    reversed_quote = ("Membership of the movement is not free. Anyone can join by giving a missed call. We will "
                      "never ask for your Aadhaar, your OTP or any money.")
    match = match_forward(reversed_quote)
    assert match["statement"]["id"] == recorded["membership"].public_id
    assert match["negation_changed"] is True
    assert match["exact"] is False


def test_a_forward_quoting_part_of_a_statement_is_partial(recorded):
    match = match_forward("Leader said: Anyone can join by giving a missed call. We will never ask for your Aadhaar")
    assert match["statement"]["id"] == recorded["membership"].public_id
    assert match["exact"] is False
    assert match["coverage"] < 0.9


def test_an_unrelated_message_matches_nothing(recorded):
    assert match_forward("नेता जी ने कहा कि पेट्रोल 50 रुपये लीटर होगा और बिजली मुफ्त मिलेगी") is None
    assert match_forward("The president said all roads in the state will be rebuilt within a month") is None


def test_a_few_words_are_not_enough_to_match(recorded):
    assert match_forward("किसानों का कर्ज") is None
    assert match_forward("") is None


def test_no_statements_recorded_means_no_match():
    assert match_forward(FARMERS_HI) is None


def test_a_statement_recorded_after_the_index_was_built_is_found(recorded):
    assert match_forward(SCHOOLS_HI.replace("नया", "")) is not None
    newer = Statement.objects.create(text="Every booth will get a trained volunteer before the next election.",
                                     said_on=date(2026, 11, 20), language="en")
    match = match_forward("BREAKING: Every booth will get a trained volunteer before the next election!!")
    assert match["statement"]["id"] == newer.public_id and match["statement"]["speaker"] is None


def test_a_deleted_statement_is_no_longer_matched(recorded):
    assert match_forward(MEMBERSHIP_EN) is not None
    recorded["membership"].delete()
    assert match_forward(MEMBERSHIP_EN) is None


def test_the_right_statement_is_found_among_thousands(recorded):
    # similar statements on the same topics: the candidate prefilter must keep the one that matches
    Statement.objects.bulk_create(
        Statement(text=f"जिला {n} में किसानों के लिए {n} नई सिंचाई योजनाएं और {n % 7} नए कॉलेज शुरू होंगे।",
                  said_on=date(2026, 1, 1), language="hi")
        for n in range(3000)
    )
    match = match_forward(f"Fwd: {FARMERS_HI}")
    assert match["statement"]["id"] == recorded["farmers"].public_id
    assert match["exact"] is True
