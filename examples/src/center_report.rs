//! The README's main job: a provincial center's quarter.
//!
//! With no arguments it generates the sample province's quarter (seeded:
//! 23,700 dossiers at the provincial center, 9,600 at eight commune
//! centers), then prints the II.06a report by agency, the monthly Decision
//! 766 scorecard of every department and commune (scored on the
//! province's own dossiers, catalog and petitions: rank in its group,
//! change, biggest losses, actions), and explains two due dates; then what Ngày Văn hóa Việt Nam (24/11, a
//! holiday from 2026) changes: the dates, and the dossiers whose
//! appointments move, of the quarter and of a sample fourth quarter that
//! crosses 24/11/2026. It writes the same figures as JSON to
//! `out/center-report.json`, and beside it the files a center sends: the
//! II.06a report as `II06a-<period>.xlsx` and the month's scorecard as
//! `scorecard-<month>.xlsx`.
//!
//! ```text
//! center-report                       the sample center, 2026 Q3
//! center-report DIR                   DIR/procedures.json + DIR/dossiers.jsonl
//! center-report --write-sample DIR    writes the sample in that format
//! options: --period 2026-Q3 | 2026-07 | 2026    --out FILE
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use motcua::calendar::{self, iso, Calendar, DayChange};
use motcua::dossier::{Dossier, Granularity, Timeliness};
use motcua::files;
use motcua::impact::{self, AppointmentChange, NewAppointment};
use motcua::index::{Methodology, PeriodSummary, Petition, Scorecard, UnitInputs};
use motcua::procedure::Catalog;
use motcua::report::{Counts, Exclusion, GroupBy, Period};
use motcua::sample::{self, SampleConfig};
use motcua::unit::{Registry, Unit, UnitGroup};

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

/// A month's dossiers by unit code, for the scorecard.
type Month = (Period, BTreeMap<String, PeriodSummary>);

/// What the main job keeps while the dossiers stream past.
struct Job {
    summary: PeriodSummary,
    /// The period's last month and the one before, by unit.
    months: [Month; 2],
    /// The units scored: the sample province's, or, for dossiers read
    /// from a directory, one department per implementing agency.
    units: Units,
    seen: u64,
    explained: Vec<Dossier>,
    culture_day: Impact,
}

