//! Procedures, dossier codes and dossiers for JavaScript.

use std::sync::Arc;

use motcua::calendar::Calendar as CoreCalendar;
use motcua::dossier::{self as core, Granularity};
use motcua::procedure;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert;
use crate::errors::{js_error, wrong_type, IntoJs};

/// An administrative procedure (TTHC).
#[wasm_bindgen]
pub struct Procedure(Arc<procedure::Procedure>);

#[wasm_bindgen]
impl Procedure {
    /// A procedure from JSON text or a plain object (the catalog format);
    /// throws `procedure.invalid` naming the procedure, the field
    /// (`workflow[1].budget`) and what is wrong with it.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | ProcedureJson")] json: JsValue,
    ) -> Result<Procedure, JsValue> {
        let text = convert::json_text("json", &json)?;
        procedure::Procedure::from_json(&text)
            .js()
            .map(|p| Procedure(Arc::new(p)))
    }

    /// The procedure as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.0.to_json().js()
    }

    /// The procedure as a plain object, for `JSON.stringify`: so that a
    /// `Procedure` is accepted wherever a procedure's JSON is.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "ProcedureJson")]
    pub fn to_json_value(&self) -> Result<JsValue, JsValue> {
        js_sys::JSON::parse(&self.0.to_json().js()?)
    }

    /// National code.
    #[wasm_bindgen(getter)]
    pub fn code(&self) -> String {
        self.0.code.clone()
    }

    /// Name.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.0.name.clone()
    }

    /// "If I submit now" on the default calendar: `{dueAt, explanation}`
    /// for a dossier accepted at `at` through `channel` (default
    /// `"direct"`). `calendar.estimate(procedure, at, channel)` asks another
    /// calendar, as `calendar.receive` does for `new Dossier`.
    #[wasm_bindgen(unchecked_return_type = "Estimate")]
    pub fn estimate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Channel")] channel: JsValue,
    ) -> Result<JsValue, JsValue> {
        estimate(&CoreCalendar::vietnam(), &self.0, &at, &channel)
    }
}

/// The estimate of `procedure` on `calendar`, for `Procedure.estimate` and
/// `Calendar.estimate`.
fn estimate(
    calendar: &CoreCalendar,
    procedure: &procedure::Procedure,
    at: &JsValue,
    channel: &JsValue,
) -> Result<JsValue, JsValue> {
    let at = convert::instant("at", at)?;
    convert::to_js(
        &procedure
            .estimate(calendar, convert::channel(channel)?, at)
            .js()?,
    )
}

/// A catalog of procedures by national code.
#[wasm_bindgen]
pub struct Catalog(procedure::Catalog);

#[wasm_bindgen]
impl Catalog {
    /// A catalog from JSON text: an array of procedures or `{procedures: [...]}`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(
            unchecked_param_type = "string | ProcedureJson[] | { procedures: ProcedureJson[] }"
        )]
        json: JsValue,
    ) -> Result<Catalog, JsValue> {
        let text = convert::json_text("json", &json)?;
        procedure::Catalog::from_json(&text).js().map(Catalog)
    }

    /// The sample center's catalog (the procedures that the Rust and
    /// Python sample centers draw from), for demos and for portals trying
    /// the library out.
    pub fn sample() -> Result<Catalog, JsValue> {
        motcua::sample::catalog().js().map(Catalog)
    }

    /// The procedure with this code; throws `procedure.unknown`.
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    ) -> Result<Procedure, JsValue> {
        let code = convert::text("code", &code)?;
        Ok(Procedure(Arc::clone(self.0.get(&code).js()?)))
    }

    /// The national codes in the catalog.
    pub fn codes(&self) -> Vec<String> {
        self.0.iter().map(|p| p.code.clone()).collect()
    }
}

/// A dossier code `AGENCY-YYMMDD-SEQ` (Circular 03/2025/TT-VPCP Art. 13).
#[wasm_bindgen]
pub struct DossierCode(core::DossierCode);

