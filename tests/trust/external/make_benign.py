"""Writes benign_handles.txt and benign_domains.txt: handles and domains that impersonate no evaluation official.

    .venv/bin/python -m tests.trust.external.make_benign

Deterministic (one seeded random generator), so the committed files are exactly what this script writes. Each line
is ``class<TAB>query``. Made-up person names are common first names crossed with common surnames, the evaluation
officials' own names left out; no name is tied to a number. "shared_word" handles share ONE ordinary word with an
official handle (``neta``, ``shakti``, ``patna``, ``live``…) beside words no impersonator would use.
"""

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

ENGLISH = """sunrise garden bookworm travel coffee music cricket football weather kitchen photo design studio poetry
history science maths coding python guitar fitness bakery flowers mountain river ocean forest village city
market traffic railway metro cinema movies comedy dance painting crafts books school college teacher student
doctor nurse farmer driver tailor engineer lawyer chess tennis badminton hockey cycling running camping birds
wildlife puppy kitten recipes spices biryani sweets pickles pottery origami sketch doodle quiz puzzles trivia
astronomy rainbow thunder monsoon winter summer autumn spring harvest meadow orchard lotus mango banana
tomato onion paneer pizza noodles sandwich lemonade honey butter cheese bread cookies cupcake icecream""".split()
HINDI = """dost yaar ghar gaon sapna khushi pyaar mitti khet baarish suraj chand taare nadi pahad bazaar mela
rasoi khana mithai chai masala dhaba safar kahani geet sangeet shayari dil zindagi duniya mausam sona chandi
kheti gali mohalla sheher vidya gyan shiksha sehat dharti aasman phool bagicha rangoli diwali holi tyohar pustak
akhbar khabar samay subah shaam naya purana apna hamara sabka sundar mast dhamaal josh umang tarang lehar roshni
diya jyoti prakash chitra kalakar rang dhun taal raag bansuri tabla sitar dholak""".split()
SUFFIXES = """daily tips hub world zone point corner diary journal notes stories lens clicks vibes talks guide mart
express times today club crew squad family friends lovers fans junction adda katta baithak gharana""".split()
FIRST = """Rahul Priya Amit Sunita Rohit Neha Vikas Pooja Sanjay Anjali Manoj Ritu Arjun Sneha Ravi Nisha Suresh
Geeta Ajay Swati Vivek Komal Rajesh Shalini Karan Divya Anil Preeti Gaurav Rekha Mohit Sapna Nitin Aarti Pankaj
Seema Alok Jyoti Varun Usha""".split()
SURNAMES = """Sharma Verma Gupta Singh Yadav Mishra Tiwari Pandey Srivastava Chauhan Saxena Agarwal Jain Mehta Patel
Joshi Dubey Shukla Tripathi Chaudhary Rawat Negi Bisht Solanki Rana Thakur Sinha Prasad Ahmed Khan""".split()
NEWS = """DainikPrakash KhabarExpress SamacharDarpan PrahariPatrika NagarKhabar JanVaniTimes GaonKiAwaaz
AajKaSamachar SubahSavere PratidinPatrika ShaharNama KhabarBazaar RashtraDarpan DeshDuniyaNews LokVani
NayaSavera KhabarLahar SandhyaPrakash PurabKiKhabar AwadhDarpan GangaSamachar DoabTimes TaraiTimes
VindhyaDarshan ChambalVoice KosiKhabar MagadhMail MithilaMirror BundelkhandBulletin RohilkhandReporter""".split()
ORGS = """GreenEarthTrust RotaryClubAgra BalVikasSamiti KisanSahayataKendra NariNiketanSociety SaakshartaMission
VanRakshakSangh JalSanrakshanSamiti PustakalayaAbhiyan SwasthyaSevaTrust GauSevaAshram VriddhashramSamiti
KhelKoodManch YogSadhnaKendra RaktdaanSamiti PaniBachaoAbhiyan DigitalSakshar PadhoBadho BetiPadhaoClub
HastkalaSangh BunkarSahkari DugdhUtpadakSangh VyaparMandal ShikshakSangh ChikitsakSangh AdhivaktaParishad
RangmanchSamooh SahityaAkademiBlog SangeetSabha ChitrakalaParishad""".split()
TRADES = """Sweets Electricals TentHouse Dairy Jewellers Textiles Hardware Opticals Pharmacy Traders Motors Bakers
Caterers Stationers Furniture Mobiles Tailors Printers Travels Studio Kirana Restaurant Dhaba Paints""".split()
# ordinary words that official evaluation handles contain, each beside words no impersonator would use
SHARED = {
    "neta": ["ki_baat", "ji_ki_kahani", "giri_comedy", "nagri_blog", "ji_biography"],
    "jan": ["aushadhi_kendra", "kalyan_library", "gan_man_music", "seva_kendra_agra", "jatra_travels"],
    "up": ["board_results", "police_news", "weather_updates", "roadways_timings", "ki_rasoi"],
    "andolan": ["history_notes", "ke_geet", "kisan_diary", "1942_archive", "chipko_stories"],
    "kavita": ["ki_duniya", "sangrah_hindi", "path_club", "diary_poems", "likho_manch"],
    "rathore": ["textiles", "heritage_hotel", "dairy_farm", "tent_house", "tiles_jaipur"],
    "deepak": ["electricals", "sweets_house", "lamp_studio", "tutorials_maths", "dhaba_agra"],
    "nishad": ["boat_club", "fisheries_coop", "river_rafting", "samaj_sewa_sangh", "nets_store"],
    "mla": ["hostel_canteen", "funds_tracker", "watchdog_india", "report_card_blog", "elections_data"],
    "lok": ["geet_sangrah", "nritya_academy", "katha_podcast", "kala_museum", "sabha_debates"],
    "shakti": ["yoga_centre", "gym_gaya", "fitness_club", "peeth_darshan", "pumps_service"],
    "morcha": ["movies_hd", "film_reviews", "bandi_kitchen", "history_facts", "comics_hindi"],
    "bihar": ["tourism_diaries", "foodies_club", "board_toppers", "litti_chokha", "weather_alerts"],
    "sandesh": ["sweets_kolkata", "greetings_cards", "parcel_service", "recipes_bengali", "printing_press"],
    "meera": ["bhajan_sangrah", "bai_poems", "tailoring_classes", "beauty_parlour", "flowers_shop"],
    "bhagat": ["singh_quotes", "electronics", "kabir_vani", "sweets_corner", "ki_kothi_hotel"],
    "yuva": ["cricket_league", "kabaddi_club", "career_guide", "startup_meetup", "blood_donors"],
    "patna": ["foodies", "book_fair", "metro_updates", "zoo_visitors", "marathon_runners"],
    "live": ["cricket_updates", "music_jaipur", "traffic_delhi", "cooking_show", "quiz_night"],
    "tv": ["cartoon_hindi", "repair_centre", "serials_recap", "cooking_channel", "kids_rhymes"],
    "official": ["bakery_fans", "cricket_scores", "weather_india", "book_club_agra", "recipes_hub"],
    "sampark": ["classes_hindi", "courier_agra", "kendra_cyber_cafe", "travels_patna", "printers_lko"],
}
TLDS = [".in", ".com", ".org", ".co.in", ".org.in", ".net", ".info"]


