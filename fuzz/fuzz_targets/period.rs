//! `Period::parse`: `YYYY`, `YYYY-MM`, `YYYY-Qn` and
//! `YYYY-MM-DD/YYYY-MM-DD`, the periods that report requests name.
//!
//! The text comes from command lines, query strings and the bindings'
//! arguments: any text gives a period or `invalid_argument`, never a panic
//! (year arithmetic near the ends of chrono's range included). A period
//! that parses is ordered, has an end on its last day, reads back from its
//! own `first/last` form and from its `Display` text (for four-digit
//! years, the only ones those forms write), and makes an empty report.

#![no_main]

use chrono::Datelike;
use libfuzzer_sys::fuzz_target;
use motcua::report::{GroupBy, Period, PeriodReport};

fuzz_target!(|data: &[u8]| {
    let Some(text) = motcua_fuzz::text(data) else {
        return;
    };
    let Ok(period) = Period::parse(text) else {
        return;
    };
    assert!(
        period.first <= period.last,
        "{text:?}: {period:?} ends before it starts"
    );
    assert_eq!(
        period.end().date(),
        period.last,
        "{text:?}: the end is not on the last day"
    );
    let four_digits = |y: i32| (0..=9999).contains(&y);
    if four_digits(period.first.year()) && four_digits(period.last.year()) {
        let range = format!("{}/{}", period.first, period.last);
        assert_eq!(
            Period::parse(&range).as_ref(),
            Ok(&period),
            "{text:?}: the period does not read back from {range:?}"
        );
    }
    if four_digits(period.first.year()) && four_digits(period.last.year()) {
        assert_eq!(
            Period::parse(&period.to_string()).as_ref(),
            Ok(&period),
            "{text:?}: the period does not read back from its text {period}"
        );
    }
    let report = PeriodReport::new(period, GroupBy::Total);
    assert_eq!(report.counted(), 0);
});