impl Job {
    fn add(&mut self, d: Dossier) -> motcua::Result<()> {
        self.seen += 1;
        if self.seen.is_multiple_of(PROGRESS_EVERY) {
            eprint!("\r… {} dossiers", self.seen);
        }
        self.summary.add(&d)?;
        let unit = self.units.key_of(&d)?;
        for (period, units) in &mut self.months {
            if !units.contains_key(&unit) {
                units.insert(unit.clone(), PeriodSummary::new(*period, GroupBy::Total));
            }
            if let Some(summary) = units.get_mut(&unit) {
                summary.add(&d)?;
            }
        }
        self.culture_day.add(&d)?;
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

/// The units the scorecard ranks, with what their inputs need besides
/// their dossiers: the catalog (their procedures) and their petitions.
struct Units {
    /// `None` for dossiers read from a directory: each implementing
    /// agency is then a department.
    registry: Option<Registry>,
    catalog: Catalog,
    /// The units' petitions.
    petitions: Vec<Petition>,
}

impl Units {
    /// The key of a dossier's unit: its code in the registry, else its
    /// procedure's agency.
    fn key_of(&self, d: &Dossier) -> motcua::Result<String> {
        match &self.registry {
            Some(r) => Ok(r.unit_of(d)?.code.clone()),
            None => Ok(d.procedure().agency.clone()),
        }
    }

    /// Every unit, with its dossiers of the month (an empty summary when
    /// it had none), scored on its dossiers, procedures and petitions.
    fn inputs(&self, month: &Month, cal: &Calendar) -> motcua::Result<Vec<UnitInputs>> {
        let units: Vec<Unit> = match &self.registry {
            Some(r) => r.units.clone(),
            None => month
                .1
                .keys()
                .map(|agency| Unit {
                    id: agency.clone(),
                    code: agency.clone(),
                    name: agency.clone(),
                    group: UnitGroup::Agency,
                })
                .collect(),
        };
        let empty = PeriodSummary::new(month.0, GroupBy::Total);
        units
            .iter()
            .map(|unit| {
                let summary = month.1.get(&unit.code).unwrap_or(&empty);
                UnitInputs::from_own_data(unit, summary, &self.catalog, &self.petitions, cal)
            })
            .collect()
    }
}

impl Job {
    /// The scorecard of the last month against the one before.
    fn scorecard(&self, methodology: &Methodology, cal: &Calendar) -> Result<Scorecard, String> {
        let month = |m: &Month| self.units.inputs(m, cal).map_err(|e| e.to_string());
        methodology
            .scorecard(&month(&self.months[1])?, &month(&self.months[0])?, None)
            .map_err(|e| e.to_string())
    }
}

/// The month of `date` and the one before it.
fn last_two_months(date: NaiveDate) -> motcua::Result<[Period; 2]> {
    let month = Period::month(date.year(), date.month())?;
    let before = month.first.pred_opt().unwrap_or(month.first);
    Ok([Period::month(before.year(), before.month())?, month])
}

/// Prints the scorecard: rank, score and change, the biggest loss and
/// the two actions that gain most.
fn print_scorecard(months: &[Month; 2], card: &Scorecard) {
    let month = |m: &Month| format!("{}/{}", m.0.first.month(), m.0.first.year());
    println!(
        "\nBảng điểm Chỉ số 766 tháng {} (scorecard, methodology {}; from the province's own dossiers, catalog and petitions):",
        month(&months[1]),
        card.methodology
    );
    println!(
        "  {:<4} {:<38} {:>6} {:>16}  việc nên làm (actions)",
        "hạng",
        "đơn vị",
        "điểm",
        format!("so với {}", month(&months[0])),
    );
    for row in &card.rows {
        let change = match (row.change, row.previous_rank) {
            (Some(c), Some(r)) => format!("{c:+.2} (hạng {r})"),
            _ => "mới (new)".to_owned(),
        };
        let actions: Vec<String> = row
            .actions
            .iter()
            .take(2)
            .map(|a| {
                format!(
                    "{} {} of {} more: +{:.2}",
                    a.indicator, a.more, a.of, a.gain
                )
            })
            .collect();
        println!(
            "  {:<4} {:<38} {:>6.2} {:>16}  {}",
            row.rank,
            row.name,
            row.score.total(),
            change,
            if actions.is_empty() {
                "–".to_owned()
            } else {
                actions.join("; ")
            }
        );
    }
}

/// The instant a run of the 24/11 section is checked at: the last second
/// of `day`, so that the whole day's events count.
fn end_of(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default())
}

/// `HH:MM dd/mm/yyyy`, as the explanations and receipt slips write an
/// appointment.
fn vn_instant(t: NaiveDateTime) -> String {
    format!("{} {}", t.format("%H:%M"), iso::format_vn_date(t.date()))
}

/// The sample center's fourth quarter of 2026, configured as
/// [`SampleConfig::quarter`] configures the third (same seed, scale and
/// mix): the report's quarter ends long before 24/11/2026, this one crosses
/// it, so its dossiers show appointments that really move.
fn fourth_quarter(seed: u64) -> SampleConfig {
    SampleConfig {
        first: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default(),
        last: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
        ..SampleConfig::quarter(seed)
    }
}

/// When the fourth quarter is checked, and why: 01/12/2026, the eve of the
/// embedded data's `as_of` (02/12/2026), when a center still on data
/// without 24/11 (motcua's 2026.11.1) would run the check. At the end of
/// the quarter nearly every sample dossier that crossed 24/11 is closed and
/// almost no letter is left to send; on 01/12 the ones still open wait for
/// their appointment.
fn fourth_quarter_as_of() -> (NaiveDateTime, &'static str) {
    (
        end_of(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()),
        "the eve of the data's as_of, when a center on the old data checks; by 31/12 nearly all moved dossiers are closed",
    )
}

/// What 24/11 changes for one stream of dossiers. Each dossier is replayed
/// under `before` (the calendar without 24/11, how its appointment was
/// computed before Resolution 28/2026/QH16 entered the data) and `after`
/// ([`Calendar::vietnam`]) as it streams past, so the dossiers are never
/// all in memory: only the moved ones are kept.
struct Impact {
    label: String,
    /// Why the run is checked at `as_of`, printed beside it.
    as_of_why: &'static str,
    before: Calendar,
    after: Calendar,
    as_of: NaiveDateTime,
    dossiers: u64,
    /// The latest due date of the dossiers as given: when it is before the
    /// first changed date, no appointment can move, and the output says why.
    latest_due: Option<NaiveDateTime>,
    moved: Vec<AppointmentChange>,
}

impl Impact {
    fn new(
        label: String,
        before: &Calendar,
        after: &Calendar,
        (as_of, as_of_why): (NaiveDateTime, &'static str),
    ) -> Self {
        Self {
            label,
            as_of_why,
            before: before.clone(),
            after: after.clone(),
            as_of,
            dossiers: 0,
            latest_due: None,
            moved: Vec::new(),
        }
    }

    fn add(&mut self, d: &Dossier) -> motcua::Result<()> {
        self.dossiers += 1;
        self.latest_due = self.latest_due.max(d.due_at());
        let found = impact::appointment_changes([d], &self.before, &self.after, self.as_of)?;
        self.moved.extend(found);
        Ok(())
    }

    fn open(&self) -> usize {
        self.moved.iter().filter(|c| c.open).count()
    }

    /// The open dossiers whose appointment moved, with their letter.
    fn letters(&self) -> impl Iterator<Item = (&AppointmentChange, &NewAppointment)> {
        self.moved
            .iter()
            .filter_map(|c| c.letter.as_ref().map(|l| (c, l)))
    }

    /// The letters whose old appointment is still ahead at `as_of`: the
    /// applicant would come on the wrong day. The others are open past
    /// both appointments; their letter fixes the record.
    fn ahead(&self) -> impl Iterator<Item = (&AppointmentChange, &NewAppointment)> {
        self.letters()
            .filter(|(_, l)| l.old_appointment_at > self.as_of)
    }

    /// The letter shown: the first still ahead, or else the first.
    fn example(&self) -> Option<(&AppointmentChange, &NewAppointment)> {
        self.ahead().next().or_else(|| self.letters().next())
    }

    /// How many finished dossiers the change judges otherwise, by
    /// `(old, new)` timeliness (by instant, as the report counts).
    fn timeliness_changes(&self) -> BTreeMap<(&'static str, &'static str), u64> {
        let code = |t: Option<Timeliness>| t.map_or("–", Timeliness::code);
        let mut out = BTreeMap::new();
        for c in self
            .moved
            .iter()
            .filter(|c| c.old_timeliness != c.new_timeliness)
        {
            *out.entry((code(c.old_timeliness), code(c.new_timeliness)))
                .or_insert(0) += 1;
        }
        out
    }

    fn print(&self, first_change: Option<NaiveDate>) {
        println!(
            "  {}: {} dossiers, as of {} ({})",
            self.label,
            self.dossiers,
            vn_instant(self.as_of),
            self.as_of_why
        );
        if self.moved.is_empty() {
            let why = match (self.latest_due, first_change) {
                (Some(due), Some(day)) if due.date() < day => format!(
                    "their latest due date, {}, is before {}",
                    vn_instant(due),
                    iso::format_vn_date(day)
                ),
                _ => "none of them counts working time across a changed date".to_owned(),
            };
            println!("    no dossier's due date moves: {why}");
            return;
        }
        let later = self.moved.iter().filter(|c| c.new_due > c.old_due).count();
        let direction = match self.moved.len() - later {
            0 => "all later".to_owned(),
            earlier => format!("{later} later, {earlier} earlier"),
        };
        println!(
            "    {} due dates move ({direction}); {} of these dossiers are still open, {} need a new appointment letter ({} with the old appointment still ahead)",
            self.moved.len(),
            self.open(),
            self.letters().count(),
            self.ahead().count()
        );
        let changed = self.timeliness_changes();
        let total: u64 = changed.values().sum();
        let pairs: Vec<String> = changed
            .iter()
            .map(|((old, new), n)| format!("{old} → {new} {n}"))
            .collect();
        println!(
            "    {total} finished dossiers change timeliness{}",
            if pairs.is_empty() {
                String::new()
            } else {
                format!(", old → new: {}", pairs.join(", "))
            }
        );
        if let Some((_, letter)) = self.example() {
            println!(
                "    example letter: {} – {}",
                letter.code, letter.procedure_name
            );
            println!(
                "      hẹn trả cũ {} → hẹn trả mới {}",
                vn_instant(letter.old_appointment_at),
                vn_instant(letter.new_appointment_at)
            );
            println!("      {}", letter.reason_vi);
        }
    }

    /// A letter of the summary's list: the dossier, both appointments and
    /// the changed dates that moved it.
    fn letter_json((change, letter): (&AppointmentChange, &NewAppointment)) -> serde_json::Value {
        let days: Vec<String> = change.days.iter().map(|d| d.date.to_string()).collect();
        serde_json::json!({
            "code": letter.code.to_string(),
            "old_appointment_at": iso::format_instant(letter.old_appointment_at),
            "new_appointment_at": iso::format_instant(letter.new_appointment_at),
            "days": days,
        })
    }

    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "label": self.label,
            "as_of": iso::format_instant(self.as_of),
            "as_of_why": self.as_of_why,
            "dossiers_checked": self.dossiers,
            "latest_due": self.latest_due.map(iso::format_instant),
            "moved": self.moved.len(),
            "open": self.open(),
            "letters_needed": self.letters().count(),
            "letters_ahead": self.ahead().count(),
            "timeliness_changed": self.timeliness_changes().iter().map(|((old, new), n)| {
                serde_json::json!({"old": old, "new": new, "dossiers": n})
            }).collect::<Vec<_>>(),
            "example": self.example().map(|(change, _)| change),
            // The reasons are long and name the dates of `changed_dates`
            // with their sources (the example has one in full): each letter
            // keeps its own dates instead.
            "letters": self.letters().map(Self::letter_json).collect::<Vec<_>>(),
        })
    }
}

