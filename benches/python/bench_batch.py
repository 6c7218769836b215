"""Batch calendar arithmetic in Python against numpy's busday functions,
measured in one run on the same inputs (10 M dates over 2010-2030, offsets
1-30): motcua on every core (its default threads=) and on one, numpy on one
(it has no threads).

Run with the project venv after scripts/build-python.sh:
    .venv/bin/python benches/python/bench_batch.py [N]

numpy cannot represent make-up working Saturdays, so its calendar holds
the same weekday days off without them; answers are compared on
working-day starts of the years without make-up days.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time

import numpy as np

import motcua


def median_rate(n: int, runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return n / statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    cal = motcua.Calendar.vietnam()
    rng = np.random.default_rng(12345)
    days = np.datetime64("2010-01-01") + rng.integers(0, 6940, size=n).astype("timedelta64[D]")
    offsets = rng.integers(1, 31, size=n)
    ends = days + (2 * offsets).astype("timedelta64[D]")
    days_off = [h.date for y in range(2009, 2032) for h in cal.holidays(y) if h.is_day_off]
    busdays = np.busdaycalendar(weekmask="1111100", holidays=np.array(days_off, dtype="datetime64[D]"))

    ours = cal.add_working_days(days, offsets)
    theirs = np.busday_offset(days, offsets, roll="forward", busdaycal=busdays)
    # Compare where numpy can be right: working-day starts whose span holds
    # no make-up Saturday.
    make_up = np.array(sorted(h.date for y in range(2009, 2032) for h in cal.holidays(y, working_days=True)
                              if not h.is_day_off),
                       dtype="datetime64[D]")
    first_after = np.searchsorted(make_up, days, side="right")
    next_make_up = np.where(first_after < len(make_up), make_up[np.minimum(first_after, len(make_up) - 1)],
                            np.datetime64("2100-01-01"))
    comparable = np.is_busday(days, busdaycal=busdays) & (next_make_up > np.maximum(ours, theirs))
    same = (ours[comparable] == theirs[comparable]).mean()

    runs = 5
    cores = os.cpu_count() or 1
    add_one = median_rate(n, runs, lambda: cal.add_working_days(days, offsets, threads=1))
    add_ours = median_rate(n, runs, lambda: cal.add_working_days(days, offsets))
    add_numpy = median_rate(n, 3, lambda: np.busday_offset(days, offsets, roll="forward", busdaycal=busdays))
    count_one = median_rate(n, runs, lambda: cal.working_days_between(days, ends, threads=1))
    count_ours = median_rate(n, runs, lambda: cal.working_days_between(days, ends))
    count_numpy = median_rate(n, 3, lambda: np.busday_count(days, ends, busdaycal=busdays))

    scalar_n = 200_000
    d0 = dt.date(2026, 2, 13)
    start = time.perf_counter()
    for _ in range(scalar_n):
        cal.add_working_days(d0, 10)
    scalar_us = (time.perf_counter() - start) / scalar_n * 1e6
    nd = np.datetime64("2026-02-13")
    start = time.perf_counter()
    for _ in range(scalar_n):
        np.busday_offset(nd, 10, roll="forward", busdaycal=busdays)
    numpy_us = (time.perf_counter() - start) / scalar_n * 1e6

    print(f"{n} dates, median of {runs} runs (numpy: 3); motcua on {cores} threads (the default), numpy on one")
    print(f"answers identical to numpy on {comparable.sum()} comparable inputs: {same:.6f}")
    print(f"{'operation':<44} {'M/s':>8} {'numpy M/s':>10} {'ratio':>7} {'goal':>6}")
    print(f"{'add_working_days (datetime64[D] array)':<44} {add_ours / 1e6:>8.1f} {add_numpy / 1e6:>10.1f} {add_ours / add_numpy:>6.1f}x {'>=10x':>6}")
    print(f"{'  ... threads=1':<44} {add_one / 1e6:>8.1f} {add_numpy / 1e6:>10.1f} {add_one / add_numpy:>6.1f}x {'':>6}  ({add_ours / add_one:.2f}x from {cores} threads)")
    print(f"{'working_days_between (datetime64[D] arrays)':<44} {count_ours / 1e6:>8.1f} {count_numpy / 1e6:>10.1f} {count_ours / count_numpy:>6.1f}x {'>=5x':>6}")
    print(f"{'  ... threads=1':<44} {count_one / 1e6:>8.1f} {count_numpy / 1e6:>10.1f} {count_one / count_numpy:>6.1f}x {'':>6}  ({count_ours / count_one:.2f}x from {cores} threads)")
    print(f"{'scalar add_working_days, us per call':<44} {scalar_us:>8.2f} {numpy_us:>10.2f} {numpy_us / scalar_us:>6.1f}x {'<=1us':>6}")


if __name__ == "__main__":
    main()
