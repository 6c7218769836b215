//! The monthly scorecard a province publishes so that low scorers act:
//! every unit's score, its rank within its group (departments, communes)
//! and the change since the previous month, its biggest point losses, and
//! an action list: for each indicator that lost points, how many more of
//! the counted items must meet it for full points, and what that gains.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::score::Rule;
use super::{
    IndexInputs, IndicatorScore, Methodology, PeriodSummary, Petition, Ratio, Score, TypedInputs,
};
use crate::calendar::Calendar;
use crate::error::{Error, ErrorKind, Result};
use crate::procedure::{Catalog, Procedure};
use crate::unit::{Registry, Unit, UnitGroup};

/// One unit's inputs for a month: who it is and what it counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInputs {
    /// The unit's electronic identifier (current, or former when the month
    /// is before a merger and a registry is given).
    pub id: String,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its group.
    pub group: UnitGroup,
    /// Its inputs.
    pub inputs: IndexInputs,
}

impl UnitInputs {
    /// A unit's inputs from its own data, every indicator measured from
    /// records: its dossiers of the period (`summary`, with their facts),
    /// the procedures it implements in `catalog` ([`Unit::implements`]),
    /// and its petitions of the period (of `petitions`, those addressed to
    /// its current code: received in the period, or before it and still
    /// open at its start), judged at its end.
    pub fn from_own_data(
        unit: &Unit,
        summary: &PeriodSummary,
        catalog: &Catalog,
        petitions: &[Petition],
        calendar: &Calendar,
    ) -> Result<Self> {
        let period = summary.report.period;
        let (start, end) = (period.start(), period.end());
        let procedures: Vec<&Procedure> = catalog.iter().filter(|p| unit.implements(p)).collect();
        let feedback = petitions
            .iter()
            .filter(|p| {
                let f = &p.feedback;
                p.unit == unit.code
                    && f.received_at <= end
                    && (f.received_at >= start || f.handled_at.is_none_or(|h| h >= start))
            })
            .map(|p| p.feedback.clone())
            .collect();
        let typed = TypedInputs {
            feedback: Some(feedback),
            feedback_as_of: Some(end),
            ..TypedInputs::default()
        };
        Ok(Self {
            id: unit.id.clone(),
            code: unit.code.clone(),
            name: unit.name.clone(),
            group: unit.group,
            inputs: summary.index_inputs(Some(&typed), Some(&procedures), calendar)?,
        })
    }
}

impl From<super::DvcqgUnit> for UnitInputs {
    fn from(u: super::DvcqgUnit) -> Self {
        Self {
            id: u.id,
            code: u.code,
            name: u.name,
            group: u.group,
            inputs: u.inputs,
        }
    }
}

/// A change within the unit's reach: `more` of the `of` items an
/// indicator counts must meet it (procedures published on time, dossiers
/// digitised, …) for its full points, gaining `gain`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// The indicator.
    pub indicator: Arc<str>,
    /// Its group.
    pub group: Arc<str>,
    /// Vietnamese name.
    pub name_vi: Arc<str>,
    /// English name.
    pub name_en: Arc<str>,
    /// How many more must meet it (for `ONLINE_SERVICE` read from the
    /// portal's export, published as a percentage: hundredths of a
    /// percentage point; from a center's own data: dossiers).
    pub more: u64,
    /// Of how many counted.
    pub of: u64,
    /// Points gained.
    pub gain: f64,
}

/// One unit's line of the scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct ScorecardRow {
    /// Identifier, code, name and group of the unit.
    pub id: String,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its group.
    pub group: UnitGroup,
    /// Its score.
    pub score: Score,
    /// Its rank within its group, 1 the best; equal totals share a rank.
    pub rank: usize,
    /// Its total the previous month, if it was scored then.
    pub previous_total: Option<f64>,
    /// Its rank the previous month.
    pub previous_rank: Option<usize>,
    /// `total − previous_total`, in hundredths exactly.
    pub change: Option<f64>,
    /// What gains most, best first; nothing that gains nothing.
    pub actions: Vec<Action>,
}

impl ScorecardRow {
    /// The indicators that lost most, at most three.
    pub fn losses(&self) -> Vec<IndicatorScore<'_>> {
        let mut losses = self.score.biggest_losses();
        losses.truncate(LOSSES);
        losses
    }
}

