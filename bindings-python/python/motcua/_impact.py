"""Change impact as a pandas DataFrame: one row per dossier whose appointment
a calendar change moves.

The rows are :func:`motcua.appointment_changes`' results, flattened: the
letter's new appointment and reason become columns (missing for closed
dossiers), and the changed dates one list column.
"""

from __future__ import annotations

import datetime as dt
import importlib
import typing
from collections import abc

from motcua import _motcua

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


def appointment_changes_frame(
    dossiers: abc.Iterable[_motcua.Dossier],
    before: _motcua.Calendar,
    after: _motcua.Calendar,
    as_of: dt.datetime,
) -> typing.Any:
    """The dossiers whose due date the change from ``before`` to ``after``
    moves, as a DataFrame with the columns of ``COLUMNS`` (needs pandas).

    >>> import datetime as dt, motcua
    >>> motcua.appointment_changes_frame([], motcua.Calendar.vietnam(),
    ...     motcua.Calendar.vietnam(), dt.datetime(2026, 12, 1)).columns[:3].tolist()
    ['code', 'procedure_code', 'status']
    """
    pd = importlib.import_module("pandas")
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
