//! Builds the Vietnamese lunar calendar from the astronomy of [`crate::astro`]
//! by its three rules, and renders the packed table of
//! `core/src/calendar/lunar/table.rs`.
//!
//! 1. A month starts on the UTC+7 civil day of a new moon.
//! 2. Month 11 is the month that contains the day of the December solstice.
//! 3. When 13 months start between two consecutive month-11 starts, the first
//!    of them after month 11 that contains no principal term is the leap
//!    month, numbered like the month before it.

use motcua::calendar::lunar::YearCode;

use crate::astro;

/// A lunar month: its first civil day (Julian Day Number), number and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    /// Julian Day Number of the month's first day.
    pub start_jdn: i64,
    /// 1 to 12.
    pub number: u8,
    /// The leap month that follows the month of the same number.
    pub leap: bool,
    /// The lunar year it belongs to.
    pub year: i32,
}

/// JDN of 1970-01-01.
const JDN_UNIX_EPOCH: i64 = 2_440_588;

/// The lunation number `k` (Meeus) of the new moon nearest a Julian Day.
fn lunation_near(jd: f64) -> i64 {
    ((jd - 2_451_550.097_66) / 29.530_588_861).round() as i64
}

/// Local day of a new moon.
fn new_moon_day(k: i64) -> i64 {
    astro::vietnam_day(astro::tt_to_ut(astro::new_moon_jde(k)))
}

/// Local day of a principal term of a Gregorian year (index as in
/// [`astro::principal_term_jde`]).
fn term_day(year: i32, index: u32) -> i64 {
    astro::vietnam_day(astro::tt_to_ut(astro::principal_term_jde(year, index)))
}

/// JDN of 1 January of a Gregorian year (proleptic, valid for 1583+).
pub fn jdn_of_jan1(year: i32) -> i64 {
    // Gregorian-to-JDN for month 1, day 1, counted as month 13 of the year
    // before in a March-based year.
    let y = i64::from(year) + 4799;
    let m = 10;
    1 + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
}

/// Every lunar month from month 11 of lunar year `first - 1` up to and
/// including month 1 of lunar year `last + 1`.
pub fn months(first: i32, last: i32) -> Vec<Month> {
    // New moons covering November of `first - 2` to February of `last + 2`.
    let k_from = lunation_near(jdn_of_jan1(first - 1) as f64) - 3;
    let k_to = lunation_near(jdn_of_jan1(last + 2) as f64) + 3;
    let new_moons: Vec<i64> = (k_from..=k_to).map(new_moon_day).collect();
    let month_start_containing = |day: i64| -> usize {
        new_moons
            .iter()
            .rposition(|&s| s <= day)
            .expect("new moons cover the range")
    };
    let mut out = Vec::new();
    // Sui (solstice year) of Gregorian year g: from month 11 that contains
    // the solstice of December g-1 to the month 11 of December g.
    for g in first..=last + 1 {
        let a = month_start_containing(term_day(g - 1, 9));
        let b = month_start_containing(term_day(g, 9));
        let count = b - a;
        assert!(
            count == 12 || count == 13,
            "sui {g} has {count} months: astronomy out of range"
        );
        let leap_at = if count == 13 {
            let terms: Vec<i64> = (0..12)
                .map(|i| term_day(g - 1, i))
                .chain((0..12).map(|i| term_day(g, i)))
                .collect();
            (a + 1..b).find(|&i| {
                !terms
                    .iter()
                    .any(|&t| new_moons[i] <= t && t < new_moons[i + 1])
            })
        } else {
            None
        };
        let mut number = 11u8;
        for (i, &start_jdn) in new_moons.iter().enumerate().take(b).skip(a) {
            let leap = Some(i) == leap_at;
            if i > a && !leap {
                number = number % 12 + 1;
            }
            let year = if number >= 11 { g - 1 } else { g };
            out.push(Month {
                start_jdn,
                number,
                leap,
                year,
            });
        }
    }
    out.push(Month {
        start_jdn: new_moons[month_start_containing(term_day(last + 1, 9))],
        number: 11,
        leap: false,
        year: last + 1,
    });
    // Keep month 11 of `first - 1` .. month 1 of `last + 1`.
    let from = out
        .iter()
        .position(|m| m.year == first - 1 && m.number == 11 && !m.leap)
        .unwrap_or(0);
    let to = out
        .iter()
        .position(|m| m.year == last + 1 && m.number == 1)
        .expect("month 1 of the year after the last");
    out[from..=to].to_vec()
}

