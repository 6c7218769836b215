//! Core errors to the exception classes of `motcua/_errors.py`, chosen by
//! the error's stable code.

use pyo3::prelude::*;
use pyo3::PyClass;

pub use motcua::error::binding::{CONCURRENT_USE, INVALID_TYPE};

/// The `motcua` exception for a code and message (its Vietnamese message
/// is the code's sentence, [`motcua::error::message_vi_of`]).
pub fn exception(py: Python<'_>, code: &str, message: String) -> PyErr {
    let message_vi = motcua::error::message_vi_of(code).map(str::to_owned);
    raise(py, code, message, Place::default(), message_vi)
}

/// Where an error is, as the exception's attributes give it.
#[derive(Default)]
struct Place<'a> {
    path: Option<&'a str>,
    event_index: Option<usize>,
    file: Option<&'a str>,
    row: Option<u64>,
    column: Option<&'a str>,
}

/// The `motcua` exception of a core error, with its place.
pub fn core_exception(py: Python<'_>, e: &motcua::Error) -> PyErr {
    let place = Place {
        path: e.path(),
        event_index: e.event_index(),
        file: e.file(),
        row: e.row(),
        column: e.column(),
    };
    raise(
        py,
        e.code(),
        e.message().to_owned(),
        place,
        Some(e.message_vi()),
    )
}

fn raise(
    py: Python<'_>,
    code: &str,
    message: String,
    place: Place<'_>,
    message_vi: Option<String>,
) -> PyErr {
    let class = py
        .import("motcua._errors")
        .and_then(|m| m.getattr("BY_CODE"))
        .and_then(|by_code| by_code.get_item(code))
        .or_else(|_| {
            py.import("motcua._errors")
                .and_then(|m| m.getattr("MotcuaError"))
        });
    let args = (
        message,
        code,
        place.path,
        place.event_index,
        message_vi,
        place.file,
        place.row,
        place.column,
    );
    match class.and_then(|c| c.call1(args)) {
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
        self.map_err(|e| core_exception(py, &e))
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

/// `slf` borrowed for reading. Every method converts its arguments (which
/// can run Python code, and so let another thread in) before it borrows,
/// and borrows only while Rust runs, under the GIL: two calls on one object
/// never overlap. If one ever did, the caller gets a `ConcurrentUseError`,
/// not pyo3's bare `RuntimeError: Already mutably borrowed`.
pub fn borrow<'py, T: PyClass>(slf: &Bound<'py, T>) -> PyResult<PyRef<'py, T>> {
    slf.try_borrow().map_err(|_| in_use(slf))
}

/// `slf` borrowed for writing; see [`borrow`].
pub fn borrow_mut<'py, T: PyClass<Frozen = pyo3::pyclass::boolean_struct::False>>(
    slf: &Bound<'py, T>,
) -> PyResult<PyRefMut<'py, T>> {
    slf.try_borrow_mut().map_err(|_| in_use(slf))
}

fn in_use<T: PyClass>(slf: &Bound<'_, T>) -> PyErr {
    let name = slf
        .as_any()
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    exception(
        slf.py(),
        CONCURRENT_USE,
        format!(
            "this {name} is in use by another call (another thread, or a callback of this call)"
        ),
    )
}

/// The Vietnamese sentence of `code`, for the exceptions raised in Python
/// (``MotcuaError.message_vi``); `None` for an unknown code.
#[pyfunction]
pub fn _message_vi(code: &str) -> Option<&'static str> {
    motcua::error::message_vi_of(code)
}

/// The codes of every core error kind, for the test that each has its
/// exception class in `motcua/_errors.py`.
#[pyfunction]
pub fn _error_codes() -> Vec<&'static str> {
    motcua::ErrorKind::ALL.iter().map(|k| k.code()).collect()
}

/// Code of an internal error: a panic caught at the boundary.
pub const INTERNAL: &str = motcua::ErrorKind::Internal.code();

/// Runs the body of a Python entry point, turning a Rust panic into a
/// `motcua.InternalError` (a `MotcuaError`). Without it pyo3 raises its
/// `PanicException`, which derives from `BaseException` and so escapes
/// `except Exception` and `except MotcuaError` in the caller. A panic is a
/// bug of motcua; the default hook has already printed where it happened.
/// The core computes every new state before storing it, so an object whose
/// method panicked keeps what it had recorded.
///
/// Inlined always: as an ordinary call the optimiser kept each body out of
/// line behind the unwinding boundary, which measured 0.75 µs instead of
/// 0.38 µs for a scalar `add_working_days` and 80 M/s instead of 114 M/s
/// for the batch `working_days_between` (benches/python/bench_batch.py).
#[inline(always)]
pub fn guard<T>(body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(Python::attach(|py| {
            exception(
                py,
                INTERNAL,
                format!("internal error in motcua (please report it): {what}"),
            )
        }))
    })
}

/// Panics with `message`: lets the test suite check that a panic reaches
/// Python as `motcua.InternalError`. Not part of the public API.
#[pyfunction]
pub fn _panic_for_tests(message: &str) -> PyResult<()> {
    guard(|| panic!("{message}"))
}
