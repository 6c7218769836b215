//! The one public error type of motcua.
//!
//! Every failure carries an [`ErrorKind`] with a stable machine code (for
//! example `calendar.out_of_range`) that the Python and JavaScript bindings
//! expose unchanged, and a message that says what was wrong and what was
//! expected. Messages never echo personal data.

crate::labels::labelled! {
    /// What went wrong, as a stable category. New kinds may be added in minor
    /// releases, so matches need a wildcard arm.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum ErrorKind: "error kind" {
        /// A date or instant lies outside the range a calendar or table covers.
        OutOfRange = "calendar.out_of_range",
        /// A lunar date that does not exist (day 30 of a 29-day month, a leap
        /// flag on a month that is not leap, month 13, …).
        InvalidLunarDate = "lunar.invalid_date",
        /// A duration that is negative, not finite, or too large.
        InvalidDuration = "calendar.invalid_duration",
        /// Working sessions that are empty, overlapping, out of order or outside
        /// the day.
        InvalidSessions = "calendar.invalid_sessions",
        /// A calendar data document (official schedule or center overrides) that
        /// is malformed: the message names the field and the value.
        InvalidCalendarData = "calendar.invalid_data",
        /// A value of the right type but outside what the call accepts.
        InvalidArgument = "invalid_argument",
        /// A procedure (TTHC) definition that is malformed or inconsistent
        /// (a workflow whose budgets do not sum to the processing time, …).
        InvalidProcedure = "procedure.invalid",
        /// A procedure code that the catalog does not hold.
        UnknownProcedure = "procedure.unknown",
        /// A dossier code that is not `AGENCY-YYMMDD-NNNN`.
        InvalidDossierCode = "dossier.invalid_code",
        /// A dossier code that is already in use.
        DuplicateDossierCode = "dossier.duplicate_code",
        /// The 10,000th dossier of an agency on one day: the code has 4 digits.
        SequenceExhausted = "dossier.sequence_exhausted",
        /// An event that the dossier's current status does not allow.
        InvalidTransition = "dossier.invalid_transition",
        /// An event dated before the dossier's previous event.
        EventOutOfOrder = "dossier.event_out_of_order",
        /// An event on a dossier whose processing has ended.
        DossierFinished = "dossier.finished",
        /// A second extension, or a new appointment that is not later.
        InvalidExtension = "dossier.invalid_extension",
        /// A dossier or event log document that is malformed.
        InvalidDossier = "dossier.invalid",
        /// A dossier document recorded on another calendar than the one it is
        /// read on (see `Calendar::stamp`): its due dates could differ.
        CalendarMismatch = "dossier.calendar_mismatch",
        /// A national-portal payload that is malformed; the message names the
        /// field.
        InvalidPayload = "portal.invalid_payload",
        /// A JSON document above [`crate::MAX_DOCUMENT_BYTES`] (16 MiB), refused
        /// before it is parsed, whatever it was meant to be: one code for every
        /// reader, so a caller can tell "too big" from "malformed".
        DocumentTooLarge = "document.too_large",
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
