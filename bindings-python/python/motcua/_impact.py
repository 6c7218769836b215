"""Change impact as a pandas DataFrame: one row per dossier whose appointment
a calendar change moves.

The rows are :func:`motcua.appointment_changes`' results, flattened: the
letter's new appointment and reason become columns (missing for closed
dossiers), and the changed dates one list column. The dossiers are a list of
:class:`motcua.Dossier`, or a records table (a pandas DataFrame exported by a
one-stop system) with the columns ``code``, ``procedure`` (the national code
in ``catalog``), ``received_at`` and optionally ``channel``, ``ended_at`` and
``ending``: each row becomes the log it implies
(:meth:`motcua.Dossier.from_record`).
"""

from __future__ import annotations

import datetime as dt
import importlib
import typing
from collections import abc

from motcua import _motcua
from motcua._errors import InvalidArgumentError, MissingColumnError

COLUMNS = (
    "code",
    "procedure_code",
    "status",
    "open",
    "old_due",
    "new_due",
    "old_timeliness",
    "new_timeliness",
    "changed_dates",
    "new_appointment_at",
    "reason_vi",
    "reason_en",
)


def _from_table(table: typing.Any, catalog: _motcua.Catalog, after: _motcua.Calendar) -> list[_motcua.Dossier]:
    """The dossiers of a records table's rows."""
    missing = [c for c in ("code", "procedure", "received_at") if c not in table.columns]
    if missing:
        raise MissingColumnError(
            f"the records table lacks column(s) {', '.join(missing)}; it has code, procedure, "
            f"received_at (optional: channel, ended_at, ending); found: {', '.join(map(str, table.columns))}"
        )

    def cell(row: typing.Any, name: str) -> typing.Any:
        value = row.get(name) if name in table.columns else None
        if value is None or (not isinstance(value, str) and bool(importlib.import_module("pandas").isna(value))):
            return None
        return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value

    return [
        _motcua.Dossier.from_record(
            procedure=catalog[str(row["procedure"])],
            code=str(row["code"]),
            received_at=cell(row, "received_at"),
            channel=cell(row, "channel"),
            ended_at=cell(row, "ended_at"),
            ending=cell(row, "ending"),
            calendar=after,
        )
        for _, row in table.iterrows()
    ]


def appointment_changes_frame(
    dossiers: abc.Iterable[_motcua.Dossier] | typing.Any,
    before: _motcua.Calendar,
    after: _motcua.Calendar,
    as_of: dt.datetime,
    *,
    catalog: _motcua.Catalog | None = None,
) -> typing.Any:
    """The dossiers whose due date the change from ``before`` to ``after``
    moves, as a DataFrame with the columns of ``COLUMNS`` (needs pandas).
    ``dossiers`` is a list of dossiers, or a records table read with
    ``catalog`` (see the module).

    >>> import datetime as dt, motcua
    >>> motcua.appointment_changes_frame([], motcua.Calendar.vietnam(),
    ...     motcua.Calendar.vietnam(), dt.datetime(2026, 12, 1)).columns[:3].tolist()
    ['code', 'procedure_code', 'status']
    """
    pd = importlib.import_module("pandas")
    if isinstance(dossiers, pd.DataFrame):
        if catalog is None:
            raise InvalidArgumentError("a records table needs catalog= to read its procedures")
        dossiers = _from_table(dossiers, catalog, after)
    rows = []
    for change in _motcua.appointment_changes(dossiers, before, after, as_of):
        letter = change.get("letter") or {}
        rows.append(
            {
                "code": change["code"],
                "procedure_code": change["procedure_code"],
                "status": change["status"],
                "open": change["open"],
                "old_due": change["old_due"],
                "new_due": change["new_due"],
                "old_timeliness": change["old_timeliness"],
                "new_timeliness": change["new_timeliness"],
                "changed_dates": [day["date"] for day in change["days"]],
                "new_appointment_at": letter.get("new_appointment_at"),
                "reason_vi": letter.get("reason_vi"),
                "reason_en": letter.get("reason_en"),
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS))
