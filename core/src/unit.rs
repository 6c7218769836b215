//! The units the national portal scores: a province's departments and its
//! communes (two-tier local government since 01/07/2025, Law 72/2025/QH15),
//! ranked within their group, and the history of their electronic
//! identifiers.
//!
//! A unit renamed or merged keeps a new electronic identifier from the
//! day it took effect; dossiers and scores recorded before carry the old
//! one. The [`Registry`] lists the current units and every former
//! identifier with the day it was replaced (old → new; several old ones
//! into one new one for a merger), so that reports and scores of both
//! sides of 01/07/2025 group under one current unit ([`Registry::current`]).

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::iso;
use crate::dossier::Dossier;
use crate::error::{Error, ErrorKind, Result};
use crate::procedure::{Level, Procedure};
use crate::report::PeriodReport;

crate::labels::labelled! {
    /// The group a unit is ranked in, by the portal's own labels
    /// (`childGroup` in its 766 API).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum UnitGroup: "unit group" {
        /// A provincial department or agency (sở, ban, ngành).
        Agency = "AGENCY",
        /// A commune, ward or special zone (xã, phường, đặc khu).
        Commune = "COMMUNE",
    }
}

/// The province a registry is of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Province {
    /// The portal's electronic identifier (`rootDepartmentId`).
    pub id: String,
    /// Its code (`H21`; province codes were kept in 2025).
    pub code: String,
    /// Its name.
    pub name: String,
}

/// A current unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// The portal's electronic identifier (`departmentId`).
    pub id: String,
    /// Its code (`H21.17`).
    pub code: String,
    /// Its name.
    pub name: String,
    /// The group it is ranked in.
    pub group: UnitGroup,
}

impl Unit {
    /// Whether the unit implements `procedure`, for the index's
    /// catalog-based indicators. Policy `unit_procedures`: a department
    /// implements the procedures whose implementing agency is its name or
    /// code; a commune implements every commune-level procedure (since
    /// 01/07/2025 each commune's people's committee resolves them all).
    pub fn implements(&self, procedure: &Procedure) -> bool {
        match self.group {
            UnitGroup::Agency => procedure.agency == self.name || procedure.agency == self.code,
            UnitGroup::Commune => procedure.level == Level::Commune,
        }
    }
}

/// A former identifier: `from` was replaced by `to` on `effective` (a
/// rename, or one of several units merged into `to`). `to` may itself
/// have been replaced later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replacement {
    /// The former identifier.
    pub from: String,
    /// The identifier that replaced it.
    pub to: String,
    /// The first day of the new identifier.
    #[serde(serialize_with = "iso::date::serialize")]
    pub effective: NaiveDate,
    /// The former code, if it had one.
    pub from_code: Option<String>,
    /// The former name, if known.
    pub from_name: Option<String>,
}

/// A province's units and the history of their identifiers, checked on
/// load: one unit per identifier, former identifiers that lead to a
/// current unit, and no cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registry {
    /// Where the list comes from.
    pub source: String,
    /// The province.
    pub province: Province,
    /// The current units.
    pub units: Vec<Unit>,
    /// The former identifiers.
    pub history: Vec<Replacement>,
}

fn invalid(message: String) -> Error {
    Error::new(
        ErrorKind::InvalidArgument,
        format!("unit registry: {message}"),
    )
}

