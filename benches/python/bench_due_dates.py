"""Due dates of a table of receptions in one call, ``motcua.due_dates``,
against the peer an analyst writes today, ``DataFrame.apply`` with
``Procedure.estimate`` row by row, measured in one run against issue 16's
goal of 5 M rows/s.

The table has the sample catalog's procedures in turn, the three channels
and instants every 37 seconds from 2026-01-05 (10 M rows span 12 years), as pandas reads them from a
CSV (object columns of codes and channels, ``datetime64[ns]``). The time
covers the whole call: factorising the strings, converting the instants,
the due dates and the result Series. The peer runs on 20,000 rows (its
rate does not depend on the size) and agrees with every row it computes.

Run with the project venv after scripts/build-python.sh:
    .venv/bin/python benches/python/bench_due_dates.py [N]
"""

from __future__ import annotations

import sys

import pandas as pd

import motcua
from timing import median_seconds

GOAL = 5_000_000  # rows/s, issue 16
PEER_ROWS = 20_000



def table(n: int, codes: list[str]) -> pd.DataFrame:
    return pd.DataFrame({
        "procedure_code": pd.Series(codes * (n // len(codes) + 1), dtype=object).iloc[:n].to_numpy(),
        "channel": pd.Series(["direct", "online", "postal"] * (n // 3 + 1), dtype=object).iloc[:n].to_numpy(),
        "received_at": pd.date_range("2026-01-05 07:00", periods=n, freq="37s"),
    })


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    catalog = motcua.Catalog.sample()
    codes = catalog.codes()
    frame = table(n, codes)
    small = table(PEER_ROWS, codes)

    def peer(df: pd.DataFrame) -> pd.Series:
        return df.apply(lambda r: catalog[r.procedure_code].estimate(
            r.received_at.to_pydatetime(), channel=r.channel)[0], axis=1)

    ours_small = motcua.due_dates(small, catalog)
    theirs_small = peer(small)
    agree = all((pd.isna(a) and b is None) or a.to_pydatetime() == b for a, b in zip(ours_small, theirs_small))
    assert agree, "due_dates and estimate disagree"

    seconds = median_seconds(3, lambda: motcua.due_dates(frame, catalog))
    peer_seconds = median_seconds(1, lambda: peer(small))
    rate, peer_rate = n / seconds, PEER_ROWS / peer_seconds
    print(f"rows: {n:,}; {len(codes)} procedures x 3 channels; the peer agrees on all {PEER_ROWS:,} of its rows")
    print(f"motcua.due_dates        {seconds:7.3f} s  {rate / 1e6:7.2f} M rows/s "
          f"(goal {GOAL / 1e6:.0f} M rows/s: {'met' if rate >= GOAL else 'NOT met'})")
    print(f"DataFrame.apply+estimate {peer_seconds:6.3f} s for {PEER_ROWS:,} rows  {peer_rate / 1e3:7.1f} k rows/s")
    print(f"ratio: {rate / peer_rate:,.0f}x the peer")


if __name__ == "__main__":
    main()
