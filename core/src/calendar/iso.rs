//! ISO-8601 text for local dates and instants, the form JSON documents and
//! the JavaScript binding use: `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM[:SS]`
//! (Vietnam local time; seconds written only when they are not zero).

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

// The fixed layouts are read and written by hand rather than with chrono's
// strftime engine: that engine is the largest part of chrono in the WASM
// module, and these few layouts need none of its generality.

/// Reads `text` laid out as `layout`, where `Y`, `M`, `D`, `h`, `m`, `s`
/// stand for one digit of the year, month, day, hour, minute and second
/// and every other character must appear as is. Missing fields are 0 (the
/// time) and the result must exist on the calendar and the clock.
pub fn parse_layout(text: &str, layout: &str) -> Option<NaiveDateTime> {
    if text.len() != layout.len() {
        return None;
    }
    // year, month, day, hour, minute, second
    let mut fields = [0u32; 6];
    for (c, l) in text.bytes().zip(layout.bytes()) {
        let slot = match l {
            b'Y' => 0,
            b'M' => 1,
            b'D' => 2,
            b'h' => 3,
            b'm' => 4,
            b's' => 5,
            _ if c == l => continue,
            _ => return None,
        };
        if !c.is_ascii_digit() {
            return None;
        }
        // Checked: a layout of ten or more of one letter would overflow.
        fields[slot] = fields[slot]
            .checked_mul(10)?
            .checked_add(u32::from(c - b'0'))?;
    }
    let [y, mo, d, h, mi, sec] = fields;
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, mo, d)?;
    Some(date.and_time(NaiveTime::from_hms_opt(h, mi, sec)?))
}

/// Parses `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS` or with a fraction of
/// a second (dropped: motcua counts whole seconds).
pub fn parse_instant(text: &str) -> Option<NaiveDateTime> {
    let whole = match text.get(19..) {
        Some(fraction) if fraction.len() > 1 && fraction.starts_with('.') => {
            if !fraction[1..].bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            &text[..19]
        }
        _ => text,
    };
    parse_layout(whole, "YYYY-MM-DDThh:mm:ss").or_else(|| parse_layout(whole, "YYYY-MM-DDThh:mm"))
}

/// Parses an instant as [`parse_instant`] does, or one with a trailing
/// `Z` or an ISO 8601 offset (`±HH:MM`, `±HHMM`, `±HH`; the milliseconds
/// of JavaScript's `Date.prototype.toISOString()` too), converted to
/// Vietnam local time (UTC+7, no daylight saving since 1975).
pub fn parse_instant_with_offset(text: &str) -> Option<NaiveDateTime> {
    if let Some(local) = parse_instant(text) {
        return Some(local);
    }
    let (local, offset_minutes) = match text.strip_suffix('Z') {
        Some(local) => (local, 0),
        None => split_offset(text)?,
    };
    parse_instant(local)?.checked_add_signed(chrono::Duration::minutes(7 * 60 - offset_minutes))
}

/// `text` split into its local part and its trailing offset in minutes.
fn split_offset(text: &str) -> Option<(&str, i64)> {
    // (layout of the offset's digits, its length with the sign)
    [("hh:mm", 6), ("hhmm", 5), ("hh", 3)]
        .iter()
        .find_map(|&(layout, len)| {
            let split = text.len().checked_sub(len)?;
            let (local, offset) = (text.get(..split)?, text.get(split..)?);
            let sign = match offset.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let hours_only = len == 3;
            let padded = format!(
                "2000-01-01{}{}",
                &offset[1..],
                if hours_only { "00" } else { "" }
            );
            let layout = format!("YYYY-MM-DD{layout}{}", if hours_only { "mm" } else { "" });
            let t = parse_layout(&padded, &layout)?;
            Some((local, sign * i64::from(t.hour() * 60 + t.minute())))
        })
}

/// `t` without its fraction of a second: motcua counts whole seconds.
pub fn whole_seconds(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(0).unwrap_or(t)
}

/// Parses a strict `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_layout(text, "YYYY-MM-DD").map(|t| t.date())
}

/// Parses `HH:MM`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    parse_layout(&format!("2000-01-01 {text}"), "YYYY-MM-DD hh:mm").map(|t| t.time())
}

