"""The timing the Python bench scripts share: the median of a few runs."""

from __future__ import annotations

import statistics
import time
import typing


def median_seconds(runs: int, fn: typing.Callable[[], object]) -> float:
    """The median wall time of ``runs`` calls of ``fn``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_medians(runs: int, *fns: typing.Callable[[], object]) -> list[float]:
    """The median wall time of ``runs`` calls of each of ``fns``, called in
    turn (one of each, ``runs`` times), so that a slow spell of a shared
    machine weighs on every variant alike and a ratio between them holds."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, spent in zip(fns, times):
            start = time.perf_counter()
            fn()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]
