//! The statutory holidays of the state sector by era, and the projection of
//! a year that has no official schedule.
//!
//! Eras (the year is the Gregorian year of the holiday):
//! - **Labour Code 1994** (Art. 73), up to 2013: 1/1; Tết 4 days (lunar
//!   New Year's Eve and days 1–3); 30/4; 1/5; 2/9. Giỗ Tổ Hùng Vương
//!   (10/3 lunar) from 2007 (amendment of 2007).
//! - **Labour Code 2012** (Art. 115), 2014–2020: Tết 5 days (Eve and days
//!   1–4). The code took effect on 1 May 2013, after Tết 2013, which had four
//!   days: the government swapped Friday 15/02/2013 for Saturday 23/02/2013,
//!   which only a 4-day Tết needs (see the 2013 schedule's sources; python-
//!   holidays counts five). The code's other holidays are those of 1994.
//! - **Labour Code 2019** (Art. 112), from 2021: National Day is 2/9 plus
//!   one adjacent day chosen each year.
//! - **Ngày Văn hóa Việt Nam (24/11)**, from 2026: Resolution
//!   28/2026/QH16 on developing Vietnamese culture (adopted 24/04/2026, in
//!   force 01/07/2026) makes 24 November a paid day off every year
//!   (<https://xaydungchinhsach.chinhphu.vn/toan-van-nghi-quyet-so-28-2026-qh16-ve-phat-trien-van-hoa-viet-nam-119260508142130402.htm>).
//!   The resolution did not amend Labour Code Art. 112, whose list is what
//!   Art. 111(3)'s nghỉ bù refers to, so whether a 24/11 on a weekend gives
//!   a substitute day is not settled in law: it is the named policy
//!   [`CultureDayOnWeekend`].
//!
//! Nghỉ bù (Labour Code 2019 Art. 111(3), 2012 Art. 115(3), 1994 Art. 73):
//! a holiday on the weekly rest day gives a day off on the next working day.
//! For Tết the official schedules of 2019–2026 all place it the same way:
//! a Tết day on a Saturday moves to the last working day before the Tết
//! block, one on a Sunday to the first working day after it; the projection
//! follows that practice. The adjacent National Day follows the choices of
//! 2021–2026 by weekday of 2/9 (Mon→3/9, Tue→1/9, Wed→1/9, Thu→3/9,
//! Fri→1/9, Sat→1/9); for a Sunday, which has not occurred yet, 3/9.
//!
//! The state sector rests on Saturday and Sunday (40-hour week since
//! 2 October 1999, Decision 188/1999/QĐ-TTg), which is why the default
//! calendar starts in 2000.

use std::borrow::Cow;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{Holiday, HolidayKind, Provenance};
use crate::calendar::lunar::from_lunar;
use crate::error::Result;

/// Vietnamese and English names of a statutory occasion and of its
/// substitute day.
struct Occasion {
    vi: &'static str,
    en: &'static str,
    substitute_vi: &'static str,
    substitute_en: &'static str,
}

const NEW_YEAR: Occasion = Occasion {
    vi: "Tết Dương lịch",
    en: "New Year's Day",
    substitute_vi: "Nghỉ bù Tết Dương lịch",
    substitute_en: "New Year's Day (substitute day off)",
};
const TET_SUBSTITUTE: (&str, &str) = (
    "Nghỉ bù Tết Nguyên đán",
    "Lunar New Year (substitute day off)",
);
const HUNG_KINGS: Occasion = Occasion {
    vi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
    en: "Hùng Kings' Commemoration Day",
    substitute_vi: "Nghỉ bù Giỗ Tổ Hùng Vương",
    substitute_en: "Hùng Kings' Commemoration Day (substitute day off)",
};
const REUNIFICATION: Occasion = Occasion {
    vi: "Ngày Chiến thắng (30/4)",
    en: "Reunification Day",
    substitute_vi: "Nghỉ bù Ngày Chiến thắng",
    substitute_en: "Reunification Day (substitute day off)",
};
const LABOUR: Occasion = Occasion {
    vi: "Ngày Quốc tế Lao động (1/5)",
    en: "International Labour Day",
    substitute_vi: "Nghỉ bù Ngày Quốc tế Lao động",
    substitute_en: "International Labour Day (substitute day off)",
};
const NATIONAL: Occasion = Occasion {
    vi: "Quốc khánh (2/9)",
    en: "National Day",
    substitute_vi: "Nghỉ bù Quốc khánh",
    substitute_en: "National Day (substitute day off)",
};
const NATIONAL_ADJACENT: Occasion = Occasion {
    vi: "Quốc khánh (ngày liền kề)",
    en: "National Day (adjacent day)",
    substitute_vi: "Nghỉ bù Quốc khánh",
    substitute_en: "National Day (substitute day off)",
};

