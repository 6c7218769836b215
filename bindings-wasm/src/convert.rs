//! JavaScript values to core values and back: the binding's one
//! conversion hub (arguments, options objects, JSON texts, results).

use chrono::{NaiveDate, NaiveDateTime};
use motcua::calendar::iso;
use motcua::decimal::Decimal;
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{js_error, wrong_type, IntoJs, INVALID_FORMAT};

// Reading a caller's array or object can run the caller's code (a getter,
// a Proxy trap) and that code can throw. An exception thrown through the
// module's frames skips every Rust destructor, the borrow wasm-bindgen holds
// on `this` among them, and the object would refuse every later call. So
// every read of a caller's container goes through these two functions: they
// copy it into fresh arrays in one crossing, and are imported with `catch`,
// so a throw comes back as a value and the call returns normally.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
export function copy_array(value) {
  if (!Array.isArray(value)) return null;
  const out = new Array(value.length);
  for (let i = 0; i < out.length; i++) out[i] = value[i];
  return out;
}
export function copy_entries(value) { return Object.entries(value); }")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn copy_array(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    fn copy_entries(value: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// An array argument, copied: reading it runs no caller code afterwards.
pub fn list(name: &str, value: &JsValue) -> Result<js_sys::Array, JsValue> {
    match copy_array(value) {
        Ok(copy) if copy.is_null() => Err(wrong_type(name, "an array", value)),
        Ok(copy) => Ok(copy.unchecked_into()),
        Err(thrown) => Err(threw(name, thrown)),
    }
}

/// The `[key, value]` pairs of an object argument, copied.
pub fn entries(name: &str, value: &JsValue) -> Result<js_sys::Array, JsValue> {
    copy_entries(value).map_err(|thrown| threw(name, thrown))
}

/// Property `key` of an options object: a getter that throws is an
/// `invalid_argument` error naming the key.
pub fn field(object: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).map_err(|thrown| threw(key, thrown))
}

/// The error of an argument whose reading threw: `invalid_argument`, with
/// the caller's exception as `cause`.
pub fn threw(name: &str, thrown: JsValue) -> JsValue {
    let message = js_sys::Reflect::get(&thrown, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "a value that is not an Error".to_owned());
    let error = js_error(
        motcua::ErrorKind::InvalidArgument.code(),
        &format!(
            "{name} could not be read: it threw {:?}",
            message.chars().take(200).collect::<String>()
        ),
    );
    set(error.unchecked_ref(), "cause", thrown);
    error
}

fn string(name: &str, expected: &str, value: &JsValue) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| wrong_type(name, expected, value))
}

/// A `YYYY-MM-DD` argument.
pub fn date(name: &str, value: &JsValue) -> Result<NaiveDate, JsValue> {
    date_text(
        name,
        &string(name, "an ISO date string \"YYYY-MM-DD\"", value)?,
    )
}

/// A `YYYY-MM-DD` text.
pub fn date_text(name: &str, text: &str) -> Result<NaiveDate, JsValue> {
    iso::parse_date(text).ok_or_else(|| {
        let shaped = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| {
                matches!(i, 4 | 7) == (b == b'-') && (b == b'-' || b.is_ascii_digit())
            });
        if shaped {
            // Well formed but not on the calendar, like "2026-02-30".
            js_error(
                INVALID_FORMAT,
                &format!("{name} = {text:?} is not a date that exists"),
            )
        } else {
            bad_format(name, text, "\"YYYY-MM-DD\"")
        }
    })
}

fn bad_format(name: &str, text: &str, expected: &str) -> JsValue {
    let shown: String = text.chars().take(40).collect();
    js_error(
        INVALID_FORMAT,
        &format!("{name} = {shown:?} is not {expected}"),
    )
}

/// A `YYYY-MM-DDTHH:MM[:SS]` argument in Vietnam local time; a trailing `Z`
/// or `±HH:MM` offset is converted to UTC+7, and so is a `Date` (an instant
/// in time, whatever the machine's own zone).
pub fn instant(name: &str, value: &JsValue) -> Result<NaiveDateTime, JsValue> {
    const EXPECTED: &str =
        "a Date or an ISO instant \"YYYY-MM-DDTHH:MM[:SS]\" with an optional offset";
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        let millis = date.get_time();
        return chrono::DateTime::from_timestamp_millis(millis as i64)
            .filter(|_| millis.is_finite())
            .map(|t| motcua::calendar::zone::VietnamTime::to_vietnam(&t))
            .ok_or_else(|| js_error(INVALID_FORMAT, &format!("{name} is an invalid Date")));
    }
    let text = string(name, EXPECTED, value)?;
    iso::parse_instant_with_offset(&text).ok_or_else(|| bad_format(name, &text, EXPECTED))
}

/// An optional instant argument: `undefined` and `null` are none.
pub fn instant_opt(name: &str, value: &JsValue) -> Result<Option<NaiveDateTime>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    instant(name, value).map(Some)
}

/// A string argument.
pub fn text(name: &str, value: &JsValue) -> Result<String, JsValue> {
    string(name, "a string", value)
}

/// An optional string argument: `undefined` and `null` are empty.
pub fn text_or_empty(name: &str, value: &JsValue) -> Result<String, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(String::new());
    }
    text(name, value)
}

