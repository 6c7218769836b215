//! A unit's score, and the prepared methodology that computes it.
//!
//! Ranking a province's units scores thousands of them at once, so a
//! [`Score`] is small: 24 bytes per indicator (its ratio and points) in one
//! allocation, beside one shared [`Plan`] that holds the specs, the rules
//! and the groups. Group points are summed when asked. Scoring and ranking
//! 10,000 units (`benches/report.rs`) took 66 ms with one search of the
//! input name per indicator and 26 ms with a merge of sorted names when
//! first measured; on a slower machine the merge took 46 ms and scores
//! holding one shared spec per indicator 25 to 32 ms, most of it writing
//! and freeing their 1.2 KB per unit. This layout, with motcua's own
//! inputs read from fixed slots ([`IndexInputs`]) and the ranked names
//! borrowed, not copied, takes 6.9 ms there. [`Score::indicators`] and
//! [`Score::groups`] give views that borrow the plan's specs.

use std::sync::Arc;

use serde::Serialize;

use super::{input_map, methodology, GroupSpec, IfEmpty, IndexInputs, IndicatorSpec, Ratio};
use super::{inputs, Methodology};
use crate::error::{Error, ErrorKind, Result};

/// The score of one indicator, borrowing its spec from the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndicatorScore<'a> {
    /// The indicator: id (e.g. `PUBLISH_ON_TIME`), group, names, maximum.
    pub spec: &'a IndicatorSpec,
    /// The input ratio, `None` when not given.
    pub ratio: Option<Ratio>,
    /// Points, `None` when not measured.
    pub points: Option<f64>,
    /// Points lost (max − points), `None` when not measured.
    pub points_lost: Option<f64>,
}

impl<'a> IndicatorScore<'a> {
    /// Its id, e.g. `PUBLISH_ON_TIME`.
    pub fn id(&self) -> &'a str {
        &self.spec.id
    }
}

/// Written flat: `id`, `group`, `name_vi`, `name_en`, `ratio`,
/// `max_points`, `points`, `points_lost`.
impl Serialize for IndicatorScore<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut o = s.serialize_struct("IndicatorScore", 8)?;
        o.serialize_field("id", &*self.spec.id)?;
        o.serialize_field("group", &*self.spec.group)?;
        o.serialize_field("name_vi", &*self.spec.name_vi)?;
        o.serialize_field("name_en", &*self.spec.name_en)?;
        o.serialize_field("ratio", &self.ratio)?;
        o.serialize_field("max_points", &self.spec.max_points)?;
        o.serialize_field("points", &self.points)?;
        o.serialize_field("points_lost", &self.points_lost)?;
        o.end()
    }
}

/// The score of one group, borrowing its spec from the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupScore<'a> {
    /// The group: code (e.g. `CKMB`), names, maximum.
    pub spec: &'a GroupSpec,
    /// Points of its measured indicators.
    pub points: f64,
    /// Maximum of its measured indicators.
    pub max_measured: f64,
}

impl<'a> GroupScore<'a> {
    /// Its code, e.g. `CKMB`.
    pub fn code(&self) -> &'a str {
        &self.spec.code
    }
}

/// Written flat: `code`, `name_vi`, `name_en`, `points`, `max_points`,
/// `max_measured`.
impl Serialize for GroupScore<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut o = s.serialize_struct("GroupScore", 6)?;
        o.serialize_field("code", &*self.spec.code)?;
        o.serialize_field("name_vi", &*self.spec.name_vi)?;
        o.serialize_field("name_en", &*self.spec.name_en)?;
        o.serialize_field("points", &self.points)?;
        o.serialize_field("max_points", &self.spec.max_points)?;
        o.serialize_field("max_measured", &self.max_measured)?;
        o.end()
    }
}

/// One indicator's result: its input and its points in hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Value {
    /// The input, meaningful when `given`.
    ratio: Ratio,
    /// Points in hundredths, [`Value::NOT_MEASURED`] when not measured
    /// (an indicator's maximum fits: see [`methodology::MAX_POINTS`]).
    points: u32,
    /// Whether the input was given.
    given: bool,
}

impl Value {
    const NOT_MEASURED: u32 = u32::MAX;

    fn ratio(&self) -> Option<Ratio> {
        self.given.then_some(self.ratio)
    }

    fn points(&self) -> Option<u64> {
        (self.points != Self::NOT_MEASURED).then_some(u64::from(self.points))
    }
}

/// The score of a unit: every indicator and group of its methodology, the
/// total and maxima.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    plan: Arc<Plan>,
    /// One per indicator, in the methodology's order.
    values: Box<[Value]>,
    /// Points of the measured indicators, in hundredths.
    total: u64,
    /// Maximum of the measured indicators, in hundredths.
    max_measured: u64,
}

/// Hundredths of a point as the `f64` every score shows.
fn points(hundredths: u64) -> f64 {
    hundredths as f64 / 100.0
}

impl Score {
    /// The methodology's version.
    pub fn methodology(&self) -> &str {
        &self.plan.version
    }

