"""Check a message: does it fish for personal data, does it claim to be official, does it quote the leadership?

``check_message(text)`` answers (API, CLI and page alike)::

    {"solicits_personal_data": bool, "asks_for": [...], "claims_to_be_official": bool,
     "official_statement": None | {"id", "text", "said_on", "speaker", "channel", "similarity", "exact"},
     "reasons": [...]}

Rules, not a model: a supporter and the trust desk must be able to read *why* a message was flagged, and the
lexicon (``messages/lexicon.py``) can be extended by anyone who speaks the language. The text is cut into clauses;
a clause *solicits* when it mentions a kind of data (Aadhaar, OTP, …) together with a request (send, bhejo, भेजें,
fill, chahiye, …) and no negation or warning word ("never share your OTP", "OTP किसी को न बताएं" warn, they do not
ask). A threat ("…warna membership radd") cancels the "not" it contains. Short noun-only clauses ("Name:",
"Aadhaar number:") count when the message asks for something elsewhere: forms are sent as lists. Some requests
come with a pretext rather than a kind of data (``read_pretexts``): the fields of a joining form, a fee for a
membership card, paid work; the movement's own names as a sender are ``messages/movement.py``'s.
docs/trust.md ("Message checks") has the whole decision and its measured precision and recall.
"""

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.translation import gettext as _

from sampark.trust.messages import lexicon as lex
from sampark.trust.messages.movement import name_claims
from sampark.trust.messages.statements import match_forward, statement_reasons
from sampark.trust.messages.text import CATEGORIES, normalise, patterns

MAX_TEXT_LENGTH = 5000  # a long WhatsApp forward is ~2,000 characters; beyond this it is not a message

SENTENCE_BREAK = re.compile(r"[.!?।॥|\n;…]+")
CLAUSE_BREAK = re.compile(  # a comma inside a number ("18,000") breaks nothing
    r"(?:(?<!\d),|,(?!\d)|[()\[\]{}\"“”‘’*_~])+|(?<!\w)(?:but|however|lekin|magar|parantu|kintu|लेकिन|मगर|परंतु|किंतु)(?!\w)"
)
SHORT_CLAUSE_WORDS = 6  # "अपना आधार नंबर", "Mobile number:": a list item, not a sentence of its own
# "WhatsApp number: 90000 00012", "UPI: 9000000031@upi": the sender's, not the reader's
GIVEN = re.compile(r"^[\s:=\-–—()]*(?:(?:number|id)\s*[:=\-]?\s*)?(?:\+?\d|[\w.-]+@[\w.-]+)")


@dataclass
class Clause:
    text: str
    sentence: int
    mentions: set[str] = field(default_factory=set)
    generic: bool = False
    upi: str = ""  # "reader" ("apna UPI id"), "payee" ("UPI: x@upi"), "bare" or "" (none)
    request: bool = False
    negated: bool = False
    threat: bool = False
    lure: bool = False
    form_words: bool = False
    fields: bool = False  # fields of a joining form: "apna naam", "naam, umar, gaon", "Age:"
    label: bool = False  # a blank line of a form: "Naam:", "Age -"
    price: bool = False  # "charges Rs 99", "fees sirf 250", "50 rs lagenge"
    earnings: bool = False  # "earn ₹500 a day", "15000 salary"
    paid_work: bool = False  # "work from home", "naukri", "posting"
    contact: bool = False  # "WhatsApp karein", "apply", "judne ke liye"

    @property
    def short(self) -> bool:
        return len(self.text.split()) <= SHORT_CLAUSE_WORDS


def find_links(text: str) -> list[str]:
    return [m.group(0).rstrip(".,)") for m in patterns()["url"].finditer(text)]


