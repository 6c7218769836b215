//! Dossier tables (pandas, pyarrow, Polars) into reports and the index, in
//! one call with the GIL released. `motcua/_table.py` turns a table into
//! columns: group keys and the `channel`/`ending` texts as integer codes
//! into a list of labels (as `pandas.factorize` and Arrow dictionaries
//! give them), instants as int64 seconds of Vietnam local time (NaT is the
//! minimum int64). The labels are checked here, so the codes stay those of
//! the core.
//!
//! The counting runs without the GIL, so it never reads the caller's
//! arrays, which another Python thread could change or free meanwhile
//! (the rule of [`crate::batch::owned`]). It streams instead: each thread
//! copies a block of its rows while the GIL is held, counts the block
//! without it, and goes on to its next block in the same buffers. A copy
//! of the whole table would touch every page of ~50 bytes a row for the
//! first time, and on this machine those page faults alone took longer
//! than the count (`benches/python/bench_table.py`, issue 18).

use std::borrow::Cow;

use numpy::PyReadonlyArray1;
use pyo3::prelude::*;

use motcua::dossier::{Fact, Facts};
use motcua::index::PeriodSummary;
use motcua::procedure::Channel;
use motcua::report::{CodedRows, Ending, GroupBy, ReportRecord};
use motcua::{Error, ErrorKind};

use crate::convert::{local_seconds, NAT};
use crate::errors::{borrow, borrow_mut, exception, IntoPy};
use crate::labels::Labels;
use crate::report::{period_arg, PeriodReport};

/// Rows a thread copies and counts at a time: its buffers (~3 MiB) stay in
/// cache and are reused block after block, and the hand-overs of the GIL
/// between blocks are a few hundred for ten million rows.
const BLOCK: usize = 1 << 16;

/// The columns of a dossier table, borrowed from numpy arrays: read only
/// while the GIL is held.
struct Table<'a> {
    keys: Option<&'a [i32]>,
    splits: Option<&'a [i32]>,
    channel: &'a [i32],
    received_at: &'a [i64],
    due_at: &'a [i64],
    ended_at: &'a [i64],
    ending: &'a [i32],
    paused: &'a [bool],
    supplement_requests: &'a [i64],
    /// One boolean column per fact the table records; none: the table
    /// records no facts, and the index does not measure them.
    facts: Vec<(Fact, &'a [bool])>,
}

/// The labels the codes of a table point to.
struct TableLabels<'a> {
    /// The group labels; one empty label for a table without a group
    /// column (its rows all count in one).
    keys: &'a [String],
    channels: &'a [Channel],
    endings: &'a [Ending],
}

/// A block of a table's rows, copied (see the module's comment): the same
/// columns, owned, from row `first` on; each row's facts gathered in one
/// set.
#[derive(Default)]
struct Block {
    first: usize,
    keys: Option<Vec<i32>>,
    splits: Option<Vec<i32>>,
    channel: Vec<i32>,
    received_at: Vec<i64>,
    due_at: Vec<i64>,
    ended_at: Vec<i64>,
    ending: Vec<i32>,
    paused: Vec<bool>,
    supplement_requests: Vec<i64>,
    facts: Option<Vec<Facts>>,
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

impl Block {
    /// Copies the table's `rows` into the block, over what it held.
    fn fill(&mut self, table: &Table<'_>, rows: std::ops::Range<usize>) {
        fn copy<T: Copy>(into: &mut Vec<T>, from: &[T], rows: &std::ops::Range<usize>) {
            into.clear();
            into.extend_from_slice(&from[rows.clone()]);
        }
        fn copy_some(
            into: &mut Option<Vec<i32>>,
            from: Option<&[i32]>,
            rows: &std::ops::Range<usize>,
        ) {
            if let Some(from) = from {
                copy(into.get_or_insert_with(Vec::new), from, rows);
            }
        }
        self.first = rows.start;
        copy_some(&mut self.keys, table.keys, &rows);
        copy_some(&mut self.splits, table.splits, &rows);
        copy(&mut self.channel, table.channel, &rows);
        copy(&mut self.received_at, table.received_at, &rows);
        copy(&mut self.due_at, table.due_at, &rows);
        copy(&mut self.ended_at, table.ended_at, &rows);
        copy(&mut self.ending, table.ending, &rows);
        copy(&mut self.paused, table.paused, &rows);
        copy(
            &mut self.supplement_requests,
            table.supplement_requests,
            &rows,
        );
        if !table.facts.is_empty() {
            let facts = self.facts.get_or_insert_with(Vec::new);
            facts.clear();
            facts.extend(rows.map(|row| {
                table
                    .facts
                    .iter()
                    .filter(|(_, column)| column[row])
                    .map(|&(fact, _)| fact)
                    .collect::<Facts>()
            }));
        }
    }

