"""Does a message speak as the movement itself? Its configured names (``settings.SAMPARK_MOVEMENT_NAMES``) used as a
sender or an authority: "Jan Andolan official group", "जन आंदोलन की ओर से", "JA team:", "Team Jan Andolan".

A name is often an ordinary phrase too ("jan andolan" is "a people's movement"), so a bare mention is no claim:
"the jan andolan rally was big" names the movement without speaking for it. Only the name next to a word that makes
it a sender (official, group, team, cell, helpline, की ओर से, …; ``lexicon.NAME_AS_SENDER``), after one that
introduces a sender (from, this is, welcome to, team, आधिकारिक, …), or alone as a message's header or signature
("*Jan Andolan*", "— जन आंदोलन") is. A short name written in capitals in the setting ("JA") counts only where the
message writes it in capitals too: lower-case "ja" is Hindi for "go".

The setting is read at call time (tests override it), and the pattern is cached per value of the setting.
"""

import re
from functools import lru_cache

from django.conf import settings

from sampark.trust.messages import lexicon as lex
from sampark.trust.messages.text import WORD, normalise, terms

# one spelling for a nasal before a consonant of its class: सम्पर्क = संपर्क, आन्दोलन = आंदोलन
NASAL_CLUSTERS = re.compile(r"[ङञणनम]\u094d(?=[क-ह])")
GAP = rf"(?:['’]s)?(?:\s+{WORD}+){{0,2}}?\s+"  # "Jan Andolan's", "Jan Andolan Lucknow team": two words at most


def fold_nasals(text: str) -> str:
    return NASAL_CLUSTERS.sub("\u0902", text)


def is_acronym(name: str) -> bool:
    return name.isupper() and len(name) <= 5


@lru_cache(maxsize=8)
def name_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for the claims that ``names`` can make, written against normalised, nasal-folded text."""
    if not names:
        return None
    spelled = sorted({fold_nasals(normalise(name)) for name in names}, key=len, reverse=True)
    name = "(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in spelled) + ")"
    before = "(?:" + "|".join(lex.BEFORE_NAME_AS_SENDER) + ")"
    after = terms(lex.NAME_AS_SENDER).pattern
    edge = r"[\s:\-–—|•*_~\"'“”‘’()\[\]]*"
    return re.compile(
        rf"(?<!{WORD}){name}{GAP}{after}"  # name, then a sender word: "jan andolan (lucknow) team"
        rf"|(?<!{WORD}){before}\s+(?:the\s+)?{name}(?!{WORD})"  # "official jan andolan", "team ja", "from ja:"
        rf"|^{edge}(?:from|by|issued by)\s+(?:the\s+)?{name}(?!{WORD})"  # "From JA: …"
        rf"|^{edge}{name}{edge}$"  # the name alone: a header or a signature
        rf"|^{edge}{name}\s*[:\-–—|]"  # "Jan Andolan: …", "JA - …"
    )


def configured_names(original: str) -> tuple[str, ...]:
    """The setting's names that can occur in ``original``: a capitalised short name only as written, in capitals."""
    names = getattr(settings, "SAMPARK_MOVEMENT_NAMES", [])
    return tuple(
        name for name in names
        if not is_acronym(name) or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", original)
    )


def name_claims(clause_text: str, original: str) -> list[str]:
    """Where ``clause_text`` (normalised) speaks as the movement, as matched."""
    pattern = name_pattern(configured_names(original))
    if pattern is None:
        return []
    return [match.group(0).strip(" :-–—|•*_~") for match in pattern.finditer(fold_nasals(clause_text))]