/// Written with its `losses` after `change`: `id`, `code`, `name`,
/// `group`, `score`, `rank`, `previous_total`, `previous_rank`, `change`,
/// `losses`, `actions`.
impl Serialize for ScorecardRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut o = s.serialize_struct("ScorecardRow", 11)?;
        o.serialize_field("id", &self.id)?;
        o.serialize_field("code", &self.code)?;
        o.serialize_field("name", &self.name)?;
        o.serialize_field("group", &self.group)?;
        o.serialize_field("score", &self.score)?;
        o.serialize_field("rank", &self.rank)?;
        o.serialize_field("previous_total", &self.previous_total)?;
        o.serialize_field("previous_rank", &self.previous_rank)?;
        o.serialize_field("change", &self.change)?;
        o.serialize_field("losses", &self.losses())?;
        o.serialize_field("actions", &self.actions)?;
        o.end()
    }
}

/// Every unit's line for a month, by group then rank.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// The methodology's version.
    pub methodology: Arc<str>,
    /// The lines.
    pub rows: Vec<ScorecardRow>,
}

/// One unit's line flattened for a table (a DataFrame, a spreadsheet):
/// the figures, each group's points, and the first loss and action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScorecardLine {
    /// The unit's group.
    pub group: UnitGroup,
    /// Its rank within the group.
    pub rank: usize,
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its total.
    pub total: f64,
    /// Its total the previous month.
    pub previous_total: Option<f64>,
    /// The change since.
    pub change: Option<f64>,
    /// Its rank the previous month.
    pub previous_rank: Option<usize>,
    /// Points by group code, in the methodology's order (written as an
    /// object, `{"CKMB": 11.79, …}`, so that a table gets a column each).
    #[serde(serialize_with = "as_object")]
    pub groups: Vec<(Arc<str>, f64)>,
    /// The indicator that lost most, and how much.
    pub biggest_loss: Option<(Arc<str>, f64)>,
    /// The action that gains most: indicator, how many more, of how many,
    /// gain.
    pub best_action: Option<(Arc<str>, u64, u64, f64)>,
}

impl Scorecard {
    /// The lines flattened for a table, in the scorecard's order.
    pub fn lines(&self) -> Vec<ScorecardLine> {
        self.rows
            .iter()
            .map(|r| ScorecardLine {
                group: r.group,
                rank: r.rank,
                code: r.code.clone(),
                name: r.name.clone(),
                total: r.score.total(),
                previous_total: r.previous_total,
                change: r.change,
                previous_rank: r.previous_rank,
                groups: r
                    .score
                    .groups()
                    .map(|g| (g.spec.code.clone(), g.points))
                    .collect(),
                biggest_loss: r
                    .losses()
                    .first()
                    .map(|l| (l.spec.id.clone(), l.points_lost.unwrap_or(0.0))),
                best_action: r
                    .actions
                    .first()
                    .map(|a| (a.indicator.clone(), a.more, a.of, a.gain)),
            })
            .collect()
    }
}

/// Pairs written as a JSON object, in their order.
fn as_object<S: serde::Serializer>(
    pairs: &[(Arc<str>, f64)],
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (key, value) in pairs {
        map.serialize_entry(&**key, value)?;
    }
    map.end()
}

/// How many biggest losses a line shows.
const LOSSES: usize = 3;

