//! JavaScript values to core values and back.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime};
use wasm_bindgen::JsValue;

use crate::errors::{js_error, wrong_type};

/// Code of a string that is not a well-formed ISO date or instant.
const INVALID_FORMAT: &str = "invalid_format";

fn string(name: &str, expected: &str, value: &JsValue) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| wrong_type(name, expected, value))
}

/// A `YYYY-MM-DD` argument.
pub fn date(name: &str, value: &JsValue) -> Result<NaiveDate, JsValue> {
    let text = string(name, "an ISO date string \"YYYY-MM-DD\"", value)?;
    if text.len() != 10 {
        return Err(bad_format(name, &text, "\"YYYY-MM-DD\""));
    }
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|_| bad_format(name, &text, "\"YYYY-MM-DD\""))
}

fn bad_format(name: &str, text: &str, expected: &str) -> JsValue {
    let shown: String = text.chars().take(40).collect();
    js_error(
        INVALID_FORMAT,
        &format!("{name} = {shown:?} is not {expected}"),
    )
}

/// A `YYYY-MM-DDTHH:MM[:SS]` argument in Vietnam local time; a trailing `Z`
/// or `±HH:MM` offset is converted to UTC+7.
pub fn instant(name: &str, value: &JsValue) -> Result<NaiveDateTime, JsValue> {
    const EXPECTED: &str = "an ISO instant \"YYYY-MM-DDTHH:MM[:SS]\" with an optional offset";
    let text = string(name, EXPECTED, value)?;
    // `%.f` also takes the milliseconds of `Date.prototype.toISOString()`.
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(&text, format) {
            return Ok(t);
        }
        let with_offset = format!("{format}%#z");
        if let Ok(t) = chrono::DateTime::parse_from_str(&text.replace('Z', "+00:00"), &with_offset)
        {
            let vietnam =
                FixedOffset::east_opt(7 * 3600).ok_or_else(|| bad_format(name, &text, EXPECTED))?;
            return Ok(t.with_timezone(&vietnam).naive_local());
        }
    }
    Err(bad_format(name, &text, EXPECTED))
}

/// An instant as `YYYY-MM-DDTHH:MM`, with `:SS` when the seconds are not 0.
pub fn iso_instant(t: NaiveDateTime) -> String {
    if t.format("%S").to_string() == "00" {
        t.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// A finite number argument.
pub fn number(name: &str, value: &JsValue) -> Result<f64, JsValue> {
    value
        .as_f64()
        .ok_or_else(|| wrong_type(name, "a number", value))
}

/// An integer argument that fits `i32`.
pub fn int32(name: &str, value: &JsValue) -> Result<i32, JsValue> {
    let n = number(name, value)?;
    if n.fract() != 0.0 || !n.is_finite() {
        return Err(js_error(
            motcua::ErrorKind::InvalidArgument.code(),
            &format!("{name} = {n} is not an integer"),
        ));
    }
    if n < f64::from(i32::MIN) || n > f64::from(i32::MAX) {
        return Err(js_error(
            motcua::ErrorKind::OutOfRange.code(),
            &format!("{name} = {n} is out of range"),
        ));
    }
    Ok(n as i32)
}

/// A `"HH:MM"` time of day (session bounds).
pub fn time_of_day(name: &str, value: &JsValue) -> Result<chrono::NaiveTime, JsValue> {
    let text = string(name, "a time of day \"HH:MM\"", value)?;
    chrono::NaiveTime::parse_from_str(&text, "%H:%M").map_err(|_| {
        js_error(
            motcua::ErrorKind::InvalidSessions.code(),
            &format!("{name} = {text:?} is not a time of day \"HH:MM\""),
        )
    })
}

/// Sets a property of a plain object built by the bindings.
pub fn set(object: &js_sys::Object, key: &str, value: JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value);
}
