//! The national service index of Decision 766/QĐ-TTg (2022): indicators,
//! points, ranking and what-if.
//!
//! The decision publishes the groups' maxima only in part (transparency 18,
//! progress 20, satisfaction 18; online services 12 + online payment 10 and
//! digitisation 22 are likely) and not the points of each indicator. So the
//! methodology is data: a versioned table of indicators (inputs, maximum
//! points, threshold), with the best-known default of [`Methodology::default_766`]
//! documented as such and replaceable at run time from JSON.
//!
//! Scoring rule of every indicator: ratio = numerator ÷ denominator (in
//! percent); full points at or above the threshold, proportional below it
//! (points = max × ratio ÷ threshold). An indicator whose input is missing,
//! or whose denominator is 0, is **not measured**: reported as such, never
//! as zero.

mod methodology;
mod typed;

use litemap::LiteMap;

use serde::{Deserialize, Serialize};

pub use methodology::{IndicatorSpec, Methodology};
pub use typed::{DossierFlags, Feedback, Publication, Publisher, TypedInputs};

use crate::dossier::{judge, Granularity, Timeliness};
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

    /// In percent, `None` for a zero denominator.
    pub fn percent(&self) -> Option<f64> {
        (self.denominator > 0).then(|| 100.0 * self.numerator as f64 / self.denominator as f64)
    }
}

/// The inputs of the index for one unit and period, by input name (the
/// `input` of each [`IndicatorSpec`]). Dossier-based inputs come from
/// [`IndexInputs::add_dossiers`]; the others (publication, satisfaction,
/// feedback, digitisation, online payments) are set by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IndexInputs {
    /// The ratios by input name (a map sorted by name).
    pub ratios: LiteMap<String, Ratio>,
}

/// Input names computed from dossiers.
pub mod inputs {
    /// 2.1: dossiers resolved on time (by instant) or in progress within
    /// time, over dossiers received or processed in the period; more than
    /// one supplement request counts late.
    pub const ON_TIME: &str = "dossiers_on_time";
    /// 3.3: dossiers received online over dossiers received in the period.
    pub const ONLINE: &str = "dossiers_online";
}

impl IndexInputs {
    /// Empty inputs.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets an input; errors when the numerator exceeds the denominator.
    pub fn set(&mut self, input: &str, ratio: Ratio) -> Result<()> {
        ratio.check(input)?;
        self.ratios.insert(input.to_owned(), ratio);
        Ok(())
    }

    /// Adds the dossier-based inputs of a period's report counts.
    ///
    /// `on_time` is 2.1's numerator by instant (the index's granularity),
    /// from [`IndexCounter`].
    pub fn add_dossiers(&mut self, counter: &IndexCounter) {
        let mut add = |name: &str, numerator: u64, denominator: u64| {
            let entry = self.ratios.entry(name.into()).or_default();
            entry.denominator = entry.denominator.saturating_add(denominator);
            entry.numerator = entry
                .numerator
                .saturating_add(numerator)
                .min(entry.denominator);
        };
        add(inputs::ON_TIME, counter.on_time, counter.processed);
        add(
            inputs::ONLINE,
            counter.received_online,
            counter.received_in_period,
        );
    }
}

/// Streams dossier records into the dossier-based inputs of the index
/// (constant memory).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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
}

impl IndexCounter {
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
        let on_time = judge(judged_at, record.due_at, Granularity::Instant) != Timeliness::Late;
        if on_time && !repeated_supplements {
            self.on_time += 1;
        }
    }
}

/// A period's II.06a report and the dossier-based index inputs, gathered
/// in one pass over the dossiers (what the bindings and the main job use).
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodSummary {
    /// The report.
    pub report: crate::report::PeriodReport,
    /// The index counter.
    pub counter: IndexCounter,
}

impl PeriodSummary {
    /// An empty summary.
    pub fn new(period: crate::report::Period, group_by: crate::report::GroupBy) -> Self {
        Self {
            report: crate::report::PeriodReport::new(period, group_by),
            counter: IndexCounter::default(),
        }
    }

    /// Adds a dossier to both.
    pub fn add(&mut self, dossier: &crate::dossier::Dossier) -> Result<crate::report::Added> {
        let (added, record) = self.report.add_with_record(dossier)?;
        if let (crate::report::Added::Counted(counts), Some(record)) = (added, record) {
            self.counter.add(&counts, &record, self.report.period.end());
        }
        Ok(added)
    }

    /// Adds a record under a group key to both.
    pub fn add_record(&mut self, key: &str, record: &ReportRecord) -> crate::report::Added {
        let added = self.report.add_record(key, record);
        if let crate::report::Added::Counted(counts) = added {
            self.counter.add(&counts, record, self.report.period.end());
        }
        added
    }

    /// The index inputs: the dossier-based ones, plus the typed ones given.
    pub fn index_inputs(
        &self,
        typed: Option<&TypedInputs>,
        calendar: &crate::calendar::Calendar,
    ) -> Result<IndexInputs> {
        let mut inputs = IndexInputs::new();
        inputs.add_dossiers(&self.counter);
        if let Some(typed) = typed {
            typed.apply(calendar, Some(&self.counter), &mut inputs)?;
        }
        Ok(inputs)
    }
}

