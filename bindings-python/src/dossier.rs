//! Procedures, dossier codes and dossiers for Python.

use std::sync::Arc;

use chrono::NaiveDateTime;
use motcua::dossier::{self as core, Granularity};
use motcua::procedure::{self, Channel};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{self, Zone};
use crate::errors::{wrong_type, IntoPy};

/// An administrative procedure (TTHC).
#[pyclass(frozen, module = "motcua")]
#[derive(Clone)]
pub struct Procedure(pub Arc<procedure::Procedure>);

#[pymethods]
impl Procedure {
    /// A procedure from a dict (the JSON format of the catalog); raises
    /// ``InvalidProcedureError`` naming the procedure and the field.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let text = convert::json_text(py, "data", data)?;
            procedure::Procedure::from_json(&text)
                .py(py)
                .map(|p| Self(Arc::new(p)))
        })
    }

    /// A procedure from JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let text = convert::text(py, "text", text)?;
            procedure::Procedure::from_json(&text)
                .py(py)
                .map(|p| Self(Arc::new(p)))
        })
    }

    /// The procedure as a dict.
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| convert::to_python(py, &*self.0))
    }

    /// "If I submit now": the due date of a dossier of this procedure
    /// accepted at ``at`` through ``channel``, with its explanation; the
    /// same clock and notes as a received ``Dossier``. The due date is
    /// ``None`` for a procedure without deadline, and aware (UTC+7) when
    /// ``at`` is.
    ///
    /// >>> import datetime as dt, motcua
    /// >>> p = motcua.Procedure.from_dict({"code": "1.000001", "name": "Cấp phép",
    /// ...     "processing_time": {"kind": "working_days", "days": 5}})
    /// >>> due, why = p.estimate(dt.datetime(2026, 2, 13, 9, 30))
    /// >>> due                                  # Tết 16–20/02/2026 skipped
    /// datetime.datetime(2026, 2, 27, 9, 30)
    /// >>> why.entries[0]["rule"]
    /// 'received'
    #[pyo3(signature = (at, channel = None, calendar = None))]
    fn estimate(
        &self,
        py: Python<'_>,
        at: &Bound<'_, PyAny>,
        channel: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<(Py<PyAny>, Explanation)> {
        crate::errors::guard(|| {
            let (at, zone) = convert::instant(py, "at", at)?;
            let channel = match channel {
                None => Channel::Direct,
                Some(c) => convert::channel(py, c)?,
            };
            let calendar = crate::calendar::calendar_arg(py, calendar)?;
            let estimate = self.0.estimate(&calendar, channel, at).py(py)?;
            Ok((
                convert::to_instant_opt(py, estimate.due_at, zone)?,
                Explanation::new(py, estimate.explanation, zone)?,
            ))
        })
    }

    /// The procedure as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.0.to_json().py(py)
    }

    /// National code.
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }

    /// Name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The agency that decides (the report's ``"agency"`` group).
    #[getter]
    fn agency(&self) -> &str {
        &self.0.agency
    }

    /// The field (lĩnh vực; the report's ``"field"`` group).
    #[getter]
    fn field(&self) -> &str {
        &self.0.field
    }

    fn __repr__(&self) -> String {
        format!("Procedure(code={:?}, name={:?})", self.0.code, self.0.name)
    }

    /// Pickles as its JSON.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        crate::errors::guard(|| {
            Ok((
                slf.get_type().getattr("from_json")?,
                (slf.get().0.to_json().py(slf.py())?,),
            ))
        })
    }
}

/// A catalog of procedures by national code.
#[pyclass(frozen, module = "motcua")]
pub struct Catalog(procedure::Catalog);

impl Catalog {
    /// The core catalog (its procedures give the index's catalog-based
    /// inputs).
    pub(crate) fn inner(&self) -> &procedure::Catalog {
        &self.0
    }
}

#[pymethods]
impl Catalog {
    /// Pickles (joblib, multiprocessing) as its JSON.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        crate::errors::guard(|| {
            Ok((
                slf.get_type().getattr("from_json")?,
                (slf.get().0.to_json().py(slf.py())?,),
            ))
        })
    }

    /// A catalog from JSON text: an array of procedures or
    /// ``{"procedures": [...]}``.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let text = convert::text(py, "text", text)?;
            procedure::Catalog::from_json(&text).py(py).map(Self)
        })
    }

    /// The sample center's catalog (the procedures ``sample_center`` draws
    /// from), for trying the library out.
    #[staticmethod]
    fn sample(py: Python<'_>) -> PyResult<Self> {
        crate::errors::guard(|| motcua::sample::catalog().py(py).map(Self))
    }

    /// The procedure with this code; raises ``UnknownProcedureError`` (a
    /// ``KeyError``).
    fn __getitem__(&self, py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<Procedure> {
        crate::errors::guard(|| {
            let code = convert::procedure_code(py, "code", code)?;
            Ok(Procedure(Arc::clone(self.0.get(&code).py(py)?)))
        })
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    /// ``code in catalog``: whether the catalog holds this national code.
    fn __contains__(&self, py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::errors::guard(|| {
            let code = convert::procedure_code(py, "code", code)?;
            Ok(self.0.get(&code).is_ok())
        })
    }

    /// The national codes, in order, as iterating a dict gives its keys.
    fn __iter__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let codes = pyo3::types::PyList::new(py, self.codes())?;
        Ok(codes.as_any().try_iter()?.into_any().unbind())
    }

    /// The national codes of the catalog.
    fn codes(&self) -> Vec<String> {
        self.0.iter().map(|p| p.code.clone()).collect()
    }

    /// The catalog as JSON text (``{"defaults", "procedures"}``), which
    /// :meth:`from_json` reads back.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.0.to_json().py(py)
    }

    fn __repr__(&self) -> String {
        format!("Catalog({} procedures)", self.0.len())
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<Py<PyAny>> {
        convert::notebook_html(slf.as_any(), "catalog")
    }
}

