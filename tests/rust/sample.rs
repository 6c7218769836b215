//! The sample center: deterministic, at the seeds' scale and mix, every
//! dossier replays, and its JSON lines read back.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use motcua::calendar::Calendar;
use motcua::dossier::Dossier;
use motcua::procedure::Channel;
use motcua::report::{GroupBy, Period, PeriodReport};
use motcua::sample::{catalog, generate, petitions, registry, SampleConfig};
use motcua::unit::UnitGroup;
use std::collections::BTreeMap;

#[test]
fn the_sample_quarter_has_the_seeds_scale_and_mix() {
    let cal = Calendar::vietnam();
    let config = SampleConfig::quarter(42);
    let catalog = catalog().unwrap();
    let units = registry(&config).unwrap();
    let mut report = PeriodReport::new(Period::quarter(2026, 3).unwrap(), GroupBy::Agency);
    let (mut n, mut online, mut lines) = (0u32, 0u32, Vec::new());
    // Dossiers received in the quarter by unit, and the communes' total.
    let mut by_unit: BTreeMap<String, u32> = BTreeMap::new();
    let (mut communes, mut with_facts) = (0u32, 0u32);
    generate(&config, &cal, |d| {
        let unit = units.unit_of(&d)?;
        if d.received_at().is_some_and(|t| t.date() < config.first) {
            let _ = report.add(&d)?;
            return Ok(());
        }
        *by_unit.entry(unit.code.clone()).or_default() += 1;
        with_facts += u32::from(d.facts().is_some());
        if unit.group == UnitGroup::Commune {
            communes += 1;
            return Ok(());
        }
        n += 1;
        online += u32::from(d.channel() == Channel::Online);
        if n % 1000 == 1 {
            lines.push(d.to_json_line().unwrap());
        }
        let _ = report.add(&d)?;
        Ok(())
    })
    .unwrap();
    assert_eq!(n, 23_700);
    // The communes' 9,600, unevenly: every commune has dossiers, and the
    // busiest has more than twice the quietest.
    assert!((9_590..=9_610).contains(&communes), "{communes}");
    let volumes: Vec<u32> = units
        .group(UnitGroup::Commune)
        .map(|u| by_unit.get(&u.code).copied().unwrap_or(0))
        .collect();
    assert_eq!(volumes.len(), 8);
    assert!(
        volumes.iter().max().unwrap() > &(2 * volumes.iter().min().unwrap()),
        "{volumes:?}"
    );
    // Every department of the registry received dossiers, and every dossier has facts.
    assert!(units
        .group(UnitGroup::Agency)
        .all(|u| by_unit.contains_key(&u.code)));
    assert_eq!(with_facts, n + communes);
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
        assert_eq!(&d.to_json_line().unwrap(), line);
    }
    // Deterministic across machines and runtimes: the first dossier of seed 42.
    let mut first = None;
    generate(&SampleConfig::quarter(42), &cal, |d| {
        first.get_or_insert(d.to_json_line().unwrap());
        Ok(())
    })
    .unwrap();
    assert_eq!(
        first.unwrap(),
        r#"{"code":"000.00.06.H56-260601-0001","procedure_code":"2.000005","channel":"online","events":[{"at":"2026-06-01T00:50","actor":"portal","type":"submitted"},{"at":"2026-06-01T07:34","actor":"officer","type":"accepted"},{"at":"2026-06-03T09:15:53","actor":"officer","type":"resolved"},{"at":"2026-06-04T07:30","actor":"officer","type":"result_returned"}],"facts":["synced","electronic_result","digitised","reused","paid_online"],"calendar_digest":"051a3c40275892cd"}"#
    );
    let unknown = lines[0].replace("\"procedure_code\":\"", "\"procedure_code\":\"9");
    assert_eq!(
        Dossier::from_json_line(&unknown, &catalog, &cal)
            .unwrap_err()
            .code(),
        "procedure.unknown"
    );
}

#[test]
fn the_sample_province_has_two_tiers_a_merger_and_petitions() {
    let config = SampleConfig::quarter(42);
    let units = registry(&config).unwrap();
    assert_eq!(units.group(UnitGroup::Agency).count(), 7);
    assert_eq!(units.group(UnitGroup::Commune).count(), 8);
    // The commune merged on 01/07/2025 resolves to the commune that absorbed it.
    assert_eq!(units.current("000.90.31.H56").unwrap().code, "H56.101");
    let cal = Calendar::vietnam();
    let all = petitions(&config, &cal).unwrap();
    assert!(all.len() > 10, "{}", all.len());
    assert!(all.iter().all(|p| units.by_code(&p.unit).is_some()));
    assert!(all.iter().any(|p| p.feedback.handled_at.is_none()));
    // They read back from their JSON.
    let json = serde_json::to_string(&all).unwrap();
    assert_eq!(motcua::index::Petition::list_from_json(&json).unwrap(), all);
    // Seeded apart from the dossiers: the same whatever their number.
    assert_eq!(
        petitions(&SampleConfig::scaled(42, 600), &cal).unwrap(),
        all
    );
}

#[test]
fn every_unit_of_the_sample_scores_every_indicator_from_its_own_data() {
    use motcua::index::{Methodology, PeriodSummary, UnitInputs};
    let cal = Calendar::vietnam();
    let config = SampleConfig::quarter(42);
    let units = registry(&config).unwrap();
    let (catalog, petitions) = (catalog().unwrap(), petitions(&config, &cal).unwrap());
    let month = Period::month(2026, 9).unwrap();
    let mut by_unit: BTreeMap<String, PeriodSummary> = BTreeMap::new();
    generate(&config, &cal, |d| {
        let code = units.unit_of(&d)?.code.clone();
        by_unit
            .entry(code)
            .or_insert_with(|| PeriodSummary::new(month, GroupBy::Total))
            .add(&d)?;
        Ok(())
    })
    .unwrap();
    let m = Methodology::default_766();
    for unit in &units.units {
        let own = UnitInputs::from_own_data(unit, &by_unit[&unit.code], &catalog, &petitions, &cal)
            .unwrap();
        let score = m.score(&own.inputs).unwrap();
        // No hand-made ratio: every indicator of every group is measured.
        assert!(
            score.not_measured().is_empty(),
            "{}: {:?}",
            unit.code,
            score.not_measured()
        );
        assert_eq!(score.max_measured(), 100.0, "{}", unit.code);
        assert!(
            score.total() > 50.0 && score.total() < 100.0,
            "{}: {}",
            unit.code,
            score.total()
        );
    }
}
