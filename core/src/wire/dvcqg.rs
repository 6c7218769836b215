//! The reader of one unit of the national portal's 766 export
//! (`unitsDetail[i]`, see [`crate::index::DvcqgUnit`]).
//!
//! Each group is a block of `componentIndicators`, found by its code
//! before the first `_` (`CKMB_CongKhaiMinhBach`). The blocks with metrics
//! (`CKMB`, `MDSH`, `MDHL`) give each metric's numerator and denominator,
//! mapped to inputs through the portal table's metric codes; `TDGQ` gives
//! `totalOnTime` over `totalReceived`; `ONLINE` only a percentage; `TTTT`
//! its payment counts, two of which (`totalFeeDossierFormality`,
//! `totalFeeDossierFormalityDistinct`) the details export lacks and the
//! caller adds from the portal's payment answer (the `PAYMENT` section of
//! the crawler's `raw_*_detail_*.json`). Points (`score`, `totalScore`,
//! `groupScores`) are never read.

use serde_json::Value;

use super::{FromJson, JsonError, Object, Path};
use crate::error::{ErrorKind, Result};
use crate::index::{dvcqg_metric_input, inputs, DvcqgUnit, IndexInputs, Ratio, UnitInputs};

/// The group blocks every unit has.
const GROUPS: [&str; 6] = ["CKMB", "TDGQ", "ONLINE", "TTTT", "MDSH", "MDHL"];

/// The counts of `TTTT`: numerator, denominator, input.
const PAYMENT: [(&str, &str, &str); 3] = [
    (
        "totalDossierOnlinePaymentSuccess",
        "totalDossierFinancialObligation",
        inputs::ONLINE_PAYMENTS,
    ),
    (
        "totalFeeDossierFormality",
        "totalFeeFormality",
        inputs::PAYMENT_INTEGRATED,
    ),
    (
        "totalDossierOnlineFormalityPaymentSuccess",
        "totalFeeDossierFormalityDistinct",
        inputs::PROCEDURES_PAID_ONLINE,
    ),
];

/// A count: a whole number ≥ 0 (the reader's `u64` says so for −1 or 1.5).
fn count(o: &Object<'_, '_>, key: &str) -> std::result::Result<u64, JsonError> {
    o.required(key)
}

/// `numerator` over `denominator`, refused when the first exceeds the
/// second (at the numerator's path).
fn ratio(
    numerator: u64,
    denominator: u64,
    at: &Path<'_>,
    key: &str,
) -> std::result::Result<Ratio, JsonError> {
    Ratio::new(numerator, denominator).map_err(|_| {
        JsonError::at(
            &Path::Key(at, key),
            format!("{numerator} exceeds its denominator {denominator}"),
        )
    })
}

/// One metric of a block: null/null (the portal measured nothing) is 0/0;
/// a null on one side only is refused.
fn metric(value: &Value, at: &Path<'_>) -> std::result::Result<(String, u64, Ratio), JsonError> {
    let o = Object::lenient(value, at)?;
    let code: String = o.required("code")?;
    let max: f64 = o.required("maxScore")?;
    let numerator: Option<u64> = o.optional("numerator")?;
    let denominator: Option<u64> = o.optional("denominator")?;
    let ratio = match (numerator, denominator) {
        (None, None) => Ratio::default(),
        (Some(n), Some(d)) => ratio(n, d, at, "numerator")?,
        (None, Some(_)) => {
            return Err(JsonError::at(&Path::Key(at, "numerator"), "missing".into()))
        }
        (Some(_), None) => {
            return Err(JsonError::at(
                &Path::Key(at, "denominator"),
                "missing".into(),
            ))
        }
    };
    // A metric worth nothing (the two petition classifications) is
    // information only: its maximum is kept to tell it from an unknown one.
    Ok((code, (max * 100.0).round() as u64, ratio))
}

