//! Core errors to the exception classes of `motcua/_errors.py`, chosen by
//! the error's stable code.

use pyo3::prelude::*;

/// Code of a Python argument of the wrong type.
pub const INVALID_TYPE: &str = "invalid_type";

/// The `motcua` exception for a code and message.
pub fn exception(py: Python<'_>, code: &str, message: String) -> PyErr {
    let class = py
        .import("motcua._errors")
        .and_then(|m| m.getattr("BY_CODE"))
        .and_then(|by_code| by_code.get_item(code))
        .or_else(|_| {
            py.import("motcua._errors")
                .and_then(|m| m.getattr("MotcuaError"))
        });
    match class.and_then(|c| c.call1((message.clone(), code))) {
        Ok(instance) => PyErr::from_value(instance),
        Err(e) => e,
    }
}

/// Converts a core result, raising the matching `motcua` exception.
pub trait IntoPy<T> {
    /// The value, or the `motcua` exception of the error.
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPy<T> for motcua::Result<T> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| exception(py, e.code(), e.message().to_owned()))
    }
}

/// An `InvalidTypeError` for argument `name`.
pub fn wrong_type(py: Python<'_>, name: &str, expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    let found = got
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    exception(
        py,
        INVALID_TYPE,
        format!("{name} must be {expected}, not {found}"),
    )
}
