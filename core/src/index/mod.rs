//! The national service index of Decision 766/QĐ-TTg: indicators, groups,
//! points, ranking and what-if.
//!
//! The decision does not publish the points of each indicator, and the
//! national portal scores by rules of its own. So the methodology is data:
//! a versioned table of groups and indicators (input, maximum points,
//! threshold, what an empty denominator scores). The default,
//! [`Methodology::default_766`], is the portal's scoring fitted to its
//! published points ([`Methodology::dvcqg_2026_10`]); any table loads from
//! JSON.
//!
//! Scoring rule of every indicator: ratio = numerator ÷ denominator;
//! full points at or above the threshold, proportional below it (points =
//! max × ratio ÷ threshold), rounded to hundredths half up, as the portal
//! rounds. A group is the sum of its indicators' points, the total the sum
//! of the groups. A zero denominator scores by the indicator's [`IfEmpty`];
//! an input that was not given is **not measured**: reported as such,
//! never as zero.

mod dvcqg;
mod input_map;
mod methodology;
mod score;
mod scorecard;
mod typed;

use serde::{Deserialize, Serialize};

pub use dvcqg::DvcqgUnit;
pub use input_map::IndexInputs;
pub(crate) use methodology::dvcqg_metric_input;
pub use methodology::{GroupSpec, IfEmpty, IndicatorSpec, Methodology};
pub use score::{GroupScore, IndicatorScore, Score};
pub use scorecard::{Action, Scorecard, ScorecardLine, ScorecardRow, UnitInputs};
pub use typed::{Feedback, Petition, Publication, Publisher, TypedInputs};

use crate::dossier::{judge, Fact, Facts, Granularity, Timeliness};
use crate::error::{Error, ErrorKind, Result};
use crate::report::{Counts, ReportRecord};

/// A numerator over a denominator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    /// What met the criterion.
    pub numerator: u64,
    /// What was counted.
    pub denominator: u64,
}

impl Ratio {
    /// A ratio; errors when the numerator exceeds the denominator (more
    /// on-time dossiers than dossiers, …).
    pub fn new(numerator: u64, denominator: u64) -> Result<Self> {
        let r = Self {
            numerator,
            denominator,
        };
        r.check("ratio")?;
        Ok(r)
    }

    fn check(&self, input: &str) -> Result<()> {
        if self.numerator > self.denominator {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "{input}: numerator {} exceeds denominator {}",
                    self.numerator, self.denominator
                ),
            ));
        }
        Ok(())
    }

    /// A percentage published with two decimals (the portal's `ONLINE`
    /// figure), as hundredths of a percent over 10,000; errors outside
    /// 0–100 or with finer digits.
    pub fn from_percent(percent: f64) -> Result<Self> {
        match methodology::hundredths(percent) {
            Some(h) if h <= 10_000 => Ok(Self {
                numerator: h,
                denominator: 10_000,
            }),
            _ => Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "percentage {} must be in 0–100 with at most two decimals",
                    crate::decimal::Decimal(percent)
                ),
            )),
        }
    }

    /// In percent, `None` for a zero denominator.
    pub fn percent(&self) -> Option<f64> {
        (self.denominator > 0).then(|| 100.0 * self.numerator as f64 / self.denominator as f64)
    }
}

