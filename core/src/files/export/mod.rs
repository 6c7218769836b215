//! Vendors' dossier exports, CSV or .xlsx with Vietnamese headers, read
//! into report records.
//!
//! A one-stop system exports one row per dossier: its code, when it was
//! received, its appointment, when processing ended, its status, its
//! channel, and often its field and unit. [`read_export`] finds each column
//! by its header ([`ColumnMapping`]), reads each cell as its column's value
//! ([`cells`]) and turns each row into the [`ReportRecord`] the period
//! report counts, so that an official's own export gives the II.06a figures
//! motcua computes from event logs.
//!
//! A row's status decides how it ended (policy `EXPORT_STATUS`):
//! - 1 (submitted): not accepted, whatever its reception cell says;
//! - 2, 4: in progress; 5, 6: in progress and paused (the appointment
//!   column is taken as the due date in force);
//! - 8: stopped when the row dates the end of processing (the national
//!   portal scores 8 as an end, Decree 118/2025/NĐ-CP as amended), paused
//!   in progress when it does not (a procedure whose stop policy pauses, a
//!   dossier of Decree 61/2018);
//! - 3: refused after appraisal when the row has an appointment (only an
//!   accepted dossier gets one), refused at reception otherwise;
//! - 7 withdrawn, 9 and 10 resolved: each needs its end date.
//!
//! A row that breaks a rule is an error naming the file, the row and the
//! column ([`Error::file`], [`Error::row`], [`Error::column`]); with
//! [`BadRows::Collect`] the reader keeps the other rows and returns the
//! errors apart. A file-level fault (a missing column, two headers for one
//! column, a truncated workbook, a legacy encoding) always fails. Nothing
//! is guessed: an unknown status, a date in another form or an empty cell
//! where one is needed is an error, never a default.

mod cells;
mod encoding;
mod mapping;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDateTime;

pub use mapping::{Column, ColumnMapping};

use crate::dossier::{DossierCode, Status};
use crate::error::{Error, ErrorKind, Result};
use crate::procedure::Channel;
use crate::report::{Ending, GroupBy, Period, PeriodReport, ReportRecord};

/// What the reader does with a row that breaks a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BadRows {
    /// Fail on the first one.
    #[default]
    Fail,
    /// Keep the good rows and return the bad rows' errors in
    /// [`Export::rejected`].
    Collect,
}

/// One dossier of an export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    /// Its row in the file (the header is row 1).
    pub row: u64,
    /// The dossier code.
    pub code: String,
    /// The status the export gives.
    pub status: Status,
    /// The receiving unit: the agency identifier of the code.
    pub receiving_unit: Arc<str>,
    /// The handling unit (column [`Column::Unit`]), if the export has it.
    pub unit: Option<Arc<str>>,
    /// The field (column [`Column::Field`]), if the export has it.
    pub field: Option<Arc<str>>,
    /// The procedure code (column [`Column::Procedure`]), if the export
    /// has it.
    pub procedure: Option<Arc<str>>,
    /// When the result was handed over, if the export says.
    pub returned_at: Option<NaiveDateTime>,
    /// What the period report counts.
    pub record: ReportRecord,
}

/// The rows of an export, and the errors of the rows left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// The file's name, as given to the reader.
    pub file: String,
    /// The columns found, by field.
    pub columns: BTreeMap<Column, String>,
    /// The rows read.
    pub rows: Vec<ExportRow>,
    /// The errors of rows left out ([`BadRows::Collect`]), in row order.
    pub rejected: Vec<Error>,
}

