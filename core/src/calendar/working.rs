//! [`Calendar`]: working days on rank/select tables.
//!
//! `before[i]` counts the working days among the first `i` days of the
//! range and `select[k]` is the offset of the `k`-th working day, so adding
//! and counting working days are two array reads each, whatever the
//! distance: O(1) over the whole supported range. A date's offset comes
//! from its year and day of the year (`year_starts`), and an offset's date
//! from the `dates` table, so no calendar arithmetic runs per call.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, Days, NaiveDate};

use super::builder::CalendarBuilder;
use super::day::from_epoch_day;
use super::holidays::rules::CultureDayOnWeekend;
use super::holidays::{CalendarData, Holiday, Provenance, DATA_AS_OF, DATA_VERSION};
use super::sessions::WorkingSessions;
use crate::error::{Error, ErrorKind, Result};

/// A working day of a calendar's range: its offset and its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WorkingDay {
    pub(super) offset: u32,
    pub(super) date: NaiveDate,
}

/// The notices a year's schedule cites: as written (document numbers,
/// press, often English research notes), and in Vietnamese for a
/// Vietnamese page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notices {
    /// The sources as cited.
    pub cited: Vec<Cow<'static, str>>,
    /// The same sources in Vietnamese, one for one; empty where the data
    /// gives none.
    pub vi: Vec<Cow<'static, str>>,
}

/// Where the entries of a year come from; written as `{"status",
/// "sources", "sources_vi"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleSource {
    /// An official schedule embedded in the library, with its sources.
    Official(Notices),
    /// An official schedule loaded at run time, with its sources.
    Loaded(Notices),
    /// No schedule: projected from the statutory rules (provisional).
    Projected,
    /// No national holidays: the calendar was built without them.
    None,
}

impl ScheduleSource {
    /// The stable label: `official`, `loaded`, `projected` or `none`.
    pub const fn status(&self) -> &'static str {
        match self {
            ScheduleSource::Official(_) => "official",
            ScheduleSource::Loaded(_) => "loaded",
            ScheduleSource::Projected => "projected",
            ScheduleSource::None => "none",
        }
    }

    /// The notices of an official or loaded schedule as cited (none
    /// otherwise).
    pub fn sources(&self) -> &[Cow<'static, str>] {
        match self {
            ScheduleSource::Official(n) | ScheduleSource::Loaded(n) => &n.cited,
            ScheduleSource::Projected | ScheduleSource::None => &[],
        }
    }

    /// The notices for a page in `language`: Vietnamese as
    /// [`Self::sources_vi`], English as cited (most notes are English; a
    /// Vietnamese document number reads the same).
    pub fn sources_in(&self, language: crate::dossier::Language) -> &[Cow<'static, str>] {
        match language {
            crate::dossier::Language::Vi => self.sources_vi(),
            crate::dossier::Language::En => self.sources(),
        }
    }

    /// The same notices in Vietnamese; as cited where the data gives no
    /// Vietnamese rendering (a loaded document may not).
    pub fn sources_vi(&self) -> &[Cow<'static, str>] {
        match self {
            ScheduleSource::Official(n) | ScheduleSource::Loaded(n) if !n.vi.is_empty() => &n.vi,
            _ => self.sources(),
        }
    }
}

impl serde::Serialize for ScheduleSource {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("ScheduleSource", 3)?;
        out.serialize_field("status", self.status())?;
        if !matches!(self, ScheduleSource::Projected | ScheduleSource::None) {
            out.serialize_field("sources", self.sources())?;
            out.serialize_field("sources_vi", self.sources_vi())?;
        }
        out.end()
    }
}

