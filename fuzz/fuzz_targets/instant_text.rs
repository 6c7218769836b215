//! The text forms of dates and instants that every document and binding
//! argument goes through: `calendar::iso::parse_instant`
//! (`YYYY-MM-DDTHH:MM[:SS[.fraction]]`), `parse_date`, `parse_time` and
//! `portal::parse_timestamp` (`yyyyMMddHHmmss`).
//!
//! Any text gives a value or `None`, never a panic; what they read, the
//! library's writers (`format_instant`, `push_date`, `format_time`,
//! `portal::timestamp`) write as text that reads back to the same value,
//! the very text for the strict forms.

#![no_main]

use libfuzzer_sys::fuzz_target;
use motcua::calendar::iso;
use motcua::portal;

fuzz_target!(|data: &[u8]| {
    let Some(text) = motcua_fuzz::text(data) else {
        return;
    };
    if let Some(t) = iso::parse_instant(text) {
        let written = iso::format_instant(t);
        assert_eq!(
            iso::parse_instant(&written),
            Some(t),
            "{text:?}: {written:?} reads as another instant"
        );
    }
    if let Some(d) = iso::parse_date(text) {
        let mut written = String::new();
        iso::push_date(&mut written, d);
        assert_eq!(written, text, "a date is written as another text");
    }
    if let Some(t) = iso::parse_time(text) {
        assert_eq!(
            iso::format_time(t),
            text,
            "a time of day is written as another text"
        );
    }
    if let Some(t) = portal::parse_timestamp(text) {
        assert_eq!(
            portal::timestamp(t),
            text,
            "a portal timestamp is written as another text"
        );
    }
});
