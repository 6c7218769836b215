//! The working calendar for JavaScript.

use chrono::Weekday;
use js_sys::{Array, Object, Reflect};
use motcua::calendar::{self as core, holidays};
use wasm_bindgen::prelude::*;

use crate::convert::{self, int32, list, number, set};
use crate::errors::{js_error, wrong_type, IntoJs};

/// A calendar entry as a plain object.
fn holiday_object(h: &holidays::Holiday) -> Object {
    let o = Object::new();
    set(&o, "date", h.date.to_string().into());
    set(&o, "kind", h.kind.code().into());
    set(&o, "nameVi", h.name_vi.as_ref().into());
    set(&o, "nameEn", h.name_en.as_ref().into());
    set(&o, "provisional", h.is_provisional().into());
    set(&o, "provenance", h.provenance.code().into());
    set(&o, "dayOff", h.is_day_off().into());
    set(
        &o,
        "source",
        h.source.as_deref().map_or(JsValue::NULL, JsValue::from_str),
    );
    o
}

#[wasm_bindgen(inline_js = "
export function join_dates(dates) {
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (typeof d !== 'string' || d.includes(',')) return i;
  }
  return dates.join(',');
}")]
extern "C" {
    /// The dates joined by commas, or the index of the first element that
    /// is not a string without a comma (checked in JS: one crossing for
    /// the whole array, and no `toString` of foreign objects is ever run).
    fn join_dates(dates: &Array) -> JsValue;
}

/// Integers from an `Int32Array` or an array of numbers, each checked as
/// `int32` does (an error names the element).
fn int32_list(name: &str, value: &JsValue) -> Result<Vec<i32>, JsValue> {
    // `isView` first: it reads an internal slot, where `instanceof` alone
    // would run a Proxy's `getPrototypeOf` trap (see `convert::list`).
    if js_sys::ArrayBuffer::is_view(value) {
        if let Some(typed) = value.dyn_ref::<js_sys::Int32Array>() {
            return Ok(typed.to_vec());
        }
    }
    list(name, value)?
        .iter()
        .enumerate()
        .map(|(i, k)| int32(name, &k).map_err(|e| element_error(i, e)))
        .collect()
}

/// The offsets of a batch call of `len` elements: one number for all, or
/// one per element.
fn offsets(n: &JsValue, len: usize) -> Result<Vec<i32>, JsValue> {
    if n.as_f64().is_some() {
        return Ok(vec![int32("n", n)?; len]);
    }
    let each = int32_list("n", n)?;
    if each.len() != len {
        return Err(js_error(
            "invalid_argument",
            &format!("n has {} offsets for {len} dates", each.len()),
        ));
    }
    Ok(each)
}

/// The error of element `i` of a batch: the same code, the index in front.
fn element_error(i: usize, e: JsValue) -> JsValue {
    if let Some(message) = Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
    {
        let _ = Reflect::set(
            &e,
            &"message".into(),
            &format!("element {i}: {message}").into(),
        );
        let _ = Reflect::set(&e, &"index".into(), &(i as f64).into());
    }
    e
}

/// A working calendar: working weekdays, sessions, holidays and overrides.
#[wasm_bindgen]
pub struct Calendar(core::Calendar);

impl Calendar {
    /// The core calendar, for the other modules of the binding.
    pub(crate) fn inner(&self) -> &core::Calendar {
        &self.0
    }
}

#[wasm_bindgen]
impl Calendar {
    /// The state-sector calendar of the Public Administrative Service
    /// Centers (Monday–Friday, 07:30–11:30 and 13:00–17:00, holidays with
    /// nghỉ bù, official schedules), 2000-01-01 to 2100-12-31.
    pub fn vietnam() -> Calendar {
        Calendar(core::Calendar::vietnam())
    }

