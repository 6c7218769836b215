//! The lunar calendar for JavaScript.

use js_sys::Object;
use motcua::calendar::lunar as core;
use wasm_bindgen::prelude::*;

use crate::convert::{self, int32, set};
use crate::errors::{wrong_type, IntoJs};

/// `{year, month, day, leap, yearName}` of a Gregorian date
/// (`"1900-01-01"` to `"2100-12-31"`).
#[wasm_bindgen(js_name = toLunar, unchecked_return_type = "LunarDate")]
pub fn to_lunar(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
) -> Result<Object, JsValue> {
    let l = core::to_lunar(convert::date("date", &date)?).js()?;
    let out = Object::new();
    set(&out, "year", l.year.into());
    set(&out, "month", l.month.into());
    set(&out, "day", l.day.into());
    set(&out, "leap", l.leap.into());
    set(&out, "yearName", l.year_name().into());
    Ok(out)
}

/// The ISO date of a lunar date; throws `lunar.invalid_date` for a date
/// that does not exist.
#[wasm_bindgen(js_name = fromLunar)]
pub fn from_lunar(
    #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] month: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] day: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "boolean")] leap: JsValue,
) -> Result<String, JsValue> {
    let leap = match leap.as_bool() {
        Some(b) => b,
        None if leap.is_undefined() => false,
        None => return Err(wrong_type("leap", "a boolean", &leap)),
    };
    let d = core::from_lunar(
        int32("year", &year)?,
        int32("month", &month)?,
        int32("day", &day)?,
        leap,
    )
    .js()?;
    Ok(d.to_string())
}

/// The can-chi name of a lunar year: `yearName(2026) === "Bính Ngọ"`.
#[wasm_bindgen(js_name = yearName)]
pub fn year_name(
    #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
) -> Result<String, JsValue> {
    Ok(core::year_name(int32("year", &year)?))
}