/// One set of calendar data a calendar was built from: the official
/// schedules embedded in the library, or a document loaded at run time.
/// Every due date's explanation names them, so that an appointment can be
/// traced to the notices known when it was computed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DataVersion {
    /// [`Provenance::Official`] for the embedded data, [`Provenance::Loaded`]
    /// for a document.
    pub provenance: Provenance,
    /// The data's version ([`crate::calendar::holidays::DATA_VERSION`] for
    /// the embedded data; a document's own `version`).
    pub version: Option<String>,
    /// The date up to which the notices were checked.
    #[serde(with = "super::iso::date_opt")]
    pub as_of: Option<NaiveDate>,
}

/// The calendar a dossier was recorded on, as its JSON keeps it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CalendarStamp {
    /// The calendar data it was built from.
    pub versions: Vec<DataVersion>,
    /// Whether 24/11 was a holiday from 2026.
    pub culture_day: bool,
    /// 16 hex digits: the FNV-1a 64 hash of the calendar's range, working
    /// days and sessions. Equal digests give equal due dates.
    pub digest: String,
}

impl CalendarStamp {
    /// `"official 2026.12.1, digest 9f…"`: for messages.
    pub fn describe(&self) -> String {
        let versions: Vec<String> = self
            .versions
            .iter()
            .map(|v| {
                format!(
                    "{} {}",
                    v.provenance.code(),
                    v.version.as_deref().unwrap_or("?")
                )
            })
            .collect();
        let data = if versions.is_empty() {
            "no holidays".to_owned()
        } else {
            versions.join(" + ")
        };
        let culture = if self.culture_day {
            ""
        } else {
            ", without 24/11"
        };
        format!("{data}{culture}, digest {}", self.digest)
    }
}

/// A working calendar: working weekdays, working sessions, holidays and
/// date overrides over a fixed range of dates.
///
/// Immutable once built: loading data makes a new calendar, so a rejected
/// call never leaves a calendar half-changed.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub(super) builder: CalendarBuilder,
    /// What the calendar answers, hashed (see [`Calendar::stamp`]).
    pub(super) digest: u64,
    /// Epoch day of the first date of the range.
    pub(super) first: i32,
    /// `before[i]`: working days among days `0..i` of the range (len = days + 1).
    pub(super) before: Arc<[u32]>,
    /// `select[k]`: the `k`-th working day of the range, with its date so
    /// that an addition reads one entry for both.
    pub(super) select: Arc<[WorkingDay]>,
    /// Offset of 1 January of each year of the range (negative for a range
    /// that starts after 1 January), from the first date's year.
    pub(super) year_starts: Arc<[i32]>,
    /// The first and last dates of the range.
    pub(super) bounds: (NaiveDate, NaiveDate),
    /// The year of the first date.
    pub(super) first_year: i32,
    /// The entries, in date order.
    pub(super) entries: Arc<[Holiday]>,
    /// The years with a schedule and its source, in year order.
    pub(super) sources: Arc<[(i32, ScheduleSource)]>,
    pub(super) sessions: WorkingSessions,
}

impl Calendar {
    /// The calendar of Vietnam's state sector, as used by the Public
    /// Administrative Service Centers: Monday to Friday, 07:30–11:30 and
    /// 13:00–17:00, statutory holidays with nghỉ bù, and the official
    /// schedules (swapped days, make-up Saturdays) embedded in the library,
    /// from 2000-01-01 to 2100-12-31.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use motcua::calendar::Calendar;
    ///
    /// let cal = Calendar::vietnam();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(cal.is_working_day(d(2026, 1, 10))?); // make-up Saturday
    /// assert!(!cal.is_working_day(d(2026, 1, 2))?); // swapped Friday
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn vietnam() -> Calendar {
        static VIETNAM: OnceLock<Calendar> = OnceLock::new();
        VIETNAM
            .get_or_init(|| {
                // Built from the embedded data only, which the tests check;
                // no user input reaches this call.
                CalendarBuilder::new()
                    .build()
                    .expect("the embedded calendar data is valid")
            })
            .clone()
    }

    /// A builder for a custom calendar.
    pub fn builder() -> CalendarBuilder {
        CalendarBuilder::new()
    }

