"""report_table on a table of many distinct group labels beside the same
table with 10 groups (issue 19: 10^7 distinct labels took 113 s and 6.5 GB).
Prints the seconds, the cost per row, the growth from 1 M to N rows (a
linear cost grows by N / 1 M) and the memory the call took at its peak
(the process's peak resident memory during the call, reset before it
through /proc/self/clear_refs, less what it held before), measured in one
run.

Run with the project venv after scripts/build-python.sh:
    .venv/bin/python benches/python/bench_groups.py [N]
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

import motcua


def table(n: int, groups: int | None) -> pd.DataFrame:
    """n dossiers received in the quarter, in progress; one label a row
    (``groups`` None) or ``groups`` labels in turn."""
    rng = np.random.default_rng(19)
    received = np.datetime64("2026-07-01T08:00", "s") + rng.integers(0, 80 * 86400, n).astype("timedelta64[s]")
    labels = [f"U{i:08d}" for i in range(n if groups is None else groups)]
    agency = labels if groups is None else [labels[i % groups] for i in range(n)]
    return pd.DataFrame({
        "agency": pd.array(agency, dtype="str"),
        "channel": pd.array(["online"] * n, dtype="str"),
        "received_at": received,
        "due_at": received + np.timedelta64(5 * 86400, "s"),
        "ended_at": np.full(n, np.datetime64("NaT"), dtype="datetime64[s]"),
        "ending": pd.array([None] * n, dtype="str"),
    })


def status_mib(field: str) -> float:
    """A memory figure of this process from /proc/self/status (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def run(n: int, groups: int | None) -> tuple[float, float]:
    """Seconds and MiB of one report_table call."""
    frame = table(n, groups)
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # the peak resident memory starts again from now
    before = status_mib("VmRSS")
    start = time.perf_counter()
    report = motcua.report_table(frame, "2026-Q3", group_by="agency")
    seconds = time.perf_counter() - start
    memory = status_mib("VmHWM") - before
    assert len(report.rows) == (n if groups is None else groups)
    what = "distinct labels" if groups is None else f"{groups} groups"
    print(f"{n:>11,} rows  {what:16} {seconds:7.2f} s  {seconds / n * 1e9:6.0f} ns/row  "
          f"{memory:7,.0f} MiB at the call's peak ({memory / n * 2**20:4.0f} B/row)")
    return seconds, memory


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    base = 1_000_000
    (few_small, _), (many_small, many_small_memory) = run(base, 10), run(base, None)
    (few, _), (many, many_memory) = run(n, 10), run(n, None)
    print(f"distinct labels cost {many / few:.1f}x the 10-group table at {n:,} rows")
    print(f"growth from {base:,} to {n:,} rows ({n / base:.0f}x): 10 groups {few / few_small:.1f}x, "
          f"distinct labels {many / many_small:.1f}x in time and {many_memory / many_small_memory:.1f}x "
          f"in memory (linear: {n / base:.0f}x)")


if __name__ == "__main__":
    main()
