"""Recorded statements for the forward-checking tests. Names and handles are fictional."""

from datetime import date

from sampark.trust.models import OfficialChannel, Owner, Statement

FARMERS_HI = ("किसानों का कर्ज माफ किया जाएगा और हर गांव में नई सिंचाई योजना शुरू होगी। हम किसानों के साथ "
              "खड़े हैं और रहेंगे।")
MEMBERSHIP_EN = ("Membership of the movement is free. Anyone can join by giving a missed call. We will never ask "
                 "for your Aadhaar, your OTP or any money.")
SCHOOLS_HI = "हर जिले में लड़कियों के लिए एक नया सरकारी कॉलेज खोला जाएगा और छात्राओं की फीस माफ होगी।"


def make_leader() -> tuple[Owner, OfficialChannel]:
    owner = Owner.objects.create(name_en="Asha Verma", name_hi="आशा वर्मा")
    channel = OfficialChannel.objects.create(platform="x", handle="ashavermaofficial", display="@AshaVermaOfficial",
                                             owner=owner)
    return owner, channel


def make_statements() -> dict[str, Statement]:
    owner, channel = make_leader()
    return {
        "farmers": Statement.objects.create(text=FARMERS_HI, language="hi", said_on=date(2026, 10, 2),
                                            speaker=owner, channel=channel),
        "membership": Statement.objects.create(text=MEMBERSHIP_EN, language="en", said_on=date(2026, 9, 15),
                                               speaker=owner, channel=channel),
        "schools": Statement.objects.create(text=SCHOOLS_HI, language="hi", said_on=date(2026, 11, 1),
                                            speaker=owner),
    }