/// A dossier code ``AGENCY-YYMMDD-SEQ`` (Circular 03/2025/TT-VPCP Art. 13).
#[pyclass(frozen, eq, hash, module = "motcua")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DossierCode(pub core::DossierCode);

#[pymethods]
impl DossierCode {
    /// Parses and validates a code of ``rule``: ``"current"`` (the
    /// default, which reads the archives' ``000.00.06.H56-…`` codes too),
    /// ``"central"`` (a ministry-run system, ``ID-YYMMDD-AAXXXX``) or
    /// ``"legacy"`` (Circular 01/2018, exactly 4 digits); raises
    /// ``InvalidDossierCodeError`` naming what is wrong.
    #[staticmethod]
    #[pyo3(signature = (text, rule = None))]
    fn parse(
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        rule: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        crate::errors::guard(|| {
            let text = convert::text(py, "text", text)?;
            core::DossierCode::parse_with(&text, convert::code_rule(py, rule)?)
                .py(py)
                .map(Self)
        })
    }

    /// The receiving agency's code.
    #[getter]
    fn agency(&self) -> &str {
        self.0.agency()
    }

    /// The reception date.
    #[getter]
    fn date(&self) -> chrono::NaiveDate {
        self.0.date()
    }

    /// The sequence number within the agency's day, from 1.
    #[getter]
    fn sequence(&self) -> u32 {
        self.0.sequence()
    }

    /// The owning ministry's two digits of a centrally run system's code,
    /// else ``None``.
    #[getter]
    fn ministry(&self) -> Option<u8> {
        self.0.ministry()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("DossierCode({:?})", self.0.to_string())
    }

    /// Pickles as its text and the rule that reads it back.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, &'static str))> {
        crate::errors::guard(|| {
            let code = &slf.get().0;
            let rule = match code.ministry() {
                Some(_) => core::CodeRule::Central,
                None => core::CodeRule::Current,
            };
            Ok((
                slf.get_type().getattr("parse")?,
                (code.to_string(), rule.code()),
            ))
        })
    }
}

/// Issues dossier codes, a sequence per agency per day, by ``rule``
/// (``"current"``, ``"central"`` with its ``ministry``, or ``"legacy"``).
#[pyclass(module = "motcua")]
pub struct DossierCodeGenerator(core::DossierCodeGenerator);

#[pymethods]
impl DossierCodeGenerator {
    #[new]
    #[pyo3(signature = (rule = None, ministry = None))]
    fn new(
        py: Python<'_>,
        rule: Option<&Bound<'_, PyAny>>,
        ministry: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        crate::errors::guard(|| {
            let ministry = match ministry {
                Some(m) if !m.is_none() => Some(
                    m.extract::<u8>()
                        .map_err(|_| wrong_type(py, "ministry", "an int from 0 to 99", m))?,
                ),
                _ => None,
            };
            core::DossierCodeGenerator::for_rule(convert::code_rule(py, rule)?, ministry)
                .py(py)
                .map(Self)
        })
    }

    /// The next code of ``agency`` for ``date``; past the rule's last
    /// sequence (the 10,000th of a day under ``"legacy"``) raises
    /// ``SequenceExhaustedError``.
    fn next(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        agency: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
    ) -> PyResult<DossierCode> {
        crate::errors::guard(|| {
            let agency = convert::text(py, "agency", agency)?;
            let date = convert::date(py, "date", date)?;
            let code = crate::errors::borrow_mut(slf)?.0.next(&agency, date);
            code.py(py).map(DossierCode)
        })
    }

    /// Records a code issued elsewhere; raises ``DuplicateDossierCodeError``
    /// for a code already in use.
    fn register(slf: &Bound<'_, Self>, py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<()> {
        crate::errors::guard(|| {
            let code = match code.cast::<DossierCode>() {
                Ok(code) => code.get().0.clone(),
                Err(_) => {
                    let text = convert::text(py, "code", code)?;
                    let rule = crate::errors::borrow(slf)?.0.rule();
                    core::DossierCode::parse_with(&text, rule).py(py)?
                }
            };
            crate::errors::borrow_mut(slf)?.0.register(code).py(py)
        })
    }
}

