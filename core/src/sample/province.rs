//! The sample province's units and petitions: its departments (the
//! agencies of the province-level procedures), its communes, one former
//! commune merged on 01/07/2025, and the quarter's citizen petitions
//! (PAKN) of each unit.

use chrono::{Duration, NaiveDate};

use super::catalog::CATALOG;
use super::{working_instant, SampleConfig, SampleRng};
use crate::calendar::Calendar;
use crate::error::Result;
use crate::index::{Feedback, Petition};
use crate::procedure::Level;
use crate::unit::{Province, Registry, Replacement, Unit, UnitGroup};

/// The electronic identifier of commune `n` (1-based): its center's
/// agency identifier, which its dossier codes carry, so that
/// [`Registry::unit_of`] finds the commune of each of its dossiers.
pub(super) fn commune_id(n: u32) -> String {
    format!("000.{n:02}.31.H56")
}

/// The sample province: its departments, then its communes. Commune 1
/// absorbed a former commune on 01/07/2025 (its identifier is in the
/// history), as two-tier government merged most communes.
pub fn registry(config: &SampleConfig) -> Result<Registry> {
    let mut agencies: Vec<&str> = Vec::new();
    for p in CATALOG.iter().filter(|p| p.level != Level::Commune) {
        if !agencies.contains(&p.agency) {
            agencies.push(p.agency);
        }
    }
    let departments = agencies.into_iter().enumerate().map(|(i, name)| Unit {
        id: format!("sample-department-{:02}", i + 1),
        code: format!("H56.{:02}", i + 1),
        name: name.to_owned(),
        group: UnitGroup::Agency,
    });
    let communes = (1..=config.communes).map(|n| Unit {
        id: commune_id(n),
        code: format!("H56.{}", 100 + n),
        name: format!("UBND Xã Mẫu {n:02}"),
        group: UnitGroup::Commune,
    });
    let units: Vec<Unit> = departments.chain(communes).collect();
    let history = (config.communes > 0)
        .then(|| Replacement {
            from: "000.90.31.H56".into(),
            to: commune_id(1),
            effective: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or_default(),
            from_code: Some("H56.190".into()),
            from_name: Some("UBND Xã Mẫu Cũ".into()),
        })
        .into_iter()
        .collect();
    let registry = Registry {
        source: "motcua's sample province (illustrative, seeded; not a real province)".into(),
        province: Province {
            id: "sample-H56".into(),
            code: "H56".into(),
            name: "Tỉnh Mẫu (sample)".into(),
        },
        units,
        history,
    };
    registry.validate()?;
    Ok(registry)
}

/// Each unit's petitions (phản ánh, kiến nghị) over the quarter: a few a quarter for a department, fewer for a commune; most
/// handled within the 15 working days, a few late or still open at the
/// quarter's end; one in ten rated unsatisfied. Seeded apart from the
/// dossiers (the same seed gives the same petitions whatever the number
/// of dossiers).
pub fn petitions(config: &SampleConfig, calendar: &Calendar) -> Result<Vec<Petition>> {
    let mut rng = SampleRng::new(config.seed ^ 0x5041_4b4e); // "PAKN"
    let days: Vec<NaiveDate> = config
        .first
        .iter_days()
        .take_while(|d| *d <= config.last)
        .filter(|d| calendar.is_working_day(*d).unwrap_or(false))
        .collect();
    let mut out = Vec::new();
    if days.is_empty() {
        return Ok(out);
    }
    for unit in registry(config)?.units {
        let most = if unit.group == UnitGroup::Agency {
            6
        } else {
            3
        };
        for _ in 0..rng.below(most) {
            let day = days[rng.below(days.len() as u64) as usize];
            let received_at = working_instant(&mut rng, day);
            let roll = rng.unit();
            let handled_at = if roll < 0.05 {
                None
            } else {
                // 1 to 18 working days: past 15 is late.
                let within = if roll < 0.12 {
                    16 + rng.below(3)
                } else {
                    1 + rng.below(14)
                };
                let day = calendar.add_working_days(received_at.date(), within as i32)?;
                Some(day.and_time(received_at.time()) + Duration::hours(1))
            };
            out.push(Petition {
                unit: unit.code.clone(),
                feedback: Feedback {
                    received_at,
                    handled_at,
                    unsatisfied: rng.unit() < 0.1,
                    complained_again: rng.unit() < 0.03,
                },
            });
        }
    }
    Ok(out)
}