def _styled(rng: random.Random, words: list[str]) -> str:
    style = rng.randrange(5)
    if style == 0:
        return "".join(w[:1].upper() + w[1:] for w in words)
    if style == 1:
        return "_".join(words)
    if style == 2:
        return "".join(words).lower()
    if style == 3:
        return ".".join(words).lower()
    return "".join(words).lower() + str(rng.randrange(10, 99))


def handles(rng: random.Random) -> list[tuple[str, str]]:
    out = []
    for w in ENGLISH:
        out.append(("english_word", _styled(rng, [w, rng.choice(SUFFIXES)])))
    for w in rng.sample(ENGLISH, 60):
        out.append(("english_word", "@" + w))
    for w in HINDI:
        out.append(("hindi_word", _styled(rng, [w, rng.choice(SUFFIXES + HINDI)])))
    for w in rng.sample(HINDI, 50):
        out.append(("hindi_word", w))
    names = [(f, s) for f in FIRST for s in SURNAMES]
    for f, s in rng.sample(names, 900):
        out.append(("person_name", _styled(rng, [f, s])))
    for n in NEWS:
        suffix = rng.choice(["News", "Live", "TV", "Hindi"])
        out += [("news_outlet", "@" + n), ("news_outlet", _styled(rng, [n, suffix]))]
    for o in ORGS:
        out.append(("organisation", rng.choice(["@", ""]) + o))
    for s in SURNAMES:
        for t in rng.sample(TRADES, 4):
            out.append(("business", _styled(rng, [s, t])))
    for word, others in SHARED.items():
        for other in others:
            out.append(("shared_word", f"{word}_{other}"))
            out.append(("shared_word", _styled(rng, [other.split("_")[0], word, *other.split("_")[1:]])))
    return out


def domains(rng: random.Random) -> list[tuple[str, str]]:
    out = []
    for s in SURNAMES:
        for t in rng.sample(TRADES, 5):
            out.append(("business_site", f"{s}{t}".lower() + rng.choice(TLDS)))
    for n in NEWS:
        out.append(("news_site", n.lower() + rng.choice([".com", ".in", ".co.in"])))
    for o in ORGS:
        out.append(("organisation_site", o.lower() + rng.choice([".org", ".org.in", ".in"])))
    for w in ENGLISH + HINDI:
        joiner = rng.choice(["", "-"])
        out.append(("word_site", f"{w}{joiner}{rng.choice(SUFFIXES)}{rng.choice(TLDS)}"))
    for f, s in rng.sample([(f, s) for f in FIRST for s in SURNAMES], 200):
        out.append(("person_site", f"{f}{rng.choice(['', '-'])}{s}".lower() + rng.choice([".in", ".com", ".me"])))
    for word, others in SHARED.items():
        for other in others[:3]:
            out.append(("shared_word_site", f"{word}{other.replace('_', '')}{rng.choice(TLDS)}"))
    return out


def main() -> None:
    rng = random.Random(2026)
    for name, rows in (("benign_handles.txt", handles(rng)), ("benign_domains.txt", domains(rng))):
        seen, lines = set(), []
        for cls, query in rows:
            if query.lower() not in seen:
                seen.add(query.lower())
                lines.append(f"{cls}\t{query}")
        header = "# Written by make_benign.py (deterministic); class<TAB>query; none impersonates an official.\n"
        (HERE / name).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(lines)}")


if __name__ == "__main__":
    main()
