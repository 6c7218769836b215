//! Inputs of the indicators that the dossiers' clocks and facts do not
//! give: procedure publications and the catalog's payment and population
//! data connections (from the procedures), and citizen petitions (PAKN).
//! Each turns records into the ratio of its indicator, by the rules of
//! `domain-rules.md` §5.3.

use chrono::NaiveDateTime;

use crate::calendar::iso;
use serde::Serialize;

use super::{inputs, IndexInputs, Ratio};
use crate::calendar::Calendar;
use crate::error::Result;
pub use crate::procedure::Publication;
use crate::procedure::{Level, Procedure};

crate::labels::labelled! {
    /// Who publishes the procedures (the deadlines differ).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Publisher: "publisher" {
        /// A ministry: decision ≥ 20 working days before the legal basis takes
        /// effect; public on the national database within 10 working days.
        Ministry = "ministry",
        /// A province: 5 and 5 working days.
        Province = "province",
    }
}

impl Publisher {
    /// Who publishes the procedures of a level: ministries their own, the
    /// province those of the province and of its communes.
    pub fn of(level: Level) -> Self {
        match level {
            Level::Central => Publisher::Ministry,
            Level::Province | Level::District | Level::Commune => Publisher::Province,
        }
    }
}

/// One citizen feedback (phản ánh, kiến nghị) within competence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feedback {
    /// Received.
    #[serde(serialize_with = "iso::instant::serialize")]
    pub received_at: NaiveDateTime,
    /// Handled, if it was.
    #[serde(serialize_with = "iso::instant_opt::serialize")]
    pub handled_at: Option<NaiveDateTime>,
    /// Rated unsatisfied by the citizen.
    pub unsatisfied: bool,
    /// Complained about again.
    pub complained_again: bool,
}

/// A petition with the unit it is addressed to, by code, as a province's
/// petition system lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Petition {
    /// The unit's code (`H21.17`).
    pub unit: String,
    /// The petition.
    #[serde(flatten)]
    pub feedback: Feedback,
}

fn ratio(numerator: u64, denominator: u64) -> Ratio {
    Ratio {
        numerator: numerator.min(denominator),
        denominator,
    }
}

impl IndexInputs {
    /// 1.1 published on time, 1.2 made public on time, 1.3 published in
    /// full, over the publications given, each with who published it.
    pub fn add_publications(
        &mut self,
        calendar: &Calendar,
        items: &[(Publisher, &Publication)],
    ) -> Result<()> {
        let (mut n, mut on_time, mut public_on_time, mut full) = (0, 0, 0, 0);
        for &(publisher, p) in items {
            let (before, public_within) = match publisher {
                Publisher::Ministry => (20, 10),
                Publisher::Province => (5, 5),
            };
            let latest = calendar.add_working_days(p.legal_basis_effective, -before)?;
            on_time += u64::from(p.decision_date <= latest);
            if let Some(public) = p.made_public {
                let deadline = calendar.add_working_days(p.decision_date, public_within)?;
                public_on_time += u64::from(public <= deadline);
            }
            full += u64::from(p.full_content);
            n += 1;
        }
        self.set(inputs::PUBLISHED_ON_TIME, ratio(on_time, n))?;
        self.set(inputs::PUBLIC_ON_TIME, ratio(public_on_time, n))?;
        self.set(inputs::PUBLISHED_IN_FULL, ratio(full, n))
    }

