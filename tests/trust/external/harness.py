"""The external evaluation's machinery, shared by its tests and by bench/trust_external.py.

It reaches the detector only through its public interfaces: officials are registered with the ``official add``
command, queries are answered by ``verify(q, platform)`` and messages by ``check_message(text)``. Nothing here
imports the detector's internals, so a rewrite of them cannot make these figures look better by sharing a
blind spot.

Every figure is a table of classes (``Table``): a test fails below a bar and prints the whole table, so the
reader sees which classes are missed and with which examples.
"""

import csv
import io
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
RISK, OFFICIAL, NOT_OFFICIAL = "impersonation_risk", "official", "not_official"
# The movement's names for the message checker: made up, and used by no other set (its SAMPARK_MOVEMENT_NAMES).
MOVEMENT_NAMES = ["Lok Jagran Manch", "लोक जागरण मंच", "LJM"]
SOCIAL = {"x", "facebook", "instagram", "youtube", "telegram"}
EXAMPLES = 4  # misses quoted per class in a table
# Misses drawn from held-out files are counted but not quoted: a failing test must not hand the held-out cases to
# whoever tunes the detector. The bench's --show-held-out sets this for the final report only.
SHOW_HELD_OUT = False


def read_csv(name: str) -> list[dict]:
    """A CSV of this folder; lines starting with "#" are its header notes, not rows."""
    with open(HERE / name, encoding="utf-8", newline="") as f:
        text = "".join(line for line in f if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(text)))


