//! Decimal text of `f64` values, as Rust's `Display` writes them: the same
//! text for every value without a precision, and with a precision for
//! values below 2^64 and up to 19 decimals (see [`Decimal`]).
//!
//! Why not `format!("{x}")`: std's float formatting (Grisu with a Dragon4
//! fallback, `core::num::flt2dec`) is about 13 KB of the 300 KB WASM
//! module, measured by building the module without it. serde_json already
//! links `zmij` to write JSON numbers; it finds the same shortest digits
//! that round-trip (Schubfach), so only their layout differs: zmij writes
//! `1e21` and `1.0` where `Display` writes `1000000000000000000000` and
//! `1`. [`Decimal`] re-lays zmij's digits, and rounds to a precision
//! (`{:.2}`) from the exact binary value, as `Display` does. The tests
//! compare both with std on arbitrary values.

use std::fmt;

/// An `f64` that displays as std's `Display` does, precision included
/// (`format!("{:.2}", Decimal(x)) == format!("{x:.2}")` for |x| < 2^64
/// and up to 19 decimals; beyond, see `fixed`). Width, fill and the `+`
/// flag are ignored: no message of motcua pads a number or signs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decimal(pub f64);

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if !x.is_finite() {
            // "NaN", "inf" and "-inf", as std writes them.
            return f.write_str(zmij::Buffer::new().format(x));
        }
        if x.is_sign_negative() {
            f.write_str("-")?;
        }
        f.write_str(&match f.precision() {
            Some(places) => fixed(x.abs(), places),
            None => shortest(x.abs()),
        })
    }
}

/// The shortest digits that read back as `x` (finite, ≥ 0), without an
/// exponent.
fn shortest(x: f64) -> String {
    let mut buffer = zmij::Buffer::new();
    let (mut digits, mut exponent) = shortest_digits(buffer.format_finite(x));
    if exponent < 0 && halfway_above(x, digits, exponent) {
        // Two shortest candidates, equally close: zmij takes the even one,
        // std the one farther from zero.
        (digits, exponent) = without_trailing_zeros(digits + 1, exponent);
    }
    let digits = digits.to_string();
    let point = digits.len() as i64 + exponent;
    if digits == "0" {
        digits
    } else if point <= 0 {
        format!("0.{}{digits}", zeros(-point))
    } else if exponent >= 0 {
        digits + &zeros(exponent)
    } else {
        let (whole, fraction) = digits.split_at(point as usize);
        format!("{whole}.{fraction}")
    }
}

/// zmij's text (`12.5`, `1.0`, `1e21`, `1.5e-7`) as `digits × 10^exponent`,
/// with no trailing zero in `digits` (17 digits at most).
fn shortest_digits(text: &str) -> (u64, i64) {
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, parse_exponent(e)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0u64, |n, d| n * 10 + u64::from(d.wrapping_sub(b'0')));
    without_trailing_zeros(digits, exponent - fraction.len() as i64)
}

fn without_trailing_zeros(mut digits: u64, mut exponent: i64) -> (u64, i64) {
    while digits != 0 && digits % 10 == 0 {
        digits /= 10;
        exponent += 1;
    }
    (digits, exponent)
}

/// zmij's exponent, `-7` or `21`.
fn parse_exponent(text: &str) -> i64 {
    let magnitude = text
        .trim_start_matches(['-', '+'])
        .bytes()
        .fold(0i64, |n, d| n * 10 + i64::from(d.wrapping_sub(b'0')));
    if text.starts_with('-') {
        -magnitude
    } else {
        magnitude
    }
}

/// Whether `x` lies exactly halfway between `digits × 10^exponent` and the
/// next candidate up (`exponent` < 0). With `x = m × 2^-s` and `p =
/// -exponent`, that is `m × 2^(1+p) × 5^p = (2 × digits + 1) × 2^s`: the odd
/// parts and the powers of two must match.
fn halfway_above(x: f64, digits: u64, exponent: i64) -> bool {
    let (mantissa, shift) = binary_parts(x);
    if mantissa == 0 {
        return false;
    }
    let twos = i64::from(mantissa.trailing_zeros());
    let odd_candidate = u128::from(digits) * 2 + 1;
    twos + 1 - exponent == shift
        && u32::try_from(-exponent)
            .ok()
            .and_then(|p| 5u128.checked_pow(p))
            .and_then(|five| five.checked_mul(u128::from(mantissa >> twos)))
            == Some(odd_candidate)
}

/// `x` (finite, ≥ 0) as `mantissa × 2^-shift` exactly.
fn binary_parts(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, 1074)
    } else {
        (fraction | (1 << 52), 1075 - biased)
    }
}

fn zeros(count: i64) -> String {
    "0".repeat(usize::try_from(count).unwrap_or(0))
}

/// Most decimals computed exactly: `10^places` must fit a `u64`.
const MAX_PLACES: usize = 19;

