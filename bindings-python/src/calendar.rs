//! The working calendar for Python.

use chrono::{NaiveDate, NaiveTime, Weekday};
use motcua::calendar::{self as core, holidays};
use pyo3::prelude::*;

use crate::convert::{self, int32, number, to_instant};
use crate::errors::{exception, wrong_type, IntoPy};

/// A calendar entry: a holiday, a substitute or swapped day off, a make-up
/// working day or a local override.
#[pyclass(frozen, eq, hash, module = "motcua")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Holiday(holidays::Holiday);

#[pymethods]
impl Holiday {
    /// The date.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.0.date
    }

    /// ``"statutory"``, ``"substitute"``, ``"swapped"``, ``"make_up"``,
    /// ``"closure"`` or ``"extra_working_day"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.code()
    }

    /// Vietnamese name.
    #[getter]
    fn name_vi(&self) -> &str {
        &self.0.name_vi
    }

    /// English name.
    #[getter]
    fn name_en(&self) -> &str {
        &self.0.name_en
    }

    /// Whether the date is a day off (``False`` for make-up working days).
    #[getter]
    fn is_day_off(&self) -> bool {
        self.0.is_day_off()
    }

    /// ``True`` when projected from the rules, not from an official schedule.
    #[getter]
    fn provisional(&self) -> bool {
        self.0.is_provisional()
    }

    /// ``"official"``, ``"projected"`` or ``"loaded"``.
    #[getter]
    fn provenance(&self) -> &'static str {
        self.0.provenance.code()
    }

    /// What fixes the date: the notice of an official entry that cites its
    /// own (document number, date, URL), or the article of law a projected
    /// entry follows; ``None`` where only the year's sources say.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.0.source.as_deref()
    }

    fn __repr__(&self) -> String {
        format!(
            "Holiday(date={}, kind={:?}, name_en={:?}{})",
            self.0.date,
            self.0.kind.code(),
            self.0.name_en,
            if self.0.is_provisional() {
                ", provisional"
            } else {
                ""
            }
        )
    }
}

/// A working calendar: working weekdays, sessions, holidays and overrides.
///
/// >>> import datetime as dt, motcua
/// >>> cal = motcua.Calendar.vietnam()
/// >>> cal.is_working_day(dt.date(2026, 1, 10))   # make-up Saturday
/// True
/// >>> cal.add_working_time(dt.datetime(2023, 10, 27, 9, 32), days=5)
/// datetime.datetime(2023, 11, 3, 9, 32)
#[pyclass(frozen, module = "motcua")]
pub struct Calendar(pub(crate) core::Calendar, Recipe);

/// How a Python `Calendar` was made, so that it pickles (joblib,
/// multiprocessing): the keyword arguments of :meth:`Calendar.custom`
/// (`None` for `Calendar.vietnam()`), then the data documents of each
/// :meth:`Calendar.with_data`. Unpickling replays them through the same
/// calls, so the core builds the same calendar again.
struct Recipe {
    custom: Option<Py<pyo3::types::PyDict>>,
    data: Vec<String>,
}

impl Recipe {
    fn clone_ref(&self, py: Python<'_>) -> Self {
        Self {
            custom: self.custom.as_ref().map(|k| k.clone_ref(py)),
            data: self.data.clone(),
        }
    }
}

/// `motcua._batch` when `value` is an array (numpy, pandas, list), so that
/// the calendar functions take arrays as well as single dates.
pub(crate) fn batch<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyModule>>> {
    if value.is_instance_of::<pyo3::types::PyDate>() {
        return Ok(None);
    }
    let module = py.import("motcua._batch")?;
    if module.call_method1("is_array", (value,))?.is_truthy()? {
        Ok(Some(module))
    } else {
        Ok(None)
    }
}

