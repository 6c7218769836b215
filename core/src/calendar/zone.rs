//! Vietnam's time zone, and the one rule every runtime follows for it.
//!
//! motcua computes in Vietnam local time: sessions, due dates and the
//! explanation's wording are wall-clock times at UTC+7 (Indochina Time,
//! without daylight saving since 1975). A caller's instant is either
//! *naive*, already Vietnam local time, or *aware*, a point in time in any
//! zone. The rule, in Rust as in Python and JavaScript: an aware instant in
//! gives an aware instant out, a naive one a naive one, and the two are
//! never mixed in one call (in Rust, [`VietnamTime`] makes mixing a type
//! error).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use motcua::calendar::Calendar;
//!
//! let cal = Calendar::vietnam();
//! // Friday 13/02/2026 08:30 UTC is 15:30 in Vietnam: 1.5 hours are left
//! // that day, so 3 working hours end at 09:00 on the next working day,
//! // Monday 23/02 after the Tết break, which is 02:00 UTC.
//! let at = Utc.with_ymd_and_hms(2026, 2, 13, 8, 30, 0).unwrap();
//! let three_hours = cal.working_duration(0.0, 3.0, 0.0)?;
//! let due = cal.add_working_time(at, three_hours)?;
//! assert_eq!(due, Utc.with_ymd_and_hms(2026, 2, 23, 2, 0, 0).unwrap());
//! # Ok::<(), motcua::Error>(())
//! ```

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};

/// Vietnam's offset from UTC, in seconds (UTC+7).
const OFFSET_SECONDS: i32 = 7 * 3600;

/// UTC+7, the zone of every naive instant motcua reads or writes.
pub fn vietnam() -> FixedOffset {
    // A fixed offset of 7 hours is within chrono's ±24 hours.
    FixedOffset::east_opt(OFFSET_SECONDS).unwrap_or_else(|| unreachable!("UTC+7 is valid"))
}

/// A Vietnam local date-time as an aware instant at UTC+7.
pub fn aware(local: NaiveDateTime) -> DateTime<FixedOffset> {
    // A fixed offset has exactly one instant for each local time.
    vietnam().from_utc_datetime(&(local - chrono::Duration::seconds(OFFSET_SECONDS.into())))
}

/// An instant motcua can read as Vietnam local time, and write back in the
/// caller's own kind: a [`NaiveDateTime`] is already local time, a
/// [`DateTime`] of any zone is converted to UTC+7 and its result returned
/// in the same zone. Calendar and clock entry points take any
/// `VietnamTime`, so a service holding `DateTime<Utc>` or
/// `DateTime<FixedOffset>` needs no conversion of its own.
pub trait VietnamTime: Sized {
    /// This instant as Vietnam local time.
    fn to_vietnam(&self) -> NaiveDateTime;
    /// The Vietnam local time `local` in this instant's kind (and zone).
    fn like(&self, local: NaiveDateTime) -> Self;
}

impl VietnamTime for NaiveDateTime {
    #[inline]
    fn to_vietnam(&self) -> NaiveDateTime {
        *self
    }

    #[inline]
    fn like(&self, local: NaiveDateTime) -> Self {
        local
    }
}

impl<Tz: TimeZone> VietnamTime for DateTime<Tz> {
    fn to_vietnam(&self) -> NaiveDateTime {
        self.with_timezone(&vietnam()).naive_local()
    }

    fn like(&self, local: NaiveDateTime) -> Self {
        aware(local).with_timezone(&self.timezone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn an_aware_instant_reads_as_utc_plus_seven_and_comes_back_in_its_zone() {
        let utc = Utc.with_ymd_and_hms(2026, 2, 13, 20, 0, 0).unwrap();
        // 20:00 UTC is 03:00 the next day in Vietnam.
        assert_eq!(utc.to_vietnam(), local("2026-02-14 03:00"));
        let back = utc.like(local("2026-02-25 09:00"));
        assert_eq!(back, Utc.with_ymd_and_hms(2026, 2, 25, 2, 0, 0).unwrap());
        assert_eq!(back.timezone(), Utc);
        let paris = FixedOffset::east_opt(3600).unwrap();
        let t = paris.with_ymd_and_hms(2026, 2, 13, 9, 0, 0).unwrap();
        assert_eq!(t.to_vietnam(), local("2026-02-13 15:00"));
        assert_eq!(t.like(local("2026-02-13 15:00")), t);
    }

    #[test]
    fn a_naive_instant_is_already_local_time() {
        let t = local("2026-02-13 15:30");
        assert_eq!(t.to_vietnam(), t);
        assert_eq!(t.like(local("2026-03-06 17:00")), local("2026-03-06 17:00"));
        assert_eq!(aware(t).to_rfc3339(), "2026-02-13T15:30:00+07:00");
    }

    #[test]
    fn the_aware_text_carries_this_zones_offset() {
        let t = local("2026-02-13 15:30");
        let text = crate::calendar::iso::format_instant_aware(t);
        assert_eq!(text, format!("2026-02-13T15:30{}", vietnam()));
    }
}
