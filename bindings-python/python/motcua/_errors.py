"""The exceptions of motcua.

Every error is a ``MotcuaError`` with a stable ``.code`` shared with the Rust
core and the WASM module (for example ``calendar.out_of_range``). Each
subclass also inherits the built-in exception that fits, so ``except
ValueError`` keeps working in code that does not know motcua. Exceptions
pickle, so they cross process pools.
"""

from __future__ import annotations


class MotcuaError(Exception):
    """Base class of every motcua error; ``.code`` is stable, the message is not.

    Where the error has a place, ``.path`` is the field path in the document
    (``"procedures[2].processing_time.days"``) and ``.event_index`` the index
    of the event of the dossier's log that caused it; for a file (a vendor's
    export), ``.file``, ``.row`` (the header is row 1) and ``.column`` (its
    header). Each is ``None`` where it does not apply.

    ``.message_vi`` is the message in Vietnamese, for pages and slips: the
    code's sentence and the error's place (the English message keeps the
    detail). It comes from the Rust core, the same in every runtime; a code
    without a sentence (none of motcua's) keeps the English message.
    """

    code: str = "motcua.error"

    def __init__(
        self,
        message: str,
        code: str | None = None,
        path: str | None = None,
        event_index: int | None = None,
        message_vi: str | None = None,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.path = path
        self.event_index = event_index
        self.file = file
        self.row = row
        self.column = column
        if message_vi is None:
            from motcua._motcua import _message_vi

            message_vi = _message_vi(self.code) or message
        self.message_vi = message_vi

    def __reduce__(
        self,
    ) -> tuple[
        type[MotcuaError],
        tuple[str, str, str | None, int | None, str, str | None, int | None, str | None],
    ]:
        return (
            type(self),
            (
                self.message,
                self.code,
                self.path,
                self.event_index,
                self.message_vi,
                self.file,
                self.row,
                self.column,
            ),
        )


class OutOfRangeError(MotcuaError, ValueError):
    """A date, instant or year outside the supported range."""

    code = "calendar.out_of_range"


class InvalidLunarDateError(MotcuaError, ValueError):
    """A lunar date that does not exist."""

    code = "lunar.invalid_date"


class InvalidDurationError(MotcuaError, ValueError):
    """A duration that is negative, not finite or too large."""

    code = "calendar.invalid_duration"


class InvalidSessionsError(MotcuaError, ValueError):
    """Working sessions that are empty, overlapping or out of order."""

    code = "calendar.invalid_sessions"


class InvalidCalendarDataError(MotcuaError, ValueError):
    """A malformed calendar data document; the message names the field and value."""

    code = "calendar.invalid_data"


class InvalidArgumentError(MotcuaError, ValueError):
    """A value of the right type that the call does not accept."""

    code = "invalid_argument"


class InvalidTypeError(MotcuaError, TypeError):
    """An argument of the wrong type (``None`` where a date is expected, …)."""

    code = "invalid_type"


class InvalidProcedureError(MotcuaError, ValueError):
    """A procedure definition that is malformed or inconsistent."""

    code = "procedure.invalid"


class _UnquotedKeyError(MotcuaError, KeyError):
    """A motcua error that is a ``KeyError`` too, printed as its message
    (``KeyError`` alone would print it in quotes)."""

    def __str__(self) -> str:
        return self.message


class UnknownProcedureError(_UnquotedKeyError):
    """A procedure code the catalog does not hold."""

    code = "procedure.unknown"


class InvalidDossierCodeError(MotcuaError, ValueError):
    """A dossier code that is not AGENCY-YYMMDD-NNNN."""

    code = "dossier.invalid_code"


class DuplicateDossierCodeError(MotcuaError, ValueError):
    """A dossier code already in use."""

    code = "dossier.duplicate_code"


class SequenceExhaustedError(MotcuaError, ValueError):
    """The 10,000th dossier of an agency on one day."""

    code = "dossier.sequence_exhausted"


class InvalidTransitionError(MotcuaError, ValueError):
    """An event the dossier's status does not allow."""

    code = "dossier.invalid_transition"


class EventOutOfOrderError(MotcuaError, ValueError):
    """An event dated before the previous one."""

    code = "dossier.event_out_of_order"


class DossierFinishedError(MotcuaError, ValueError):
    """An event on a dossier whose processing has ended."""

    code = "dossier.finished"


class InvalidExtensionError(MotcuaError, ValueError):
    """A second extension, or a new appointment that is not later."""

    code = "dossier.invalid_extension"


class InvalidCorrectionError(MotcuaError, ValueError):
    """A void or an amendment that names no earlier entry, corrects a
    correction or a voided entry, or lacks its reason or actor."""

    code = "dossier.invalid_correction"


class InvalidDossierError(MotcuaError, ValueError):
    """A malformed dossier or event-log document."""

    code = "dossier.invalid"


class CalendarMismatchError(MotcuaError, ValueError):
    """A dossier document recorded on another calendar than the one it is read on.

    Its due dates could differ; ``Dossier.from_json(text, calendar, reevaluate=True)``
    replays it on the new calendar on purpose.
    """

    code = "dossier.calendar_mismatch"


class InvalidPortalPayloadError(MotcuaError, ValueError):
    """A national-portal payload that breaks the portal's schema; the message names the field."""

    code = "portal.invalid_payload"


class DocumentTooLargeError(MotcuaError, ValueError):
    """A JSON document above 16 MiB (``motcua.MAX_DOCUMENT_BYTES``), refused before it is parsed."""

    code = "document.too_large"


class ConcurrentUseError(MotcuaError, RuntimeError):
    """A call that found its object in use by another call.

    Calls convert their arguments before they touch the object and hold it
    only while Rust runs, under the GIL, so calls from several threads take
    turns; this is raised, instead of pyo3's bare ``RuntimeError``, if two
    ever overlap (a callback of one call into the same object).
    """

    code = "concurrent_use"


class MissingColumnError(_UnquotedKeyError):
    """A table or file without a column the call reads; the message lists the expected columns."""

    code = "table.missing_column"


class InvalidCellError(MotcuaError, ValueError):
    """A cell of a file that cannot be read as its column's value (a date not
    dd/mm/yyyy HH:mm, an unknown status); ``.file``, ``.row``, ``.column`` say where."""

    code = "table.invalid_value"


class UnreadableFileError(MotcuaError, ValueError):
    """A file that is not what its reader expects (a truncated workbook)."""

    code = "file.unreadable"


class UnsupportedEncodingError(MotcuaError, UnicodeError):
    """A text file that is not UTF-8 (Windows-1258, TCVN3, UTF-16): save it as CSV UTF-8."""

    code = "file.encoding"


class InternalError(MotcuaError, RuntimeError):
    """A bug in motcua: a Rust panic caught at the boundary (please report it).

    Without this, the panic would surface as pyo3's ``PanicException``, a
    ``BaseException`` that ``except Exception`` does not catch.
    """

    code = "internal"


#: The exception class of each error code raised by the core.
BY_CODE = {
    cls.code: cls
    for cls in (
        OutOfRangeError,
        InvalidLunarDateError,
        InvalidDurationError,
        InvalidSessionsError,
        InvalidCalendarDataError,
        InvalidArgumentError,
        InvalidTypeError,
        InvalidProcedureError,
        UnknownProcedureError,
        InvalidDossierCodeError,
        DuplicateDossierCodeError,
        SequenceExhaustedError,
        InvalidTransitionError,
        EventOutOfOrderError,
        DossierFinishedError,
        InvalidExtensionError,
        InvalidCorrectionError,
        InvalidDossierError,
        CalendarMismatchError,
        InvalidPortalPayloadError,
        DocumentTooLargeError,
        ConcurrentUseError,
        MissingColumnError,
        InvalidCellError,
        UnreadableFileError,
        UnsupportedEncodingError,
        InternalError,
    )
}
