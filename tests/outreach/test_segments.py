import pytest

from sampark.outreach.segments import GSM7, UCS2, count, extract, fill, variable_count

HINDI = "नमस्ते, संपर्क में आपका स्वागत है। आपकी सदस्यता पक्की हो गई है।"


def test_empty_body_costs_nothing():
    assert count("").segments == 0


def test_160_plain_characters_fit_one_sms():
    result = count("a" * 160)
    assert (result.encoding, result.characters, result.segments, result.per_segment) == (GSM7, 160, 1, 160)


def test_161_plain_characters_need_two_parts_of_153():
    result = count("a" * 161)
    assert (result.encoding, result.characters, result.segments, result.per_segment) == (GSM7, 161, 2, 153)


def test_306_and_307_characters():
    assert count("a" * 306).segments == 2
    assert count("a" * 307).segments == 3


@pytest.mark.parametrize("char", ["{", "}", "[", "]", "~", "\\", "|", "^", "€", "\f"])
def test_extension_characters_count_twice(char):
    result = count(char)
    assert (result.encoding, result.characters) == (GSM7, 2)
    assert count("a" * 158 + char).segments == 1
    assert count("a" * 159 + char).segments == 2


def test_escape_sequence_is_not_split_across_parts():
    # 306 septets would fit two parts of 153, but the € (ESC + e) cannot straddle the boundary after 152 'a':
    # it opens part two, which then holds 151 more 'a', and the last 'a' needs a third part.
    body = "a" * 152 + "€" + "a" * 152
    result = count(body)
    assert result.characters == 306
    assert result.segments == 3


def test_gsm7_accents_and_symbols_stay_gsm7():
    result = count("Café @ £5 — no")  # the em dash is not GSM-7
    assert result.encoding == UCS2
    assert count("Café @ £5 ¿Qué? Ñandù §1 Δ").encoding == GSM7
    assert count("Ñandú").encoding == UCS2  # ú (unlike ù) is not in the GSM-7 alphabet


def test_hindi_is_ucs2():
    result = count(HINDI)
    assert result.encoding == UCS2
    assert result.characters == len(HINDI) == 63
    assert (result.segments, result.per_segment) == (1, 70)


def test_longer_hindi_splits_into_parts_of_67():
    body = HINDI * 3  # 189 UTF-16 units
    result = count(body)
    assert (result.encoding, result.characters, result.segments, result.per_segment) == (UCS2, 189, 3, 67)
    assert count("क" * 70).segments == 1
    assert count("क" * 71).segments == 2


def test_one_hindi_word_makes_the_whole_message_ucs2():
    result = count("a" * 100 + " राम")
    assert result.encoding == UCS2
    assert result.segments == 2  # 104 > 70


def test_emoji_takes_two_ucs2_units():
    result = count("🙏")
    assert (result.encoding, result.characters) == (UCS2, 2)


def test_variable_count():
    assert variable_count("Hi {#var#}, see {#var#}") == 2
    assert variable_count("no variables") == 0


def test_fill_replaces_in_order():
    body = fill("प्रिय {#var#}, आपका कोड {#var#} है।", ["सीमा", "4821"])
    assert body == "प्रिय सीमा, आपका कोड 4821 है।"


def test_fill_leaves_placeholders_inside_values_alone():
    assert fill("{#var#}-{#var#}", ["{#var#}", "x"]) == "{#var#}-x"


@pytest.mark.parametrize("values", [[], ["one"], ["one", "two", "three"]])
def test_fill_count_mismatch_raises(values):
    with pytest.raises(ValueError, match=rf"2 {{#var#}} variable\(s\) but {len(values)} value\(s\)"):
        fill("Hi {#var#}, code {#var#}", values)


def test_extract_reverses_fill():
    template = "प्रिय {#var#}, आपका लिंक {#var#} है।"
    values = ["सीमा", "https://s.example/a.b?c"]
    assert extract(template, fill(template, values)) == values


def test_extract_rejects_a_body_from_another_template():
    with pytest.raises(ValueError):
        extract("Hi {#var#}, welcome", "Hello Ravi, welcome")