/// The score of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorScore {
    /// Indicator id, e.g. `2.1`.
    pub id: String,
    /// Group.
    pub group: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// The input ratio, `None` when not measured.
    pub ratio: Option<Ratio>,
    /// Maximum points.
    pub max_points: f64,
    /// Points, `None` when not measured.
    pub points: Option<f64>,
    /// Points lost (max − points), `None` when not measured.
    pub points_lost: Option<f64>,
}

/// The score of a unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// The methodology's version.
    pub methodology: String,
    /// Every indicator.
    pub indicators: Vec<IndicatorScore>,
    /// Points of the measured indicators.
    pub total: f64,
    /// Maximum of the methodology (100 for Decision 766).
    pub max_total: f64,
    /// Maximum of the measured indicators.
    pub max_measured: f64,
}

impl Score {
    /// The measured indicators, most points lost first.
    pub fn biggest_losses(&self) -> Vec<&IndicatorScore> {
        let mut v: Vec<&IndicatorScore> = self
            .indicators
            .iter()
            .filter(|i| i.points.is_some())
            .collect();
        v.sort_by(|a, b| {
            b.points_lost
                .unwrap_or(0.0)
                .total_cmp(&a.points_lost.unwrap_or(0.0))
        });
        v
    }

    /// Ids of the indicators that were not measured.
    pub fn not_measured(&self) -> Vec<&str> {
        self.indicators
            .iter()
            .filter(|i| i.points.is_none())
            .map(|i| i.id.as_str())
            .collect()
    }
}

crate::labels::labelled! {
    /// What to add in a what-if question.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Lever: "lever" {
        /// Extra dossiers resolved on time (numerator and denominator of 2.1).
        OnTimeDossiers = "on_time_dossiers",
        /// Extra dossiers received online (numerator and denominator of 3.3).
        OnlineDossiers = "online_dossiers",
        /// Extra online payments among existing fee-bearing dossiers (numerator
        /// of `online_payments`, up to its denominator).
        OnlinePayments = "online_payments",
    }
}

impl Methodology {
    /// The score of a unit's inputs.
    pub fn score(&self, inputs: &IndexInputs) -> Score {
        let indicators: Vec<IndicatorScore> = self
            .indicators
            .iter()
            .map(|spec| {
                let ratio = inputs
                    .ratios
                    .get(&spec.input)
                    .copied()
                    .filter(|r| r.denominator > 0);
                let points = ratio
                    .and_then(|r| r.percent())
                    .map(|pct| spec.max_points * (pct / spec.threshold).min(1.0));
                IndicatorScore {
                    id: spec.id.clone(),
                    group: spec.group.clone(),
                    name_vi: spec.name_vi.clone(),
                    name_en: spec.name_en.clone(),
                    ratio,
                    max_points: spec.max_points,
                    points,
                    points_lost: points.map(|p| spec.max_points - p),
                }
            })
            .collect();
        Score {
            methodology: self.version.clone(),
            total: indicators.iter().filter_map(|i| i.points).sum(),
            max_measured: indicators
                .iter()
                .filter(|i| i.points.is_some())
                .map(|i| i.max_points)
                .sum(),
            max_total: self.total,
            indicators,
        }
    }

    /// Scores several units and ranks them by total, best first (ties keep
    /// the names' order). An indicator not measured adds nothing to a
    /// total, so compare units scored on the same kinds of inputs; each
    /// score carries `max_measured` to show it.
    pub fn rank<'a>(
        &self,
        units: impl IntoIterator<Item = (&'a str, &'a IndexInputs)>,
    ) -> Vec<(String, Score)> {
        let mut scored: Vec<(String, Score)> = units
            .into_iter()
            .map(|(name, inputs)| (name.to_owned(), self.score(inputs)))
            .collect();
        scored.sort_by(|a, b| b.1.total.total_cmp(&a.1.total).then_with(|| a.0.cmp(&b.0)));
        scored
    }

    /// The smallest number of extra dossiers (or payments) that brings the
    /// total to `target` points, `None` when no number can.
    pub fn what_if(&self, inputs: &IndexInputs, lever: Lever, target: f64) -> Option<u64> {
        if !target.is_finite() {
            return None;
        }
        let with = |k: u64| -> f64 {
            let mut changed = inputs.clone();
            let (input, both) = match lever {
                Lever::OnTimeDossiers => (inputs::ON_TIME, true),
                Lever::OnlineDossiers => (inputs::ONLINE, true),
                Lever::OnlinePayments => ("online_payments", false),
            };
            let r = changed.ratios.entry(input.into()).or_default();
            if both {
                r.numerator = r.numerator.saturating_add(k);
                r.denominator = r.denominator.saturating_add(k);
            } else {
                r.numerator = r.numerator.saturating_add(k).min(r.denominator);
            }
            self.score(&changed).total
        };
        // Rounding of a sum of ~20 terms near 100 stays far below this; a
        // target that is only approached (full points on a 100 % threshold
        // with dossiers added to both sides) needs more than 2^40 dossiers
        // to get this close, and is reported as out of reach.
        const EPSILON: f64 = 1e-12;
        if with(0) + EPSILON >= target {
            return Some(0);
        }
        if with(1 << 40) + EPSILON < target {
            return None;
        }
        // The total grows with k and is bounded; find an upper bound, then
        // the smallest k by bisection.
        let mut high = 1u64;
        while with(high) + EPSILON < target {
            if high > 1 << 40 {
                return None;
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
        Some(high)
    }
}
