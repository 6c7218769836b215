//! Cost against input size (issue 13, item 13): each path that used to be
//! quadratic, timed at 10⁴ and 10⁵ elements in one run. The peer is the
//! path's own smaller input: a linear or n log n path takes about 10 (up to
//! ~13) times as long for 10 times the input, a quadratic one about 100.
//!
//! Run: `cargo bench -p motcua-benches --bench scaling`

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use motcua::calendar::Calendar;
use motcua::dossier::{Dossier, DossierCode, DossierCodeGenerator, Event, EventKind};
use motcua::index::Methodology;
use motcua::procedure::{Channel, Procedure};

/// A procedure of `n` workflow steps (what `Procedure::from_json` validates).
fn procedure_json(n: usize) -> String {
    let steps: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id": "s{i}", "name": "B{i}", "agency": "P", "budget": 1}}"#))
        .collect();
    format!(
        r#"{{"code": "1.000009", "name": "Thử", "processing_time": {{"kind": "working_days", "days": {n}}}, "workflow": [{}]}}"#,
        steps.join(",")
    )
}

/// A methodology of `n` indicators.
fn methodology_json(n: usize) -> String {
    let list: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "i{i}", "group": "g", "name_vi": "I{i}", "name_en": "I{i}", "input": "x{i}", "max_points": 1, "threshold": 80}}"#
            )
        })
        .collect();
    format!(
        r#"{{"version": "scaling", "description": "", "total": {n}, "indicators": [{}]}}"#,
        list.join(",")
    )
}

/// A dossier with `n` supplement rounds after its reception: every round
/// after the first adds a violation, the part of the state that grows.
fn dossier(n: usize) -> Dossier {
    let p = Arc::new(
        Procedure::from_json(
            r#"{"code": "1.000009", "name": "Thử", "processing_time": {"kind": "working_days", "days": 5}, "supplement_policy": "pause"}"#,
        )
        .expect("procedure"),
    );
    let start = NaiveDate::from_ymd_opt(2000, 1, 3)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("date");
    let code = DossierCode::parse("000.00.06.H56-000103-0001").expect("code");
    let cal = Calendar::vietnam();
    let mut d = Dossier::receive(p, &cal, code, Channel::Direct, start, "").expect("receive");
    let at = |k: usize| start + chrono::Duration::minutes(30 * k as i64 + 1);
    for k in 0..n / 2 {
        let request = EventKind::SupplementRequested {
            reason: String::new(),
        };
        d.record(Event::new(at(2 * k), "", request))
            .expect("request");
        d.record(Event::new(
            at(2 * k + 1),
            "",
            EventKind::SupplementCompleted,
        ))
        .expect("complete");
    }
    d
}

/// `n` codes registered agency by agency (100 agencies), each agency's days
/// in rising order, then one day's codes of one agency in falling order.
fn register_codes(n: usize) {
    let mut codes = DossierCodeGenerator::new();
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    let per_agency = n / 200;
    for agency in 0..100 {
        let unit = format!("000.00.{:02}.H56", agency % 100);
        for k in 0..per_agency {
            let day = first + Days::new(k as u64 % 3000);
            let seq = 1 + (k / 3000) as u32;
            let code = DossierCode::parse(&format!("{unit}-{}-{seq:04}", day.format("%y%m%d")))
                .expect("code");
            codes.register(code).expect("register");
        }
    }
    for seq in (1..=(n / 2) as u32).rev() {
        let code = DossierCode::parse(&format!("000.01.00.H56-260101-{seq:04}")).expect("code");
        codes.register(code).expect("register");
    }
    black_box(codes);
}

/// Best of three runs.
fn time(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn row(name: &str, mut run: impl FnMut(usize)) {
    let (small, large) = (time(|| run(10_000)), time(|| run(100_000)));
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
    let verdict = if ratio < 25.0 {
        "linear or n log n"
    } else {
        "SUPERLINEAR"
    };
    println!(
        "  {name:<44} 10^4: {:>9.2} ms   10^5: {:>9.2} ms   x{ratio:>6.1}  {verdict}",
        small.as_secs_f64() * 1e3,
        large.as_secs_f64() * 1e3,
    );
}

fn main() {
    let cal = Calendar::vietnam();
    println!(
        "scaling: time for 10^4 and 10^5 elements, and their ratio (10 is linear, 100 quadratic)"
    );
    row("Procedure::from_json, n workflow steps", |n| {
        let text = procedure_json(n);
        black_box(Procedure::from_json(&text).expect("procedure"));
    });
    row("Methodology::from_json, n indicators", |n| {
        let text = methodology_json(n);
        black_box(Methodology::from_json(&text).expect("methodology"));
    });
    row("Dossier::record, n events (growing violations)", |n| {
        black_box(dossier(n));
    });
    let logs: Vec<(usize, Dossier)> = [10_000, 100_000].map(|n| (n, dossier(n))).into();
    let of = |n: usize| &logs.iter().find(|(k, _)| *k == n).expect("log").1;
    row("Dossier::from_json, n events", |n| {
        let text = of(n).to_json().expect("write");
        black_box(Dossier::from_json(&text, &cal).expect("read"));
    });
    row("portal sync payload, n events", |n| {
        black_box(motcua::portal::DossierSync::from_dossier(of(n)).expect("sync"));
    });
    row("portal progress entries, n events", |n| {
        black_box(motcua::portal::progress_entries(of(n)).expect("progress"));
    });
    row("DossierCodeGenerator::register, n codes", register_codes);
}
