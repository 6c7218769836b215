//! The one public error type of motcua.
//!
//! Every failure carries an [`ErrorKind`] with a stable machine code (for
//! example `calendar.out_of_range`) that the Python and JavaScript bindings
//! expose unchanged, and a message that says what was wrong and what was
//! expected. Messages never echo personal data.
//!
//! Every error also has a Vietnamese message ([`Error::message_vi`]) for
//! the pages and slips that officials and citizens read. Policy: it is
//! the kind's sentence with the error's place, while the English message
//! keeps the detail (the value found, the labels expected), so one
//! translated sentence per kind stays right as the detailed messages
//! change. [`binding`] holds the codes the bindings raise themselves, with
//! their sentences, so that every runtime says the same.

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
        /// A correction (void, amend) that names no earlier lifecycle
        /// entry, corrects a correction or a voided entry, or lacks its
        /// reason or actor.
        InvalidCorrection = "dossier.invalid_correction",
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
        /// A table or file without a column the call reads (a dossier table
        /// without `ending`, a vendor's export without its status column);
        /// the message lists the columns expected and found.
        MissingColumn = "table.missing_column",
        /// A cell that cannot be read as its column's value: a date that is
        /// not `dd/mm/yyyy HH:mm`, a status no name or code of which it is,
        /// two columns that claim one field. The error names the file, the
        /// row and the column ([`Error::file`], [`Error::row`],
        /// [`Error::column`]).
        InvalidCell = "table.invalid_value",
        /// A file that is not what its reader expects: a truncated or
        /// corrupt workbook, a file that cannot be read at all.
        UnreadableFile = "file.unreadable",
        /// A text file that is not UTF-8 (a CSV saved in Windows-1258 or
        /// TCVN3, or in UTF-16): refused rather than decoded by a guess.
        UnsupportedEncoding = "file.encoding",
        /// A bug in motcua, to report: a value that `to_json` could not
        /// write (its documents have text keys and plain values, so this
        /// should not happen; it is returned rather than an empty text), or
        /// a panic that a binding caught at its boundary.
        Internal = "internal",
    }
}

impl ErrorKind {
    /// The kind's sentence in Vietnamese, as a one-stop desk would say it.
    pub fn message_vi(self) -> &'static str {
        match self {
            ErrorKind::OutOfRange => "Ngày hoặc thời điểm nằm ngoài phạm vi mà lịch hỗ trợ.",
            ErrorKind::InvalidLunarDate => "Ngày âm lịch này không tồn tại.",
            ErrorKind::InvalidDuration => "Thời hạn không hợp lệ: âm, không xác định hoặc quá lớn.",
            ErrorKind::InvalidSessions => {
                "Giờ làm việc không hợp lệ: trống, chồng lấn, sai thứ tự hoặc vượt ra ngoài ngày."
            }
            ErrorKind::InvalidCalendarData => {
                "Dữ liệu lịch (lịch nghỉ chính thức hoặc điều chỉnh của trung tâm) không hợp lệ."
            }
            ErrorKind::InvalidArgument => "Giá trị này không được chấp nhận.",
            ErrorKind::InvalidProcedure => "Khai báo thủ tục hành chính không hợp lệ.",
            ErrorKind::UnknownProcedure => "Mã thủ tục hành chính không có trong danh mục.",
            ErrorKind::InvalidDossierCode => "Mã hồ sơ không đúng định dạng.",
            ErrorKind::DuplicateDossierCode => "Mã hồ sơ này đã được sử dụng.",
            ErrorKind::SequenceExhausted => {
                "Cơ quan đã dùng hết số thứ tự hồ sơ trong ngày (tối đa 9.999)."
            }
            ErrorKind::InvalidTransition => {
                "Thao tác này không được phép ở trạng thái hiện tại của hồ sơ."
            }
            ErrorKind::EventOutOfOrder => "Thời điểm của thao tác sớm hơn thao tác trước đó.",
            ErrorKind::DossierFinished => "Hồ sơ đã kết thúc xử lý.",
            ErrorKind::InvalidExtension => {
                "Không thể gia hạn: hồ sơ đã được gia hạn, hoặc ngày hẹn mới không muộn hơn."
            }
            ErrorKind::InvalidCorrection => {
                "Không thể đính chính: bước cần sửa không tồn tại, là một lần đính chính, đã bị hủy, hoặc thiếu lý do hay người thực hiện."
            }
            ErrorKind::InvalidDossier => "Dữ liệu hồ sơ hoặc nhật ký xử lý không hợp lệ.",
            ErrorKind::CalendarMismatch => {
                "Hồ sơ được ghi theo một lịch làm việc khác, nên hạn xử lý có thể khác."
            }
            ErrorKind::InvalidPayload => {
                "Dữ liệu đồng bộ với Cổng Dịch vụ công quốc gia không hợp lệ."
            }
            ErrorKind::DocumentTooLarge => "Tài liệu JSON vượt quá 16 MiB.",
            ErrorKind::MissingColumn => "Bảng dữ liệu thiếu một cột cần đọc.",
            ErrorKind::InvalidCell => "Giá trị trong ô không đọc được theo cột của nó.",
            ErrorKind::UnreadableFile => "Không đọc được tệp: tệp bị cắt cụt, hỏng hoặc sai loại.",
            ErrorKind::UnsupportedEncoding => {
                "Tệp văn bản không ở bảng mã UTF-8 (ví dụ Windows-1258 hoặc TCVN3): hãy lưu lại dưới dạng CSV UTF-8."
            }
            ErrorKind::Internal => "Lỗi nội bộ của motcua; xin vui lòng báo lại.",
        }
    }
}

