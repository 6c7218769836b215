//! The wire form of calendar data: the reader of official schedules and
//! of a center's overrides, and its `from_json`.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use super::{FromJson, JsonError, Object, Path};
use crate::calendar::holidays::{CalendarData, DataEntry, YearSchedule};
use crate::error::{ErrorKind, Result};

/// Names and sources are shown to people: a string with some text.
fn words(value: &Value, at: &Path<'_>) -> std::result::Result<String, JsonError> {
    let text = super::text(value, at)?;
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
    super::no_repeats(&dates, at, "date", "appears twice")?;
    list.sort_by_key(|e| e.date);
    Ok(list)
}

impl FromJson for YearSchedule {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::strict(value, at, &["year", "sources", "sources_vi", "entries"])?;
        let year = o.required_with("year", |v, at| match v.as_i64() {
            Some(y) if (1900..=2100).contains(&y) => Ok(y as i32),
            Some(y) => Err(JsonError::at(
                at,
                format!("{y} is not a year from 1900 to 2100"),
            )),
            None => Err(super::expected("a year from 1900 to 2100", v, at)),
        })?;
        let sources = o
            .present_with("sources", |v, at| super::list(v, at, words))?
            .unwrap_or_default();
        let sources_vi = o
            .present_with("sources_vi", |v, at| {
                let list = super::list(v, at, words)?;
                if list.len() == sources.len() {
                    Ok(list)
                } else {
                    Err(JsonError::at(
                        at,
                        format!(
                            "{} Vietnamese sources for {} sources: they go one for one",
                            list.len(),
                            sources.len()
                        ),
                    ))
                }
            })?
            .unwrap_or_default();
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
            sources: sources.into_iter().map(Cow::Owned).collect(),
            sources_vi: sources_vi.into_iter().map(Cow::Owned).collect(),
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
            super::no_repeats(&numbers, at, "year", "is listed twice")?;
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
        super::from_str(json)
            .map_err(|e| e.into_error(ErrorKind::InvalidCalendarData, "calendar data"))
    }
}
