//! The Vietnamese lunar calendar (âm lịch), UTC+7.
//!
//! The rule is astronomical and computed for Vietnam's own time zone: a month
//! starts on the local (UTC+7) day of the new moon, month 11 contains the
//! December solstice, and when 13 months lie between two month-11 starts the
//! first month without a principal solar term (trung khí) is the leap month
//! (tháng nhuận), numbered like the month before it. Because the day
//! boundary is at UTC+7 and not UTC+8, the Vietnamese calendar differs from
//! the Chinese one in some years: Tết 1985 is 21 January in Vietnam but
//! 20 February in China, Tết 2007 is 17 February (China: 18 February).
//!
//! Lookups are O(1) on a table of one packed code per lunar year, generated
//! by `tools/datagen` from its own astronomy (Meeus new moons, VSOP87 Sun;
//! clean-room, no code or table of any existing lunar calendar program) and
//! checked in; a test regenerates it and fails when they disagree.
//!
//! Supported: Gregorian dates 1900-01-01 ..= 2100-12-31 (lunar year 1899,
//! month 12, to lunar year 2100, month 11). Before 1968 northern Vietnam
//! printed almanacs computed for UTC+8; this module gives the proleptic
//! UTC+7 date for every year, as the modern calendar does.

mod table;

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::day::{epoch_day, from_epoch_day};
use crate::error::{Error, ErrorKind, Result};

pub use table::TABLE_VERSION;

/// A date of the Vietnamese lunar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LunarDate {
    /// The lunar year, named after the Gregorian year in which it starts
    /// (lunar year 2026, Bính Ngọ, starts on 17 February 2026).
    pub year: i32,
    /// The month, 1 (tháng Giêng) to 12 (tháng Chạp).
    pub month: u8,
    /// The day of the month, 1 to 29 or 30.
    pub day: u8,
    /// Whether the month is the leap month (tháng nhuận) that follows the
    /// ordinary month of the same number.
    pub leap: bool,
}

/// The packed description of one lunar year, the unit of the embedded table.
///
/// Bit layout of [`YearCode::to_bits`]: bits 0–12, one bit per month in
/// order (leap month included at its place), set when the month has 30 days;
/// bits 13–16, the number of the month the leap month follows (0: no leap
/// month); bits 17–23, the day of the Gregorian year on which the lunar year
/// starts (Tết), counted from 0 for 1 January.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearCode {
    /// Day of the Gregorian year of Tết, 0 for 1 January.
    pub new_year_ordinal0: u16,
    /// Bit `i` set when the `i`-th month of the year (leap month counted at
    /// its place) has 30 days.
    pub long_months: u16,
    /// The month the leap month follows, 0 when the year has none.
    pub leap_month: u8,
}

impl YearCode {
    /// Packs the code into 32 bits (see the type's documentation).
    pub const fn to_bits(self) -> u32 {
        (self.long_months as u32 & 0x1fff)
            | ((self.leap_month as u32 & 0xf) << 13)
            | ((self.new_year_ordinal0 as u32 & 0x7f) << 17)
    }

    /// Unpacks a code packed by [`YearCode::to_bits`].
    pub const fn from_bits(bits: u32) -> Self {
        Self {
            long_months: (bits & 0x1fff) as u16,
            leap_month: ((bits >> 13) & 0xf) as u8,
            new_year_ordinal0: ((bits >> 17) & 0x7f) as u16,
        }
    }

    /// Number of months in the year: 13 with a leap month, else 12.
    pub const fn month_count(self) -> u32 {
        if self.leap_month == 0 {
            12
        } else {
            13
        }
    }

    /// Length in days of the `index`-th month (0-based, leap month counted).
    const fn month_len(self, index: u32) -> u32 {
        29 + ((self.long_months >> index) & 1) as u32
    }

    /// Days from Tết to the start of the `index`-th month.
    const fn month_offset(self, index: u32) -> u32 {
        let below = (self.long_months as u32) & ((1u32 << index) - 1);
        29 * index + below.count_ones()
    }

    /// The 0-based position of month `month` (leap or not) in the year, or
    /// `None` when the leap flag does not fit the year.
    const fn month_index(self, month: u8, leap: bool) -> Option<u32> {
        let lm = self.leap_month;
        if leap {
            if lm == month && lm != 0 {
                Some(month as u32)
            } else {
                None
            }
        } else if lm != 0 && month > lm {
            Some(month as u32)
        } else {
            Some(month as u32 - 1)
        }
    }