    /// This calendar with a calendar data document applied on top of what
    /// it has (official schedules of more years, center overrides).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use motcua::calendar::{holidays::CalendarData, Calendar};
    ///
    /// let data = CalendarData::from_json(r#"{"overrides": [{"date": "2026-11-24",
    ///     "kind": "closure", "name_vi": "Ngày Văn hóa Việt Nam", "name_en": "Vietnam Culture Day"}]}"#)?;
    /// let cal = Calendar::vietnam().with_data(data)?;
    /// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())?);
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn with_data(&self, data: CalendarData) -> Result<Calendar> {
        self.builder.clone().data(data).build()
    }

    /// The data the calendar was built from: the embedded official
    /// schedules first (unless built without holidays), then each loaded
    /// document in the order added.
    pub fn data_versions(&self) -> Vec<DataVersion> {
        let embedded = self.builder.has_holidays().then(|| DataVersion {
            provenance: Provenance::Official,
            version: Some(DATA_VERSION.to_owned()),
            as_of: super::iso::parse_date(DATA_AS_OF),
        });
        let loaded = self.builder.documents().iter().map(|doc| DataVersion {
            provenance: Provenance::Loaded,
            version: doc.version.clone(),
            as_of: doc.as_of,
        });
        embedded.into_iter().chain(loaded).collect()
    }

    /// What identifies this calendar in a dossier's JSON: the data it was
    /// built from, for people, and a digest of its working days and
    /// sessions, for the check. A dossier read on a calendar with another
    /// digest would silently get other due dates for the same log, so
    /// [`crate::dossier::Dossier::from_json`] refuses it and
    /// [`crate::dossier::Dossier::reevaluate_json`] replays it on purpose.
    pub fn stamp(&self) -> CalendarStamp {
        CalendarStamp {
            versions: self.data_versions(),
            culture_day: self.has_culture_day(),
            digest: self.digest(),
        }
    }

    /// The stamp's digest alone, as 16 hex digits: what a dossier's JSON
    /// line records and what reading a dossier compares, without the data
    /// versions the whole stamp collects.
    pub fn digest(&self) -> String {
        format!("{:016x}", self.digest)
    }

    /// Whether 24/11 is a holiday from 2026 (`false` only for a calendar
    /// built with [`CalendarBuilder::without_culture_day`]).
    pub fn has_culture_day(&self) -> bool {
        self.builder.has_culture_day()
    }

    /// What a 24 November on a weekend gives in the projected years.
    pub fn culture_day_on_weekend(&self) -> CultureDayOnWeekend {
        self.builder.culture_day()
    }

    /// First date of the supported range.
    pub fn first_date(&self) -> NaiveDate {
        self.bounds.0
    }

    /// Last date of the supported range.
    pub fn last_date(&self) -> NaiveDate {
        self.bounds.1
    }

    /// The working sessions of a working day.
    pub fn sessions(&self) -> &WorkingSessions {
        &self.sessions
    }

    fn len(&self) -> usize {
        self.before.len() - 1
    }

    /// Offset of an epoch day in the range, or an out-of-range error.
    #[inline]
    pub(super) fn offset(&self, day: i32) -> Result<usize> {
        let off = day.wrapping_sub(self.first);
        if off >= 0 && (off as usize) < self.len() {
            Ok(off as usize)
        } else {
            Err(self.out_of_range(day))
        }
    }

    /// Offset of a date in the range, or an out-of-range error.
    #[inline]
    pub(super) fn offset_of(&self, date: NaiveDate) -> Result<usize> {
        let year = date.year().wrapping_sub(self.first_year) as u32 as usize;
        if year < self.year_starts.len() {
            let off = self.year_starts[year] + date.ordinal0() as i32;
            if off >= 0 && (off as usize) < self.len() {
                return Ok(off as usize);
            }
        }
        Err(self.out_of_range_date(date))
    }

    #[cold]
    fn out_of_range_date(&self, date: NaiveDate) -> Error {
        self.out_of_range_what(date.to_string())
    }