    /// A custom calendar from `{workingWeekdays, sessions, first, last,
    /// holidays, data, cultureDayOnWeekend, withoutCultureDay}`, each
    /// optional: weekdays 0 (Monday) to 6 (Sunday), sessions as
    /// `[["07:30", "11:30"], ...]`, ISO dates, a boolean, a calendar data
    /// document (JSON text) as for `withData`, `"next_working_day"` (the
    /// default) or `"no_substitute"` for a 24/11 on a weekend, and `true` for
    /// the calendar as computed before 24/11 became a holiday (to compare
    /// old appointments with `appointmentChanges`).
    pub fn custom(
        #[wasm_bindgen(unchecked_param_type = "CalendarOptions")] options: JsValue,
    ) -> Result<Calendar, JsValue> {
        if !options.is_object() {
            return Err(wrong_type("options", "an object", &options));
        }
        let get = |key: &str| convert::field(&options, key);
        let mut builder = core::Calendar::builder();
        let weekdays = get("workingWeekdays")?;
        if !weekdays.is_undefined() {
            let days = list("workingWeekdays", &weekdays)?
                .iter()
                .map(|d| {
                    let n = int32("workingWeekdays[]", &d)?;
                    u8::try_from(n)
                        .ok()
                        .and_then(|n| Weekday::try_from(n).ok())
                        .ok_or_else(|| {
                            js_error(
                                motcua::ErrorKind::InvalidArgument.code(),
                                &format!("weekday {n} is not 0 (Monday) to 6 (Sunday)"),
                            )
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            builder = builder.working_weekdays(&days);
        }
        let sessions = get("sessions")?;
        if !sessions.is_undefined() {
            let spans = list("sessions", &sessions)?
                .iter()
                .map(|pair| {
                    let pair = list("sessions[]", &pair)?;
                    Ok((
                        convert::time_of_day("sessions[][0]", &pair.get(0))?,
                        convert::time_of_day("sessions[][1]", &pair.get(1))?,
                    ))
                })
                .collect::<Result<Vec<_>, JsValue>>()?;
            builder = builder.sessions(core::WorkingSessions::new(&spans).js()?);
        }
        let first = get("first")?;
        if !first.is_undefined() {
            builder = builder.first(convert::date("first", &first)?);
        }
        let last = get("last")?;
        if !last.is_undefined() {
            builder = builder.last(convert::date("last", &last)?);
        }
        let on = get("holidays")?;
        if !on.is_undefined() {
            let on = on
                .as_bool()
                .ok_or_else(|| wrong_type("holidays", "a boolean", &on))?;
            builder = builder.holidays(on);
        }
        let data = get("data")?;
        if !data.is_undefined() {
            let text = data
                .as_string()
                .ok_or_else(|| wrong_type("data", "a JSON string", &data))?;
            builder = builder.data(holidays::CalendarData::from_json(&text).js()?);
        }
        let policy = get("cultureDayOnWeekend")?;
        if !policy.is_undefined() {
            let code = policy
                .as_string()
                .ok_or_else(|| wrong_type("cultureDayOnWeekend", "a string", &policy))?;
            builder = builder.culture_day_on_weekend(code.parse().js()?);
        }
        let without = get("withoutCultureDay")?;
        if !without.is_undefined() {
            let on = without
                .as_bool()
                .ok_or_else(|| wrong_type("withoutCultureDay", "a boolean", &without))?;
            if on {
                builder = builder.without_culture_day();
            }
        }
        builder.build().js().map(Calendar)
    }

    /// The calendar data it was built from: `[{provenance, version, asOf}]`,
    /// the embedded official schedules first, then each loaded document.
    #[wasm_bindgen(getter, js_name = dataVersions, unchecked_return_type = "DataVersion[]")]
    pub fn data_versions(&self) -> Result<JsValue, JsValue> {
        crate::convert::to_js(&self.inner().data_versions())
    }

    /// Whether 24/11 is a holiday from 2026 (`false` only when built with
    /// `withoutCultureDay`).
    #[wasm_bindgen(getter, js_name = hasCultureDay)]
    pub fn has_culture_day(&self) -> bool {
        self.inner().has_culture_day()
    }

    /// `"next_working_day"` or `"no_substitute"`: what a 24 November on a
    /// weekend gives in the projected years.
    #[wasm_bindgen(getter, js_name = cultureDayOnWeekend)]
    pub fn culture_day_on_weekend(&self) -> String {
        self.inner().culture_day_on_weekend().code().to_owned()
    }

    /// A new calendar with a calendar data document (JSON text) applied;
    /// this one is unchanged. Throws `calendar.invalid_data` naming the field.
    #[wasm_bindgen(js_name = withData)]
    pub fn with_data(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
    ) -> Result<Calendar, JsValue> {
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
    pub fn is_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    ) -> Result<bool, JsValue> {
        self.0.is_working_day(convert::date("date", &date)?).js()
    }

    /// The `n`-th working day strictly after `date`; before it for negative `n`.
    #[wasm_bindgen(js_name = addWorkingDays)]
    pub fn add_working_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<String, JsValue> {
        let d = convert::date("date", &date)?;
        Ok(self
            .0
            .add_working_days(d, int32("n", &n)?)
            .js()?
            .to_string())
    }

    /// `addWorkingDays` over an array of ISO dates, with one `n` for all or
    /// an array of offsets of the same length: an array of ISO dates. An
    /// error names the index of the first bad element (`error.index`).
    #[wasm_bindgen(js_name = addWorkingDaysMany, unchecked_return_type = "string[]")]
    pub fn add_working_days_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] dates: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | number[] | Int32Array")] n: JsValue,
    ) -> Result<Array, JsValue> {
        let dates = list("dates", &dates)?;
        let offsets = offsets(&n, dates.length() as usize)?;
        if dates.length() == 0 {
            return Ok(Array::new());
        }
        // One string crosses into the module and one comes back: a call
        // per element would cost more than the arithmetic.
        let joined = join_dates(&dates);
        let Some(joined) = joined.as_string() else {
            // A string here holds a comma; anything else is the wrong type.
            let i = joined.as_f64().unwrap_or(0.0) as usize;
            let element = dates.get(i as u32);
            let error = match element.as_string() {
                Some(text) => convert::date_text("date", &text)
                    .err()
                    .unwrap_or_else(|| wrong_type("date", "a date", &element)),
                None => wrong_type("date", "an ISO date string \"YYYY-MM-DD\"", &element),
            };
            return Err(element_error(i, error));
        };
        let mut out = String::with_capacity(joined.len());
        for (i, text) in joined.split(',').enumerate() {
            let at = |e: JsValue| element_error(i, e);
            let date = convert::date_text("date", text).map_err(at)?;
            let due = self.0.add_working_days(date, offsets[i]).js().map_err(at)?;
            if i > 0 {
                out.push(',');
            }
            motcua::calendar::iso::push_date(&mut out, due);
        }
        Ok(js_sys::JsString::from(out).split(","))
    }

    /// `addWorkingDays` on epoch days (days since 1970-01-01, as
    /// `Date.UTC(y, m - 1, d) / 86400000` gives them) in an `Int32Array`,
    /// with one `n` or an `Int32Array` of offsets: the fast path for large
    /// batches, with no string per date.
    #[wasm_bindgen(js_name = addWorkingDaysEpoch)]
    pub fn add_working_days_epoch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Int32Array | number[]")] days: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | number[] | Int32Array")] n: JsValue,
    ) -> Result<Vec<i32>, JsValue> {
        let days = int32_list("days", &days)?;
        let offsets = offsets(&n, days.len())?;
        days.iter()
            .zip(offsets)
            .enumerate()
            .map(|(i, (&d, k))| {
                self.0
                    .add_working_days_epoch(d, k)
                    .js()
                    .map_err(|e| element_error(i, e))
            })
            .collect()
    }

    /// Working days in `(a, b]`; negative when `b < a`.
    #[wasm_bindgen(js_name = workingDaysBetween)]
    pub fn working_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] b: JsValue,
    ) -> Result<i32, JsValue> {
        let (a, b) = (convert::date("a", &a)?, convert::date("b", &b)?);
        self.0.working_days_between(a, b).js()
    }

    /// The days off of a year that the calendar names (holidays,
    /// substitute and swapped days off, closures): `[{date, kind, nameVi,
    /// nameEn, provisional, provenance, dayOff}]`. With `{workingDays:
    /// true}`, every entry, make-up working days too (as in Python).
    #[wasm_bindgen(unchecked_return_type = "Holiday[]")]
    pub fn holidays(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "{ workingDays?: boolean }")]
        options: JsValue,
    ) -> Result<Array, JsValue> {
        let year = int32("year", &year)?;
        let entries = if working_days(&options)? {
            self.0.holidays(year)
        } else {
            self.0.days_off(year)
        }
        .js()?;
        Ok(entries
            .iter()
            .map(|h| JsValue::from(holiday_object(h)))
            .collect())
    }

    /// The day off a date is, or `null`; with `{workingDays: true}` a
    /// make-up working day's entry too.
    #[wasm_bindgen(unchecked_return_type = "Holiday | null")]
    pub fn holiday(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "{ workingDays?: boolean }")]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let d = convert::date("date", &date)?;
        let entry = if working_days(&options)? {
            self.0.holiday(d)
        } else {
            self.0.day_off(d)
        };
        Ok(entry
            .js()?
            .map_or(JsValue::NULL, |h| holiday_object(h).into()))
    }

    /// The first working day after `date`.
    #[wasm_bindgen(js_name = nextWorkingDay)]
    pub fn next_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    ) -> Result<String, JsValue> {
        let d = convert::date("date", &date)?;
        Ok(self.0.next_working_day(d).js()?.to_string())
    }

    /// The last working day before `date`.
    #[wasm_bindgen(js_name = previousWorkingDay)]
    pub fn previous_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    ) -> Result<String, JsValue> {
        let d = convert::date("date", &date)?;
        Ok(self.0.previous_working_day(d).js()?.to_string())
    }

    /// `{status, sources, sourcesVi}` for a year: status `"official"`, `"loaded"`,
    /// `"projected"` or `"none"` (a calendar built without national holidays).
    #[wasm_bindgen(js_name = scheduleSource, unchecked_return_type = "ScheduleSource")]
    pub fn schedule_source(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
    ) -> Result<Object, JsValue> {
        let source = self.0.schedule_source(int32("year", &year)?).js()?;
        let out = Object::new();
        set(&out, "status", source.status().into());
        let texts = |list: &[std::borrow::Cow<'static, str>]| -> Array {
            list.iter().map(|s| JsValue::from_str(s)).collect()
        };
        set(&out, "sources", texts(source.sources()).into());
        set(&out, "sourcesVi", texts(source.sources_vi()).into());
        Ok(out)
    }

    /// Length of one working day, in hours (8 by default).
    #[wasm_bindgen(getter, js_name = dayHours)]
    pub fn day_hours(&self) -> f64 {
        self.0.sessions().day_length().hours()
    }

    /// `at` if it is inside a working session, else the next session start.
    #[wasm_bindgen(js_name = nextWorkingInstant)]
    pub fn next_working_instant(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
    ) -> Result<String, JsValue> {
        let t = convert::instant("at", &at)?;
        Ok(convert::iso_instant(self.0.next_working_instant(t).js()?))
    }

    /// The instant when `{days, hours, minutes}` of working time (each
    /// optional, fractions allowed) have elapsed from `at`.
    #[wasm_bindgen(js_name = addWorkingTime)]
    pub fn add_working_time(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WorkingDuration")] duration: JsValue,
    ) -> Result<String, JsValue> {
        let t = convert::instant("at", &at)?;
        if !duration.is_object() {
            return Err(wrong_type(
                "duration",
                "an object {days, hours, minutes}",
                &duration,
            ));
        }
        let part = |name: &str| -> Result<f64, JsValue> {
            let v = convert::field(&duration, name)?;
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
        Ok(convert::iso_instant(self.0.add_working_time(t, d).js()?))
    }

    /// Working time from `a` to `b`, in hours (negative when `b < a`).
    #[wasm_bindgen(js_name = workingHoursBetween)]
    pub fn working_hours_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] b: JsValue,
    ) -> Result<f64, JsValue> {
        let (a, b) = (convert::instant("a", &a)?, convert::instant("b", &b)?);
        Ok(self.0.working_time_between(a, b).js()?.hours())
    }

    /// Civil Code deadline of `days` calendar days after `date`.
    #[wasm_bindgen(js_name = addCalendarDays)]
    pub fn add_calendar_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    ) -> Result<String, JsValue> {
        let d = convert::date("date", &date)?;
        Ok(self
            .0
            .add_calendar_days(d, int32("days", &days)?)
            .js()?
            .to_string())
    }
}

/// The `workingDays` flag of an optional `{workingDays}` options object.
fn working_days(options: &JsValue) -> Result<bool, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(false);
    }
    if !options.is_object() {
        return Err(wrong_type("options", "an object {workingDays}", options));
    }
    convert::flag("workingDays", &convert::field(options, "workingDays")?)
}