/// `x` (finite, ≥ 0) with `places` decimals, rounded from its exact binary
/// value, ties to even (`0.125` → `0.12`), as std's `{:.N}`.
///
/// Exact for x < 2^64 and up to 19 decimals, which covers every number
/// motcua writes (messages use 0 to 2). Beyond, the text differs from std's
/// without failing: larger integers are written from their shortest digits
/// (`1e20` as `100000000000000000000`, not the binary value's digits), and
/// past 19 decimals the value is rounded at the 19th, then zeros follow.
fn fixed(x: f64, places: usize) -> String {
    let exact_places = places.min(MAX_PLACES);
    let scale = 10u64.pow(exact_places as u32);
    let (whole, decimals) = if x.fract() == 0.0 {
        let whole = if x < 18_446_744_073_709_551_616.0 {
            (x as u64).to_string()
        } else {
            shortest(x)
        };
        (whole, 0)
    } else {
        // Below 2^53, with shift ≥ 1: whole part, then the fraction's bits
        // scaled by 10^places (below 2^117) and rounded by their remainder.
        let (mantissa, shift) = binary_parts(x);
        let whole = if shift < 64 { mantissa >> shift } else { 0 };
        let fraction = u128::from(mantissa - if shift < 64 { whole << shift } else { 0 });
        let scaled = fraction * u128::from(scale);
        let (mut decimals, rounds_up) = if shift > 117 {
            (0, false)
        } else {
            let decimals = (scaled >> shift) as u64;
            let remainder = scaled & ((1u128 << shift) - 1);
            let half = 1u128 << (shift - 1);
            let last = if exact_places == 0 { whole } else { decimals };
            (
                decimals,
                remainder > half || (remainder == half && last % 2 == 1),
            )
        };
        let mut whole = whole;
        if rounds_up {
            decimals += 1;
            if decimals == scale {
                (whole, decimals) = (whole + 1, 0);
            }
        }
        (whole.to_string(), decimals)
    };
    if places == 0 {
        return whole;
    }
    let decimals = decimals.to_string();
    format!(
        "{whole}.{}{decimals}{}",
        zeros((exact_places - decimals.len()) as i64),
        zeros((places - exact_places) as i64)
    )
}

#[cfg(test)]
mod tests {
    use super::Decimal;
    use proptest::prelude::*;

    #[test]
    fn writes_as_std_display() {
        for x in [
            0.0,
            -0.0,
            1.0,
            2.5,
            -2.5,
            0.1 + 0.2,
            1e21,
            1e-7,
            123_456_789_012_345_680_000.0,
            5e-324,
            // Halfway between two shortest candidates: std takes the one
            // farther from zero, zmij the even one.
            1_658_206_780_088_562.0 + 0.25,
            -(80_268_389_491_067.0 + 0.125),
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(Decimal(x).to_string(), x.to_string(), "{x:e}");
        }
    }

    #[test]
    fn rounds_ties_to_even_from_the_binary_value() {
        for (x, places) in [
            (0.125, 2),
            (0.375, 2),
            (0.625, 2),
            (0.5, 0),
            (1.5, 0),
            (2.5, 0),
            (1.015, 2),
            (0.005, 2),
            (-0.001, 2),
            (1e-300, 2),
            (2.0, 2),
        ] {
            assert_eq!(
                format!("{:.*}", places, Decimal(x)),
                format!("{x:.places$}"),
                "{x} {places}"
            );
        }
    }

    #[test]
    fn past_19_decimals_rounds_at_the_19th_then_writes_zeros() {
        assert_eq!(
            format!("{:.25}", Decimal(0.1)),
            format!("{:.19}000000", 0.1)
        );
        assert_eq!(format!("{:.21}", Decimal(2.0)), format!("{:.21}", 2.0));
    }

    /// Every binary exponent, with the fraction bits that random bits
    /// almost never give: powers of two (a lopsided rounding interval),
    /// the smallest steps above them and all ones.
    #[test]
    fn every_exponent_with_edge_fractions_writes_as_std() {
        let fractions = [0, 1, 2, 3, 1 << 51, (1 << 51) + 1, (1 << 52) - 1];
        for biased_exponent in 0u64..2047 {
            for fraction in fractions {
                let x = f64::from_bits(biased_exponent << 52 | fraction);
                assert_eq!(Decimal(x).to_string(), x.to_string(), "{x:e}");
                if x < 18_446_744_073_709_551_616.0 {
                    for places in [0, 1, 2, 5, 19] {
                        assert_eq!(
                            format!("{:.*}", places, Decimal(x)),
                            format!("{x:.places$}"),
                            "{x:e} {places}"
                        );
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_bits_display_as_std(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assert_eq!(Decimal(x).to_string(), x.to_string());
        }

        #[test]
        fn any_value_below_2_64_rounds_as_std(
            negative in any::<bool>(),
            biased_exponent in 0u64..1023 + 64,
            fraction in 0u64..1 << 52,
            places in 0usize..=19,
        ) {
            let x = f64::from_bits(u64::from(negative) << 63 | biased_exponent << 52 | fraction);
            prop_assert_eq!(format!("{:.*}", places, Decimal(x)), format!("{x:.places$}"));
        }

        #[test]
        fn hours_and_budgets_round_as_std(
            quarter_seconds in 0i64..40_000_000_000,
            places in 0usize..=3,
        ) {
            let x = quarter_seconds as f64 / 14_400.0;
            prop_assert_eq!(format!("{:.*}", places, Decimal(x)), format!("{x:.places$}"));
        }
    }
}