    /// Number and leap flag of the `index`-th month.
    const fn month_at(self, index: u32) -> (u8, bool) {
        let lm = self.leap_month as u32;
        if lm == 0 || index < lm {
            ((index + 1) as u8, false)
        } else if index == lm {
            (lm as u8, true)
        } else {
            (index as u8, false)
        }
    }
}

/// First Gregorian date the lunar table covers.
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => unreachable!(),
};
/// Last Gregorian date the lunar table covers.
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => unreachable!(),
};

fn year_code(year: i32) -> Option<YearCode> {
    let i = usize::try_from(year - table::FIRST_YEAR).ok()?;
    table::YEARS.get(i).map(|&bits| YearCode::from_bits(bits))
}

/// Epoch day (days since 1970-01-01) of Tết of `year`, if tabulated.
fn new_year_epoch_day(year: i32) -> Option<i32> {
    if year == table::FIRST_YEAR + table::YEARS.len() as i32 {
        return Some(table::END_NEW_YEAR_EPOCH_DAY);
    }
    let code = year_code(year)?;
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)?;
    Some(epoch_day(jan1) + i32::from(code.new_year_ordinal0))
}

/// The packed table code of a lunar year, for callers that need month
/// lengths (for example a month view); `None` outside the table.
pub fn year_info(year: i32) -> Option<YearCode> {
    year_code(year)
}

/// Converts a Gregorian date to the Vietnamese lunar calendar.
///
/// ```
/// use chrono::NaiveDate;
/// use motcua::calendar::lunar::{to_lunar, LunarDate};
///
/// // Tết Ất Sửu, 1985: 21 January in Vietnam (20 February in China).
/// let tet = to_lunar(NaiveDate::from_ymd_opt(1985, 1, 21).unwrap())?;
/// assert_eq!(tet, LunarDate { year: 1985, month: 1, day: 1, leap: false });
/// # Ok::<(), motcua::Error>(())
/// ```
pub fn to_lunar(date: NaiveDate) -> Result<LunarDate> {
    if date < MIN_DATE || date > MAX_DATE {
        return Err(out_of_range_date(date));
    }
    // Work on the day of the Gregorian year: Tết is stored the same way, so
    // no day-count conversion runs per call.
    let (gregorian_year, ordinal) = (date.year(), date.ordinal0());
    let (year, code, offset) = match year_code(gregorian_year) {
        Some(code) if ordinal >= u32::from(code.new_year_ordinal0) => (
            gregorian_year,
            code,
            ordinal - u32::from(code.new_year_ordinal0),
        ),
        _ => {
            let previous = gregorian_year - 1;
            let code = year_code(previous).ok_or_else(|| out_of_range_date(date))?;
            let leap = previous % 4 == 0 && (previous % 100 != 0 || previous % 400 == 0);
            let days_in_previous = 365 + u32::from(leap);
            (
                previous,
                code,
                ordinal + days_in_previous - u32::from(code.new_year_ordinal0),
            )
        }
    };
    // Months have 29 or 30 days, so offset / 30 is the month or the one
    // before it: one comparison finds it.
    let mut index = offset / 30;
    if index + 1 < code.month_count() && code.month_offset(index + 1) <= offset {
        index += 1;
    }
    let (month, leap) = code.month_at(index);
    Ok(LunarDate {
        year,
        month,
        day: (offset - code.month_offset(index) + 1) as u8,
        leap,
    })
}

