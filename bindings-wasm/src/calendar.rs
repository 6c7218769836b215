//! The working calendar for JavaScript.

use js_sys::{Array, Object, Reflect};
use motcua::calendar::{self as core, holidays};
use wasm_bindgen::prelude::*;

use crate::convert::{self, int32, iso_instant, number};
use crate::errors::{js_error, wrong_type, IntoJs};

fn set(object: &Object, key: &str, value: JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}

/// A working calendar: working weekdays, sessions, holidays and overrides.
#[wasm_bindgen]
pub struct Calendar(core::Calendar);

#[wasm_bindgen]
impl Calendar {
    /// The state-sector calendar of the Public Administrative Service
    /// Centers (Monday–Friday, 07:30–11:30 and 13:00–17:00, holidays with
    /// nghỉ bù, official schedules), 2000-01-01 to 2100-12-31.
    pub fn vietnam() -> Calendar {
        Calendar(core::Calendar::vietnam())
    }

    /// A new calendar with a calendar data document (JSON text) applied;
    /// this one is unchanged. Throws `calendar.invalid_data` naming the field.
    #[wasm_bindgen(js_name = withData)]
    pub fn with_data(&self, json: JsValue) -> Result<Calendar, JsValue> {
        let text = json
            .as_string()
            .ok_or_else(|| wrong_type("json", "a JSON string", &json))?;
        let data = holidays::CalendarData::from_json(&text).js()?;
        self.0.with_data(data).js().map(Calendar)
    }

    /// First date of the supported range.
    #[wasm_bindgen(getter, js_name = firstDate)]
    pub fn first_date(&self) -> String {
        self.0.first_date().to_string()
    }

    /// Last date of the supported range.
    #[wasm_bindgen(getter, js_name = lastDate)]
    pub fn last_date(&self) -> String {
        self.0.last_date().to_string()
    }

    /// Whether a date is a working day.
    #[wasm_bindgen(js_name = isWorkingDay)]
    pub fn is_working_day(&self, date: JsValue) -> Result<bool, JsValue> {
        self.0.is_working_day(convert::date("date", &date)?).js()
    }

    /// The `n`-th working day strictly after `date`; before it for negative `n`.
    #[wasm_bindgen(js_name = addWorkingDays)]
    pub fn add_working_days(&self, date: JsValue, n: JsValue) -> Result<String, JsValue> {
        let d = convert::date("date", &date)?;
        Ok(self
            .0
            .add_working_days(d, int32("n", &n)?)
            .js()?
            .to_string())
    }

    /// Working days in `(a, b]`; negative when `b < a`.
    #[wasm_bindgen(js_name = workingDaysBetween)]
    pub fn working_days_between(&self, a: JsValue, b: JsValue) -> Result<i32, JsValue> {
        let (a, b) = (convert::date("a", &a)?, convert::date("b", &b)?);
        self.0.working_days_between(a, b).js()
    }

    /// The entries of a year: `[{date, kind, nameVi, nameEn, provisional, provenance}]`.
    pub fn holidays(&self, year: JsValue) -> Result<Array, JsValue> {
        let entries = self.0.holidays(int32("year", &year)?).js()?;
        Ok(entries
            .iter()
            .map(|h| {
                let o = Object::new();
                set(&o, "date", h.date.to_string().into());
                set(&o, "kind", h.kind.code().into());
                set(&o, "nameVi", h.name_vi.as_ref().into());
                set(&o, "nameEn", h.name_en.as_ref().into());
                set(&o, "provisional", h.is_provisional().into());
                set(&o, "dayOff", h.is_day_off().into());
                JsValue::from(o)
            })
            .collect())
    }

    /// `at` if it is inside a working session, else the next session start.
    #[wasm_bindgen(js_name = nextWorkingInstant)]
    pub fn next_working_instant(&self, at: JsValue) -> Result<String, JsValue> {
        let t = convert::instant("at", &at)?;
        Ok(iso_instant(self.0.next_working_instant(t).js()?))
    }

    /// The instant when `{days, hours, minutes}` of working time (each
    /// optional, fractions allowed) have elapsed from `at`.
    #[wasm_bindgen(js_name = addWorkingTime)]
    pub fn add_working_time(&self, at: JsValue, duration: JsValue) -> Result<String, JsValue> {
        let t = convert::instant("at", &at)?;
        if !duration.is_object() {
            return Err(wrong_type(
                "duration",
                "an object {days, hours, minutes}",
                &duration,
            ));
        }
        let part = |name: &str| -> Result<f64, JsValue> {
            let v = Reflect::get(&duration, &JsValue::from_str(name))?;
            if v.is_undefined() {
                Ok(0.0)
            } else {
                number(name, &v)
            }
        };
        let d = self
            .0
            .working_duration(part("days")?, part("hours")?, part("minutes")?)
            .js()?;
        Ok(iso_instant(self.0.add_working_time(t, d).js()?))
    }

    /// Working time from `a` to `b`, in hours (negative when `b < a`).
    #[wasm_bindgen(js_name = workingHoursBetween)]
    pub fn working_hours_between(&self, a: JsValue, b: JsValue) -> Result<f64, JsValue> {
        let (a, b) = (convert::instant("a", &a)?, convert::instant("b", &b)?);
        Ok(self.0.working_time_between(a, b).js()?.hours())
    }

    /// Civil Code deadline of `days` calendar days after `date`.
    #[wasm_bindgen(js_name = addCalendarDays)]
    pub fn add_calendar_days(&self, date: JsValue, days: JsValue) -> Result<String, JsValue> {
        let d = convert::date("date", &date)?;
        let n = int32("days", &days)?;
        let n = u32::try_from(n).map_err(|_| {
            js_error(
                motcua::ErrorKind::InvalidDuration.code(),
                &format!("days = {n} must not be negative"),
            )
        })?;
        Ok(self.0.add_calendar_days(d, n).js()?.to_string())
    }
}
