//! The calendar as holiday and business-day libraries present one: days
//! off apart from make-up working days (python-holidays' `date in
//! holidays`), holidays by name, the next and previous working day,
//! numpy's roll conventions and a range of working days (pandas'
//! `bdate_range`). One home for these rules, so that the bindings answer
//! alike.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::holidays::Holiday;
use super::working::Calendar;
use crate::error::{Error, ErrorKind, Result};

/// How a date that is not a working day moves to one, by numpy's names
/// (`numpy.busday_offset(..., roll=...)`).
///
/// motcua's own counting needs no roll: [`Calendar::add_working_days`]
/// counts from the day after `date`, whatever `date` is. A roll is for
/// callers who want numpy's convention, where a start on a day off first
/// moves to a working day and the count starts there
/// ([`Calendar::add_working_days_rolled`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Roll {
    /// A day off is an error (numpy's default, `"raise"`).
    Raise,
    /// The next working day (`"forward"` or `"following"`).
    Following,
    /// The previous working day (`"backward"` or `"preceding"`).
    Preceding,
    /// The next working day, unless it is in the next month: then the
    /// previous one (`"modifiedfollowing"`).
    ModifiedFollowing,
    /// The previous working day, unless it is in the previous month: then
    /// the next one (`"modifiedpreceding"`).
    ModifiedPreceding,
}

impl FromStr for Roll {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "raise" => Roll::Raise,
            "forward" | "following" => Roll::Following,
            "backward" | "preceding" => Roll::Preceding,
            "modifiedfollowing" => Roll::ModifiedFollowing,
            "modifiedpreceding" => Roll::ModifiedPreceding,
            _ => {
                return Err(Error::new(
                    ErrorKind::InvalidArgument,
                    format!(
                        "roll = {s:?} is not one of \"raise\", \"forward\", \"following\", \
                         \"backward\", \"preceding\", \"modifiedfollowing\", \"modifiedpreceding\""
                    ),
                ))
            }
        })
    }
}

impl Calendar {
    /// The days off of `year` that the calendar's entries name: holidays,
    /// substitute and swapped days off, closures. Make-up working days
    /// (a Saturday worked back) are entries too, but working days, so they
    /// are left out; weekends are not entries. [`Calendar::holidays`] gives
    /// every entry.
    pub fn days_off(&self, year: i32) -> Result<Vec<Holiday>> {
        let mut entries = self.holidays(year)?;
        entries.retain(Holiday::is_day_off);
        Ok(entries)
    }

    /// The entry of `date` if it names a day off (see [`Calendar::days_off`]):
    /// what python-holidays' `date in holidays` asks.
    pub fn day_off(&self, date: NaiveDate) -> Result<Option<&Holiday>> {
        Ok(self.holiday(date)?.filter(|h| h.is_day_off()))
    }

