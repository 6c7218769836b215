//! Reports and the 766 index for JavaScript: JSON-shaped plain objects
//! that dashboards can chart.
//!
//! Not in the module, on purpose: the sample center's dossier generator
//! and the national-portal payloads (`DongBoHoSoMC`, progress). Both are
//! back-office jobs that the Rust crate and the Python package do; a
//! browser has no use for them, and together they were 30 KB (8 %) of the
//! module, which has a budget of 300 KB (issue 6).

use motcua::index::{self, IndexInputs, Lever, Ratio};
use motcua::report::{self as core, Added, GroupBy};
use wasm_bindgen::prelude::*;

use crate::convert::{self, define, json_text, set, to_js};
use crate::dossier::Dossier;
use crate::errors::{js_error, wrong_type, IntoJs};

fn period(value: &JsValue) -> Result<core::Period, JsValue> {
    let text = value.as_string().ok_or_else(|| {
        wrong_type(
            "period",
            "\"YYYY\", \"YYYY-MM\", \"YYYY-Qn\" or \"YYYY-MM-DD/YYYY-MM-DD\"",
            value,
        )
    })?;
    core::Period::parse(&text).js()
}

/// The II.06a period report, built by adding dossiers; it also gathers the
/// dossier-based inputs of the 766 index (`indexInputs()`).
#[wasm_bindgen]
pub struct PeriodReport(pub(crate) index::PeriodSummary);

#[wasm_bindgen]
impl PeriodReport {
    /// A report of `period` (`"2026"`, `"2026-07"`, `"2026-Q3"` or
    /// `"2026-07-01/2026-09-30"`), grouped by `"agency"` (default),
    /// `"field"`, `"procedure"` or `"total"`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue,
        #[wasm_bindgen(js_name = groupBy, unchecked_optional_param_type = "GroupBy")]
        group_by: JsValue,
    ) -> Result<PeriodReport, JsValue> {
        let period = self::period(&period)?;
        let group_by = if group_by.is_undefined() {
            GroupBy::Agency
        } else {
            let code = group_by
                .as_string()
                .ok_or_else(|| wrong_type("groupBy", "a string", &group_by))?;
            code.parse::<GroupBy>().js()?
        };
        Ok(PeriodReport(index::PeriodSummary::new(period, group_by)))
    }

    /// Adds a dossier; returns `null` when counted, else why it was left out.
    #[wasm_bindgen(unchecked_return_type = "Exclusion | null")]
    pub fn add(&mut self, dossier: &Dossier) -> Result<JsValue, JsValue> {
        let added = self.0.add(dossier.inner()).js()?;
        Ok(match added {
            Added::Counted(_) => JsValue::NULL,
            Added::Excluded(e) => e.code().into(),
        })
    }

    /// `{period, groupBy, rows: {group: counts}, excluded, total}`.
    #[wasm_bindgen(js_name = toJson, unchecked_return_type = "PeriodReportJson")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        let out = js_sys::Object::new();
        set(&out, "period", to_js(&self.0.report.period)?);
        set(&out, "groupBy", to_js(&self.0.report.group_by)?);
        // Row keys are data (agency names, codes): kept as they are.
        let rows = js_sys::Object::new();
        for (key, counts) in &self.0.report.rows {
            define(&rows, key, to_js(counts)?);
        }
        set(&out, "rows", rows.into());
        set(&out, "excluded", to_js(&self.0.report.excluded)?);
        set(&out, "total", to_js(&self.0.report.total())?);
        Ok(out.into())
    }

    /// The inputs of the 766 index, `{name: [numerator, denominator]}`: the
    /// dossier-based ones (with the dossiers' facts), plus `typed`
    /// (`{publisher, publications, feedback, feedback_as_of}`, snake_case as
    /// in the Rust `TypedInputs`), plus those of the unit's `procedures`
    /// when given (the catalog's JSON, as `Catalog.fromJson` reads it:
    /// publications, payment on the portal, population data).
    #[wasm_bindgen(js_name = indexInputs, unchecked_return_type = "IndexInputs")]
    pub fn index_inputs(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string | TypedIndexInputs")] typed: JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "string | ProcedureJson[] | { procedures: ProcedureJson[] }"
        )]
        procedures: JsValue,
    ) -> Result<JsValue, JsValue> {
        let given = |v: &JsValue| !(v.is_undefined() || v.is_null());
        let typed = if given(&typed) {
            Some(index::TypedInputs::from_json(&json_text("typed", &typed)?).js()?)
        } else {
            None
        };
        let catalog = if given(&procedures) {
            Some(
                motcua::procedure::Catalog::from_json(&json_text("procedures", &procedures)?)
                    .js()?,
            )
        } else {
            None
        };
        let procedures: Option<Vec<_>> = catalog.as_ref().map(|c| c.iter().collect());
        let inputs = self
            .0
            .index_inputs(
                typed.as_ref(),
                procedures.as_deref(),
                &motcua::calendar::Calendar::vietnam(),
            )
            .js()?;
        Ok(pairs(&inputs))
    }
}

