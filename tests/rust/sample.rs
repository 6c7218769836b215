//! The sample center: deterministic, at the seeds' scale and mix, every
//! dossier replays, and its JSON lines read back.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use motcua::calendar::Calendar;
use motcua::dossier::Dossier;
use motcua::procedure::Channel;
use motcua::report::{GroupBy, Period, PeriodReport};
use motcua::sample::{catalog, generate, SampleConfig};

#[test]
fn the_sample_quarter_has_the_seeds_scale_and_mix() {
    let cal = Calendar::vietnam();
    let config = SampleConfig::quarter(42);
    let catalog = catalog().unwrap();
    let mut report = PeriodReport::new(Period::quarter(2026, 3).unwrap(), GroupBy::Agency);
    let (mut n, mut online, mut lines) = (0u32, 0u32, Vec::new());
    generate(&config, &cal, |d| {
        if d.received_at().is_some_and(|t| t.date() < config.first) {
            let _ = report.add(&d)?;
            return Ok(());
        }
        n += 1;
        online += u32::from(d.channel() == Channel::Online);
        if n % 1000 == 1 {
            lines.push(d.to_json_line());
        }
        let _ = report.add(&d)?;
        Ok(())
    })
    .unwrap();
    assert_eq!(n, 23_700);
    let share = f64::from(online) / f64::from(n);
    assert!((share - 0.876).abs() < 0.01, "{share}");
    let total = report.total();
    assert!(total.identities_hold());
    assert!(
        total.carried_over > 0,
        "the lead-in leaves dossiers open at the start"
    );
    let on_time = total.on_time_rate().unwrap();
    assert!(on_time > 99.0, "{on_time}");
    for line in &lines {
        let d = Dossier::from_json_line(line, &catalog, &cal).unwrap();
        assert_eq!(&d.to_json_line(), line);
    }
    // Deterministic: the same seed gives the same first dossier.
    let mut first = Vec::new();
    for _ in 0..2 {
        let mut got = None;
        generate(
            &SampleConfig {
                dossiers: 5,
                ..SampleConfig::quarter(42)
            },
            &cal,
            |d| {
                got.get_or_insert(d.to_json_line());
                Ok(())
            },
        )
        .unwrap();
        first.push(got.unwrap());
    }
    assert_eq!(first[0], first[1]);
    let unknown = lines[0].replace("\"procedure_code\":\"", "\"procedure_code\":\"9");
    assert_eq!(
        Dossier::from_json_line(&unknown, &catalog, &cal)
            .unwrap_err()
            .code(),
        "procedure.unknown"
    );
}