impl Export {
    /// The group key of a row: the export's column for the grouping, or
    /// the code's agency for the receiving unit. Errors for a grouping the
    /// export has no column for ([`ErrorKind::MissingColumn`]).
    pub fn key<'a>(&self, row: &'a ExportRow, group_by: GroupBy) -> Result<&'a str> {
        let column = match group_by {
            GroupBy::Total => return Ok(""),
            GroupBy::ReceivingUnit => return Ok(&row.receiving_unit),
            GroupBy::Agency => (Column::Unit, &row.unit),
            GroupBy::Field => (Column::Field, &row.field),
            GroupBy::Procedure => (Column::Procedure, &row.procedure),
            GroupBy::CompetentUnit => {
                return Err(Error::new(
                    ErrorKind::MissingColumn,
                    "an export does not say which unit was competent for a cross-boundary dossier: group by receiving_unit or agency",
                )
                .in_file(&self.file, None, None))
            }
        };
        column.1.as_deref().ok_or_else(|| {
            Error::new(
                ErrorKind::MissingColumn,
                format!(
                    "grouping by {} needs the column {} (headers read as it: {})",
                    group_by.code(),
                    column.0.code(),
                    column.0.default_aliases().join(", ")
                ),
            )
            .in_file(&self.file, None, None)
        })
    }

    /// The period report of the export's rows, grouped by `group_by`.
    pub fn report(&self, period: Period, group_by: GroupBy) -> Result<PeriodReport> {
        let mut report = PeriodReport::new(period, group_by);
        for row in &self.rows {
            report.add_record(self.key(row, group_by)?, &row.record);
        }
        Ok(report)
    }
}

/// Reads a dossier export: an .xlsx workbook (its first sheet) when the
/// bytes are a zip, else CSV (UTF-8, the delimiter `,`, `;` or tab that the
/// header row uses most). `file` names it in errors.
///
/// ```
/// use motcua::files::{read_export, BadRows, ColumnMapping};
/// use motcua::report::{GroupBy, Period};
///
/// let csv = "Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Trạng thái,Hình thức nộp,Lĩnh vực\n\
///            H21.227-261005-0001,05/10/2026 09:00,12/10/2026 09:00,09/10/2026 10:00,Đã trả kết quả,Trực tuyến,Hộ tịch\n";
/// let export = read_export("xa-ia-grai.csv", csv.as_bytes(), &ColumnMapping::default(), BadRows::Fail)?;
/// let report = export.report(Period::month(2026, 10)?, GroupBy::Field)?;
/// assert_eq!(report.rows["Hộ tịch"].early, 1);
/// # Ok::<(), motcua::Error>(())
/// ```
pub fn read_export(
    file: &str,
    bytes: &[u8],
    mapping: &ColumnMapping,
    bad_rows: BadRows,
) -> Result<Export> {
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(file, bytes, mapping, bad_rows);
    }
    if file.to_lowercase().ends_with(".xlsx") {
        return Err(Error::new(
            ErrorKind::UnreadableFile,
            "the file is named .xlsx but is not a workbook (no zip header)",
        )
        .in_file(file, None, None));
    }
    read_csv(file, bytes, mapping, bad_rows)
}

/// A cell as the reader sees it.
enum Cell<'a> {
    Empty,
    Text(&'a str),
    /// A number the workbook stores (an integer status code).
    Number(f64),
    /// A date the workbook stores, to the second (`None`: out of range).
    Date(Option<NaiveDateTime>),
    /// A value no column holds: a spreadsheet error, a boolean, a
    /// duration, named for the message.
    Other(&'static str),
}

/// The state of one read: the columns found and the interned labels.
struct Reader<'m> {
    file: String,
    mapping: &'m ColumnMapping,
    headers: Vec<String>,
    /// Where each column is, by `Column as usize`.
    at: Vec<Option<usize>>,
    seen: Seen,
    export: Export,
    bad_rows: BadRows,
}

impl<'m> Reader<'m> {
    fn new(
        file: &str,
        headers: Vec<String>,
        mapping: &'m ColumnMapping,
        bad_rows: BadRows,
    ) -> Result<Self> {
        let at = mapping
            .locate(&headers)
            .map_err(|e| e.in_file(file, Some(1), None))?;
        let columns = at
            .iter()
            .filter_map(|(c, i)| i.map(|i| (*c, headers[i].clone())))
            .collect();
        Ok(Self {
            file: file.to_owned(),
            mapping,
            headers,
            at: Column::ALL.iter().map(|c| at[c]).collect(),
            seen: Seen::default(),
            export: Export {
                file: file.to_owned(),
                columns,
                rows: Vec::new(),
                rejected: Vec::new(),
            },
            bad_rows,
        })
    }

