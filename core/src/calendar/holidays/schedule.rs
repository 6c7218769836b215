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
//! value where it is a date or a kind. Read by the readers of `wire/calendar.rs`.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{Holiday, HolidayKind, Provenance};

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
    /// The same sources in Vietnamese, one for one (`sources_vi`); empty
    /// where the document gives none.
    pub sources_vi: Vec<Cow<'static, str>>,
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

impl CalendarData {}
