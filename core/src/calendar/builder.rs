//! [`CalendarBuilder`]: how a [`Calendar`] is assembled from weekdays,
//! sessions, the holiday rules, the official schedules and run-time data.

use chrono::{Datelike, NaiveDate, Timelike, Weekday};

use super::day::epoch_day;
use super::holidays::rules::{self, CultureDayOnWeekend};
use super::holidays::{self, CalendarData, Holiday, HolidayKind, Provenance, YearSchedule};
use super::lunar;
use super::sessions::WorkingSessions;
use super::working::{Calendar, Notices, ScheduleSource, WorkingDay};
use crate::error::{Error, ErrorKind, Result};

/// Builds a [`Calendar`]. [`CalendarBuilder::new`] starts from the
/// state-sector defaults of [`Calendar::vietnam`].
///
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use motcua::calendar::Calendar;
///
/// // A center that also opens on Saturdays.
/// let cal = Calendar::builder()
///     .working_weekdays(&[Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat])
///     .build()?;
/// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2026, 3, 7).unwrap())?);
/// # Ok::<(), motcua::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct CalendarBuilder {
    weekdays: [bool; 7],
    sessions: WorkingSessions,
    first: NaiveDate,
    last: NaiveDate,
    holidays: bool,
    culture_day: CultureDayOnWeekend,
    without_culture_day: bool,
    data: Vec<CalendarData>,
}

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// First date a working calendar can cover. The state sector's Monday–Friday
/// week began on 2 October 1999 (Decision 188/1999/QĐ-TTg; Saturday was a
/// working day before), so the holiday rules and the default week hold from
/// 2000 on. The lunar calendar alone goes back to 1900.
pub const FIRST_SUPPORTED_DATE: NaiveDate = ymd(2000, 1, 1);
/// Last date a working calendar can cover (the lunar table's end).
pub const LAST_SUPPORTED_DATE: NaiveDate = ymd(2100, 12, 31);

impl CalendarBuilder {
    /// The state-sector defaults: Monday–Friday, 07:30–11:30 and
    /// 13:00–17:00, holidays and official schedules, over the whole
    /// supported range [`FIRST_SUPPORTED_DATE`]..=[`LAST_SUPPORTED_DATE`].
    pub fn new() -> Self {
        Self {
            weekdays: [true, true, true, true, true, false, false],
            sessions: WorkingSessions::state_sector(),
            first: FIRST_SUPPORTED_DATE,
            last: LAST_SUPPORTED_DATE,
            holidays: true,
            culture_day: CultureDayOnWeekend::default(),
            without_culture_day: false,
            data: Vec::new(),
        }
    }

    /// The weekdays that are working days when no entry says otherwise.
    pub fn working_weekdays(mut self, days: &[Weekday]) -> Self {
        self.weekdays = [false; 7];
        for d in days {
            self.weekdays[d.num_days_from_monday() as usize] = true;
        }
        self
    }

    /// The working sessions of every working day.
    pub fn sessions(mut self, sessions: WorkingSessions) -> Self {
        self.sessions = sessions;
        self
    }

    /// The first date of the calendar's range (at or after
    /// [`FIRST_SUPPORTED_DATE`]); a shorter range builds faster and uses
    /// less memory.
    pub fn first(mut self, first: NaiveDate) -> Self {
        self.first = first;
        self
    }

    /// The last date of the calendar's range (at or before
    /// [`LAST_SUPPORTED_DATE`]).
    pub fn last(mut self, last: NaiveDate) -> Self {
        self.last = last;
        self
    }

    pub(super) fn has_holidays(&self) -> bool {
        self.holidays
    }

    /// Whether to include the national holidays and official schedules
    /// (`true` by default); without them only the weekdays and the loaded
    /// data count.
    pub fn holidays(mut self, on: bool) -> Self {
        self.holidays = on;
        self
    }

    /// What a 24 November on a weekend gives in the years projected from
    /// the rules (see [`CultureDayOnWeekend`]; official schedules decide
    /// their own years).
    pub fn culture_day_on_weekend(mut self, policy: CultureDayOnWeekend) -> Self {
        self.culture_day = policy;
        self
    }

    /// The calendar as it was computed before Resolution 28/2026/QH16
    /// entered the data (motcua's data 2026.11.1 and earlier): no 24/11 in
    /// the rules or the schedules. Not the law in force: it exists so that
    /// a center can compare its old appointments with the new calendar
    /// ([`crate::impact`]).
    pub fn without_culture_day(mut self) -> Self {
        self.without_culture_day = true;
        self
    }

    pub(super) fn has_culture_day(&self) -> bool {
        !self.without_culture_day
    }

