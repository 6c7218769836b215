//! Dossier tables (pandas, pyarrow, Polars) into reports and the index, in
//! one call with the GIL released. `motcua/_table.py` turns a table into
//! columns: group keys and the `channel`/`ending` texts as integer codes
//! into a list of labels (as `pandas.factorize` and Arrow dictionaries
//! give them), instants as int64 seconds of Vietnam local time (NaT is the
//! minimum int64). The labels are checked here, so the codes stay those of
//! the core.

use numpy::PyReadonlyArray1;
use pyo3::prelude::*;

use motcua::dossier::Fact;
use motcua::index::PeriodSummary;
use motcua::procedure::Channel;
use motcua::report::{Ending, GroupBy, ReportRecord};
use motcua::{Error, ErrorKind};

use crate::convert::{local_seconds, NAT};
use crate::errors::{exception, IntoPy};
use crate::report::{period_arg, PeriodReport};

/// The columns of a dossier table, borrowed from numpy arrays.
struct Columns<'a> {
    keys: Option<&'a [i32]>,
    key_labels: &'a [String],
    splits: Option<&'a [i32]>,
    channel: &'a [i32],
    channels: &'a [Channel],
    received_at: &'a [i64],
    due_at: &'a [i64],
    ended_at: &'a [i64],
    ending: &'a [i32],
    endings: &'a [Ending],
    paused: &'a [bool],
    supplement_requests: &'a [i64],
    /// One boolean column per fact the table records; none: the table
    /// records no facts, and the index does not measure them.
    facts: Vec<(Fact, &'a [bool])>,
}

fn row_error(row: usize, message: String) -> Error {
    Error::new(ErrorKind::InvalidArgument, format!("row {row}: {message}"))
}

fn instant(row: usize, column: &str, seconds: i64) -> Result<Option<chrono::NaiveDateTime>, Error> {
    if seconds == NAT {
        return Ok(None);
    }
    local_seconds(seconds).map(Some).ok_or_else(|| {
        Error::new(
            ErrorKind::OutOfRange,
            format!("row {row}: {column} is out of range"),
        )
    })
}

/// The label a code points to; `-1` (a missing value) and codes past the
/// labels are errors naming the row and column.
fn label<'a, T>(row: usize, column: &str, code: i32, labels: &'a [T]) -> Result<&'a T, Error> {
    usize::try_from(code)
        .ok()
        .and_then(|c| labels.get(c))
        .ok_or_else(|| row_error(row, format!("{column} is missing")))
}

impl Columns<'_> {
    fn record(&self, row: usize) -> Result<ReportRecord, Error> {
        let ending = match self.ending[row] {
            -1 => None,
            code => Some(*label(row, "ending", code, self.endings)?),
        };
        let supplement_requests = u32::try_from(self.supplement_requests[row]).map_err(|_| {
            row_error(
                row,
                format!(
                    "supplement_requests {} is not a count",
                    self.supplement_requests[row]
                ),
            )
        })?;
        Ok(ReportRecord {
            channel: *label(row, "channel", self.channel[row], self.channels)?,
            received_at: instant(row, "received_at", self.received_at[row])?,
            due_at: instant(row, "due_at", self.due_at[row])?,
            ended_at: instant(row, "ended_at", self.ended_at[row])?,
            ending,
            paused: self.paused[row],
            supplement_requests,
            facts: (!self.facts.is_empty()).then(|| {
                self.facts
                    .iter()
                    .filter(|(_, column)| column[row])
                    .map(|&(fact, _)| fact)
                    .collect()
            }),
        })
    }

    /// Counts the rows of `rows` into `summaries` (one per split label, or
    /// one).
    fn count(
        &self,
        rows: std::ops::Range<usize>,
        summaries: &mut [PeriodSummary],
    ) -> Result<(), Error> {
        for row in rows {
            let record = self.record(row)?;
            let key = match self.keys {
                Some(keys) => label(row, "the group column", keys[row], self.key_labels)?,
                None => "",
            };
            let summary = match self.splits {
                Some(splits) => {
                    let i = usize::try_from(splits[row])
                        .ok()
                        .filter(|&i| i < summaries.len())
                        .ok_or_else(|| row_error(row, "the split column is missing".into()))?;
                    &mut summaries[i]
                }
                None => &mut summaries[0],
            };
            summary.add_record(key, &record);
        }
        Ok(())
    }
}

/// Parses each label with `parse`, or names the bad one, the first row
/// that holds it and the accepted values.
fn parse_labels<T: std::str::FromStr<Err = Error>>(
    labels: &[String],
    codes: &[i32],
) -> Result<Vec<T>, Error> {
    labels
        .iter()
        .enumerate()
        .map(|(k, l)| {
            l.parse().map_err(|e: Error| {
                let row = codes.iter().position(|&c| usize::try_from(c) == Ok(k));
                let at = row.map_or(String::new(), |r| format!("row {r}: "));
                Error::new(e.kind(), format!("{at}{}", e.message()))
            })
        })
        .collect()
}

