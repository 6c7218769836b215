//! A cell's text or value as what its column holds: an instant in one of
//! the forms Vietnamese exports write, a status, a channel.
//!
//! Policy `DAY_FIRST`: a date with slashes is day/month/year, as Vietnamese
//! documents write it (`05/10/2026` is 5 October); month-first dates are not
//! read, so a US-format export errors on its first day above 12 rather than
//! being read wrong. Accepted: `dd/mm/yyyy`, `dd/mm/yyyy HH:mm`,
//! `dd/mm/yyyy HH:mm:ss` (one- or two-digit day, month and hour),
//! `HH:mm dd/mm/yyyy` (the order of receipt slips), and ISO 8601
//! (`2026-10-05`, `2026-10-05T09:30`, `2026-10-05 09:30:00`). A date alone
//! is the start of the day: the report counts by date.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// The forms an instant is read in, for error messages.
pub(super) const INSTANT_FORMS: &str =
    "dd/mm/yyyy, dd/mm/yyyy HH:mm, dd/mm/yyyy HH:mm:ss, HH:mm dd/mm/yyyy or ISO yyyy-mm-dd[THH:mm[:ss]]";

/// An instant from a cell's text; `None` for text in none of the forms.
pub(super) fn instant(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim().as_bytes();
    if text.get(4) == Some(&b'-') {
        return iso(text);
    }
    let (date, time) = match text.iter().position(|&b| b == b' ') {
        None => (text, None),
        Some(i) => {
            let (a, b) = (&text[..i], text[i + 1..].trim_ascii_start());
            if a.contains(&b':') {
                (b, Some(a))
            } else {
                (a, Some(b))
            }
        }
    };
    let date = day_first(date)?;
    let time = match time {
        None => NaiveTime::MIN,
        Some(t) => clock(t)?,
    };
    Some(date.and_time(time))
}

/// The parts of `text` between `separator`s, exactly `N` of them.
fn parts<const N: usize>(text: &[u8], separator: u8) -> Option<[&[u8]; N]> {
    let mut out = [&text[..0]; N];
    let mut pieces = text.split(|&b| b == separator);
    for slot in &mut out {
        *slot = pieces.next()?;
    }
    pieces.next().is_none().then_some(out)
}

/// `d/m/yyyy`.
fn day_first(text: &[u8]) -> Option<NaiveDate> {
    let [day, month, year] = parts::<3>(text, b'/')?;
    let year = number(year, 4, 4)? as i32;
    NaiveDate::from_ymd_opt(year, number(month, 1, 2)?, number(day, 1, 2)?)
}

/// `H:mm` or `H:mm:ss`.
fn clock(text: &[u8]) -> Option<NaiveTime> {
    let (hour, minute, second) = match parts::<3>(text, b':') {
        Some([h, m, s]) => (h, m, number(s, 2, 2)?),
        None => {
            let [h, m] = parts::<2>(text, b':')?;
            (h, m, 0)
        }
    };
    NaiveTime::from_hms_opt(number(hour, 1, 2)?, number(minute, 2, 2)?, second)
}

/// The value of `min` to `max` ASCII digits.
fn number(digits: &[u8], min: usize, max: usize) -> Option<u32> {
    if !(min..=max).contains(&digits.len()) {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
    })
}

/// ISO 8601: `yyyy-mm-dd`, with `THH:mm[:ss]` or ` HH:mm[:ss]` (two-digit
/// hours).
fn iso(text: &[u8]) -> Option<NaiveDateTime> {
    let (date, time) = match text.iter().position(|&b| b == b'T' || b == b' ') {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let [year, month, day] = parts::<3>(date, b'-')?;
    let date = NaiveDate::from_ymd_opt(
        number(year, 4, 4)? as i32,
        number(month, 2, 2)?,
        number(day, 2, 2)?,
    )?;
    let time = match time {
        None => NaiveTime::MIN,
        Some(t) if t.get(2) == Some(&b':') => clock(t)?,
        Some(_) => return None,
    };
    Some(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, min, s))
    }

    #[test]
    fn vietnamese_forms_are_read_day_first() {
        assert_eq!(instant("05/10/2026 09:30"), at(2026, 10, 5, 9, 30, 0));
        assert_eq!(instant("5/10/2026 9:30:15"), at(2026, 10, 5, 9, 30, 15));
        assert_eq!(instant("05/10/2026"), at(2026, 10, 5, 0, 0, 0));
        assert_eq!(instant("09:30 05/10/2026"), at(2026, 10, 5, 9, 30, 0));
        assert_eq!(instant("2026-10-05T09:30"), at(2026, 10, 5, 9, 30, 0));
        assert_eq!(instant("2026-10-05 09:30:00"), at(2026, 10, 5, 9, 30, 0));
        assert_eq!(instant("2026-10-05"), at(2026, 10, 5, 0, 0, 0));
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "10/13/2026", // month first: day 10 of month 13
            "05-10-2026",
            "05/10/26",
            "05/10/2026 9h30",
            "05/10/2026 25:00",
            "05/10/2026 09:3",
            "2026-10-5",
            "31/02/2026",
            "hôm nay",
            "",
        ] {
            assert_eq!(instant(bad), None, "{bad}");
        }
    }
}
