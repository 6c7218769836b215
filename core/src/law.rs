//! The one-stop rule sets by effective date, and the article each rule of
//! the clock follows in each, so that an explanation names the law that
//! produced a due date.
//!
//! - **Decree 61/2018/NĐ-CP** (as amended by Decree 107/2021/NĐ-CP), with
//!   Circular 01/2018/TT-VPCP: dossiers received before 01/07/2025.
//! - **Decree 118/2025/NĐ-CP** (09/06/2025, in force 01/07/2025; it
//!   replaced Decrees 61/2018 and 107/2021), as amended by Decree
//!   367/2025/NĐ-CP (31/12/2025) and Decree 309/2026/NĐ-CP (05/08/2026),
//!   with Circular 03/2025/TT-VPCP (15/09/2025): dossiers received from
//!   01/07/2025.
//!
//! The full text of Decree 118/2025 was not available to us; Decree
//! 309/2026's amendments were read (its Art. 8(3) gives Art. 17(3) its
//! current wording, Art. 9 keeps the 15:00 cut-off of Art. 18(2)). Where an
//! article of Decree 118 could not be verified, [`RuleSet::basis`] says so
//! and names the Decree 61/2018 article whose rule the clock keeps, rather
//! than citing the old decree as if it were current.

use chrono::{NaiveDate, NaiveDateTime};

crate::labels::labelled! {
    /// The rule set that governs a dossier, chosen by its reception date.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum RuleSet: "rule set" {
        /// Decree 61/2018/NĐ-CP and Circular 01/2018/TT-VPCP.
        Decree61Of2018 = "decree_61_2018",
        /// Decree 118/2025/NĐ-CP as amended, and Circular 03/2025/TT-VPCP.
        Decree118Of2025 = "decree_118_2025",
    }
}

/// A rule of the clock or of the forms, whose article [`RuleSet::basis`]
/// gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// The time counts from the reception of the complete, valid dossier.
    ClockStart,
    /// A completed supplement restarts the full time.
    SupplementRestart,
    /// The apology and new appointment, at most once, one day ahead.
    Extension,
    /// A refusal after acceptance, on appraisal.
    RefusalAfterAppraisal,
    /// The circular whose forms the dossier's papers follow.
    Forms,
}

/// The first day of Decree 118/2025/NĐ-CP.
pub const DECREE_118_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

impl RuleSet {
    /// The rule set of a dossier received at `at`.
    pub fn for_reception(at: NaiveDateTime) -> Self {
        if at.date() < DECREE_118_IN_FORCE {
            RuleSet::Decree61Of2018
        } else {
            RuleSet::Decree118Of2025
        }
    }