/// A ``procedure=`` argument: a :class:`motcua.Procedure`.
fn procedure_arg(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Arc<procedure::Procedure>> {
    Ok(value
        .cast::<Procedure>()
        .map_err(|_| wrong_type(py, "procedure", "a motcua.Procedure", value))?
        .get()
        .0
        .clone())
}

fn dossier_code(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<core::DossierCode> {
    if let Ok(code) = value.cast::<DossierCode>() {
        return Ok(code.get().0.clone());
    }
    let text: String = value
        .extract()
        .map_err(|_| wrong_type(py, "code", "a str or DossierCode", value))?;
    core::DossierCode::parse(&text).py(py)
}

/// A dossier: its code, procedure, channel and event log, with the legal
/// clock replayed from the log. A dossier opened with aware datetimes
/// gives aware (UTC+7) ones and takes only aware ones; one opened with
/// naive datetimes (Vietnam local time), or read from JSON, gives and takes
/// naive ones. The other kind raises ``InvalidTypeError``.
///
/// >>> import datetime as dt, motcua
/// >>> p = motcua.Procedure.from_dict({"code": "1.000001", "name": "Cấp phép",
/// ...     "processing_time": {"kind": "working_days", "days": 5}})
/// >>> d = motcua.Dossier(procedure=p, code="000.00.06.H56-231027-0361",
/// ...     received_at=dt.datetime(2023, 10, 27, 9, 32), channel="direct")
/// >>> d.due_at
/// datetime.datetime(2023, 11, 3, 9, 32)
#[pyclass(module = "motcua")]
pub struct Dossier(
    pub(crate) core::Dossier,
    pub(crate) Zone,
    /// The calendar it was made on, `None` for the default one: what a
    /// pickled dossier is rebuilt on.
    pub(crate) Option<Py<crate::calendar::Calendar>>,
);

impl Dossier {
    /// The kind of instants this dossier takes and gives, fixed when it is
    /// opened. Read with a borrow released at once, before any argument is
    /// converted (see [`Dossier::record`]).
    fn zone(slf: &Bound<'_, Self>) -> PyResult<Zone> {
        Ok(crate::errors::borrow(slf)?.1)
    }

    /// An instant argument of a call on this dossier.
    fn instant(
        slf: &Bound<'_, Self>,
        name: &str,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<NaiveDateTime> {
        let zone = Self::zone(slf)?;
        convert::instant_in(slf.py(), name, value, zone)
    }

    /// Records one event; a rejected one leaves the dossier unchanged. Its
    /// arguments are converted before the dossier is borrowed: converting an
    /// aware datetime runs its `utcoffset`, Python code during which another
    /// thread may run and call this dossier, and would find it borrowed.
    fn record(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        at: &Bound<'_, PyAny>,
        actor: Option<&Bound<'_, PyAny>>,
        kind: core::EventKind,
    ) -> PyResult<()> {
        let at = Self::instant(slf, "at", at)?;
        let actor = convert::text_or(py, "actor", actor, "")?;
        let event = core::Event::new(at, actor, kind);
        crate::errors::borrow_mut(slf)?.0.record(event).py(py)
    }
}

/// The index of an entry of the log: a non-negative `int`.
fn entry_index(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<usize> {
    let n = convert::count(py, "event_index", value, u32::MAX.into())?;
    usize::try_from(n).map_err(|_| {
        crate::errors::exception(
            py,
            motcua::ErrorKind::OutOfRange.code(),
            format!("event_index {n} is too large"),
        )
    })
}

impl Dossier {
    /// An event from a dict as :attr:`events` gives them: its `at` read as
    /// every instant argument is (aware ones converted), the rest as JSON.
    fn event_arg(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<core::Event> {
        let dict = value.cast::<PyDict>().map_err(|_| {
            wrong_type(
                py,
                "corrected_event",
                "a dict like the entries of Dossier.events",
                value,
            )
        })?;
        let at = dict.get_item("at")?.ok_or_else(|| {
            crate::errors::exception(
                py,
                "invalid_argument",
                "corrected_event needs its 'at'".into(),
            )
        })?;
        let at = Self::instant(slf, "corrected_event['at']", &at)?;
        let fields = dict.copy()?;
        fields.set_item("at", motcua::calendar::iso::format_instant(at))?;
        let json: String = py
            .import("json")?
            .call_method1("dumps", (fields,))?
            .extract()?;
        core::Event::from_json(&json).py(py)
    }
}

/// The methods that record one event each, from one table: the method,
/// its arguments between ``at`` and the optional ``actor`` (required, or
/// optional with a default, and the `convert` function that reads them),
/// and the event they make. Arguments are converted before the dossier is
/// borrowed (see [`Dossier::record`]).
macro_rules! event_methods {
    (@read $slf:ident $py:ident $arg:ident required instant) => {
        Self::instant($slf, stringify!($arg), $arg)?
    };
    (@read $slf:ident $py:ident $arg:ident required $read:ident) => {
        convert::$read($py, stringify!($arg), $arg)?
    };
    (@read $slf:ident $py:ident $arg:ident optional $read:ident) => {
        convert::text_or($py, stringify!($arg), $arg, "")?
    };
    (@type required) => { &Bound<'_, PyAny> };
    (@type optional) => { Option<&Bound<'_, PyAny>> };
    ($(
        $(#[doc = $doc:literal])*
        $method:ident ($($arg:ident $need:ident $read:ident),*) $signature:tt => $kind:expr;
    )*) => {
        #[pymethods]
        impl Dossier {
            $(
                $(#[doc = $doc])*
                #[pyo3(signature = $signature)]
                fn $method(
                    slf: &Bound<'_, Self>,
                    py: Python<'_>,
                    at: &Bound<'_, PyAny>,
                    $($arg: event_methods!(@type $need),)*
                    actor: Option<&Bound<'_, PyAny>>,
                ) -> PyResult<()> {
                    crate::errors::guard(|| {
                        $(let $arg = event_methods!(@read slf py $arg $need $read);)*
                        Self::record(slf, py, at, actor, $kind)
                    })
                }
            )*
        }
    };
}

use motcua::dossier::EventKind as Kind;

event_methods! {
    /// Accepts a dossier submitted online: the clock starts.
    accept() (at, actor = None) => Kind::Accepted;
    /// Accepts a submitted dossier on behalf of ``competent_unit`` (the
    /// electronic identifier of another center's competent agency): the
    /// receipt slip is issued, the clock waits for :meth:`competent_receive`.
    accept_cross_boundary(competent_unit required text) (at, competent_unit, actor = None)
        => Kind::AcceptedCrossBoundary { competent_unit };
    /// The competent agency received the cross-boundary dossier: the clock
    /// starts.
    competent_receive() (at, actor = None) => Kind::CompetentReceived;
    /// The complete supplement arrived: restart or resume per the
    /// procedure's policy.
    complete_supplement() (at, actor = None) => Kind::SupplementCompleted;
    /// Asks for a financial obligation: the clock pauses.
    request_payment() (at, actor = None) => Kind::FinancialObligationRequested;
    /// The financial obligation is met: the clock resumes.
    pay() (at, actor = None) => Kind::Paid;
    /// Resumes processing: the clock resumes.
    resume() (at, actor = None) => Kind::Resumed;
    /// The result is ready: processing ends.
    resolve() (at, actor = None) => Kind::Resolved;
    /// The result is handed over.
    return_result() (at, actor = None) => Kind::ResultReturned;
    /// The applicant withdraws the dossier.
    withdraw() (at, actor = None) => Kind::Withdrawn;
    /// Refuses the dossier at reception (Mẫu 03).
    refuse(reason optional text) (at, reason = None, actor = None) => Kind::Refused { reason };
    /// Asks the applicant for a supplement (Mẫu 02): the clock pauses.
    request_supplement(reason optional text) (at, reason = None, actor = None)
        => Kind::SupplementRequested { reason };
    /// Suspends processing: the clock pauses.
    suspend(reason optional text) (at, reason = None, actor = None)
        => Kind::Suspended { reason };
    /// Hands the dossier to a workflow step.
    route(step required text) (at, step, actor = None) => Kind::Routed { step };
    /// Apologises and sets a new appointment (Mẫu 04), at most once.
    extend(new_due required instant, reason optional text) (at, new_due, reason = None, actor = None)
        => Kind::Extended { new_due, reason };
}

#[pymethods]
impl Dossier {
    /// A dossier accepted at ``received_at`` through ``channel``: the clock
    /// starts. With ``submitted_at`` (online, postal), the log starts with
    /// the submission (status 1) and, without ``received_at``, waits for
    /// :meth:`accept`. ``applicant`` is a dict of ``name``, ``id_number``,
    /// ``phone``, ``email``, ``address``. ``calendar`` defaults to
    /// ``Calendar.vietnam()``.
    #[new]
    #[allow(clippy::too_many_arguments)] // keyword-only constructor arguments
    #[pyo3(signature = (*, procedure, code, received_at = None, channel = None, calendar = None, actor = None, submitted_at = None, applicant = None))]
    fn new(
        py: Python<'_>,
        procedure: &Bound<'_, PyAny>,
        code: &Bound<'_, PyAny>,
        received_at: Option<&Bound<'_, PyAny>>,
        channel: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
        actor: Option<&Bound<'_, PyAny>>,
        submitted_at: Option<&Bound<'_, PyAny>>,
        applicant: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        crate::errors::guard(|| {
            let mut opening =
                core::Opening::new(procedure_arg(py, procedure)?, dossier_code(py, code)?);
            if let Some(c) = channel {
                opening.channel = convert::channel(py, c)?;
            }
            let submitted = submitted_at
                .map(|t| convert::instant(py, "submitted_at", t))
                .transpose()?;
            let received = received_at
                .map(|t| convert::instant(py, "received_at", t))
                .transpose()?;
            let zone = match (submitted, received) {
                (Some((_, a)), Some((_, b))) => {
                    convert::same_zone(py, "received_at", b, a)?;
                    a
                }
                (Some((_, z)), None) | (None, Some((_, z))) => z,
                (None, None) => Zone::Naive,
            };
            opening.submitted_at = submitted.map(|(t, _)| t);
            opening.received_at = received.map(|(t, _)| t);
            opening.actor = convert::text_or(py, "actor", actor, "")?;
            if let Some(a) = applicant {
                opening.applicant = Some(
                    core::Applicant::from_json(&convert::json_text(py, "applicant", a)?).py(py)?,
                );
            }
            let source = crate::calendar::calendar_object(py, calendar)?;
            let calendar = crate::calendar::calendar_arg(py, calendar)?;
            core::Dossier::open(&calendar, opening)
                .py(py)
                .map(|d| Self(d, zone, source))
        })
    }

    /// The dossier a row of a records table implies (no event log):
    /// accepted at ``received_at``, then ended at ``ended_at`` by
    /// ``ending`` (``"resolved"``, ``"withdrawn"``, ``"stopped"``,
    /// ``"refused_after_appraisal"``), for
    /// :func:`motcua.appointment_changes_frame` over a table.
    #[staticmethod]
    #[allow(clippy::too_many_arguments)] // keyword-only arguments
    #[pyo3(signature = (*, procedure, code, received_at, channel = None, ended_at = None, ending = None, calendar = None))]
    fn from_record(
        py: Python<'_>,
        procedure: &Bound<'_, PyAny>,
        code: &Bound<'_, PyAny>,
        received_at: &Bound<'_, PyAny>,
        channel: Option<&Bound<'_, PyAny>>,
        ended_at: Option<&Bound<'_, PyAny>>,
        ending: Option<&Bound<'_, PyAny>>,
        calendar: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        crate::errors::guard(|| {
            let procedure = procedure_arg(py, procedure)?;
            let code = dossier_code(py, code)?;
            let ending = match ending.filter(|e| !e.is_none()) {
                None => None,
                Some(e) => {
                    let text = convert::text(py, "ending", e)?;
                    Some(text.parse::<motcua::report::Ending>().py(py)?)
                }
            };
            let (received_at, zone) = convert::instant(py, "received_at", received_at)?;
            let record = motcua::report::ReportRecord {
                channel: channel.map_or(Ok(Channel::Direct), |c| convert::channel(py, c))?,
                received_at: Some(received_at),
                due_at: None,
                ended_at: ended_at
                    .filter(|e| !e.is_none())
                    .map(|e| convert::instant_in(py, "ended_at", e, zone))
                    .transpose()?,
                ending,
                paused: false,
                supplement_requests: 0,
                facts: None,
            };
            let source = crate::calendar::calendar_object(py, calendar)?;
            let calendar = crate::calendar::calendar_arg(py, calendar)?;
            core::Dossier::from_record(procedure, &calendar, code, &record)
                .py(py)
                .map(|d| Self(d, zone, source))
        })
    }

    /// A dossier from its JSON (``to_json``), replayed on ``calendar``. A
    /// document recorded on another calendar raises
    /// ``CalendarMismatchError`` (its due dates could differ); with
    /// ``reevaluate=True`` it is replayed on ``calendar`` on purpose.
    #[staticmethod]
    #[pyo3(signature = (text, calendar = None, *, reevaluate = None))]
    fn from_json(
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        calendar: Option<&Bound<'_, PyAny>>,
        reevaluate: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        crate::errors::guard(|| {
            let text = convert::text(py, "text", text)?;
            let source = crate::calendar::calendar_object(py, calendar)?;
            let calendar = crate::calendar::calendar_arg(py, calendar)?;
            let reevaluate =
                reevaluate.map_or(Ok(false), |r| convert::flag(py, "reevaluate", r))?;
            let dossier = if reevaluate {
                core::Dossier::reevaluate_json(&text, &calendar).map(|(d, _)| d)
            } else {
                core::Dossier::from_json(&text, &calendar)
            };
            dossier.py(py).map(|d| Self(d, Zone::Naive, source))
        })
    }

    /// The dossier as JSON: code, procedure, channel and event log.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.0.to_json().py(py)
    }

    /// Pickles (joblib, multiprocessing) as its JSON, its calendar (which
    /// pickles with its options and data) and the kind of instants it
    /// takes: unpickled, it replays to the same dossier.
    #[allow(clippy::type_complexity)] // the (callable, args) pair pickle reads
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(
        Bound<'py, PyAny>,
        (String, Option<Py<crate::calendar::Calendar>>, bool),
    )> {
        crate::errors::guard(|| {
            let py = slf.py();
            let me = crate::errors::borrow(slf)?;
            let rebuild = py
                .import("motcua._motcua")?
                .getattr("_dossier_from_state")?;
            let calendar = me.2.as_ref().map(|c| c.clone_ref(py));
            Ok((
                rebuild,
                (me.0.to_json().py(py)?, calendar, me.1 == Zone::Aware),
            ))
        })
    }

    /// Voids entry ``event_index`` of the log, recorded in error: a
    /// correction by ``actor`` at ``at`` with its ``reason``, appended to
    /// the log (the entry stays, flagged ``voided_by``); the figures follow
    /// the corrected history. A correction of a correction or of no entry,
    /// or without a reason or an actor, raises ``InvalidCorrectionError``;
    /// one that leaves an impossible history raises the replay's error; a
    /// rejected correction changes nothing.
    fn void(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        event_index: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
        actor: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        crate::errors::guard(|| {
            let event = entry_index(py, event_index)?;
            let reason = convert::text(py, "reason", reason)?;
            Self::record(slf, py, at, Some(actor), Kind::Voided { event, reason })
        })
    }

    /// Amends entry ``event_index`` of the log into ``corrected_event`` (a
    /// dict as the entries of :attr:`events` read, e.g. ``{"type":
    /// "resolved", "at": datetime, "actor": "can-bo"}``), by a correction
    /// of ``actor`` at ``at`` with its ``reason``; as :meth:`void`
    /// otherwise.
    fn amend(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        event_index: &Bound<'_, PyAny>,
        corrected_event: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
        actor: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        crate::errors::guard(|| {
            let event = entry_index(py, event_index)?;
            let corrected = Box::new(Self::event_arg(slf, py, corrected_event)?);
            let reason = convert::text(py, "reason", reason)?;
            let kind = Kind::Amended {
                event,
                corrected,
                reason,
            };
            Self::record(slf, py, at, Some(actor), kind)
        })
    }

    /// The history the figures are replayed from: the log's entries as
    /// corrected (voided ones left out, amended ones replaced), as dicts.
    #[getter]
    fn history(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| convert::to_python_in(py, &self.0.history(), self.1))
    }

    /// The same dossier on its corrected history (no correction entries):
    /// what a closed period's report is re-run on to take later
    /// corrections into account.
    fn corrected(&self, py: Python<'_>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let source = self.2.as_ref().map(|c| c.clone_ref(py));
            Ok(Self(self.0.corrected().py(py)?, self.1, source))
        })
    }

    /// The receiving unit (the dossier code's agency).
    #[getter]
    fn receiving_unit(&self) -> &str {
        self.0.receiving_unit()
    }

    /// The competent unit (of a cross-boundary reception, else the
    /// receiving unit).
    #[getter]
    fn competent_unit(&self) -> &str {
        self.0.competent_unit()
    }

    /// The code.
    #[getter]
    fn code(&self) -> String {
        self.0.code().to_string()
    }

    /// The procedure.
    #[getter]
    fn procedure(&self) -> Procedure {
        Procedure(Arc::new(self.0.procedure().clone()))
    }

    /// ``"direct"``, ``"online"`` or ``"postal"``.
    #[getter]
    fn channel(&self) -> &'static str {
        self.0.channel().code()
    }

    /// The status, a ``motcua.Status`` (``IntEnum``, 1–10).
    #[getter]
    fn status(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| convert::status(py, Some(self.0.status())))
    }

    /// The reception instant.
    #[getter]
    fn received_at(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        convert::to_instant_opt(py, self.0.received_at(), self.1)
    }

    /// The legal due date (``None`` for procedures without deadline).
    #[getter]
    fn due_at(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        convert::to_instant_opt(py, self.0.due_at(), self.1)
    }

    /// The appointment given to the applicant (the new one after an apology).
    #[getter]
    fn appointment_at(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        convert::to_instant_opt(py, self.0.appointment_at(), self.1)
    }

    /// ``"early"``, ``"on_time"`` or ``"late"`` once resolved; ``None``
    /// while running and for refused or withdrawn dossiers.
    #[pyo3(signature = (granularity = None))]
    fn timeliness(
        &self,
        py: Python<'_>,
        granularity: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<&'static str>> {
        crate::errors::guard(|| {
            let g = match granularity {
                Some(g) => convert::text(py, "granularity", g)?.parse().py(py)?,
                None => Granularity::default(),
            };
            Ok(self.0.timeliness(g).map(|t| t.code()))
        })
    }

    /// Whether the new appointment after an apology was kept.
    #[getter]
    fn appointment_kept(&self) -> Option<bool> {
        self.0.appointment_kept()
    }

    /// The facts a period report reads, as they stood at ``as_of`` (the end
    /// of a period): a dict of ``channel``, ``received_at``, ``due_at``,
    /// ``ended_at``, ``ending`` (``"resolved"``, ``"withdrawn"``,
    /// ``"refused"`` or ``None``), ``paused`` and ``supplement_requests``:
    /// one row of the tables that :func:`motcua.report_table` reads.
    fn report_record<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        crate::errors::guard(|| {
            let zone = Self::zone(slf)?;
            let as_of = convert::instant_in(py, "as_of", as_of, zone)?;
            let r =
                motcua::report::ReportRecord::from_dossier(&crate::errors::borrow(slf)?.0, as_of)
                    .py(py)?;
            let out = PyDict::new(py);
            out.set_item("channel", r.channel.code())?;
            out.set_item(
                "received_at",
                convert::to_instant_opt(py, r.received_at, zone)?,
            )?;
            out.set_item("due_at", convert::to_instant_opt(py, r.due_at, zone)?)?;
            out.set_item("ended_at", convert::to_instant_opt(py, r.ended_at, zone)?)?;
            out.set_item("ending", r.ending.map(|e| e.code()))?;
            out.set_item("paused", r.paused)?;
            out.set_item("supplement_requests", r.supplement_requests)?;
            out.set_item(
                "facts",
                r.facts
                    .map(|f| f.iter().map(|x| x.code()).collect::<Vec<_>>()),
            )?;
            Ok(out)
        })
    }

    /// Codes of the rules broken along the way.
    #[getter]
    fn violations(&self) -> Vec<&'static str> {
        self.0.violations().iter().map(|v| v.code()).collect()
    }

    /// Time used by each workflow step against its budget, in working hours
    /// (the step in progress counted to the last event).
    #[getter]
    fn step_usage(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| step_usage(py, &self.0.step_usage().py(py)?))
    }

    /// Time used by each workflow step up to ``as_of``, the step in
    /// progress included: where a running dossier's time goes.
    fn step_usage_at(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        as_of: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let as_of = Self::instant(slf, "as_of", as_of)?;
            let usage = crate::errors::borrow(slf)?.0.step_usage_at(as_of).py(py)?;
            step_usage(py, &usage)
        })
    }

    /// The highest of ``thresholds`` (shares of the allowed working time)
    /// reached at ``as_of``, or ``None``: warnings before the due date.
    #[pyo3(signature = (as_of, thresholds = None))]
    fn warning(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        as_of: &Bound<'_, PyAny>,
        thresholds: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<f64>> {
        crate::errors::guard(|| {
            let as_of = Self::instant(slf, "as_of", as_of)?;
            let thresholds = match thresholds {
                Some(t) => convert::reals(py, "thresholds", t)?,
                None => core::Progress::DEFAULT_WARNING_THRESHOLDS.to_vec(),
            };
            Ok(crate::errors::borrow(slf)?
                .0
                .progress(as_of)
                .py(py)?
                .and_then(|p| p.warning_level(&thresholds)))
        })
    }

    /// The event log as dicts; an entry a correction voided or amended
    /// carries ``voided_by`` or ``amended_by``, the correction's index.
    #[getter]
    fn events(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| convert::to_python_in(py, &self.0.log(), self.1))
    }

    /// The facts the index counts (``["synced", "paid_online"]``), or
    /// ``None`` when none was ever noted.
    #[getter]
    fn facts(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| convert::to_python(py, &self.0.facts()))
    }

    /// Notes a fact: ``synced``, ``electronic_result``, ``digitised``,
    /// ``reused``, ``shared``, ``population_data``, ``fee_bearing``,
    /// ``paid_online``, ``certified_copy`` or ``complaint``; an unknown one
    /// is a ``ValueError`` naming them.
    fn note(slf: &Bound<'_, Self>, py: Python<'_>, fact: &Bound<'_, PyAny>) -> PyResult<()> {
        crate::errors::guard(|| {
            let fact: core::Fact = convert::text(py, "fact", fact)?.parse().py(py)?;
            crate::errors::borrow_mut(slf)?.0.note(fact);
            Ok(())
        })
    }

    /// The figures at ``as_of``, replayed from the events up to it with the
    /// corrections (``void``, ``amend``) made by then, so that before a
    /// correction they show what was known then: status, due date,
    /// appointment, timeliness and, while running, progress (``overdue``,
    /// ``elapsed_fraction``, ``due_soon``, ``effective_due``).
    fn state_at(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        as_of: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let as_of = Self::instant(slf, "as_of", as_of)?;
            let s = crate::errors::borrow(slf)?.0.state_at(as_of).py(py)?;
            let out = convert::to_python_in(py, &s, Self::zone(slf)?)?;
            out.bind(py)
                .set_item("status", convert::status(py, s.status)?)?;
            Ok(out)
        })
    }

    /// The timeline of events and rules that produced the due date.
    fn explain(&self, py: Python<'_>) -> PyResult<Explanation> {
        crate::errors::guard(|| Explanation::new(py, self.0.explain().py(py)?, self.1))
    }

    /// The ``DongBoHoSoMC`` payload of the national portal (PascalCase keys,
    /// ``yyyyMMddHHmmss`` timestamps).
    fn portal_sync(slf: &Bound<'_, Self>, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let sync =
                motcua::portal::DossierSync::from_dossier(&crate::errors::borrow(slf)?.0).py(py)?;
            convert::json_loads(py, &sync)
        })
    }

    /// The ``CapNhatTienDoHoSoMC`` progress entries, one per event.
    fn portal_progress(slf: &Bound<'_, Self>, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let entries =
                motcua::portal::progress_entries(&crate::errors::borrow(slf)?.0).py(py)?;
            convert::json_loads(py, &entries)
        })
    }

    /// The data of the receipt and appointment slip (Mẫu 01).
    fn receipt_slip(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| match self.0.receipt_slip() {
            Some(slip) => convert::to_python_in(py, &slip, self.1),
            None => Ok(py.None()),
        })
    }

    /// The data of the apology and new appointment letter (Mẫu 04), or
    /// ``None`` without extension.
    fn apology_letter(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| match self.0.apology_letter() {
            Some(letter) => convert::to_python_in(py, &letter, self.1),
            None => Ok(py.None()),
        })
    }

    /// The data of the notice that processing is stopped (Mẫu 05 of
    /// Circular 03/2025), or ``None`` unless stopped.
    fn stop_notice(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| match self.0.stop_notice() {
            Some(notice) => convert::to_python_in(py, &notice, self.1),
            None => Ok(py.None()),
        })
    }

    /// ``"decree_61_2018"`` or ``"decree_118_2025"``: the rule set of the
    /// reception date; ``None`` before acceptance.
    #[getter]
    fn rule_set(&self) -> Option<&'static str> {
        self.0.rule_set().map(|r| r.code())
    }

    fn __repr__(&self) -> String {
        let status = self.0.status();
        format!(
            "Dossier(code={:?}, procedure={:?}, status={} ({}), due_at={})",
            self.0.code().to_string(),
            self.0.procedure().code,
            status.code(),
            status.name_en(),
            self.0
                .due_at()
                .map_or_else(|| "None".to_owned(), motcua::calendar::iso::format_instant)
        )
    }
}