    /// Points of the measured indicators.
    pub fn total(&self) -> f64 {
        points(self.total)
    }

    /// The total in hundredths of a point, exactly.
    pub fn total_hundredths(&self) -> u64 {
        self.total
    }

    /// Maximum of the methodology (100 for Decision 766).
    pub fn max_total(&self) -> f64 {
        self.plan.total
    }

    /// Maximum of the measured indicators.
    pub fn max_measured(&self) -> f64 {
        points(self.max_measured)
    }

    /// Every indicator, in the methodology's order.
    pub fn indicators(&self) -> impl ExactSizeIterator<Item = IndicatorScore<'_>> + '_ {
        self.plan
            .indicators
            .iter()
            .zip(&self.plan.rules)
            .zip(self.values.iter())
            .map(|((spec, rule), value)| {
                let got = value.points();
                IndicatorScore {
                    spec,
                    ratio: value.ratio(),
                    points: got.map(points),
                    points_lost: got.map(|h| points(rule.max - h)),
                }
            })
    }

    /// The indicator `id`, `None` for an id the methodology lacks.
    pub fn indicator(&self, id: &str) -> Option<IndicatorScore<'_>> {
        self.indicators().find(|i| i.id() == id)
    }

    /// Every group, in the methodology's order.
    pub fn groups(&self) -> impl ExactSizeIterator<Item = GroupScore<'_>> + '_ {
        self.plan.groups.iter().enumerate().map(|(g, spec)| {
            let (mut got, mut max) = (0, 0);
            for ((value, rule), _) in self
                .values
                .iter()
                .zip(&self.plan.rules)
                .zip(&self.plan.group_of)
                .filter(|(_, &of)| of == g)
            {
                if let Some(h) = value.points() {
                    (got, max) = (got + h, max + rule.max);
                }
            }
            GroupScore {
                spec,
                points: points(got),
                max_measured: points(max),
            }
        })
    }

    /// The points of a group, `None` for a code the methodology lacks.
    pub fn group(&self, code: &str) -> Option<GroupScore<'_>> {
        self.groups().find(|g| g.code() == code)
    }

    /// The measured indicators that lost points, most lost first.
    pub fn biggest_losses(&self) -> Vec<IndicatorScore<'_>> {
        let mut v: Vec<IndicatorScore<'_>> = self
            .indicators()
            .filter(|i| i.points_lost.is_some_and(|lost| lost > 0.0))
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
        self.indicators()
            .filter(|i| i.points.is_none())
            .map(|i| i.id())
            .collect()
    }
}

/// Written as `methodology`, `groups`, `indicators`, `total`, `max_total`,
/// `max_measured`.
impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut o = s.serialize_struct("Score", 6)?;
        o.serialize_field("methodology", self.methodology())?;
        o.serialize_field("groups", &self.groups().collect::<Vec<_>>())?;
        o.serialize_field("indicators", &self.indicators().collect::<Vec<_>>())?;
        o.serialize_field("total", &self.total())?;
        o.serialize_field("max_total", &self.max_total())?;
        o.serialize_field("max_measured", &self.max_measured())?;
        o.end()
    }
}

/// An indicator's scoring rule in hundredths: its maximum and threshold
/// (whole hundredths once validated) and what an empty denominator scores;
/// taken once per methodology, not once per unit and indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rule {
    max: u64,
    threshold: u64,
    if_empty: IfEmpty,
}

impl Rule {
    /// The rule of `spec`; `None` for points or a threshold that are not
    /// whole hundredths (refused by validation).
    pub(super) fn of(spec: &IndicatorSpec) -> Option<Self> {
        Some(Self {
            max: methodology::hundredths(spec.max_points)?,
            threshold: methodology::hundredths(spec.threshold)?,
            if_empty: spec.if_empty,
        })
    }

    /// The maximum, in hundredths.
    pub(super) fn max(&self) -> u64 {
        self.max
    }

    /// The points of `ratio` in hundredths, exactly: `max × ratio ÷
    /// threshold` capped at `max`, rounded half up, in integers so that no
    /// binary rounding moves a half (`None` when not measured).
    pub(super) fn hundredths(&self, ratio: Option<Ratio>) -> Option<u64> {
        let (max, threshold) = (self.max, self.threshold);
        let ratio = ratio?;
        if ratio.denominator == 0 {
            return match self.if_empty {
                IfEmpty::NotMeasured => None,
                IfEmpty::FullPoints => Some(max),
                IfEmpty::NoPoints => Some(0),
            };
        }
        // points = max × (n ÷ d × 100) ÷ (threshold ÷ 100) ÷ 100, in
        // hundredths: max_h × n × 10,000 ÷ (d × threshold_h), half up. In
        // u64, exact up to some 10^11 dossiers (u128 would cost the WASM
        // module its 1 KB division); beyond, f64, whose rounding of a half
        // cannot matter there.
        let n = ratio.numerator.min(ratio.denominator);
        let exact = (|| {
            let num = max.checked_mul(n)?.checked_mul(20_000)?;
            let den = ratio.denominator.checked_mul(threshold)?;
            Some((num.checked_add(den)?) / den.checked_mul(2)?)
        })();
        let rounded = exact.unwrap_or_else(|| {
            (max as f64 * n as f64 * 10_000.0 / (ratio.denominator as f64 * threshold as f64))
                .round() as u64
        });
        Some(rounded.min(max))
    }
}