impl Registry {
    /// Checks the registry: no identifier on two units (or on a unit and
    /// a former identifier, or on two former ones), every replacement
    /// leading to a current unit, and no cycle.
    pub fn validate(&self) -> Result<()> {
        let mut ids: Vec<(&str, String)> = self
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), format!("units[{i}] ({})", u.code)))
            .chain(
                self.history
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.from.as_str(), format!("history[{i}].from"))),
            )
            .collect();
        ids.sort_by(|a, b| a.0.cmp(b.0));
        if let Some(pair) = ids.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(invalid(format!(
                "{} and {} have the same identifier {:?}",
                pair[0].1, pair[1].1, pair[0].0
            )));
        }
        for (i, r) in self.history.iter().enumerate() {
            self.follow(&r.from)
                .map_err(|e| invalid(format!("history[{i}]: {}", e.message())))?;
        }
        Ok(())
    }

    /// The current unit an identifier (current or former) stands for.
    fn follow(&self, id: &str) -> Result<&Unit> {
        let mut at = id;
        // Each step leaves a distinct former identifier (checked unique),
        // so a chain longer than the history has a cycle.
        for _ in 0..=self.history.len() {
            if let Some(unit) = self.units.iter().find(|u| u.id == at) {
                return Ok(unit);
            }
            match self.history.iter().find(|r| r.from == at) {
                Some(r) => at = &r.to,
                None => {
                    return Err(Error::new(
                        ErrorKind::InvalidArgument,
                        format!("{at:?} is neither a unit nor a former identifier of one"),
                    ))
                }
            }
        }
        Err(Error::new(
            ErrorKind::InvalidArgument,
            format!("the identifiers from {id:?} replace each other in a cycle"),
        ))
    }

    /// The current unit of an identifier, current or former (a dossier
    /// or a score recorded before 01/07/2025 carries the old one); an
    /// unknown identifier is an error naming it.
    pub fn current(&self, id: &str) -> Result<&Unit> {
        self.follow(id)
    }

    /// The current unit of a report row's key: an identifier, current or
    /// former, or a current code.
    pub fn of_key(&self, key: &str) -> Result<&Unit> {
        match self.by_code(key) {
            Some(unit) => Ok(unit),
            None => self.follow(key),
        }
    }

    /// The report with its rows regrouped by current unit, keyed by the
    /// unit's code: rows of a former identifier (dossiers received before
    /// a merger) add into the unit that replaced it, so that a period
    /// across 01/07/2025 reports one row per unit. A key that is no unit
    /// is an error naming it, and nothing is regrouped.
    pub fn regroup(&self, report: &PeriodReport) -> Result<PeriodReport> {
        let mut out = PeriodReport::new(report.period, report.group_by);
        out.excluded = report.excluded.clone();
        for (key, counts) in &report.rows {
            let unit = self
                .of_key(key)
                .map_err(|e| invalid(format!("report row {key:?}: {}", e.message())))?;
            out.rows.add(&unit.code, counts);
        }
        Ok(out)
    }

    /// The unit a dossier is scored under. Policy `dossier_unit`: the unit
    /// whose identifier (current or former) is the dossier's competent
    /// unit, as a commune center's dossier codes carry their commune's
    /// identifier; else the department that implements its procedure
    /// ([`Unit::implements`]), for dossiers received at the provincial
    /// center on a department's behalf. Neither is an error naming both.
    pub fn unit_of(&self, dossier: &Dossier) -> Result<&Unit> {
        let competent = dossier.competent_unit();
        if let Ok(unit) = self.follow(competent) {
            return Ok(unit);
        }
        self.group(UnitGroup::Agency)
            .find(|u| u.implements(dossier.procedure()))
            .ok_or_else(|| {
                invalid(format!(
                    "dossier {}: neither its unit {competent:?} nor its procedure's agency {:?} is a unit",
                    dossier.code(),
                    dossier.procedure().agency
                ))
            })
    }

    /// The unit of a code (`H21.17`), if one has it.
    pub fn by_code(&self, code: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.code == code)
    }

    /// The units of a group, in the registry's order.
    pub fn group(&self, group: UnitGroup) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.group == group)
    }

    /// Gia Lai's 14 departments and 135 communes as the national portal
    /// listed them on 23/09/2026 (source in the data,
    /// `core/data/units-gia-lai.json`); the tests check that it loads.
    #[cfg(feature = "sample")]
    pub fn gia_lai() -> Result<Self> {
        Self::from_json(include_str!("../data/units-gia-lai.json"))
    }
}
