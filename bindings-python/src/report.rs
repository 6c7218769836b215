//! Reports, the 766 index, portal payloads and the sample center for
//! Python. Results are plain dicts (and pandas DataFrames on request).

use std::collections::BTreeMap;

use motcua::index::{self, IndexInputs, Lever, Ratio};
use motcua::report::{self as core, Added, GroupBy};
use numpy::{PyArray1, PyArrayMethods};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::convert::{self, to_python};
use crate::dossier::Dossier;
use crate::errors::{exception, wrong_type, IntoPy};

/// A reporting period: whole days, first and last included.
#[pyclass(frozen, eq, hash, module = "motcua")]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period(pub(crate) core::Period);

/// A ``period=`` argument: a ``Period``, or its text as
/// :meth:`Period.parse` reads it (``"2026-Q3"``).
pub(crate) fn period_arg(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<core::Period> {
    if let Ok(period) = value.cast::<Period>() {
        return Ok(period.get().0);
    }
    let text = value.extract::<String>().map_err(|_| {
        wrong_type(
            py,
            "period",
            "a motcua.Period or its text (\"2026-Q3\")",
            value,
        )
    })?;
    text.parse().py(py)
}

#[pymethods]
impl Period {
    /// A period from text: ``"2026"``, ``"2026-07"``, ``"2026-Q3"`` or
    /// ``"2026-07-01/2026-09-30"``.
    ///
    /// >>> import motcua
    /// >>> motcua.Period.parse("2026-Q3").last
    /// datetime.date(2026, 9, 30)
    #[staticmethod]
    fn parse(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let text = convert::text(py, "text", text)?;
            text.parse().py(py).map(Self)
        })
    }

    /// A custom period from ``first`` to ``last`` (dates, both included).
    #[new]
    fn new(py: Python<'_>, first: &Bound<'_, PyAny>, last: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let (first, last) = (
                convert::date(py, "first", first)?,
                convert::date(py, "last", last)?,
            );
            core::Period::new(first, last).py(py).map(Self)
        })
    }

    /// A calendar month.
    #[staticmethod]
    fn month(py: Python<'_>, year: &Bound<'_, PyAny>, month: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let (y, m) = (
                convert::int32(py, "year", year)?,
                convert::int32(py, "month", month)?,
            );
            core::Period::month(y, u32::try_from(m).unwrap_or(0))
                .py(py)
                .map(Self)
        })
    }

    /// A quarter, 1 to 4.
    #[staticmethod]
    fn quarter(
        py: Python<'_>,
        year: &Bound<'_, PyAny>,
        quarter: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        crate::errors::guard(|| {
            let (y, q) = (
                convert::int32(py, "year", year)?,
                convert::int32(py, "quarter", quarter)?,
            );
            core::Period::quarter(y, u32::try_from(q).unwrap_or(0))
                .py(py)
                .map(Self)
        })
    }

    /// A calendar year.
    #[staticmethod]
    fn year(py: Python<'_>, year: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            core::Period::year(convert::int32(py, "year", year)?)
                .py(py)
                .map(Self)
        })
    }

    /// First day.
    #[getter]
    fn first(&self) -> chrono::NaiveDate {
        self.0.first
    }

    /// Last day.
    #[getter]
    fn last(&self) -> chrono::NaiveDate {
        self.0.last
    }

    fn __repr__(&self) -> String {
        format!("Period({}, {})", self.0.first, self.0.last)
    }

    /// Pickles as its first and last days.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (chrono::NaiveDate, chrono::NaiveDate))> {
        crate::errors::guard(|| {
            let p = slf.get().0;
            Ok((slf.get_type().into_any(), (p.first, p.last)))
        })
    }
}

/// The II.06a period report, built by adding dossiers; it also gathers the
/// dossier-based inputs of the 766 index (:meth:`index_inputs`).
#[pyclass(module = "motcua")]
pub struct PeriodReport(pub(crate) index::PeriodSummary);

