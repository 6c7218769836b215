//! Core errors to JavaScript `Error` objects with a `code` property.

use js_sys::{Error, Reflect};
use wasm_bindgen::JsValue;

/// Code of an argument of the wrong type (`undefined`, a number for a date…).
pub const INVALID_TYPE: &str = "invalid_type";

/// A JS `Error` with `message` and `code`.
pub fn js_error(code: &str, message: &str) -> JsValue {
    let error = Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error.into()
}

/// Converts a core result, throwing the matching JS error.
pub trait IntoJs<T> {
    /// The value, or a JS `Error` with the core error's code.
    fn js(self) -> Result<T, JsValue>;
}

impl<T> IntoJs<T> for motcua::Result<T> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(|e| js_error(e.code(), e.message()))
    }
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