/// Reads the group blocks (`componentIndicators`) into inputs.
fn read_inputs(value: &Value, at: &Path<'_>) -> std::result::Result<IndexInputs, JsonError> {
    let Value::Object(map) = value else {
        return Err(super::expected("an object", value, at));
    };
    let mut out = IndexInputs::new();
    let mut set = |name: &str, r: Ratio| {
        out.insert(name, r);
    };
    for group in GROUPS {
        let Some((key, value)) = map.iter().find(|(k, _)| k.split('_').next() == Some(group))
        else {
            return Err(JsonError::at(at, format!("the {group} group is missing")));
        };
        let here = Path::Key(at, key);
        let o = Object::lenient(value, &here)?;
        match group {
            "TDGQ" => {
                let received = count(&o, "totalReceived")?;
                let on_time = count(&o, "totalOnTime")?;
                set(
                    inputs::ON_TIME,
                    ratio(on_time, received, &here, "totalOnTime")?,
                );
            }
            "ONLINE" => {
                let percent: f64 = o.required("ratio")?;
                let r = Ratio::from_percent(percent).map_err(|e| {
                    JsonError::at(&Path::Key(&here, "ratio"), e.message().to_owned())
                })?;
                set(inputs::ONLINE_SERVICE, r);
            }
            "TTTT" => {
                for (numerator, denominator, input) in PAYMENT {
                    let d = count(&o, denominator)?;
                    let n = count(&o, numerator)?;
                    set(input, ratio(n, d, &here, numerator)?);
                }
            }
            _ => {
                let metrics_at = Path::Key(&here, "metrics");
                let metrics = o.required_with("metrics", |v, p| super::list(v, p, metric))?;
                for (i, (code, max, r)) in metrics.into_iter().enumerate() {
                    match dvcqg_metric_input(&code) {
                        Some(input) => set(input, r),
                        None if max == 0 => {}
                        None => {
                            return Err(JsonError::at(
                                &Path::Key(&Path::Index(&metrics_at, i), "code"),
                                format!("unknown metric {}", super::quoted(&code)),
                            ))
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

impl FromJson for DvcqgUnit {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        let o = Object::lenient(value, at)?;
        Ok(DvcqgUnit {
            id: o.required("departmentId")?,
            code: o.required("departmentCode")?,
            name: o.required("departmentName")?,
            group: o.required("childGroup")?,
            inputs: o.required_with("componentIndicators", read_inputs)?,
        })
    }
}

impl DvcqgUnit {
    /// Reads one `unitsDetail[i]` object of the portal's export. Errors
    /// name the unit's code (`portal unit H21.17: …`) and the field: a
    /// missing group or count, a numerator over its denominator, a
    /// negative count, an unknown metric.
    pub fn from_json(json: &str) -> Result<Self> {
        let value = super::parse(json)
            .map_err(|e| e.into_error(ErrorKind::InvalidArgument, "portal unit"))?;
        let unit = match value.get("departmentCode").and_then(Value::as_str) {
            Some(code) => format!("portal unit {code}"),
            None => "portal unit".to_owned(),
        };
        Self::read(&value, &Path::Root).map_err(|e| e.into_error(ErrorKind::InvalidArgument, &unit))
    }
}

/// A unit's inputs for the scorecard: a `unitsDetail[i]` of the portal's
/// export (it has `componentIndicators`), or `{id, code, name, group,
/// inputs: {name: [numerator, denominator]}}` (the pairs the bindings'
/// inputs are) for units scored from their own data.
impl FromJson for UnitInputs {
    fn read(value: &Value, at: &Path<'_>) -> std::result::Result<Self, JsonError> {
        if value.get("componentIndicators").is_some() {
            return DvcqgUnit::read(value, at).map(Into::into);
        }
        let o = Object::strict(value, at, &["id", "code", "name", "group", "inputs"])?;
        Ok(UnitInputs {
            id: o.required("id")?,
            code: o.required("code")?,
            name: o.required("name")?,
            group: o.required("group")?,
            inputs: o.required_with("inputs", pairs)?,
        })
    }
}

/// `{name: [numerator, denominator]}`.
fn pairs(value: &Value, at: &Path<'_>) -> std::result::Result<IndexInputs, JsonError> {
    let Value::Object(map) = value else {
        return Err(super::expected("an object", value, at));
    };
    let mut inputs = IndexInputs::new();
    for (name, pair) in map {
        let here = Path::Key(at, name);
        let counts: Vec<u64> = FromJson::read(pair, &here)?;
        let [n, d] = counts[..] else {
            return Err(JsonError::at(
                &here,
                "expected [numerator, denominator]".into(),
            ));
        };
        inputs.insert(name, ratio(n, d, at, name)?);
    }
    Ok(inputs)
}

impl UnitInputs {
    /// Reads a list of units' inputs (each as its `FromJson` says), for
    /// [`crate::index::Methodology::scorecard`]; errors name the unit's
    /// place and field (`[3].componentIndicators…`).
    pub fn list_from_json(json: &str) -> Result<Vec<Self>> {
        super::from_str(json).map_err(|e| e.into_error(ErrorKind::InvalidArgument, "units"))
    }
}