/// An optional ``calendar=`` argument: ``Calendar.vietnam()`` when omitted.
/// A ``calendar=`` argument kept as the Python object (`None`: the
/// default calendar), for what must rebuild it later: a pickled dossier.
pub fn calendar_object(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<Py<Calendar>>> {
    match value.filter(|v| !v.is_none()) {
        None => Ok(None),
        Some(v) => v
            .cast::<Calendar>()
            .map(|c| Some(c.clone().unbind()))
            .map_err(|_| wrong_type(py, "calendar", "a motcua.Calendar", v)),
    }
}

pub fn calendar_arg(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<core::Calendar> {
    match value {
        None => Ok(core::Calendar::vietnam()),
        Some(v) if v.is_none() => Ok(core::Calendar::vietnam()),
        Some(v) => v
            .cast::<Calendar>()
            .map(|c| c.get().0.clone())
            .map_err(|_| wrong_type(py, "calendar", "a motcua.Calendar", v)),
    }
}

/// The years of a ``year=`` or ``years=`` argument (an int, or an iterable
/// of ints such as a ``range``): exactly one of the two.
fn year_list(
    py: Python<'_>,
    year: Option<&Bound<'_, PyAny>>,
    years: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<i32>> {
    match (
        year.filter(|y| !y.is_none()),
        years.filter(|y| !y.is_none()),
    ) {
        (Some(y), None) => Ok(vec![int32(py, "year", y)?]),
        (None, Some(ys)) if ys.is_instance_of::<pyo3::types::PyInt>() => {
            Ok(vec![int32(py, "years", ys)?])
        }
        (None, Some(ys)) => ys
            .try_iter()
            .map_err(|_| wrong_type(py, "years", "an int or an iterable of ints", ys))?
            .map(|y| int32(py, "years[]", &y?))
            .collect(),
        _ => Err(exception(
            py,
            motcua::ErrorKind::InvalidArgument.code(),
            "give a year or years, not both and not neither".to_owned(),
        )),
    }
}

/// An iterable argument as the list of what it gives (a string or a
/// non-iterable as it is, for the type errors of its reader).
fn listed<'py>(value: Option<&Bound<'py, PyAny>>) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(value) = value else { return Ok(None) };
    if value.is_instance_of::<pyo3::types::PyString>() {
        return Ok(Some(value.clone()));
    }
    match value.try_iter() {
        Err(_) => Ok(Some(value.clone())),
        Ok(items) => {
            let items = items.collect::<PyResult<Vec<_>>>()?;
            Ok(Some(
                pyo3::types::PyList::new(value.py(), items)?.into_any(),
            ))
        }
    }
}

fn weekday(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Weekday> {
    let n = int32(py, "working_weekdays[]", value)?;
    u8::try_from(n)
        .ok()
        .and_then(|n| Weekday::try_from(n).ok())
        .ok_or_else(|| {
            exception(
                py,
                motcua::ErrorKind::InvalidArgument.code(),
                format!("weekday {n} is not 0 (Monday) to 6 (Sunday)"),
            )
        })
}

fn time_of_day(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<NaiveTime> {
    let text: String = value
        .extract()
        .map_err(|_| wrong_type(py, "sessions", "\"HH:MM\" strings", value))?;
    motcua::calendar::iso::parse_time(&text).ok_or_else(|| {
        exception(
            py,
            motcua::ErrorKind::InvalidSessions.code(),
            format!("{text:?} is not a time of day \"HH:MM\""),
        )
    })
}

#[pymethods]
impl Calendar {
    /// The state-sector calendar used by the Public Administrative Service
    /// Centers: Monday–Friday, 07:30–11:30 and 13:00–17:00, statutory
    /// holidays with nghỉ bù, official schedules with swapped days and
    /// make-up Saturdays, 2000-01-01 to 2100-12-31.
    #[staticmethod]
    fn vietnam() -> Self {
        Self(
            core::Calendar::vietnam(),
            Recipe {
                custom: None,
                data: Vec::new(),
            },
        )
    }

    /// Rebuilds a pickled calendar (see `Recipe`).
    #[staticmethod]
    fn _rebuild(
        py: Python<'_>,
        custom: Option<Bound<'_, pyo3::types::PyDict>>,
        data: Vec<String>,
    ) -> PyResult<Self> {
        let mut cal = match custom {
            None => Self::vietnam(),
            Some(kwargs) => py
                .get_type::<Self>()
                .getattr("custom")?
                .call((), Some(&kwargs))?
                .extract::<PyRef<'_, Self>>()?
                .clone_ref(py),
        };
        for text in data {
            cal = cal.with_text(py, text)?;
        }
        Ok(cal)
    }

    fn __reduce__(slf: &Bound<'_, Self>) -> PyResult<(Py<PyAny>, Py<PyAny>)> {
        let py = slf.py();
        let rebuild = slf.get_type().getattr("_rebuild")?.unbind();
        let recipe = &slf.get().1;
        let args = (
            recipe.custom.as_ref().map(|k| k.clone_ref(py)),
            recipe.data.clone(),
        );
        Ok((rebuild, args.into_pyobject(py)?.into_any().unbind()))
    }

    /// A custom calendar. ``working_weekdays`` are 0 (Monday) to 6
    /// (Sunday); ``sessions`` are ``("HH:MM", "HH:MM")`` pairs; ``data`` is
    /// a calendar data document (JSON text) as for :meth:`with_data`.
    #[staticmethod]
    ///
    /// ``culture_day_on_weekend`` is what a 24 November on a weekend gives in
    /// the projected years: ``"next_working_day"`` (the default) or
    /// ``"no_substitute"``. ``without_culture_day=True`` builds the calendar
    /// as computed before 24/11 became a holiday (Resolution 28/2026/QH16),
    /// to compare old appointments with :func:`motcua.appointment_changes`.
    #[pyo3(signature = (*, working_weekdays = None, sessions = None, first = None, last = None, holidays = None, data = None, culture_day_on_weekend = None, without_culture_day = None))]
    #[allow(clippy::too_many_arguments)]
    fn custom(
        py: Python<'_>,
        working_weekdays: Option<&Bound<'_, PyAny>>,
        sessions: Option<&Bound<'_, PyAny>>,
        first: Option<&Bound<'_, PyAny>>,
        last: Option<&Bound<'_, PyAny>>,
        holidays: Option<&Bound<'_, PyAny>>,
        data: Option<&Bound<'_, PyAny>>,
        culture_day_on_weekend: Option<&Bound<'_, PyAny>>,
        without_culture_day: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        crate::errors::guard(|| {
            // What the iterables gave, read once: the builder reads these
            // lists, and the recipe keeps them for pickling (a generator
            // could not be read twice).
            let (weekdays_list, sessions_list) = (listed(working_weekdays)?, listed(sessions)?);
            let (working_weekdays, sessions) = (weekdays_list.as_ref(), sessions_list.as_ref());
            let mut builder = core::Calendar::builder();
            if let Some(on) = without_culture_day {
                if !on.is_instance_of::<pyo3::types::PyBool>() {
                    return Err(wrong_type(py, "without_culture_day", "a bool", on));
                }
                if on.extract::<bool>()? {
                    builder = builder.without_culture_day();
                }
            }
            if let Some(policy) = culture_day_on_weekend {
                let code = convert::text(py, "culture_day_on_weekend", policy)?;
                builder = builder.culture_day_on_weekend(code.parse().py(py)?);
            }
            if let Some(on) = holidays {
                if !on.is_instance_of::<pyo3::types::PyBool>() {
                    return Err(wrong_type(py, "holidays", "a bool", on));
                }
                builder = builder.holidays(on.extract::<bool>()?);
            }
            if let Some(days) = working_weekdays {
                let days = days
                    .try_iter()
                    .map_err(|_| wrong_type(py, "working_weekdays", "a sequence of ints", days))?
                    .map(|d| weekday(py, &d?))
                    .collect::<PyResult<Vec<_>>>()?;
                builder = builder.working_weekdays(&days);
            }
            if let Some(spans) = sessions {
                let spans = spans
                    .try_iter()
                    .map_err(|_| {
                        wrong_type(py, "sessions", "a sequence of (start, end) pairs", spans)
                    })?
                    .map(|pair| {
                        let (a, b): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair?
                            .extract()
                            .map_err(|_| wrong_type(py, "sessions", "(start, end) pairs", spans))?;
                        Ok((time_of_day(py, &a)?, time_of_day(py, &b)?))
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                builder = builder.sessions(core::WorkingSessions::new(&spans).py(py)?);
            }
            if let Some(first) = first {
                builder = builder.first(convert::date(py, "first", first)?);
            }
            if let Some(last) = last {
                builder = builder.last(convert::date(py, "last", last)?);
            }
            if let Some(json) = data {
                let text = convert::text(py, "data", json)?;
                builder = builder.data(holidays::CalendarData::from_json(&text).py(py)?);
            }
            let kwargs = pyo3::types::PyDict::new(py);
            for (key, value) in [
                ("working_weekdays", working_weekdays),
                ("sessions", sessions),
                ("first", first),
                ("last", last),
                ("holidays", holidays),
                ("data", data),
                ("culture_day_on_weekend", culture_day_on_weekend),
                ("without_culture_day", without_culture_day),
            ] {
                if let Some(value) = value {
                    kwargs.set_item(key, value)?;
                }
            }
            let cal = builder.build().py(py)?;
            Ok(Self(
                cal,
                Recipe {
                    custom: Some(kwargs.unbind()),
                    data: Vec::new(),
                },
            ))
        })
    }

    /// A new calendar with a calendar data document (JSON text) applied:
    /// official schedules of more years and date overrides. This calendar
    /// is unchanged. Raises ``InvalidCalendarDataError`` naming the field.
    fn with_data(&self, py: Python<'_>, json: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::errors::guard(|| {
            let text = convert::text(py, "json", json)?;
            self.with_text(py, text)
        })
    }

    /// The calendar data it was built from: ``[{"provenance", "version",
    /// "as_of"}]``, the embedded official schedules first, then each loaded
    /// document. Every due date's explanation names them.
    #[getter]
    fn data_versions(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        crate::convert::to_python(py, &self.0.data_versions())
    }

    /// Whether 24/11 is a holiday from 2026 (``False`` only when built with
    /// ``without_culture_day=True``).
    #[getter]
    fn has_culture_day(&self) -> bool {
        self.0.has_culture_day()
    }

    /// ``"next_working_day"`` or ``"no_substitute"``: what a 24 November on
    /// a weekend gives in the projected years.
    #[getter]
    fn culture_day_on_weekend(&self) -> &'static str {
        self.0.culture_day_on_weekend().code()
    }

    /// First date of the supported range.
    #[getter]
    fn first_date(&self) -> NaiveDate {
        self.0.first_date()
    }

    /// Last date of the supported range.
    #[getter]
    fn last_date(&self) -> NaiveDate {
        self.0.last_date()
    }

    /// Length of one working day, in hours (8.0 by default).
    #[getter]
    fn day_hours(&self) -> f64 {
        self.0.sessions().day_length().hours()
    }

    /// Whether ``date`` is a working day. Arrays give arrays, split across
    /// ``threads`` (default: the machine's cores) when large.
    #[pyo3(signature = (date, *, threads = None))]
    fn is_working_day(
        slf: &Bound<'_, Self>,
        date: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let py = slf.py();
            if let Some(batch) = batch(py, date)? {
                return Ok(batch
                    .call_method1("is_working_day", (slf, date, threads))?
                    .unbind());
            }
            let working = slf
                .get()
                .0
                .is_working_day(convert::date(py, "date", date)?)
                .py(py)?;
            Ok(pyo3::types::PyBool::new(py, working)
                .to_owned()
                .into_any()
                .unbind())
        })
    }

    /// The ``n``-th working day strictly after ``date`` (``date`` need not
    /// be a working day); before it for negative ``n``; ``date`` itself for
    /// ``n == 0``, even on a day off. With ``roll=`` (numpy's names, see
    /// :meth:`roll`), numpy's ``busday_offset`` instead: ``date`` rolled to
    /// a working day first, then ``n`` working days from there. Arrays of
    /// dates (numpy ``datetime64``, pandas Series, lists of
    /// ``datetime.date``) give arrays, split across ``threads`` (default:
    /// the machine's cores) when large.
    #[pyo3(signature = (date, n, roll = None, *, threads = None))]
    fn add_working_days(
        slf: &Bound<'_, Self>,
        date: &Bound<'_, PyAny>,
        n: &Bound<'_, PyAny>,
        roll: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let py = slf.py();
            let roll_name = roll
                .filter(|r| !r.is_none())
                .map(|r| convert::text(py, "roll", r))
                .transpose()?;
            if let Some(batch) = batch(py, date)? {
                // The array path reads the roll's name itself.
                return Ok(batch
                    .call_method1("add_working_days", (slf, date, n, roll_name, threads))?
                    .unbind());
            }
            let roll = roll_name
                .as_deref()
                .map(|r| r.parse::<core::Roll>().py(py))
                .transpose()?;
            let d = convert::date(py, "date", date)?;
            let n = int32(py, "n", n)?;
            let cal = &slf.get().0;
            let result = match roll {
                None => cal.add_working_days(d, n),
                Some(roll) => cal.add_working_days_rolled(d, n, roll),
            }
            .py(py)?;
            Ok(result.into_pyobject(py)?.into_any().unbind())
        })
    }

    /// Working days in ``(a, b]``; negative when ``b < a``. Arrays give
    /// arrays (``threads`` as for :meth:`add_working_days`).
    #[pyo3(signature = (a, b, *, threads = None))]
    fn working_days_between(
        slf: &Bound<'_, Self>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let py = slf.py();
            if let Some(batch) = batch(py, a)? {
                return Ok(batch
                    .call_method1("working_days_between", (slf, a, b, threads))?
                    .unbind());
            }
            let (a, b) = (convert::date(py, "a", a)?, convert::date(py, "b", b)?);
            let count = slf.get().0.working_days_between(a, b).py(py)?;
            Ok(count.into_pyobject(py)?.into_any().unbind())
        })
    }

    /// The days off of a year that the calendar names (holidays,
    /// substitute and swapped days off, closures), as python-holidays lists
    /// them: ``{h.date for h in cal.holidays(2026)}`` holds days off only.
    /// ``years=range(2025, 2028)`` gives several years. With
    /// ``working_days=True`` the make-up working days (a Saturday worked
    /// back) and a center's extra working days are listed too.
    #[pyo3(signature = (year = None, *, years = None, working_days = None))]
    fn holidays(
        &self,
        py: Python<'_>,
        year: Option<&Bound<'_, PyAny>>,
        years: Option<&Bound<'_, PyAny>>,
        working_days: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Holiday>> {
        crate::errors::guard(|| {
            let all = working_days.map_or(Ok(false), |w| convert::flag(py, "working_days", w))?;
            let mut out = Vec::new();
            for year in year_list(py, year, years)? {
                let entries = if all {
                    self.0.holidays(year)
                } else {
                    self.0.days_off(year)
                };
                out.extend(entries.py(py)?.into_iter().map(Holiday));
            }
            Ok(out)
        })
    }

    /// The day off ``date`` is (see :meth:`holidays`), or ``None``; with
    /// ``working_days=True`` a make-up working day's entry too.
    #[pyo3(signature = (date, *, working_days = None))]
    fn holiday(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        working_days: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<Holiday>> {
        crate::errors::guard(|| {
            let d = convert::date(py, "date", date)?;
            let all = working_days.map_or(Ok(false), |w| convert::flag(py, "working_days", w))?;
            let entry = if all {
                self.0.holiday(d)
            } else {
                self.0.day_off(d)
            };
            Ok(entry.py(py)?.cloned().map(Holiday))
        })
    }

    /// ``date in cal``: whether ``date`` is a day off the calendar names, as
    /// python-holidays answers it (a make-up working Saturday is not; a
    /// plain weekend is not either: :meth:`is_working_day` says that).
    fn __contains__(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        crate::errors::guard(|| {
            let d = convert::date(py, "date", date)?;
            Ok(self.0.day_off(d).py(py)?.is_some())
        })
    }

    /// The days off of ``years`` (an int or an iterable of ints) whose
    /// Vietnamese or English name contains ``name``, ignoring case:
    /// ``cal.get_named("Tết", 2026)``.
    fn get_named(
        &self,
        py: Python<'_>,
        name: &Bound<'_, PyAny>,
        years: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<Holiday>> {
        crate::errors::guard(|| {
            let name = convert::text(py, "name", name)?;
            let years = year_list(py, None, Some(years))?;
            let found = self.0.days_off_named(&name, years).py(py)?;
            Ok(found.into_iter().map(Holiday).collect())
        })
    }

    /// The first working day after ``date``.
    fn next_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        crate::errors::guard(|| {
            let d = convert::date(py, "date", date)?;
            self.0.next_working_day(d).py(py)
        })
    }

    /// The last working day before ``date``.
    fn previous_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
        crate::errors::guard(|| {
            let d = convert::date(py, "date", date)?;
            self.0.previous_working_day(d).py(py)
        })
    }

    /// ``date`` when it is a working day, else the working day ``roll``
    /// moves it to, by numpy's names: ``"raise"`` (an error),
    /// ``"forward"``/``"following"``, ``"backward"``/``"preceding"``,
    /// ``"modifiedfollowing"``, ``"modifiedpreceding"``.
    fn roll(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        roll: &Bound<'_, PyAny>,
    ) -> PyResult<NaiveDate> {
        crate::errors::guard(|| {
            let d = convert::date(py, "date", date)?;
            let roll = convert::text(py, "roll", roll)?.parse().py(py)?;
            self.0.roll(d, roll).py(py)
        })
    }

    /// The working days from ``first`` to ``last``, both included when they
    /// are working days, as pandas' ``bdate_range``: a list of dates.
    fn working_days_from(
        &self,
        py: Python<'_>,
        first: &Bound<'_, PyAny>,
        last: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<NaiveDate>> {
        crate::errors::guard(|| {
            let (first, last) = (
                convert::date(py, "first", first)?,
                convert::date(py, "last", last)?,
            );
            self.0.working_days_from(first, last).py(py)
        })
    }

    /// ``("official" | "loaded" | "projected" | "none", [sources…])`` for a
    /// year; ``"none"`` for a calendar built without national holidays.
    /// The sources as cited, or in Vietnamese with ``language="vi"``.
    #[pyo3(signature = (year, language = None))]
    fn schedule_source(
        &self,
        py: Python<'_>,
        year: &Bound<'_, PyAny>,
        language: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<(&'static str, Vec<String>)> {
        crate::errors::guard(|| {
            let source = self.0.schedule_source(int32(py, "year", year)?).py(py)?;
            let listed = match language {
                Some(l) => source.sources_in(convert::text(py, "language", l)?.parse().py(py)?),
                None => source.sources(),
            };
            let sources = listed.iter().map(|s| s.to_string()).collect();
            Ok((source.status(), sources))
        })
    }

    /// ``at`` if it is inside a working session, else the next session start.
    fn next_working_instant(&self, py: Python<'_>, at: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let (t, zone) = convert::instant(py, "at", at)?;
            to_instant(py, self.0.next_working_instant(t).py(py)?, zone)
        })
    }

    /// The instant when ``days`` working days (of the calendar's day
    /// length, fractions allowed) plus ``hours`` and ``minutes`` of working
    /// time have elapsed from ``at``. Raises ``InvalidDurationError`` for a
    /// negative or non-finite part.
    #[pyo3(signature = (at, days = None, hours = None, minutes = None, *, threads = None))]
    fn add_working_time(
        slf: &Bound<'_, Self>,
        at: &Bound<'_, PyAny>,
        days: Option<&Bound<'_, PyAny>>,
        hours: Option<&Bound<'_, PyAny>>,
        minutes: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Py<PyAny>> {
        crate::errors::guard(|| {
            let py = slf.py();
            if let Some(batch) = batch(py, at)? {
                return Ok(batch
                    .call_method1("add_working_time", (slf, at, days, hours, minutes, threads))?
                    .unbind());
            }
            let cal = &slf.get().0;
            let (t, zone) = convert::instant(py, "at", at)?;
            let part = |name: &str, v: Option<&Bound<'_, PyAny>>| {
                v.map_or(Ok(0.0), |v| number(py, name, v))
            };
            let duration = cal
                .working_duration(
                    part("days", days)?,
                    part("hours", hours)?,
                    part("minutes", minutes)?,
                )
                .py(py)?;
            to_instant(py, cal.add_working_time(t, duration).py(py)?, zone)
        })
    }

    /// Working time from ``a`` to ``b`` in hours (negative when ``b < a``).
    /// Both are naive or both aware: one of each raises ``InvalidTypeError``
    /// (a ``TypeError``, as ``b - a`` does in Python).
    fn working_hours_between(
        &self,
        py: Python<'_>,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
    ) -> PyResult<f64> {
        crate::errors::guard(|| {
            let (a, zone) = convert::instant(py, "a", a)?;
            let b = convert::instant_in(py, "b", b, zone)?;
            Ok(self.0.working_time_between(a, b).py(py)?.hours())
        })
    }

    /// Civil Code deadline date of ``days`` calendar days after ``date``:
    /// the event day is not counted; a non-working last day moves to the
    /// next working day.
    fn add_calendar_days(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        days: &Bound<'_, PyAny>,
    ) -> PyResult<NaiveDate> {
        crate::errors::guard(|| {
            let d = convert::date(py, "date", date)?;
            self.0.add_calendar_days(d, int32(py, "days", days)?).py(py)
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Calendar(first_date={}, last_date={}, data={:?})",
            self.0.first_date(),
            self.0.last_date(),
            self.0
                .data_versions()
                .iter()
                .map(|v| v.version.as_deref().unwrap_or("?"))
                .collect::<Vec<_>>()
        )
    }
}

impl Calendar {
    /// This calendar with the data document `text` applied, remembered
    /// for pickling.
    fn with_text(&self, py: Python<'_>, text: String) -> PyResult<Self> {
        let data = holidays::CalendarData::from_json(&text).py(py)?;
        let cal = self.0.with_data(data).py(py)?;
        let mut recipe = self.1.clone_ref(py);
        recipe.data.push(text);
        Ok(Self(cal, recipe))
    }

    fn clone_ref(&self, py: Python<'_>) -> Self {
        Self(self.0.clone(), self.1.clone_ref(py))
    }
}