    /// Reads one row of cells (`get(i)` is the cell of column `i`).
    fn row<'c>(&mut self, row: u64, get: impl Fn(usize) -> Cell<'c>) -> Result<()> {
        match self.parse(row, &get) {
            Ok(parsed) => {
                self.export.rows.push(parsed);
                Ok(())
            }
            Err(e) if self.bad_rows == BadRows::Collect => {
                self.export.rejected.push(e);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    fn parse<'c>(&mut self, row: u64, get: &impl Fn(usize) -> Cell<'c>) -> Result<ExportRow> {
        let cell = |column: Column| self.at[column as usize].map_or(Cell::Empty, get);
        // Every error of a row is a cell's: its row and its column's header.
        let fail = |column: Column, message: String| {
            let header = self.at[column as usize].map(|i| self.headers[i].as_str());
            Error::new(ErrorKind::InvalidCell, message).in_file(&self.file, Some(row), header)
        };
        let text = |column: Column| -> Result<Option<Cow<'c, str>>> {
            match cell(column) {
                Cell::Empty => Ok(None),
                Cell::Text(t) => {
                    let t = t.trim();
                    Ok((!t.is_empty()).then_some(Cow::Borrowed(t)))
                }
                Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                    Ok(Some(Cow::Owned(format!("{}", n as i64))))
                }
                Cell::Number(n) => Ok(Some(Cow::Owned(n.to_string()))),
                Cell::Date(_) => Err(fail(column, "a date where text is expected".into())),
                Cell::Other(what) => Err(fail(column, format!("the cell holds {what}"))),
            }
        };
        let instant = |column: Column| -> Result<Option<NaiveDateTime>> {
            match cell(column) {
                Cell::Empty => Ok(None),
                Cell::Text(t) if t.trim().is_empty() => Ok(None),
                Cell::Text(t) => cells::instant(t).map(Some).ok_or_else(|| {
                    fail(column, format!("{t:?} is not a date and time in one of the forms {}", cells::INSTANT_FORMS))
                }),
                Cell::Date(at) => at.map(Some).ok_or_else(|| fail(column, "the date is out of range".into())),
                Cell::Other(what) => Err(fail(column, format!("the cell holds {what}"))),
                Cell::Number(n) => Err(fail(column, format!("the number {n} is not a date: format the column as dates, or write them as dd/mm/yyyy HH:mm"))),
            }
        };
        // A cell that must not be empty.
        let required = |column: Column, what: &str| {
            text(column)?.ok_or_else(|| fail(column, format!("the {what} is empty")))
        };
        let code = required(Column::Code, "dossier code")?;
        let parsed = DossierCode::parse_any(&code)
            .map_err(|e| fail(Column::Code, e.message().to_owned()))?;
        let status_text = required(Column::Status, "status")?;
        let status = self.seen.status(self.mapping, &status_text).ok_or_else(|| {
            fail(Column::Status, format!("{status_text:?} is no status: expected {} (or map a vendor's name with ColumnMapping::with_status)", self.mapping.status_names()))
        })?;
        let channel_text = required(Column::Channel, "channel")?;
        let channel: Channel = self.seen.channel(self.mapping, &channel_text).ok_or_else(|| {
            fail(Column::Channel, format!("{channel_text:?} is no channel: expected Trực tiếp, Trực tuyến, Bưu chính, their codes 1 to 3, or direct, online, postal"))
        })?;
        let received = instant(Column::ReceivedAt)?;
        let due_at = instant(Column::DueAt)?;
        let ended = instant(Column::EndedAt)?;
        let returned_at = instant(Column::ReturnedAt)?;
        let needs_end = |ending: Ending| -> Result<Option<Ending>> {
            match ended {
                Some(_) => Ok(Some(ending)),
                None => Err(fail(
                    Column::EndedAt,
                    format!("status {} needs the date processing ended", status.code()),
                )),
            }
        };
        let needs_reception = || {
            received.ok_or_else(|| {
                fail(
                    Column::ReceivedAt,
                    format!("status {} needs the reception date", status.code()),
                )
            })
        };
        let (received_at, ended_at, ending) = match status {
            Status::Submitted => (None, None, None),
            Status::Accepted
            | Status::Processing
            | Status::SupplementRequested
            | Status::FinancialObligation => (Some(needs_reception()?), None, None),
            Status::Refused if due_at.is_some() => (
                Some(needs_reception()?),
                ended,
                needs_end(Ending::RefusedAfterAppraisal)?,
            ),
            // Refused at the desk: the end is the refusal, on the day of
            // the reception when the export gives no end.
            Status::Refused => {
                let at = ended.or(received).ok_or_else(|| {
                    fail(
                        Column::EndedAt,
                        "a refused dossier needs the date it was refused".into(),
                    )
                })?;
                (None, Some(at), Some(Ending::Refused))
            }
            Status::Withdrawn => (
                Some(needs_reception()?),
                ended,
                needs_end(Ending::Withdrawn)?,
            ),
            // Stopped when the export dates the end (the national portal
            // scores 8 as an end); a pause otherwise (a procedure whose stop
            // policy pauses, or a dossier of Decree 61/2018).
            Status::Suspended if ended.is_some() => {
                (Some(needs_reception()?), ended, Some(Ending::Stopped))
            }
            Status::Suspended => (Some(needs_reception()?), None, None),
            Status::Resolved | Status::Returned => (
                Some(needs_reception()?),
                ended,
                needs_end(Ending::Resolved)?,
            ),
        };
        if let (Some(r), Some(e)) = (received_at, ended_at) {
            if e < r {
                return Err(fail(
                    Column::EndedAt,
                    "processing ended before the dossier was received".into(),
                ));
            }
        }
        if let (Some(e), Some(r)) = (ended_at, returned_at) {
            if r < e {
                return Err(fail(
                    Column::ReturnedAt,
                    "the result was returned before processing ended".into(),
                ));
            }
        }
        let unit = text(Column::Unit)?;
        let field = text(Column::Field)?;
        let procedure = text(Column::Procedure)?;
        let record = ReportRecord {
            channel,
            received_at,
            due_at,
            ended_at,
            ending,
            paused: status.is_paused() && ending.is_none(),
            // A lower bound: an export shows a pending request, not the
            // ones already answered.
            supplement_requests: u32::from(status == Status::SupplementRequested),
            facts: None,
        };
        Ok(ExportRow {
            row,
            code: code.into_owned(),
            status,
            receiving_unit: self.seen.intern(parsed.agency()),
            unit: unit.map(|u| self.seen.intern(&u)),
            field: field.map(|f| self.seen.intern(&f)),
            procedure: procedure.map(|p| self.seen.intern(&p)),
            returned_at,
            record,
        })
    }
}

