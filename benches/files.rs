//! The files of issue 17: a vendor's 1 M-row CSV export read into the
//! II.06a report (goal: at least 1 M rows/s), against a naive peer in the
//! same process: the `csv` crate by hand, chrono's `parse_from_str` for
//! each date and a map of status names, the way one writes it without
//! motcua; then form II.06a written as .xlsx for 200 units (goal: under
//! 100 ms).
//!
//! Run: `cargo bench -p motcua-benches --bench files`
//! (`MOTCUA_BENCH_N` changes the number of rows).

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use motcua::files::{ii06a_xlsx, read_export, BadRows, ColumnMapping, Heading};
use motcua::procedure::Channel;
use motcua::report::{Ending, GroupBy, Period, PeriodReport, ReportRecord};
use motcua_benches::{report, throughput, Rng, Row};

const HEADER: &str = "STT,Mã hồ sơ,Lĩnh vực,Đơn vị,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Trạng thái\n";

fn vn(t: NaiveDateTime) -> String {
    t.format("%d/%m/%Y %H:%M").to_string()
}

/// `n` rows of an export of 20 agencies: three quarters resolved, some
/// withdrawn, the rest in progress.
fn export_csv(n: usize) -> String {
    let mut rng = Rng::new(17);
    let start = NaiveDate::from_ymd_opt(2026, 7, 1).expect("date");
    let mut text = String::from(HEADER);
    for i in 0..n {
        let received = (start + Days::new(rng.below(90)))
            .and_time(NaiveTime::from_hms_opt(8 + rng.below(8) as u32, 0, 0).expect("time"));
        let due = received + chrono::Duration::days(5 + rng.below(20) as i64);
        let ended = received + chrono::Duration::days(1 + rng.below(30) as i64);
        let (status, ended) = match rng.below(20) {
            0 => ("Công dân rút hồ sơ", vn(ended)),
            1..=15 => ("Đã trả kết quả", vn(ended)),
            _ => ("Đang xử lý", String::new()),
        };
        let channel = ["Trực tuyến", "Trực tiếp", "Bưu chính công ích"][rng.below(3) as usize];
        let agency = rng.below(20);
        text.push_str(&format!(
            "{},H56.{agency:02}-{}-{:04},Lĩnh vực {},Sở {agency:02},{channel},{},{},{ended},{status}\n",
            i + 1,
            received.format("%y%m%d"),
            i % 9_999 + 1,
            rng.below(40),
            vn(received),
            vn(due),
        ));
    }
    text
}

/// The peer: the same rows read with the csv crate, chrono and a map, by
/// hand, into the same report.
fn naive(text: &str, period: Period) -> PeriodReport {
    let statuses: HashMap<&str, Option<Ending>> = [
        ("Công dân rút hồ sơ", Some(Ending::Withdrawn)),
        ("Đã trả kết quả", Some(Ending::Resolved)),
        ("Đang xử lý", None),
    ]
    .into_iter()
    .collect();
    let channels: HashMap<&str, Channel> = [
        ("Trực tuyến", Channel::Online),
        ("Trực tiếp", Channel::Direct),
        ("Bưu chính công ích", Channel::Postal),
    ]
    .into_iter()
    .collect();
    let date = |s: &str| NaiveDateTime::parse_from_str(s, "%d/%m/%Y %H:%M").ok();
    let mut report = PeriodReport::new(period, GroupBy::Agency);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for row in reader.records() {
        let row = row.expect("row");
        let ending = statuses[&row[8]];
        let record = ReportRecord {
            channel: channels[&row[4]],
            received_at: date(&row[5]),
            due_at: date(&row[6]),
            ended_at: date(&row[7]),
            ending,
            paused: false,
            supplement_requests: 0,
            facts: None,
        };
        report.add_record(&row[3], &record);
    }
    report
}

fn main() {
    let n: usize = std::env::var("MOTCUA_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let text = export_csv(n);
    let period = Period::quarter(2026, 3).expect("quarter");
    let mapping = ColumnMapping::default();
    let motcua_run = || {
        let export =
            read_export("export.csv", text.as_bytes(), &mapping, BadRows::Fail).expect("read");
        export.report(period, GroupBy::Agency).expect("report")
    };
    assert_eq!(
        motcua_run().rows,
        naive(&text, period).rows,
        "the same report"
    );
    let ours = throughput(n, 5, motcua_run);
    let peer = throughput(n, 5, || naive(&text, period));

    // II.06a of 200 units.
    let mut big = PeriodReport::new(period, GroupBy::ReceivingUnit);
    let one = motcua_run();
    let counts = one.total();
    let template = ReportRecord {
        channel: Channel::Online,
        received_at: Some(period.first.and_time(NaiveTime::MIN)),
        due_at: None,
        ended_at: None,
        ending: None,
        paused: false,
        supplement_requests: 0,
        facts: None,
    };
    for unit in 0..200 {
        big.add_record(&format!("H56.{unit:03} UBND xã số {unit}"), &template);
    }
    let heading = Heading::new(
        "Trung tâm Phục vụ hành chính công tỉnh Mẫu",
        "Mẫu",
        period.last,
    );
    let mut times: Vec<f64> = (0..9)
        .map(|_| {
            let start = Instant::now();
            black_box(ii06a_xlsx(&big, &heading).expect("xlsx"));
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let write_ms = 1e3 * times[times.len() / 2];

    report(
        &format!(
            "summary: median of 5 runs, a {n}-row CSV export ({} bytes), single thread",
            text.len()
        ),
        &[Row {
            name: "CSV export → II.06a report (read_export)",
            per_second: ours,
            peer: Some(peer),
            goal: 1e6,
        }],
    );
    println!(
        "II.06a .xlsx of {} units: {write_ms:.1} ms, median of 9 (goal: under 100 ms: {}); the export's {} dossiers",
        big.rows.len(),
        if write_ms < 100.0 { "met" } else { "NOT met" },
        counts.received + counts.refused,
    );
}