    pub(super) fn culture_day(&self) -> CultureDayOnWeekend {
        self.culture_day
    }

    pub(super) fn documents(&self) -> &[CalendarData] {
        &self.data
    }

    /// Adds a calendar data document (official schedules, overrides).
    ///
    /// Precedence, lowest first: the rule projection; the embedded official
    /// schedules; the `years` of the documents (a later document's year
    /// replaces an earlier one's); the `overrides` of the documents, in the
    /// order added. Within the schedules, a year's own entries win over an
    /// entry of a neighbouring year's schedule dated in it.
    ///
    /// [`CalendarBuilder::build`] refuses a document that leaves a holiday
    /// of the law in force as a working day (see [`check_statutory`]).
    pub fn data(mut self, data: CalendarData) -> Self {
        self.data.push(data);
        self
    }

    /// Builds the calendar's tables.
    pub fn build(self) -> Result<Calendar> {
        if self.first > self.last
            || self.first < FIRST_SUPPORTED_DATE
            || self.last > LAST_SUPPORTED_DATE
        {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                format!(
                    "calendar range {}..={} must be ordered and within {FIRST_SUPPORTED_DATE}..={LAST_SUPPORTED_DATE}",
                    self.first, self.last,
                ),
            ));
        }
        if !self.weekdays.contains(&true) {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                "a calendar needs at least one working weekday",
            ));
        }
        for doc in &self.data {
            check_statutory_of(doc, self.has_culture_day())?;
        }
        let (entries, sources) = self.entries()?;
        let first = epoch_day(self.first);
        let days = (epoch_day(self.last) - first + 1) as usize;
        let mut before = Vec::with_capacity(days + 1);
        let mut select = Vec::new();
        before.push(0u32);
        let mut date = self.first;
        // Entries are in date order: walk them beside the days.
        let mut pending = entries
            .iter()
            .skip_while(|h| h.date < self.first)
            .peekable();
        for off in 0..days {
            let working = match pending.next_if(|h| h.date == date) {
                Some(h) => !h.kind.is_day_off(),
                None => self.weekdays[date.weekday().num_days_from_monday() as usize],
            };
            if working {
                select.push(WorkingDay {
                    offset: off as u32,
                    date,
                });
            }
            before.push(select.len() as u32);
            date = date.succ_opt().unwrap_or(date);
        }
        let year_starts: Vec<i32> = (self.first.year()..=self.last.year())
            .map(|y| {
                let jan1 = NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(self.first);
                epoch_day(jan1) - first
            })
            .collect();
        let digest = digest(first, days, &select, &self.sessions);
        Ok(Calendar {
            digest,
            first,
            before: before.into(),
            select: select.into(),
            year_starts: year_starts.into(),
            first_year: self.first.year(),
            bounds: (self.first, self.last),
            entries: entries.into(),
            sources: sources.into(),
            sessions: self.sessions.clone(),
            builder: self,
        })
    }

    /// Every entry of the range (plus the spill of neighbouring years) in
    /// date order, and the source of each year with a schedule in year
    /// order.
    #[allow(clippy::type_complexity)]
    fn entries(&self) -> Result<(Vec<Holiday>, Vec<(i32, ScheduleSource)>)> {
        let embedded = holidays::official_schedules();
        let mut years: Vec<(&YearSchedule, Provenance)> = Vec::new();
        if self.holidays {
            years.extend(embedded.iter().map(|y| (y, Provenance::Official)));
        }
        for doc in &self.data {
            years.extend(doc.years.iter().map(|y| (y, Provenance::Loaded)));
        }
        let years = latest_by_key(years, |(y, _)| y.year);
        let scheduled = |year: i32| years.binary_search_by_key(&year, |(y, _)| y.year).is_ok();
        let mut entries = Vec::new();
        // Lowest precedence first: projections, then schedules, then overrides.
        if self.holidays {
            let from = (self.first.year() - 1).max(lunar::MIN_DATE.year());
            let to = (self.last.year() + 1).min(lunar::MAX_DATE.year());
            // Without 24/11, its weekend substitute days go too.
            let policy = match self.without_culture_day {
                true => CultureDayOnWeekend::NoSubstitute,
                false => self.culture_day,
            };
            for year in (from..=to).filter(|&y| !scheduled(y)) {
                entries.extend(rules::project_year(year, policy)?);
            }
            if self.without_culture_day {
                entries.retain(|h| !rules::is_culture_day(h.date));
            }
        }
        // Entries a schedule has in neighbouring years first, so that each
        // year's own entries win.
        for &(schedule, provenance) in &years {
            let spill = schedule
                .entries
                .iter()
                .filter(|e| e.date.year() != schedule.year);
            entries.extend(spill.map(|e| e.to_holiday(provenance)));
        }
        let mut sources = Vec::with_capacity(years.len());
        for &(schedule, provenance) in &years {
            let own = schedule
                .entries
                .iter()
                .filter(|e| e.date.year() == schedule.year);
            let own = own.filter(|e| self.has_culture_day() || !rules::is_culture_day(e.date));
            entries.extend(own.map(|e| e.to_holiday(provenance)));
            let cited = Notices {
                cited: schedule.sources.clone(),
                vi: schedule.sources_vi.clone(),
            };
            sources.push((
                schedule.year,
                match provenance {
                    Provenance::Official => ScheduleSource::Official(cited),
                    _ => ScheduleSource::Loaded(cited),
                },
            ));
        }
        for doc in &self.data {
            entries.extend(
                doc.overrides
                    .iter()
                    .map(|e| e.to_holiday(Provenance::Loaded)),
            );
        }
        Ok((latest_by_key(entries, |h| h.date), sources))
    }
}