/// The names of the index inputs motcua knows, each a numerator over a
/// denominator. A methodology from JSON may read other names too; a name
/// that neither knows is an error when scoring.
pub mod inputs {
    /// Dossiers resolved on time (by instant) or in progress within time,
    /// over dossiers received or processed in the period; more than one
    /// supplement request counts late (from dossiers).
    pub const ON_TIME: &str = "dossiers_on_time";
    /// Dossiers received online over dossiers received in the period (from
    /// dossiers).
    pub const ONLINE: &str = "dossiers_online";
    /// Procedures whose publication decision came on time.
    pub const PUBLISHED_ON_TIME: &str = "procedures_published_on_time";
    /// Procedures updated and made public on the national database on time.
    pub const PUBLIC_ON_TIME: &str = "procedures_public_on_time";
    /// Procedures published with every component.
    pub const PUBLISHED_IN_FULL: &str = "procedures_published_in_full";
    /// Dossiers synced to the national portal.
    pub const SYNCED: &str = "dossiers_synced";
    /// The portal's online-service figure, published as one percentage;
    /// from a center's own data, the share of dossiers received online
    /// (policy `online_service_from_online_share`).
    pub const ONLINE_SERVICE: &str = "online_service";
    /// Procedures with an online service (2022 table).
    pub const PROCEDURES_ONLINE: &str = "procedures_online";
    /// Online services that received dossiers (2022 table).
    pub const ONLINE_SERVICES_USED: &str = "online_services_used";
    /// Dossiers paid online over dossiers with a financial obligation.
    pub const ONLINE_PAYMENTS: &str = "online_payments";
    /// Fee-bearing procedures offered with payment on the national portal.
    pub const PAYMENT_INTEGRATED: &str = "procedures_payment_integrated";
    /// Fee-bearing procedures with dossiers that had an online payment.
    pub const PROCEDURES_PAID_ONLINE: &str = "procedures_paid_online";
    /// Dossiers with an electronic result.
    pub const ELECTRONIC_RESULTS: &str = "electronic_results";
    /// Dossiers digitised.
    pub const DIGITISED: &str = "dossiers_digitised";
    /// Dossiers reusing digitised data.
    pub const REUSED: &str = "digitised_data_reused";
    /// Digitised dossiers shared for reuse (the citizen's data store).
    pub const SHARED: &str = "digitised_data_shared";
    /// Dossiers using population data (VNeID).
    pub const POPULATION_DATA: &str = "population_data_used";
    /// Procedures connected to the population database.
    pub const PROCEDURES_POPULATION_DATA: &str = "procedures_population_data";
    /// Electronic certified copies offered over those requested.
    pub const CERTIFIED_COPIES: &str = "electronic_certified_copies";
    /// Satisfaction with procedures.
    pub const PROCEDURE_SATISFACTION: &str = "procedure_satisfaction";
    /// Petitions (PAKN) handled on time.
    pub const FEEDBACK_ON_TIME: &str = "feedback_on_time";
    /// Satisfaction with petition handling.
    pub const FEEDBACK_SATISFACTION: &str = "feedback_satisfaction";

    /// Every name above, sorted (scoring checks names by binary search).
    pub const ALL: &[&str] = &[
        REUSED,
        SHARED,
        DIGITISED,
        ON_TIME,
        ONLINE,
        SYNCED,
        CERTIFIED_COPIES,
        ELECTRONIC_RESULTS,
        FEEDBACK_ON_TIME,
        FEEDBACK_SATISFACTION,
        ONLINE_PAYMENTS,
        ONLINE_SERVICE,
        ONLINE_SERVICES_USED,
        POPULATION_DATA,
        PROCEDURE_SATISFACTION,
        PROCEDURES_ONLINE,
        PROCEDURES_PAID_ONLINE,
        PAYMENT_INTEGRATED,
        PROCEDURES_POPULATION_DATA,
        PUBLIC_ON_TIME,
        PUBLISHED_IN_FULL,
        PUBLISHED_ON_TIME,
    ];
}

impl IndexInputs {
    /// Adds the dossier-based inputs of a period's counter: 2.1 on time
    /// (by instant, the index's granularity) and the online share; then,
    /// when the dossiers carry facts, every fact-based indicator over the
    /// dossiers that carry them ([`crate::dossier::Fact`] names each one's
    /// indicator).
    ///
    /// Policy `online_service_from_online_share`: the portal publishes its
    /// online-service figure (`ONLINE`) as one percentage and not how it
    /// computes it; from a center's own data it is measured as the share
    /// of dossiers received online.
    pub fn add_dossiers(&mut self, counter: &IndexCounter) {
        let mut add = |name: &str, numerator: u64, denominator: u64| {
            let entry = self.entry(name);
            entry.denominator = entry.denominator.saturating_add(denominator);
            entry.numerator = entry
                .numerator
                .saturating_add(numerator)
                .min(entry.denominator);
        };
        add(inputs::ON_TIME, counter.on_time, counter.processed);
        for name in [inputs::ONLINE, inputs::ONLINE_SERVICE] {
            add(name, counter.received_online, counter.received_in_period);
        }
        let n = counter.with_facts();
        if n == 0 {
            return;
        }
        for (fact, name) in [
            (Fact::Synced, inputs::SYNCED),
            (Fact::ElectronicResult, inputs::ELECTRONIC_RESULTS),
            (Fact::Digitised, inputs::DIGITISED),
            (Fact::Reused, inputs::REUSED),
            (Fact::Shared, inputs::SHARED),
            (Fact::PopulationData, inputs::POPULATION_DATA),
        ] {
            add(name, counter.with(fact), n);
        }
        add(
            inputs::ONLINE_PAYMENTS,
            counter.with_all(&[Fact::FeeBearing, Fact::PaidOnline]),
            counter.with(Fact::FeeBearing),
        );
        add(
            inputs::CERTIFIED_COPIES,
            counter.with_all(&[Fact::CertifiedCopy, Fact::ElectronicResult]),
            counter.with(Fact::CertifiedCopy),
        );
        add(inputs::PROCEDURE_SATISFACTION, counter.satisfied(), n);
    }
}