/// Reports (with their index counters) of a dossier table: one, or one per
/// split label, in label order. Every column has the table's length.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn _report_table<'py>(
    py: Python<'py>,
    period: &Bound<'py, PyAny>,
    group_by: &str,
    keys: Option<PyReadonlyArray1<'py, i32>>,
    key_labels: Vec<String>,
    splits: Option<PyReadonlyArray1<'py, i32>>,
    split_labels: Vec<String>,
    channel: PyReadonlyArray1<'py, i32>,
    channel_labels: Vec<String>,
    received_at: PyReadonlyArray1<'py, i64>,
    due_at: PyReadonlyArray1<'py, i64>,
    ended_at: PyReadonlyArray1<'py, i64>,
    ending: PyReadonlyArray1<'py, i32>,
    ending_labels: Vec<String>,
    paused: PyReadonlyArray1<'py, bool>,
    supplement_requests: PyReadonlyArray1<'py, i64>,
    facts: Vec<(String, PyReadonlyArray1<'py, bool>)>,
    threads: Option<usize>,
) -> PyResult<Vec<PeriodReport>> {
    crate::errors::guard(|| {
        let threads = crate::batch::thread_count(py, threads)?;
        let period = period_arg(py, period)?;
        let group_by: GroupBy = group_by.parse().py(py)?;
        let channels: Vec<Channel> = parse_labels(&channel_labels, channel.as_slice()?).py(py)?;
        let endings: Vec<Ending> = parse_labels(&ending_labels, ending.as_slice()?).py(py)?;
        let facts: Vec<(Fact, &[bool])> = facts
            .iter()
            .map(|(name, column)| Ok((name.parse::<Fact>().py(py)?, column.as_slice()?)))
            .collect::<PyResult<_>>()?;
        let columns = Columns {
            keys: keys.as_ref().map(|k| k.as_slice()).transpose()?,
            key_labels: &key_labels,
            splits: splits.as_ref().map(|s| s.as_slice()).transpose()?,
            channel: channel.as_slice()?,
            channels: &channels,
            received_at: received_at.as_slice()?,
            due_at: due_at.as_slice()?,
            ended_at: ended_at.as_slice()?,
            ending: ending.as_slice()?,
            endings: &endings,
            paused: paused.as_slice()?,
            supplement_requests: supplement_requests.as_slice()?,
            facts,
        };
        let rows = columns.channel.len();
        let mut lengths = vec![
            ("the group column", columns.keys.map_or(rows, <[i32]>::len)),
            (
                "the split column",
                columns.splits.map_or(rows, <[i32]>::len),
            ),
            ("received_at", columns.received_at.len()),
            ("due_at", columns.due_at.len()),
            ("ended_at", columns.ended_at.len()),
            ("ending", columns.ending.len()),
            ("paused", columns.paused.len()),
            ("supplement_requests", columns.supplement_requests.len()),
        ];
        lengths.extend(columns.facts.iter().map(|(f, c)| (f.code(), c.len())));
        if let Some((name, n)) = lengths.iter().find(|(_, n)| *n != rows) {
            return Err(exception(
                py,
                "invalid_argument",
                format!("columns of different lengths: channel has {rows} rows, {name} {n}"),
            ));
        }
        let parts = if columns.splits.is_some() {
            split_labels.len()
        } else {
            1
        };
        // One set of summaries per chunk of rows, counted on its own thread,
        // then merged in row order: the same counts as one thread's.
        let empty = vec![PeriodSummary::new(period, group_by); parts];
        let chunks = crate::batch::useful_threads(rows, threads);
        let mut partials = vec![empty.clone(); chunks];
        let size = rows.div_ceil(chunks).max(1);
        py.detach(|| {
            crate::batch::in_chunks(&mut partials, chunks, |c, part| {
                // One set of summaries per chunk: `part` is its one element.
                for (k, summaries) in part.iter_mut().enumerate() {
                    let start = (c + k) * size;
                    columns.count(start..(start + size).min(rows), summaries)?;
                }
                Ok(())
            })
        })
        .py(py)?;
        let mut partials = partials.into_iter();
        let mut summaries = partials.next().unwrap_or(empty);
        for part in partials {
            for (mine, theirs) in summaries.iter_mut().zip(&part) {
                mine.merge(theirs).py(py)?;
            }
        }
        Ok(summaries.into_iter().map(PeriodReport).collect())
    })
}
