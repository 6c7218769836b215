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