    /// The days off of `years` whose Vietnamese or English name contains
    /// `name`, ignoring case (`"tết"` finds the five days of
    /// Tết Nguyên đán, `"national day"` both days of Quốc khánh). A blank
    /// name is an error, not every day off.
    pub fn days_off_named(
        &self,
        name: &str,
        years: impl IntoIterator<Item = i32>,
    ) -> Result<Vec<Holiday>> {
        let wanted = name.trim().to_lowercase();
        if wanted.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                "a holiday name to look for is empty",
            ));
        }
        let mut found = Vec::new();
        for year in years {
            found.extend(self.days_off(year)?.into_iter().filter(|h| {
                h.name_vi.to_lowercase().contains(&wanted)
                    || h.name_en.to_lowercase().contains(&wanted)
            }));
        }
        Ok(found)
    }

    /// The first working day after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, 1)
    }

    /// The last working day before `date`.
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, -1)
    }

    /// `date` itself when it is a working day, else the working day `roll`
    /// moves it to.
    pub fn roll(&self, date: NaiveDate, roll: Roll) -> Result<NaiveDate> {
        if self.is_working_day(date)? {
            return Ok(date);
        }
        let same_month = |d: NaiveDate| d.month() == date.month() && d.year() == date.year();
        match roll {
            Roll::Raise => Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("{date} is not a working day (roll = \"raise\")"),
            )),
            Roll::Following => self.next_working_day(date),
            Roll::Preceding => self.previous_working_day(date),
            Roll::ModifiedFollowing => {
                let next = self.next_working_day(date)?;
                if same_month(next) {
                    Ok(next)
                } else {
                    self.previous_working_day(date)
                }
            }
            Roll::ModifiedPreceding => {
                let previous = self.previous_working_day(date)?;
                if same_month(previous) {
                    Ok(previous)
                } else {
                    self.next_working_day(date)
                }
            }
        }
    }

    /// numpy's `busday_offset(date, n, roll=...)`: `date` rolled to a
    /// working day first, then `n` working days from there. It differs from
    /// [`Calendar::add_working_days`] only for a `date` that is a day off
    /// (with `Following`, one working day later).
    pub fn add_working_days_rolled(
        &self,
        date: NaiveDate,
        n: i32,
        roll: Roll,
    ) -> Result<NaiveDate> {
        self.add_working_days(self.roll(date, roll)?, n)
    }

    /// The working days from `first` to `last`, both included when they are
    /// working days (pandas' `bdate_range(first, last)`); empty when
    /// `last < first`.
    pub fn working_days_from(&self, first: NaiveDate, last: NaiveDate) -> Result<Vec<NaiveDate>> {
        self.is_working_day(first)?;
        self.is_working_day(last)?;
        let mut days = Vec::new();
        for date in first.iter_days().take_while(|d| *d <= last) {
            if self.is_working_day(date)? {
                days.push(date);
            }
        }
        Ok(days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_off_leave_out_make_up_working_saturdays() {
        let cal = Calendar::vietnam();
        let all = cal.holidays(2026).unwrap();
        let off = cal.days_off(2026).unwrap();
        // Saturdays 10/01 and 22/08/2026 are worked back (dispatches of the year).
        assert!(all.iter().any(|h| h.date == d(2026, 1, 10)));
        assert!(off.iter().all(|h| !cal.is_working_day(h.date).unwrap()));
        assert_eq!(all.len() - off.len(), 2);
        assert!(cal.day_off(d(2026, 1, 10)).unwrap().is_none());
        assert!(cal.day_off(d(2026, 1, 2)).unwrap().is_some());
        // A plain weekend is off but no entry.
        assert!(cal.day_off(d(2026, 1, 4)).unwrap().is_none());
    }

    #[test]
    fn days_off_by_name_ignore_case_in_both_languages() {
        let cal = Calendar::vietnam();
        let tet = cal.days_off_named("TẾT", [2026]).unwrap();
        assert!(tet.iter().any(|h| h.date == d(2026, 2, 17)));
        assert!(tet.iter().all(|h| h.name_vi.to_lowercase().contains("tết")));
        let national = cal.days_off_named("national day", 2025..=2026).unwrap();
        assert!(national.iter().any(|h| h.date == d(2025, 9, 2)));
        assert!(national.iter().any(|h| h.date == d(2026, 9, 2)));
        assert!(cal.days_off_named(" ", [2026]).is_err());
    }

    #[test]
    fn rolls_follow_numpys_conventions() {
        let cal = Calendar::vietnam();
        // Saturday 28/02/2026: Monday 02/03 is next month, Friday 27/02 before.
        let saturday = d(2026, 2, 28);
        let roll = |r| cal.roll(saturday, r).unwrap();
        assert_eq!(roll(Roll::Following), d(2026, 3, 2));
        assert_eq!(roll(Roll::Preceding), d(2026, 2, 27));
        assert_eq!(roll(Roll::ModifiedFollowing), d(2026, 2, 27));
        assert_eq!(roll(Roll::ModifiedPreceding), d(2026, 2, 27));
        assert_eq!(
            cal.roll(d(2026, 3, 1), Roll::ModifiedPreceding).unwrap(),
            d(2026, 3, 2)
        );
        assert_eq!(
            cal.roll(saturday, Roll::Raise).unwrap_err().kind(),
            ErrorKind::InvalidArgument
        );
        assert_eq!(cal.roll(d(2026, 3, 2), Roll::Raise).unwrap(), d(2026, 3, 2));
        assert_eq!("following".parse::<Roll>().unwrap(), Roll::Following);
        assert!("nat".parse::<Roll>().is_err());
        // From a day off, numpy's count starts at the rolled day: one more.
        assert_eq!(cal.add_working_days(saturday, 1).unwrap(), d(2026, 3, 2));
        assert_eq!(
            cal.add_working_days_rolled(saturday, 1, Roll::Following)
                .unwrap(),
            d(2026, 3, 3)
        );
    }

    #[test]
    fn a_working_day_range_is_inclusive_and_skips_tet() {
        let cal = Calendar::vietnam();
        let days = cal
            .working_days_from(d(2026, 2, 13), d(2026, 2, 23))
            .unwrap();
        assert_eq!(days, [d(2026, 2, 13), d(2026, 2, 23)]);
        assert!(cal
            .working_days_from(d(2026, 2, 23), d(2026, 2, 13))
            .unwrap()
            .is_empty());
        assert_eq!(
            cal.next_working_day(d(2026, 2, 13)).unwrap(),
            d(2026, 2, 23)
        );
        assert_eq!(
            cal.previous_working_day(d(2026, 2, 23)).unwrap(),
            d(2026, 2, 13)
        );
    }
}
