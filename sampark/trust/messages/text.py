"""The text primitives both message checks read with: one normal form of a message and the lexicon compiled.

Kept apart from ``fishing`` (is it fishing?) and ``statements`` (does it quote the leadership?) so that neither
imports the other's module for them.
"""

import re
import unicodedata
from functools import cache

from sampark.trust.matching.handles import strip_invisible
from sampark.trust.messages import lexicon as lex

CATEGORIES = ("phone", "aadhaar", "voter_id", "otp", "bank_or_upi", "address", "photo", "money")
WORD = r"[\w\u0900-\u0963\u0966-\u097f]"  # a letter of a word, Devanagari vowel signs included (not in \w)


def terms(fragments: list[str]) -> re.Pattern:
    """One pattern for a lexicon list: ``~`` is "more letters", and no fragment matches inside a longer word."""
    body = "|".join(fragment.replace("~", WORD + "*") for fragment in fragments)
    return re.compile(rf"(?<!{WORD})(?:{body})(?!{WORD})")


@cache
def patterns() -> dict[str, re.Pattern]:
    compiled = {name: terms(getattr(lex, name.upper())) for name in (
        "upi_mentions", "possessives", "generic_details", "requests", "requests_after_object", "negations",
        "warnings", "not_negations", "threats", "urgency", "not_requests", "conditionals", "lures", "form_words",
        "official_claims", "speech", "leadership", "personal_fields", "place_fields", "payments", "costs", "fees",
        "earnings", "per_period", "paid_work", "contact", "advice", "transfers", "pretexts",
    )}
    compiled.update({f"category:{name}": terms(lex.CATEGORIES[name]) for name in CATEGORIES})
    compiled["url"] = re.compile(lex.URL)
    compiled["number_abbreviations"] = re.compile(rf"(?<!{WORD}){lex.NUMBER_ABBREVIATIONS}")
    compiled["emphatic_na"] = re.compile(lex.EMPHATIC_NA)
    compiled["per_slash"] = re.compile(lex.PER_SLASH)
    compiled["fee_amount"] = re.compile(rf"(?<!{WORD}){lex.FEE_AMOUNT}")
    compiled["amount"] = re.compile(rf"(?<!{WORD})(?:{lex.AMOUNT.replace('~', WORD + '*')})")
    fields = "|".join(f.replace("~", WORD + "*") for f in lex.PERSONAL_FIELDS + lex.PLACE_FIELDS)
    field = rf"(?<!{WORD})(?:{fields})(?!{WORD})"
    possessive = rf"(?:(?:{'|'.join(lex.POSSESSIVES)}) )?"
    compiled["field_list"] = re.compile(rf"{field}(?:{lex.FIELD_SEPARATOR}{possessive}{field})+")  # "naam, umar, gaon"
    compiled["field_label"] = re.compile(rf"{field}\s*[:=\-–—]")  # "Naam:", "Age -": a line of a form
    compiled["own_personal_field"] = re.compile(
        rf"(?<!{WORD})(?:{'|'.join(lex.POSSESSIVES)})(?: {WORD}+)? {compiled['personal_fields'].pattern}"
    )
    return compiled


def normalise(text: str) -> str:
    """Lower case, one spelling per letter, one space between words: what every lexicon entry is written against."""
    text, _had_invisible = strip_invisible(unicodedata.normalize("NFKC", text))
    text = text.lower().replace("\u093c", "").replace("\u0901", "\u0902")  # nukta; chandrabindu → anusvara
    text = re.sub(r"n['’]t\b", " not", text)  # don't → do not: one negation to look for
    text = re.sub(r"(?<!\w)o\.\s?t\.\s?p\.?", "otp", text)
    text = re.sub(r"(?<!\w)i\.d\.?", "id", text)
    text = re.sub(r"(?<!\w)a/c(?!\w)", "account", text)
    text = re.sub(r"(₹|(?<!\w)rs\.?|रु\.?)\s*(?=\d)", lambda m: m.group(1).rstrip(".") + " ", text)
    text = patterns()["number_abbreviations"].sub(lambda m: m.group(1) + " number", text)
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()