def read_lines(name: str) -> list[str]:
    with open(HERE / name, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


def verify_function():
    """``verify(q, platform)``, wherever the detector's rewrite keeps it."""
    try:
        from sampark.trust.matching.verify import verify
    except ImportError:
        from sampark.trust.verify import verify
    return verify


def check_message_function():
    """``check_message(text)``, wherever the detector's rewrite keeps it."""
    try:
        from sampark.trust.messages.fishing import check_message
    except ImportError:
        from sampark.trust.fishing import check_message
    return check_message


@dataclass
class Official:
    platform: str
    handle: str
    owner: str


def officials(split: str) -> list[Official]:
    return [Official(r["platform"], r["handle"], r["owner"]) for r in read_csv(f"officials_{split}.csv")]


def register(chosen: list[Official]) -> dict[str, str]:
    """Register ``chosen`` through ``sampark official add``; returns {handle: error} for those it refused."""
    from django.core.management import call_command

    refused = {}
    for o in chosen:
        try:
            call_command("official", "add", "--platform", o.platform, "--handle", o.handle, "--owner", o.owner,
                         stdout=io.StringIO())
        except Exception as error:  # noqa: BLE001 - a refusal is a finding to report, not a crash
            refused[o.handle] = f"{type(error).__name__}: {error}"
    return refused


@dataclass
class Row:
    cls: str
    query: str
    platform: str
    expected: str  # a verdict, or for messages "1"/"0"
    got: str  # the answer, as expected is written
    right: bool
    detail: str = ""  # whose channels were matched, when that is what was wrong
    hidden: bool = False  # drawn from a held-out file: counted, never quoted (unless SHOW_HELD_OUT)


@dataclass
class Table:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def by_class(self) -> dict[str, list[Row]]:
        out = defaultdict(list)
        for row in self.rows:
            out[row.cls].append(row)
        return dict(sorted(out.items()))

    def class_rates(self) -> dict[str, float]:
        return {cls: sum(r.right for r in rows) / len(rows) for cls, rows in self.by_class().items()}

    def mean_class_rate(self) -> float:
        rates = self.class_rates()
        return sum(rates.values()) / max(1, len(rates))

    def rate(self) -> float:
        return sum(r.right for r in self.rows) / max(1, len(self.rows))

    def precision_recall(self, positive: str) -> tuple[float, float]:
        """Precision and recall of answering ``positive`` (a right answer on a positive row is a true one)."""
        tp = sum(1 for r in self.rows if r.expected == positive and r.right)
        fn = sum(1 for r in self.rows if r.expected == positive and not r.right)
        fp = sum(1 for r in self.rows if r.expected != positive and r.got == positive)
        return tp / max(1, tp + fp), tp / max(1, tp + fn)

    def text(self, rate_name: str = "right") -> str:
        lines = [self.title, *self.notes, f"  {'class':<24} {'n':>5} {rate_name:>7}  misses (query -> answer)"]
        for cls, rows in self.by_class().items():
            right = sum(r.right for r in rows)
            missed = [r for r in rows if not r.right]
            quoted = [f"{r.query!r}{'/' + r.platform if r.platform else ''} -> {r.got}{r.detail}"
                      for r in missed if SHOW_HELD_OUT or not r.hidden]
            shown = "; ".join(quoted[:EXAMPLES])
            if len(missed) > min(EXAMPLES, len(quoted)):
                shown += f"{'; ' if shown else ''}{len(missed) - min(EXAMPLES, len(quoted))} more"
                shown += " (held-out: not quoted)" if len(quoted) < len(missed) else ""
            lines.append(f"  {cls:<24} {len(rows):>5} {right / len(rows):>7.3f}  {shown}")
        lines.append(f"  {'all':<24} {len(self.rows):>5} {self.rate():>7.3f}  mean over classes "
                     f"{self.mean_class_rate():.3f}")
        return "\n".join(lines)


def answer(verify, query: str, platform: str) -> tuple[str, set[str]]:
    """The verdict on ``query`` and the owners of the channels it matched."""
    found = verify(query, platform or None)
    return found["verdict"], {m["channel"]["owner"] for m in found.get("matches", [])}


def judged(verify, cls: str, query: str, platform: str, expected: str, owner: str | None,
           hidden: bool = False) -> Row:
    """A row answered right when the verdict is ``expected`` and, for a verdict naming channels (official or
    impersonation_risk), ``owner`` (when given) is among the channels matched."""
    verdict, owners = answer(verify, query, platform)
    right = verdict == expected and (expected == NOT_OFFICIAL or not owner or owner in owners)
    detail = "" if right or verdict == NOT_OFFICIAL else f" (of {', '.join(sorted(owners)[:2])})"
    return Row(cls, query, platform, expected, verdict, right, detail, hidden)


def owners_by_handle(chosen: list[Official]) -> dict[str, str]:
    return {o.handle: o.owner for o in chosen}


# --- the sets -------------------------------------------------------------------------------------------------


def hand_written(split: str) -> Table:
    """dev.csv or heldout.csv against that split's officials (registered by the caller)."""
    verify = verify_function()
    owner_of = owners_by_handle(officials(split))
    table = Table(f"hand-written lookalike cases, {split}.csv")
    for case in read_csv(f"{split}.csv"):
        table.rows.append(judged(verify, case["class"], case["query"], case["platform"], case["verdict"],
                                 owner_of.get(case["official"]) if case["official"] else None,
                                 hidden=split == "heldout"))
    precision, recall = table.precision_recall(RISK)
    table.notes.append(f"  impersonation_risk precision {precision:.3f}, recall {recall:.3f}")
    return table


def generated(split: str, per_class: int = 4) -> Table:
    """The independent handle generator on every social handle of ``split``'s officials."""
    from tests.trust.external.handle_generator import variants

    verify = verify_function()
    chosen = officials(split)
    registry = frozenset(bare(o.handle).lower() for o in chosen)
    table = Table(f"handle generator ({per_class} a class a handle), {split} officials")
    n = 0
    for o in chosen:
        if o.platform not in SOCIAL:
            continue
        for variant, cls in variants(bare(o.handle), per_class=per_class, exclude=registry, platform=o.platform):
            platform = o.platform if n % 2 == 0 else ""  # half pasted with the platform known, half without
            n += 1
            table.rows.append(judged(verify, cls, variant, platform, RISK, o.owner, hidden=split == "heldout"))
    return table


def bare(handle: str) -> str:
    """The username of an official as registered: "@Name" -> "Name", "https://t.me/name" -> "name"."""
    handle = handle.rstrip("/")
    if "://" in handle:
        handle = handle.rsplit("/", 1)[1]
    return handle.lstrip("@")


def dnstwisted(split: str | None = None, per_class: int = 40, seed: int = 7) -> Table:
    """dnstwist's fuzzers on every official website (both splits by default), up to ``per_class`` domains a
    fuzzer a site (seeded sample); the "*original" entry (the domain itself) is the only one dropped."""
    import dnstwist

    verify = verify_function()
    chosen = [(s, o) for s in ([split] if split else ["dev", "heldout"]) for o in officials(s)
              if o.platform == "website"]
    table = Table(f"dnstwist {dnstwist.__version__} fuzzers on {len(chosen)} official sites "
                  f"(up to {per_class} a fuzzer a site, Unicode form)")
    table.notes.append("  dropped: *original (the official domain itself); nothing else")
    n = 0
    for s, o in chosen:
        fuzzer = dnstwist.Fuzzer(o.handle)
        fuzzer.generate()
        by_fuzzer = defaultdict(list)
        for d in fuzzer.domains:
            if d["fuzzer"] != "*original":
                by_fuzzer[d["fuzzer"]].append(d["domain"])
        rng = random.Random(f"{seed}:{o.handle}")
        for cls, domains in sorted(by_fuzzer.items()):
            for domain in rng.sample(sorted(domains), min(per_class, len(domains))):
                try:
                    shown = dnstwist.idna.decode(domain)  # as a message or a browser's bar shows it
                except Exception:  # noqa: BLE001 - a form idna cannot decode is pasted as generated
                    shown = domain
                platform = "website" if n % 2 == 0 else ""
                n += 1
                table.rows.append(judged(verify, cls, shown, platform, RISK, o.owner, hidden=s == "heldout"))
    return table


def benign() -> Table:
    """Benign handles and domains: anything but not_official is a false alarm. "right" = not flagged."""
    verify = verify_function()
    table = Table("benign handles and domains (right = answered not_official)")
    for name, cls_of in (("benign_handles.txt", "handle"), ("benign_domains.txt", "domain")):
        for n, line in enumerate(read_lines(name)):
            cls, query = line.split("\t", 1)
            platform = "x" if cls_of == "handle" and n % 3 == 0 else ""
            table.rows.append(judged(verify, cls, query, platform, NOT_OFFICIAL, None))
    return table


def official_forms(o: Official) -> list[tuple[str, str, str]]:
    """Every form a supporter would paste of official ``o``: (class, query, platform)."""
    h = bare(o.handle)
    p = o.platform
    forms: list[tuple[str, str, str]] = []
    if p in SOCIAL:
        forms += [("handle", "@" + h, ""), ("handle", h, p), ("handle", "@" + h.upper(), ""),
                  ("handle", h.lower(), p), ("handle", "@" + h, p)]
    if p == "x":
        forms += [("link", f"https://x.com/{h}", ""), ("link", f"https://twitter.com/{h}/", ""),
                  ("link", f"http://www.twitter.com/{h}?s=20&hl=en", ""),
                  ("link", f"https://mobile.twitter.com/{h}", ""),
                  ("link", f"https://x.com/{h}/status/1790000000000000123?s=46&t=AbC", ""),
                  ("link", f"x.com/{h.lower()}", "")]
    elif p == "facebook":
        forms += [("link", f"https://www.facebook.com/{h}/", ""), ("link", f"https://m.facebook.com/{h}", ""),
                  ("link", f"https://fb.com/{h}", ""), ("link", f"facebook.com/{h}?mibextid=ZbWKwL", ""),
                  ("link", f"http://web.facebook.com/{h}/?ref=share", "")]
    elif p == "instagram":
        forms += [("link", f"https://www.instagram.com/{h}/", ""),
                  ("link", f"https://instagram.com/{h}?igsh=MWQ1ZGUxMzBkMA==", ""),
                  ("link", f"instagram.com/{h}", ""), ("link", f"https://www.instagram.com/{h}/reels/", "")]
    elif p == "youtube":
        forms += [("link", f"https://www.youtube.com/@{h}", ""), ("link", f"https://youtube.com/@{h}/videos", ""),
                  ("link", f"https://m.youtube.com/@{h}?si=xYz12", ""), ("link", f"youtube.com/@{h}/", "")]
    elif p == "telegram":
        forms += [("link", f"https://t.me/{h}", ""), ("link", f"t.me/{h}/", ""),
                  ("link", f"https://telegram.me/{h}", ""), ("link", f"http://t.me/{h}?start=join", "")]
    elif p in ("phone", "whatsapp_number"):
        digits = "".join(ch for ch in o.handle if ch.isdigit())[-10:]
        forms += [("number", f"+91{digits}", ""), ("number", f"+91 {digits[:5]} {digits[5:]}", ""),
                  ("number", f"0{digits}", ""), ("number", f"91{digits}", ""),
                  ("number", f"+91-{digits[:5]}-{digits[5:]}", ""), ("number", f"0{digits[:5]} {digits[5:]}", ""),
                  ("number", f"+91 {digits}", p)]
        if p == "whatsapp_number":
            forms += [("number", f"https://wa.me/91{digits}", ""), ("number", f"wa.me/+91{digits}", ""),
                      ("number", f"https://api.whatsapp.com/send?phone=91{digits}&text=Namaste", ""),
                      ("number", f"https://api.whatsapp.com/send/?phone=%2B91{digits}", "")]
    elif p == "website":
        forms += [("site", h, ""), ("site", f"https://{h}", ""), ("site", f"http://www.{h}/", ""),
                  ("site", f"https://{h}/about?utm_source=wa", ""), ("site", h.upper(), ""), ("site", h, p),
                  ("subdomain", f"join.{h}", ""), ("subdomain", f"https://m.{h}/", ""),
                  ("subdomain", f"https://donate.{h}/upi?amt=100", ""), ("subdomain", f"www.join.{h}", "")]
    elif p == "email":
        forms += [("email", h, ""), ("email", f"mailto:{h}", ""), ("email", h.upper(), ""), ("email", h, p),
                  ("email", f"mailto:{h}?subject=Sampark", "")]
    return forms


def recognised(split: str, refused: dict[str, str]) -> Table:
    """Every pasted form of every official of ``split`` (registered by the caller) must answer official."""
    verify = verify_function()
    table = Table(f"officials recognised, {split} officials (every form must answer official)")
    mine = {o.handle for o in officials(split)}
    for handle, error in sorted(refused.items()):
        if handle in mine:
            table.notes.append(f"  REFUSED at registration: {handle}: {error}")
    for o in officials(split):
        for cls, query, platform in official_forms(o):
            table.rows.append(judged(verify, f"{o.platform}:{cls}", query, platform, OFFICIAL, o.owner,
                                     hidden=split == "heldout"))
    return table


def messages() -> Table:
    """messages_heldout.csv through check_message, with the movement's names set (the caller's settings)."""
    check = check_message_function()
    table = Table(f"fishing messages, messages_heldout.csv (SAMPARK_MOVEMENT_NAMES={MOVEMENT_NAMES})")
    claims_right = claims_n = 0
    for row in read_csv("messages_heldout.csv"):
        found = check(row["text"])
        got = "1" if found["solicits_personal_data"] else "0"
        table.rows.append(Row(f"{row['class']} ({row['language']})", row["text"][:70], "", row["solicits"],
                              got, got == row["solicits"], hidden=True))
        claims_n += 1
        claims_right += bool(found["claims_to_be_official"]) == (row["claims_official"] == "1")
    precision, recall = table.precision_recall("1")
    table.notes.append(f"  solicits: precision {precision:.3f}, recall {recall:.3f}; claims_to_be_official right "
                       f"on {claims_right}/{claims_n}")
    return table
