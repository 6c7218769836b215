//! One unit of the national portal's 766 export, as index inputs.
//!
//! The portal's scoring API (`dichvucong.gov.vn/api/v1/reporting/
//! evaluation`) answers per unit with each group's counts and each
//! metric's numerator, denominator and ratio; crawls of it are public in
//! duynghiaqn/Crawler-766 (`data/<province>/details_*.json`,
//! `unitsDetail[i]`). Reading a unit gives the inputs that
//! [`super::Methodology::dvcqg_2026_10`] scores, so that a province can
//! check the portal's points against its own data, and see which change
//! gains what. The reader takes counts and ratios only: never the portal's
//! points, which are what scoring reproduces.

use super::IndexInputs;
use crate::unit::UnitGroup;

/// A unit of the portal's export, read into index inputs
/// ([`DvcqgUnit::from_json`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DvcqgUnit {
    /// The portal's electronic identifier of the unit (`departmentId`).
    pub id: String,
    /// Its code (`departmentCode`, e.g. `H21.17`).
    pub code: String,
    /// Its name.
    pub name: String,
    /// The group it is ranked in.
    pub group: UnitGroup,
    /// Its inputs, by the names of [`super::inputs`].
    pub inputs: IndexInputs,
}
