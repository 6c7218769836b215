//! Change impact for JavaScript: the dates two calendars disagree on, and
//! the dossiers whose appointments that moves.

use js_sys::Function;
use motcua::calendar as core;
use motcua::dossier::Dossier;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{self, json_text, to_js};
use crate::errors::{wrong_type, IntoJs};

/// The dates of `start..end` (ISO, both included) whose status differs
/// between `before` and `after`: `[{date, before, after}]`, each state
/// `{working, entry, schedule}` with the entry's and the year's sources.
/// Both calendars must cover the same range (`calendar.out_of_range`
/// naming both otherwise).
#[wasm_bindgen(js_name = calendarChanges, unchecked_return_type = "DayChange[]")]
pub fn calendar_changes(
    before: &Calendar,
    after: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "string")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] end: JsValue,
) -> Result<JsValue, JsValue> {
    let (start, end) = (convert::date("start", &start)?, convert::date("end", &end)?);
    to_js(&core::changes(before.inner(), after.inner(), start, end).js()?)
}

/// The JSON of one dossier of the array: a `Dossier` (through its
/// `toJson`), a dossier document as an object, or its JSON text.
fn dossier_json(item: &JsValue) -> Result<String, JsValue> {
    if item.is_object() {
        let to_json = convert::field(item, "toJson")?;
        // `typeof`, not `instanceof`: a Proxy's trap would run (see
        // `convert::list`).
        if to_json.is_function() {
            return to_json
                .unchecked_ref::<Function>()
                .call0(item)
                .map_err(|thrown| convert::threw("dossiers[].toJson()", thrown))?
                .as_string()
                .ok_or_else(|| wrong_type("dossiers[]", "a Dossier", item));
        }
    }
    json_text("dossiers[]", item)
}

/// The dossiers (`Dossier` objects or their JSON documents) whose legal
/// due date at `asOf` differs between the calendars `before` and `after`,
/// each log replayed under both: `[{code, procedureCode, status, open,
/// oldDue, newDue, oldTimeliness, newTimeliness, days, letter}]`, where
/// `letter` holds the new appointment of an open dossier and its reason.
#[wasm_bindgen(js_name = appointmentChanges, unchecked_return_type = "AppointmentChange[]")]
pub fn appointment_changes(
    #[wasm_bindgen(unchecked_param_type = "Array<Dossier | string | object>")] dossiers: JsValue,
    before: &Calendar,
    after: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "Instant")] as_of: JsValue,
) -> Result<JsValue, JsValue> {
    let dossiers = convert::list("dossiers", &dossiers)?;
    let as_of = convert::instant("asOf", &as_of)?;
    let mut list = Vec::new();
    for item in dossiers.iter() {
        // Recorded on either calendar: replayed under both below.
        let (dossier, _) = Dossier::reevaluate_json(&dossier_json(&item)?, after.inner()).js()?;
        list.push(dossier);
    }
    to_js(&motcua::impact::appointment_changes(&list, before.inner(), after.inner(), as_of).js()?)
}