/// Streams dossier records into the dossier-based inputs of the index
/// (constant memory).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexCounter {
    /// Dossiers received or processed in the period (resolved in it, or
    /// in progress at its end).
    pub processed: u64,
    /// Of those, resolved on time by instant or in progress within time.
    pub on_time: u64,
    /// Received online in the period.
    pub received_online: u64,
    /// Received in the period.
    pub received_in_period: u64,
    /// The processed dossiers with facts, by their facts and timeliness.
    kinds: FactKinds,
}

/// How many processed dossiers have each combination of facts and of
/// "counted on time": one addition per dossier in the report pass, where
/// counting each fact apart cost a third of its speed; the per-fact
/// figures are sums over the combinations, taken once at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FactKinds(Box<[u64; FactKinds::LEN]>);

impl FactKinds {
    /// One bit per fact, and one for "on time".
    const ON_TIME: usize = 1 << Fact::ALL.len();
    const LEN: usize = 2 * Self::ON_TIME;

    /// The number of dossiers whose combination satisfies `keep`.
    fn count(&self, keep: impl Fn(Facts, bool) -> bool) -> u64 {
        self.0
            .iter()
            .enumerate()
            .filter(|&(kind, &n)| {
                n > 0
                    && keep(
                        Facts::from_bits(kind & (Self::ON_TIME - 1)),
                        kind >= Self::ON_TIME,
                    )
            })
            .map(|(_, &n)| n)
            .sum()
    }
}

/// The combinations that occur, as `[[combination, count], …]`: a few of
/// the 2,048 in practice.
impl Serialize for FactKinds {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().enumerate().filter(|(_, &n)| n > 0))
    }
}

/// What it writes; a combination out of range is an error.
impl<'de> serde::Deserialize<'de> for FactKinds {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let mut kinds = FactKinds::default();
        for (kind, n) in Vec::<(usize, u64)>::deserialize(d)? {
            let slot = kinds.0.get_mut(kind).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "fact combination {kind} is out of range (0 to {})",
                    Self::LEN - 1
                ))
            })?;
            *slot = slot.saturating_add(n);
        }
        Ok(kinds)
    }
}

impl Default for FactKinds {
    fn default() -> Self {
        Self(Box::new([0; Self::LEN]))
    }
}

impl IndexCounter {
    /// Of the processed dossiers, those whose facts are recorded: the
    /// denominator of the fact-based indicators.
    pub fn with_facts(&self) -> u64 {
        self.kinds.count(|_, _| true)
    }

    /// How many of the dossiers with facts have `fact`.
    pub fn with(&self, fact: Fact) -> u64 {
        self.kinds.count(|facts, _| facts.contains(fact))
    }

    /// How many of the dossiers with facts have every fact of `all`.
    pub fn with_all(&self, all: &[Fact]) -> u64 {
        self.kinds
            .count(|facts, _| all.iter().all(|&f| facts.contains(f)))
    }

    /// Counted on time (as in `on_time`) and without a complaint: the
    /// portal's satisfaction with procedures (`DOSSIER_RECEIVING_
    /// SATISFACTION`), which it computes as on time less complaints.
    pub fn satisfied(&self) -> u64 {
        self.kinds
            .count(|facts, on_time| on_time && !facts.contains(Fact::Complaint))
    }

    /// Adds the counts of `other`, gathered over other dossiers of the
    /// same period: counting two parts and merging them counts the whole.
    pub fn merge(&mut self, other: &IndexCounter) {
        self.processed = self.processed.saturating_add(other.processed);
        self.on_time = self.on_time.saturating_add(other.on_time);
        self.received_online = self.received_online.saturating_add(other.received_online);
        self.received_in_period = self
            .received_in_period
            .saturating_add(other.received_in_period);
        for (mine, theirs) in self.kinds.0.iter_mut().zip(other.kinds.0.iter()) {
            *mine = mine.saturating_add(*theirs);
        }
    }

