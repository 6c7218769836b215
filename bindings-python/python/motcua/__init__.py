"""motcua: the rules of Vietnam's one-stop public administrative service.

The working calendar of the state sector (lunar Tết, Giỗ Tổ, nghỉ bù, the
official yearly schedules with swapped days and make-up Saturdays), the
lunar calendar at UTC+7, and working-time arithmetic, computed by the Rust
core shared with the WASM module.

>>> import datetime as dt, motcua
>>> cal = motcua.Calendar.vietnam()
>>> cal.add_working_days(dt.date(2026, 2, 13), 1)
datetime.date(2026, 2, 23)
>>> motcua.to_lunar(dt.date(2026, 2, 17))
LunarDate(year=2026, month=1, day=1, leap=False)

Dates are ``datetime.date``; instants are ``datetime.datetime`` in Vietnam
local time (UTC+7): naive datetimes are taken as Vietnam local time, aware
ones are converted to it, and results are aware (UTC+7) exactly when the
input was.
"""

from motcua._errors import (
    CalendarMismatchError,
    ConcurrentUseError,
    DocumentTooLargeError,
    DossierFinishedError,
    DuplicateDossierCodeError,
    EventOutOfOrderError,
    InternalError,
    InvalidArgumentError,
    InvalidCellError,
    InvalidCalendarDataError,
    InvalidDossierCodeError,
    InvalidDossierError,
    InvalidDurationError,
    InvalidCorrectionError,
    InvalidExtensionError,
    InvalidLunarDateError,
    InvalidPortalPayloadError,
    InvalidProcedureError,
    InvalidSessionsError,
    InvalidTransitionError,
    InvalidTypeError,
    MissingColumnError,
    MotcuaError,
    OutOfRangeError,
    SequenceExhaustedError,
    UnknownProcedureError,
    UnreadableFileError,
    UnsupportedEncodingError,
)
from motcua._motcua import (
    Calendar,
    Catalog,
    Dossier,
    DossierCode,
    DossierCodeGenerator,
    Explanation,
    Holiday,
    LunarDate,
    Methodology,
    Period,
    PeriodReport,
    Procedure,
    Score,
    Scorecard,
    UnitRegistry,
    MAX_DOCUMENT_BYTES,
    DOSSIER_FACTS,
    __version__,
    appointment_changes,
    calendar_changes,
    from_lunar,
    index_inputs_from_dvcqg,
    sample_center,
    sample_petitions,
    to_lunar,
    validate_portal_sync,
    year_name,
)
from motcua._impact import appointment_changes_frame
from motcua._status import Status
from motcua._due import due_dates
from motcua._export import ExportTable, read_export
from motcua._table import records_frame, report_table

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "DOSSIER_FACTS",
    "Calendar",
    "Catalog",
    "Dossier",
    "DossierCode",
    "DossierCodeGenerator",
    "CalendarMismatchError",
    "ConcurrentUseError",
    "DocumentTooLargeError",
    "DossierFinishedError",
    "DuplicateDossierCodeError",
    "EventOutOfOrderError",
    "Explanation",
    "Holiday",
    "InternalError",
    "InvalidArgumentError",
    "InvalidCellError",
    "InvalidCalendarDataError",
    "InvalidDossierCodeError",
    "InvalidDossierError",
    "InvalidDurationError",
    "InvalidCorrectionError",
    "InvalidExtensionError",
    "InvalidLunarDateError",
    "InvalidPortalPayloadError",
    "InvalidProcedureError",
    "InvalidSessionsError",
    "InvalidTransitionError",
    "InvalidTypeError",
    "MissingColumnError",
    "LunarDate",
    "Methodology",
    "MotcuaError",
    "OutOfRangeError",
    "Period",
    "PeriodReport",
    "Procedure",
    "ExportTable",
    "Score",
    "Scorecard",
    "SequenceExhaustedError",
    "Status",
    "UnitRegistry",
    "UnknownProcedureError",
    "UnreadableFileError",
    "UnsupportedEncodingError",
    "__version__",
    "appointment_changes",
    "appointment_changes_frame",
    "calendar_changes",
    "from_lunar",
    "index_inputs_from_dvcqg",
    "read_export",
    "records_frame",
    "report_table",
    "due_dates",
    "sample_center",
    "sample_petitions",
    "to_lunar",
    "validate_portal_sync",
    "year_name",
]
