//! The `motcua` Python package's native module (`motcua._motcua`): thin
//! pyo3 adapters that convert Python values and errors and call the core.
//! No domain logic lives here.

mod batch;
mod calendar;
mod convert;
mod dossier;
mod errors;
mod files;
mod impact;
mod labels;
mod lunar;
mod report;
mod table;
mod units;

use pyo3::prelude::*;

/// The native module; `motcua/__init__.py` re-exports its names.
#[pymodule]
fn _motcua(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_DOCUMENT_BYTES", motcua::MAX_DOCUMENT_BYTES)?;
    m.add("DOSSIER_FACTS", motcua::dossier::Fact::LABELS.to_vec())?;
    m.add_class::<calendar::Calendar>()?;
    m.add_class::<calendar::Holiday>()?;
    m.add_class::<lunar::LunarDate>()?;
    m.add_class::<dossier::Procedure>()?;
    m.add_class::<dossier::Catalog>()?;
    m.add_class::<dossier::DossierCode>()?;
    m.add_class::<dossier::DossierCodeGenerator>()?;
    m.add_class::<dossier::Dossier>()?;
    m.add_class::<dossier::Explanation>()?;
    m.add_function(wrap_pyfunction!(dossier::_status_names, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_message_vi, m)?)?;
    m.add_class::<report::Period>()?;
    m.add_class::<report::PeriodReport>()?;
    m.add_class::<report::Methodology>()?;
    m.add_class::<report::Score>()?;
    m.add_class::<units::UnitRegistry>()?;
    m.add_class::<units::Scorecard>()?;
    m.add_function(wrap_pyfunction!(report::sample_center, m)?)?;
    m.add_function(wrap_pyfunction!(report::sample_petitions, m)?)?;
    m.add_function(wrap_pyfunction!(report::index_inputs_from_dvcqg, m)?)?;
    m.add_function(wrap_pyfunction!(report::validate_portal_sync, m)?)?;
    m.add_function(wrap_pyfunction!(batch::_add_working_days, m)?)?;
    m.add_function(wrap_pyfunction!(batch::_working_days_between, m)?)?;
    m.add_function(wrap_pyfunction!(batch::_is_working_day, m)?)?;
    m.add_function(wrap_pyfunction!(batch::_add_working_time, m)?)?;
    m.add_function(wrap_pyfunction!(batch::_due_dates, m)?)?;
    m.add_function(wrap_pyfunction!(batch::_to_lunar, m)?)?;
    m.add_function(wrap_pyfunction!(table::_report_table, m)?)?;
    m.add_function(wrap_pyfunction!(labels::_code_labels, m)?)?;
    m.add_function(wrap_pyfunction!(labels::_coded_labels, m)?)?;
    m.add_class::<labels::Labels>()?;
    m.add_function(wrap_pyfunction!(files::_read_export, m)?)?;
    m.add_function(wrap_pyfunction!(report::_period_report_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(dossier::_dossier_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(batch::_thread_count, m)?)?;
    m.add_function(wrap_pyfunction!(impact::calendar_changes, m)?)?;
    m.add_function(wrap_pyfunction!(impact::appointment_changes, m)?)?;
    m.add_function(wrap_pyfunction!(lunar::to_lunar, m)?)?;
    m.add_function(wrap_pyfunction!(lunar::from_lunar, m)?)?;
    m.add_function(wrap_pyfunction!(lunar::year_name, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_panic_for_tests, m)?)?;
    Ok(())
}
