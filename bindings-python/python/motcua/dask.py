"""The II.06a report and the 766 index inputs of a Dask DataFrame: national
scale on an existing distributed engine (optional extra ``motcua[dask]``).

Each partition is counted by :func:`motcua.report_table` in a worker (the
counting runs in Rust with the GIL released); the partial reports, which
pickle as their JSON state, merge in a tree reduction
(:meth:`motcua.PeriodReport.merge`: associative and commutative, so the
result equals the single-process one exactly, whatever the partitioning).

>>> import dask.dataframe as dd, motcua.dask  # doctest: +SKIP
>>> frame = dd.read_parquet("national/")      # partitioned by province and month
>>> by_province = motcua.dask.report(frame, "2026", group_by="agency", split_by="province")
>>> by_province["H21"].total["received"], by_province["H21"].index_inputs()
"""

from __future__ import annotations

import copy
import typing

from motcua import _motcua
from motcua._errors import InvalidTypeError, MissingColumnError, MotcuaError
from motcua._table import report_table

Reports = typing.Union[_motcua.PeriodReport, "dict[str, _motcua.PeriodReport]"]


def _partition(
    frame: typing.Any, index: int, period: _motcua.Period | str, group_by: str, split_by: str | None
) -> Reports:
    """One partition's report(s); an error names the partition."""
    try:
        if split_by is None:
            return report_table(frame, period, group_by=group_by, threads=1)
        return report_table(frame, period, group_by=group_by, split_by=split_by, threads=1)
    except MotcuaError as e:
        raise type(e)(f"partition {index}: {e.message}", e.code, e.path, e.event_index) from e


def _merge_into(merged: Reports, other: Reports) -> None:
    """Adds ``other`` to ``merged``, a result of this task's own."""
    if isinstance(merged, dict):
        assert isinstance(other, dict)
        for key, report in other.items():
            if key in merged:
                merged[key].merge(report)
            else:
                merged[key] = copy.copy(report)
    else:
        assert not isinstance(other, dict)
        merged.merge(other)


def report(
    frame: typing.Any,
    period: _motcua.Period | str,
    *,
    group_by: str = "agency",
    split_by: str | None = None,
    split_every: int = 8,
) -> Reports:
    """The report (with its index inputs) of a Dask DataFrame of dossiers,
    computed on the current Dask scheduler (a ``distributed`` client when
    one is active): one :class:`motcua.PeriodReport`, or with ``split_by``
    (e.g. ``"province"``) a dict of one per value.

    The columns are those of :func:`motcua.report_table`. Each partition is
    counted where it lies, then the partial reports merge ``split_every``
    at a time, so the driver receives one result, never the rows. A
    partition without a needed column fails the whole computation with
    ``MissingColumnError`` naming the partition and the column; no partial
    result passes as a full one.
    """
    import dask
    import dask.dataframe as dd

    if not isinstance(frame, dd.DataFrame):
        raise InvalidTypeError(f"frame must be a dask.dataframe.DataFrame, not {type(frame).__name__}")
    if not isinstance(split_every, int) or isinstance(split_every, bool) or split_every < 2:
        raise InvalidTypeError("split_every must be an int of at least 2")
    parts = [
        dask.delayed(_partition)(part, i, period, group_by, split_by)
        for i, part in enumerate(frame.to_delayed())
    ]
    if not parts:
        raise MissingColumnError("the frame has no partition")
    # A tree: each level merges split_every results into one.
    while len(parts) > 1:
        parts = [
            _merge_all(parts[i : i + split_every]) for i in range(0, len(parts), split_every)
        ]
    (result,) = dask.compute(parts[0])
    return typing.cast(Reports, result)


def _merge_all(parts: list[typing.Any]) -> typing.Any:
    import dask

    def merge_many(*results: Reports) -> Reports:
        # A copy of the first, so that no input changes: the scheduler may
        # hold them for another task.
        first = results[0]
        merged: Reports
        if isinstance(first, dict):
            merged = {k: copy.copy(v) for k, v in first.items()}
        else:
            merged = copy.copy(first)
        for r in results[1:]:
            _merge_into(merged, r)
        return merged

    return dask.delayed(merge_many)(*parts)