    /// Counts one record, with the report counts it got from
    /// [`crate::report::PeriodReport::add_record`] (so both stream in one
    /// pass).
    pub fn add(
        &mut self,
        counts: &Counts,
        record: &ReportRecord,
        period_end: chrono::NaiveDateTime,
    ) {
        let processed = counts.resolved + counts.in_progress;
        self.processed = self.processed.saturating_add(processed);
        self.received_online = self.received_online.saturating_add(counts.received_online);
        self.received_in_period = self
            .received_in_period
            .saturating_add(counts.received_online + counts.received_direct_postal);
        if processed == 0 {
            return;
        }
        let repeated_supplements = record.supplement_requests > 1;
        // By instant, as the index counts: a resolved dossier by its end, one
        // in progress by the end of the period.
        let judged_at = match record.ended_at {
            Some(end) if counts.resolved > 0 => end,
            _ => period_end,
        };
        let on_time = judge(judged_at, record.due_at, Granularity::Instant) != Timeliness::Late
            && !repeated_supplements;
        self.on_time += u64::from(on_time);
        if let Some(facts) = record.facts {
            let kind = usize::from(facts.bits()) | (usize::from(on_time) * FactKinds::ON_TIME);
            self.kinds.0[kind] += 1;
        }
    }
}

/// A period's II.06a report and the dossier-based index inputs, gathered
/// in one pass over the dossiers (what the bindings and the main job use).
/// Its JSON reads back, so that summaries of partitions travel between
/// processes and [merge](Self::merge).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodSummary {
    /// The report.
    pub report: crate::report::PeriodReport,
    /// The index counter.
    pub counter: IndexCounter,
    /// The codes of the fee-bearing procedures with a dossier paid online
    /// (`FEE_PROCEDURES_PAID_ONLINE`), sorted: a sorted list, whose code
    /// the WASM module already has, where a `BTreeSet` of strings cost 4 KB
    /// there. `None` until a dossier with facts is added: records name no
    /// procedure, so a stream of records alone leaves it not measured.
    pub paid_online: Option<Vec<String>>,
}

impl PeriodSummary {
    /// An empty summary.
    pub fn new(period: crate::report::Period, group_by: crate::report::GroupBy) -> Self {
        Self {
            report: crate::report::PeriodReport::new(period, group_by),
            counter: IndexCounter::default(),
            paid_online: None,
        }
    }

    /// Adds a dossier to both.
    pub fn add(&mut self, dossier: &crate::dossier::Dossier) -> Result<crate::report::Added> {
        let (added, record) = self.report.add_with_record(dossier)?;
        if let (crate::report::Added::Counted(counts), Some(record)) = (added, record) {
            self.counter.add(&counts, &record, self.report.period.end());
            if let Some(facts) = record.facts {
                let paid = self.paid_online.get_or_insert_with(Vec::new);
                let code = &dossier.procedure().code;
                if facts.contains(Fact::FeeBearing) && facts.contains(Fact::PaidOnline) {
                    if let Err(at) = paid.binary_search(code) {
                        paid.insert(at, code.clone());
                    }
                }
            }
        }
        Ok(added)
    }

    /// Adds `other`, a summary of other dossiers of the same period and
    /// grouping (another partition of the data): merging is associative
    /// and commutative, and merging the summaries of the parts gives the
    /// summary of the whole. Errors, changing nothing, when the periods or
    /// the groupings differ ([`crate::report::PeriodReport::merge`]).
    pub fn merge(&mut self, other: &PeriodSummary) -> Result<()> {
        self.report.merge(&other.report)?;
        self.counter.merge(&other.counter);
        if let Some(theirs) = &other.paid_online {
            let mine = self.paid_online.get_or_insert_with(Vec::new);
            mine.extend(theirs.iter().cloned());
            mine.sort_unstable();
            mine.dedup();
        }
        Ok(())
    }

    /// Adds a record under a group key to both.
    pub fn add_record(&mut self, key: &str, record: &ReportRecord) -> crate::report::Added {
        let added = self.report.add_record(key, record);
        self.count(added, record)
    }

