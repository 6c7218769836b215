//! The files officials exchange, for Python: `PeriodReport.to_excel`,
//! `Scorecard.to_excel` (the core's .xlsx writers) and `read_export`'s
//! native half, which reads a vendor's export into the columns that
//! `motcua/_export.py` hands to `report_table`. The file is read and
//! written here, at the edge: the core takes and returns bytes.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use motcua::files::{self, BadRows, Column, ColumnMapping, Heading};
use motcua::report::{Period, PeriodReport};

use crate::convert::{self, NAT};
use crate::errors::{core_exception, exception, IntoPy};

/// Writes `bytes` to `path`, an I/O failure as Python's `OSError`.
fn write(path: &std::path::Path, bytes: Vec<u8>) -> PyResult<()> {
    std::fs::write(path, bytes).map_err(PyErr::from)
}

/// The heading of a file from the keyword arguments of `to_excel`; signed
/// by default on the day after `period` ends (no clock is read).
#[allow(clippy::too_many_arguments)]
pub(crate) fn heading(
    py: Python<'_>,
    period: &Period,
    unit: Option<String>,
    place: Option<String>,
    signed_on: Option<&Bound<'_, PyAny>>,
    recipient: Option<String>,
    signer: Option<String>,
    signer_title: Option<String>,
    row_names: Option<BTreeMap<String, String>>,
) -> PyResult<Heading> {
    let signed_on = match signed_on {
        Some(d) => convert::date(py, "signed_on", d)?,
        None => period.last.succ_opt().unwrap_or(period.last),
    };
    let mut heading = Heading::new(
        unit.unwrap_or_default(),
        place.unwrap_or_default(),
        signed_on,
    );
    heading.recipient = recipient;
    heading.signer = signer;
    if let Some(title) = signer_title {
        heading.signer_title = title;
    }
    heading.row_names = row_names.unwrap_or_default();
    Ok(heading)
}

/// Form II.06a of `report` written to `path`.
pub(crate) fn write_ii06a(
    py: Python<'_>,
    report: &PeriodReport,
    path: std::path::PathBuf,
    heading: &Heading,
) -> PyResult<()> {
    let bytes = files::ii06a_xlsx(report, heading).py(py)?;
    write(&path, bytes)
}

/// The scorecard written to `path`.
pub(crate) fn write_scorecard(
    py: Python<'_>,
    card: &motcua::index::Scorecard,
    methodology: &motcua::index::Methodology,
    month: &Period,
    path: std::path::PathBuf,
    heading: &Heading,
) -> PyResult<()> {
    let bytes = files::scorecard_xlsx(card, methodology, month, heading).py(py)?;
    write(&path, bytes)
}

/// A column's labels as integer codes into the distinct labels, in the
/// order they first appear (what `pandas.factorize` gives). The reader
/// shares one copy of each label, so a label is found by its address.
struct Coded {
    codes: Vec<i32>,
    labels: Vec<String>,
    index: HashMap<usize, i32>,
}

impl Coded {
    fn new() -> Self {
        Self {
            codes: Vec::new(),
            labels: Vec::new(),
            index: HashMap::new(),
        }
    }

    fn push(&mut self, label: Option<&Arc<str>>) {
        let code = match label {
            None => -1,
            Some(l) => *self.index.entry(l.as_ptr() as usize).or_insert_with(|| {
                self.labels.push(l.to_string());
                self.labels.len() as i32 - 1
            }),
        };
        self.codes.push(code);
    }

    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok((PyArray1::from_vec(py, self.codes), self.labels)
            .into_pyobject(py)?
            .into_any()
            .unbind())
    }
}

/// The mapping of `read_export`'s arguments: headers by column code, and
/// the vendor's names of statuses and channels.
fn mapping(
    py: Python<'_>,
    columns: BTreeMap<String, Vec<String>>,
    statuses: BTreeMap<String, String>,
    channels: BTreeMap<String, String>,
) -> PyResult<ColumnMapping> {
    let mut m = ColumnMapping::default();
    for (column, aliases) in columns {
        let column: Column = column.parse().py(py)?;
        let aliases: Vec<&str> = aliases.iter().map(String::as_str).collect();
        m = m.with(column, &aliases);
    }
    let defaults = ColumnMapping::default();
    for (name, status) in statuses {
        let s = defaults.status(&status).ok_or_else(|| {
            exception(
                py,
                motcua::ErrorKind::InvalidArgument.code(),
                format!("statuses[{name:?}]: {status:?} is no status (a code 1 to 10, a label such as \"returned\", or the portal's name)"),
            )
        })?;
        m = m.with_status(&name, s);
    }
    for (name, channel) in channels {
        let c = defaults.channel(&channel).ok_or_else(|| {
            exception(
                py,
                motcua::ErrorKind::InvalidArgument.code(),
                format!("channels[{name:?}]: {channel:?} is no channel (direct, online, postal)"),
            )
        })?;
        m = m.with_channel(&name, c);
    }
    Ok(m)
}