/// Converts a lunar date to the Gregorian calendar.
///
/// Errors with [`ErrorKind::InvalidLunarDate`] for a date that does not exist
/// (day 30 of a 29-day month, a leap flag on a month that is not leap) and
/// with [`ErrorKind::OutOfRange`] outside the table.
///
/// ```
/// use chrono::NaiveDate;
/// use motcua::calendar::lunar::from_lunar;
///
/// // Giỗ Tổ Hùng Vương (10/3 lunar) 2026.
/// assert_eq!(from_lunar(2026, 3, 10, false)?, NaiveDate::from_ymd_opt(2026, 4, 26).unwrap());
/// assert_eq!(from_lunar(2026, 3, 10, true).unwrap_err().code(), "lunar.invalid_date");
/// # Ok::<(), motcua::Error>(())
/// ```
pub fn from_lunar(year: i32, month: u8, day: u8, leap: bool) -> Result<NaiveDate> {
    if !(1..=12).contains(&month) {
        return Err(Error::new(
            ErrorKind::InvalidLunarDate,
            format!("lunar month {month} does not exist: expected 1 to 12"),
        ));
    }
    if !(1..=30).contains(&day) {
        return Err(Error::new(
            ErrorKind::InvalidLunarDate,
            format!("lunar day {day} does not exist: expected 1 to 29 or 30"),
        ));
    }
    let (code, start) = match (year_code(year), new_year_epoch_day(year)) {
        (Some(code), Some(start)) => (code, start),
        _ => {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                format!(
                    "lunar year {year} is outside the supported range {}..={}",
                    table::FIRST_YEAR,
                    table::FIRST_YEAR + table::YEARS.len() as i32 - 1
                ),
            ))
        }
    };
    let index = code.month_index(month, leap).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidLunarDate,
            match code.leap_month {
                0 => {
                    format!("lunar year {year} has no leap month, so month {month} cannot be leap")
                }
                lm => format!(
                    "the leap month of lunar year {year} follows month {lm}, not month {month}"
                ),
            },
        )
    })?;
    let len = code.month_len(index);
    if u32::from(day) > len {
        return Err(Error::new(
            ErrorKind::InvalidLunarDate,
            format!(
                "{}month {month} of lunar year {year} has {len} days, so day {day} does not exist",
                if leap { "leap " } else { "" }
            ),
        ));
    }
    let date = from_epoch_day(start + code.month_offset(index) as i32 + i32::from(day) - 1);
    match date {
        Some(d) if (MIN_DATE..=MAX_DATE).contains(&d) => Ok(d),
        _ => Err(Error::new(
            ErrorKind::OutOfRange,
            format!(
                "lunar date {day}/{month}{}/{year} falls outside the supported range {MIN_DATE}..={MAX_DATE}",
                if leap { " (leap)" } else { "" }
            ),
        )),
    }
}

fn out_of_range_date(date: NaiveDate) -> Error {
    Error::new(
        ErrorKind::OutOfRange,
        format!(
            "date {date} is outside the lunar calendar's supported range {MIN_DATE}..={MAX_DATE}"
        ),
    )
}

/// The ten heavenly stems (can), in Vietnamese.
const STEMS: [&str; 10] = [
    "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
];
/// The twelve earthly branches (chi), in Vietnamese (Mão, the cat, where
/// Chinese has the rabbit).
const BRANCHES: [&str; 12] = [
    "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
];

/// The sexagenary (can-chi) name of a lunar year, e.g. "Bính Ngọ" for 2026.
///
/// ```
/// assert_eq!(motcua::calendar::lunar::year_name(1984), "Giáp Tý");
/// assert_eq!(motcua::calendar::lunar::year_name(2026), "Bính Ngọ");
/// ```
pub fn year_name(year: i32) -> String {
    let stem = STEMS[(year + 6).rem_euclid(10) as usize];
    let branch = BRANCHES[(year + 8).rem_euclid(12) as usize];
    format!("{stem} {branch}")
}

/// The can-chi name of a day (cycles of 10 and 12 days).
pub fn day_name(date: NaiveDate) -> String {
    // 1970-01-01 was a Tân Tỵ day.
    let d = epoch_day(date);
    let stem = STEMS[(d + 7).rem_euclid(10) as usize];
    let branch = BRANCHES[(d + 5).rem_euclid(12) as usize];
    format!("{stem} {branch}")
}

impl LunarDate {
    /// The can-chi name of the lunar year.
    pub fn year_name(&self) -> String {
        year_name(self.year)
    }

    /// The Gregorian date of this lunar date.
    pub fn to_gregorian(&self) -> Result<NaiveDate> {
        from_lunar(self.year, self.month, self.day, self.leap)
    }
}

impl fmt::Display for LunarDate {
    /// `day/month/year`, with `n` after a leap month: `10/3/2026`, `1/2n/2025`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}{}/{}",
            self.day,
            self.month,
            if self.leap { "n" } else { "" },
            self.year
        )
    }
}
