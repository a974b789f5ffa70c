"""Exactness after a bench run: every call sent is in the log once, processed once, by the right supporter.

    python bench/check.py --out check.json PLAN:RESULT [PLAN:RESULT ...]

Each PLAN is a gen_requests.py plan (the requests in file order); RESULT is the JSON calls.lua wrote for the
wrk run that sent it, saying how many of its lines each wrk thread issued (thread i sends lines i, i+T, ...).
From these the script knows exactly which provider calls were sent, and with which caller, and compares
with the database:

  * the call log holds exactly the unique (provider, call id) pairs sent: none lost, none extra, none doubled
    (a request still in flight when a timed wrk run stopped was never answered, so it may or may not be
    logged; those are counted as sent exactly when the server logged them);
  * every call is processed: accepted (valid caller) or rejected (withheld caller), none pending;
  * supporters == unique valid callers sent, and each accepted call points at the supporter whose blind
    index is that of the caller the generator meant (so no call is credited to someone else);
  * sum(call_count) + rejected == calls; one missed-call touch per accepted call; one join consent,
    call-back and confirmation SMS per supporter;
  * the server saw (calls + duplicates counter) == 200 responses the clients got, up to requests still in
    flight when a timed wrk run ended.
Prints PASS or FAIL per check; exits 1 on any FAIL.
"""

import argparse
import json
import math
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sampark.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count, Sum  # noqa: E402

from sampark.core import counters, pii  # noqa: E402
from sampark.outreach.models import OutboundSms  # noqa: E402
from sampark.supporters.models import Callback, Consent, Supporter, Touch  # noqa: E402
from sampark.telephony.models import Call  # noqa: E402


