"""The optional details a supporter gives on their profile page (gender, age band, village or ward, PIN code, "I
want to volunteer"): the write, called inside the page's transaction right after ``services.update_profile``."""

from django.db import transaction

from sampark.supporters.models import AgeBand, Supporter

DETAILS = ("gender", "age_band", "guardian_consent", "village", "pin_code", "wants_to_volunteer")


class GuardianConsentNeeded(ValueError):
    """Under-18s are not enrolled without a parent's or guardian's consent."""


@transaction.atomic
def save_details(supporter: Supporter, *, gender: str, age_band: str, guardian_consent: bool, village: str,
                 pin_code: str, wants_to_volunteer: bool) -> None:
    under_18 = age_band == AgeBand.UNDER_18
    if under_18 and not guardian_consent:
        raise GuardianConsentNeeded("guardian_consent: an under-18 is enrolled only with a guardian's consent")
    supporter.gender = gender
    supporter.age_band = age_band
    supporter.guardian_consent = True if under_18 else None  # the question is asked of under-18s only
    supporter.village = village
    supporter.pin_code = pin_code
    supporter.wants_to_volunteer = wants_to_volunteer
    supporter.save(update_fields=[*DETAILS, "updated_at"])