    /// The record of the block's row `i` (row `first + i` of the table,
    /// as errors name it).
    fn record(&self, labels: &TableLabels<'_>, i: usize) -> Result<ReportRecord, Error> {
        let row = self.first + i;
        let ending = match self.ending[i] {
            -1 => None,
            code => Some(*label(row, "ending", code, labels.endings)?),
        };
        let supplement_requests = u32::try_from(self.supplement_requests[i]).map_err(|_| {
            row_error(
                row,
                format!(
                    "supplement_requests {} is not a count",
                    self.supplement_requests[i]
                ),
            )
        })?;
        Ok(ReportRecord {
            channel: *label(row, "channel", self.channel[i], labels.channels)?,
            received_at: instant(row, "received_at", self.received_at[i])?,
            due_at: instant(row, "due_at", self.due_at[i])?,
            ended_at: instant(row, "ended_at", self.ended_at[i])?,
            ending,
            paused: self.paused[i],
            supplement_requests,
            facts: self.facts.as_ref().map(|facts| facts[i]),
        })
    }

    /// Counts the block's rows into `parts` (one per split label, or
    /// one), their rows by the code of their group label.
    fn count(&self, labels: &TableLabels<'_>, parts: &mut [Part]) -> Result<(), Error> {
        for i in 0..self.channel.len() {
            let row = self.first + i;
            let record = self.record(labels, i)?;
            let key = match &self.keys {
                Some(keys) => {
                    label(row, "the group column", keys[i], labels.keys)?;
                    keys[i] as u32
                }
                None => 0,
            };
            let part = match &self.splits {
                Some(splits) => {
                    let s = usize::try_from(splits[i])
                        .ok()
                        .filter(|&s| s < parts.len())
                        .ok_or_else(|| row_error(row, "the split column is missing".into()))?;
                    &mut parts[s]
                }
                None => &mut parts[0],
            };
            part.summary.add_coded_record(&mut part.rows, key, &record);
        }
        Ok(())
    }
}

/// What a table's rows of one split label count into: the summary, and
/// its rows by group code until they are named at the end.
#[derive(Clone)]
struct Part {
    summary: PeriodSummary,
    rows: CodedRows,
}

impl Part {
    /// The part's summary with its rows named by `labels` (moved into
    /// them when owned).
    fn named<'a>(mut self, labels: impl Into<Cow<'a, [String]>>) -> Result<PeriodSummary, Error> {
        self.summary.report.add_coded_rows(self.rows, labels)?;
        Ok(self.summary)
    }

    /// Adds `other`, the same split label's rows counted on another thread.
    fn merge(&mut self, other: &Part) -> Result<(), Error> {
        self.summary.merge(&other.summary)?;
        self.rows.add_all(&other.rows);
        Ok(())
    }
}

/// One thread's share of a table: its rows, the block it is on, its
/// counts so far, and the error that stopped it.
struct Worker {
    rows: std::ops::Range<usize>,
    block: Block,
    parts: Vec<Part>,
    failed: Option<Error>,
}

impl Worker {
    /// The rows of its next block; none when its rows are counted or it
    /// failed.
    fn next_block(&self, round: usize) -> Option<std::ops::Range<usize>> {
        let start = self.rows.start + round * BLOCK;
        (self.failed.is_none() && start < self.rows.end)
            .then(|| start..(start + BLOCK).min(self.rows.end))
    }
}

/// Counts `table` on `threads` threads, each over a contiguous share of the
/// rows in [`BLOCK`]s: copied with the GIL held, counted without it. The
/// shares' summaries merge in row order, the same counts as one thread's;
/// the first error in row order wins (a thread stops at its first, and
/// the threads after a failed one stop too: their rows come later). The
/// parts merge without the GIL.
fn count(
    py: Python<'_>,
    table: &Table<'_>,
    labels: &TableLabels<'_>,
    empty: Vec<Part>,
    threads: usize,
) -> PyResult<Vec<Part>> {
    let rows = table.channel.len();
    let shares = crate::batch::useful_threads(rows, threads);
    let size = rows.div_ceil(shares).max(1);
    let mut workers: Vec<Worker> = (0..shares)
        .map(|w| Worker {
            rows: (w * size).min(rows)..((w + 1) * size).min(rows),
            block: Block::default(),
            parts: empty.clone(),
            failed: None,
        })
        .collect();
    for round in 0.. {
        if let Some(w) = workers.iter().position(|w| w.failed.is_some()) {
            workers.truncate(w + 1);
        }
        if workers.iter().all(|w| w.next_block(round).is_none()) {
            break;
        }
        // `in_chunks` over the workers, one per thread: each its own.
        crate::batch::in_chunks(&mut workers, shares, |_, mine| {
            for w in mine.iter_mut() {
                if let Some(block) = w.next_block(round) {
                    w.block.fill(table, block);
                }
            }
            Ok(())
        })
        .py(py)?;
        py.detach(|| {
            crate::batch::in_chunks(&mut workers, shares, |_, mine| {
                for w in mine.iter_mut() {
                    if w.next_block(round).is_some() {
                        if let Err(e) = w.block.count(labels, &mut w.parts) {
                            w.failed = Some(e);
                        }
                    }
                }
                Ok(())
            })
        })
        .py(py)?;
    }
    if let Some(e) = workers.iter_mut().find_map(|w| w.failed.take()) {
        return Err(e).py(py);
    }
    py.detach(|| {
        let mut workers = workers.into_iter();
        let mut parts = workers.next().map_or(empty, |w| w.parts);
        for w in workers {
            for (mine, theirs) in parts.iter_mut().zip(&w.parts) {
                mine.merge(theirs)?;
            }
        }
        Ok::<_, Error>(parts)
    })
    .py(py)
}

