//! The README's main job: a provincial center's quarter.
//!
//! With no arguments it generates the sample center's quarter (seeded,
//! 23,700 dossiers), then prints the II.06a report by agency, the Decision
//! 766 score with the indicators that lost the most points and a what-if,
//! and explains two due dates; it writes the same figures as JSON to
//! `out/center-report.json`.
//!
//! ```text
//! center-report                       the sample center, 2026 Q3
//! center-report DIR                   DIR/procedures.json + DIR/dossiers.jsonl
//! center-report --write-sample DIR    writes the sample in that format
//! options: --period 2026-Q3 | 2026-07 | 2026    --out FILE
//! ```

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use motcua::calendar::{iso, Calendar};
use motcua::dossier::{Dossier, Granularity};
use motcua::index::{Lever, Methodology, PeriodSummary};
use motcua::procedure::Catalog;
use motcua::report::{Counts, GroupBy, Period};
use motcua::sample::{self, SampleConfig};

/// Progress on stderr every this many dossiers.
const PROGRESS_EVERY: u64 = 5_000;

struct Options {
    input: Option<PathBuf>,
    write_sample: Option<PathBuf>,
    period: Option<String>,
    out: PathBuf,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        input: None,
        write_sample: None,
        period: None,
        out: PathBuf::from("out/center-report.json"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--period" => o.period = Some(args.next().ok_or("--period needs a value")?),
            "--out" => o.out = PathBuf::from(args.next().ok_or("--out needs a file")?),
            "--write-sample" => {
                o.write_sample = Some(PathBuf::from(
                    args.next().ok_or("--write-sample needs a directory")?,
                ))
            }
            "-h" | "--help" => return Err(String::new()),
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other => o.input = Some(PathBuf::from(other)),
        }
    }
    Ok(o)
}

/// What the main job keeps while the dossiers stream past.
struct Job {
    summary: PeriodSummary,
    seen: u64,
    explained: Vec<Dossier>,
}

impl Job {
    fn add(&mut self, d: Dossier) -> motcua::Result<()> {
        self.seen += 1;
        if self.seen.is_multiple_of(PROGRESS_EVERY) {
            eprint!("\r… {} dossiers", self.seen);
        }
        self.summary.add(&d)?;
        // Keep two dossiers worth explaining: one restarted after a
        // supplement, one whose time crosses a holiday.
        let wanted = |rule: &str| -> bool {
            d.explain()
                .is_ok_and(|e| e.entries.iter().any(|x| x.rule == rule))
        };
        let first = self.explained.is_empty() && d.violations().is_empty() && wanted("restarted");
        let second = self.explained.len() == 1 && wanted("day_off_skipped");
        if first || second {
            self.explained.push(d);
        }
        Ok(())
    }
}

fn row(name: &str, c: &Counts) -> String {
    format!(
        "{name:<38} {:>7} {:>7} {:>7} {:>6} {:>7} {:>6} {:>7} {:>5} {:>6} {:>6} {:>5} {:>4}",
        c.received,
        c.received_online,
        c.received_direct_postal,
        c.carried_over,
        c.resolved,
        c.early,
        c.on_time,
        c.late,
        c.in_progress,
        c.within_time,
        c.overdue,
        c.withdrawn
    )
}

