"""A small fictional registry for the lookalike behaviour tests (in memory: no database)."""

from sampark.trust.matching.handles import parse
from sampark.trust.matching.lookalike import Channel, Index
from sampark.trust.matching.verify import RISK, decide

OFFICIALS = [
    ("x", "@SevaSetu_UP"), ("x", "@PrakashMandalMLA"), ("facebook", "naya.savera"), ("x", "@MorchaBihar"),
    ("instagram", "prakash.mandal.mla"), ("website", "sevasetu.org.in"), ("website", "nayasavera.in"),
]


def index() -> Index:
    return Index([Channel(n, platform, parse(display, platform).value, False, display)
                  for n, (platform, display) in enumerate(OFFICIALS, start=1)])


def answer(query: str, platform: str | None = None) -> tuple[str, list[str], list[str]]:
    """(verdict, handles matched, reasons of the best match)."""
    verdict, matches = decide(parse(query, platform), index())
    return verdict, [c.handle for c, _r in matches], (matches[0][1].texts() if matches else [])


def is_risk(query: str, official: str, platform: str | None = None) -> list[str]:
    verdict, handles, reasons = answer(query, platform)
    assert verdict == RISK and parse(official).value in handles, f"{query}: {verdict} {handles} {reasons}"
    return reasons