#[pymethods]
impl PeriodReport {
    /// An empty report of ``period`` grouped by ``"agency"`` (default),
    /// ``"field"``, ``"procedure"`` or ``"total"``.
    #[new]
    #[pyo3(signature = (period, group_by = None))]
    fn new(
        py: Python<'_>,
        period: &Bound<'_, PyAny>,
        group_by: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        crate::errors::guard(|| {
            let group_by = convert::text_or(py, "group_by", group_by, "agency")?;
            let group_by = group_by.as_str();
            let period = period_arg(py, period)?;
            Ok(Self(index::PeriodSummary::new(
                period,
                group_by.parse::<GroupBy>().py(py)?,
            )))
        })
    }

    /// Adds one dossier; returns ``None`` when counted, else why it was
    /// left out (``"received_after"``, ``"ended_before"``, ``"not_accepted"``).
    fn add(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        dossier: &Bound<'_, PyAny>,
    ) -> PyResult<Option<&'static str>> {
        crate::errors::guard(|| {
            let d = dossier
                .cast::<Dossier>()
                .map_err(|_| wrong_type(py, "dossier", "a motcua.Dossier", dossier))?;
            let d = crate::errors::borrow(d)?;
            let added = crate::errors::borrow_mut(slf)?.0.add(&d.0).py(py)?;
            Ok(match added {
                Added::Counted(_) => None,
                Added::Excluded(e) => Some(e.code()),
            })
        })
    }

    /// Adds every dossier of an iterable, all or none: they are counted
    /// apart and merged in at the end, so an error (a dossier added twice,
    /// a log that does not replay) leaves the report as it was. The report
    /// is not borrowed while the iterable's Python code runs.
    fn add_all(slf: &Bound<'_, Self>, py: Python<'_>, dossiers: &Bound<'_, PyAny>) -> PyResult<()> {
        crate::errors::guard(|| {
            let mut part = {
                let me = crate::errors::borrow(slf)?;
                index::PeriodSummary::new(me.0.report.period, me.0.report.group_by)
            };
            for d in dossiers.try_iter().map_err(|_| {
                wrong_type(py, "dossiers", "an iterable of motcua.Dossier", dossiers)
            })? {
                let d = d?;
                let d = d
                    .cast::<Dossier>()
                    .map_err(|_| wrong_type(py, "dossier", "a motcua.Dossier", &d))?;
                part.add(&crate::errors::borrow(d)?.0).py(py)?;
            }
            crate::errors::borrow_mut(slf)?.0.merge(&part).py(py)
        })
    }

    /// The rows, by group in group order: dicts of the II.06a columns.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        crate::errors::guard(|| {
            let names = column_names(py);
            let rows = PyDict::new(py);
            for (key, counts) in &self.0.report.rows {
                rows.set_item(key, counts_dict(py, &names, counts)?)?;
            }
            Ok(rows)
        })
    }

    /// The sum of all rows.
    #[getter]
    fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        crate::errors::guard(|| counts_dict(py, &column_names(py), &self.0.report.total()))
    }

    /// Dossiers left out, by reason.
    #[getter]
    fn excluded(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, &self.0.report.excluded))
    }

    /// The inputs of the 766 index, for :meth:`Methodology.score`: the
    /// dossier-based ones gathered by the report (with the dossiers'
    /// facts), those of the unit's ``procedures`` (a :class:`Catalog`:
    /// publications, payment on the portal, population data), plus
    /// ``typed``, a dict of ``publisher``, ``publications``, ``feedback``
    /// and ``feedback_as_of`` (see the Rust ``TypedInputs``).
    #[pyo3(signature = (typed = None, calendar = None, procedures = None))]
    fn index_inputs(
        &self,
        py: Python<'_>,
        typed: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
        procedures: Option<PyRef<'_, crate::dossier::Catalog>>,
    ) -> PyResult<BTreeMap<String, (u64, u64)>> {
        crate::errors::guard(|| {
            let typed = match typed {
                Some(t) => Some(
                    index::TypedInputs::from_json(&crate::convert::json_text(py, "typed", t)?)
                        .py(py)?,
                ),
                None => None,
            };
            let calendar = crate::calendar::calendar_arg(py, calendar)?;
            let procedures: Option<Vec<_>> =
                procedures.as_ref().map(|c| c.inner().iter().collect());
            Ok(pairs(
                self.0
                    .index_inputs(typed.as_ref(), procedures.as_deref(), &calendar)
                    .py(py)?,
            ))
        })
    }

    /// Adds ``other``, the report of other dossiers of the same period and
    /// grouping (another partition of the data), with its index inputs:
    /// merging the reports of the parts gives the report of the whole, in
    /// any order. Reports of other periods or groupings raise
    /// ``InvalidArgumentError`` and change nothing.
    fn merge(slf: &Bound<'_, Self>, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<()> {
        crate::errors::guard(|| {
            let other = other
                .cast::<PeriodReport>()
                .map_err(|_| wrong_type(py, "other", "a motcua.PeriodReport", other))?;
            // The same object twice: merge a copy, not a borrowed self.
            let theirs = crate::errors::borrow(other)?.0.clone();
            crate::errors::borrow_mut(slf)?.0.merge(&theirs).py(py)
        })
    }

    /// A copy (``copy.copy(report)``): its own rows and counts, which a
    /// merge into it leaves the original's unchanged.
    fn __copy__(&self) -> Self {
        Self(self.0.clone())
    }

    /// Pickles as its JSON state (rows, exclusions and index counts), so
    /// that partial reports cross process pools and Dask workers.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        crate::errors::guard(|| {
            let state = serde_json::to_string(&crate::errors::borrow(slf)?.0).map_err(|e| {
                crate::errors::exception(
                    py,
                    motcua::ErrorKind::Internal.code(),
                    format!("the report could not be written: {e}"),
                )
            })?;
            let from_state = py
                .import("motcua._motcua")?
                .getattr("_period_report_from_state")?;
            Ok((from_state, (state,)))
        })
    }

    /// The whole report as a dict.
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let out = to_python(py, &self.0.report)?;
            out.bind(py).set_item("total", self.total(py)?)?;
            Ok(out)
        })
    }

    /// Writes the report to ``path`` as an .xlsx file in the layout of form
    /// II.06a/VPCP/KSTT: title block, the two-level header over columns
    /// (1)–(13), the withdrawn, stopped and refused columns (14)–(17), a
    /// row per group and the total, and the signature block. ``unit`` is
    /// the reporting unit the title names, ``place`` and ``signed_on``
    /// (default: the day after the period) the signature's line;
    /// ``row_names`` prints names for row keys that are codes.
    #[pyo3(signature = (path, *, unit = None, place = None, signed_on = None, recipient = None, signer = None, signer_title = None, row_names = None))]
    #[allow(clippy::too_many_arguments)]
    fn to_excel(
        &self,
        py: Python<'_>,
        path: std::path::PathBuf,
        unit: Option<String>,
        place: Option<String>,
        signed_on: Option<&Bound<'_, PyAny>>,
        recipient: Option<String>,
        signer: Option<String>,
        signer_title: Option<String>,
        row_names: Option<BTreeMap<String, String>>,
    ) -> PyResult<()> {
        crate::errors::guard(|| {
            let report = &self.0.report;
            let heading = crate::files::heading(
                py,
                &report.period,
                unit,
                place,
                signed_on,
                recipient,
                signer,
                signer_title,
                row_names,
            )?;
            crate::files::write_ii06a(py, report, path, &heading)
        })
    }

    /// The rows as a pandas DataFrame indexed by group, in group order, a
    /// column of ``int64`` per II.06a column (pandas is an optional
    /// dependency). Built as one array of the counts, a column after
    /// another, that the frame keeps as it is: a report of millions of
    /// groups goes neither through a dict a row nor through pandas' copy
    /// of the array (3 s for 10 M groups).
    fn to_pandas(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let names = column_names(py);
            let rows = &self.0.report.rows;
            let n = rows.len();
            let mut keys = Vec::with_capacity(n);
            let mut values = vec![0_i64; n * names.len()];
            for (i, (key, counts)) in rows.into_iter().enumerate() {
                keys.push(key.as_str());
                for (j, (_, count)) in counts.columns().into_iter().enumerate() {
                    values[j * n + i] = count_i64(count).py(py)?;
                }
            }
            // Rows by columns, each column contiguous, as pandas holds them.
            let values = PyArray1::from_vec(py, values)
                .reshape([names.len(), n])?
                .getattr("T")?;
            let pandas = py.import("pandas")?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("index", pandas.getattr("Index")?.call1((keys,))?)?;
            kwargs.set_item("columns", names)?;
            // The array is the frame's alone: nobody else holds it.
            kwargs.set_item("copy", false)?;
            Ok(pandas
                .getattr("DataFrame")?
                .call((values,), Some(&kwargs))?
                .unbind())
        })
    }

    fn __repr__(&self) -> String {
        let report = &self.0.report;
        let total = report.total();
        format!(
            "PeriodReport(period={}..{}, group_by={:?}, rows={}, received={}, resolved={}, late={})",
            report.period.first,
            report.period.last,
            report.group_by.code(),
            report.rows.len(),
            total.received,
            total.resolved,
            total.late
        )
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        convert::notebook_html(slf.as_any(), "report")
    }
}

