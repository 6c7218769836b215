//! The legal clock: due dates of freshly received dossiers and full replays
//! of 10-event logs on the default calendar, single thread. Criterion
//! measures each; a summary prints every figure with its goal.
//!
//! Run: `cargo bench -p motcua-benches --bench dossier`
//! (`MOTCUA_BENCH_N` changes the number of dossiers).

use std::hint::black_box;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use criterion::{Criterion, Throughput};
use motcua::calendar::Calendar;
use motcua::dossier::{Clock, Event, EventKind};
use motcua::procedure::{Channel, Procedure};
use motcua_benches::{report, throughput, Rng, Row};

fn procedures() -> Vec<Procedure> {
    let kinds = [
        r#"{"kind": "working_days", "days": 5}"#,
        r#"{"kind": "working_days", "days": 15}"#,
        r#"{"kind": "working_days", "days": 0.5}"#,
        r#"{"kind": "working_hours", "hours": 4}"#,
        r#"{"kind": "calendar_days", "days": 30}"#,
        r#"{"kind": "same_day", "cutoff": "15:00"}"#,
    ];
    kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            Procedure::from_json(&format!(
                r#"{{"code": "1.00000{i}", "name": "P{i}", "processing_time": {k},
                    "workflow": []}}"#
            ))
            .expect("valid procedure")
        })
        .collect()
}

fn main() {
    let n: usize = std::env::var("MOTCUA_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let cal = Calendar::vietnam();
    let procs = procedures();
    let clocks: Vec<Clock> = procs
        .iter()
        .map(|p| Clock::new(&cal, p, Channel::Direct))
        .collect();
    let mut rng = Rng::new(2_026);
    let start = NaiveDate::from_ymd_opt(2010, 1, 1).expect("date");
    let random_instant = |rng: &mut Rng| -> NaiveDateTime {
        (start + Days::new(rng.below(7_670))).and_time(
            NaiveTime::from_num_seconds_from_midnight_opt(rng.below(86_400) as u32, 0)
                .expect("time"),
        )
    };
    let received: Vec<(usize, NaiveDateTime)> = (0..n)
        .map(|_| {
            (
                rng.below(procs.len() as u64) as usize,
                random_instant(&mut rng),
            )
        })
        .collect();

    // 10-event logs: reception, two steps, a supplement round, a third
    // step, a financial obligation, resolution and return.
    let logs_n = (n / 10).max(1);
    let restart = Procedure::from_json(
        r#"{"code": "1.000100", "name": "Replay", "processing_time": {"kind": "working_days", "days": 10},
            "workflow": [{"id": "a", "name": "A", "agency": "X", "budget": 2},
                         {"id": "b", "name": "B", "agency": "Y", "budget": 6},
                         {"id": "c", "name": "C", "agency": "Z", "budget": 2}]}"#,
    )
    .expect("valid procedure");
    let replay_clock = Clock::new(&cal, &restart, Channel::Online);
    let logs: Vec<Vec<Event>> = (0..logs_n)
        .map(|_| {
            let mut at = random_instant(&mut rng);
            let mut next = |rng: &mut Rng| {
                at += chrono::Duration::minutes(30 + rng.below(3_000) as i64);
                at
            };
            let kinds = [
                EventKind::Accepted,
                EventKind::Routed { step: "a".into() },
                EventKind::Routed { step: "b".into() },
                EventKind::SupplementRequested {
                    reason: String::new(),
                },
                EventKind::SupplementCompleted,
                EventKind::Routed { step: "c".into() },
                EventKind::FinancialObligationRequested,
                EventKind::Paid,
                EventKind::Resolved,
                EventKind::ResultReturned,
            ];
            kinds
                .into_iter()
                .map(|k| Event::new(next(&mut rng), "officer", k))
                .collect()
        })
        .collect();
    assert!(
        logs.iter().all(|l| replay_clock.replay(l).is_ok()),
        "every log replays"
    );

    let due_dates = || -> usize {
        received
            .iter()
            .map(|&(p, at)| {
                clocks[p]
                    .due_from(at)
                    .map_or(0, |d| d.map_or(1, |d| d.and_utc().timestamp() as usize))
            })
            .fold(0, usize::wrapping_add)
    };
    let replays = || -> usize {
        logs.iter()
            .map(|l| replay_clock.replay(l).map_or(0, |s| s.step_used.len()))
            .sum()
    };

    let mut c = Criterion::default().sample_size(10).configure_from_args();
    {
        let mut g = c.benchmark_group("dossier");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function("due_date_of_fresh_dossier", |b| {
            b.iter(|| black_box(due_dates()))
        });
        g.throughput(Throughput::Elements(logs_n as u64));
        g.bench_function("replay_10_event_log", |b| b.iter(|| black_box(replays())));
        g.finish();
    }
    c.final_summary();

    let runs = 5;
    report(
        &format!("summary: median of {runs} runs, {n} receptions, {logs_n} logs of 10 events, single thread"),
        &[
            Row { name: "due date of a freshly received dossier", per_second: throughput(n, runs, due_dates), peer: None, goal: 10e6 },
            Row { name: "full replay of a 10-event log", per_second: throughput(logs_n, runs, replays), peer: None, goal: 2e6 },
        ],
    );
}