#[wasm_bindgen]
impl DossierCode {
    /// Parses and validates a code of `rule`: `"current"` (the default,
    /// which reads the archives' `000.00.06.H56-…` codes too), `"central"`
    /// (a ministry-run system, `ID-YYMMDD-AAXXXX`) or `"legacy"` (Circular
    /// 01/2018, exactly 4 digits); throws `dossier.invalid_code` naming what
    /// is wrong.
    pub fn parse(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "\"current\" | \"central\" | \"legacy\"")]
        rule: JsValue,
    ) -> Result<DossierCode, JsValue> {
        let text = convert::text("text", &text)?;
        core::DossierCode::parse_with(&text, convert::code_rule(&rule)?)
            .js()
            .map(DossierCode)
    }

    /// The receiving agency's code.
    #[wasm_bindgen(getter)]
    pub fn agency(&self) -> String {
        self.0.agency().to_owned()
    }

    /// The reception date, ISO.
    #[wasm_bindgen(getter)]
    pub fn date(&self) -> String {
        self.0.date().to_string()
    }

    /// The sequence number within the agency's day, from 1.
    #[wasm_bindgen(getter)]
    pub fn sequence(&self) -> u32 {
        self.0.sequence()
    }

    /// The owning ministry's two digits of a centrally run system's code,
    /// else `undefined`.
    #[wasm_bindgen(getter)]
    pub fn ministry(&self) -> Option<u8> {
        self.0.ministry()
    }

    /// The code as text.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_text(&self) -> String {
        self.0.to_string()
    }
}

/// Issues dossier codes, a sequence per agency per day, by a rule
/// (`"current"`, `"central"` with its ministry, or `"legacy"`).
#[wasm_bindgen]
pub struct DossierCodeGenerator(core::DossierCodeGenerator);

#[wasm_bindgen]
impl DossierCodeGenerator {
    /// An empty generator of `rule` (the current rule when omitted);
    /// `ministry` (0–99) is required by `"central"` only.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "\"current\" | \"central\" | \"legacy\"")]
        rule: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] ministry: JsValue,
    ) -> Result<DossierCodeGenerator, JsValue> {
        let ministry = if ministry.is_undefined() || ministry.is_null() {
            None
        } else {
            let m = convert::int32("ministry", &ministry)?;
            Some(u8::try_from(m).map_err(|_| {
                js_error(
                    "invalid_argument",
                    &format!("ministry {m} is not two digits (0-99)"),
                )
            })?)
        };
        core::DossierCodeGenerator::for_rule(convert::code_rule(&rule)?, ministry)
            .js()
            .map(DossierCodeGenerator)
    }

    /// The next code of `agency` for an ISO `date`; throws
    /// `dossier.sequence_exhausted` past the rule's last sequence (9999
    /// under `"legacy"`).
    pub fn next(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] agency: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    ) -> Result<DossierCode, JsValue> {
        let agency = convert::text("agency", &agency)?;
        let date = convert::date("date", &date)?;
        self.0.next(&agency, date).js().map(DossierCode)
    }

    /// Records a code issued elsewhere; throws `dossier.duplicate_code`.
    pub fn register(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    ) -> Result<(), JsValue> {
        let text = convert::text("code", &code)?;
        let code = core::DossierCode::parse_with(&text, self.0.rule()).js()?;
        self.0.register(code).js()
    }
}

/// A dossier: code, procedure, channel and event log, with the legal clock
/// replayed from the log. Instants in are a `Date` or ISO text (Vietnam
/// local time without an offset); instants out are ISO text with `+07:00`.
#[wasm_bindgen]
pub struct Dossier(core::Dossier);

