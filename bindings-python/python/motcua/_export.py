"""Vendors' dossier exports (CSV or .xlsx, Vietnamese headers) as dossier tables.

One-stop systems (VNPT iGate, Viettel, OpenCPS-based systems, the national
portal) export one row per dossier with headers such as "Mã hồ sơ", "Ngày
tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả", "Trạng thái", "Hình thức
nộp", "Lĩnh vực", "Đơn vị". :func:`read_export` finds each column by its
header, reads each cell (dates day first: ``dd/mm/yyyy HH:mm[:ss]``; a
status by name or national code) and returns the table that
:func:`motcua.report_table` takes. The rules are the Rust core's
(``motcua::files::export``), the same in every runtime.
"""

from __future__ import annotations

import os
import typing
from collections import abc

import numpy as np

from motcua import _motcua
from motcua._errors import InvalidArgumentError, InvalidTypeError, MotcuaError

_INSTANTS = ("received_at", "due_at", "ended_at", "returned_at")


class ExportTable(abc.Mapping):  # type: ignore[type-arg]
    """The dossiers of an export, as columns: a mapping of column name to
    numpy array, which :func:`motcua.report_table` reads as it is.

    Columns: ``row`` (the file's row, the header is row 1), ``code``,
    ``status`` (national code 1–10), ``channel``, ``received_at``,
    ``due_at``, ``ended_at``, ``ending``, ``paused``,
    ``supplement_requests``, ``receiving_unit`` (the code's agency), and
    where the export has them ``agency`` (its "Đơn vị"), ``field``,
    ``procedure``, ``returned_at``. Instants are ``datetime64[s]`` of
    Vietnam local time.

    ``rejected`` holds the exceptions of the rows left out (``bad_rows=
    "collect"``), each with ``.file``, ``.row`` and ``.column``;
    ``columns_found`` the header read for each field.
    """

    def __init__(
        self,
        columns: dict[str, typing.Any],
        rejected: list[MotcuaError],
        columns_found: dict[str, str],
        file: str,
    ) -> None:
        self._coded: dict[str, tuple[np.ndarray, list[str]]] = {}
        self._columns: dict[str, np.ndarray] = {}
        for name, value in columns.items():
            if isinstance(value, tuple):
                self._coded[name] = (value[0], list(value[1]))
            elif name in _INSTANTS:
                self._columns[name] = value.view("datetime64[s]")
            elif name == "code":
                self._columns[name] = np.array(value, dtype=object)
            else:
                self._columns[name] = value
        self.rejected = rejected
        self.columns_found = columns_found
        self.file = file

    def _labels(self, name: str) -> tuple[np.ndarray, list[str]] | None:
        """A label column as integer codes (-1: missing) and its labels,
        what ``report_table`` would otherwise compute from the strings."""
        return self._coded.get(name)

    def __getitem__(self, name: str) -> np.ndarray:
        if name in self._coded:
            codes, labels = self._coded[name]
            values = np.array([*labels, None], dtype=object)
            return values[codes]  # -1 picks the trailing None
        return self._columns[name]

    def __iter__(self) -> typing.Iterator[str]:
        return iter([*self._columns, *self._coded])

    def __len__(self) -> int:
        return len(self._columns) + len(self._coded)

    @property
    def rows(self) -> int:
        """How many dossiers were read."""
        return len(self._columns["row"])

    def to_pandas(self) -> typing.Any:
        """The table as a pandas DataFrame (pandas is an optional dependency),
        label columns as categoricals."""
        import pandas as pd  # type: ignore[import-untyped]  # optional dependency

        data: dict[str, typing.Any] = dict(self._columns)
        for name, (codes, labels) in self._coded.items():
            data[name] = pd.Categorical.from_codes(codes, categories=labels)
        return pd.DataFrame(data)

    def __repr__(self) -> str:
        return f"ExportTable(file={self.file!r}, rows={self.rows}, rejected={len(self.rejected)})"


def _aliases(mapping: typing.Mapping[str, typing.Any] | None) -> dict[str, list[str]]:
    if mapping is None:
        return {}
    if not isinstance(mapping, abc.Mapping):
        raise InvalidTypeError(f"mapping must be a dict of column to header(s), not {type(mapping).__name__}")
    out = {}
    for column, headers in mapping.items():
        if isinstance(headers, str):
            headers = [headers]
        if (
            not isinstance(column, str)
            or not isinstance(headers, (list, tuple))
            or not all(isinstance(h, str) for h in headers)
        ):
            raise InvalidTypeError(f"mapping[{column!r}] must be a header (str) or a list of headers")
        out[column] = list(headers)
    return out


def _names(name: str, values: typing.Mapping[str, typing.Any] | None) -> dict[str, str]:
    if values is None:
        return {}
    if not isinstance(values, abc.Mapping):
        raise InvalidTypeError(f"{name} must be a dict, not {type(values).__name__}")
    out = {}
    for key, value in values.items():
        if not isinstance(key, str) or not isinstance(value, (str, int)) or isinstance(value, bool):
            raise InvalidTypeError(f"{name}[{key!r}] must map a name (str) to a label or code")
        out[key] = str(value)
    return out


def read_export(
    path: str | os.PathLike[str],
    mapping: typing.Mapping[str, str | typing.Sequence[str]] | None = None,
    *,
    statuses: typing.Mapping[str, str | int] | None = None,
    channels: typing.Mapping[str, str | int] | None = None,
    bad_rows: str = "raise",
) -> ExportTable:
    """Reads a vendor's dossier export (``.xlsx``, its first sheet; or CSV in
    UTF-8 with ``,``, ``;`` or tab) into a table :func:`motcua.report_table`
    takes.

    ``mapping`` overrides the headers of a column (``{"unit": "Phòng ban"}``;
    columns: ``code``, ``received_at``, ``due_at``, ``ended_at``,
    ``returned_at``, ``status``, ``channel``, ``field``, ``unit``,
    ``procedure``); ``statuses`` and ``channels`` add a vendor's names
    (``{"Hoàn thành": "returned"}``, ``{"Nộp qua mạng": "online"}``).

    A bad row raises its error naming the file, the row and the column
    (``InvalidCellError``); with ``bad_rows="collect"`` the good rows are
    kept and the errors returned in ``.rejected``. A missing column raises
    ``MissingColumnError``, a truncated workbook ``UnreadableFileError``,
    a CSV not in UTF-8 ``UnsupportedEncodingError``.

    >>> import motcua
    >>> table = motcua.read_export("export.csv")  # doctest: +SKIP
    >>> motcua.report_table(table, "2026-Q3", group_by="field")  # doctest: +SKIP
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError(f"path must be a str or a path, not {type(path).__name__}")
    if bad_rows not in ("raise", "collect"):
        raise InvalidArgumentError(f'bad_rows must be "raise" or "collect", not {bad_rows!r}')
    columns, rejected, found = _motcua._read_export(
        os.fspath(path),
        _aliases(mapping),
        _names("statuses", statuses),
        _names("channels", channels),
        bad_rows == "collect",
    )
    return ExportTable(columns, rejected, found, os.path.basename(os.fspath(path)))