/// Reads the export at `path` into columns (a dict: numpy arrays; the
/// label columns as `(codes, labels)`; instants as int64 seconds, NaT the
/// minimum), the exceptions of the rows left out (with `collect`), and the
/// headers found by column.
#[pyfunction]
#[allow(clippy::type_complexity)]
pub fn _read_export(
    py: Python<'_>,
    path: std::path::PathBuf,
    columns: BTreeMap<String, Vec<String>>,
    statuses: BTreeMap<String, String>,
    channels: BTreeMap<String, String>,
    collect: bool,
) -> PyResult<(Py<PyDict>, Vec<Py<PyAny>>, BTreeMap<String, String>)> {
    crate::errors::guard(|| {
        let mapping = mapping(py, columns, statuses, channels)?;
        let bytes = std::fs::read(&path).map_err(PyErr::from)?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bad_rows = if collect {
            BadRows::Collect
        } else {
            BadRows::Fail
        };
        let export = py
            .detach(|| files::read_export(&name, &bytes, &mapping, bad_rows))
            .py(py)?;
        let n = export.rows.len();
        let seconds = |t: Option<chrono::NaiveDateTime>| t.map_or(NAT, |t| t.and_utc().timestamp());
        let out = PyDict::new(py);
        let mut channel = Coded::new();
        let mut ending = Coded::new();
        let labels: BTreeMap<&str, Arc<str>> = motcua::procedure::Channel::ALL
            .iter()
            .map(|c| (c.code(), Arc::from(c.code())))
            .chain(
                motcua::report::Ending::ALL
                    .iter()
                    .map(|e| (e.code(), Arc::from(e.code()))),
            )
            .collect();
        let (mut unit, mut field, mut procedure, mut receiving) =
            (Coded::new(), Coded::new(), Coded::new(), Coded::new());
        let (mut received, mut due, mut ended, mut returned) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        let (mut rows, mut codes, mut status, mut paused, mut supplements) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for r in &export.rows {
            rows.push(r.row as i64);
            codes.push(r.code.as_str());
            status.push(r.status.code());
            channel.push(labels.get(r.record.channel.code()));
            ending.push(r.record.ending.and_then(|e| labels.get(e.code())));
            unit.push(r.unit.as_ref());
            field.push(r.field.as_ref());
            procedure.push(r.procedure.as_ref());
            receiving.push(Some(&r.receiving_unit));
            received.push(seconds(r.record.received_at));
            due.push(seconds(r.record.due_at));
            ended.push(seconds(r.record.ended_at));
            returned.push(seconds(r.returned_at));
            paused.push(r.record.paused);
            supplements.push(i64::from(r.record.supplement_requests));
        }
        out.set_item("row", PyArray1::from_vec(py, rows))?;
        out.set_item("code", codes)?;
        out.set_item("status", PyArray1::from_vec(py, status))?;
        out.set_item("channel", channel.into_python(py)?)?;
        out.set_item("received_at", PyArray1::from_vec(py, received))?;
        out.set_item("due_at", PyArray1::from_vec(py, due))?;
        out.set_item("ended_at", PyArray1::from_vec(py, ended))?;
        out.set_item("ending", ending.into_python(py)?)?;
        out.set_item("paused", PyArray1::from_vec(py, paused))?;
        out.set_item("supplement_requests", PyArray1::from_vec(py, supplements))?;
        out.set_item("receiving_unit", receiving.into_python(py)?)?;
        // The optional columns only where the export has them.
        for (column, name, coded) in [
            (Column::Unit, "agency", unit),
            (Column::Field, "field", field),
            (Column::Procedure, "procedure", procedure),
        ] {
            if export.columns.contains_key(&column) {
                out.set_item(name, coded.into_python(py)?)?;
            }
        }
        if export.columns.contains_key(&Column::ReturnedAt) {
            out.set_item("returned_at", PyArray1::from_vec(py, returned))?;
        }
        let rejected = export
            .rejected
            .iter()
            .map(|e| core_exception(py, e).into_value(py).into_any())
            .collect();
        let found = export
            .columns
            .iter()
            .map(|(c, h)| (c.code().to_owned(), h.clone()))
            .collect();
        Ok((out.unbind(), rejected, found))
    })
}
