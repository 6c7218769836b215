//! The one public error type of motcua.
//!
//! Every failure carries an [`ErrorKind`] with a stable machine code (for
//! example `calendar.out_of_range`) that the Python and JavaScript bindings
//! expose unchanged, and a message that says what was wrong and what was
//! expected. Messages never echo personal data.

use std::fmt;

/// What went wrong, as a stable category. New kinds may be added in minor
/// releases, so matches need a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A date or instant lies outside the range a calendar or table covers.
    OutOfRange,
    /// A lunar date that does not exist (day 30 of a 29-day month, a leap
    /// flag on a month that is not leap, month 13, …).
    InvalidLunarDate,
    /// A duration that is negative, not finite, or too large.
    InvalidDuration,
    /// Working sessions that are empty, overlapping, out of order or outside
    /// the day.
    InvalidSessions,
    /// A calendar data document (official schedule or center overrides) that
    /// is malformed: the message names the field and the value.
    InvalidCalendarData,
    /// A value of the right type but outside what the call accepts.
    InvalidArgument,
    /// A procedure (TTHC) definition that is malformed or inconsistent
    /// (a workflow whose budgets do not sum to the processing time, …).
    InvalidProcedure,
    /// A procedure code that the catalog does not hold.
    UnknownProcedure,
    /// A dossier code that is not `AGENCY-YYMMDD-NNNN`.
    InvalidDossierCode,
    /// A dossier code that is already in use.
    DuplicateDossierCode,
    /// The 10,000th dossier of an agency on one day: the code has 4 digits.
    SequenceExhausted,
    /// An event that the dossier's current status does not allow.
    InvalidTransition,
    /// An event dated before the dossier's previous event.
    EventOutOfOrder,
    /// An event on a dossier whose processing has ended.
    DossierFinished,
    /// A second extension, or a new appointment that is not later.
    InvalidExtension,
    /// A dossier or event log document that is malformed.
    InvalidDossier,
    /// A dossier document recorded on another calendar than the one it is
    /// read on (see `Calendar::stamp`): its due dates could differ.
    CalendarMismatch,
    /// A national-portal payload that is malformed; the message names the
    /// field.
    InvalidPayload,
    /// A JSON document above [`crate::MAX_DOCUMENT_BYTES`] (16 MiB), refused
    /// before it is parsed, whatever it was meant to be: one code for every
    /// reader, so a caller can tell "too big" from "malformed".
    DocumentTooLarge,
}

impl ErrorKind {
    /// Every kind, for the bindings' tests that each code has its
    /// exception class (a new kind must be added here: the match in
    /// [`ErrorKind::code`] lists the same variants).
    pub const ALL: [ErrorKind; 19] = [
        ErrorKind::OutOfRange,
        ErrorKind::InvalidLunarDate,
        ErrorKind::InvalidDuration,
        ErrorKind::InvalidSessions,
        ErrorKind::InvalidCalendarData,
        ErrorKind::InvalidArgument,
        ErrorKind::InvalidProcedure,
        ErrorKind::UnknownProcedure,
        ErrorKind::InvalidDossierCode,
        ErrorKind::DuplicateDossierCode,
        ErrorKind::SequenceExhausted,
        ErrorKind::InvalidTransition,
        ErrorKind::EventOutOfOrder,
        ErrorKind::DossierFinished,
        ErrorKind::InvalidExtension,
        ErrorKind::InvalidDossier,
        ErrorKind::CalendarMismatch,
        ErrorKind::InvalidPayload,
        ErrorKind::DocumentTooLarge,
    ];

    /// The stable machine code of this kind, shared by all runtimes.
    pub const fn code(self) -> &'static str {
        match self {
            ErrorKind::OutOfRange => "calendar.out_of_range",
            ErrorKind::InvalidLunarDate => "lunar.invalid_date",
            ErrorKind::InvalidDuration => "calendar.invalid_duration",
            ErrorKind::InvalidSessions => "calendar.invalid_sessions",
            ErrorKind::InvalidCalendarData => "calendar.invalid_data",
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::InvalidProcedure => "procedure.invalid",
            ErrorKind::UnknownProcedure => "procedure.unknown",
            ErrorKind::InvalidDossierCode => "dossier.invalid_code",
            ErrorKind::DuplicateDossierCode => "dossier.duplicate_code",
            ErrorKind::SequenceExhausted => "dossier.sequence_exhausted",
            ErrorKind::InvalidTransition => "dossier.invalid_transition",
            ErrorKind::EventOutOfOrder => "dossier.event_out_of_order",
            ErrorKind::DossierFinished => "dossier.finished",
            ErrorKind::InvalidExtension => "dossier.invalid_extension",
            ErrorKind::InvalidDossier => "dossier.invalid",
            ErrorKind::CalendarMismatch => "dossier.calendar_mismatch",
            ErrorKind::InvalidPayload => "portal.invalid_payload",
            ErrorKind::DocumentTooLarge => "document.too_large",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A motcua error: a kind with a stable code, a human-readable message
/// and, where the error has a place, where: the field path in the document
/// (`workflow[1].budget`) and the index of the event in the dossier's log.
/// The bindings expose the place as attributes (`path`, `event_index` in
/// Python, `path`, `eventIndex` in JS), so a caller need not parse the
/// message, which says the same in words.
///
/// Boxed, so that a `Result` of a small value (a date, a count) stays small
/// on the hot paths where errors are rare.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.message)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    message: String,
    path: Option<String>,
    event_index: Option<usize>,
}

impl Error {
    /// Creates an error of `kind` with an explanatory message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self(Box::new(Inner {
            kind,
            message: message.into(),
            path: None,
            event_index: None,
        }))
    }

    /// The same error at the field `path` of its document (empty: the
    /// document itself, no path).
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        let path = path.into();
        self.0.path = (!path.is_empty()).then_some(path);
        self
    }

    /// The same error caused by the event at `index` of a dossier's log;
    /// the message is prefixed with `events[index]: `.
    pub fn at_event(mut self, index: usize) -> Self {
        self.0.message = format!("events[{index}]: {}", self.0.message);
        self.0.event_index = Some(index);
        self
    }

    /// The field path in the document the error is about, e.g.
    /// `procedures[2].processing_time.days`, if it has one.
    pub fn path(&self) -> Option<&str> {
        self.0.path.as_deref()
    }

    /// The index of the event of the dossier's log that caused the error,
    /// if an event did.
    pub fn event_index(&self) -> Option<usize> {
        self.0.event_index
    }

    /// The category of the error.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The stable machine code, e.g. `calendar.out_of_range`.
    pub fn code(&self) -> &'static str {
        self.0.kind.code()
    }

    /// The message alone, without the code.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

/// `Result` with motcua's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