/// What a read has met already: each distinct label once, and the status
/// and channel of each distinct cell text, so that a million rows of a few
/// dozen labels normalise each text once.
/// A map with the fast hasher of short keys (as a report's rows use).
type FxHashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;

#[derive(Default)]
struct Seen {
    labels: FxHashMap<String, Arc<str>>,
    statuses: FxHashMap<String, Option<Status>>,
    channels: FxHashMap<String, Option<Channel>>,
}

impl Seen {
    /// One shared copy of each distinct label.
    fn intern(&mut self, text: &str) -> Arc<str> {
        if let Some(label) = self.labels.get(text) {
            return label.clone();
        }
        let label: Arc<str> = Arc::from(text);
        self.labels.insert(text.to_owned(), label.clone());
        label
    }

    fn status(&mut self, mapping: &ColumnMapping, text: &str) -> Option<Status> {
        cached(&mut self.statuses, text, |t| mapping.status(t))
    }

    fn channel(&mut self, mapping: &ColumnMapping, text: &str) -> Option<Channel> {
        cached(&mut self.channels, text, |t| mapping.channel(t))
    }
}

/// What `read` gives for `text`, read once per distinct text.
fn cached<T: Copy>(
    seen: &mut FxHashMap<String, Option<T>>,
    text: &str,
    read: impl FnOnce(&str) -> Option<T>,
) -> Option<T> {
    if let Some(value) = seen.get(text) {
        return *value;
    }
    let value = read(text);
    seen.insert(text.to_owned(), value);
    value
}

/// The delimiter the header row uses most, of `,`, `;` and tab.
fn delimiter(header: &[u8]) -> u8 {
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (header.iter().filter(|&&b| b == d).count(), d == b','))
        .unwrap_or(b',')
}