def sent_calls(plan: Path, result: dict) -> tuple[list, list]:
    """(certain, maybe): (provider, call id, expected E.164 or "") of the plan lines the wrk threads issued.

    A timed wrk run ends with requests in flight: issued, never answered, perhaps handled by the server. Each
    connection has at most one, issued within the last max-latency of the run, so the lines a thread issued in
    its last (unanswered + connections + rate x max latency) are "maybe"; the rest were certainly answered.
    """
    lines = plan.read_text().splitlines()
    threads = result["threads"]
    count = len(threads)
    per_thread_conns = max(1, result.get("connections", count) // count)
    certain, maybe = [], []
    for thread in threads:
        mine = lines[thread["id"] :: count]
        order = [mine[k % len(mine)] for k in range(thread["issued"])] if mine else []
        tail = 0
        if thread["issued"] > thread["answered"]:
            per_second = thread["answered"] / max(result["seconds"], 1e-9)
            tail = (
                thread["issued"]
                - thread["answered"]
                + per_thread_conns
                + math.ceil(per_second * result["latency_ms"]["max"] / 1000)
            )
        head = order[: max(0, len(order) - tail)]
        head_set = set(head)
        for bucket, part in ((certain, head), (maybe, [x for x in order[len(head) :] if x not in head_set])):
            for line in part:
                provider, call_id, _raw, e164, _dup = line.split("\t")
                bucket.append((provider, call_id, e164))
    return certain, maybe


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("runs", nargs="+", help="PLAN:RESULT pairs")
    args = parser.parse_args()

    certain: dict[tuple[str, str], str] = {}
    maybe: dict[tuple[str, str], str] = {}
    client_200 = client_other = in_flight = 0
    for pair in args.runs:
        plan, result_path = pair.split(":", 1)
        result = json.loads(Path(result_path).read_text())
        sure, unsure = sent_calls(Path(plan), result)
        for provider, call_id, e164 in sure:
            certain[(provider, call_id)] = e164
        for provider, call_id, e164 in unsure:
            maybe[(provider, call_id)] = e164
        client_200 += result["statuses"].get("200", 0)
        client_other += sum(v for k, v in result["statuses"].items() if k != "200")
        in_flight += sum(max(0, t["issued"] - t["answered"]) for t in result["threads"])

    logged = {
        (provider, call_id): (outcome, supporter_id, processed)
        for provider, call_id, outcome, supporter_id, processed in Call.objects.values_list(
            "provider", "provider_call_id", "outcome", "supporter_id", "processed_at"
        ).iterator(chunk_size=20000)
    }
    # What was sent: every answered line, plus the in-flight lines the server did log.
    maybe = {key: e164 for key, e164 in maybe.items() if key not in certain}
    expected = {**certain, **{key: e164 for key, e164 in maybe.items() if key in logged}}
    print(
        f"sent: {len(certain):,} calls answered, {len(maybe):,} maybe in flight at the end of a timed run "
        f"({sum(1 for key in maybe if key in logged):,} of them logged)"
    )
    valid = {key: e164 for key, e164 in expected.items() if e164}
    junk = {key for key, e164 in expected.items() if not e164}
    supporters = dict(Supporter.objects.values_list("id", "phone_index"))
    index_of = {e164: pii.blind_index(e164) for e164 in set(valid.values())}
    misattributed = sum(
        1 for key, e164 in valid.items() if key in logged and supporters.get(logged[key][1]) != index_of[e164]
    )
    call_counts = Supporter.objects.aggregate(total=Sum("call_count"))["total"] or 0
    per_supporter = Counter(v[1] for v in logged.values() if v[0] == Call.Outcome.ACCEPTED)
    wrong_counts = sum(
        1
        for sid, n in Supporter.objects.values_list("id", "call_count").iterator(chunk_size=20000)
        if per_supporter.get(sid, 0) != n
    )
    outcomes = Counter(v[0] for v in logged.values())
    rejected = outcomes.get(Call.Outcome.REJECTED, 0)
    n_supporters = len(supporters)
    seen = counters.read("calls_duplicate", "calls_accepted", "calls_rejected", "supporters", "hooks_refused")
    server_handled = len(logged) + seen["calls_duplicate"]

    # missed-call touches list their calls (one touch per supporter per worker batch): each accepted call once
    touches = Touch.objects.filter(kind=Touch.Kind.MISSED_CALL).values_list("supporter_id", "detail")
    touched_calls = Counter((call_id, sid) for sid, detail in touches.iterator() for call_id in detail["calls"])
    accepted_calls = set(Call.objects.filter(outcome=Call.Outcome.ACCEPTED).values_list("id", "supporter_id"))

    checks = [
        ("calls in log == unique call ids sent", len(logged), len(expected)),
        ("no answered call missing from the log", len(set(certain) - set(logged)), 0),
        ("no call in the log that was not sent", len(set(logged) - set(expected)), 0),
        ("no call left pending", sum(1 for v in logged.values() if v[2] is None), 0),
        ("accepted == calls with a valid caller", outcomes.get(Call.Outcome.ACCEPTED, 0), len(valid)),
        ("rejected == calls with a withheld caller", rejected, len(junk)),
        ("supporters == unique valid callers sent", n_supporters, len(set(valid.values()))),
        ("calls credited to the wrong supporter", misattributed, 0),
        ("supporters whose call_count != their calls", wrong_counts, 0),
        ("sum(call_count) + rejected == calls", call_counts + rejected, len(logged)),
        ("calls on missed-call touches == accepted calls", sum(touched_calls.values()), len(valid)),
        ("accepted calls not on their supporter's touch, or on two",
         len(accepted_calls ^ set(touched_calls)) + sum(1 for n in touched_calls.values() if n > 1), 0),
        ("join consents == supporters", Consent.objects.filter(purpose="join").count(), n_supporters),
        ("call-backs == supporters", Callback.objects.count(), n_supporters),
        ("confirmation SMS == supporters", OutboundSms.objects.count(), n_supporters),
        (
            "no supporter with two SMS",
            OutboundSms.objects.values("supporter_id").annotate(n=Count("id")).filter(n__gt=1).count(),
            0,
        ),
        ("counter calls_accepted == accepted", seen["calls_accepted"], len(valid)),
        ("counter calls_rejected == rejected", seen["calls_rejected"], len(junk)),
        ("counter supporters == supporters", seen["supporters"], n_supporters),
        ("hook responses other than 200", client_other, 0),
        ("signatures refused (hooks_refused)", seen["hooks_refused"], 0),
    ]
    failed = 0
    lines = []
    for name, got, want in checks:
        ok = got == want
        failed += not ok
        lines.append({"check": name, "got": got, "want": want, "ok": ok})
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {got}" + ("" if ok else f" (want {want})"))
    # Timed wrk runs end with up to one request per connection unanswered; the server may have logged them.
    extra = server_handled - client_200
    ok = 0 <= extra <= in_flight
    failed += not ok
    print(
        f"{'PASS' if ok else 'FAIL'}  server-handled hook requests (calls + duplicates counter) {server_handled}"
        f" == client 200s {client_200} + {extra} in flight at the end of timed runs (at most {in_flight})"
    )
    lines.append(
        {"check": "server handled == client 200s + in flight", "got": extra, "want": f"0..{in_flight}", "ok": ok}
    )
    summary = {
        "pass": failed == 0,
        "failed": failed,
        "checks": lines,
        "calls": len(logged),
        "unique_valid_callers": len(set(valid.values())),
        "supporters": n_supporters,
        "rejected": rejected,
        "duplicate_deliveries_absorbed": seen["calls_duplicate"],
        "client_200": client_200,
    }
    Path(args.out).write_text(json.dumps(summary, indent=1))
    print("EXACTNESS:", "PASS" if failed == 0 else f"FAIL ({failed} checks)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
