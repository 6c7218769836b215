//! The JSON document of calendar data: official yearly schedules and a
//! center's overrides. The embedded official schedules are written in this
//! format (`data/vn-official-schedules.json`) and a center loads its own at
//! run time, in every runtime.
//!
//! ```json
//! {
//!   "version": "2027.1",
//!   "years": [
//!     {"year": 2027, "sources": ["Công văn …/VPCP-KGVX"],
//!      "entries": [{"date": "2027-01-01", "kind": "statutory",
//!                   "name_vi": "Tết Dương lịch", "name_en": "New Year's Day"}]}
//!   ],
//!   "overrides": [
//!     {"date": "2026-11-24", "kind": "closure",
//!      "name_vi": "Ngày Văn hóa Việt Nam", "name_en": "Vietnam Culture Day"}
//!   ]
//! }
//! ```
//!
//! A year listed under `years` replaces the rule projection of that year
//! entirely; `overrides` are applied last, date by date. Every error names
//! the offending field by its path (`years[0].entries[3].date`) and value.

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value};

use super::{Holiday, HolidayKind, Provenance};
use crate::error::{Error, ErrorKind, Result};

/// One dated entry of a calendar data document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataEntry {
    /// The civil date.
    pub date: NaiveDate,
    /// What the entry does to the date.
    pub kind: HolidayKind,
    /// Vietnamese name.
    pub name_vi: Cow<'static, str>,
    /// English name.
    pub name_en: Cow<'static, str>,
}

impl DataEntry {
    /// The calendar entry this data entry makes, from `provenance`.
    pub fn to_holiday(&self, provenance: Provenance) -> Holiday {
        Holiday {
            date: self.date,
            kind: self.kind,
            name_vi: self.name_vi.clone(),
            name_en: self.name_en.clone(),
            provenance,
        }
    }
}

/// The official schedule of one year, which replaces the rule projection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearSchedule {
    /// The Gregorian year the schedule governs. Its entries may spill into
    /// the neighbouring years (a swap of 31 December paid back on a January
    /// Saturday).
    pub year: i32,
    /// Where the schedule comes from (notices, dispatches, press).
    pub sources: Vec<Cow<'static, str>>,
    /// The entries, in date order.
    pub entries: Vec<DataEntry>,
}

/// A calendar data document: official schedules and overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarData {
    /// Free-form version of the document.
    pub version: Option<String>,
    /// Official schedules, one per year.
    pub years: Vec<YearSchedule>,
    /// Date overrides applied after everything else.
    pub overrides: Vec<DataEntry>,
}

fn invalid(path: &str, message: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::InvalidCalendarData, format!("{path}: {message}"))
}

fn shown(value: &Value) -> String {
    let s = value.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

fn object<'a>(value: &'a Value, path: &str, allowed: &[&str]) -> Result<&'a Map<String, Value>> {
    let map = value
        .as_object()
        .ok_or_else(|| invalid(path, format!("expected an object, found {}", shown(value))))?;
    if let Some(key) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(invalid(
            path,
            format!(
                "unknown field {key:?}; expected one of {}",
                allowed.join(", ")
            ),
        ));
    }
    Ok(map)
}

fn field<'a>(map: &'a Map<String, Value>, path: &str, name: &str) -> Result<&'a Value> {
    map.get(name)
        .ok_or_else(|| invalid(&format!("{path}.{name}"), "missing"))
}

fn string(value: &Value, path: &str) -> Result<String> {
    match value.as_str() {
        Some(s) if !s.trim().is_empty() => Ok(s.to_owned()),
        Some(_) => Err(invalid(path, "must not be empty")),
        None => Err(invalid(
            path,
            format!("expected a string, found {}", shown(value)),
        )),
    }
}

fn array<'a>(value: &'a Value, path: &str) -> Result<&'a Vec<Value>> {
    value
        .as_array()
        .ok_or_else(|| invalid(path, format!("expected an array, found {}", shown(value))))
}