/// The parts' summaries, their rows named by `keys`: moved into the one
/// part of a table counted whole, copied into each part of a split one.
fn named(parts: Vec<Part>, keys: Cow<'_, [String]>) -> Result<Vec<PeriodSummary>, Error> {
    match <[Part; 1]>::try_from(parts) {
        Ok([whole]) => Ok(vec![whole.named(keys)?]),
        Err(parts) => parts.into_iter().map(|p| p.named(&*keys)).collect(),
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
    key_labels: &Bound<'py, Labels>,
    splits: Option<PyReadonlyArray1<'py, i32>>,
    split_labels: &Bound<'py, Labels>,
    channel: PyReadonlyArray1<'py, i32>,
    channel_labels: &Bound<'py, Labels>,
    received_at: PyReadonlyArray1<'py, i64>,
    due_at: PyReadonlyArray1<'py, i64>,
    ended_at: PyReadonlyArray1<'py, i64>,
    ending: PyReadonlyArray1<'py, i32>,
    ending_labels: &Bound<'py, Labels>,
    paused: PyReadonlyArray1<'py, bool>,
    supplement_requests: PyReadonlyArray1<'py, i64>,
    facts: Vec<(String, PyReadonlyArray1<'py, bool>)>,
    threads: Option<usize>,
) -> PyResult<Vec<PeriodReport>> {
    crate::errors::guard(|| {
        let threads = crate::batch::thread_count(py, threads)?;
        let period = period_arg(py, period)?;
        let group_by: GroupBy = group_by.parse().py(py)?;
        let channels: Vec<Channel> =
            parse_labels(&borrow(channel_labels)?.0, channel.as_slice()?).py(py)?;
        let endings: Vec<Ending> =
            parse_labels(&borrow(ending_labels)?.0, ending.as_slice()?).py(py)?;
        let table = Table {
            keys: keys.as_ref().map(|k| k.as_slice()).transpose()?,
            splits: splits.as_ref().map(|s| s.as_slice()).transpose()?,
            channel: channel.as_slice()?,
            received_at: received_at.as_slice()?,
            due_at: due_at.as_slice()?,
            ended_at: ended_at.as_slice()?,
            ending: ending.as_slice()?,
            paused: paused.as_slice()?,
            supplement_requests: supplement_requests.as_slice()?,
            facts: facts
                .iter()
                .map(|(name, column)| Ok((name.parse::<Fact>().py(py)?, column.as_slice()?)))
                .collect::<PyResult<_>>()?,
        };
        let rows = table.channel.len();
        let mut lengths = vec![
            ("the group column", table.keys.map_or(rows, <[i32]>::len)),
            ("the split column", table.splits.map_or(rows, <[i32]>::len)),
            ("received_at", table.received_at.len()),
            ("due_at", table.due_at.len()),
            ("ended_at", table.ended_at.len()),
            ("ending", table.ending.len()),
            ("paused", table.paused.len()),
            ("supplement_requests", table.supplement_requests.len()),
        ];
        lengths.extend(table.facts.iter().map(|(f, c)| (f.code(), c.len())));
        if let Some((name, n)) = lengths.iter().find(|(_, n)| *n != rows) {
            return Err(exception(
                py,
                "invalid_argument",
                format!("columns of different lengths: channel has {rows} rows, {name} {n}"),
            ));
        }
        let parts = match table.splits {
            Some(_) => borrow(split_labels)?.0.len(),
            None => 1,
        };
        // A table counted whole moves its group labels into its report (a
        // copy of 10 M is about 560 MB); the parts of a split one copy
        // theirs. Taken after the channels, endings and split labels were
        // read: a group column may be one of them.
        let shared;
        let key_labels: Cow<'_, [String]> = match (table.keys, table.splits) {
            // A table without a group column: every row under one empty label.
            (None, _) => Cow::Owned(vec![String::new()]),
            (Some(_), None) => Cow::Owned(std::mem::take(&mut borrow_mut(key_labels)?.0)),
            (Some(_), Some(_)) => {
                shared = borrow(key_labels)?;
                Cow::Borrowed(&shared.0)
            }
        };
        let labels = TableLabels {
            keys: &key_labels,
            channels: &channels,
            endings: &endings,
        };
        // Each thread's rows of a whole table see most of its labels;
        // those of a part (a split label) few.
        let rows = if parts == 1 {
            CodedRows::dense(key_labels.len())
        } else {
            CodedRows::default()
        };
        let empty = vec![
            Part {
                summary: PeriodSummary::new(period, group_by),
                rows,
            };
            parts
        ];
        let parts = count(py, &table, &labels, empty, threads)?;
        let summaries = py.detach(|| named(parts, key_labels)).py(py)?;
        Ok(summaries.into_iter().map(PeriodReport).collect())
    })
}
