//! ISO-8601 text for local dates and instants, the form JSON documents and
//! the JavaScript binding use: `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM[:SS]`
//! (Vietnam local time; seconds written only when they are not zero).

use chrono::{NaiveDate, NaiveDateTime, Timelike};

/// Parses `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS` or with a fraction of
/// a second.
pub fn parse_instant(text: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(whole_seconds)
}

/// `t` without its fraction of a second: motcua counts whole seconds.
pub fn whole_seconds(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(0).unwrap_or(t)
}

/// Parses a strict `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// `YYYY-MM-DDTHH:MM`, with `:SS` when the seconds are not zero.
pub fn format_instant(t: NaiveDateTime) -> String {
    if t.second() == 0 {
        t.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
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