/// A validated methodology prepared for scoring many units, shared by
/// every score it makes: the specs, each indicator's rule in hundredths,
/// its group and where it finds its input.
#[derive(Debug, PartialEq)]
pub(super) struct Plan {
    version: Arc<str>,
    total: f64,
    indicators: Vec<IndicatorSpec>,
    groups: Vec<GroupSpec>,
    group_of: Vec<usize>,
    rules: Vec<Rule>,
    /// Where each indicator reads its input: the slot of one of motcua's
    /// own names (see [`IndexInputs`]), or `None` for another name.
    slots: Vec<Option<usize>>,
}

impl Plan {
    /// The score of a unit's inputs; errors for an unknown input name.
    pub(super) fn score(self: &Arc<Self>, inputs: &IndexInputs) -> Result<Score> {
        // Names not motcua's own are rare: a methodology from JSON reads
        // them, and any other is a typo.
        for (name, _) in inputs.others() {
            if !self.indicators.iter().any(|s| *s.input == *name) {
                return Err(self.unknown_input(name));
            }
        }
        let (mut total, mut max_measured) = (0, 0);
        let values = self
            .indicators
            .iter()
            .zip(&self.slots)
            .zip(&self.rules)
            .map(|((spec, slot), rule)| {
                let ratio = match *slot {
                    Some(slot) => inputs.own(slot),
                    None => inputs.other(&spec.input),
                };
                let got = rule.hundredths(ratio);
                if let Some(h) = got {
                    (total, max_measured) = (total + h, max_measured + rule.max);
                }
                Value {
                    ratio: ratio.unwrap_or_default(),
                    // Validated: a maximum fits, with room for the marker.
                    points: got.map_or(Value::NOT_MEASURED, |h| h as u32),
                    given: ratio.is_some(),
                }
            })
            .collect();
        Ok(Score {
            plan: self.clone(),
            values,
            total,
            max_measured,
        })
    }

    /// The error for an input name neither the methodology nor motcua
    /// knows, naming the known ones.
    fn unknown_input(&self, name: &str) -> Error {
        let mut names: Vec<&str> = inputs::ALL.to_vec();
        for spec in &self.indicators {
            if !names.contains(&&*spec.input) {
                names.push(&spec.input);
            }
        }
        Error::new(
            ErrorKind::InvalidArgument,
            format!(
                "unknown index input {name:?}; expected {}",
                crate::wire::one_of(&names)
            ),
        )
    }
}

impl Methodology {
    /// The score of a unit's inputs. Errors for an invalid methodology
    /// (see [`Methodology::validate`]) and for an input name that neither
    /// the methodology nor motcua knows (a typo would otherwise score
    /// nothing, silently); the error names it and the known names.
    pub fn score(&self, inputs: &IndexInputs) -> Result<Score> {
        self.plan()?.score(inputs)
    }

    /// The methodology validated and prepared for scoring.
    pub(super) fn plan(&self) -> Result<Arc<Plan>> {
        self.validate()?;
        Ok(Arc::new(Plan {
            version: self.version.clone(),
            total: self.total,
            group_of: self
                .indicators
                .iter()
                .map(|s| {
                    self.groups
                        .iter()
                        .position(|g| g.code == s.group)
                        .unwrap_or(0)
                })
                .collect(),
            // Validated: every rule exists.
            rules: self.indicators.iter().filter_map(Rule::of).collect(),
            indicators: self.indicators.clone(),
            groups: self.groups.clone(),
            slots: self
                .indicators
                .iter()
                .map(|s| input_map::slot(&s.input))
                .collect(),
        }))
    }

    /// Scores several units and ranks them by total, best first (ties keep
    /// the names' order), each with the name it was given. An indicator
    /// not measured adds nothing to a total, so compare units scored on
    /// the same kinds of inputs; each score carries `max_measured` to show
    /// it. Errors as [`Methodology::score`] does, naming the unit.
    pub fn rank<'a>(
        &self,
        units: impl IntoIterator<Item = (&'a str, &'a IndexInputs)>,
    ) -> Result<Vec<(&'a str, Score)>> {
        let plan = self.plan()?;
        let units = units.into_iter();
        let mut scored = Vec::with_capacity(units.size_hint().0);
        for (name, inputs) in units {
            let score = plan
                .score(inputs)
                .map_err(|e| Error::new(e.kind(), format!("unit {name:?}: {}", e.message())))?;
            scored.push((name, score));
        }
        scored.sort_by(|a, b| b.1.total.cmp(&a.1.total).then_with(|| a.0.cmp(b.0)));
        Ok(scored)
    }
}