/// [`format_instant`] with Vietnam's offset, `+07:00`: the instant an aware
/// reader (JavaScript's `Date`) takes for this local time. The offset is
/// written as a literal, not through `FixedOffset`'s `Display` (0.35 KB of
/// the WASM module); a test of `calendar::zone` holds it to the zone.
pub fn format_instant_aware(t: NaiveDateTime) -> String {
    format!("{}+07:00", format_instant(t))
}

/// `YYYY-MM-DDTHH:MM`, with `:SS` when the seconds are not zero.
pub fn format_instant(t: NaiveDateTime) -> String {
    let (d, s) = (t.date(), t.second());
    let mut out = format!(
        "{:04}-{:02}-{:02}T{}",
        d.year(),
        d.month(),
        d.day(),
        format_time(t.time())
    );
    if s != 0 {
        out.push_str(&format!(":{s:02}"));
    }
    out
}

/// Appends `YYYY-MM-DD` (years 0 to 9999) without the formatting
/// machinery: batch calls write millions of dates.
pub fn push_date(out: &mut String, d: NaiveDate) {
    let digits = |n: u32, width: usize, out: &mut String| {
        let mut buf = [b'0'; 4];
        let mut n = n;
        for slot in buf[..width].iter_mut().rev() {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
        out.extend(buf[..width].iter().map(|&b| char::from(b)));
    };
    digits(d.year().unsigned_abs(), 4, out);
    out.push('-');
    digits(d.month(), 2, out);
    out.push('-');
    digits(d.day(), 2, out);
}

/// `HH:MM`.
pub fn format_time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `DD/MM/YYYY`, the Vietnamese way of writing a date.
pub fn format_vn_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// Serde adapter for instants in this format (`#[serde(with = ...)]`).
pub mod instant {
    use chrono::NaiveDateTime;
    use serde::{de, Deserialize, Deserializer, Serializer};

    /// Writes [`super::format_instant`].
    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_instant(*t))
    }

    /// Reads [`super::parse_instant`].
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_instant(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "{text:?} is not an instant \"YYYY-MM-DDTHH:MM[:SS]\""
            ))
        })
    }
}

/// Serde adapter for optional instants.
pub mod instant_opt {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `null` or [`super::format_instant`].
    pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::instant::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    /// Reads `null` or [`super::parse_instant`].
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "super::instant")] NaiveDateTime);
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

/// Serde adapter for `YYYY-MM-DD` dates (chrono's own reads them through
/// its strftime engine).
pub mod date {
    use chrono::NaiveDate;
    use serde::{de, Deserialize, Deserializer, Serializer};

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// Reads [`super::parse_date`].
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_date(&text)
            .ok_or_else(|| de::Error::custom(format!("{text:?} is not a date \"YYYY-MM-DD\"")))
    }
}

/// Serde adapter for optional dates.
pub mod date_opt {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `null` or `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    /// Reads `null` or [`super::parse_date`].
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "super::date")] NaiveDate);
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

#[cfg(test)]
mod layout_tests {
    use super::*;

    #[test]
    fn layouts_read_exact_digits_and_real_dates() {
        assert_eq!(parse_date("2026-02-17").unwrap().to_string(), "2026-02-17");
        for bad in [
            "2026-02-30",
            "2026-2-17",
            "2026/02/17",
            "+2026-02-1",
            "2026-02-17 ",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
        let t = parse_instant("2026-02-17T08:05:09.250").unwrap();
        assert_eq!(format_instant(t), "2026-02-17T08:05:09");
        assert_eq!(
            format_instant(parse_instant("2026-02-17T08:05").unwrap()),
            "2026-02-17T08:05"
        );
        for bad in [
            "2026-02-17T24:00",
            "2026-02-17T08:05:",
            "2026-02-17T08:05:09.",
            "2026-02-17T08:05:09.x",
        ] {
            assert!(parse_instant(bad).is_none(), "{bad}");
        }
        assert_eq!(format_time(parse_time("07:30").unwrap()), "07:30");
        assert!(parse_time("7:30").is_none());
        assert_eq!(
            format_vn_date(parse_date("2026-02-03").unwrap()),
            "03/02/2026"
        );
    }
}
