//! A sample two-tier province, generated deterministically from a seed:
//! its departments, received at the provincial Public Administrative
//! Service Center, and its communes, each with a center of its own
//! (two-tier government since 01/07/2025); a catalog of procedures of both
//! levels with their publications; a quarter's stream of dossiers with
//! their event logs and the facts the 766 index counts (synced, digitised,
//! paid online…); each unit's petitions (PAKN).
//!
//! The provincial center's scale and mix follow the figures provincial
//! centers publish (one province's quarter): about 23,700 dossiers a
//! quarter, 87.6 % online, almost all on time. The communes' volumes, the
//! facts' shares, the petitions, and the procedures, durations, fees and
//! workflows are **illustrative**, shaped like provincial catalogs (civil
//! status and certification the same day with a 15:00 cut-off, business
//! registration in 3 working days, construction permits in calendar days,
//! land in tens of days), not an official catalog.

mod catalog;
mod province;

pub use catalog::catalog;
pub use province::{petitions, registry};

use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::calendar::{Calendar, WorkingTime};
use crate::dossier::{Dossier, DossierCodeGenerator, Fact};
use crate::error::Result;
use crate::procedure::{Channel, Level, Procedure};

use catalog::{SampleProcedure, CATALOG};

/// A small deterministic generator (SplitMix64): the same seed gives the
/// same center on every machine and runtime.
#[derive(Debug, Clone)]
pub struct SampleRng(u64);

impl SampleRng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// The shape of the generated center.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleConfig {
    /// Seed.
    pub seed: u64,
    /// First day of the quarter generated.
    pub first: NaiveDate,
    /// Last day.
    pub last: NaiveDate,
    /// Dossiers received over the period.
    pub dossiers: u32,
    /// Days before the period also generated, at the same daily rate, so
    /// that the period starts with dossiers carried over.
    pub lead_in_days: u32,
    /// Share received online.
    pub online_share: f64,
    /// Share received by public postal service (the rest at the desk).
    pub postal_share: f64,
    /// Share with a supplement request.
    pub supplement_share: f64,
    /// Share whose processing is stopped (status 8).
    pub suspension_share: f64,
    /// Share withdrawn by the applicant.
    pub withdrawal_share: f64,
    /// Share that ends late.
    pub late_share: f64,
    /// The receiving center's dotted agency code.
    pub agency_code: String,
    /// Communes, each with its own center ([`registry`] lists them).
    pub communes: u32,
    /// Dossiers received over the period by all the communes' centers,
    /// shared unevenly among them.
    pub commune_dossiers: u32,
    /// Share of the communes' dossiers received online.
    pub commune_online_share: f64,
}

impl SampleConfig {
    /// The seeds' quarter: 23,700 dossiers, 87.6 % online, 99.9 % on time,
    /// over the third quarter of 2026.
    pub fn quarter(seed: u64) -> Self {
        Self {
            seed,
            first: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap_or_default(),
            last: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap_or_default(),
            dossiers: 23_700,
            lead_in_days: 30,
            online_share: 0.876,
            postal_share: 0.02,
            supplement_share: 0.04,
            suspension_share: 0.005,
            withdrawal_share: 0.003,
            late_share: 0.001,
            agency_code: "000.00.06.H56".into(),
            communes: 8,
            commune_dossiers: 9_600,
            commune_online_share: 0.55,
        }
    }

    /// The seeds' quarter with `dossiers` at the provincial center and the
    /// communes scaled alike (a smaller province for tests and demos).
    pub fn scaled(seed: u64, dossiers: u32) -> Self {
        let q = Self::quarter(seed);
        let communes =
            u64::from(q.commune_dossiers) * u64::from(dossiers) / u64::from(q.dossiers.max(1));
        Self {
            dossiers,
            commune_dossiers: u32::try_from(communes).unwrap_or(u32::MAX),
            ..q
        }
    }
}

/// A working instant of `day` (07:30–11:30 or 13:00–17:00), uniformly.
fn working_instant(rng: &mut SampleRng, day: NaiveDate) -> NaiveDateTime {
    let minute = rng.below(480) as u32;
    let minutes_from_midnight = if minute < 240 {
        450 + minute
    } else {
        780 + minute - 240
    };
    day.and_time(
        NaiveTime::from_num_seconds_from_midnight_opt(minutes_from_midnight * 60, 0)
            .unwrap_or_default(),
    )
}