    /// [`PeriodSummary::add_record`] for coded group labels: the report's
    /// rows are counted in `rows` ([`crate::report::PeriodReport::add_coded_record`]).
    pub fn add_coded_record(
        &mut self,
        rows: &mut crate::report::CodedRows,
        code: u32,
        record: &ReportRecord,
    ) -> crate::report::Added {
        let added = self.report.add_coded_record(rows, code, record);
        self.count(added, record)
    }

    /// Counts a record the report counted into the index counter.
    fn count(
        &mut self,
        added: crate::report::Added,
        record: &ReportRecord,
    ) -> crate::report::Added {
        if let crate::report::Added::Counted(counts) = added {
            self.counter.add(&counts, record, self.report.period.end());
        }
        added
    }

    /// The index inputs: the dossier-based ones, those of the unit's
    /// `procedures` when given ([`IndexInputs::add_procedures`]), and the
    /// typed ones given (publications, petitions).
    pub fn index_inputs(
        &self,
        typed: Option<&TypedInputs>,
        procedures: Option<&[&crate::procedure::Procedure]>,
        calendar: &crate::calendar::Calendar,
    ) -> Result<IndexInputs> {
        let mut inputs = IndexInputs::new();
        inputs.add_dossiers(&self.counter);
        if let Some(procedures) = procedures {
            inputs.add_procedures(
                calendar,
                procedures.iter().copied(),
                self.paid_online.as_deref(),
            )?;
        }
        if let Some(typed) = typed {
            typed.apply(calendar, &mut inputs)?;
        }
        Ok(inputs)
    }
}

crate::labels::labelled! {
    /// What to add in a what-if question, named as the input it adds to
    /// ([`Lever::input`]), so a lever and the figure it moves read alike.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Lever: "lever" {
        /// Extra dossiers resolved on time (numerator and denominator of 2.1).
        DossiersOnTime = "dossiers_on_time",
        /// Extra dossiers received online (numerator and denominator of 3.3).
        DossiersOnline = "dossiers_online",
        /// Extra online payments among existing fee-bearing dossiers (numerator
        /// of `online_payments`, up to its denominator).
        OnlinePayments = "online_payments",
    }
}

impl Lever {
    /// The input this lever adds to, and whether it adds to both of its
    /// terms (extra dossiers) or to the numerator only (payments among the
    /// dossiers already counted).
    fn moves(self) -> (&'static str, bool) {
        match self {
            Lever::DossiersOnTime => (inputs::ON_TIME, true),
            Lever::DossiersOnline => (inputs::ONLINE, true),
            Lever::OnlinePayments => (inputs::ONLINE_PAYMENTS, false),
        }
    }

    /// The name of the input this lever adds to: its own label.
    pub fn input(self) -> &'static str {
        self.moves().0
    }
}

impl Methodology {
    /// The smallest number of extra dossiers (or payments) that brings the
    /// total to `target` points, `None` when no number can. Errors as
    /// [`Methodology::score`] does.
    pub fn what_if(&self, inputs: &IndexInputs, lever: Lever, target: f64) -> Result<Option<u64>> {
        let plan = self.plan()?;
        plan.score(inputs)?;
        if !target.is_finite() {
            return Ok(None);
        }
        let with = |k: u64| -> f64 {
            let mut changed = inputs.clone();
            let (input, both) = lever.moves();
            let r = changed.entry(input);
            if both {
                r.numerator = r.numerator.saturating_add(k);
                r.denominator = r.denominator.saturating_add(k);
            } else {
                r.numerator = r.numerator.saturating_add(k).min(r.denominator);
            }
            plan.score(&changed).map_or(0.0, |s| s.total())
        };
        // Totals are whole hundredths, shown as f64: a target between
        // two of them is met by the upper one.
        const EPSILON: f64 = 1e-9;
        if with(0) + EPSILON >= target {
            return Ok(Some(0));
        }
        if with(1 << 40) + EPSILON < target {
            return Ok(None);
        }
        // The total grows with k and is bounded; find an upper bound, then
        // the smallest k by bisection.
        let mut high = 1u64;
        while with(high) + EPSILON < target {
            if high > 1 << 40 {
                return Ok(None);
            }
            high *= 2;
        }
        let mut low = high / 2;
        while low + 1 < high {
            let mid = low + (high - low) / 2;
            if with(mid) + EPSILON >= target {
                high = mid;
            } else {
                low = mid;
            }
        }
        Ok(Some(high))
    }
}
