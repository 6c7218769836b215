//! Working time on instants (Vietnam local date-times, UTC+7).
//!
//! An instant's *working position* is the number of working seconds from
//! the start of the calendar's range up to it: whole working days before
//! its date times the day length, plus the working seconds of its own day
//! before its time of day. Adding working time is then one addition and
//! one [`Calendar`] select; the time between two instants is a subtraction.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::sessions::WorkingTime;
use super::working::Calendar;
use super::zone::VietnamTime;
use crate::decimal::Decimal;
use crate::error::{Error, ErrorKind, Result};

/// Largest duration accepted, in seconds (far beyond the 101 years a
/// calendar covers): anything larger is a caller error, not a due date.
const MAX_DURATION_SECONDS: f64 = 1e13;

impl Calendar {
    /// A working-time duration of `days` working days of this calendar's
    /// day length, plus `hours` and `minutes`, rounded to the second. Each
    /// part must be finite and not negative.
    ///
    /// ```
    /// use motcua::calendar::Calendar;
    ///
    /// let cal = Calendar::vietnam();
    /// assert_eq!(cal.working_duration(0.5, 0.0, 0.0)?.seconds(), 4 * 3600);
    /// assert_eq!(cal.working_duration(-1.0, 0.0, 0.0).unwrap_err().code(), "calendar.invalid_duration");
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn working_duration(&self, days: f64, hours: f64, minutes: f64) -> Result<WorkingTime> {
        for (name, value) in [("days", days), ("hours", hours), ("minutes", minutes)] {
            if !value.is_finite() || value < 0.0 {
                return Err(Error::new(
                    ErrorKind::InvalidDuration,
                    format!(
                        "{name} = {} is not a duration: expected a finite number >= 0",
                        Decimal(value)
                    ),
                ));
            }
        }
        let seconds = days * self.sessions.day_seconds() as f64 + hours * 3600.0 + minutes * 60.0;
        if seconds > MAX_DURATION_SECONDS {
            return Err(Error::new(
                ErrorKind::InvalidDuration,
                format!(
                    "a duration of {} working seconds is too large",
                    Decimal(seconds)
                ),
            ));
        }
        Ok(WorkingTime::from_seconds(seconds.round() as i64))
    }

    /// Working position of an instant (see the module documentation).
    #[inline]
    fn position(&self, t: NaiveDateTime) -> Result<i64> {
        let off = self.offset_of(t.date())?;
        let days = i64::from(self.before[off]);
        let within = if self.working_at(off) {
            self.sessions
                .worked_before(t.time().num_seconds_from_midnight())
        } else {
            0
        };
        Ok(days * self.sessions.day_seconds() + i64::from(within))
    }

    /// The instant at working position `p > 0`, resolving a session boundary
    /// to the end of the earlier session.
    #[inline]
    fn instant_at(&self, p: i64) -> Result<NaiveDateTime> {
        let day_len = self.sessions.day_seconds();
        let before = u64::try_from(p - 1).map_err(|_| self.position_out_of_range())?;
        // Positions of a range of 8-hour days fit 32 bits, whose division
        // is several times cheaper than a 64-bit one on x86-64.
        let k = match u32::try_from(before) {
            Ok(b) => u64::from(b / day_len as u32),
            Err(_) => before / day_len as u64,
        };
        let worked = (before - k * day_len as u64 + 1) as u32;
        let day = usize::try_from(k)
            .ok()
            .and_then(|k| self.select.get(k))
            .ok_or_else(|| self.position_out_of_range())?;
        Ok(self.local(day.date, self.sessions.time_at(worked)))
    }

    #[cold]
    fn position_out_of_range(&self) -> Error {
        Error::new(
            ErrorKind::OutOfRange,
            format!(
                "the result falls outside the calendar's supported range {}..={}",
                self.first_date(),
                self.last_date()
            ),
        )
    }

    fn local(&self, date: NaiveDate, seconds: u32) -> NaiveDateTime {
        // Sessions end before midnight (checked by `WorkingSessions::new`).
        let time =
            NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or(NaiveTime::MIN);
        date.and_time(time)
    }

    /// `t` itself if it lies inside a working session, else the start of the
    /// next session (where a dossier's clock starts when it is received
    /// after closing time or at lunch). `t` is naive Vietnam local time or
    /// an aware `DateTime` of any zone, and the result is of the same kind
    /// ([`VietnamTime`]).
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use motcua::calendar::Calendar;
    ///
    /// let cal = Calendar::vietnam();
    /// let t = |s| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// assert_eq!(cal.next_working_instant(t("2023-10-27 12:10"))?, t("2023-10-27 13:00"));
    /// assert_eq!(cal.next_working_instant(t("2023-10-27 17:45"))?, t("2023-10-30 07:30"));
    /// # Ok::<(), motcua::Error>(())
    /// ```
    pub fn next_working_instant<T: VietnamTime>(&self, t: T) -> Result<T> {
        let local = self.next_local_working_instant(t.to_vietnam())?;
        Ok(t.like(local))
    }

    fn next_local_working_instant(&self, t: NaiveDateTime) -> Result<NaiveDateTime> {
        let off = self.offset_of(t.date())?;
        if self.working_at(off) {
            let tod = t.time().num_seconds_from_midnight();
            if let Some(s) = self.sessions.at_or_next_start(tod) {
                return Ok(if s == tod { t } else { self.local(t.date(), s) });
            }
        }
        let next = self
            .nth_working_day(off, 1)
            .ok_or_else(|| self.position_out_of_range())?;
        Ok(self.local(next.date, self.sessions.first_start()))
    }

