"""The due dates of a table of receptions in one call."""

from __future__ import annotations

import typing

import numpy as np

from motcua import _motcua
from motcua._batch import _VIETNAM
from motcua._errors import InvalidTypeError
from motcua._table import _Coded, _Reader

_SECONDS = np.dtype("datetime64[s]")


def due_dates(
    table: typing.Any,
    catalog: _motcua.Catalog,
    *,
    calendar: _motcua.Calendar | None = None,
    procedure: str = "procedure_code",
    channel: str | None = "channel",
    received_at: str = "received_at",
    threads: int | None = None,
) -> typing.Any:
    """The legal due date of each row of ``table`` (a pandas DataFrame, a
    pyarrow Table, a Polars DataFrame or a mapping of arrays): the
    procedure of column ``procedure`` (national codes, looked up in
    ``catalog``) received through ``channel`` (``"direct"``, ``"online"``
    or ``"postal"``; all ``"direct"`` when the column is absent) at
    ``received_at``. Each is what ``Procedure.estimate`` gives for that
    row; NaT where the procedure sets no deadline or ``received_at`` is
    missing. A pandas table gives a Series on its index (aware at UTC+7
    when ``received_at`` is aware), the others a ``datetime64[s]`` array.

    An unknown code raises ``UnknownProcedureError``; a code column that
    pandas read as numbers (``2.000010`` as ``2.00001``) raises
    ``InvalidTypeError`` saying to read it as ``str``. ``threads`` (default:
    the machine's cores) splits a large table across threads; the answers
    are the same as on one.
    """
    reader = _Reader(table)
    needed = [procedure, received_at] + ([channel] if channel is not None and channel in reader.names else [])
    reader.require(needed)
    codes, labels = _procedure_codes(reader, table, procedure, threads)
    rows = len(codes)
    if channel is not None and channel in reader.names:
        channel_codes, channel_labels = reader.labels(channel, threads)
    else:
        channel_codes, channel_labels = np.zeros(rows, dtype=np.int32), _motcua._Labels(["direct"])
    aware = reader.kind == "pandas" and getattr(table[received_at].dtype, "tz", None) is not None
    seconds = reader.seconds(received_at)
    cal = calendar if calendar is not None else _motcua.Calendar.vietnam()
    out = _motcua._due_dates(
        cal, catalog, labels, codes, channel_labels, channel_codes, seconds, threads
    ).view(_SECONDS)
    if reader.kind != "pandas":
        return out
    import pandas as pd  # type: ignore[import-untyped]  # optional dependency

    series = pd.Series(out, index=table.index, name="due_at")
    return series.dt.tz_localize(_VIETNAM) if aware else series


def _procedure_codes(
    reader: _Reader, table: typing.Any, name: str, threads: int | None
) -> _Coded:
    """The codes and distinct labels of the procedure column, with the
    message a float column needs."""
    kind = None
    if reader.kind == "pandas":
        kind = table[name].dtype.kind
    elif reader.kind == "mapping":
        kind = np.asarray(table[name]).dtype.kind
    if kind in ("f", "i", "u"):
        raise InvalidTypeError(
            f"column {name} holds numbers, not procedure codes: a CSV reader turned codes such as "
            f"2.000010 into 2.00001; read it as text, e.g. pandas.read_csv(..., dtype={{{name!r}: str}})"
        )
    return reader.labels(name, threads)