const CULTURE_DAY: Occasion = Occasion {
    vi: "Ngày Văn hóa Việt Nam (24/11)",
    en: "Vietnam Culture Day",
    substitute_vi: "Nghỉ bù Ngày Văn hóa Việt Nam",
    substitute_en: "Vietnam Culture Day (substitute day off)",
};

/// The first year with Ngày Văn hóa Việt Nam as a day off (Resolution
/// 28/2026/QH16, in force 01/07/2026).
pub const CULTURE_DAY_FIRST_YEAR: i32 = 2026;

/// Whether `date` is a Ngày Văn hóa Việt Nam of the law in force.
pub fn is_culture_day(date: NaiveDate) -> bool {
    date.month() == 11 && date.day() == 24 && date.year() >= CULTURE_DAY_FIRST_YEAR
}

/// Where the law puts Culture Day, as the source of a projected entry.
const CULTURE_DAY_BASIS: &str = "Resolution 28/2026/QH16 (24/04/2026, in force 01/07/2026): 24/11 Ngày Văn hóa Việt Nam, a paid day off";

crate::labels::labelled! {
    /// What a 24 November on a Saturday or Sunday gives (first in 2029, a
    /// Saturday, then 2030, a Sunday). A named policy because the law does not
    /// settle it: Resolution 28/2026/QH16 added the day without amending Labour
    /// Code Art. 112, and Art. 111(3)'s nghỉ bù covers the days of Art. 112(1).
    ///
    /// The default, [`CultureDayOnWeekend::NextWorkingDay`], treats the day
    /// like the holidays of Art. 112(1): the 2026 and 2027 practice puts 24/11
    /// in the yearly plan of public-sector holidays beside them (dispatch
    /// 10065/VPCP-KGVX of 02/10/2026, as reported), and the Government's plan
    /// to amend the Labour Code adds 24/11 to Art. 112(1) (Resolution
    /// 30/NQ-CP, reported by Dân trí and VnEconomy on 26/02/2026), which would
    /// give it Art. 111(3)'s nghỉ bù. Neither 2026 nor 2027 has a weekend
    /// 24/11, so no notice has applied either policy yet. A year with an
    /// official schedule ignores the policy: the notice decides.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum CultureDayOnWeekend: "Culture Day weekend policy" {
        /// The next working day is off, as for the Art. 112 holidays.
        #[default]
        NextWorkingDay = "next_working_day",
        /// No substitute day: the holiday is lost when it falls on a weekend.
        NoSubstitute = "no_substitute",
    }
}

/// The Labour Code whose holiday list governs a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LabourCode {
    /// Labour Code 1994 (as amended in 2007): up to 2013 (see the module).
    Of1994,
    /// Labour Code 2012: 2014–2020.
    Of2012,
    /// Labour Code 2019: from 2021.
    Of2019,
}

impl LabourCode {
    /// The articles that list the holidays and give nghỉ bù, as the source
    /// of a projected entry.
    const fn basis(self) -> (&'static str, &'static str) {
        match self {
            LabourCode::Of1994 => (
                "Labour Code 1994 Art. 73 (as amended in 2007)",
                "Labour Code 1994 Art. 73: a holiday on the weekly rest day is taken on the next day",
            ),
            LabourCode::Of2012 => (
                "Labour Code 2012 (10/2012/QH13) Art. 115(1)",
                "Labour Code 2012 (10/2012/QH13) Art. 115(3): nghỉ bù on the next working day",
            ),
            LabourCode::Of2019 => (
                "Labour Code 2019 (45/2019/QH14) Art. 112(1)",
                "Labour Code 2019 (45/2019/QH14) Art. 111(3): nghỉ bù on the next working day",
            ),
        }
    }

    /// The code in force for the holidays of `year`.
    pub fn for_year(year: i32) -> Self {
        match year {
            ..=2013 => LabourCode::Of1994,
            2014..=2020 => LabourCode::Of2012,
            _ => LabourCode::Of2019,
        }
    }
}