/// The II.06a column names, as Python strings made once for all rows (of
/// the rows' dicts and of the DataFrame).
fn column_names(py: Python<'_>) -> Vec<Bound<'_, PyString>> {
    core::Counts::default()
        .columns()
        .iter()
        .map(|(name, _)| PyString::new(py, name))
        .collect()
}

/// One row's counts as a dict of the II.06a columns.
fn counts_dict<'py>(
    py: Python<'py>,
    names: &[Bound<'py, PyString>],
    counts: &core::Counts,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, (_, value)) in names.iter().zip(counts.columns()) {
        dict.set_item(name, value)?;
    }
    Ok(dict)
}

/// A count as pandas' integers hold it; no report counts 2^63 dossiers,
/// but a count read from JSON could.
fn count_i64(count: u64) -> Result<i64, motcua::Error> {
    i64::try_from(count).map_err(|_| {
        motcua::Error::new(
            motcua::ErrorKind::InvalidArgument,
            format!("the count {count} does not fit a pandas int64 column"),
        )
    })
}

/// A pandas DataFrame of a list of dicts, a row each.
fn records_frame(py: Python<'_>, records: Py<PyAny>) -> PyResult<Py<PyAny>> {
    let class = py.import("pandas")?.getattr("DataFrame")?;
    Ok(class.call1((records,))?.unbind())
}