/// An optional boolean argument: `undefined` is `false`.
pub fn flag(name: &str, value: &JsValue) -> Result<bool, JsValue> {
    if value.is_undefined() {
        return Ok(false);
    }
    value
        .as_bool()
        .ok_or_else(|| wrong_type(name, "a boolean", value))
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
            &format!("{name} = {} is not an integer", Decimal(n)),
        ));
    }
    if n < f64::from(i32::MIN) || n > f64::from(i32::MAX) {
        return Err(js_error(
            motcua::ErrorKind::OutOfRange.code(),
            &format!("{name} = {} is out of range", Decimal(n)),
        ));
    }
    Ok(n as i32)
}

/// A `"HH:MM"` time of day (session bounds).
pub fn time_of_day(name: &str, value: &JsValue) -> Result<chrono::NaiveTime, JsValue> {
    let text = string(name, "a time of day \"HH:MM\"", value)?;
    iso::parse_time(&text).ok_or_else(|| {
        js_error(
            motcua::ErrorKind::InvalidSessions.code(),
            &format!("{name} = {text:?} is not a time of day \"HH:MM\""),
        )
    })
}

/// Sets a property of a plain object built by the bindings.
/// Defines `key` on `object` as an own, enumerable, writable property: for
/// data keys (agency names, codes), which must never go through a setter,
/// where `__proto__` would set the prototype and the row would vanish.
pub fn define(object: &js_sys::Object, key: &str, value: JsValue) {
    let descriptor = js_sys::Object::new();
    for flag in ["enumerable", "writable", "configurable"] {
        set(&descriptor, flag, JsValue::TRUE);
    }
    set(&descriptor, "value", value);
    js_sys::Object::define_property(object, &JsValue::from_str(key), &descriptor);
}

pub fn set(object: &js_sys::Object, key: &str, value: JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value);
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
const field = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
const camel = (key) => field.test(key) ? key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()) : key;
const instantKey = /^(?:at|as_of|.*_at|.*_due)$/;
const localInstant = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?$/;
export function parse_camel(text) {
  return JSON.parse(text, function (key, value) {
    // A result instant carries Vietnam's offset, as iso_instant writes it.
    if (typeof value === 'string' && instantKey.test(key) && localInstant.test(value)) return value + '+07:00';
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const out = {};
    // Defined, not assigned: a data key such as __proto__ stays a row.
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, camel(key), { value: value[key], enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}")]
extern "C" {
    /// Parses JSON whose object keys are `snake_case` into plain objects
    /// with `camelCase` keys, instants (`at`, `as_of`, `*_at`, `*_due`) with
    /// their `+07:00` offset (see [`iso_instant`]); other keys (data keys: agency names, codes
    /// such as `H21_17`) are kept as they are, and every key is defined,
    /// never assigned, so that `__proto__` is a key like any other. In JS because there it costs nothing in the
    /// module: doing it in Rust took a second serde serializer (to
    /// `serde_json::Value`) of every result type.
    fn parse_camel(text: &str) -> JsValue;
}

/// A plain JS value (camelCase keys, ISO strings) from a serde value.
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text =
        serde_json::to_string(value).map_err(|e| js_error("invalid_argument", &e.to_string()))?;
    Ok(parse_camel(&text))
}

/// JSON text from a string, or from a plain object through `JSON.stringify`.
/// A text above the core's size limit is refused while it is still a JS
/// string: copied into the module first, a 1 GB string would take a GB of
/// the module's memory, which never shrinks.
pub(crate) fn json_text(name: &str, value: &JsValue) -> Result<String, JsValue> {
    let text = if value.is_string() {
        value.clone()
    } else if value.is_object() {
        js_sys::JSON::stringify(value)
            .map_err(|thrown| threw(name, thrown))?
            .into()
    } else {
        return Err(wrong_type(name, "a JSON string or a plain object", value));
    };
    let Some(text) = text.dyn_ref::<js_sys::JsString>() else {
        // `JSON.stringify` of a function-only object is `undefined`.
        return Err(wrong_type(name, "a JSON string or a plain object", value));
    };
    // UTF-16 units: never more than the UTF-8 bytes they become.
    motcua::check_document_size(text.length() as usize).js()?;
    Ok(String::from(text))
}

/// An optional `rule` argument: the current rule when `undefined`.
pub fn code_rule(rule: &JsValue) -> Result<motcua::dossier::CodeRule, JsValue> {
    if rule.is_undefined() || rule.is_null() {
        return Ok(motcua::dossier::CodeRule::Current);
    }
    let code = rule
        .as_string()
        .ok_or_else(|| wrong_type("rule", "\"current\", \"central\" or \"legacy\"", rule))?;
    code.parse().js()
}

/// A channel code (`"direct"`, `"online"`, `"postal"`); `undefined` is a
/// direct (counter) submission.
pub fn channel(value: &JsValue) -> Result<motcua::procedure::Channel, JsValue> {
    if value.is_undefined() {
        return Ok(motcua::procedure::Channel::Direct);
    }
    let text = text("channel", value)?;
    text.parse().js()
}

/// A result instant as ISO text with its offset, `+07:00`: JavaScript
/// reads a text without one as the machine's own local time, so a bare
/// Vietnam local time would be a wrong instant anywhere outside UTC+7.
pub fn iso_instant(t: NaiveDateTime) -> String {
    iso::format_instant_aware(t)
}

/// An optional instant as [`iso_instant`] (`undefined` when none).
pub fn iso_opt(t: Option<NaiveDateTime>) -> Option<String> {
    t.map(iso_instant)
}