/// The smallest `k` for which `ratio.numerator + k` (of the same
/// denominator) scores full points, `None` when no `k` can.
fn more_for_full(spec: &super::IndicatorSpec, ratio: Ratio) -> Option<u64> {
    let rule = Rule::of(spec)?;
    let full = |k: u64| {
        let r = Ratio {
            numerator: ratio.numerator + k,
            denominator: ratio.denominator,
        };
        rule.hundredths(Some(r)) == Some(rule.max())
    };
    let room = ratio.denominator.checked_sub(ratio.numerator)?;
    if !full(room) {
        return None;
    }
    // Points grow with the numerator: bisect for the smallest k.
    let (mut low, mut high) = (0u64, room);
    while low < high {
        let mid = low + (high - low) / 2;
        if full(mid) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    Some(low)
}

/// The actions of one unit: every indicator that lost points and can
/// reach full points by more of its counted items meeting it.
fn actions(score: &Score) -> Vec<Action> {
    let mut actions: Vec<Action> = score
        .indicators()
        .filter_map(|scored| {
            let spec = scored.spec;
            let lost = scored.points_lost.filter(|&lost| lost > 0.0)?;
            let ratio = scored.ratio?;
            let more = more_for_full(spec, ratio).filter(|&k| k > 0)?;
            Some(Action {
                indicator: spec.id.clone(),
                group: spec.group.clone(),
                name_vi: spec.name_vi.clone(),
                name_en: spec.name_en.clone(),
                more,
                of: ratio.denominator,
                gain: lost,
            })
        })
        .collect();
    actions.sort_by(|a, b| b.gain.total_cmp(&a.gain).then(a.more.cmp(&b.more)));
    actions
}

impl Methodology {
    /// The scorecard of a month: every unit scored, ranked within its
    /// group, compared with `previous` (units matched by identifier,
    /// through `registry` when given, so that a former identifier meets
    /// its current unit; a unit that several merged into has no previous
    /// total), with its biggest losses and its actions. Errors as
    /// [`Methodology::score`] does, naming the unit, and for a unit listed
    /// twice in `month` or unknown to the registry.
    pub fn scorecard(
        &self,
        month: &[UnitInputs],
        previous: &[UnitInputs],
        registry: Option<&Registry>,
    ) -> Result<Scorecard> {
        let current_id = |u: &UnitInputs| -> Result<String> {
            match registry {
                Some(r) => r
                    .current(&u.id)
                    .map(|unit| unit.id.clone())
                    .map_err(|e| Error::new(e.kind(), format!("unit {}: {}", u.code, e.message()))),
                None => Ok(u.id.clone()),
            }
        };
        let plan = self.plan()?;
        let scored = |units: &[UnitInputs]| -> Result<Vec<(String, UnitGroup, Score)>> {
            let mut out = Vec::with_capacity(units.len());
            for u in units {
                let score = plan.score(&u.inputs).map_err(|e| {
                    Error::new(e.kind(), format!("unit {}: {}", u.code, e.message()))
                })?;
                out.push((current_id(u)?, u.group, score));
            }
            Ok(out)
        };
        let now = scored(month)?;
        if let Some(i) = crate::ids::first_repeated(now.iter().map(|(id, _, _)| id.as_str())) {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("unit {} is listed twice", month[i].code),
            ));
        }
        let before = scored(previous)?;
        // Rank = 1 + the units of the group with a higher total: each
        // group's totals sorted once, then a binary search per unit.
        let ranks = |all: &[(String, UnitGroup, Score)]| -> Vec<usize> {
            let mut totals: BTreeMap<UnitGroup, Vec<Reverse<u64>>> = BTreeMap::new();
            for (_, group, score) in all {
                totals
                    .entry(*group)
                    .or_default()
                    .push(Reverse(score.total_hundredths()));
            }
            for t in totals.values_mut() {
                t.sort_unstable();
            }
            all.iter()
                .map(|(_, group, score)| {
                    let t = &totals[group];
                    1 + t.partition_point(|&x| x < Reverse(score.total_hundredths()))
                })
                .collect()
        };
        let (now_ranks, before_ranks) = (ranks(&now), ranks(&before));
        // A unit that several units of the previous month merged into has
        // no previous month to compare with: its totals are not one unit's.
        let mut before_at: BTreeMap<&str, Option<usize>> = BTreeMap::new();
        for (i, (id, _, _)) in before.iter().enumerate() {
            before_at
                .entry(id.as_str())
                .and_modify(|at| *at = None)
                .or_insert(Some(i));
        }
        let mut rows: Vec<ScorecardRow> = month
            .iter()
            .zip(now.into_iter().zip(now_ranks))
            .map(|(u, ((id, _, score), rank))| {
                let was = before_at.get(id.as_str()).copied().flatten();
                let previous = was.map(|i| &before[i].2);
                ScorecardRow {
                    id: u.id.clone(),
                    code: u.code.clone(),
                    name: u.name.clone(),
                    group: u.group,
                    actions: actions(&score),
                    change: previous.map(|p| {
                        (score.total_hundredths() as f64 - p.total_hundredths() as f64) / 100.0
                    }),
                    previous_total: previous.map(Score::total),
                    previous_rank: was.map(|i| before_ranks[i]),
                    rank,
                    score,
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            a.group
                .cmp(&b.group)
                .then(a.rank.cmp(&b.rank))
                .then(a.code.cmp(&b.code))
        });
        Ok(Scorecard {
            methodology: self.version.clone(),
            rows,
        })
    }
}
