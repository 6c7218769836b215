"""report_table on a table of many distinct group labels beside the same
table with 10 groups (issue 19: 10^7 distinct labels took 113 s and 6.5 GB).
Prints the seconds, the cost per row, the growth from 1 M to N rows (a
linear cost grows by N / 1 M) and the peak memory of this process after
each run, measured in one run.

Run with the project venv after scripts/build-python.sh:
    .venv/bin/python benches/python/bench_groups.py [N]
"""

from __future__ import annotations

import resource
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


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, groups: int | None) -> float:
    frame = table(n, groups)
    start = time.perf_counter()
    report = motcua.report_table(frame, "2026-Q3", group_by="agency")
    seconds = time.perf_counter() - start
    assert len(report.rows) == (n if groups is None else groups)
    what = "distinct labels" if groups is None else f"{groups} groups"
    print(f"{n:>11,} rows  {what:16} {seconds:7.2f} s  {seconds / n * 1e9:6.0f} ns/row  "
          f"peak memory so far {peak_mib():7,.0f} MiB")
    return seconds


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    base = 1_000_000
    few_small, many_small = run(base, 10), run(base, None)
    few, many = run(n, 10), run(n, None)
    print(f"distinct labels cost {many / few:.1f}x the 10-group table at {n:,} rows")
    print(f"growth from {base:,} to {n:,} rows ({n / base:.0f}x): 10 groups {few / few_small:.1f}x, "
          f"distinct labels {many / many_small:.1f}x (linear: {n / base:.0f}x)")


if __name__ == "__main__":
    main()