/// The timeline of a due date; ``str()`` gives the Vietnamese text.
#[pyclass(frozen, module = "motcua")]
pub struct Explanation {
    entries: Py<PyAny>,
    notes: core::Explanation,
}

impl Explanation {
    /// The explanation of a call whose instants were `zone`.
    fn new(py: Python<'_>, notes: core::Explanation, zone: Zone) -> PyResult<Self> {
        Ok(Self {
            entries: convert::to_python_in(py, &notes, zone)?,
            notes,
        })
    }
}

#[pymethods]
impl Explanation {
    /// The lines: dicts with ``at``, ``rule``, ``vi``, ``en``, ``due_at``.
    #[getter]
    fn entries(&self, py: Python<'_>) -> Py<PyAny> {
        self.entries.clone_ref(py)
    }

    /// The text in Vietnamese (``"vi"``) or English (``"en"``).
    #[pyo3(signature = (language = None))]
    fn text(&self, py: Python<'_>, language: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let language = match language {
            Some(l) => convert::text(py, "language", l)?.parse().py(py)?,
            None => core::Language::default(),
        };
        crate::errors::guard(|| Ok(self.notes.text(language)))
    }

    fn __str__(&self) -> String {
        self.notes.text_vi()
    }

    fn __repr__(&self) -> String {
        let due = self.notes.entries.iter().rev().find_map(|e| e.due_at);
        format!(
            "Explanation({} lines, due_at={})",
            self.notes.entries.len(),
            due.map_or_else(|| "None".to_owned(), motcua::calendar::iso::format_instant)
        )
    }

    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        crate::errors::guard(|| self.entries.bind(py).len())
    }
}

