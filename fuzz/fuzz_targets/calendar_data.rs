//! Calendar data documents (official yearly schedules and a center's
//! overrides): `CalendarData::from_json`, `check_statutory`, and the
//! calendar builder that applies a document (`Calendar::with_data`).
//!
//! Centers load these files at run time, next year's notice arrives as
//! one, and a mistake in them moves every due date: any text must give
//! data or `calendar.invalid_data`, and any data a calendar or a
//! `calendar.*` error, never a panic. On a calendar built with a document,
//! each override decides its date and each year's own entries decide
//! theirs (where no override does); counting working days after such a
//! date and back agrees (`working_days_between(d, add_working_days(d, n))
//! == n`); and the changes against the default calendar can be listed.

#![no_main]

use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;
use motcua::calendar::holidays::{CalendarData, DataEntry};
use motcua::calendar::{self, Calendar};

/// Working days counted after `date` and back agree.
fn check_counting(cal: &Calendar, date: NaiveDate) {
    for n in [1, 5, -3] {
        if let Ok(end) = cal.add_working_days(date, n) {
            if n >= 0 {
                assert_eq!(
                    cal.working_days_between(date, end).ok(),
                    Some(n),
                    "{date} + {n} working days = {end}, counted back differently"
                );
            }
        }
    }
}

/// The calendar says of `entry`'s date what the entry says.
fn check_entry(cal: &Calendar, entry: &DataEntry, what: &str) {
    let Ok(working) = cal.is_working_day(entry.date) else {
        return;
    };
    assert_eq!(
        working,
        !entry.kind.is_day_off(),
        "{what} {} ({}) is not applied",
        entry.date,
        entry.kind
    );
    check_counting(cal, entry.date);
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = motcua_fuzz::text(data) else {
        return;
    };
    let Ok(doc) = CalendarData::from_json(text) else {
        return;
    };
    let _ = calendar::check_statutory(&doc);
    let base = motcua_fuzz::calendar();
    let cal = match base.with_data(doc.clone()) {
        Ok(cal) => cal,
        Err(e) => {
            assert!(
                e.code().starts_with("calendar."),
                "with_data: {e} ({})",
                e.code()
            );
            return;
        }
    };
    let _ = cal.data_versions();
    for entry in &doc.overrides {
        check_entry(&cal, entry, "override");
    }
    let overridden = |date| doc.overrides.iter().any(|o| o.date == date);
    for year in &doc.years {
        let own = year.entries.iter().filter(|e| e.date.year() == year.year);
        for entry in own.filter(|e| !overridden(e.date)) {
            check_entry(&cal, entry, "schedule entry");
        }
    }
    let dates = || {
        doc.overrides
            .iter()
            .chain(doc.years.iter().flat_map(|y| &y.entries))
            .map(|e| e.date)
    };
    let (Some(from), Some(to)) = (dates().min(), dates().max()) else {
        return;
    };
    let from = from.max(cal.first_date());
    let cap = from.checked_add_days(chrono::Days::new(800)).unwrap_or(to);
    let to = to.min(cal.last_date()).min(cap);
    if from <= to {
        let changes = calendar::changes(base, &cal, from, to)
            .unwrap_or_else(|e| panic!("changes over {from}..={to}: {e}"));
        for c in changes {
            assert!(
                (from..=to).contains(&c.date),
                "a change outside {from}..={to}: {}",
                c.date
            );
        }
    }
});