/// `{name: [numerator, denominator]}` for JS; input names are identifiers
/// for `score`, kept as they are (not camelCased).
fn pairs(inputs: &IndexInputs) -> JsValue {
    let out = js_sys::Object::new();
    for (name, r) in inputs.iter() {
        let pair = js_sys::Array::of2(&(r.numerator as f64).into(), &(r.denominator as f64).into());
        set(&out, name, pair.into());
    }
    out.into()
}

/// The index inputs of one unit of the national portal's 766 export (a
/// `unitsDetail[i]` object, with the two TTTT counts the details export
/// lacks), for `Methodology.score`; throws naming the unit's code and the
/// field.
#[wasm_bindgen(js_name = indexInputsFromDvcqg, unchecked_return_type = "IndexInputs")]
pub fn index_inputs_from_dvcqg(
    #[wasm_bindgen(unchecked_param_type = "string | object")] unit: JsValue,
) -> Result<JsValue, JsValue> {
    let unit = index::DvcqgUnit::from_json(&json_text("unit", &unit)?).js()?;
    Ok(pairs(&unit.inputs))
}

/// `{name: [numerator, denominator]}` from JS.
fn inputs(value: &JsValue) -> Result<IndexInputs, JsValue> {
    if !value.is_object() {
        return Err(wrong_type(
            "inputs",
            "an object {name: [numerator, denominator]}",
            value,
        ));
    }
    let mut out = IndexInputs::new();
    for entry in convert::entries("inputs", value)?.iter() {
        // A fresh `[key, value]` array of `Object.entries`.
        let entry = js_sys::Array::from(&entry);
        let name = entry.get(0).as_string().unwrap_or_default();
        let pair = entry.get(1);
        let pair = convert::list(&name, &pair)
            .map_err(|_| wrong_type(&name, "a [numerator, denominator] pair", &pair))?;
        let count = |v: JsValue| -> Result<u64, JsValue> {
            let n = convert::int32(&name, &v)?;
            u64::try_from(n)
                .map_err(|_| js_error("invalid_argument", &format!("{name}: {n} is negative")))
        };
        out.set(
            &name,
            Ratio::new(count(pair.get(0))?, count(pair.get(1))?).js()?,
        )
        .js()?;
    }
    Ok(out)
}

/// The methodology of the Decision 766 index.
#[wasm_bindgen]
pub struct Methodology(pub(crate) index::Methodology);

#[wasm_bindgen]
impl Methodology {
    /// The default: the national portal's own scoring
    /// (`766-dvcqg-2026-10`).
    #[wasm_bindgen(js_name = default766)]
    pub fn default_766() -> Methodology {
        Methodology(index::Methodology::default_766())
    }

    /// A built-in methodology by version (see `versions`).
    pub fn builtin(
        #[wasm_bindgen(unchecked_param_type = "string")] version: JsValue,
    ) -> Result<Methodology, JsValue> {
        let version = convert::text("version", &version)?;
        index::Methodology::builtin(&version).js().map(Methodology)
    }

    /// The versions built in, the default first.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn versions() -> JsValue {
        index::Methodology::VERSIONS
            .iter()
            .map(|v| JsValue::from_str(v))
            .collect::<js_sys::Array>()
            .into()
    }

    /// The version label.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.0.version.to_string()
    }

    /// A methodology from JSON text; throws when the points do not sum to
    /// the stated total.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
    ) -> Result<Methodology, JsValue> {
        let text = json
            .as_string()
            .ok_or_else(|| wrong_type("json", "a JSON string", &json))?;
        index::Methodology::from_json(&text).js().map(Methodology)
    }

    /// The methodology as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.0.to_json().js()
    }

    /// `{methodology, total, maxTotal, maxMeasured, groups: [{code, nameVi,
    /// nameEn, points, maxPoints, maxMeasured}], indicators: [{id, group,
    /// nameVi, nameEn, ratio, maxPoints, points, pointsLost}]}`; `points`
    /// is `null` for an indicator that was not measured. Throws for an
    /// input name neither the methodology nor motcua knows.
    #[wasm_bindgen(unchecked_return_type = "IndexScore")]
    pub fn score(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IndexInputs")] inputs: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(&self.0.score(&self::inputs(&inputs)?).js()?)
    }

    /// The smallest number of extra `"dossiers_on_time"`,
    /// `"dossiers_online"` or `"online_payments"` that brings the total to
    /// `target`; `null` when none can.
    #[wasm_bindgen(js_name = whatIf, unchecked_return_type = "number | null")]
    pub fn what_if(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IndexInputs")] inputs: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Lever")] lever: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] target: JsValue,
    ) -> Result<JsValue, JsValue> {
        let lever = lever
            .as_string()
            .ok_or_else(|| wrong_type("lever", "a string", &lever))?;
        let lever: Lever = lever.parse().js()?;
        let target = convert::number("target", &target)?;
        if !target.is_finite() {
            return Err(js_error(
                "invalid_argument",
                "target must be a finite number",
            ));
        }
        Ok(self
            .0
            .what_if(&self::inputs(&inputs)?, lever, target)
            .js()?
            .map_or(JsValue::NULL, |k| JsValue::from(k as f64)))
    }
}
