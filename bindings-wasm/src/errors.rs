//! Core errors to JavaScript `Error` objects with a `code` property.

use js_sys::{Error, Reflect};
use wasm_bindgen::JsValue;

pub use motcua::error::binding::{INVALID_FORMAT, INVALID_TYPE};

/// A JS `Error` with `message`, `code` and `messageVi`, the code's
/// Vietnamese sentence ([`motcua::error::message_vi_of`]).
pub fn js_error(code: &str, message: &str) -> JsValue {
    let vi = motcua::error::message_vi_of(code).unwrap_or(message);
    with_vi(code, message, vi)
}

fn with_vi(code: &str, message: &str, message_vi: &str) -> JsValue {
    let error = Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    let _ = Reflect::set(&error, &"messageVi".into(), &message_vi.into());
    error.into()
}

/// Converts a core result, throwing the matching JS error.
pub trait IntoJs<T> {
    /// The value, or a JS `Error` with the core error's code.
    fn js(self) -> Result<T, JsValue>;
}

impl<T> IntoJs<T> for motcua::Result<T> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(to_js_error)
    }
}

/// The JS `Error` of a core error: its code and message, and its place
/// where it has one (absent otherwise). Never inlined: `js` is
/// instantiated for every result type the bindings return (35 of them),
/// and inlining this into each cost 6.7 KB of the module (0.9 KB
/// gzipped).
#[inline(never)]
fn to_js_error(e: motcua::Error) -> JsValue {
    let error = with_vi(e.code(), e.message(), &e.message_vi());
    if let Some(path) = e.path() {
        let _ = Reflect::set(&error, &"path".into(), &path.into());
    }
    if let Some(index) = e.event_index() {
        let _ = Reflect::set(&error, &"eventIndex".into(), &(index as f64).into());
    }
    error
}

/// An `invalid_type` error for argument `name`.
pub fn wrong_type(name: &str, expected: &str, got: &JsValue) -> JsValue {
    let found = if got.is_undefined() {
        "undefined".to_owned()
    } else if got.is_null() {
        "null".to_owned()
    } else {
        got.js_typeof().as_string().unwrap_or_else(|| "?".into())
    };
    js_error(
        INVALID_TYPE,
        &format!("{name} must be {expected}, not {found}"),
    )
}

/// Code of an internal error: a Rust panic, a bug of motcua.
pub const INTERNAL: &str = motcua::ErrorKind::Internal.code();

/// Makes a Rust panic reach JavaScript as an `Error` with code `internal`
/// and the panic's message, instead of the bare `RuntimeError: unreachable`
/// of `panic = "abort"` (the WASM target cannot unwind). The hook throws
/// before the abort: the engine unwinds the JS exception through the module's
/// frames, so the call fails with a typed error. Whatever the panicking call
/// held stays as it was (leaked, borrowed, half-changed), so the JS guard
/// (`bindings-wasm/js/guard.js`) refuses every later call of the instance
/// with code `internal`, saying to re-create the module.
///
/// std never learns that the hook ended, so it takes a second panic in the
/// same instance for a panic inside the hook and aborts: the guard keeps
/// any call from getting there. Unwinding would need the WASM
/// exception-handling proposal and a nightly std (not available here).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("internal error in motcua (please report it): {info}");
        wasm_bindgen::throw_val(js_error(INTERNAL, &message));
    }));
}

/// Panics with `message`: lets the test suite check the panic hook and the
/// guard of `bindings-wasm/js/guard.js`. Only in the test build (feature
/// `panic-probe`), never in a package.
#[cfg(feature = "panic-probe")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = _panicForTests, skip_typescript)]
pub fn panic_for_tests(message: String) {
    panic!("{message}");
}

/// Traps (`unreachable`), as an abort does where no hook runs (memory
/// exhausted, a panic inside the hook): lets the test suite check that the
/// guard turns a trap into an internal error. Test build only.
#[cfg(all(feature = "panic-probe", target_family = "wasm"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = _trapForTests, skip_typescript)]
pub fn trap_for_tests() {
    core::arch::wasm32::unreachable()
}
