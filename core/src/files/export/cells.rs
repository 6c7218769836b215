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
    let text = text.trim();
    if text.as_bytes().get(4) == Some(&b'-') {
        return iso(text);
    }
    let (date, time) = match text.split_once(' ') {
        None => (text, None),
        Some((a, b)) if a.contains(':') => (b.trim(), Some(a)),
        Some((a, b)) => (a, Some(b.trim())),
    };
    let date = day_first(date)?;
    let time = match time {
        None => NaiveTime::MIN,
        Some(t) => clock(t)?,
    };
    Some(date.and_time(time))
}

/// `d/m/yyyy`.
fn day_first(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('/');
    let day = small(parts.next()?, 2)?;
    let month = small(parts.next()?, 2)?;
    let year = parts.next()?;
    if parts.next().is_some() || year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(small(year, 4)? as i32, month, day)
}

/// `H:mm` or `H:mm:ss`.
fn clock(text: &str) -> Option<NaiveTime> {
    let mut parts = text.split(':');
    let hour = small(parts.next()?, 2)?;
    let minute = parts
        .next()
        .filter(|m| m.len() == 2)
        .and_then(|m| small(m, 2))?;
    let second = match parts.next() {
        Some(s) if s.len() == 2 => small(s, 2)?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// A number of at most `digits` ASCII digits.
fn small(text: &str, digits: usize) -> Option<u32> {
    if text.is_empty() || text.len() > digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// ISO 8601: `yyyy-mm-dd`, with `THH:mm[:ss]` or ` HH:mm[:ss]`.
fn iso(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = match text.find(['T', ' ']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year = small(parts.next()?, 4)?;
    let month = parts
        .next()
        .filter(|m| m.len() == 2)
        .and_then(|m| small(m, 2))?;
    let day = parts
        .next()
        .filter(|d| d.len() == 2)
        .and_then(|d| small(d, 2))?;
    if parts.next().is_some() {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    let time = match time {
        None => NaiveTime::MIN,
        // ISO hours have two digits.
        Some(t) if t.find(':') == Some(2) => clock(t)?,
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