/// Refuses a document that makes a statutory holiday a working day: a
/// year schedule that leaves one of the year's statutory dates out (the
/// schedule replaces the projection, so the date would be worked), or an
/// entry that marks one as a make-up or extra working day without its own
/// `source` and a `swapped` entry in the same document that moves the day
/// off. Both are how a center's old file, written before a new holiday
/// (24/11 from 2026), would silently give wrong due dates.
///
/// The error is `calendar.invalid_data` and names the date.
pub fn check_statutory(doc: &CalendarData) -> Result<()> {
    check_statutory_of(doc, true)
}

/// [`check_statutory`], with or without 24/11 among the holidays.
fn check_statutory_of(doc: &CalendarData, culture_day: bool) -> Result<()> {
    let statutory = |year: i32| -> Vec<(NaiveDate, &'static str)> {
        // Years outside the lunar table have no rules to check against.
        let mut dates = rules::statutory_dates(year).unwrap_or_default();
        dates.retain(|(d, _)| culture_day || !rules::is_culture_day(*d));
        dates
    };
    let refuse = |date: NaiveDate, basis: &str, what: String| {
        Error::new(
            ErrorKind::InvalidCalendarData,
            format!("calendar data: {what} {date}, a holiday by {basis}"),
        )
    };
    for schedule in &doc.years {
        for (date, basis) in statutory(schedule.year) {
            let entry = schedule.entries.iter().find(|e| e.date == date);
            if entry.is_none() {
                return Err(refuse(
                    date,
                    basis,
                    format!(
                        "the schedule of {} leaves out (so makes a working day)",
                        schedule.year
                    ),
                ));
            }
        }
    }
    let every_entry = || {
        doc.years
            .iter()
            .flat_map(|y| &y.entries)
            .chain(&doc.overrides)
    };
    let has_swap = every_entry().any(|e| e.kind == HolidayKind::Swapped);
    for entry in every_entry().filter(|e| !e.kind.is_day_off()) {
        let year = entry.date.year();
        if let Some((_, basis)) = statutory(year).into_iter().find(|(d, _)| *d == entry.date) {
            if entry.source.is_none() || !has_swap {
                return Err(refuse(
                    entry.date,
                    basis,
                    format!(
                        "a {} entry without a source and a swapped day off makes a working day of",
                        entry.kind.code()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// One item per key, in key order: of items with the same key, the last
/// in `items` (the builder adds by rising precedence). A sorted `Vec`
/// rather than a `BTreeMap`: the tables are built once and then only
/// searched, and each map type costs the WASM module about 6 KB.
fn latest_by_key<T, K: Ord>(mut items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    items.reverse();
    // Stable: within a key, the last added now comes first and is kept.
    items.sort_by_key(&key);
    items.dedup_by_key(|item| key(item));
    items
}

impl Default for CalendarBuilder {
    fn default() -> Self {
        Self::new()
    }
}

/// The FNV-1a 64 hash of what a calendar answers: its range, its working
/// days and its working sessions. Two calendars with the same digest give
/// the same due dates for every log; names and sources, which only
/// explanations show, are left out. Recorded in a dossier's JSON (see
/// [`crate::calendar::CalendarStamp`]).
fn digest(first: i32, days: usize, select: &[WorkingDay], sessions: &WorkingSessions) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |word: u32| {
        for byte in word.to_le_bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(PRIME);
        }
    };
    eat(first as u32);
    eat(days as u32);
    for day in select {
        eat(day.offset);
    }
    for (start, end) in sessions.spans() {
        eat(start.num_seconds_from_midnight());
        eat(end.num_seconds_from_midnight());
    }
    hash
}