/// The score of a unit: ``total``, ``max_total``, ``max_measured`` and every
/// indicator (``None`` points when not measured).
#[pyclass(frozen, module = "motcua")]
pub struct Score(index::Score);

#[pymethods]
impl Score {
    /// Points of the measured indicators.
    #[getter]
    fn total(&self) -> f64 {
        self.0.total()
    }

    /// Maximum of the measured indicators.
    #[getter]
    fn max_measured(&self) -> f64 {
        self.0.max_measured()
    }

    /// The indicators as dicts.
    #[getter]
    fn indicators(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, &self.0.indicators().collect::<Vec<_>>()))
    }

    /// The groups as dicts (``code``, ``points``, ``max_points``,
    /// ``max_measured``, names), in the methodology's order.
    #[getter]
    fn groups(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, &self.0.groups().collect::<Vec<_>>()))
    }

    /// Ids of the indicators not measured.
    #[getter]
    fn not_measured(&self) -> Vec<String> {
        self.0
            .not_measured()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// Ids of the indicators that lost points, most lost first.
    #[getter]
    fn biggest_losses(&self) -> Vec<String> {
        self.0
            .biggest_losses()
            .into_iter()
            .map(|i| i.id().to_string())
            .collect()
    }

    /// The score as a dict.
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, &self.0))
    }

    /// One row per indicator, as a pandas DataFrame.
    fn to_pandas(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| records_frame(py, self.indicators(py)?))
    }

    fn __repr__(&self) -> String {
        format!(
            "Score(total={:.2}, max_measured={:.0})",
            self.0.total(),
            self.0.max_measured()
        )
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        convert::notebook_html(slf.as_any(), "score")
    }
}

fn ratios(py: Python<'_>, inputs: &Bound<'_, PyAny>) -> PyResult<IndexInputs> {
    let dict = inputs.cast::<PyDict>().map_err(|_| {
        wrong_type(
            py,
            "inputs",
            "a dict of name: (numerator, denominator)",
            inputs,
        )
    })?;
    let mut out = IndexInputs::new();
    for (k, v) in dict.iter() {
        let name = convert::text(py, "inputs key", &k)?;
        let (n, d): (u64, u64) = v.extract().map_err(|_| {
            wrong_type(
                py,
                "inputs value",
                "a (numerator, denominator) pair of ints >= 0",
                &v,
            )
        })?;
        out.set(&name, Ratio::new(n, d).py(py)?).py(py)?;
    }
    Ok(out)
}