def link_host(link: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", link).split("/")[0]


def collects_details(link: str, clauses: list[Clause], names_data: bool) -> bool:
    """Whether a link in the message is where the reader is sent to hand over their details.

    A form (forms.gle, …) with any request; a shortened link, which hides where it goes, with words of a form
    ("register", "details", "फॉर्म") or of data; any other link only with both. A link to follow or watch is none.
    """
    asked = [c for c in clauses if not c.negated]
    form_words = any(c.form_words for c in asked)
    if any(host in link for host in lex.FORM_HOSTS):
        return form_words or any(c.request for c in asked)
    if link_host(link) in lex.SHORTENERS:
        return (form_words or names_data) and any(c.request or c.form_words for c in asked)
    return form_words and names_data


def read_clause(raw: str, sentence: int, message_threatens: bool, listed_fields: bool) -> Clause:
    p = patterns()
    clause = Clause(text=raw.strip(), sentence=sentence)
    text = p["emphatic_na"].sub("", clause.text)
    clause.threat = bool(p["threats"].search(text))
    text = p["threats"].sub(" ", text)
    text = p["not_negations"].sub(" ", text)
    text = p["not_requests"].sub(" ", text)

    clause.lure = bool(p["lures"].search(text))
    first_mention = len(text)
    for name in CATEGORIES:
        for match in p[f"category:{name}"].finditer(text):
            if name == "phone" and GIVEN.match(text[match.end():]):
                continue
            if name == "money" and clause.lure:
                continue  # "₹500 milenge" is bait, not a request for the reader's money
            clause.mentions.add(name)
            first_mention = min(first_mention, match.start())
    for match in p["upi_mentions"].finditer(text):
        if p["possessives"].search(text[max(0, match.start() - 12):match.start()]):
            clause.upi = "reader"
        elif GIVEN.match(text[match.end():]):
            clause.upi = clause.upi or "payee"
        else:
            clause.upi = clause.upi if clause.upi == "reader" else "bare"
        first_mention = min(first_mention, match.start())
    clause.generic = bool(p["generic_details"].search(text))
    if clause.generic:
        first_mention = min(first_mention, p["generic_details"].search(text).start())
    clause.form_words = bool(p["form_words"].search(text))
    clause.request = bool(p["requests"].search(text)) or any(
        m.start() > first_mention for m in p["requests_after_object"].finditer(text)
    )
    read_pretexts(clause, text, listed_fields)
    clause.negated = bool(p["negations"].search(text) or p["warnings"].search(text))
    if clause.negated and message_threatens and p["conditionals"].search(text):
        clause.negated = False  # "if you do not send your Aadhaar, your membership will be cancelled"
    return clause


def read_pretexts(clause: Clause, text: str, listed_fields: bool) -> None:
    """The pretexts of issue 12's fishing: a joining form's fields, payment and prices, paid work."""
    p = patterns()
    clause.label = bool(p["field_label"].search(text))
    clause.fields = bool(p["own_personal_field"].search(text) or clause.label
                         or listed_fields and (p["personal_fields"].search(text) or p["place_fields"].search(text)))
    clause.generic = clause.generic or clause.fields
    if not clause.lure and p["payments"].search(text):
        clause.mentions.add("money")  # "99 PhonePe karo", "GPay to 90000…": paying is asking for money
        clause.request = True
    # "ID card ke 50 rs lagenge", "Registration fee ₹299": a price, a demand once the message says what it buys
    clause.price = not clause.lure and bool(
        "money" in clause.mentions and p["costs"].search(text)
        or p["fees"].search(text) and p["amount"].search(text) or p["fee_amount"].search(text)
    )
    amount = bool(p["amount"].search(text))
    clause.earnings = bool(p["earnings"].search(text)
                           or amount and (p["per_period"].search(text) or p["per_slash"].search(text)))
    clause.paid_work = bool(p["paid_work"].search(text))
    clause.contact = bool(p["contact"].search(text))


def settle_sentence(clauses: list[Clause], sentence: str, sells: bool) -> None:
    """What a sentence as a whole says about its clauses' requests."""
    p = patterns()
    for clause in clauses:
        if clause.price and sells:
            clause.mentions.add("money")
            clause.request = True
    if p["advice"].search(sentence) and not p["transfers"].search(sentence):
        for clause in clauses:  # "carry your voter ID to the booth": the reader's own use of their documents
            clause.request = clause.request and "money" in clause.mentions
    if any(c.upi == "payee" for c in clauses):
        for clause in clauses:  # "49 rs, gpay no. 90000…": a price next to where to pay it asks for it
            clause.request = clause.request or "money" in clause.mentions


def read_message(text: str) -> tuple[list[Clause], list[str]]:
    normal = normalise(text)
    links = find_links(normal)
    without_links = patterns()["url"].sub(" link ", normal)
    threatens = bool(patterns()["threats"].search(without_links))
    # what a price buys: "membership card ke 50 rs lagenge" asks, "petrol costs ₹105" does not
    sells = bool(patterns()["pretexts"].search(without_links))
    clauses = []
    for number, sentence in enumerate(SENTENCE_BREAK.split(without_links)):
        listed_fields = bool(patterns()["field_list"].search(sentence))
        read = [read_clause(part, number, threatens, listed_fields)
                for part in CLAUSE_BREAK.split(sentence) if part.strip()]
        settle_sentence(read, sentence, sells)
        clauses.extend(read)
    for before, clause in zip(clauses, clauses[1:], strict=False):
        # "Never, ever share an OTP": a negation alone in its clause governs the next one
        if before.sentence == clause.sentence and before.negated and not (before.request or before.mentions):
            clause.negated = True
    for clause in clauses:
        # a UPI id named in a sentence that asks for money is where to pay, not the reader's data
        pays = any("money" in c.mentions for c in clauses if c.sentence == clause.sentence)
        if clause.upi == "reader" or clause.upi == "bare" and not pays:
            clause.mentions.add("bank_or_upi")
    return clauses, links


def solicited(clauses: list[Clause], links: list[str]) -> tuple[set[str], bool, list[str]]:
    """What is asked for, whether "your details" is asked for without saying which, and the form links used."""
    asked: set[str] = set()
    details = False
    for number in sorted({c.sentence for c in clauses}):
        # a sentence is read as a whole ("Kindly share your name, address and phone number"), minus its warnings
        sentence = [c for c in clauses if c.sentence == number and not c.negated]
        if any(c.request for c in sentence) and any(c.mentions or c.generic for c in sentence):
            for clause in sentence:
                asked |= clause.mentions
                details = details or clause.generic
    names_data = bool(asked) or details or any(not c.negated and (c.mentions or c.generic) for c in clauses)
    form_links = [link for link in links if collects_details(link, clauses, names_data)]
    # a blank form ("Naam -, Umar -, Aadhar no -") sent with any request is asked for line by line
    blank_form = (sum(c.label and not c.negated for c in clauses) >= 2
                  and any(c.request and not c.negated for c in clauses))
    if asked or details or form_links or blank_form:
        for clause in clauses:  # the rest of a list: "Naam:", "Aadhaar number:", "Mobile:"
            if clause.short and not clause.negated and not clause.lure:
                asked |= clause.mentions
                details = details or clause.generic
    return asked, details, form_links


def as_written(phrase: str, text: str) -> str:
    """The matched phrase as the sender wrote it ("IT Cell"), found again in the original text when it can be."""
    found = re.search(r"\s+".join(re.escape(word) for word in phrase.split()), text, re.IGNORECASE)
    return found.group(0) if found else phrase


def category_label(name: str) -> str:
    return {
        "phone": _("phone number"),
        "aadhaar": _("Aadhaar number or card"),
        "voter_id": _("voter ID (EPIC)"),
        "otp": _("OTP (one-time password)"),
        "bank_or_upi": _("bank or UPI details"),
        "address": _("home address"),
        "photo": _("photo"),
        "money": _("money"),
    }[name]


@dataclass
class Verdict:
    """What the rules found, before it is put into words."""

    asks_for: list[str]
    details: bool  # "your details" without saying which
    form_links: list[str]
    claims: list[str]  # phrases claiming to be official, as normalised
    attributed: bool  # reads like a quote of the leadership ("…ने कहा", "the president said")
    threat: bool
    urgency: bool
    lure: bool
    warned: list[str]  # kinds of data mentioned only in warnings
    job_offer: bool = False  # paid work or earnings, and "get in touch": a lure to collect fees or data

    @property
    def solicits(self) -> bool:
        return bool(self.asks_for or self.details or self.form_links or self.job_offer)


def classify(text: str) -> Verdict:
    """The rules alone, no database: what bench/trust_messages_quality.py measures."""
    clauses, links = read_message(text)
    asked, details, form_links = solicited(clauses, links)
    p = patterns()
    joined = " ".join(c.text for c in clauses)
    live = [c for c in clauses if not c.negated]
    return Verdict(
        asks_for=[name for name in CATEGORIES if name in asked],
        details=details,
        form_links=form_links,
        claims=[m.group(0) for c in live for m in p["official_claims"].finditer(c.text)]
        + [phrase for c in live for phrase in name_claims(c.text, text)],
        attributed=bool(p["speech"].search(joined) and p["leadership"].search(joined)),
        threat=any(c.threat for c in clauses),
        urgency=bool(p["urgency"].search(joined)),
        lure=any(c.lure for c in clauses),
        warned=[name for name in CATEGORIES if any(c.negated and name in c.mentions for c in clauses)],
        job_offer=any(c.earnings for c in live) and any(c.paid_work for c in live) and any(c.contact for c in live),
    )


def check_message(text: str) -> dict:
    """The verdict on one message; reasons are in the active language (the API and CLI speak English)."""
    return assess(text).answer


class Assessment(NamedTuple):
    answer: dict  # check_message's answer
    match: dict | None  # the statement match behind it (the page shows the speaker's Hindi name)
    quotes_leadership: bool  # attributes words to the leadership: only then is "no official source" news


def assess(text: str) -> Assessment:
    """``check_message``'s answer, the statement match and whether the message quotes the leadership."""

    verdict = classify(text)
    asks_for, solicits = verdict.asks_for, verdict.solicits
    reasons = []
    if asks_for:
        reasons.append(_("Asks you for: %(items)s.") % {"items": ", ".join(category_label(n) for n in asks_for)})
    if verdict.details and not asks_for:
        reasons.append(_("Asks for your personal details."))
    for link in verdict.form_links:
        reasons.append(_("Sends you to a form or a shortened link (%(host)s) to fill in your details.")
                       % {"host": link_host(link)})
    if solicits and (verdict.threat or verdict.urgency):
        reasons.append(_("Pressures you to act fast or threatens a penalty."))
    if verdict.job_offer:
        reasons.append(_("Offers paid work or earnings and asks you to get in touch: the movement does not hire "
                         "through forwarded messages and never charges a fee to join or to volunteer."))
    elif solicits and verdict.lure:
        reasons.append(_("Promises money or a prize."))
    if not solicits:
        if verdict.warned:
            reasons.append(_("Mentions %(items)s only to warn against sharing it; it does not ask for it.")
                           % {"items": ", ".join(category_label(n) for n in verdict.warned)})
        else:
            reasons.append(_("Does not ask for personal data."))
    if verdict.claims:
        reasons.append(_("Claims to come from the movement or an official team (“%(phrase)s”).")
                       % {"phrase": as_written(verdict.claims[0], text)})
        if solicits:
            reasons.append(_("Claims to be official and asks for personal data: the movement's real channels "
                             "never ask for an OTP, Aadhaar, bank details or money."))

    match = match_forward(text)
    if match is not None:
        reasons.extend(statement_reasons(match))
    elif verdict.attributed:
        reasons.append(_("No official source found: none of the leadership's recorded statements matches this "
                         "quote."))
    answer = {
        "solicits_personal_data": solicits,
        "asks_for": asks_for,
        "claims_to_be_official": bool(verdict.claims),
        "official_statement": match["statement"] | {"similarity": match["similarity"], "exact": match["exact"]}
        if match else None,
        "reasons": reasons,
    }
    return Assessment(answer, match, verdict.attributed)
