"""Test data for the profile page: a small slice of the area tree and supporters with fictitious numbers."""

from django.conf import settings

from sampark.core import pii
from sampark.core.phones import normalise
from sampark.geo.models import Area, Level
from sampark.supporters.models import Callback, Supporter

# code, parent code, level, English name, Hindi name: a subset of sampark/geo/data/up_demo_areas.csv plus one
# district of another state, to show the district list is limited to the supporter's state.
AREAS = [
    ("IN", "", Level.COUNTRY, "India", "भारत"),
    ("UP", "IN", Level.STATE, "Uttar Pradesh", "उत्तर प्रदेश"),
    ("UP-DV-LKO", "UP", Level.DIVISION, "Lucknow", "लखनऊ"),
    ("UP-LKO", "UP-DV-LKO", Level.DISTRICT, "Lucknow", "लखनऊ"),
    ("UP-UNN", "UP-DV-LKO", Level.DISTRICT, "Unnao", "उन्नाव"),
    ("UP-AC-170", "UP-LKO", Level.ASSEMBLY, "Sarojini Nagar", "सरोजनी नगर"),
    ("UP-AC-171", "UP-LKO", Level.ASSEMBLY, "Lucknow West", "लखनऊ पश्चिम"),
    ("UP-AC-173", "UP-LKO", Level.ASSEMBLY, "Lucknow East", "लखनऊ पूर्व"),
    ("UP-DV-AGR", "UP", Level.DIVISION, "Agra", "आगरा"),
    ("UP-AGR", "UP-DV-AGR", Level.DISTRICT, "Agra", "आगरा"),
    ("UP-AC-87", "UP-AGR", Level.ASSEMBLY, "Agra Cantt", "आगरा कैंट"),
    ("UP-AC-89", "UP-AGR", Level.ASSEMBLY, "Agra North", "आगरा उत्तर"),
    ("BR", "IN", Level.STATE, "Bihar", "बिहार"),
    ("BR-PAT", "BR", Level.DISTRICT, "Patna", "पटना"),
    ("BR-AC-182", "BR-PAT", Level.ASSEMBLY, "Patna Sahib", "पटना साहिब"),
]


def make_areas() -> dict[str, Area]:
    made: dict[str, Area] = {}
    for code, parent_code, level, name_en, name_hi in AREAS:
        parent = made.get(parent_code)
        path = f"{parent.path}.{code}" if parent else code
        made[code] = Area.objects.create(code=code, parent=parent, level=level, name_en=name_en, name_hi=name_hi,
                                         path=path)
    return made


def make_supporter(phone: str = "+919876500001", *, area: Area | None = None, **fields) -> Supporter:
    """A supporter as the intake worker leaves one: encrypted number, guessed area, a pending call-back."""
    supporter = Supporter.objects.create(
        phone_cipher=pii.encrypt(phone),
        phone_index=pii.blind_index(phone),
        phone_hint=normalise(phone).masked,
        phone_region="IN",
        area=area,
        area_is_guess=area is not None,
        notice_version=settings.NOTICE_VERSION,
        **fields,
    )
    Callback.objects.create(supporter=supporter, area=area, created_at=supporter.created_at)
    return supporter