/// ``(code, name_vi, name_en)`` of the 10 statuses, for ``motcua.Status``.
#[pyfunction]
pub fn _status_names() -> Vec<(u8, &'static str, &'static str)> {
    core::Status::ALL
        .iter()
        .map(|s| (s.code(), s.name_vi(), s.name_en()))
        .collect()
}

/// Step usage as a list of dicts: one conversion for the whole list.
fn step_usage(py: Python<'_>, usage: &[core::StepUsage]) -> PyResult<Py<PyAny>> {
    convert::to_python(py, &usage)
}

/// Rebuilds a pickled dossier (see `Dossier.__reduce__`): its JSON replayed
/// on its calendar (`None`: the default one), taking aware instants when
/// `aware`.
#[pyfunction]
#[pyo3(signature = (text, calendar, aware))]
pub fn _dossier_from_state(
    py: Python<'_>,
    text: &str,
    calendar: Option<Py<crate::calendar::Calendar>>,
    aware: bool,
) -> PyResult<Dossier> {
    crate::errors::guard(|| {
        let core_calendar = match &calendar {
            Some(c) => c.get().0.clone(),
            None => motcua::calendar::Calendar::vietnam(),
        };
        let zone = if aware { Zone::Aware } else { Zone::Naive };
        core::Dossier::from_json(text, &core_calendar)
            .py(py)
            .map(|d| Dossier(d, zone, calendar))
    })
}