    /// The instant at which `duration` of working time, counted from `t`,
    /// has elapsed. `t` outside the sessions counts from the next session
    /// start; a zero duration gives that start. Naive in gives naive out,
    /// aware in gives aware out, in the caller's zone ([`VietnamTime`]).
    ///
    /// ```
    /// use chrono::NaiveDateTime;
    /// use motcua::calendar::Calendar;
    ///
    /// let cal = Calendar::vietnam();
    /// let t = |s| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// // The receipt slip: received Friday 09:32, 5 working days.
    /// let five_days = cal.working_duration(5.0, 0.0, 0.0)?;
    /// assert_eq!(cal.add_working_time(t("2023-10-27 09:32"), five_days)?, t("2023-11-03 09:32"));
    /// # Ok::<(), motcua::Error>(())
    /// ```
    #[inline]
    pub fn add_working_time<T: VietnamTime>(&self, t: T, duration: WorkingTime) -> Result<T> {
        let local = self.add_local_working_time(t.to_vietnam(), duration)?;
        Ok(t.like(local))
    }

    #[inline]
    fn add_local_working_time(
        &self,
        t: NaiveDateTime,
        duration: WorkingTime,
    ) -> Result<NaiveDateTime> {
        if duration.seconds() < 0 {
            return Err(Error::new(
                ErrorKind::InvalidDuration,
                format!(
                    "{} working seconds is not a duration: expected >= 0",
                    duration.seconds()
                ),
            ));
        }
        if duration.seconds() == 0 {
            return self.next_local_working_instant(t);
        }
        let p = self
            .position(t)?
            .checked_add(duration.seconds())
            .ok_or_else(|| self.position_out_of_range())?;
        self.instant_at(p)
    }

    /// The working time from `a` to `b`: negative when `b` is earlier.
    /// `working_time_between(t, add_working_time(t, d)) == d` for every
    /// `d > 0`. `a` and `b` are of one kind: both naive or both aware.
    #[inline]
    pub fn working_time_between<T: VietnamTime>(&self, a: T, b: T) -> Result<WorkingTime> {
        Ok(WorkingTime::from_seconds(
            self.position(b.to_vietnam())? - self.position(a.to_vietnam())?,
        ))
    }

    /// The close of the last session of `date` (17:00 by default): when a
    /// deadline that ends with a day ends.
    pub fn end_of_working_day(&self, date: NaiveDate) -> Result<NaiveDateTime> {
        self.offset_of(date)?;
        Ok(self.local(date, self.sessions.last_end()))
    }

    /// The Civil Code deadline of `days` calendar days from the event at
    /// `t`: the close of [`Calendar::add_calendar_days`]`(t.date(), days)`.
    pub fn calendar_days_deadline(&self, t: NaiveDateTime, days: i32) -> Result<NaiveDateTime> {
        self.end_of_working_day(self.add_calendar_days(t.date(), days)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn boundaries_resolve_to_the_earlier_session_end() {
        let cal = Calendar::vietnam();
        let h = |n| cal.working_duration(0.0, n, 0.0).unwrap();
        // Monday 2023-10-30.
        assert_eq!(
            cal.add_working_time(t("2023-10-30 13:00"), h(4.0)).unwrap(),
            t("2023-10-30 17:00")
        );
        assert_eq!(
            cal.add_working_time(t("2023-10-30 07:30"), h(4.0)).unwrap(),
            t("2023-10-30 11:30")
        );
        assert_eq!(
            cal.add_working_time(t("2023-10-30 07:30"), h(8.0)).unwrap(),
            t("2023-10-30 17:00")
        );
        assert_eq!(
            cal.add_working_time(t("2023-10-30 11:00"), h(1.0)).unwrap(),
            t("2023-10-30 13:30")
        );
        // Lunch and evening receptions start at the next session.
        assert_eq!(
            cal.add_working_time(t("2023-10-30 12:00"), h(1.0)).unwrap(),
            t("2023-10-30 14:00")
        );
        assert_eq!(
            cal.add_working_time(t("2023-10-27 18:00"), h(1.0)).unwrap(),
            t("2023-10-30 08:30")
        );
    }

    #[test]
    fn zero_duration_is_the_next_working_instant() {
        let cal = Calendar::vietnam();
        let zero = WorkingTime::from_seconds(0);
        assert_eq!(
            cal.add_working_time(t("2026-02-13 17:00"), zero).unwrap(),
            t("2026-02-23 07:30")
        );
        assert_eq!(
            cal.add_working_time(t("2026-02-13 16:59"), zero).unwrap(),
            t("2026-02-13 16:59")
        );
    }

    #[test]
    fn working_time_between_counts_only_sessions() {
        let cal = Calendar::vietnam();
        let w = cal
            .working_time_between(t("2026-02-13 16:00"), t("2026-02-23 08:30"))
            .unwrap();
        assert_eq!(w.seconds(), 2 * 3600);
        let back = cal
            .working_time_between(t("2026-02-23 08:30"), t("2026-02-13 16:00"))
            .unwrap();
        assert_eq!(back.seconds(), -2 * 3600);
    }

    #[test]
    fn civil_code_periods_end_on_a_working_day() {
        let cal = Calendar::vietnam();
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        // 10 days from Wed 2026-02-04 ends Sat 14/02, inside Tết: moves to Mon 23/02.
        assert_eq!(
            cal.add_calendar_days(d(2026, 2, 4), 10).unwrap(),
            d(2026, 2, 23)
        );
        assert_eq!(
            cal.add_calendar_days(d(2026, 3, 2), 3).unwrap(),
            d(2026, 3, 5)
        );
        assert_eq!(
            cal.calendar_days_deadline(t("2026-02-04 09:00"), 10)
                .unwrap(),
            t("2026-02-23 17:00")
        );
    }
}
