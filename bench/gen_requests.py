"""Missed-call webhook requests for the benchmark, with valid signatures, in two steps:

    gen_requests.py plan   --numbers numbers.json --calls N --tag b1 --pool pool.txt --out plan.tsv
    gen_requests.py render --numbers numbers.json --plan plan.tsv --base http://127.0.0.1:PORT --out req.tsv

`plan` decides every request (provider, call id, caller as that provider formats it, duplicate deliveries) and
writes plan.tsv plus plan.tsv.json (expected counts). `render` signs them *now* and writes one request per line
for bench/calls.lua: method TAB path TAB body {TAB header-name TAB header-value}. Rendering is separate because
generic signatures carry a timestamp that must be within HOOK_MAX_SKEW_SECONDS (300 s) of the server's clock.

Callers are fictitious: random 10-digit numbers starting 6-9 that `phonenumbers` accepts as Indian mobiles
(synthetic, drawn at random; no list of real numbers is used). Mix per request: ~20% repeat callers (a caller
who already called, in this plan or an earlier one sharing --pool), ~1% withheld/missing caller ids (logged,
then rejected by the worker), and ~5% duplicate deliveries (the same provider call id sent again, usually a
little later, so some land concurrently on another connection).

Signatures come from the provider modules themselves: generic.sign, twilio.signature, plivo.signature.
"""

import argparse
import json
import random
import secrets
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlencode

import phonenumbers

from sampark.telephony.providers import generic, plivo, twilio

# Share of missed calls per provider: Indian telephony vendors carry most of them, a SIP edge (generic) some,
# Twilio little (international numbers cost more in India).
MIX = {"exotel": 30, "generic": 20, "ozonetel": 15, "myoperator": 15, "plivo": 15, "twilio": 5}
REPEAT_SHARE = 0.20
DUPLICATE_SHARE = 0.05
JUNK_SHARE = 0.01
WITHHELD = ["anonymous", "+266696687", "private", "unknown", ""]  # "" = caller id field left out
IST = timezone(timedelta(hours=5, minutes=30))
MOBILE = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def valid_mobile(rng: random.Random, taken: set[str]) -> str:
    """A random 10-digit national number phonenumbers accepts as an Indian mobile, not in ``taken``."""
    while True:
        national = str(rng.randint(6, 9)) + f"{rng.randrange(10**9):09d}"
        if national in taken:
            continue
        parsed = phonenumbers.parse(national, "IN")
        if phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in MOBILE:
            taken.add(national)
            return national


def caller_as_sent(provider: str, national: str, rng: random.Random) -> str:
    """How each provider writes an Indian caller id (all must normalise to the same +91 E.164)."""
    if provider in ("twilio", "generic"):
        return "+91" + national
    if provider == "plivo":
        return "91" + national
    if provider == "exotel":
        return "0" + national
    if provider == "ozonetel":
        return rng.choice(["0" + national, national])
    return rng.choice(["+91" + national, national])  # myoperator


def call_id(provider: str, tag: str, n: int) -> str:
    if provider == "twilio":
        return f"CA{n:08x}{secrets.token_hex(12)}"  # Twilio's form, CA + 32 hex digits: others are refused
    if provider == "plivo":
        return str(uuid.uuid4())
    if provider == "exotel":
        return f"{tag}{n:08d}{secrets.token_hex(10)}"
    return f"{provider[:3]}-{tag}-{n:08d}"


def plan(args) -> None:
    rng = random.Random(args.seed)
    pool_path = Path(args.pool) if args.pool else None
    pool: list[str] = pool_path.read_text().split() if pool_path and pool_path.exists() else []
    taken = set(pool)
    providers = [name for name, weight in MIX.items() for _ in range(weight)]
    unique: list[tuple[str, str, str, str]] = []  # provider, call id, caller as sent, expected E.164 ("" = junk)
    for n in range(args.calls):
        provider = rng.choice(providers)
        roll = rng.random()
        if roll < JUNK_SHARE:
            raw, e164 = rng.choice(WITHHELD), ""
        else:
            if roll < JUNK_SHARE + REPEAT_SHARE and pool:
                national = rng.choice(pool)
            else:
                national = valid_mobile(rng, taken)
                pool.append(national)
            raw, e164 = caller_as_sent(provider, national, rng), "+91" + national
        unique.append((provider, call_id(provider, args.tag, n), raw, e164))
    # Duplicate deliveries: the same request again a little later (1-400 calls on), as a provider retrying.
    later: dict[int, list[int]] = {}
    for n in rng.sample(range(len(unique)), int(len(unique) * DUPLICATE_SHARE)):
        later.setdefault(min(len(unique) - 1, n + rng.randint(1, 400)), []).append(n)
    rows = []
    for n, call in enumerate(unique):
        rows.append((*call, "0"))
        rows.extend((*unique[earlier], "1") for earlier in later.get(n, ()))
    with open(args.out, "w") as out:
        for row in rows:
            out.write("\t".join(row) + "\n")
    expected = {
        "requests": len(rows),
        "unique_calls": len(unique),
        "duplicate_deliveries": len(rows) - len(unique),
        "junk_calls": sum(1 for call in unique if not call[3]),
        "unique_valid_callers": len({call[3] for call in unique if call[3]}),
        "providers": {name: sum(1 for call in unique if call[0] == name) for name in MIX},
    }
    Path(args.out + ".json").write_text(json.dumps(expected, indent=1))
    if pool_path:
        pool_path.write_text("\n".join(pool) + "\n")
    print(f"plan {args.out}: {json.dumps(expected)}", file=sys.stderr)