/// The Vietnamese sentence of any code a caller can meet, the core's
/// ([`ErrorKind::message_vi`]) or a binding's ([`binding::message_vi`]);
/// `None` for an unknown code.
pub fn message_vi_of(code: &str) -> Option<&'static str> {
    code.parse::<ErrorKind>()
        .ok()
        .map(ErrorKind::message_vi)
        .or_else(|| binding::message_vi(code))
}

/// The codes that the bindings raise themselves, for what Rust's types
/// rule out (an argument of the wrong type, a date in a string), kept here
/// with their Vietnamese sentences so that both bindings say the same.
pub mod binding {
    /// An argument of the wrong type, or aware and naive instants mixed.
    pub const INVALID_TYPE: &str = "invalid_type";
    /// A string that is not a well-formed ISO date or instant (JS).
    pub const INVALID_FORMAT: &str = "invalid_format";
    /// A call that found its object in use by another call (Python).
    pub const CONCURRENT_USE: &str = "concurrent_use";

    /// The Vietnamese sentence of one of these codes, `None` for another.
    pub fn message_vi(code: &str) -> Option<&'static str> {
        Some(match code {
            INVALID_TYPE => "Tham số có kiểu dữ liệu không đúng.",
            INVALID_FORMAT => "Ngày hoặc thời điểm không đúng định dạng ISO.",
            CONCURRENT_USE => "Đối tượng đang được một lệnh gọi khác sử dụng.",
            _ => return None,
        })
    }
}

/// A motcua error: a kind with a stable code, a human-readable message
/// and, where the error has a place, where: the field path in the document
/// (`workflow[1].budget`), the index of the event in the dossier's log, or
/// the file, row and column of a spreadsheet or CSV.
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
    cell: Option<Box<Cell>>,
}

/// Where in a file an error is: the file, and the row and column when the
/// error is about one cell or one row.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cell {
    file: String,
    row: Option<u64>,
    column: Option<String>,
}

impl Error {
    /// Creates an error of `kind` with an explanatory message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self(Box::new(Inner {
            kind,
            message: message.into(),
            path: None,
            event_index: None,
            cell: None,
        }))
    }

    /// The same error in the file `file`, at `row` (numbered as a
    /// spreadsheet numbers them: the header is row 1) and the column headed
    /// `column`, when it is about a row or a cell; the message is prefixed
    /// with the place (`export.csv, row 12, column "Ngày tiếp nhận": `).
    pub fn in_file(mut self, file: &str, row: Option<u64>, column: Option<&str>) -> Self {
        let mut place = file.to_owned();
        if let Some(row) = row {
            place.push_str(&format!(", row {row}"));
        }
        if let Some(column) = column {
            place.push_str(&format!(", column {column:?}"));
        }
        self.0.message = format!("{place}: {}", self.0.message);
        self.0.cell = Some(Box::new(Cell {
            file: file.to_owned(),
            row,
            column: column.map(str::to_owned),
        }));
        self
    }

    /// The file the error is in, if it is about a file.
    pub fn file(&self) -> Option<&str> {
        self.0.cell.as_ref().map(|c| c.file.as_str())
    }

    /// The row of the file (the header is row 1), if the error is about a
    /// row.
    pub fn row(&self) -> Option<u64> {
        self.0.cell.as_ref().and_then(|c| c.row)
    }

    /// The header of the column, if the error is about a column.
    pub fn column(&self) -> Option<&str> {
        self.0.cell.as_ref().and_then(|c| c.column.as_deref())
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

    /// The message in Vietnamese: the kind's sentence
    /// ([`ErrorKind::message_vi`]) and the error's place, the field and
    /// the event of the log (the module's policy on translations).
    pub fn message_vi(&self) -> String {
        let mut text = self.0.kind.message_vi().to_owned();
        if let Some(path) = self.path() {
            text.push_str(&format!(" Trường: {path}."));
        }
        if let Some(index) = self.event_index() {
            text.push_str(&format!(" Sự kiện: events[{index}]."));
        }
        if let Some(file) = self.file() {
            text.push_str(&format!(" Tệp: {file}."));
        }
        if let Some(row) = self.row() {
            text.push_str(&format!(" Dòng: {row}."));
        }
        if let Some(column) = self.column() {
            text.push_str(&format!(" Cột: {column}."));
        }
        text
    }
}

/// `Result` with motcua's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