/// A center of the province: the identifier its dossier codes carry, the
/// dossiers it receives over the period, its online share, and the
/// procedures it receives, with their demand.
struct Center {
    agency_code: String,
    dossiers: f64,
    online_share: f64,
    procedures: Arc<[(&'static SampleProcedure, Arc<Procedure>)]>,
}

impl Center {
    /// A procedure, drawn by demand.
    fn pick(&self, rng: &mut SampleRng) -> &(&'static SampleProcedure, Arc<Procedure>) {
        let total: u64 = self.procedures.iter().map(|(p, _)| p.demand).sum();
        let mut pick = rng.below(total);
        self.procedures
            .iter()
            .find(|(p, _)| {
                if pick < p.demand {
                    true
                } else {
                    pick -= p.demand;
                    false
                }
            })
            .unwrap_or(&self.procedures[0])
    }
}

/// The provincial center, then each commune's, with its share of the
/// communes' dossiers (uneven, seeded apart from the dossiers).
fn centers(config: &SampleConfig) -> Result<Vec<Center>> {
    let catalog = catalog()?;
    let pool = |commune: bool| -> Result<Arc<[_]>> {
        CATALOG
            .iter()
            .filter(|p| (p.level == Level::Commune) == commune)
            .map(|p| Ok((p, Arc::clone(catalog.get(p.code)?))))
            .collect()
    };
    let (provincial, communal) = (pool(false)?, pool(true)?);
    let mut rng = SampleRng::new(config.seed ^ 0x0043_4f4d_4d55_4e45); // "COMMUNE"
    let weights: Vec<f64> = (0..config.communes)
        .map(|_| 0.4 + 1.2 * rng.unit())
        .collect();
    let sum: f64 = weights.iter().sum();
    let mut out = vec![Center {
        agency_code: config.agency_code.clone(),
        dossiers: f64::from(config.dossiers),
        online_share: config.online_share,
        procedures: provincial,
    }];
    for (n, w) in (1..).zip(&weights) {
        out.push(Center {
            agency_code: province::commune_id(n),
            dossiers: f64::from(config.commune_dossiers) * w / sum,
            online_share: config.commune_online_share,
            procedures: communal.clone(),
        });
    }
    Ok(out)
}

/// Generates the province's dossiers in reception order (the lead-in
/// first; each day the provincial center's, then each commune's), calling
/// `each` for every dossier (constant memory, whatever the scale).
pub fn generate(
    config: &SampleConfig,
    calendar: &Calendar,
    mut each: impl FnMut(Dossier) -> Result<()>,
) -> Result<()> {
    let centers = centers(config)?;
    let mut rng = SampleRng::new(config.seed);
    let mut codes = DossierCodeGenerator::new();
    let working = |d: &NaiveDate| calendar.is_working_day(*d).unwrap_or(false);
    let in_period = config
        .first
        .iter_days()
        .take_while(|d| *d <= config.last)
        .filter(working)
        .count();
    if in_period == 0 {
        return Ok(());
    }
    let start = config.first - Duration::days(i64::from(config.lead_in_days));
    let days: Vec<NaiveDate> = start
        .iter_days()
        .take_while(|d| *d <= config.last)
        .filter(working)
        .collect();
    let mut made = vec![0u32; centers.len()];
    for (i, day) in days.iter().enumerate() {
        for (center, made) in centers.iter().zip(&mut made) {
            let per_day = center.dossiers / in_period as f64;
            let total = (per_day * days.len() as f64).round() as u32;
            let target = (((i + 1) as f64 * per_day).round() as u32).min(total);
            let mut arrivals: Vec<NaiveDateTime> = (*made..target)
                .map(|_| working_instant(&mut rng, *day))
                .collect();
            arrivals.sort();
            *made = target.max(*made);
            for received in arrivals {
                let (sample, procedure) = center.pick(&mut rng);
                let roll = rng.unit();
                let channel = if roll < center.online_share {
                    Channel::Online
                } else if roll < center.online_share + config.postal_share {
                    Channel::Postal
                } else {
                    Channel::Direct
                };
                let code = codes.next(&center.agency_code, *day)?;
                let mut dossier = one_dossier(
                    &mut rng,
                    config,
                    calendar,
                    procedure.clone(),
                    code,
                    channel,
                    received,
                )?;
                note_facts(&mut rng, &mut dossier, sample);
                each(dossier)?;
            }
        }
    }
    Ok(())
}

/// The shares of the facts every procedure's dossiers may have, in about
/// the proportions of the Gia Lai export in `tests/data/dvcqg/`: nearly
/// all synced, most digitised with an electronic result, few sent to the
/// citizen's data store.
const FACT_SHARES: [(Fact, f64); 5] = [
    (Fact::Synced, 0.995),
    (Fact::ElectronicResult, 0.93),
    (Fact::Digitised, 0.92),
    (Fact::Reused, 0.88),
    (Fact::Shared, 0.15),
];

/// Notes the index's facts of a generated dossier: the shares above;
/// population data for most dossiers of a connected procedure; online
/// payment for most fee-bearing dossiers received online, fewer at the
/// desk; an electronic certified copy asked for in a third of the
/// certifications; a complaint now and then.
fn note_facts(rng: &mut SampleRng, d: &mut Dossier, sample: &SampleProcedure) {
    for (fact, share) in FACT_SHARES {
        if rng.unit() < share {
            d.note(fact);
        }
    }
    let procedure = d.procedure();
    let population = if procedure.population_data { 0.8 } else { 0.05 };
    let paid_online = match (procedure.has_fees(), d.channel()) {
        (false, _) => 0.0,
        (true, Channel::Online) => 0.95,
        (true, _) => 0.4,
    };
    let copy = if sample.certified_copy { 0.3 } else { 0.0 };
    for (fact, share) in [
        (Fact::PopulationData, population),
        (Fact::PaidOnline, paid_online),
        (Fact::CertifiedCopy, copy),
        (Fact::Complaint, 0.002),
    ] {
        if rng.unit() < share {
            d.note(fact);
        }
    }
}

/// One dossier's life: submission (online), acceptance, workflow, the odd
/// supplement, suspension or withdrawal, resolution and return.
fn one_dossier(
    rng: &mut SampleRng,
    config: &SampleConfig,
    calendar: &Calendar,
    procedure: Arc<Procedure>,
    code: crate::dossier::DossierCode,
    channel: Channel,
    received: NaiveDateTime,
) -> Result<Dossier> {
    let mut d = if channel == Channel::Online {
        let submitted = received - Duration::minutes(5 + rng.below(600) as i64);
        let mut d = Dossier::submit(
            procedure.clone(),
            calendar,
            code,
            channel,
            submitted,
            "portal",
        )?;
        d.accept(received, "officer")?;
        d
    } else {
        Dossier::receive(
            procedure.clone(),
            calendar,
            code,
            channel,
            received,
            "officer",
        )?
    };
    let Some(due) = d.due_at() else { return Ok(d) };
    let allowed = calendar
        .working_time_between(received, due)?
        .seconds()
        .max(60);
    let at_share = |share: f64| -> Result<NaiveDateTime> {
        calendar.add_working_time(
            received,
            WorkingTime::from_seconds(((allowed as f64) * share).max(60.0) as i64),
        )
    };
    let mut now = received;
    for step in &procedure.workflow {
        d.route(now, "officer", &step.id)?;
        now = now.max(at_share(0.05 + 0.1 * rng.unit())?);
    }
    let roll = rng.unit();
    if roll < config.withdrawal_share {
        d.withdraw(at_share(0.3)?.max(now), "citizen")?;
        return Ok(d);
    }
    if roll < config.withdrawal_share + config.supplement_share {
        let asked = at_share(0.2 * rng.unit())?.max(now);
        d.request_supplement(asked, "officer", "Bổ sung giấy tờ còn thiếu")?;
        now = calendar.add_working_time(
            asked,
            WorkingTime::from_seconds(3600 * (2 + rng.below(30) as i64)),
        )?;
        d.complete_supplement(now, "citizen")?;
    } else if roll < config.withdrawal_share + config.supplement_share + config.suspension_share {
        // Status 8 ends processing (the default stop policy): the
        // dossier is stopped, counted apart like a withdrawn one.
        let stopped = at_share(0.3)?.max(now);
        d.suspend(
            stopped,
            "officer",
            "Hồ sơ không đủ điều kiện tiếp tục giải quyết",
        )?;
        return Ok(d);
    }
    let due = d.due_at().unwrap_or(due);
    let late = rng.unit() < config.late_share;
    let end = if late {
        calendar.add_working_time(
            due,
            WorkingTime::from_seconds(3600 * (1 + rng.below(24) as i64)),
        )?
    } else {
        let left = calendar.working_time_between(now, due)?.seconds().max(0);
        calendar
            .add_working_time(
                now,
                WorkingTime::from_seconds(
                    ((left as f64) * (0.3 + 0.7 * rng.unit())).max(60.0) as i64
                ),
            )?
            .min(due)
    };
    d.resolve(end.max(now), "officer")?;
    let returned =
        calendar.next_working_instant(end.max(now) + Duration::hours(1 + rng.below(20) as i64))?;
    d.return_result(returned, "officer")?;
    Ok(d)
}
