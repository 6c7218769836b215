"""Report plus index inputs from a 10 M-row dossier table, as pandas
DataFrame (string columns as pandas reads them from CSV) and as pyarrow
Table, measured in one run against the issue's goal of 5 M rows/s.

The table is the sample center's quarter (records_frame) repeated to N rows,
so every row is a real dossier's facts. The time covers everything an
analyst's call costs: reading the columns, factorising the strings,
counting the report and the index inputs of every agency.

Run with the project venv after scripts/build-python.sh:
    .venv/bin/python benches/python/bench_table.py [N]
"""

from __future__ import annotations

import datetime as dt
import sys

import pandas as pd
import pyarrow as pa

import motcua
from timing import interleaved_medians, median_seconds

GOAL = 5_000_000  # rows/s, issue 5



def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    period = motcua.Period.quarter(2026, 3)
    sample = motcua.records_frame(motcua.sample_center(), dt.datetime(2026, 9, 30, 23, 59, 59))
    repeat = -(-n // len(sample))
    frame = pd.concat([sample] * repeat, ignore_index=True).iloc[:n]
    table = pa.Table.from_pandas(frame, preserve_index=False)

    expected = motcua.PeriodReport(period, group_by="procedure")
    expected.add_all(motcua.sample_center())
    check = motcua.report_table(frame, period, group_by="procedure")
    scale = n / len(sample)
    print(f"rows: {n:,} ({scale:.1f} x the sample center's {len(sample):,} dossiers); "
          f"received in the report: {check.total['received']:,} "
          f"(the sample's {expected.total['received']:,} x {scale:.1f})")

    one_thread, two_threads = interleaved_medians(
        5,
        lambda: motcua.report_table(frame, period, group_by="procedure", threads=1),
        lambda: motcua.report_table(frame, period, group_by="procedure", threads=2),
    )
    print(f"{'pandas DataFrame':17} {'threads=1':22} {one_thread:6.2f} s  {n / one_thread / 1e6:6.1f} M rows/s")
    print(f"{'pandas DataFrame':17} {'threads=2':22} {two_threads:6.2f} s  {n / two_threads / 1e6:6.1f} M rows/s  "
          f"{one_thread / two_threads:4.2f}x one thread (goal: 1.7x)")
    for name, data in (("pandas DataFrame", frame), ("pyarrow Table", table)):
        one = median_seconds(3, lambda: motcua.report_table(data, period, group_by="procedure"))
        split = median_seconds(3, lambda: motcua.report_table(data, period, group_by="procedure",
                                                               split_by="agency"))
        for what, seconds in (("report + index inputs", one), ("... split by agency", split)):
            rate = n / seconds
            print(f"{name:17} {what:22} {seconds:6.2f} s  {rate / 1e6:6.1f} M rows/s  "
                  f"{rate / GOAL:4.1f}x the 5 M rows/s goal")
    cats = frame.astype({c: "category" for c in ("procedure", "agency", "channel", "ending")})
    seconds = median_seconds(3, lambda: motcua.report_table(cats, period, group_by="procedure",
                                                            split_by="agency"))
    print(f"{'pandas categorical':17} {'... split by agency':22} {seconds:6.2f} s  "
          f"{n / seconds / 1e6:6.1f} M rows/s  {n / seconds / GOAL:4.1f}x the 5 M rows/s goal")


if __name__ == "__main__":
    main()
