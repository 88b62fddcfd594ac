#!/usr/bin/env python3
"""Times Keylime's own verifier function on the synthetic list that SyntheticListBench wrote.

Usage: keylime_compare.py OUT_DIR [runs]
OUT_DIR holds ascii_runtime_measurements, allowlist.txt and pcrs.txt (from `bench/run.sh N R OUT_DIR`).
Keylime (PyPI 'keylime', with jsonschema, cryptography, pyasn1, pyasn1-modules, lark, pyyaml, packaging)
must be importable; its 'gpg' import is not needed by the IMA code and may be a stub. Keylime checks one
PCR bank (the quote's), here sha256, against the text list, as its verifier does.
"""
import sys
import time

from keylime.common import algorithms
from keylime.ima import ima


def main():
    out = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    lines = open(f"{out}/ascii_runtime_measurements", encoding="utf-8").read().splitlines()
    policy = ima.empty_policy()
    for line in open(f"{out}/allowlist.txt", encoding="utf-8"):
        digest, path = line.split(None, 1)
        policy["digests"].setdefault(path.strip(), []).append(digest)
    pcr = None
    for line in open(f"{out}/pcrs.txt", encoding="utf-8"):
        bank, value = line.split()
        if bank == "sha256:10":
            pcr = value
    best = None
    best_cpu = None
    for _ in range(runs):
        start = time.perf_counter()
        cpu_start = time.process_time()
        _, failure = ima.process_measurement_list(None, lines, policy, pcrval=pcr,
                                                   hash_alg=algorithms.Hash.SHA256)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    events = failure.get_event_ids() if failure else []
    print(f"keylime {len(lines)} entries, text list + policy + sha256 bank: best of {runs}: "
          f"{best * 1000:.1f} ms wall, {best_cpu * 1000:.1f} ms CPU (events: {events[:3]})")


if __name__ == "__main__":
    main()