    #[cold]
    pub(super) fn out_of_range(&self, day: i32) -> Error {
        self.out_of_range_what(
            from_epoch_day(day).map_or_else(|| format!("epoch day {day}"), |d| d.to_string()),
        )
    }

    #[cold]
    fn out_of_range_what(&self, what: String) -> Error {
        Error::new(
            ErrorKind::OutOfRange,
            format!(
                "{what} is outside the calendar's supported range {}..={}",
                self.first_date(),
                self.last_date()
            ),
        )
    }

    #[inline]
    pub(super) fn working_at(&self, off: usize) -> bool {
        self.before[off + 1] != self.before[off]
    }

    /// Whether an epoch day (days since 1970-01-01) is a working day.
    #[inline]
    pub fn is_working_epoch_day(&self, day: i32) -> Result<bool> {
        Ok(self.working_at(self.offset(day)?))
    }

    /// [`Calendar::add_working_days`] on epoch days (days since 1970-01-01,
    /// numpy's `datetime64[D]`): the fast path for batch work.
    #[inline]
    pub fn add_working_days_epoch(&self, day: i32, n: i32) -> Result<i32> {
        let off = self.offset(day)?;
        if n == 0 {
            return Ok(day);
        }
        match self.nth_working_day(off, n) {
            Some(w) => Ok(self.first + w.offset as i32),
            None => Err(self.out_of_range_result(
                from_epoch_day(day).map_or_else(|| day.to_string(), |d| d.to_string()),
                n,
            )),
        }
    }

    /// The `n`-th working day after offset `off` (before it for negative
    /// `n`; `n != 0`), `None` outside the range.
    #[inline]
    pub(super) fn nth_working_day(&self, off: usize, n: i32) -> Option<WorkingDay> {
        // Index in `select` of the target working day.
        let k = if n > 0 {
            i64::from(self.before[off + 1]) + i64::from(n) - 1
        } else {
            i64::from(self.before[off]) + i64::from(n)
        };
        let k = usize::try_from(k).ok()?;
        self.select.get(k).copied()
    }

    #[cold]
    fn out_of_range_result(&self, from: String, n: i32) -> Error {
        Error::new(
            ErrorKind::OutOfRange,
            format!(
                "{from} {} {} working days falls outside the calendar's supported range {}..={}",
                if n < 0 { "minus" } else { "plus" },
                n.unsigned_abs(),
                self.first_date(),
                self.last_date()
            ),
        )
    }

    /// [`Calendar::working_days_between`] on epoch days.
    #[inline]
    pub fn working_days_between_epoch(&self, a: i32, b: i32) -> Result<i32> {
        let (oa, ob) = (self.offset(a)?, self.offset(b)?);
        Ok(self.before[ob + 1] as i32 - self.before[oa + 1] as i32)
    }