    /// The decree and its amendments, in Vietnamese.
    pub const fn name_vi(self) -> &'static str {
        match self {
            RuleSet::Decree61Of2018 => {
                "Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP)"
            }
            RuleSet::Decree118Of2025 => {
                "Nghị định 118/2025/NĐ-CP (sửa đổi bởi Nghị định 367/2025/NĐ-CP và 309/2026/NĐ-CP)"
            }
        }
    }

    /// The decree and its amendments, in English.
    pub const fn name_en(self) -> &'static str {
        match self {
            RuleSet::Decree61Of2018 => "Decree 61/2018/NĐ-CP (as amended by Decree 107/2021/NĐ-CP)",
            RuleSet::Decree118Of2025 => {
                "Decree 118/2025/NĐ-CP (as amended by Decrees 367/2025/NĐ-CP and 309/2026/NĐ-CP)"
            }
        }
    }

    /// The article a rule follows in this rule set, in English (article
    /// numbers are the texts' own).
    pub const fn basis(self, rule: Rule) -> &'static str {
        self.bases(rule).0
    }

    /// The article a rule follows in this rule set, in Vietnamese, as the
    /// Vietnamese explanation cites it.
    pub const fn basis_vi(self, rule: Rule) -> &'static str {
        self.bases(rule).1
    }

    /// The one table of articles: (English, Vietnamese) for each rule.
    const fn bases(self, rule: Rule) -> (&'static str, &'static str) {
        use Rule::*;
        match (self, rule) {
            (RuleSet::Decree61Of2018, ClockStart) => (
                "Decree 61/2018/NĐ-CP Art. 17 and 19",
                "Điều 17 và Điều 19 Nghị định 61/2018/NĐ-CP",
            ),
            (RuleSet::Decree61Of2018, SupplementRestart) => (
                "Decree 61/2018/NĐ-CP Art. 19(4)",
                "khoản 4 Điều 19 Nghị định 61/2018/NĐ-CP",
            ),
            (RuleSet::Decree61Of2018, Extension) => (
                "Decree 61/2018/NĐ-CP Art. 19(9)",
                "khoản 9 Điều 19 Nghị định 61/2018/NĐ-CP",
            ),
            (RuleSet::Decree61Of2018, RefusalAfterAppraisal) => (
                "Decree 61/2018/NĐ-CP Art. 19(8)",
                "khoản 8 Điều 19 Nghị định 61/2018/NĐ-CP",
            ),
            (RuleSet::Decree61Of2018, Forms) => {
                ("Circular 01/2018/TT-VPCP", "Thông tư 01/2018/TT-VPCP")
            }
            (RuleSet::Decree118Of2025, ClockStart) => (
                "Decree 118/2025/NĐ-CP Art. 17(3), as amended by Decree 309/2026/NĐ-CP Art. 8(3)",
                "khoản 3 Điều 17 Nghị định 118/2025/NĐ-CP, sửa đổi bởi khoản 3 Điều 8 Nghị định 309/2026/NĐ-CP",
            ),
            (RuleSet::Decree118Of2025, SupplementRestart) => (
                "not verified in Decree 118/2025/NĐ-CP's text: the rule of Decree 61/2018/NĐ-CP Art. 19(4), which provincial regulations of 2025-2026 keep",
                "chưa đối chiếu được với văn bản Nghị định 118/2025/NĐ-CP: quy tắc của khoản 4 Điều 19 Nghị định 61/2018/NĐ-CP, được các quy chế cấp tỉnh năm 2025-2026 giữ nguyên",
            ),
            (RuleSet::Decree118Of2025, Extension) => (
                "not verified in Decree 118/2025/NĐ-CP's text: the rule of Decree 61/2018/NĐ-CP Art. 19(9), which post-2025 regulations keep (Lai Châu QĐ 88/2025/QĐ-UBND Art. 3(6))",
                "chưa đối chiếu được với văn bản Nghị định 118/2025/NĐ-CP: quy tắc của khoản 9 Điều 19 Nghị định 61/2018/NĐ-CP, được các quy chế ban hành sau năm 2025 giữ nguyên (khoản 6 Điều 3 Quyết định 88/2025/QĐ-UBND tỉnh Lai Châu)",
            ),
            (RuleSet::Decree118Of2025, RefusalAfterAppraisal) => (
                "not verified in Decree 118/2025/NĐ-CP's text: the rule of Decree 61/2018/NĐ-CP Art. 19(8)",
                "chưa đối chiếu được với văn bản Nghị định 118/2025/NĐ-CP: quy tắc của khoản 8 Điều 19 Nghị định 61/2018/NĐ-CP",
            ),
            (RuleSet::Decree118Of2025, Forms) => {
                ("Circular 03/2025/TT-VPCP", "Thông tư 03/2025/TT-VPCP")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reception_date_chooses_the_rule_set() {
        let at = |d: &str| crate::calendar::iso::parse_instant(d).unwrap_or_default();
        assert_eq!(
            RuleSet::for_reception(at("2025-06-30T16:59")),
            RuleSet::Decree61Of2018
        );
        assert_eq!(
            RuleSet::for_reception(at("2025-07-01T07:30")),
            RuleSet::Decree118Of2025
        );
        assert!(RuleSet::Decree118Of2025
            .basis(Rule::SupplementRestart)
            .starts_with("not verified"));
        assert!(RuleSet::Decree118Of2025
            .basis_vi(Rule::SupplementRestart)
            .starts_with("chưa đối chiếu"));
    }
}