fn read_csv(
    file: &str,
    bytes: &[u8],
    mapping: &ColumnMapping,
    bad_rows: BadRows,
) -> Result<Export> {
    let bytes = encoding::without_bom(file, bytes)?;
    let header_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter(header_line))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    // A record that is not UTF-8 is the file's encoding: named with the
    // first row and column holding a foreign byte.
    let fault = |e: csv::Error, row: u64, headers: Option<&[String]>| match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            let column = headers.and_then(|h| h.get(err.field())).map(String::as_str);
            Error::new(ErrorKind::UnsupportedEncoding, encoding::foreign(bytes)).in_file(
                file,
                Some(row),
                column,
            )
        }
        _ => Error::new(ErrorKind::UnreadableFile, format!("not a CSV file: {e}")).in_file(
            file,
            Some(row),
            None,
        ),
    };
    let mut record = csv::StringRecord::new();
    if !csv
        .read_record(&mut record)
        .map_err(|e| fault(e, 1, None))?
    {
        return Err(
            Error::new(ErrorKind::MissingColumn, "the file is empty: no header row")
                .in_file(file, None, None),
        );
    }
    let headers: Vec<String> = record.iter().map(str::to_owned).collect();
    let mut reader = Reader::new(file, headers, mapping, bad_rows)?;
    // About as many rows as the first lines' length says.
    let line = (header_line.len() + 1).max(32);
    reader.export.rows.reserve(bytes.len() / line);
    let mut row = 1u64;
    while csv
        .read_record(&mut record)
        .map_err(|e| fault(e, row + 1, Some(&reader.headers)))?
    {
        row += 1;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        reader.row(row, |i| record.get(i).map_or(Cell::Empty, Cell::Text))?;
    }
    Ok(reader.export)
}

fn read_xlsx(
    file: &str,
    bytes: &[u8],
    mapping: &ColumnMapping,
    bad_rows: BadRows,
) -> Result<Export> {
    use calamine::{Data, Reader as _};
    let unreadable = |e: String| {
        Error::new(
            ErrorKind::UnreadableFile,
            format!("not a readable .xlsx workbook: {e}"),
        )
        .in_file(file, None, None)
    };
    let mut workbook: calamine::Xlsx<std::io::Cursor<&[u8]>> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
            .map_err(|e: calamine::XlsxError| unreadable(e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("it has no sheet".into()))?
        .map_err(|e| unreadable(e.to_string()))?;
    let start_row = u64::from(range.start().map_or(0, |(r, _)| r)) + 1;
    let start_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut rows = range.rows();
    let Some(header) = rows.next() else {
        return Err(Error::new(
            ErrorKind::MissingColumn,
            "the first sheet is empty: no header row",
        )
        .in_file(file, None, None));
    };
    // Columns before the used range are empty: headers index from column A.
    let mut headers = vec![String::new(); start_col];
    headers.extend(header.iter().map(|c| match c {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }));
    let mut reader = Reader::new(file, headers, mapping, bad_rows)?;
    for (i, cells) in rows.enumerate() {
        let row = start_row + 1 + i as u64;
        if cells.iter().all(|c| {
            matches!(c, Data::Empty) || matches!(c, Data::String(s) if s.trim().is_empty())
        }) {
            continue;
        }
        reader.row(row, |col| {
            let Some(data) = col.checked_sub(start_col).and_then(|c| cells.get(c)) else {
                return Cell::Empty;
            };
            match data {
                Data::Empty => Cell::Empty,
                Data::String(s) | Data::DateTimeIso(s) => Cell::Text(s.as_str()),
                Data::Int(n) => Cell::Number(*n as f64),
                Data::Float(n) => Cell::Number(*n),
                Data::DateTime(d) if d.is_datetime() => Cell::Date(excel_instant(d)),
                Data::DateTime(_) | Data::DurationIso(_) => Cell::Other("a duration"),
                Data::Bool(_) => Cell::Other("a true/false value"),
                Data::Error(_) => Cell::Other("a spreadsheet error (#N/A, #VALUE!, …)"),
            }
        })?;
    }
    Ok(reader.export)
}

/// A workbook's date to the second: Excel stores a fraction of a day, so
/// 09:30 may come back as 09:29:59.999.
fn excel_instant(d: &calamine::ExcelDateTime) -> Option<NaiveDateTime> {
    let (year, month, day, hour, minute, second, milli) = d.to_ymd_hms_milli();
    let at = chrono::NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())?.and_hms_opt(
        hour.into(),
        minute.into(),
        second.into(),
    )?;
    Some(at + chrono::Duration::seconds(i64::from(milli >= 500)))
}
