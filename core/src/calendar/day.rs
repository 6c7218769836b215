//! Epoch days: dates as a count of days since 1970-01-01.
//!
//! It is the unit of numpy's `datetime64[D]` and of JavaScript's day
//! arithmetic, and the index of every table in this crate; the conversions
//! to and from [`chrono::NaiveDate`] live here and nowhere else.

use chrono::{Datelike, NaiveDate};

/// Days from 0001-01-01 (chrono's day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// Days since 1970-01-01 of `date` (negative before).
#[inline]
pub fn epoch_day(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - UNIX_EPOCH_FROM_CE
}

/// The date `days` days after 1970-01-01, or `None` when chrono cannot
/// represent it.
#[inline]
pub fn from_epoch_day(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(UNIX_EPOCH_FROM_CE)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_day_zero_and_round_trips() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        assert_eq!(epoch_day(epoch), 0);
        let d = NaiveDate::from_ymd_opt(2026, 2, 17).unwrap();
        assert_eq!(epoch_day(d), 20_501);
        assert_eq!(from_epoch_day(20_501), Some(d));
        assert_eq!(from_epoch_day(i32::MAX), None);
    }
}