/// A statutory day with the substitute names of its occasion.
struct Statutory {
    date: NaiveDate,
    vi: Cow<'static, str>,
    en: Cow<'static, str>,
    substitute: (&'static str, &'static str),
    is_tet: bool,
    /// The article that makes the day a holiday.
    basis: &'static str,
    /// Whether a weekend date gives a substitute day.
    substituted: bool,
    /// Whether the law fixes the date itself. Which days make up Tết
    /// beyond mùng 1–3 (the eve, mùng 4, or the 29th of the last month as
    /// in 2017) and which day joins National Day are chosen by each year's
    /// notice, so only the others are checked against a schedule.
    fixed: bool,
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn fixed(date: NaiveDate, o: &Occasion, basis: &'static str) -> Statutory {
    Statutory {
        date,
        vi: Cow::Borrowed(o.vi),
        en: Cow::Borrowed(o.en),
        substitute: (o.substitute_vi, o.substitute_en),
        is_tet: false,
        basis,
        substituted: true,
        fixed: true,
    }
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The day of 2 September's adjacent National Day holiday (Labour Code 2019).
fn national_day_adjacent(year: i32) -> NaiveDate {
    let sep2 = ymd(year, 9, 2);
    match sep2.weekday() {
        Weekday::Mon | Weekday::Thu | Weekday::Sun => ymd(year, 9, 3),
        _ => ymd(year, 9, 1),
    }
}

/// The statutory days of `year` under the law in force, in date order.
fn statutory_days(year: i32, culture_day: CultureDayOnWeekend) -> Result<Vec<Statutory>> {
    let code = LabourCode::for_year(year);
    let basis = code.basis().0;
    let mut days = vec![fixed(ymd(year, 1, 1), &NEW_YEAR, basis)];
    let tet = from_lunar(year, 1, 1, false)?;
    let tet_days: u64 = if code >= LabourCode::Of2012 { 4 } else { 3 };
    let eve = tet.pred_opt().unwrap_or(tet);
    days.push(Statutory {
        date: eve,
        vi: Cow::Borrowed("Tết Nguyên đán (giao thừa)"),
        en: Cow::Borrowed("Lunar New Year's Eve"),
        substitute: TET_SUBSTITUTE,
        is_tet: true,
        basis,
        substituted: true,
        fixed: false,
    });
    for n in 1..=tet_days {
        days.push(Statutory {
            date: tet + Days::new(n - 1),
            vi: Cow::Owned(format!("Tết Nguyên đán (mùng {n})")),
            en: Cow::Owned(format!("Lunar New Year (day {n})")),
            substitute: TET_SUBSTITUTE,
            is_tet: true,
            basis,
            substituted: true,
            fixed: n <= 3,
        });
    }
    if year >= 2007 {
        days.push(fixed(from_lunar(year, 3, 10, false)?, &HUNG_KINGS, basis));
    }
    days.push(fixed(ymd(year, 4, 30), &REUNIFICATION, basis));
    days.push(fixed(ymd(year, 5, 1), &LABOUR, basis));
    days.push(fixed(ymd(year, 9, 2), &NATIONAL, basis));
    if code == LabourCode::Of2019 {
        days.push(fixed(
            national_day_adjacent(year),
            &NATIONAL_ADJACENT,
            basis,
        ));
    }
    if year >= CULTURE_DAY_FIRST_YEAR {
        let mut day = fixed(ymd(year, 11, 24), &CULTURE_DAY, CULTURE_DAY_BASIS);
        day.substituted = culture_day == CultureDayOnWeekend::NextWorkingDay;
        days.push(day);
    }
    days.sort_by_key(|d| d.date);
    Ok(days)
}

/// The dates that the law in force itself makes holidays in `year`, with
/// the article: 1/1, mùng 1–3 of Tết, Giỗ Tổ, 30/4, 1/5, 2/9 and 24/11
/// (not the days each year's notice chooses, nor substitute days), in date
/// order: what no schedule may leave as a working day.
///
/// Errors only when the year is outside the lunar calendar's range.
pub fn statutory_dates(year: i32) -> Result<Vec<(NaiveDate, &'static str)>> {
    Ok(statutory_days(year, CultureDayOnWeekend::default())?
        .into_iter()
        .filter(|d| d.fixed)
        .map(|d| (d.date, d.basis))
        .collect())
}

/// The projected calendar entries of `year`: its statutory days and their
/// substitute days, all marked [`Provenance::Projected`] with the article
/// they follow as their source, in date order.
///
/// Errors only when the year is outside the lunar calendar's range.
pub fn project_year(year: i32, culture_day: CultureDayOnWeekend) -> Result<Vec<Holiday>> {
    let statutory = statutory_days(year, culture_day)?;
    let substitute_basis = LabourCode::for_year(year).basis().1;
    // A handful of dates: a list, not a set (no set type in the module).
    let mut taken: Vec<NaiveDate> = statutory.iter().map(|d| d.date).collect();
    let mut out: Vec<Holiday> = Vec::with_capacity(statutory.len() + 4);
    for day in &statutory {
        out.push(Holiday {
            date: day.date,
            kind: HolidayKind::Statutory,
            name_vi: day.vi.clone(),
            name_en: day.en.clone(),
            provenance: Provenance::Projected,
            source: Some(Cow::Borrowed(day.basis)),
        });
        if !is_weekend(day.date) || !day.substituted {
            continue;
        }
        let backwards = day.is_tet && day.date.weekday() == Weekday::Sat;
        let mut sub = day.date;
        loop {
            sub = if backwards {
                sub.pred_opt()
            } else {
                sub.succ_opt()
            }
            .unwrap_or(sub);
            if !is_weekend(sub) && !taken.contains(&sub) {
                break;
            }
        }
        taken.push(sub);
        out.push(Holiday {
            date: sub,
            kind: HolidayKind::Substitute,
            name_vi: Cow::Borrowed(day.substitute.0),
            name_en: Cow::Borrowed(day.substitute.1),
            provenance: Provenance::Projected,
            source: Some(Cow::Borrowed(substitute_basis)),
        });
    }
    out.sort_by_key(|h| h.date);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days_off(year: i32) -> Vec<String> {
        project_year(year, CultureDayOnWeekend::default())
            .unwrap()
            .into_iter()
            .filter(|h| !is_weekend(h.date))
            .map(|h| format!("{:02}-{:02}", h.date.month(), h.date.day()))
            .collect()
    }

    #[test]
    fn projection_of_2023_places_substitutes_like_the_official_schedule() {
        // Tết 22/01/2023 (Sunday): eve on Saturday -> Friday 20/01, day 1 on
        // Sunday -> Thursday 26/01; Giỗ Tổ Saturday 29/04 and 30/04 Sunday ->
        // 02/05 and 03/05; 2/9 Saturday -> adjacent Friday 01/09, bù 04/09.
        assert_eq!(
            days_off(2023),
            [
                "01-02", "01-20", "01-23", "01-24", "01-25", "01-26", "05-01", "05-02", "05-03",
                "09-01", "09-04"
            ]
        );
    }

    #[test]
    fn eras_change_the_number_of_tet_days_and_national_days() {
        let count = |y: i32, kind: HolidayKind| {
            project_year(y, CultureDayOnWeekend::default())
                .unwrap()
                .iter()
                .filter(|h| h.kind == kind)
                .count()
        };
        assert_eq!(count(2005, HolidayKind::Statutory), 8); // 1994 code, no Giỗ Tổ yet
        assert_eq!(count(2010, HolidayKind::Statutory), 9); // + Giỗ Tổ from 2007
        assert_eq!(count(2016, HolidayKind::Statutory), 10); // 2012 code: Tết 5 days
        assert_eq!(count(2025, HolidayKind::Statutory), 11); // 2019 code: 2 National Days
        assert_eq!(count(2027, HolidayKind::Statutory), 12); // + 24/11 from 2026
    }

    #[test]
    fn culture_day_on_a_weekend_follows_the_policy() {
        let entries = |year, policy| -> Vec<(String, HolidayKind)> {
            project_year(year, policy)
                .unwrap()
                .into_iter()
                .filter(|h| h.date.month() >= 11)
                .map(|h| (h.date.to_string(), h.kind))
                .collect()
        };
        // 2029-11-24 is a Saturday, 2030-11-24 a Sunday: both give Monday 26/11
        // or 25/11 by default, nothing under the other policy.
        use HolidayKind::{Statutory, Substitute};
        assert_eq!(
            entries(2029, CultureDayOnWeekend::NextWorkingDay),
            [
                ("2029-11-24".into(), Statutory),
                ("2029-11-26".into(), Substitute)
            ]
        );
        assert_eq!(
            entries(2030, CultureDayOnWeekend::NextWorkingDay),
            [
                ("2030-11-24".into(), Statutory),
                ("2030-11-25".into(), Substitute)
            ]
        );
        assert_eq!(
            entries(2030, CultureDayOnWeekend::NoSubstitute),
            [("2030-11-24".into(), Statutory)]
        );
        // Before the resolution, no 24/11.
        assert!(entries(2025, CultureDayOnWeekend::NextWorkingDay).is_empty());
    }
}