    /// Whether `date` is a working day: a working weekday that is not a
    /// holiday, substitute or swapped day, or a make-up working day.
    #[inline]
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        Ok(self.working_at(self.offset_of(date)?))
    }

    /// The `n`-th working day strictly after `date` (`date` itself need not
    /// be a working day); for negative `n`, the `|n|`-th working day strictly
    /// before it; `date` itself for `n == 0`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use motcua::calendar::Calendar;
    ///
    /// let cal = Calendar::vietnam();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Friday before Tết Bính Ngọ: the next working day is after the 9-day break.
    /// assert_eq!(cal.add_working_days(d(2026, 2, 13), 1)?, d(2026, 2, 23));
    /// assert_eq!(cal.working_days_between(d(2026, 2, 13), d(2026, 2, 23))?, 1);
    /// # Ok::<(), motcua::Error>(())
    /// ```
    #[inline]
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> Result<NaiveDate> {
        let off = self.offset_of(date)?;
        if n == 0 {
            return Ok(date);
        }
        match self.nth_working_day(off, n) {
            Some(w) => Ok(w.date),
            None => Err(self.out_of_range_result(date.to_string(), n)),
        }
    }

    /// The number of working days in `(a, b]`; negative when `b < a` (minus
    /// the working days in `(b, a]`).
    #[inline]
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i32> {
        let (oa, ob) = (self.offset_of(a)?, self.offset_of(b)?);
        Ok(self.before[ob + 1] as i32 - self.before[oa + 1] as i32)
    }

    /// The entries of the calendar (holidays, substitute, swapped and make-up
    /// days, overrides) dated in `year`, in date order.
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>> {
        self.check_year(year)?;
        let (first, last) = (self.first_date(), self.last_date());
        let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(first);
        let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(last);
        let start = self.entries.partition_point(|h| h.date < from);
        let end = self.entries.partition_point(|h| h.date <= to);
        Ok(self.entries[start..end].to_vec())
    }

    /// The entry of a date, if it has one.
    pub fn holiday(&self, date: NaiveDate) -> Result<Option<&Holiday>> {
        self.offset_of(date)?;
        Ok(self
            .entries
            .binary_search_by_key(&date, |h| h.date)
            .ok()
            .map(|i| &self.entries[i]))
    }

    /// Where the entries of `year` come from: an official schedule (with its
    /// sources), the rules (provisional), or nowhere for a calendar built
    /// without national holidays.
    pub fn schedule_source(&self, year: i32) -> Result<ScheduleSource> {
        self.check_year(year)?;
        let found = self.sources.binary_search_by_key(&year, |(y, _)| *y);
        Ok(match found.ok().map(|i| &self.sources[i].1) {
            Some(source) => source.clone(),
            None if self.builder.has_holidays() => ScheduleSource::Projected,
            None => ScheduleSource::None,
        })
    }

    /// A year of the calendar's range, or `calendar.out_of_range`.
    fn check_year(&self, year: i32) -> Result<()> {
        let (first, last) = (self.first_date().year(), self.last_date().year());
        if year < first || year > last {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                format!("year {year} is outside the calendar's supported range {first}..={last}"),
            ));
        }
        Ok(())
    }

    /// Years whose schedule is official (embedded or loaded).
    pub fn official_years(&self) -> BTreeSet<i32> {
        self.sources
            .iter()
            .filter(|(_, s)| matches!(s, ScheduleSource::Official(_) | ScheduleSource::Loaded(_)))
            .map(|&(y, _)| y)
            .collect()
    }

    /// The Civil Code deadline of a period of `days` calendar days that
    /// starts with an event on `date`: the day of the event is not counted,
    /// and a last day that is not a working day moves to the next working
    /// day (Civil Code 2015, Art. 147–148).
    ///
    /// Errors with [`ErrorKind::InvalidDuration`] for a negative `days`.
    pub fn add_calendar_days(&self, date: NaiveDate, days: i32) -> Result<NaiveDate> {
        self.offset_of(date)?;
        let count = u64::try_from(days).map_err(|_| {
            Error::new(
                ErrorKind::InvalidDuration,
                format!("{days} calendar days is not a duration: expected >= 0"),
            )
        })?;
        let last = date
            .checked_add_days(Days::new(count))
            .ok_or_else(|| self.out_of_range_result_days(date, days))?;
        let off = self
            .offset_of(last)
            .map_err(|_| self.out_of_range_result_days(date, days))?;
        if self.working_at(off) {
            return Ok(last);
        }
        self.nth_working_day(off, 1)
            .map(|w| w.date)
            .ok_or_else(|| self.out_of_range_result_days(date, days))
    }

    #[cold]
    fn out_of_range_result_days(&self, date: NaiveDate, days: i32) -> Error {
        Error::new(
            ErrorKind::OutOfRange,
            format!(
                "{date} plus {days} calendar days falls outside the calendar's supported range {}..={}",
                self.first_date(),
                self.last_date()
            ),
        )
    }
}