    /// The inputs a unit's own procedure catalog gives: its publications
    /// (1.1–1.3, those the catalog records), fee-bearing procedures paid
    /// on the national portal (`FEE_PROCEDURES_ON_PORTAL`) and with an
    /// online payment in the period (`FEE_PROCEDURES_PAID_ONLINE`, from
    /// `paid_online`, the sorted codes of the procedures whose dossiers
    /// were paid online; not measured when `None`, unknown), procedures
    /// connected to population data.
    ///
    /// `procedures` are the unit's ([`crate::unit::Unit::implements`]).
    pub fn add_procedures<'a>(
        &mut self,
        calendar: &Calendar,
        procedures: impl IntoIterator<Item = &'a Procedure> + Clone,
        paid_online: Option<&[String]>,
    ) -> Result<()> {
        let publications: Vec<_> = procedures
            .clone()
            .into_iter()
            .filter_map(|p| {
                p.publication
                    .as_ref()
                    .map(|publication| (Publisher::of(p.level), publication))
            })
            .collect();
        // Publications the catalog does not record are not measured.
        if !publications.is_empty() {
            self.add_publications(calendar, &publications)?;
        }
        let (mut all, mut connected, mut fee_bearing, mut on_portal, mut paid) = (0, 0, 0, 0, 0);
        for p in procedures {
            all += 1;
            connected += u64::from(p.population_data);
            if p.has_fees() {
                fee_bearing += 1;
                on_portal += u64::from(p.payment_on_portal);
                paid += u64::from(
                    paid_online.is_some_and(|codes| codes.binary_search(&p.code).is_ok()),
                );
            }
        }
        self.set(inputs::PAYMENT_INTEGRATED, ratio(on_portal, fee_bearing))?;
        if paid_online.is_some() {
            self.set(inputs::PROCEDURES_PAID_ONLINE, ratio(paid, fee_bearing))?;
        }
        self.set(inputs::PROCEDURES_POPULATION_DATA, ratio(connected, all))
    }

    /// 5.1 feedback handled on time (within 15 working days; an open one
    /// counts late once `as_of` is past that) and 5.2 satisfaction with
    /// feedback handling (not unsatisfied, not late, not complained again).
    pub fn add_feedback(
        &mut self,
        calendar: &Calendar,
        items: &[Feedback],
        as_of: NaiveDateTime,
    ) -> Result<()> {
        let limit = calendar.working_duration(15.0, 0.0, 0.0)?;
        let (mut on_time, mut satisfied) = (0, 0);
        for f in items {
            let deadline = calendar.add_working_time(f.received_at, limit)?;
            let timely = f.handled_at.map_or(as_of <= deadline, |h| h <= deadline);
            on_time += u64::from(timely);
            satisfied += u64::from(timely && !f.unsatisfied && !f.complained_again);
        }
        let n = items.len() as u64;
        self.set(inputs::FEEDBACK_ON_TIME, ratio(on_time, n))?;
        self.set(inputs::FEEDBACK_SATISFACTION, ratio(satisfied, n))
    }
}

/// All typed inputs of a unit and period in one JSON document, for callers
/// in other runtimes: `{"publisher": "province", "publications": [...],
/// "feedback": [...], "feedback_as_of": "2026-09-30T23:59"}`; every part
/// is optional. The dossier-based inputs come from the dossiers' facts
/// ([`crate::dossier::Fact`]), the catalog-based ones from the procedures
/// ([`IndexInputs::add_procedures`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TypedInputs {
    /// Who publishes the procedures.
    pub publisher: Option<Publisher>,
    /// Procedure publications.
    pub publications: Option<Vec<Publication>>,
    /// Citizen feedback.
    pub feedback: Option<Vec<Feedback>>,
    /// When open feedback is judged.
    #[serde(serialize_with = "iso::instant_opt::serialize")]
    pub feedback_as_of: Option<NaiveDateTime>,
}

impl TypedInputs {
    /// Adds every part present to `inputs`.
    pub fn apply(&self, calendar: &Calendar, inputs: &mut IndexInputs) -> Result<()> {
        if let Some(items) = &self.publications {
            let publisher = self.publisher.unwrap_or(Publisher::Province);
            let items: Vec<_> = items.iter().map(|p| (publisher, p)).collect();
            inputs.add_publications(calendar, &items)?;
        }
        if let Some(items) = &self.feedback {
            let as_of = self
                .feedback_as_of
                .or_else(|| {
                    items
                        .iter()
                        .filter_map(|f| f.handled_at.max(Some(f.received_at)))
                        .max()
                })
                .unwrap_or_default();
            inputs.add_feedback(calendar, items, as_of)?;
        }
        Ok(())
    }
}