class Params(dict):
    """name -> [values], with the getlist() the Twilio module's signature() expects of a QueryDict."""

    def getlist(self, name):
        return self[name]


def render_one(
    provider: str, number: dict, cid: str, raw: str, base: str, host: str, now: float, rng: random.Random
) -> list[str]:
    path = f"/hooks/{provider}/{number['slug']}/"
    to = number["number"]
    stamp = datetime.fromtimestamp(now, IST).replace(microsecond=0)
    if provider == "generic":
        payload = {"call_id": cid, "to": to, "at": stamp.isoformat()}
        if raw:
            payload["from"] = raw
        body = json.dumps(payload, separators=(",", ":")).encode()
        return [
            "POST",
            path,
            body.decode(),
            "Host",
            host,
            "Content-Type",
            "application/json",
            generic.SIGNATURE_HEADER,
            generic.sign(number["secret"], int(now), body),
        ]
    if provider == "twilio":
        fields = {
            "AccountSid": "AC" + "0" * 32,
            "CallSid": cid,
            "CallStatus": "ringing",
            "Direction": "inbound",
            "ApiVersion": "2010-04-01",
            "To": to,
            "Called": to,
        }
        if raw:
            fields.update(From=raw, Caller=raw)
        sig = twilio.signature(number["secret"], base + path, Params({k: [v] for k, v in fields.items()}))
        return [
            "POST",
            path,
            urlencode(fields),
            "Host",
            host,
            "Content-Type",
            "application/x-www-form-urlencoded",
            twilio.SIGNATURE_HEADER,
            sig,
        ]
    if provider == "plivo":
        fields = {
            "CallUUID": cid,
            "Direction": "inbound",
            "CallStatus": "ringing",
            "Event": "StartApp",
            "To": to.lstrip("+"),
        }
        if raw:
            fields["From"] = raw
        nonce = str(rng.randrange(10**19))
        sig = plivo.signature(number["secret"], base + path, {k: [v] for k, v in fields.items()}, nonce)
        return [
            "POST",
            path,
            urlencode(fields),
            "Host",
            host,
            "Content-Type",
            "application/x-www-form-urlencoded",
            plivo.SIGNATURE_HEADER,
            sig,
            plivo.NONCE_HEADER,
            nonce,
        ]
    if provider == "exotel":
        local = stamp.strftime("%Y-%m-%d %H:%M:%S")
        query = {
            "key": number["secret"],
            "CallSid": cid,
            "CallTo": "0" + to[3:],
            "Direction": "incoming",
            "StartTime": local,
            "CurrentTime": local,
        }
        if raw:
            query["CallFrom"] = raw
        return ["GET", path + "?" + urlencode(query), "", "Host", host]
    if provider == "ozonetel":
        query = {"key": number["secret"], "event": "NewCall", "sid": cid, "called_number": to[3:]}
        if raw:
            query["cid"] = raw
        return ["GET", path + "?" + urlencode(query), "", "Host", host]
    if provider == "myoperator":
        data = {"_ai": cid, "uid": cid, "_ld": to[3:], "_st": int(now)}
        if raw:
            data["_cl"] = raw
        body = urlencode({"myoperator": json.dumps(data, separators=(",", ":"))})
        return [
            "POST",
            path + "?" + urlencode({"key": number["secret"]}),
            body,
            "Host",
            host,
            "Content-Type",
            "application/x-www-form-urlencoded",
        ]
    raise ValueError(f"unknown provider {provider}")


def render(args) -> None:
    numbers = json.loads(Path(args.numbers).read_text())
    base = args.base.rstrip("/")
    host = base.split("://", 1)[1]
    rng = random.Random()
    now = time.time()
    written = 0
    with open(args.plan) as plan_file, open(args.out, "w") as out:
        for line in plan_file:
            provider, cid, raw, _e164, _dup = line.rstrip("\n").split("\t")
            fields = render_one(provider, numbers[provider], cid, raw, base, host, now, rng)
            assert not any("\t" in f or "\n" in f for f in fields), fields
            out.write("\t".join(fields) + "\n")
            written += 1
    print(f"render {args.out}: {written} requests signed at {int(now)}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("plan")
    p.add_argument("--calls", type=int, required=True, help="unique provider calls (duplicates come on top)")
    p.add_argument("--tag", required=True, help="short tag making call ids unique across plans")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--pool", help="file of callers so far (repeat callers are drawn from it; updated)")
    p.add_argument("--out", required=True)
    r = sub.add_parser("render")
    r.add_argument("--numbers", required=True, help="numbers.json: provider -> {slug, number, secret}")
    r.add_argument("--plan", required=True)
    r.add_argument("--base", required=True, help="http://127.0.0.1:PORT as the server sees it")
    r.add_argument("--out", required=True)
    args = parser.parse_args()
    plan(args) if args.command == "plan" else render(args)


if __name__ == "__main__":
    main()
