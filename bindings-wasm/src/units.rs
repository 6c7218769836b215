//! The unit registry and the monthly scorecard.

use motcua::index;
use motcua::unit;
use wasm_bindgen::prelude::*;

use crate::convert::{json_text, to_js};
use crate::errors::IntoJs;
use crate::report::{Methodology, PeriodReport};

/// A province's units (departments and communes) and the history of their
/// electronic identifiers.
#[wasm_bindgen]
pub struct UnitRegistry(unit::Registry);

#[wasm_bindgen]
impl UnitRegistry {
    /// A registry from JSON (`{source, province, units, history}`, text or
    /// object); throws for two units on one identifier or a history cycle.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
    ) -> Result<UnitRegistry, JsValue> {
        unit::Registry::from_json(&json_text("json", &json)?)
            .js()
            .map(UnitRegistry)
    }

    /// `{id, code, name}`.
    #[wasm_bindgen(getter, unchecked_return_type = "Province")]
    pub fn province(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.province)
    }

    /// The current units: `[{id, code, name, group}]`.
    #[wasm_bindgen(getter, unchecked_return_type = "Unit[]")]
    pub fn units(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.units)
    }

    /// The former identifiers: `[{from, to, effective, fromCode, fromName}]`.
    #[wasm_bindgen(getter, unchecked_return_type = "Replacement[]")]
    pub fn history(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.history)
    }

    /// The current unit of an identifier, current or former.
    #[wasm_bindgen(unchecked_return_type = "Unit")]
    pub fn current(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = crate::convert::text("id", &id)?;
        to_js(self.0.current(&id).js()?)
    }

    /// The report with its rows regrouped by current unit (keyed by code).
    pub fn regroup(&self, report: &PeriodReport) -> Result<PeriodReport, JsValue> {
        let regrouped = self.0.regroup(&report.0.report).js()?;
        Ok(PeriodReport(index::PeriodSummary {
            report: regrouped,
            counter: report.0.counter.clone(),
            paid_online: report.0.paid_online.clone(),
        }))
    }

    /// The registry as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.0.to_json().js()
    }
}

/// Units for a scorecard from an array (or its JSON text).
fn unit_inputs(name: &str, value: &JsValue) -> Result<Vec<index::UnitInputs>, JsValue> {
    index::UnitInputs::list_from_json(&json_text(name, value)?).js()
}

/// The scorecard of `month` against `previous` (empty when `null` or
/// `undefined`), as plain objects.
fn scorecard(
    methodology: &index::Methodology,
    month: &JsValue,
    previous: &JsValue,
    registry: Option<&unit::Registry>,
) -> Result<JsValue, JsValue> {
    let month = unit_inputs("month", month)?;
    let previous = if previous.is_undefined() || previous.is_null() {
        Vec::new()
    } else {
        unit_inputs("previous", previous)?
    };
    to_js(&methodology.scorecard(&month, &previous, registry).js()?)
}

#[wasm_bindgen]
impl Methodology {
    /// The scorecard of a month, plain objects for a dashboard:
    /// `{methodology, rows: [{id, code, name, group, score, rank,
    /// previousTotal, previousRank, change, losses, actions}]}`. `month` and
    /// `previous` are arrays of units, each a `unitsDetail` entry of the
    /// portal's export or `{id, code, name, group, inputs}`, matched by
    /// identifier (`UnitRegistry.scorecard` matches former identifiers).
    #[wasm_bindgen(unchecked_return_type = "Scorecard")]
    pub fn scorecard(
        &self,
        #[wasm_bindgen(unchecked_param_type = "object[] | string")] month: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "object[] | string | null")]
        previous: JsValue,
    ) -> Result<JsValue, JsValue> {
        scorecard(&self.0, &month, &previous, None)
    }
}

#[wasm_bindgen]
impl UnitRegistry {
    /// `Methodology.scorecard` with units matched through this registry,
    /// so that a former identifier meets its current unit.
    #[wasm_bindgen(js_name = scorecard, unchecked_return_type = "Scorecard")]
    pub fn scorecard_of(
        &self,
        methodology: &Methodology,
        #[wasm_bindgen(unchecked_param_type = "object[] | string")] month: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "object[] | string | null")]
        previous: JsValue,
    ) -> Result<JsValue, JsValue> {
        scorecard(&methodology.0, &month, &previous, Some(&self.0))
    }
}