/// Reads `{procedure, code, receivedAt, submittedAt, channel, actor,
/// applicant}` and opens the dossier on `calendar` (see
/// `motcua::dossier::Dossier::open`).
pub fn receive(calendar: &CoreCalendar, options: &JsValue) -> Result<Dossier, JsValue> {
    if !options.is_object() {
        return Err(wrong_type(
            "options",
            "an object {procedure, code, receivedAt, channel}",
            options,
        ));
    }
    let get = |key: &str| convert::field(options, key);
    let procedure =
        procedure::Procedure::from_json(&convert::json_text("procedure", &get("procedure")?)?)
            .js()?;
    let code = core::DossierCode::parse(&convert::text("code", &get("code")?)?).js()?;
    let mut opening = core::Opening::new(Arc::new(procedure), code);
    opening.channel = convert::channel(&get("channel")?)?;
    opening.submitted_at = convert::instant_opt("submittedAt", &get("submittedAt")?)?;
    opening.received_at = convert::instant_opt("receivedAt", &get("receivedAt")?)?;
    opening.actor = convert::text_or_empty("actor", &get("actor")?)?;
    let applicant = get("applicant")?;
    if !applicant.is_undefined() && !applicant.is_null() {
        let text = convert::json_text("applicant", &applicant)?;
        opening.applicant = Some(core::Applicant::from_json(&text).js()?);
    }
    core::Dossier::open(calendar, opening).js().map(Dossier)
}

/// Reads a dossier's JSON on `calendar`: `dossier.calendar_mismatch` for a
/// document recorded on another calendar, unless `reevaluate` is `true`.
pub fn from_json(
    calendar: &CoreCalendar,
    json: &JsValue,
    reevaluate: &JsValue,
) -> Result<Dossier, JsValue> {
    let text = convert::json_text("json", json)?;
    let reevaluate = convert::flag("reevaluate", reevaluate)?;
    if reevaluate {
        core::Dossier::reevaluate_json(&text, calendar)
            .js()
            .map(|(d, _)| Dossier(d))
    } else {
        core::Dossier::from_json(&text, calendar).js().map(Dossier)
    }
}

impl Dossier {
    /// The core dossier, for the other modules of the binding.
    pub(crate) fn inner(&self) -> &core::Dossier {
        &self.0
    }

    fn record(
        &mut self,
        at: &JsValue,
        actor: &JsValue,
        kind: core::EventKind,
    ) -> Result<(), JsValue> {
        let at = convert::instant("at", at)?;
        let actor = convert::text_or_empty("actor", actor)?;
        self.0.record(core::Event::new(at, actor, kind)).js()
    }
}

/// The index of an entry of the log.
fn entry_index(value: &JsValue) -> Result<usize, JsValue> {
    let n = convert::int32("eventIndex", value)?;
    usize::try_from(n).map_err(|_| {
        crate::errors::js_error(
            motcua::ErrorKind::OutOfRange.code(),
            &format!("eventIndex = {n} is not an entry of the log"),
        )
    })
}

/// An event from an object as `events` gives them: its `at` read as every
/// instant argument is (a `Date`, or ISO text with or without an offset),
/// the rest as the log's JSON.
fn event_arg(value: &JsValue) -> Result<core::Event, JsValue> {
    if !value.is_object() {
        return Err(crate::errors::wrong_type(
            "correctedEvent",
            "an object like the entries of events",
            value,
        ));
    }
    let at = convert::instant("correctedEvent.at", &convert::field(value, "at")?)?;
    let fields = js_sys::Object::assign(&js_sys::Object::new(), value.unchecked_ref());
    convert::set(
        &fields,
        "at",
        motcua::calendar::iso::format_instant(at).into(),
    );
    core::Event::from_json(&convert::json_text("correctedEvent", &fields)?).js()
}

