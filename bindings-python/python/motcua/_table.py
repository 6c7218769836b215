"""Dossier tables into reports and the index in one call.

A dossier table has one row per dossier and the columns of
``Dossier.report_record``, what the national portal's dossier sync carries:

- ``channel``: ``"direct"``, ``"online"`` or ``"postal"``;
- ``received_at``, ``due_at``, ``ended_at``: datetimes (naive = Vietnam
  local time, aware ones are converted to UTC+7); missing (NaT/null) means
  not accepted, no deadline and not ended;
- ``ending``: ``"resolved"``, ``"withdrawn"``, ``"refused"``, ``"stopped"``,
  ``"refused_after_appraisal"`` or missing
  (in text columns an empty string is missing too, as CSV readers give it);
- ``paused`` (optional, default ``False``) and ``supplement_requests``
  (optional, default 0);
- the facts the 766 index counts, one optional boolean column each, named
  as in ``motcua.DOSSIER_FACTS`` (``synced``, ``electronic_result``,
  ``digitised``, ``reused``, ``shared``, ``population_data``,
  ``fee_bearing``, ``paid_online``, ``certified_copy``, ``complaint``): a
  table with none of them records no facts, and the index does not
  measure them; one with some counts the missing ones as ``False``;
- the group column named by ``group_by`` (``agency``, ``field``,
  ``receiving_unit``, ``competent_unit`` or
  ``procedure``), and the ``split_by`` column when one is asked for.

pandas DataFrames, pyarrow Tables, Polars DataFrames (through Arrow) and
mappings of numpy arrays are read. Strings become integer codes into their
distinct labels (Arrow strings natively on every core, other columns with
``pandas.factorize``), so the Rust core compares a few labels, not millions
of strings; it counts with the GIL released.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections import abc

import numpy as np

from motcua import _motcua
from motcua._batch import _vietnam_local
from motcua._errors import InvalidTypeError, MissingColumnError
from motcua._export import ExportTable

REQUIRED = ("channel", "received_at", "due_at", "ended_at", "ending")
OPTIONAL = ("paused", "supplement_requests")
GROUPS = ("agency", "field", "procedure", "receiving_unit", "competent_unit")
_SECONDS = np.dtype("datetime64[s]")


def _kind(table: typing.Any) -> str:
    module = type(table).__module__.split(".")[0]
    name = type(table).__name__
    if module == "pandas" and name == "DataFrame":
        return "pandas"
    if module == "pyarrow" and name in ("Table", "RecordBatch"):
        return "pyarrow"
    if module == "polars" and name == "DataFrame":
        return "polars"
    if isinstance(table, abc.Mapping):
        return "mapping"
    hint = " (collect() it first)" if module == "polars" and name == "LazyFrame" else ""
    raise InvalidTypeError(
        "table must be a pandas DataFrame, a pyarrow Table, a Polars DataFrame "
        f"or a mapping of column arrays, not {module}.{name}{hint}"
    )


def _is_missing(value: typing.Any) -> bool:
    """None, NaN, NaT, pandas.NA and the empty string are missing values."""
    if value is None or (isinstance(value, str) and value == ""):
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


_Coded = tuple[np.ndarray, _motcua._Labels]


def _arrow_labels(name: str, column: typing.Any, threads: int | None) -> _Coded:
    """Integer codes (``-1`` where missing or empty) and the distinct labels
    of an Arrow string column (chunked or not, dictionary-encoded or not),
    coded by the native module on ``threads`` threads from the column's own
    buffers."""
    import pyarrow as pa  # type: ignore[import-untyped]  # optional dependency

    if pa.types.is_null(column.type):  # every value missing
        return np.full(len(column), -1, dtype=np.int32), _motcua._Labels([])
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    if pa.types.is_string_view(column.type):
        column = column.cast(pa.large_string())
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        raise InvalidTypeError(f"column {name} must hold strings, not {column.type}")
    offsets = np.int64 if pa.types.is_large_string(column.type) else np.int32
    chunks: list[typing.Any] = []  # (validity, offsets, data, offset, length) of each chunk
    for chunk in getattr(column, "chunks", [column]):
        validity, value_offsets, data = chunk.buffers()
        chunks.append((
            None if validity is None or chunk.null_count == 0 else np.frombuffer(validity, np.uint8),
            np.frombuffer(value_offsets, offsets),
            np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8),
            chunk.offset,
            len(chunk),
        ))
    return _motcua._code_labels(name, chunks, threads)


class _Reader:
    """Columns of one table as numpy arrays the native module reads."""

    def __init__(self, table: typing.Any) -> None:
        kind = _kind(table)
        if kind == "polars":
            table, kind = table.to_arrow(), "pyarrow"
        self.table, self.kind = table, kind
        if kind == "pyarrow":
            self.names = list(table.column_names)
        else:
            self.names = list(table.keys()) if kind == "mapping" else list(table.columns)

    def rows(self) -> int:
        """The number of rows (of the first column, for a mapping)."""
        if self.kind == "mapping":
            return len(self._column(self.names[0])) if self.names else 0
        return len(self.table)

    def require(self, needed: list[str]) -> None:
        missing = [c for c in needed if c not in self.names]
        if missing:
            raise MissingColumnError(
                f"the table lacks column(s) {', '.join(missing)}; a dossier table has "
                f"{', '.join(needed)} (optional: {', '.join(OPTIONAL)}); found: "
                f"{', '.join(map(str, self.names)) or 'no columns'}"
            )

    def _column(self, name: str) -> np.ndarray:
        """A column of a mapping as a one-dimensional array."""
        values = np.asarray(self.table[name])
        if values.ndim != 1:
            raise InvalidTypeError(f"column {name} must be one-dimensional, not of shape {values.shape}")
        return values

    def _arrow(self, name: str) -> typing.Any:
        """A column of the Arrow table, as its chunks (never concatenated:
        the native coder reads chunks, and a copy of millions of strings
        costs more than the report)."""
        return self.table.column(name)

    def labels(self, name: str, threads: int | None) -> _Coded:
        """Integer codes (``-1`` where missing or empty) and the distinct
        labels, kept native; Arrow strings are coded on ``threads``
        threads."""
        if isinstance(self.table, ExportTable):
            coded = self.table._labels(name)
            if coded is not None:  # coded by the reader already
                return coded[0], _motcua._Labels(coded[1])
        if self.kind == "pyarrow":
            return _arrow_labels(name, self._arrow(name), threads)
        if self.kind == "pandas":
            import pandas as pd  # type: ignore[import-untyped]  # optional dependency

            series = self.table[name]
            dtype = series.dtype
            if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
                # pandas' default strings are Arrow arrays, coded natively
                # on every core (pandas.factorize takes one).
                import pyarrow as pa  # type: ignore[import-untyped]  # pandas' string storage

                return _arrow_labels(name, pa.array(series.array), threads)
            codes, uniques = pd.factorize(series)
            labels = list(uniques)
            if any(not isinstance(v, str) for v in labels):
                raise InvalidTypeError(f"column {name} must hold strings")
        else:
            values = self._column(name).astype(object)
            present = np.array([not _is_missing(v) for v in values], dtype=bool)
            if any(not isinstance(v, str) for v in values[present]):
                raise InvalidTypeError(f"column {name} must hold strings")
            distinct, inverse = np.unique(values[present].astype(str), return_inverse=True)
            codes = np.full(len(values), -1, dtype=np.int64)
            codes[present] = inverse
            labels = list(distinct)
        return _motcua._coded_labels(codes.astype(np.int32), [str(v) for v in labels])

    def seconds(self, name: str) -> np.ndarray:
        """Vietnam local time as int64 seconds; NaT is the minimum int64."""
        if self.kind == "pyarrow":
            import pyarrow as pa  # optional dependency (ignored above)

            column = self._arrow(name)
            if pa.types.is_timestamp(column.type) and column.type.tz is not None:
                column = column.cast(pa.timestamp(column.type.unit))  # UTC wall time
                values = column.to_numpy(zero_copy_only=False) + np.timedelta64(7, "h")
            elif pa.types.is_timestamp(column.type) or pa.types.is_date(column.type):
                values = column.to_numpy(zero_copy_only=False)
            elif pa.types.is_null(column.type):
                values = np.full(len(column), np.datetime64("NaT"), dtype=_SECONDS)
            else:
                raise InvalidTypeError(f"column {name} must hold datetimes, not {column.type}")
        elif self.kind == "pandas":
            values = _vietnam_local(self.table[name])[0].to_numpy()
        else:
            values = self._column(name)
        if values.dtype.kind != "M":
            raise InvalidTypeError(
                f"column {name} must hold datetimes, not {values.dtype} "
                "(parse text first, e.g. pandas.read_csv(..., parse_dates=[...]))"
            )
        # Not copied here: the native call copies what it reads (on every core).
        return np.ascontiguousarray(values.astype(_SECONDS, copy=False)).view(np.int64)

    def numbers(self, name: str, rows: int, default: typing.Any, dtype: typing.Any) -> np.ndarray:
        if name not in self.names:
            return np.full(rows, default, dtype=dtype)
        if self.kind == "pyarrow":
            column = self._arrow(name)
            if column.null_count:
                raise InvalidTypeError(f"column {name} has missing values")
            values = column.to_numpy(zero_copy_only=False)
        else:
            values = self._column(name) if self.kind == "mapping" else np.asarray(self.table[name])
        kinds = "b" if dtype is bool else "iu"
        if values.dtype.kind not in kinds:
            raise InvalidTypeError(f"column {name} must hold {dtype.__name__} values, not {values.dtype}")
        return np.ascontiguousarray(values.astype(dtype, copy=False))


@typing.overload
def report_table(
    table: typing.Any,
    period: _motcua.Period | str,
    *,
    group_by: str = ...,
    split_by: None = None,
    threads: int | None = None,
) -> _motcua.PeriodReport: ...
@typing.overload
def report_table(
    table: typing.Any,
    period: _motcua.Period | str,
    *,
    group_by: str = ...,
    split_by: str,
    threads: int | None = None,
) -> dict[str, _motcua.PeriodReport]: ...
def report_table(
    table: typing.Any,
    period: _motcua.Period | str,
    *,
    group_by: str = "agency",
    split_by: str | None = None,
    threads: int | None = None,
) -> _motcua.PeriodReport | dict[str, _motcua.PeriodReport]:
    """The II.06a report and the index inputs of a dossier table.

    Returns a :class:`PeriodReport` with rows by ``group_by``; with
    ``split_by`` (a column, e.g. ``"agency"``), a dict of one report per
    distinct value, so that each agency gets its own index. Rows that are
    inconsistent or outside the period are counted in ``excluded``; a
    missing column raises ``MissingColumnError`` listing the expected ones,
    a column of the wrong type ``InvalidTypeError``, a bad value
    ``InvalidArgumentError`` naming the row. ``threads`` (default: the
    machine's cores) counts a large table in chunks on as many threads and
    merges them: the same report as one thread's.

    >>> import motcua, numpy as np
    >>> table = {"agency": ["Sở Tư pháp", "Sở Tư pháp"], "channel": ["direct", "online"],
    ...     "received_at": np.array(["2026-01-05T08:00", "2026-01-06T09:00"], "datetime64[s]"),
    ...     "due_at": np.array(["2026-01-09T08:00", "2026-01-08T09:00"], "datetime64[s]"),
    ...     "ended_at": np.array(["2026-01-08T10:00", "NaT"], "datetime64[s]"),
    ...     "ending": ["resolved", None]}
    >>> report = motcua.report_table(table, motcua.Period.month(2026, 1))
    >>> row = report.rows["Sở Tư pháp"]
    >>> row["early"], row["overdue"]
    (1, 1)
    """
    # A period's text is read by the native call, as PeriodReport reads it.
    if not isinstance(period, (_motcua.Period, str)):
        raise InvalidTypeError(f"period must be a motcua.Period, not {type(period).__name__}")
    if not isinstance(group_by, str):
        raise InvalidTypeError(f"group_by must be a str, not {type(group_by).__name__}")
    if split_by is not None and not isinstance(split_by, str):
        raise InvalidTypeError(f"split_by must be a column name (str), not {type(split_by).__name__}")
    reader = _Reader(table)
    needed = list(REQUIRED)
    if group_by in GROUPS:
        needed.append(group_by)
    if split_by is not None:
        needed.append(split_by)
    reader.require(needed)
    labelled = ["channel", "ending"] + ([group_by] if group_by in GROUPS else [])
    labelled += [split_by] if split_by is not None else []
    coded = {name: reader.labels(name, threads) for name in labelled}
    (channel, channel_labels), (ending, ending_labels) = coded["channel"], coded["ending"]
    rows = len(channel)
    none = _motcua._Labels([])
    keys, key_labels = coded[group_by] if group_by in GROUPS else (None, none)
    splits, split_labels = coded[split_by] if split_by is not None else (None, none)
    reports = _motcua._report_table(
        period,
        group_by,
        keys,
        key_labels,
        splits,
        split_labels,
        channel,
        channel_labels,
        reader.seconds("received_at"),
        reader.seconds("due_at"),
        reader.seconds("ended_at"),
        ending,
        ending_labels,
        reader.numbers("paused", rows, False, bool),
        reader.numbers("supplement_requests", rows, 0, np.int64),
        [(f, reader.numbers(f, rows, False, bool)) for f in _motcua.DOSSIER_FACTS if f in reader.names],
        threads,
    )
    if split_by is None:
        return reports[0]
    return dict(sorted(zip(split_labels.to_list(), reports)))


def records_frame(dossiers: typing.Any, as_of: dt.datetime) -> typing.Any:
    """A pandas DataFrame of dossiers as :func:`report_table` reads them:
    ``code``, ``procedure``, ``field``, ``agency`` and the columns of
    ``Dossier.report_record(as_of)`` (for exports and for tests), its facts
    as one boolean column each when any dossier records facts (a dossier
    with none noted then gets ``False`` in each: a table cannot say "not
    recorded" for some rows)."""
    import pandas as pd

    rows = []
    for d in dossiers:
        p = d.procedure
        row = {"code": d.code, "procedure": p.code, "field": p.field, "agency": p.agency}
        row.update(d.report_record(as_of))
        rows.append(row)
    recorded = any(row["facts"] is not None for row in rows)
    for row in rows:
        facts = row.pop("facts") or []
        if recorded:
            row.update({f: f in facts for f in _motcua.DOSSIER_FACTS})
    facts = list(_motcua.DOSSIER_FACTS) if recorded else []
    columns = ["code", "procedure", "field", "agency", *REQUIRED, *OPTIONAL, *facts]
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("received_at", "due_at", "ended_at"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[s]")
    return frame
