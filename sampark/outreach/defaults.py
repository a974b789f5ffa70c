"""The SMS templates a fresh install ships with: one per purpose and language, DLT fields left to fill.

Without them a fresh install (no demo) sent no confirmation at all: the intake logged "no active 'confirmation'
SMS template" for every new supporter. The bodies are the ones the demo uses. A real gateway needs each
template registered on the DLT platform first (TRAI TCCCPR 2018); `sampark serve` warns while an active
template has no DLT ids, and `sampark sms template set` fills them in.

Migration 0007 writes these rows with its own copy of the texts (a migration must not change when this
module does); keep the two in step when a default text changes for new installs.
"""

from sampark.outreach.models import Category

# purpose -> (category, number of {#var#} the code fills, {language: body})
DEFAULTS = {
    # the personal profile link (outreach.services.queue_confirmations)
    "confirmation": (Category.SERVICE_IMPLICIT, 1, {
        "hi": "सम्पर्क से जुड़ने के लिए धन्यवाद! अपना परिचय यहाँ पूरा करें: {#var#} -SAMPRK",
        "en": "Thank you for joining Sampark! Complete your profile here: {#var#} -SAMPRK",
    }),
    # the warning to supporters when a fake is confirmed (trust cases): the fake, then the official channel
    "trust_warning": (Category.SERVICE_IMPLICIT, 2, {
        "hi": "सावधान! {#var#} नकली है। सम्पर्क का आधिकारिक: {#var#} . OTP, आधार, बैंक जानकारी या पैसे न दें -SAMPRK",
        "en": "FAKE: {#var#} is not Sampark. Official: {#var#} . Never share OTP, Aadhaar, bank details or money. "
              "-SAMPRK",
    }),
}

LANGUAGES = ("hi", "en")


def variables_for(key: str) -> int | None:
    """How many {#var#} the code fills for this purpose; None for a key no code sends (yet)."""
    return DEFAULTS[key][1] if key in DEFAULTS else None
