//! Holidays of Vietnam's state sector: the statutory rules by era, nghỉ bù,
//! and the official yearly schedules with their swapped days and make-up
//! working Saturdays.
//!
//! Three inputs make a year, in this order of precedence:
//! 1. **Official schedules** ([`official`], generated from
//!    `data/vn-official-schedules.json`, every year with its sources): the
//!    government's yearly notice for the year (which five days are Tết, which
//!    day joins National Day, which weekdays are swapped and which Saturdays
//!    are worked back). A year listed there replaces the projection.
//! 2. **Projection from the rules** ([`rules`]) for the other years, marked
//!    provisional: the statutory days of the Labour Code in force, with
//!    nghỉ bù placed as the official schedules of 2019–2026 place it.
//! 3. **Run-time data** ([`CalendarData`]): a center's extra closures and
//!    extra working days, or next year's announcement, loaded from JSON
//!    without a new release.

mod official;
pub mod rules;
mod schedule;

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use official::DATA_VERSION;
pub use schedule::{CalendarData, DataEntry, YearSchedule};

/// What a calendar entry does to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HolidayKind {
    /// A paid public holiday of the Labour Code (ngày lễ, Tết), even when it
    /// falls on a weekend.
    Statutory,
    /// A day off that replaces a statutory day falling on the weekly rest
    /// day (nghỉ bù).
    Substitute,
    /// A weekday taken off by a government swap (hoán đổi ngày làm việc),
    /// paid back by a make-up working day.
    Swapped,
    /// A weekly rest day (a Saturday) worked to pay back a swapped day
    /// (làm bù): a working day.
    MakeUp,
    /// Any other closure: a center's own day off, or a new national day off
    /// added by a data update.
    Closure,
    /// Any other working day on a weekly rest day, decided locally.
    ExtraWorkingDay,
}

impl HolidayKind {
    /// All kinds, in declaration order.
    pub const ALL: [HolidayKind; 6] = [
        HolidayKind::Statutory,
        HolidayKind::Substitute,
        HolidayKind::Swapped,
        HolidayKind::MakeUp,
        HolidayKind::Closure,
        HolidayKind::ExtraWorkingDay,
    ];

    /// Whether the date is a day off (`false` for make-up and extra working
    /// days).
    pub const fn is_day_off(self) -> bool {
        !matches!(self, HolidayKind::MakeUp | HolidayKind::ExtraWorkingDay)
    }

    /// The stable code used in JSON and by the bindings.
    pub const fn code(self) -> &'static str {
        match self {
            HolidayKind::Statutory => "statutory",
            HolidayKind::Substitute => "substitute",
            HolidayKind::Swapped => "swapped",
            HolidayKind::MakeUp => "make_up",
            HolidayKind::Closure => "closure",
            HolidayKind::ExtraWorkingDay => "extra_working_day",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl fmt::Display for HolidayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Where a calendar entry comes from, so users can tell announced days from
/// projected ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// From an official schedule embedded in the library (with sources).
    Official,
    /// Projected from the statutory rules: the year's schedule has not been
    /// announced (or is not in the data), so the entry is provisional.
    Projected,
    /// Loaded at run time from a [`CalendarData`] document.
    Loaded,
}

/// One dated entry of the calendar: a holiday, a substitute or swapped day
/// off, a make-up working day or a local override.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Holiday {
    /// The civil date.
    pub date: NaiveDate,
    /// What the entry does.
    pub kind: HolidayKind,
    /// Vietnamese name.
    pub name_vi: Cow<'static, str>,
    /// English name.
    pub name_en: Cow<'static, str>,
    /// Where the entry comes from.
    pub provenance: Provenance,
}

impl Holiday {
    /// `true` when the entry is projected from the rules and not yet
    /// confirmed by an official schedule.
    pub fn is_provisional(&self) -> bool {
        self.provenance == Provenance::Projected
    }

    /// Whether the date is a day off.
    pub fn is_day_off(&self) -> bool {
        self.kind.is_day_off()
    }
}

/// An entry of the embedded official schedules, as the generated code in
/// `official.rs` writes it: (year, month, day), kind, Vietnamese and English
/// names.
type StaticEntry = ((i32, u32, u32), HolidayKind, &'static str, &'static str);

/// A year of the embedded official schedules, as generated.
struct StaticYear {
    year: i32,
    sources: &'static [&'static str],
    entries: &'static [StaticEntry],
}

/// The official schedules embedded in the library (generated from
/// `data/vn-official-schedules.json`), in year order.
pub fn official_schedules() -> Vec<YearSchedule> {
    official::YEARS
        .iter()
        .map(|y| YearSchedule {
            year: y.year,
            sources: y.sources.iter().map(|&s| Cow::Borrowed(s)).collect(),
            entries: y
                .entries
                .iter()
                .filter_map(|&((yy, m, d), kind, vi, en)| {
                    Some(DataEntry {
                        date: NaiveDate::from_ymd_opt(yy, m, d)?,
                        kind,
                        name_vi: Cow::Borrowed(vi),
                        name_en: Cow::Borrowed(en),
                    })
                })
                .collect(),
        })
        .collect()
}
