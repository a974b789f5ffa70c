"""Dedup by phone (blind index) within the file and against the database: merged, never overwritten."""

from sampark.core import pii
from sampark.supporters.models import Supporter, SupporterTag
from tests.supporters.factories import make_supporter


def by_phone(e164: str) -> Supporter:
    return Supporter.objects.select_related("area").get(phone_index=pii.blind_index(e164))


def tags_of(supporter: Supporter) -> set[str]:
    return set(SupporterTag.objects.filter(supporter=supporter).values_list("tag__name", flat=True))


def test_the_same_number_twice_in_a_file_is_one_supporter(areas, run_import):
    text = ("phone,name,area_code,tags\n9876500001,,UP-LKO,farmer\n+91 98765 00001,Ram,UP-AGR,youth\n"
            "098765-00001,Shyam,,\n")
    assert run_import(text, "--source", "t") == "imported 1, merged 2, rejected 0\n"
    ram = by_phone("+919876500001")
    # the first row made the record; later rows fill only what it left empty and add tags
    assert (ram.name, ram.area.code) == ("Ram", "UP-LKO")
    assert tags_of(ram) == {"farmer", "youth"}


def test_duplicates_across_chunks_are_merged_too(areas, run_import, monkeypatch):
    from sampark.supporters.imports import services

    monkeypatch.setattr(services, "CHUNK", 2)
    text = "phone,name\n9876500001,\n9876500002,\n9876500003,\n9876500001,Ram\n"
    assert run_import(text, "--source", "t") == "imported 3, merged 1, rejected 0\n"
    assert by_phone("+919876500001").name == "Ram"


def test_existing_supporters_are_merged_not_overwritten(areas, run_import):
    told = make_supporter("+919876500001", area=areas["UP-AGR"], name="सीता", language="en")
    told.area_is_guess = False  # they chose Agra on their profile page
    told.save()
    guessed = make_supporter("+919876500002", area=areas["UP"])  # only the number series' state is known
    text = "phone,name,area_code,language,tags\n9876500001,Gita,UP-LKO,hi,farmer\n9876500002,Mohan,UP-LKO,,\n"
    assert run_import(text, "--source", "t", "--tag", "March-Rally") == "imported 0, merged 2, rejected 0\n"
    told, guessed = by_phone("+919876500001"), by_phone("+919876500002")
    assert (told.name, told.area.code, told.language) == ("सीता", "UP-AGR", "en")  # what they told us stays
    assert tags_of(told) == {"farmer", "march-rally"}
    assert (guessed.name, guessed.area.code, guessed.area_is_guess) == ("Mohan", "UP-LKO", False)
    assert guessed.callback.area.code == "UP-LKO"  # their waiting call-back moved to the area now known
    assert Supporter.objects.count() == 2


def test_a_merged_record_is_found_through_the_record_it_went_into(areas, run_import):
    kept = make_supporter("+919876500001", area=areas["UP-LKO"])
    old = make_supporter("+919876500002", area=areas["UP-LKO"], merged_into=kept)
    run_import("phone,tags\n9876500002,volunteer\n", "--source", "t")
    assert tags_of(kept) == {"volunteer"}
    assert tags_of(old) == set()
