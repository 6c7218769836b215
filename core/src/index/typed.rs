//! Typed inputs of the indicators that dossiers alone do not give:
//! procedure publications (group 1), online payments and digitisation
//! flags (groups 3 and 4), citizen feedback and satisfaction (group 5).
//! Each turns records into the ratio of its indicator, by the rules of
//! `domain-rules.md` §5.3.

use chrono::{NaiveDate, NaiveDateTime};

use crate::calendar::iso;
use serde::Serialize;

use super::{inputs, IndexCounter, IndexInputs, Ratio};
use crate::calendar::Calendar;
use crate::error::Result;

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

/// The publication of one procedure in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publication {
    /// Date the legal basis takes effect.
    #[serde(serialize_with = "iso::date::serialize")]
    pub legal_basis_effective: NaiveDate,
    /// Date of the publication decision.
    #[serde(serialize_with = "iso::date::serialize")]
    pub decision_date: NaiveDate,
    /// Date it was made public on the national database, if it was.
    #[serde(serialize_with = "iso::date_opt::serialize")]
    pub made_public: Option<NaiveDate>,
    /// Whether all components of ND 63/2010 Art. 8(2) are published.
    pub full_content: bool,
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

/// The flags of one dossier for the digitisation and payment indicators.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DossierFlags {
    /// Its procedure requires a written result.
    pub written_result_required: bool,
    /// The result was issued electronically.
    pub electronic_result: bool,
    /// Components were digitised.
    pub digitised: bool,
    /// Digitised data was reused.
    pub reused: bool,
    /// Components came from, or the result went to, the citizen's data store.
    pub shared: bool,
    /// Population data or VNeID was used.
    pub population_data: bool,
    /// Its procedure has fees above zero.
    pub has_fees: bool,
    /// Paid online (national portal or local gateway).
    pub paid_online: bool,
}

fn ratio(numerator: u64, denominator: u64) -> Ratio {
    Ratio {
        numerator: numerator.min(denominator),
        denominator,
    }
}

impl IndexInputs {
    /// 1.1 published on time, 1.2 made public on time, 1.3 published in
    /// full.
    pub fn add_publications(
        &mut self,
        calendar: &Calendar,
        publisher: Publisher,
        items: &[Publication],
    ) -> Result<()> {
        let (before, public_within) = match publisher {
            Publisher::Ministry => (20, 10),
            Publisher::Province => (5, 5),
        };
        let (mut on_time, mut public_on_time, mut full) = (0, 0, 0);
        for p in items {
            let latest = calendar.add_working_days(p.legal_basis_effective, -before)?;
            on_time += u64::from(p.decision_date <= latest);
            if let Some(public) = p.made_public {
                let deadline = calendar.add_working_days(p.decision_date, public_within)?;
                public_on_time += u64::from(public <= deadline);
            }
            full += u64::from(p.full_content);
        }
        let n = items.len() as u64;
        self.set(inputs::PUBLISHED_ON_TIME, ratio(on_time, n))?;
        self.set(inputs::PUBLIC_ON_TIME, ratio(public_on_time, n))?;
        self.set(inputs::PUBLISHED_IN_FULL, ratio(full, n))
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

    /// 3.6 online payments (over fee-bearing dossiers), 4.1 electronic
    /// results (over those requiring a written result), 4.2 digitised with
    /// an electronic result, 4.3 reuse, 4.4 sharing, 4.5 population data.
    pub fn add_dossier_flags(&mut self, flags: &[DossierFlags]) -> Result<()> {
        let count =
            |f: &dyn Fn(&DossierFlags) -> bool| flags.iter().filter(|x| f(x)).count() as u64;
        let n = flags.len() as u64;
        self.set(
            inputs::ONLINE_PAYMENTS,
            ratio(
                count(&|x| x.has_fees && x.paid_online),
                count(&|x| x.has_fees),
            ),
        )?;
        self.set(
            inputs::ELECTRONIC_RESULTS,
            ratio(
                count(&|x| x.written_result_required && x.electronic_result),
                count(&|x| x.written_result_required),
            ),
        )?;
        self.set(
            inputs::DIGITISED,
            ratio(count(&|x| x.digitised && x.electronic_result), n),
        )?;
        self.set(inputs::REUSED, ratio(count(&|x| x.reused), n))?;
        self.set(inputs::SHARED, ratio(count(&|x| x.shared), n))?;
        self.set(
            inputs::POPULATION_DATA,
            ratio(count(&|x| x.population_data), n),
        )
    }

    /// 5.3 satisfaction with procedures: 100 % minus the overdue rate and
    /// the rate of dossiers with complaints or "dislike" ratings.
    pub fn add_procedure_satisfaction(
        &mut self,
        counter: &IndexCounter,
        complaints: u64,
    ) -> Result<()> {
        let overdue = counter.processed.saturating_sub(counter.on_time);
        let good = counter
            .processed
            .saturating_sub(overdue)
            .saturating_sub(complaints);
        self.set(
            inputs::PROCEDURE_SATISFACTION,
            ratio(good, counter.processed),
        )
    }
}

/// All typed inputs of a unit and period in one JSON document, for callers
/// in other runtimes: `{"publisher": "province", "publications": [...],
/// "feedback": [...], "feedback_as_of": "2026-09-30T23:59",
/// "dossier_flags": [...], "complaints": 3}`; every part is optional.
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
    /// Digitisation and payment flags of the dossiers.
    pub dossier_flags: Option<Vec<DossierFlags>>,
    /// Dossiers with complaints or "dislike" ratings (with the dossier
    /// counter, gives 5.3).
    pub complaints: Option<u64>,
}

impl TypedInputs {
    /// Adds every part present to `inputs`; 5.3 needs the dossier counter.
    pub fn apply(
        &self,
        calendar: &Calendar,
        counter: Option<&IndexCounter>,
        inputs: &mut IndexInputs,
    ) -> Result<()> {
        if let Some(items) = &self.publications {
            inputs.add_publications(
                calendar,
                self.publisher.unwrap_or(Publisher::Province),
                items,
            )?;
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
        if let Some(flags) = &self.dossier_flags {
            inputs.add_dossier_flags(flags)?;
        }
        if let (Some(complaints), Some(counter)) = (self.complaints, counter) {
            inputs.add_procedure_satisfaction(counter, complaints)?;
        }
        Ok(())
    }
}
