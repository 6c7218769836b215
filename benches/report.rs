//! The II.06a period report and the Decision 766 index over 10 M dossier
//! records (the facts a national-portal sync carries), streamed in one
//! pass, single thread, in constant memory (one row per agency).
//!
//! Then the monthly scoring of a province's units: 10,000 units (the 149
//! of the Gia Lai export in `tests/data/dvcqg/`, repeated) scored and
//! ranked (issue 15: under 10 ms), and their scorecard against a previous
//! month (no goal set).
//!
//! Run: `cargo bench -p motcua-benches --bench report`
//! (`MOTCUA_BENCH_N` changes the number of records).

use std::hint::black_box;

use chrono::{Days, NaiveDate, NaiveTime};
use criterion::{Criterion, Throughput};
use motcua::dossier::{Fact, Facts};
use motcua::index::{DvcqgUnit, Methodology, PeriodSummary, UnitInputs};
use motcua::procedure::Channel;
use motcua::report::{Ending, GroupBy, Period, PeriodReport, ReportRecord};
use motcua_benches::{report, throughput, Rng, Row};

/// A dossier's index facts, in about the shares of the Gia Lai export
/// (`tests/data/dvcqg/`): most synced, digitised and with an electronic
/// result, a third using population data, a quarter fee-bearing.
fn facts(rng: &mut Rng) -> Facts {
    const SHARES: [(Fact, u64); 10] = [
        (Fact::Synced, 970),
        (Fact::ElectronicResult, 930),
        (Fact::Digitised, 920),
        (Fact::Reused, 900),
        (Fact::Shared, 100),
        (Fact::PopulationData, 340),
        (Fact::FeeBearing, 250),
        (Fact::PaidOnline, 850),
        (Fact::CertifiedCopy, 50),
        (Fact::Complaint, 2),
    ];
    SHARES
        .iter()
        .filter(|&&(_, per_mille)| rng.below(1000) < per_mille)
        .map(|&(fact, _)| fact)
        .collect()
}

fn main() {
    let n: usize = std::env::var("MOTCUA_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let agencies: Vec<String> = (0..20).map(|i| format!("Sở {i:02}")).collect();
    let mut rng = Rng::new(766);
    let start = NaiveDate::from_ymd_opt(2025, 9, 1).expect("date");
    let records: Vec<(usize, ReportRecord)> = (0..n)
        .map(|_| {
            let received = (start + Days::new(rng.below(150)))
                .and_time(NaiveTime::from_hms_opt(8 + rng.below(8) as u32, 0, 0).expect("time"));
            let due = received + chrono::Duration::days(5 + rng.below(20) as i64);
            let ended = received + chrono::Duration::days(1 + rng.below(30) as i64);
            let outcome = rng.below(20);
            let (ended_at, ending) = match outcome {
                0 => (Some(ended), Some(Ending::Withdrawn)),
                1..=15 => (Some(ended), Some(Ending::Resolved)),
                _ => (None, None),
            };
            let channel = match rng.below(1000) {
                0..=875 => Channel::Online,
                876..=950 => Channel::Direct,
                _ => Channel::Postal,
            };
            let record = ReportRecord {
                channel,
                received_at: Some(received),
                due_at: Some(due),
                ended_at,
                ending,
                paused: outcome == 19,
                supplement_requests: u32::from(outcome == 18) * 2,
                facts: Some(facts(&mut rng)),
            };
            (rng.below(agencies.len() as u64) as usize, record)
        })
        .collect();
    let period = Period::quarter(2025, 4).expect("quarter");
    let methodology = Methodology::default_766();
    // Report and index in one pass: the index's dossier inputs stream with
    // the report; its other inputs are the unit's own figures.
    let calendar = motcua::calendar::Calendar::vietnam();
    let run = || -> u64 {
        let mut summary = PeriodSummary::new(period, GroupBy::Agency);
        for (agency, record) in &records {
            summary.add_record(&agencies[*agency], record);
        }
        let total = summary.report.total();
        assert!(total.identities_hold());
        let inputs = summary.index_inputs(None, None, &calendar).expect("inputs");
        let score = methodology.score(&inputs).expect("score");
        total.received + score.total() as u64
    };
    println!(
        "rows kept: {} (one per agency, whatever the number of records)",
        {
            let mut r = PeriodReport::new(period, GroupBy::Agency);
            for (agency, record) in records.iter().take(1000) {
                r.add_record(&agencies[*agency], record);
            }
            r.rows.len()
        }
    );

    let mut c = Criterion::default().sample_size(10).configure_from_args();
    {
        let mut g = c.benchmark_group("report");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function("ii06a_and_766_by_agency", |b| b.iter(|| black_box(run())));
        g.finish();
    }
    c.final_summary();
    let units = province_units(10_000);
    let previous = units.clone();
    let rank = || {
        methodology
            .rank(units.iter().map(|u| (u.code.as_str(), &u.inputs)))
            .expect("rank")
            .len()
    };
    let scorecard = || {
        methodology
            .scorecard(&units, &previous, None)
            .expect("scorecard")
            .rows
            .len()
    };
    let (rank_per_second, card_per_second) = (
        throughput(units.len(), 5, rank),
        throughput(units.len(), 5, scorecard),
    );
    report(
        &format!(
            "summary: median of 5 runs, {n} records, {} units, single thread",
            units.len()
        ),
        &[
            Row {
                name: "II.06a report + 766 index (streaming)",
                per_second: throughput(n, 5, run),
                peer: None,
                goal: 18e6,
            },
            Row {
                name: "766 score + rank of 10,000 units",
                per_second: rank_per_second,
                peer: None,
                goal: 1e6,
            },
        ],
    );
    println!(
        "10,000 units: score + rank {:.2} ms (goal: under 10 ms); scorecard against the previous month {:.2} ms (no goal set)",
        1e3 * units.len() as f64 / rank_per_second,
        1e3 * units.len() as f64 / card_per_second
    );
}

/// `n` units: the Gia Lai export's 149, repeated under distinct codes.
fn province_units(n: usize) -> Vec<UnitInputs> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/dvcqg/gia_lai_10102026.json"
    );
    let text = std::fs::read_to_string(path).expect("the Gia Lai export");
    let export: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let read: Vec<UnitInputs> = export["unitsDetail"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| DvcqgUnit::from_json(&u.to_string()).expect("unit").into())
        .collect();
    (0..n)
        .map(|i| {
            let mut u = read[i % read.len()].clone();
            u.id = format!("{}-{i}", u.id);
            u.code = format!("{}-{i}", u.code);
            u
        })
        .collect()
}
