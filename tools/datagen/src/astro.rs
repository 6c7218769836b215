//! Astronomy for the lunar calendar: instants of new moons and of the Sun's
//! principal terms (trung khí), as Vietnam civil dates (UTC+7).
//!
//! Written from the published theory, not from any calendar program:
//! - mean lunation and periodic corrections of the true new moon: J. Meeus,
//!   *Astronomical Algorithms* (2nd ed.), ch. 49 (error of a few seconds
//!   against the full lunar theory over 1900–2100);
//! - the Sun's apparent longitude from the full VSOP87D series (the `vsop87`
//!   crate), converted to the FK5 frame, with nutation in longitude and
//!   aberration (Meeus ch. 25 and 22): about one arcsecond, i.e. well under a
//!   minute of time;
//! - ΔT = TT − UT from the Espenak–Meeus polynomials (NASA, 2006).
//!
//! Times are Julian Days: `JDE` on the TT scale, `JD` on the UT scale.

use std::f64::consts::PI;

/// Vietnam's civil time offset from UT, in days (UTC+7, no daylight saving).
const VIETNAM_OFFSET_DAYS: f64 = 7.0 / 24.0;

fn deg(x: f64) -> f64 {
    x * PI / 180.0
}

/// ΔT in seconds for a decimal year (Espenak & Meeus, "Polynomial expressions
/// for Delta T", NASA eclipse web site, 2006).
pub fn delta_t_seconds(year: f64) -> f64 {
    let y = year;
    if y < 1900.0 {
        let t = y - 1860.0;
        7.62 + 0.5737 * t - 0.251754 * t.powi(2) + 0.01680668 * t.powi(3) - 0.0004473624 * t.powi(4)
            + t.powi(5) / 233174.0
    } else if y < 1920.0 {
        let t = y - 1900.0;
        -2.79 + 1.494119 * t - 0.0598939 * t.powi(2) + 0.0061966 * t.powi(3) - 0.000197 * t.powi(4)
    } else if y < 1941.0 {
        let t = y - 1920.0;
        21.20 + 0.84493 * t - 0.076100 * t.powi(2) + 0.0020936 * t.powi(3)
    } else if y < 1961.0 {
        let t = y - 1950.0;
        29.07 + 0.407 * t - t.powi(2) / 233.0 + t.powi(3) / 2547.0
    } else if y < 1986.0 {
        let t = y - 1975.0;
        45.45 + 1.067 * t - t.powi(2) / 260.0 - t.powi(3) / 718.0
    } else if y < 2005.0 {
        let t = y - 2000.0;
        63.86 + 0.3345 * t - 0.060374 * t.powi(2)
            + 0.0017275 * t.powi(3)
            + 0.000651814 * t.powi(4)
            + 0.00002373599 * t.powi(5)
    } else if y < 2050.0 {
        let t = y - 2000.0;
        62.92 + 0.32217 * t + 0.005589 * t.powi(2)
    } else {
        let u = (y - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - y)
    }
}

fn decimal_year(jd: f64) -> f64 {
    2000.0 + (jd - 2_451_545.0) / 365.25
}

/// Converts a TT instant to UT.
pub fn tt_to_ut(jde: f64) -> f64 {
    jde - delta_t_seconds(decimal_year(jde)) / 86_400.0
}

/// The Julian Day Number of the Vietnam civil date that contains a UT instant.
pub fn vietnam_day(jd_ut: f64) -> i64 {
    (jd_ut + VIETNAM_OFFSET_DAYS + 0.5).floor() as i64
}