/// The 24/11 section's header and the dates that changed.
fn print_changed_dates(cal: &Calendar, from: NaiveDate, to: NaiveDate, changed: &[DayChange]) {
    let data: Vec<String> = cal
        .data_versions()
        .iter()
        .map(|v| {
            format!(
                "data {} as of {}",
                v.version.as_deref().unwrap_or("–"),
                v.as_of.map_or("–".to_owned(), iso::format_vn_date)
            )
        })
        .collect();
    println!("\nNgày Văn hóa Việt Nam – what 24/11 changes (Resolution 28/2026/QH16):");
    println!(
        "  before: the calendar without 24/11, as motcua computed it up to data 2026.11.1; after: Calendar::vietnam() ({})",
        data.join(", ")
    );
    println!("  dates changed {from} → {to}: {}", changed.len());
    for day in changed {
        let state = |working: bool| if working { "working day" } else { "day off" };
        let entry = day.after.entry.as_ref().or(day.before.entry.as_ref());
        println!(
            "    {} ({}): {} → {}{}",
            iso::format_vn_date(day.date),
            day.date.format("%a"),
            state(day.before.working),
            state(day.after.working),
            entry.map_or(String::new(), |h| format!(
                ", {} {}",
                h.kind.code(),
                h.name_vi
            ))
        );
        if let Some(source) = entry.and_then(|h| h.source.as_deref()) {
            println!("      {source}");
        }
    }
}