/// The methods that record one event each, from one table: the method's
/// JS name, its arguments between `at` and the optional `actor` (their
/// JS name and type, and the `convert` function that reads them), and the
/// event they make. Every method takes `at` first and `actor` last.
macro_rules! event_methods {
    ($(
        $(#[doc = $doc:literal])*
        $js:literal $method:ident ($($arg:ident: $arg_js:literal $ty:ident $ts:literal $read:ident),*)
            => $kind:expr;
    )*) => {
        #[wasm_bindgen]
        impl Dossier {
            $(
                $(#[doc = $doc])*
                #[wasm_bindgen(js_name = $js)]
                pub fn $method(
                    &mut self,
                    #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
                    $(#[wasm_bindgen(js_name = $arg_js, $ty = $ts)] $arg: JsValue,)*
                    #[wasm_bindgen(unchecked_optional_param_type = "string")] actor: JsValue,
                ) -> Result<(), JsValue> {
                    $(let $arg = convert::$read($arg_js, &$arg)?;)*
                    self.record(&at, &actor, $kind)
                }
            )*
        }
    };
}

use motcua::dossier::EventKind as Kind;

event_methods! {
    /// Accepts a dossier submitted online.
    "accept" accept() => Kind::Accepted;
    /// Accepts a submitted dossier on behalf of `competentUnit` (another
    /// center's competent agency): the clock waits for `competentReceive`.
    "acceptCrossBoundary" accept_cross_boundary(
        competent_unit: "competentUnit" unchecked_param_type "string" text
    ) => Kind::AcceptedCrossBoundary { competent_unit };
    /// The competent agency received the cross-boundary dossier: the clock
    /// starts.
    "competentReceive" competent_receive() => Kind::CompetentReceived;
    /// Refuses at reception, or after acceptance on appraisal.
    "refuse" refuse(reason: "reason" unchecked_optional_param_type "string" text_or_empty)
        => Kind::Refused { reason };
    /// Hands the dossier to a workflow step.
    "route" route(step: "step" unchecked_param_type "string" text) => Kind::Routed { step };
    /// Asks for a supplement: the clock pauses.
    "requestSupplement" request_supplement(
        reason: "reason" unchecked_optional_param_type "string" text_or_empty
    ) => Kind::SupplementRequested { reason };
    /// The complete supplement arrived.
    "completeSupplement" complete_supplement() => Kind::SupplementCompleted;
    /// Asks for a financial obligation: the clock pauses.
    "requestPayment" request_payment() => Kind::FinancialObligationRequested;
    /// The obligation is met: the clock resumes.
    "pay" pay() => Kind::Paid;
    /// Suspends processing: the clock pauses.
    "suspend" suspend(reason: "reason" unchecked_optional_param_type "string" text_or_empty)
        => Kind::Suspended { reason };
    /// Resumes processing.
    "resume" resume() => Kind::Resumed;
    /// Apology and new appointment (Mẫu 04), at most once.
    "extend" extend(
        new_due: "newDue" unchecked_param_type "Instant" instant,
        reason: "reason" unchecked_optional_param_type "string" text_or_empty
    ) => Kind::Extended { new_due, reason };
    /// The result is ready.
    "resolve" resolve() => Kind::Resolved;
    /// The result is handed over.
    "returnResult" return_result() => Kind::ResultReturned;
    /// The applicant withdraws.
    "withdraw" withdraw() => Kind::Withdrawn;
}

/// `[{step, budgetHours, usedHours, overspentHours}]`.
fn step_usage(usage: motcua::Result<Vec<core::StepUsage>>) -> Result<JsValue, JsValue> {
    convert::to_js(&usage.js()?)
}

#[wasm_bindgen]
impl Dossier {
    /// A dossier accepted at `receivedAt` on the default calendar, from
    /// `{procedure, code, receivedAt, channel, actor}` (`procedure` as JSON
    /// text or a plain object). Use `calendar.receive(options)` for another
    /// calendar.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ReceiveOptions")] options: JsValue,
    ) -> Result<Dossier, JsValue> {
        receive(&CoreCalendar::vietnam(), &options)
    }

    /// A dossier from its JSON (`toJson`), replayed on the default
    /// calendar. A document recorded on another calendar is
    /// `dossier.calendar_mismatch` (its due dates could differ); with
    /// `reevaluate` `true` it is replayed on this one on purpose.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] reevaluate: JsValue,
    ) -> Result<Dossier, JsValue> {
        from_json(&CoreCalendar::vietnam(), &json, &reevaluate)
    }

    /// The dossier as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.0.to_json().js()
    }

    /// Voids entry `eventIndex` of the log, recorded in error: a
    /// correction by `actor` at `at` with its `reason`, appended (the entry
    /// stays, flagged `voidedBy`); the figures follow the corrected
    /// history. `dossier.invalid_correction` for a correction of a
    /// correction or of no entry, or without a reason or an actor; a
    /// correction that leaves an impossible history throws the replay's
    /// error; a rejected correction changes nothing.
    pub fn void(
        &mut self,
        #[wasm_bindgen(js_name = eventIndex, unchecked_param_type = "number")] event_index: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] reason: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
    ) -> Result<(), JsValue> {
        let event = entry_index(&event_index)?;
        let reason = convert::text("reason", &reason)?;
        let actor = convert::text("actor", &actor)?;
        self.record(&at, &actor.into(), Kind::Voided { event, reason })
    }

    /// Amends entry `eventIndex` of the log into `correctedEvent` (an
    /// object as the entries of `events` read, e.g. `{type: "resolved",
    /// at: "2026-10-07T10:00"}`), by a correction of `actor` at `at` with
    /// its `reason`; as `void` otherwise.
    pub fn amend(
        &mut self,
        #[wasm_bindgen(js_name = eventIndex, unchecked_param_type = "number")] event_index: JsValue,
        #[wasm_bindgen(js_name = correctedEvent, unchecked_param_type = "CorrectedEvent")]
        corrected_event: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] reason: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] actor: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
    ) -> Result<(), JsValue> {
        let event = entry_index(&event_index)?;
        let corrected = Box::new(event_arg(&corrected_event)?);
        let reason = convert::text("reason", &reason)?;
        let actor = convert::text("actor", &actor)?;
        let kind = Kind::Amended {
            event,
            corrected,
            reason,
        };
        self.record(&at, &actor.into(), kind)
    }

    /// The history the figures are replayed from: the log's entries as
    /// corrected (voided ones left out, amended ones replaced).
    #[wasm_bindgen(getter, unchecked_return_type = "DossierEvent[]")]
    pub fn history(&self) -> Result<JsValue, JsValue> {
        convert::to_js(&self.0.history())
    }

    /// The same dossier on its corrected history (no correction entries):
    /// what a closed period's report is re-run on to take later
    /// corrections into account.
    pub fn corrected(&self) -> Result<Dossier, JsValue> {
        self.0.corrected().js().map(Dossier)
    }

    /// The receiving unit (the dossier code's agency).
    #[wasm_bindgen(getter, js_name = receivingUnit)]
    pub fn receiving_unit(&self) -> String {
        self.0.receiving_unit().to_owned()
    }

    /// The competent unit (of a cross-boundary reception, else the
    /// receiving unit).
    #[wasm_bindgen(getter, js_name = competentUnit)]
    pub fn competent_unit(&self) -> String {
        self.0.competent_unit().to_owned()
    }

    /// The code.
    #[wasm_bindgen(getter)]
    pub fn code(&self) -> String {
        self.0.code().to_string()
    }

    /// The national-portal status code, 1 to 10.
    #[wasm_bindgen(getter, unchecked_return_type = "StatusCode")]
    pub fn status(&self) -> u8 {
        self.0.status().code()
    }

    /// The status's Vietnamese name.
    #[wasm_bindgen(getter, js_name = statusName)]
    pub fn status_name(&self) -> String {
        self.0.status().name_vi().to_owned()
    }

    /// `direct`, `online` or `postal`.
    #[wasm_bindgen(getter)]
    pub fn channel(&self) -> String {
        self.0.channel().code().to_owned()
    }

    /// The reception instant.
    #[wasm_bindgen(getter, js_name = receivedAt)]
    pub fn received_at(&self) -> Option<String> {
        convert::iso_opt(self.0.received_at())
    }

    /// The legal due date (`undefined` without deadline).
    #[wasm_bindgen(getter, js_name = dueAt)]
    pub fn due_at(&self) -> Option<String> {
        convert::iso_opt(self.0.due_at())
    }

    /// The appointment given to the applicant.
    #[wasm_bindgen(getter, js_name = appointmentAt)]
    pub fn appointment_at(&self) -> Option<String> {
        convert::iso_opt(self.0.appointment_at())
    }

    /// `"early"`, `"on_time"`, `"late"`, or `null` while running;
    /// granularity `"date"` (default) or `"instant"`.
    #[wasm_bindgen(unchecked_return_type = "Timeliness | null")]
    pub fn timeliness(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Granularity")] granularity: JsValue,
    ) -> Result<JsValue, JsValue> {
        let g = if granularity.is_undefined() || granularity.is_null() {
            Granularity::default()
        } else {
            let text = granularity.as_string().ok_or_else(|| {
                wrong_type("granularity", "\"date\" or \"instant\"", &granularity)
            })?;
            text.parse::<Granularity>().js()?
        };
        Ok(self
            .0
            .timeliness(g)
            .map_or(JsValue::NULL, |t| t.code().into()))
    }

    /// Whether the new appointment after an apology was kept (`undefined`
    /// without extension or while running).
    #[wasm_bindgen(getter, js_name = appointmentKept)]
    pub fn appointment_kept(&self) -> Option<bool> {
        self.0.appointment_kept()
    }

    /// The procedure.
    #[wasm_bindgen(getter)]
    pub fn procedure(&self) -> Procedure {
        Procedure(Arc::new(self.0.procedure().clone()))
    }

    /// `stepUsage` up to `asOf`, the step in progress included.
    #[wasm_bindgen(js_name = stepUsageAt, unchecked_return_type = "StepUsage[]")]
    pub fn step_usage_at(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "Instant")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = convert::instant("asOf", &as_of)?;
        step_usage(self.0.step_usage_at(as_of))
    }

    /// The highest of `thresholds` (shares of the allowed working time,
    /// default `[0.5, 0.75]`) reached at `asOf`, or `null`.
    #[wasm_bindgen(unchecked_return_type = "number | null")]
    pub fn warning(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "Instant")] as_of: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number[]")] thresholds: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = convert::instant("asOf", &as_of)?;
        let thresholds: Vec<f64> = if thresholds.is_undefined() || thresholds.is_null() {
            core::Progress::DEFAULT_WARNING_THRESHOLDS.to_vec()
        } else {
            convert::list("thresholds", &thresholds)?
                .iter()
                .map(|t| convert::number("thresholds[]", &t))
                .collect::<Result<_, _>>()?
        };
        let progress = self.0.progress(as_of).js()?;
        Ok(progress
            .and_then(|p| p.warning_level(&thresholds))
            .map_or(JsValue::NULL, JsValue::from))
    }

    /// Codes of the rules broken along the way.
    #[wasm_bindgen(getter)]
    pub fn violations(&self) -> Vec<String> {
        self.0
            .violations()
            .iter()
            .map(|v| v.code().to_owned())
            .collect()
    }

    /// `[{step, budgetHours, usedHours, overspentHours}]`.
    #[wasm_bindgen(getter, js_name = stepUsage, unchecked_return_type = "StepUsage[]")]
    pub fn step_usage(&self) -> Result<JsValue, JsValue> {
        step_usage(self.0.step_usage())
    }

    /// The event log; an entry a correction voided or amended carries
    /// `voidedBy` or `amendedBy`, the correction's index.
    #[wasm_bindgen(getter, unchecked_return_type = "DossierEvent[]")]
    pub fn events(&self) -> Result<JsValue, JsValue> {
        convert::to_js(&self.0.log())
    }

    /// The facts the index counts (`["synced", "paid_online"]`), or `null`
    /// when none was ever noted.
    #[wasm_bindgen(getter, unchecked_return_type = "DossierFact[] | null")]
    pub fn facts(&self) -> Result<JsValue, JsValue> {
        convert::to_js(&self.0.facts())
    }

    /// Notes a fact (`synced`, `electronic_result`, `digitised`, `reused`,
    /// `shared`, `population_data`, `fee_bearing`, `paid_online`,
    /// `certified_copy`, `complaint`); an unknown one throws an `Error`
    /// with `code` `invalid_argument` naming them.
    pub fn note(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "DossierFact")] fact: JsValue,
    ) -> Result<(), JsValue> {
        let fact: core::Fact = convert::text("fact", &fact)?.parse().js()?;
        self.0.note(fact);
        Ok(())
    }

    /// The figures at `asOf`, replayed from the events up to it with the
    /// corrections (`void`, `amend`) made by then: before a correction,
    /// what was known then.
    #[wasm_bindgen(js_name = stateAt, unchecked_return_type = "DossierState")]
    pub fn state_at(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "Instant")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = convert::instant("asOf", &as_of)?;
        convert::to_js(&self.0.state_at(as_of).js()?)
    }

    /// The timeline of events and rules that produced the due date:
    /// `[{at, rule, vi, en, dueAt}]`.
    #[wasm_bindgen(unchecked_return_type = "ExplanationEntry[]")]
    pub fn explain(&self) -> Result<JsValue, JsValue> {
        convert::to_js(&self.0.explain().js()?)
    }

    /// The data of the receipt and appointment slip (Mẫu 01).
    #[wasm_bindgen(js_name = receiptSlip, unchecked_return_type = "ReceiptSlip")]
    pub fn receipt_slip(&self) -> Result<JsValue, JsValue> {
        convert::to_js(&self.0.receipt_slip())
    }

    /// The data of the apology letter (Mẫu 04), or `null`.
    #[wasm_bindgen(js_name = apologyLetter, unchecked_return_type = "Record<string, unknown> | null")]
    pub fn apology_letter(&self) -> Result<JsValue, JsValue> {
        convert::to_js(&self.0.apology_letter())
    }

    /// The data of the notice that processing is stopped (Mẫu 05 of
    /// Circular 03/2025), or `null` unless stopped.
    #[wasm_bindgen(js_name = stopNotice, unchecked_return_type = "Record<string, unknown> | null")]
    pub fn stop_notice(&self) -> Result<JsValue, JsValue> {
        convert::to_js(&self.0.stop_notice())
    }

    /// `"decree_61_2018"` or `"decree_118_2025"`: the rule set of the
    /// reception date; `undefined` before acceptance.
    #[wasm_bindgen(getter, js_name = ruleSet)]
    pub fn rule_set(&self) -> Option<String> {
        self.0.rule_set().map(|r| r.code().to_owned())
    }
}