/// The methodology of the Decision 766 index: a versioned table of
/// groups and indicators with points, thresholds and empty rules.
#[pyclass(frozen, module = "motcua")]
pub struct Methodology(index::Methodology);

#[pymethods]
impl Methodology {
    /// The default: the national portal's own scoring
    /// (``766-dvcqg-2026-10``).
    #[staticmethod]
    fn default_766() -> Self {
        Self(index::Methodology::default_766())
    }

    /// A built-in methodology by version (see :attr:`versions`).
    #[staticmethod]
    fn builtin(py: Python<'_>, version: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let version = convert::text(py, "version", version)?;
            index::Methodology::builtin(&version).py(py).map(Self)
        })
    }

    /// The versions built in, the default first.
    #[staticmethod]
    fn versions() -> Vec<&'static str> {
        index::Methodology::VERSIONS.to_vec()
    }

    /// The version label.
    #[getter]
    fn version(&self) -> String {
        self.0.version.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "Methodology(version={:?}, indicators={})",
            self.0.version.to_string(),
            self.0.indicators.len()
        )
    }

    /// A methodology from JSON; raises when the points do not sum to the
    /// stated total.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let text = convert::text(py, "text", text)?;
            index::Methodology::from_json(&text).py(py).map(Self)
        })
    }

    /// The methodology as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.0.to_json().py(py)
    }

    /// The score of inputs ``{name: (numerator, denominator)}``; raises
    /// for a name neither the methodology nor motcua knows.
    fn score(&self, py: Python<'_>, inputs: &Bound<'_, PyAny>) -> PyResult<Score> {
        crate::errors::guard(|| Ok(Score(self.0.score(&ratios(py, inputs)?).py(py)?)))
    }

    /// The scorecard of a month: ``month`` and ``previous`` are lists of
    /// units, each a ``unitsDetail`` dict of the portal's export or
    /// ``{"id", "code", "name", "group", "inputs": {name: (n, d)}}``;
    /// ``registry`` matches former identifiers with current units.
    #[pyo3(signature = (month, previous = None, registry = None))]
    fn scorecard(
        &self,
        py: Python<'_>,
        month: &Bound<'_, PyAny>,
        previous: Option<&Bound<'_, PyAny>>,
        registry: Option<&crate::units::UnitRegistry>,
    ) -> PyResult<crate::units::Scorecard> {
        crate::errors::guard(|| {
            let month = crate::units::unit_inputs(py, "month", month)?;
            let previous = match previous {
                Some(p) => crate::units::unit_inputs(py, "previous", p)?,
                None => Vec::new(),
            };
            self.0
                .scorecard(&month, &previous, registry.map(|r| &r.0))
                .py(py)
                .map(|card| crate::units::Scorecard(card, self.0.clone()))
        })
    }

    /// Units ``{name: inputs}`` ranked best first: ``[(name, score), …]``.
    fn rank(&self, py: Python<'_>, units: &Bound<'_, PyAny>) -> PyResult<Vec<(String, Score)>> {
        crate::errors::guard(|| {
            let dict = units
                .cast::<PyDict>()
                .map_err(|_| wrong_type(py, "units", "a dict of name: inputs", units))?;
            let mut parsed = Vec::new();
            for (k, v) in dict.iter() {
                let name = convert::text(py, "units key", &k)?;
                parsed.push((name, ratios(py, &v)?));
            }
            self.0
                .rank(parsed.iter().map(|(n, i)| (n.as_str(), i)))
                .py(py)?
                .into_iter()
                .map(|(n, s)| Ok((n.to_owned(), Score(s))))
                .collect()
        })
    }

    /// The smallest number of extra ``"dossiers_on_time"``,
    /// ``"dossiers_online"`` or ``"online_payments"`` that brings the total
    /// to ``target`` points; ``None`` when none can.
    fn what_if(
        &self,
        py: Python<'_>,
        inputs: &Bound<'_, PyAny>,
        lever: &Bound<'_, PyAny>,
        target: &Bound<'_, PyAny>,
    ) -> PyResult<Option<u64>> {
        crate::errors::guard(|| {
            let lever: Lever = convert::text(py, "lever", lever)?.parse().py(py)?;
            let target = convert::real(py, "target", target)?;
            if !target.is_finite() {
                return Err(exception(
                    py,
                    "invalid_argument",
                    format!("target {target} is not a finite number"),
                ));
            }
            self.0.what_if(&ratios(py, inputs)?, lever, target).py(py)
        })
    }
}