/// Instant (JDE, TT) of the true new moon of lunation `k`, where `k = 0` is
/// the new moon of 2000-01-06 (Meeus ch. 49).
pub fn new_moon_jde(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let mean = 2_451_550.097_66 + 29.530_588_861 * k + 0.000_154_37 * t2 - 0.000_000_150 * t3
        + 0.000_000_000_73 * t4;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let m = deg(2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3);
    let mp = deg(
        201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4,
    );
    let f = deg(
        160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4,
    );
    let om = deg(124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3);

    let periodic = -0.40720 * mp.sin()
        + 0.17241 * e * m.sin()
        + 0.01608 * (2.0 * mp).sin()
        + 0.01039 * (2.0 * f).sin()
        + 0.00739 * e * (mp - m).sin()
        - 0.00514 * e * (mp + m).sin()
        + 0.00208 * e * e * (2.0 * m).sin()
        - 0.00111 * (mp - 2.0 * f).sin()
        - 0.00057 * (mp + 2.0 * f).sin()
        + 0.00056 * e * (2.0 * mp + m).sin()
        - 0.00042 * (3.0 * mp).sin()
        + 0.00042 * e * (m + 2.0 * f).sin()
        + 0.00038 * e * (m - 2.0 * f).sin()
        - 0.00024 * e * (2.0 * mp - m).sin()
        - 0.00017 * om.sin()
        - 0.00007 * (mp + 2.0 * m).sin()
        + 0.00004 * (2.0 * mp - 2.0 * f).sin()
        + 0.00004 * (3.0 * m).sin()
        + 0.00003 * (mp + m - 2.0 * f).sin()
        + 0.00003 * (2.0 * mp + 2.0 * f).sin()
        - 0.00003 * (mp + m + 2.0 * f).sin()
        + 0.00003 * (mp - m + 2.0 * f).sin()
        - 0.00002 * (mp - m - 2.0 * f).sin()
        - 0.00002 * (3.0 * mp + m).sin()
        + 0.00002 * (4.0 * mp).sin();

    // Planetary arguments: (constant, coefficient of k, amplitude in days).
    const PLANETARY: [(f64, f64, f64); 13] = [
        (251.88, 0.016_321, 0.000_165),
        (251.83, 26.651_886, 0.000_164),
        (349.42, 36.412_478, 0.000_126),
        (84.66, 18.206_239, 0.000_110),
        (141.74, 53.303_771, 0.000_062),
        (207.14, 2.453_732, 0.000_060),
        (154.84, 7.306_860, 0.000_056),
        (34.52, 27.261_239, 0.000_047),
        (207.19, 0.121_824, 0.000_042),
        (291.34, 1.844_379, 0.000_040),
        (161.72, 24.198_154, 0.000_037),
        (239.56, 25.513_099, 0.000_035),
        (331.55, 3.592_518, 0.000_023),
    ];
    let a1 = 0.000_325 * deg(299.77 + 0.107_408 * k - 0.009_173 * t2).sin();
    let planetary: f64 = a1
        + PLANETARY
            .iter()
            .map(|&(c, rate, amp)| amp * deg(c + rate * k).sin())
            .sum::<f64>();

    mean + periodic + planetary
}

/// The Sun's apparent geocentric longitude in degrees, [0, 360), at a TT
/// instant.
pub fn sun_apparent_longitude(jde: f64) -> f64 {
    let earth = vsop87::vsop87d::earth(jde);
    let t = (jde - 2_451_545.0) / 36_525.0;
    // Geocentric Sun in the VSOP87 dynamical frame of date.
    let mut lon = earth.longitude().to_degrees() + 180.0;
    // To FK5 (Meeus 32.3): the small frame correction in longitude.
    lon += -0.090_33 / 3600.0;
    // Nutation in longitude (Meeus ch. 22, the 0.5" series).
    let omega = deg(125.04452 - 1934.136261 * t);
    let l_sun = deg(280.4665 + 36000.7698 * t);
    let l_moon = deg(218.3165 + 481_267.881_3 * t);
    let dpsi = -17.20 * omega.sin() - 1.32 * (2.0 * l_sun).sin() - 0.23 * (2.0 * l_moon).sin()
        + 0.21 * (2.0 * omega).sin();
    lon += dpsi / 3600.0;
    // Annual aberration.
    lon += -20.4898 / 3600.0 / earth.distance();
    lon.rem_euclid(360.0)
}

/// Instant (JDE, TT) at which the Sun's apparent longitude reaches
/// `target_deg`, searched near `guess_jde` (within a few days).
pub fn sun_reaches(target_deg: f64, guess_jde: f64) -> f64 {
    let mut jde = guess_jde;
    for _ in 0..50 {
        let diff = (target_deg - sun_apparent_longitude(jde) + 540.0).rem_euclid(360.0) - 180.0;
        // The Sun moves about 360° per 365.24 days.
        let step = diff * 365.242_2 / 360.0;
        jde += step;
        if step.abs() < 1e-7 {
            break;
        }
    }
    jde
}

/// The instant (JDE, TT) of the principal term `index` of Gregorian year
/// `year`, where the index counts principal terms from the March equinox
/// (0 → 0°, 1 → 30°, … , 9 → 270° the December solstice, 11 → 330°).
pub fn principal_term_jde(year: i32, index: u32) -> f64 {
    let target = f64::from(index) * 30.0;
    // The March equinox is near March 20; the Sun gains ~30.4 days per term.
    let jd_equinox_guess = 2_451_623.8 + (f64::from(year) - 2000.0) * 365.242_2;
    sun_reaches(target, jd_equinox_guess + f64::from(index) * 30.437)
}