/// The packed code of each lunar year `first..=last` and the epoch day of Tết
/// of `last + 1`.
pub fn year_codes(first: i32, last: i32) -> (Vec<YearCode>, i64) {
    let months = months(first, last);
    let mut codes = Vec::new();
    for year in first..=last {
        let idx: Vec<usize> = (0..months.len())
            .filter(|&i| months[i].year == year)
            .collect();
        let mut long_months = 0u16;
        let mut leap_month = 0u8;
        for (bit, &i) in idx.iter().enumerate() {
            let len = months[i + 1].start_jdn - months[i].start_jdn;
            assert!(len == 29 || len == 30, "month of {len} days");
            if len == 30 {
                long_months |= 1 << bit;
            }
            if months[i].leap {
                leap_month = months[i].number;
            }
        }
        let tet = months[idx[0]].start_jdn;
        assert_eq!(months[idx[0]].number, 1);
        codes.push(YearCode {
            new_year_ordinal0: u16::try_from(tet - jdn_of_jan1(year)).expect("Tết in Jan/Feb"),
            long_months,
            leap_month,
        });
    }
    let next_tet = months
        .iter()
        .find(|m| m.year == last + 1 && m.number == 1)
        .expect("Tết after the last year")
        .start_jdn;
    (codes, next_tet - JDN_UNIX_EPOCH)
}

/// First and last lunar years of the embedded table: lunar year 1899 holds
/// 1900-01-01, lunar year 2100 holds 2100-12-31.
pub const FIRST_YEAR: i32 = 1899;
/// See [`FIRST_YEAR`].
pub const LAST_YEAR: i32 = 2100;

/// The Rust source of `core/src/calendar/lunar/table.rs`.
pub fn render_table() -> String {
    let (codes, end_tet) = year_codes(FIRST_YEAR, LAST_YEAR);
    let mut s = String::new();
    s.push_str(
        "//! GENERATED by `cargo run -p motcua-datagen` from the astronomy in\n\
         //! `tools/datagen/src/astro.rs`; do not edit. The test\n\
         //! `tools/datagen/tests/regenerate.rs` fails when this file and the\n\
         //! generator disagree.\n\
         //!\n\
         //! One code per lunar year, packed as documented on `YearCode`.\n\n",
    );
    s.push_str("/// Version of the lunar table (generator revision).\n");
    s.push_str("pub const TABLE_VERSION: &str = \"1\";\n\n");
    s.push_str(&format!(
        "/// The lunar year of `YEARS[0]`.\npub(super) const FIRST_YEAR: i32 = {FIRST_YEAR};\n\n"
    ));
    s.push_str(&format!(
        "/// Epoch day of Tết of the year after the last one in `YEARS`.\npub(super) const END_NEW_YEAR_EPOCH_DAY: i32 = {end_tet};\n\n"
    ));
    s.push_str(&format!(
        "/// Lunar years {FIRST_YEAR}..={LAST_YEAR}.\n#[rustfmt::skip]\npub(super) static YEARS: [u32; {}] = [\n",
        codes.len()
    ));
    for chunk in codes.chunks(8) {
        s.push_str("   ");
        for c in chunk {
            s.push_str(&format!(" 0x{:07x},", c.to_bits()));
        }
        s.push('\n');
    }
    s.push_str("];\n");
    s
}
