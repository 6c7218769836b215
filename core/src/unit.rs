//! The units the national portal scores: a province's departments and its
//! communes (two-tier local government since 01/07/2025, Law 72/2025/QH15),
//! ranked within their group.

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
