"""dnstwist (an independent, widely used domain-permutation tool) on every official website: mean recall over its
fuzzer classes ≥ 0.90 (issue 12). Offline: only its generator runs, no DNS lookup."""

from tests.trust.external import harness

BAR = 0.90


def test_dnstwist_permutations_of_official_sites_are_flagged(register):
    register("dev", "heldout")
    table = harness.dnstwisted()
    assert table.mean_class_rate() >= BAR, (
        f"dnstwist mean recall over fuzzer classes {table.mean_class_rate():.3f} (bar {BAR})\n{table.text('recall')}")