#[wasm_bindgen]
impl Calendar {
    /// A dossier accepted on this calendar, from `{procedure, code,
    /// receivedAt, channel, actor}`.
    pub fn receive(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReceiveOptions")] options: JsValue,
    ) -> Result<Dossier, JsValue> {
        receive(self.inner(), &options)
    }

    /// "If I submit now": `{dueAt, explanation}` for a dossier of
    /// `procedure` (JSON text or object) accepted at `at` through `channel`
    /// (default `"direct"`). `dueAt` is `null` for a procedure without
    /// deadline. Same clock and notes as `receive(...).explain()`.
    #[wasm_bindgen(unchecked_return_type = "Estimate")]
    pub fn estimate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | ProcedureJson | Procedure")]
        procedure: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Instant")] at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Channel")] channel: JsValue,
    ) -> Result<JsValue, JsValue> {
        let procedure =
            procedure::Procedure::from_json(&convert::json_text("procedure", &procedure)?).js()?;
        estimate(self.inner(), &procedure, &at, &channel)
    }

    /// A dossier from its JSON, replayed on this calendar (see
    /// `Dossier.fromJson` for `reevaluate`).
    #[wasm_bindgen(js_name = dossierFromJson)]
    pub fn dossier_from_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] reevaluate: JsValue,
    ) -> Result<Dossier, JsValue> {
        from_json(self.inner(), &json, &reevaluate)
    }
}