fn run(o: Options) -> Result<(), String> {
    let cal = Calendar::vietnam();
    if let Some(dir) = &o.write_sample {
        return write_sample(&cal, dir).map_err(|e| e.to_string());
    }
    let sample_config = SampleConfig::quarter(42);
    let period = match &o.period {
        Some(p) => Period::parse(p).map_err(|e| e.to_string())?,
        None => Period::new(sample_config.first, sample_config.last).map_err(|e| e.to_string())?,
    };
    let mut job = Job {
        summary: PeriodSummary::new(period, GroupBy::Agency),
        seen: 0,
        explained: Vec::new(),
    };
    let source = match &o.input {
        None => {
            sample::generate(&sample_config, &cal, |d| job.add(d)).map_err(|e| e.to_string())?;
            format!(
                "sample center (seed {}, {} dossiers)",
                sample_config.seed, sample_config.dossiers
            )
        }
        Some(dir) => {
            read_dir(&cal, dir, &mut job)?;
            format!("{}", dir.display())
        }
    };
    eprintln!("\r… {} dossiers read", job.seen);

    let report = &job.summary.report;
    println!(
        "BIỂU II.06a – Tình hình, kết quả giải quyết TTHC ({} → {}), {source}",
        period.first, period.last
    );
    println!(
        "{:<38} {:>7} {:>7} {:>7} {:>6} {:>7} {:>6} {:>7} {:>5} {:>6} {:>6} {:>5} {:>4}",
        "Đơn vị (agency)",
        "(3)Tổng",
        "(4)TT",
        "(5)TT+BC",
        "(6)Kỳ",
        "(7)Xong",
        "(8)Sớm",
        "(9)Đúng",
        "(10)Trễ",
        "(11)Đang",
        "(12)Trong",
        "(13)Quá",
        "Rút"
    );
    for (agency, counts) in &report.rows {
        println!("{}", row(agency, counts));
    }
    let total = report.total();
    println!("{}", row("Tổng cộng (total)", &total));
    println!(
        "identities 3=4+5+6, 7=8+9+10, 11=12+13, 3=7+11+withdrawn: {}; on time {} %; left out: {:?}",
        if total.identities_hold() { "hold" } else { "BROKEN" },
        total.on_time_rate().map_or("–".to_owned(), |r| format!("{r:.2}")),
        report.excluded
    );

    let methodology = Methodology::default_766();
    let inputs = job
        .summary
        .index_inputs(None, &cal)
        .map_err(|e| e.to_string())?;
    let score = methodology.score(&inputs);
    println!(
        "\nChỉ số 766 (methodology {}): {:.2} of the {:.0} points measured ({} of {} indicators not measured: their inputs are not in dossier data)",
        score.methodology,
        score.total,
        score.max_measured,
        score.not_measured().len(),
        score.indicators.len()
    );
    for i in score.biggest_losses() {
        let ratio = i.ratio.and_then(|r| r.percent()).unwrap_or(0.0);
        println!(
            "  {} {:<40} {:>6.2} %  {:>5.2}/{:<4} points, lost {:.2}",
            i.id,
            i.name_vi,
            ratio,
            i.points.unwrap_or(0.0),
            i.max_points,
            i.points_lost.unwrap_or(0.0)
        );
    }
    // The what-if: the dossier lever whose indicator lost the most points,
    // aiming at half of that loss back.
    let lost = |id: &str| -> f64 {
        score
            .indicators
            .iter()
            .find(|i| i.id == id)
            .and_then(|i| i.points_lost)
            .unwrap_or(0.0)
    };
    let (lever, indicator, label) = if lost("2.1") >= lost("3.3") {
        (Lever::OnTimeDossiers, "2.1", "on-time dossiers")
    } else {
        (Lever::OnlineDossiers, "3.3", "online dossiers")
    };
    let target = score.total + lost(indicator) / 2.0;
    let what_if = if lost(indicator) > 0.0 {
        methodology.what_if(&inputs, lever, target)
    } else {
        None
    };
    match what_if {
        Some(k) => println!("  what-if: {k} more {label} would bring the score to {target:.3} points (half of the {:.3} points {indicator} lost)", lost(indicator)),
        None => println!("  what-if: no number of {label} gains points on {indicator}"),
    }

    println!("\nGiải thích hai ngày hẹn (two due dates explained):");
    for d in &job.explained {
        println!(
            "  {} – {} ({})",
            d.code(),
            d.procedure().name,
            d.channel().code()
        );
        if let Ok(e) = d.explain() {
            for line in e.entries {
                println!("    {}", line.vi);
            }
        }
        if let Some(t) = d.timeliness(Granularity::Date) {
            println!("    → {}", t.code());
        }
    }

    let summary = serde_json::json!({
        "source": source,
        "period": {"first": period.first.to_string(), "last": period.last.to_string()},
        "dossiers_read": job.seen,
        "report": report,
        "total": total,
        "score": score,
        "what_if": {"lever": lever, "target": target, "needed": what_if},
        "explained": job.explained.iter().map(|d| serde_json::json!({
            "code": d.code().to_string(),
            "due_at": d.due_at().map(iso::format_instant),
            "explanation": d.explain().ok(),
        })).collect::<Vec<_>>(),
    });
    if let Some(dir) = o.out.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(
        &o.out,
        serde_json::to_string_pretty(&summary).unwrap_or_default(),
    )
    .map_err(|e| format!("{}: {e}", o.out.display()))?;
    println!("\nsummary written to {}", o.out.display());
    Ok(())
}

/// Reads `DIR/procedures.json` and streams `DIR/dossiers.jsonl`.
fn read_dir(cal: &Calendar, dir: &Path, job: &mut Job) -> Result<(), String> {
    let catalog_path = dir.join("procedures.json");
    let text = fs::read_to_string(&catalog_path)
        .map_err(|e| format!("{}: {e}", catalog_path.display()))?;
    let catalog =
        Catalog::from_json(&text).map_err(|e| format!("{}: {e}", catalog_path.display()))?;
    let path = dir.join("dossiers.jsonl");
    let file = fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let d = Dossier::from_json_line(&line, &catalog, cal)
            .map_err(|e| format!("{}:{}: [{}] {e}", path.display(), n + 1, e.code()))?;
        job.add(d)
            .map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
    }
    Ok(())
}

/// Writes the sample center in the input format.
fn write_sample(cal: &Calendar, dir: &Path) -> motcua::Result<()> {
    let io = |e: std::io::Error| {
        motcua::Error::new(
            motcua::ErrorKind::InvalidArgument,
            format!("{}: {e}", dir.display()),
        )
    };
    fs::create_dir_all(dir).map_err(io)?;
    let catalog = sample::catalog()?;
    let procedures: Vec<String> = catalog.iter().map(|p| p.to_json()).collect();
    fs::write(
        dir.join("procedures.json"),
        format!("[\n{}\n]\n", procedures.join(",\n")),
    )
    .map_err(io)?;
    let mut out =
        std::io::BufWriter::new(fs::File::create(dir.join("dossiers.jsonl")).map_err(io)?);
    sample::generate(&SampleConfig::quarter(42), cal, |d| {
        writeln!(out, "{}", d.to_json_line()).map_err(io)
    })?;
    out.flush().map_err(io)?;
    println!(
        "wrote {}/procedures.json and {}/dossiers.jsonl",
        dir.display(),
        dir.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_empty() => {
            println!("usage: center-report [DIR] [--period 2026-Q3|2026-07|2026] [--out FILE] | --write-sample DIR");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
