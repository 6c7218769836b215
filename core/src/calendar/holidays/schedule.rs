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
//! the offending field by its path (`years[0].entries[3].date`), and the
//! value where it is a date or a kind. Read by the readers of `json.rs`.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use super::{Holiday, HolidayKind, Provenance};
use crate::error::{ErrorKind, Result};
use crate::wire::{self, FromJson, JsonError, Object, Path};

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
    /// The notice that fixes this date (document number, date, URL), where
    /// the entry has its own; otherwise the year's `sources` hold.
    pub source: Option<Cow<'static, str>>,
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
            source: self.source.clone(),
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
    /// The date up to which the document's author checked the notices: an
    /// announcement published after it is not in the document.
    pub as_of: Option<NaiveDate>,
    /// Official schedules, one per year.
    pub years: Vec<YearSchedule>,
    /// Date overrides applied after everything else.
    pub overrides: Vec<DataEntry>,
}

/// Names and sources are shown to people: a string with some text.
fn words(value: &Value, at: &Path<'_>) -> std::result::Result<String, JsonError> {
    let text = wire::text(value, at)?;
    if text.trim().is_empty() {
        return Err(JsonError::at(at, "must not be empty".into()));
    }
    Ok(text.to_owned())
}

impl FromJson for DataEntry {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["date", "kind", "name_vi", "name_en", "source"])?;
        Ok(DataEntry {
            date: o.required("date")?,
            kind: o.required("kind")?,
            name_vi: Cow::Owned(o.required_with("name_vi", words)?),
            name_en: Cow::Owned(o.required_with("name_en", words)?),
            source: o.present_with("source", words)?.map(Cow::Owned),
        })
    }
}

/// Entries in date order; a date listed twice is an error at its second
/// listing.
fn entries(value: &Value, at: &Path<'_>) -> std::result::Result<Vec<DataEntry>, JsonError> {
    let mut list: Vec<DataEntry> = FromJson::read(value, at)?;
    let dates: Vec<NaiveDate> = list.iter().map(|e| e.date).collect();
    wire::no_repeats(&dates, at, "date", "appears twice")?;
    list.sort_by_key(|e| e.date);
    Ok(list)
}

impl FromJson for YearSchedule {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["year", "sources", "entries"])?;
        let year = o.required_with("year", |v, at| match v.as_i64() {
            Some(y) if (1900..=2100).contains(&y) => Ok(y as i32),
            Some(y) => Err(JsonError::at(
                at,
                format!("{y} is not a year from 1900 to 2100"),
            )),
            None => Err(wire::expected("a year from 1900 to 2100", v, at)),
        })?;
        let sources = o.present_with("sources", |v, at| wire::list(v, at, words))?;
        let entries = o.required_with("entries", |v, at| {
            let list = entries(v, at)?;
            match list.iter().find(|e| (e.date.year() - year).abs() > 1) {
                Some(e) => Err(JsonError::at(
                    at,
                    format!("{} is too far from the schedule's year {year}", e.date),
                )),
                None => Ok(list),
            }
        })?;
        Ok(YearSchedule {
            year,
            sources: sources
                .unwrap_or_default()
                .into_iter()
                .map(Cow::Owned)
                .collect(),
            entries,
        })
    }
}

impl FromJson for CalendarData {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        // `description` and `projected_years` are notes for the people who
        // edit the file (the data generator checks the second).
        let o = Object::strict(
            value,
            at,
            &[
                "version",
                "as_of",
                "description",
                "projected_years",
                "years",
                "overrides",
            ],
        )?;
        let years = o.present_with("years", |v, at| {
            let years: Vec<YearSchedule> = FromJson::read(v, at)?;
            let numbers: Vec<i32> = years.iter().map(|y| y.year).collect();
            wire::no_repeats(&numbers, at, "year", "is listed twice")?;
            Ok(years)
        })?;
        Ok(CalendarData {
            version: o.present_with("version", words)?,
            as_of: o.present_with("as_of", NaiveDate::read)?,
            years: years.unwrap_or_default(),
            overrides: o.present_with("overrides", entries)?.unwrap_or_default(),
        })
    }
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
        wire::from_str(json)
            .map_err(|e| e.into_error(ErrorKind::InvalidCalendarData, "calendar data"))
    }
}