/// The dossiers left out, by their stable codes: `none`, or
/// `not_accepted 12, received_after 40`.
fn left_out<'a>(excluded: impl IntoIterator<Item = (&'a Exclusion, &'a u64)>) -> String {
    let parts: Vec<String> = excluded
        .into_iter()
        .map(|(why, n)| format!("{} {n}", why.code()))
        .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(", ")
    }
}

fn row(name: &str, c: &Counts) -> String {
    format!(
        "{name:<38} {:>7} {:>7} {:>7} {:>6} {:>7} {:>6} {:>7} {:>5} {:>6} {:>6} {:>5} {:>4} {:>5} {:>5}",
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
        c.withdrawn,
        c.stopped,
        c.refused_after_appraisal
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
    // The calendar the appointments were computed with before 24/11
    // entered the data, to compare with `cal`.
    let before = Calendar::builder()
        .without_culture_day()
        .build()
        .map_err(|e| e.to_string())?;
    let [previous_month, last_month] = last_two_months(period.last).map_err(|e| e.to_string())?;
    let units = match &o.input {
        None => Units {
            registry: Some(sample::registry(&sample_config).map_err(|e| e.to_string())?),
            catalog: sample::catalog().map_err(|e| e.to_string())?,
            petitions: sample::petitions(&sample_config, &cal).map_err(|e| e.to_string())?,
        },
        Some(dir) => Units {
            registry: None,
            catalog: read_catalog(dir)?,
            petitions: Vec::new(),
        },
    };
    let mut job = Job {
        summary: PeriodSummary::new(period, GroupBy::Agency),
        months: [
            (previous_month, BTreeMap::new()),
            (last_month, BTreeMap::new()),
        ],
        units,
        seen: 0,
        explained: Vec::new(),
        culture_day: Impact::new(
            format!(
                "the report's dossiers ({} → {} with those carried over)",
                period.first, period.last
            ),
            &before,
            &cal,
            (end_of(period.last), "the end of the period"),
        ),
    };
    let source = match &o.input {
        None => {
            sample::generate(&sample_config, &cal, |d| job.add(d)).map_err(|e| e.to_string())?;
            format!(
                "sample province (seed {}, {} dossiers at the provincial center, {} at {} communes)",
                sample_config.seed,
                sample_config.dossiers,
                sample_config.commune_dossiers,
                sample_config.communes
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
        "{:<38} {:>7} {:>7} {:>7} {:>6} {:>7} {:>6} {:>7} {:>5} {:>6} {:>6} {:>5} {:>4} {:>5} {:>5}",
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
        "Rút",
        "Dừng",
        "TCTĐ"
    );
    for (agency, counts) in &report.rows {
        println!("{}", row(agency, counts));
    }
    let total = report.total();
    println!("{}", row("Tổng cộng (total)", &total));
    println!(
        "identities 3=4+5+6, 7=8+9+10, 11=12+13, 3=7+11+withdrawn+stopped+refused after appraisal: {}; on time {} %; left out: {}",
        if total.identities_hold() { "hold" } else { "BROKEN" },
        total.on_time_rate().map_or("–".to_owned(), |r| format!("{r:.2}")),
        left_out(&report.excluded)
    );

    let methodology = Methodology::default_766();
    let inputs = job
        .summary
        .index_inputs(None, None, &cal)
        .map_err(|e| e.to_string())?;
    let score = methodology.score(&inputs).map_err(|e| e.to_string())?;
    let card = job.scorecard(&methodology, &cal)?;
    print_scorecard(&job.months, &card);

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

    // What 24/11 changes: the report's dossiers, then a fourth quarter
    // that crosses 24/11/2026. The dates are listed from the period's start
    // to the end of the next year, where the appointments given now fall.
    let q4_config = fourth_quarter(sample_config.seed);
    let mut q4 = Impact::new(
        format!(
            "sample center, 2026 Q4 ({} → {}, seed {}, with those carried over)",
            q4_config.first, q4_config.last, q4_config.seed
        ),
        &before,
        &cal,
        fourth_quarter_as_of(),
    );
    sample::generate(&q4_config, &cal, |d| q4.add(&d)).map_err(|e| e.to_string())?;
    let changes_from = period.first;
    let changes_to = NaiveDate::from_ymd_opt(period.last.max(q4_config.last).year() + 1, 12, 31)
        .map_or(cal.last_date(), |d| d.min(cal.last_date()));
    let changed =
        calendar::changes(&before, &cal, changes_from, changes_to).map_err(|e| e.to_string())?;
    print_changed_dates(&cal, changes_from, changes_to, &changed);
    let first_change = changed.iter().find(|d| d.moves_due_dates()).map(|d| d.date);
    for run in [&job.culture_day, &q4] {
        run.print(first_change);
    }

    let summary = serde_json::json!({
        "source": source,
        "period": {"first": period.first.to_string(), "last": period.last.to_string()},
        "dossiers_read": job.seen,
        "report": report,
        "total": total,
        "score": score,
        "scorecard": {
            "month": job.months[1].0.first.to_string(),
            "previous": job.months[0].0.first.to_string(),
            "card": card,
        },
        "explained": job.explained.iter().map(|d| serde_json::json!({
            "code": d.code().to_string(),
            "due_at": d.due_at().map(iso::format_instant),
            "explanation": d.explain().ok(),
        })).collect::<Vec<_>>(),
        "culture_day": {
            "before": "Calendar::builder().without_culture_day()",
            "after": "Calendar::vietnam()",
            "data_versions": cal.data_versions(),
            "changed_dates": {
                "from": changes_from.to_string(),
                "to": changes_to.to_string(),
                "dates": changed,
            },
            "runs": [job.culture_day.to_json(), q4.to_json()],
        },
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

    // The workbooks, signed the day after the period ends (the run is
    // reproducible: no clock is read).
    let dir = o.out.parent().unwrap_or(Path::new("."));
    let province = place_of_card(&job.units, &source);
    let unit = match &job.units.registry {
        Some(_) => format!("Trung tâm Phục vụ hành chính công {province}"),
        None => province.clone(),
    };
    let place = province.clone();
    let signed_on = period.last.succ_opt().unwrap_or(period.last);
    let heading = files::Heading::new(unit, place, signed_on);
    let ii06a = dir.join(format!(
        "II06a-{}.xlsx",
        period.to_string().replace('/', "_")
    ));
    let bytes = files::ii06a_xlsx(report, &heading).map_err(|e| e.to_string())?;
    fs::write(&ii06a, bytes).map_err(|e| format!("{}: {e}", ii06a.display()))?;
    let month = job.months[1].0;
    let scorecard = dir.join(format!("scorecard-{month}.xlsx"));
    // The scorecard is the province's, of all its units.
    let mut heading = heading;
    heading.unit = province;
    heading.signed_on = month.last.succ_opt().unwrap_or(month.last);
    let bytes =
        files::scorecard_xlsx(&card, &methodology, &month, &heading).map_err(|e| e.to_string())?;
    fs::write(&scorecard, bytes).map_err(|e| format!("{}: {e}", scorecard.display()))?;
    println!(
        "II.06a written to {}, scorecard to {}",
        ii06a.display(),
        scorecard.display()
    );
    Ok(())
}

/// The province of the registry, else the input: whose scorecard it is
/// and where its files are signed.
fn place_of_card(units: &Units, source: &str) -> String {
    units
        .registry
        .as_ref()
        .map_or_else(|| source.to_owned(), |r| r.province.name.clone())
}

/// Reads `DIR/procedures.json`.
fn read_catalog(dir: &Path) -> Result<Catalog, String> {
    let catalog_path = dir.join("procedures.json");
    let text = fs::read_to_string(&catalog_path)
        .map_err(|e| format!("{}: {e}", catalog_path.display()))?;
    Catalog::from_json(&text).map_err(|e| format!("{}: {e}", catalog_path.display()))
}

/// Streams `DIR/dossiers.jsonl`, with the procedures of the job's catalog.
fn read_dir(cal: &Calendar, dir: &Path, job: &mut Job) -> Result<(), String> {
    let catalog = job.units.catalog.clone();
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
    let procedures = catalog
        .iter()
        .map(|p| p.to_json())
        .collect::<motcua::Result<Vec<String>>>()?;
    fs::write(
        dir.join("procedures.json"),
        format!("[\n{}\n]\n", procedures.join(",\n")),
    )
    .map_err(io)?;
    let mut out =
        std::io::BufWriter::new(fs::File::create(dir.join("dossiers.jsonl")).map_err(io)?);
    sample::generate(&SampleConfig::quarter(42), cal, |d| {
        writeln!(out, "{}", d.to_json_line()?).map_err(io)
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