/// The index inputs of one unit of the national portal's 766 export
/// (a ``unitsDetail[i]`` dict, with the two TTTT counts the details
/// export lacks): ``{name: (numerator, denominator)}``, for
/// :meth:`Methodology.score`. Raises naming the unit's code and the field.
#[pyfunction]
pub fn index_inputs_from_dvcqg(
    py: Python<'_>,
    unit: &Bound<'_, PyAny>,
) -> PyResult<BTreeMap<String, (u64, u64)>> {
    crate::errors::guard(|| {
        let unit = index::DvcqgUnit::from_json(&convert::json_text(py, "unit", unit)?).py(py)?;
        Ok(pairs(unit.inputs))
    })
}

/// Inputs as the ``{name: (numerator, denominator)}`` dict Python uses.
pub(crate) fn pairs(inputs: IndexInputs) -> BTreeMap<String, (u64, u64)> {
    inputs
        .iter()
        .map(|(k, r)| (k.to_owned(), (r.numerator, r.denominator)))
        .collect()
}

/// The sample province's dossiers (seeded): the quarter's reception plus a
/// lead-in month before it, at the provincial center (``dossiers``, by
/// default 23,700) and at its eight communes' centers (scaled alike, 9,600
/// by default), with the facts the 766 index counts.
#[pyfunction]
#[pyo3(signature = (seed = None, dossiers = None))]
pub fn sample_center(
    py: Python<'_>,
    seed: Option<&Bound<'_, PyAny>>,
    dossiers: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Dossier>> {
    crate::errors::guard(|| {
        let seed = seed.map_or(Ok(42), |s| convert::count(py, "seed", s, u64::MAX))?;
        let dossiers = match dossiers {
            Some(n) => convert::count(py, "dossiers", n, u64::from(u32::MAX))? as u32,
            None => 23_700,
        };
        let config = motcua::sample::SampleConfig::scaled(seed, dossiers);
        let cal = motcua::calendar::Calendar::vietnam();
        let mut out = Vec::new();
        motcua::sample::generate(&config, &cal, |d| {
            out.push(Dossier(d, crate::convert::Zone::Naive, None));
            Ok(())
        })
        .py(py)?;
        Ok(out)
    })
}

/// The sample province's petitions of the quarter (seeded apart from the
/// dossiers), as dicts with their ``unit`` code.
#[pyfunction]
#[pyo3(signature = (seed = None))]
pub fn sample_petitions(py: Python<'_>, seed: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
    crate::errors::guard(|| {
        let seed = seed.map_or(Ok(42), |s| convert::count(py, "seed", s, u64::MAX))?;
        let config = motcua::sample::SampleConfig::quarter(seed);
        let cal = motcua::calendar::Calendar::vietnam();
        convert::to_python(py, &motcua::sample::petitions(&config, &cal).py(py)?)
    })
}

/// Validates a ``DongBoHoSoMC`` payload (JSON text); raises
/// ``MotcuaError`` with code ``portal.invalid_payload`` naming the field.
#[pyfunction]
pub fn validate_portal_sync(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<()> {
    crate::errors::guard(|| {
        let text = convert::text(py, "text", text)?;
        motcua::portal::validate_dossier_sync(&text).py(py)
    })
}

/// A report from the state its pickle holds. Without the 16 MiB limit of
/// the JSON readers: a pickle is never untrusted input (unpickling runs
/// arbitrary code anyway), and a report of many groups may be larger.
#[pyfunction]
pub fn _period_report_from_state(py: Python<'_>, state: &str) -> PyResult<PeriodReport> {
    crate::errors::guard(|| {
        serde_json::from_str(state).map(PeriodReport).map_err(|e| {
            crate::errors::exception(
                py,
                motcua::ErrorKind::InvalidArgument.code(),
                format!("not the state of a period report: {e}"),
            )
        })
    })
}
