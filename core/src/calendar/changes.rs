//! What changed between two calendars: the dates whose status differs, so
//! that a center can find the appointments a new notice or rule moves
//! (see [`crate::impact`] for the dossiers).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::holidays::Holiday;
use super::working::{Calendar, ScheduleSource};
use crate::error::{Error, ErrorKind, Result};

/// What a calendar says of one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayStatus {
    /// Whether the date is a working day.
    pub working: bool,
    /// The calendar's entry for the date (with its own source), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<Holiday>,
    /// Where the year's entries come from, with the year's sources.
    pub schedule: ScheduleSource,
}

/// A date whose status differs between two calendars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayChange {
    /// The date.
    #[serde(with = "super::iso::date")]
    pub date: NaiveDate,
    /// What the old calendar says.
    pub before: DayStatus,
    /// What the new calendar says.
    pub after: DayStatus,
}

impl DayChange {
    /// Whether the date went from working day to day off or back: the
    /// changes that move due dates (a renamed or re-sourced holiday does
    /// not).
    pub fn moves_due_dates(&self) -> bool {
        self.before.working != self.after.working
    }
}

impl Calendar {
    /// What this calendar says of `date`.
    pub fn day_status(&self, date: NaiveDate) -> Result<DayStatus> {
        Ok(DayStatus {
            working: self.is_working_day(date)?,
            entry: self.holiday(date)?.cloned(),
            schedule: self.schedule_source(date.year())?,
        })
    }
}

/// `calendar.out_of_range` naming both ranges unless the calendars cover
/// the same one: a comparison over different ranges would report the
/// difference of ranges as changes.
pub fn same_range(before: &Calendar, after: &Calendar) -> Result<()> {
    let (b, a) = (
        (before.first_date(), before.last_date()),
        (after.first_date(), after.last_date()),
    );
    if a != b {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            format!(
                "the calendars cover different ranges, {}..={} and {}..={}: compare calendars built over the same range",
                b.0, b.1, a.0, a.1
            ),
        ));
    }
    Ok(())
}

/// The dates of `from..=to` whose status (working or not, or the kind of
/// entry) differs between `before` and `after`, in date order, each with
/// both states and their sources.
///
/// Both calendars must cover the same range, and `from..=to` must lie in
/// it: otherwise `calendar.out_of_range`, naming the ranges.
///
/// ```
/// use chrono::NaiveDate;
/// use motcua::calendar::{changes, holidays::CalendarData, Calendar};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let old = Calendar::builder().holidays(false).build()?;
/// let new = Calendar::builder().holidays(false).data(CalendarData::from_json(r#"{"overrides": [
///     {"date": "2026-11-23", "kind": "closure", "name_vi": "Nghỉ", "name_en": "Closed"}]}"#)?).build()?;
/// let found = changes(&old, &new, d(2026, 11, 1), d(2026, 11, 30))?;
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].date, d(2026, 11, 23));
/// assert!(found[0].before.working && !found[0].after.working);
/// # Ok::<(), motcua::Error>(())
/// ```
pub fn changes(
    before: &Calendar,
    after: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DayChange>> {
    same_range(before, after)?;
    let b = (before.first_date(), before.last_date());
    if from > to || from < b.0 || to > b.1 {
        return Err(Error::new(
            ErrorKind::OutOfRange,
            format!(
                "the range {from}..={to} must be ordered and within the calendars' range {}..={}",
                b.0, b.1
            ),
        ));
    }
    let mut out = Vec::new();
    for date in from.iter_days().take_while(|d| *d <= to) {
        let (was, is) = (before.holiday(date)?, after.holiday(date)?);
        let kind = |h: Option<&Holiday>| h.map(|h| h.kind);
        if before.is_working_day(date)? != after.is_working_day(date)? || kind(was) != kind(is) {
            out.push(DayChange {
                date,
                before: before.day_status(date)?,
                after: after.day_status(date)?,
            });
        }
    }
    Ok(out)
}
