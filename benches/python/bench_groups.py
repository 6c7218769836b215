"""report_table on a table of many distinct group labels beside the same
table with 10 groups (issue 19: 10^7 distinct labels took 113 s and 6.5 GB),
at 1 M, 2 M, 5 M and N rows, with pandas' own group-by
(``frame.groupby("agency").size()``, the least a pandas user writes to
count groups) on the same table as the peer, each call in a fresh process. Prints for each call the
seconds, the cost per row, the CPU time split into user (the library's
work) and system (the kernel giving the process fresh memory), and the
memory the call took at its peak (the process's peak resident memory
during the call, reset before it through /proc/self/clear_refs, less what
it held before); then the growth from 1 M to N rows (a linear cost grows by
N / 1 M) of motcua and of pandas, measured in one run.

Run with the project venv after scripts/build-python.sh:
    .venv/bin/python benches/python/bench_groups.py [N]
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time
import typing

import numpy as np
import pandas as pd  # type: ignore[import-untyped]  # no stubs installed

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


class Call:
    """What one call cost: seconds, CPU seconds in user and system mode,
    and MiB at its peak."""

    def __init__(self, call: typing.Callable[[], typing.Any],
                 groups: typing.Callable[[typing.Any], int] | None = None, expected: int = 0) -> None:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # the peak resident memory starts again from now
        before_memory = status_mib("VmRSS")
        before = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        self.result = call()
        self.seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF)
        self.user = after.ru_utime - before.ru_utime
        self.system = after.ru_stime - before.ru_stime
        self.memory = status_mib("VmHWM") - before_memory
        if groups is not None:  # counted after the timing
            assert groups(self.result) == expected, (groups(self.result), expected)

    def line(self, n: int, what: str) -> str:
        return (f"{what:22} {self.seconds:6.2f} s {self.seconds / n * 1e9:5.0f} ns/row "
                f"(user {self.user:5.2f} s, system {self.system:5.2f} s) "
                f"{self.memory:6,.0f} MiB at the peak ({self.memory / n * 2**20:3.0f} B/row)")


def measure(n: int, groups: int | None, peer: bool) -> list[Call]:
    """report_table then the report's to_pandas (or pandas' group-by, the
    peer) on a table of n rows, in this process."""
    frame = table(n, groups)
    expected = n if groups is None else groups
    if peer:
        calls = [Call(lambda: frame.groupby("agency").size(), len, expected)]
    else:
        # The frame's rows count the report's groups.
        report = Call(lambda: motcua.report_table(frame, "2026-Q3", group_by="agency"))
        calls = [report, Call(lambda: report.result.to_pandas(), len, expected)]
    for call in calls:
        del call.result  # not sent back to the parent
    return calls


def run(n: int, groups: int | None) -> tuple[Call, Call]:
    """report_table and pandas' group-by on the same table, each in a fresh
    process: in one process, a call ran in memory an earlier one had
    freed and its figures depended on what ran before (10 M distinct
    labels took 5 s after one call, 10 s after seven)."""
    spawn = multiprocessing.get_context("spawn")
    calls = []
    for peer in (False, True):
        with spawn.Pool(1) as pool:
            calls.append(pool.apply(measure, (n, groups, peer)))
    (ours, frame), (theirs,) = calls
    what = "distinct labels" if groups is None else f"{groups} groups"
    print(f"{n:>11,} rows, {what}")
    print("    " + ours.line(n, "motcua report_table"))
    print("    " + frame.line(n, "  then .to_pandas()"))
    print("    " + theirs.line(n, "pandas groupby().size"), flush=True)
    return ours, theirs


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    base = 1_000_000
    sizes = [size for size in (base, 2 * base, 5 * base) if size < n] + [n]
    few = {size: run(size, 10) for size in (base, n)}
    many = {size: run(size, None) for size in sizes}
    (ours, theirs), (ours_base, theirs_base) = many[n], many[base]
    print(f"at {n:,} rows distinct labels cost {ours.seconds / few[n][0].seconds:.1f}x the 10-group table; "
          f"report_table takes {ours.seconds / theirs.seconds:.1f}x pandas groupby().size")
    print(f"growth from {base:,} to {n:,} rows ({n / base:.0f}x; linear: {n / base:.0f}x):")
    print(f"    10 groups: motcua {few[n][0].seconds / few[base][0].seconds:.1f}x in time")
    print(f"    distinct labels: motcua {ours.seconds / ours_base.seconds:.1f}x in time "
          f"({ours.user / ours_base.user:.1f}x user CPU, {ours.system / max(ours_base.system, 1e-3):.1f}x system CPU), "
          f"{ours.memory / ours_base.memory:.1f}x in memory; "
          f"pandas {theirs.seconds / theirs_base.seconds:.1f}x in time "
          f"({theirs.user / theirs_base.user:.1f}x user CPU), {theirs.memory / theirs_base.memory:.1f}x in memory")


if __name__ == "__main__":
    main()