fn entry(value: &Value, path: &str) -> Result<DataEntry> {
    let map = object(value, path, &["date", "kind", "name_vi", "name_en"])?;
    let date_path = format!("{path}.date");
    let date_value = field(map, path, "date")?;
    let date = date_value
        .as_str()
        .and_then(crate::calendar::iso::parse_date)
        .ok_or_else(|| {
            invalid(
                &date_path,
                format!(
                    "{} is not a date (expected \"YYYY-MM-DD\")",
                    shown(date_value)
                ),
            )
        })?;
    let kind_value = field(map, path, "kind")?;
    let kind = kind_value
        .as_str()
        .and_then(HolidayKind::from_code)
        .ok_or_else(|| {
            let codes: Vec<&str> = HolidayKind::ALL.iter().map(|k| k.code()).collect();
            invalid(
                &format!("{path}.kind"),
                format!(
                    "{} is not a kind; expected one of {}",
                    shown(kind_value),
                    codes.join(", ")
                ),
            )
        })?;
    Ok(DataEntry {
        date,
        kind,
        name_vi: Cow::Owned(string(
            field(map, path, "name_vi")?,
            &format!("{path}.name_vi"),
        )?),
        name_en: Cow::Owned(string(
            field(map, path, "name_en")?,
            &format!("{path}.name_en"),
        )?),
    })
}

fn entries(value: &Value, path: &str) -> Result<Vec<DataEntry>> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, v) in array(value, path)?.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let e = entry(v, &p)?;
        if !seen.insert(e.date) {
            return Err(invalid(
                &format!("{p}.date"),
                format!("{} appears twice", e.date),
            ));
        }
        out.push(e);
    }
    out.sort_by_key(|e| e.date);
    Ok(out)
}

impl CalendarData {
    /// Parses and validates a calendar data document.
    ///
    /// ```
    /// use motcua::calendar::holidays::CalendarData;
    ///
    /// let err = CalendarData::from_json(
    ///     r#"{"overrides": [{"date": "2026-02-30", "kind": "closure", "name_vi": "x", "name_en": "x"}]}"#,
    /// ).unwrap_err();
    /// assert_eq!(err.code(), "calendar.invalid_data");
    /// assert!(err.message().contains("overrides[0].date"));
    /// assert!(err.message().contains("2026-02-30"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        let root: Value = serde_json::from_str(json).map_err(|e| {
            Error::new(
                ErrorKind::InvalidCalendarData,
                format!("calendar data is not valid JSON: {e}"),
            )
        })?;
        let map = object(
            &root,
            "$",
            &["version", "description", "years", "overrides"],
        )?;
        let version = map
            .get("version")
            .map(|v| string(v, "version"))
            .transpose()?;
        let mut years: Vec<YearSchedule> = Vec::new();
        if let Some(list) = map.get("years") {
            for (i, v) in array(list, "years")?.iter().enumerate() {
                let path = format!("years[{i}]");
                let m = object(v, &path, &["year", "sources", "entries"])?;
                let year_value = field(m, &path, "year")?;
                let year = year_value
                    .as_i64()
                    .filter(|y| (1900..=2100).contains(y))
                    .ok_or_else(|| {
                        invalid(
                            &format!("{path}.year"),
                            format!("{} is not a year from 1900 to 2100", shown(year_value)),
                        )
                    })? as i32;
                if years.iter().any(|y| y.year == year) {
                    return Err(invalid(
                        &format!("{path}.year"),
                        format!("{year} is listed twice"),
                    ));
                }
                let sources = match m.get("sources") {
                    Some(s) => array(s, &format!("{path}.sources"))?
                        .iter()
                        .enumerate()
                        .map(|(j, s)| string(s, &format!("{path}.sources[{j}]")).map(Cow::Owned))
                        .collect::<Result<Vec<_>>>()?,
                    None => Vec::new(),
                };
                let entries_path = format!("{path}.entries");
                let list = entries(field(m, &path, "entries")?, &entries_path)?;
                if let Some(e) = list.iter().find(|e| (e.date.year() - year).abs() > 1) {
                    return Err(invalid(
                        &entries_path,
                        format!("{} is too far from the schedule's year {year}", e.date),
                    ));
                }
                years.push(YearSchedule {
                    year,
                    sources,
                    entries: list,
                });
            }
        }
        let overrides = match map.get("overrides") {
            Some(v) => entries(v, "overrides")?,
            None => Vec::new(),
        };
        Ok(CalendarData {
            version,
            years,
            overrides,
        })
    }
}
