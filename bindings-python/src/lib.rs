//! The `motcua` Python package's native module (`motcua._motcua`): thin
//! pyo3 adapters that convert Python values and errors and call the core.
//! No domain logic lives here.

mod calendar;
mod convert;
mod errors;
mod lunar;

use pyo3::prelude::*;

/// The native module; `motcua/__init__.py` re-exports its names.
#[pymodule]
fn _motcua(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<calendar::Calendar>()?;
    m.add_class::<calendar::Holiday>()?;
    m.add_class::<lunar::LunarDate>()?;
    m.add_function(wrap_pyfunction!(lunar::to_lunar, m)?)?;
    m.add_function(wrap_pyfunction!(lunar::from_lunar, m)?)?;
    m.add_function(wrap_pyfunction!(lunar::year_name, m)?)?;
    Ok(())
}
