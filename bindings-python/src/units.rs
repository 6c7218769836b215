//! The unit registry and the monthly scorecard.

use motcua::index;
use motcua::unit;
use pyo3::prelude::*;

use std::collections::BTreeMap;

use crate::convert::{self, to_python};
use crate::dossier::{Catalog, Dossier};
use crate::errors::IntoPy;
use crate::report::PeriodReport;

/// A province's units (departments and communes) and the history of their
/// electronic identifiers; see the Rust ``motcua::unit::Registry``.
#[pyclass(frozen, module = "motcua")]
pub struct UnitRegistry(pub(crate) unit::Registry);

#[pymethods]
impl UnitRegistry {
    /// A registry from JSON (``{"source", "province", "units",
    /// "history"}``); raises for two units on one identifier or a history
    /// cycle.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let text = convert::json_text(py, "text", text)?;
            unit::Registry::from_json(&text).py(py).map(Self)
        })
    }

    /// Gia Lai's 14 departments and 135 communes as the national portal
    /// lists them (23/09/2026).
    #[staticmethod]
    fn gia_lai(py: Python<'_>) -> PyResult<Self> {
        crate::errors::guard(|| unit::Registry::gia_lai().py(py).map(Self))
    }

    /// The sample province's departments and communes (one former commune
    /// merged into the first on 01/07/2025), as :func:`sample_center`
    /// generates their dossiers.
    #[staticmethod]
    fn sample(py: Python<'_>) -> PyResult<Self> {
        crate::errors::guard(|| {
            motcua::sample::registry(&motcua::sample::SampleConfig::quarter(42))
                .py(py)
                .map(Self)
        })
    }

    /// The unit (a dict) a dossier counts for: the unit of its competent
    /// unit's identifier, else the department implementing its procedure
    /// (policy ``dossier_unit``); raises when neither is a unit.
    fn unit_of(&self, py: Python<'_>, dossier: PyRef<'_, Dossier>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, self.0.unit_of(&dossier.0).py(py)?))
    }

    /// The inputs of unit ``code`` from its own data: its dossiers of the
    /// period (``report``), the procedures it implements in ``catalog``,
    /// and its petitions among ``petitions`` (dicts with ``unit``,
    /// ``received_at``, ``handled_at``, ``unsatisfied``,
    /// ``complained_again``, as :func:`sample_petitions` gives them).
    /// ``unit`` is a unit's code or identifier, current or former.
    #[pyo3(signature = (unit, report, catalog, petitions, calendar = None))]
    fn own_inputs(
        &self,
        py: Python<'_>,
        unit: &Bound<'_, PyAny>,
        report: &PeriodReport,
        catalog: PyRef<'_, Catalog>,
        petitions: &Bound<'_, PyAny>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<BTreeMap<String, (u64, u64)>> {
        crate::errors::guard(|| {
            let key = convert::text(py, "unit", unit)?;
            let unit = self.0.of_key(&key).py(py)?;
            let petitions =
                index::Petition::list_from_json(&convert::json_text(py, "petitions", petitions)?)
                    .py(py)?;
            let cal = crate::calendar::calendar_arg(py, calendar)?;
            let own = index::UnitInputs::from_own_data(
                unit,
                &report.0,
                catalog.inner(),
                &petitions,
                &cal,
            )
            .py(py)?;
            Ok(crate::report::pairs(own.inputs))
        })
    }

    /// The province as a dict.
    #[getter]
    fn province(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, &self.0.province))
    }

    /// The current units as dicts.
    #[getter]
    fn units(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, &self.0.units))
    }

    /// The former identifiers as dicts.
    #[getter]
    fn history(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, &self.0.history))
    }

    /// The current unit (a dict) of an identifier, current or former.
    fn current(&self, py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let id = convert::text(py, "id", id)?;
            to_python(py, self.0.current(&id).py(py)?)
        })
    }

    /// The report with its rows regrouped by current unit (keyed by code).
    fn regroup(&self, py: Python<'_>, report: &PeriodReport) -> PyResult<PeriodReport> {
        crate::errors::guard(|| {
            let regrouped = self.0.regroup(&report.0.report).py(py)?;
            Ok(PeriodReport(index::PeriodSummary {
                report: regrouped,
                counter: report.0.counter.clone(),
                paid_online: report.0.paid_online.clone(),
            }))
        })
    }

    /// The registry as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.0.to_json().py(py)
    }
}

/// A month's scorecard: every unit's score, rank within its group, change
/// since the previous month, biggest losses and actions; with the
/// methodology it was scored with, which its .xlsx file describes.
#[pyclass(frozen, module = "motcua")]
pub struct Scorecard(pub(crate) index::Scorecard, pub(crate) index::Methodology);

#[pymethods]
impl Scorecard {
    /// The methodology's version.
    #[getter]
    fn methodology(&self) -> String {
        self.0.methodology.to_string()
    }

    /// Every unit's line as a dict, with its ``score``, ``losses`` and
    /// ``actions``.
    #[getter]
    fn rows(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, &self.0.rows))
    }

    /// The lines flattened for a table.
    #[getter]
    fn lines(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| to_python(py, &self.0.lines()))
    }

    /// One row per unit as a pandas DataFrame, a column per group
    /// (``groups.CKMB``, …); pandas is an optional dependency.
    fn to_pandas(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let normalize = py.import("pandas")?.getattr("json_normalize")?;
            Ok(normalize.call1((self.lines(py)?,))?.unbind())
        })
    }

    /// Writes the card of ``month`` (a :class:`Period` or ``"2026-11"``)
    /// to ``path`` as an .xlsx file: a sheet per group (rank, unit, total,
    /// each group's points, change, last month's rank, the first action)
    /// with a bar chart of the totals, and a sheet with the methodology.
    /// ``unit`` (the province) is named in the title; ``place`` and
    /// ``signed_on`` (default: the day after the month) date it.
    #[pyo3(signature = (path, month, *, unit = None, place = None, signed_on = None))]
    fn to_excel(
        &self,
        py: Python<'_>,
        path: std::path::PathBuf,
        month: &Bound<'_, PyAny>,
        unit: Option<String>,
        place: Option<String>,
        signed_on: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        crate::errors::guard(|| {
            let month = crate::report::period_arg(py, month)?;
            let heading =
                crate::files::heading(py, &month, unit, place, signed_on, None, None, None, None)?;
            crate::files::write_scorecard(py, &self.0, &self.1, &month, path, &heading)
        })
    }

    fn __len__(&self) -> usize {
        self.0.rows.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Scorecard(methodology={:?}, units={})",
            self.0.methodology.to_string(),
            self.0.rows.len()
        )
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        convert::notebook_html(slf.as_any(), "scorecard")
    }
}

/// Units for a scorecard from a list of dicts: the portal's
/// ``unitsDetail`` entries, or ``{id, code, name, group, inputs}``.
pub(crate) fn unit_inputs(
    py: Python<'_>,
    name: &str,
    units: &Bound<'_, PyAny>,
) -> PyResult<Vec<index::UnitInputs>> {
    index::UnitInputs::list_from_json(&convert::json_text(py, name, units)?).py(py)
}
