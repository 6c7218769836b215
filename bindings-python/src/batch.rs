//! Batch calendar functions over numpy arrays of epoch days (the int64
//! view of `datetime64[D]`), with the GIL released. `motcua/_batch.py`
//! turns numpy arrays and pandas Series into these views and back; NaT
//! (the minimum int64) goes through as NaT.

use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{local_seconds, NAT};
use crate::errors::{exception, IntoPy};

fn epoch_day(day: i64, index: usize) -> Result<i32, motcua::Error> {
    i32::try_from(day).map_err(|_| {
        motcua::Error::new(
            motcua::ErrorKind::OutOfRange,
            format!("element {index}: day {day} is outside the calendar"),
        )
    })
}

fn at(index: usize, e: motcua::Error) -> motcua::Error {
    motcua::Error::new(e.kind(), format!("element {index}: {}", e.message()))
}

fn lengths(py: Python<'_>, a: usize, b: usize) -> PyResult<()> {
    if a == b || b == 1 {
        Ok(())
    } else {
        Err(exception(
            py,
            "invalid_argument",
            format!("arrays of different lengths: {a} and {b}"),
        ))
    }
}

/// Element `i` of an array that [`lengths`] accepted: its own, or the only
/// element of a length-1 array (broadcast, as numpy does).
#[inline]
fn element<T: Copy>(values: &[T], i: usize) -> T {
    values[if values.len() == 1 { 0 } else { i }]
}

/// The elements of an array, copied while the GIL is held: the loops run
/// without it, when another Python thread could write into the caller's
/// buffer or free it (`ndarray.resize(..., refcheck=False)`), so they never
/// read it (issue 13). One copy per array, measured in `bench_batch.py`,
/// split across `threads` like [`epoch_days`]'s (this thread holds the GIL
/// meanwhile, so no Python code can change the buffer).
pub(crate) fn owned<T: numpy::Element + Copy + Default + Send + Sync>(
    array: &PyReadonlyArray1<'_, T>,
    threads: usize,
) -> PyResult<Vec<T>> {
    map_in_chunks(array.as_slice()?, threads, |_, x| Ok(x)).py(array.py())
}

/// NaT among the epoch days of [`epoch_days`].
const NAT_DAY: i32 = i32::MIN;

/// The epoch days of an array, copied while the GIL is held (see
/// [`owned`]) and narrowed to the calendar's `i32` on the way, which halves
/// what the copy writes and the loop reads; NaT becomes [`NAT_DAY`], and a
/// day no `i32` holds is `calendar.out_of_range` naming its element. The
/// copy is split across `threads` too: they read the caller's buffer while
/// this thread holds the GIL, so no Python code can change it meanwhile.
fn epoch_days(array: &PyReadonlyArray1<'_, i64>, threads: usize) -> PyResult<Vec<i32>> {
    map_in_chunks(array.as_slice()?, threads, |i, d| {
        if d == NAT {
            Ok(NAT_DAY)
        } else {
            epoch_day(d, i)
        }
    })
    .py(array.py())
}

/// Below this many elements a batch runs on the calling thread alone:
/// starting a thread costs more than it saves.
const PER_THREAD: usize = 1 << 15;

/// The number of threads of a `threads=` argument: the machine's cores
/// when omitted, at least 1.
pub(crate) fn thread_count(py: Python<'_>, threads: Option<usize>) -> PyResult<usize> {
    match threads {
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
        Some(0) => Err(exception(
            py,
            "invalid_argument",
            "threads must be at least 1".into(),
        )),
        Some(n) => Ok(n),
    }
}

/// The number of threads a `threads=` argument stands for, for the Python
/// half of `report_table` (its thread pool), so that both halves read the
/// argument alike.
#[pyfunction]
#[pyo3(signature = (threads = None))]
pub fn _thread_count(py: Python<'_>, threads: Option<usize>) -> PyResult<usize> {
    thread_count(py, threads)
}

/// `each(i, element)` over `values`, with the GIL released, split into one
/// contiguous chunk per thread (up to `threads`, and no more than one per
/// [`PER_THREAD`] elements) written in place; the answers are in order,
/// the same as on one thread, and the first error (the lowest element's),
/// already naming its element, becomes the exception.
fn map_elements<X, T>(
    py: Python<'_>,
    values: &[X],
    threads: usize,
    each: impl Fn(usize, X) -> Result<T, motcua::Error> + Sync,
) -> PyResult<Vec<T>>
where
    X: Copy + Sync,
    T: Send + Clone + Default,
{
    // Borrowed into the GIL-free closure: `&each` is `Send`, as `each` is `Sync`.
    let each = &each;
    py.detach(|| map_in_chunks(values, threads, each)).py(py)
}

/// `each(i, element)` over `values` in contiguous chunks, one per thread
/// worth starting ([`useful_threads`]), each written in place: the answers
/// in order, the first error the lowest element's. The one loop behind
/// [`map_elements`] (without the GIL) and the copies of [`owned`] and
/// [`epoch_days`] (with it).
pub(crate) fn map_in_chunks<X, T>(
    values: &[X],
    threads: usize,
    each: impl Fn(usize, X) -> Result<T, motcua::Error> + Sync,
) -> Result<Vec<T>, motcua::Error>
where
    X: Copy + Sync,
    T: Send + Clone + Default,
{
    let mut out = vec![T::default(); values.len()];
    in_chunks(
        &mut out,
        useful_threads(values.len(), threads),
        |start, chunk| {
            for (j, slot) in chunk.iter_mut().enumerate() {
                *slot = each(start + j, values[start + j])?;
            }
            Ok(())
        },
    )?;
    Ok(out)
}

/// The threads worth starting for `n` elements: at most `threads`, and
/// no more than one per [`PER_THREAD`] elements.
pub(crate) fn useful_threads(n: usize, threads: usize) -> usize {
    threads.min(n / PER_THREAD).max(1)
}

/// `fill(start, chunk)` over `out` split into contiguous chunks, one per
/// thread (at most `threads`), each chunk starting at element `start`;
/// the chunks' results in order, or the first error in element order. A
/// panic in a thread goes on in the caller. Filling in place, the threads
/// fault in the pages of the result themselves, and nothing is copied
/// after.
pub(crate) fn in_chunks<T: Send, R: Send>(
    out: &mut [T],
    threads: usize,
    fill: impl Fn(usize, &mut [T]) -> Result<R, motcua::Error> + Sync,
) -> Result<Vec<R>, motcua::Error> {
    let n = out.len();
    let threads = threads.min(n).max(1);
    if threads == 1 {
        return Ok(vec![fill(0, out)?]);
    }
    let size = n.div_ceil(threads);
    std::thread::scope(|scope| {
        let fill = &fill;
        let handles: Vec<_> = out
            .chunks_mut(size)
            .enumerate()
            .map(|(c, chunk)| scope.spawn(move || fill(c * size, chunk)))
            .collect();
        // Every thread is joined before the first error is returned.
        let results: Vec<_> = handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect();
        results.into_iter().collect()
    })
}

/// `add_working_days` over arrays: `days` and `n` (same length, or `n` of
/// length 1), each day first rolled by `roll` (numpy's name) when given.
#[pyfunction]
#[pyo3(signature = (cal, days, n, roll = None, threads = None))]
pub fn _add_working_days<'py>(
    py: Python<'py>,
    cal: PyRef<'py, Calendar>,
    days: PyReadonlyArray1<'py, i64>,
    n: PyReadonlyArray1<'py, i64>,
    roll: Option<&str>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    crate::errors::guard(|| {
        let threads = thread_count(py, threads)?;
        let (mut days, n) = (epoch_days(&days, threads)?, owned(&n, threads)?);
        lengths(py, days.len(), n.len())?;
        let cal = &cal.0;
        if let Some(roll) = roll {
            let roll: motcua::calendar::Roll = roll.parse().py(py)?;
            days = map_elements(py, &days, threads, |i, d| {
                if d == NAT_DAY {
                    return Ok(NAT_DAY);
                }
                let date = motcua::calendar::day::from_epoch_day(d).ok_or_else(|| {
                    at(
                        i,
                        motcua::Error::new(motcua::ErrorKind::OutOfRange, "outside the calendar"),
                    )
                })?;
                cal.roll(date, roll)
                    .map(motcua::calendar::day::epoch_day)
                    .map_err(|e| at(i, e))
            })?;
        }
        let out = map_elements(py, &days, threads, |i, d| {
            let k = element(&n, i);
            if d == NAT_DAY || k == NAT {
                return Ok(NAT);
            }
            let k = i32::try_from(k).map_err(|_| {
                motcua::Error::new(
                    motcua::ErrorKind::OutOfRange,
                    format!("element {i}: offset {k} is out of range"),
                )
            })?;
            cal.add_working_days_epoch(d, k)
                .map(i64::from)
                .map_err(|e| at(i, e))
        })?;
        Ok(PyArray1::from_vec(py, out))
    })
}

/// `working_days_between` over arrays, and whether any element was NaT
/// (NaT gives the minimum int64, which `motcua/_batch.py` turns into NaN).
#[pyfunction]
pub fn _working_days_between<'py>(
    py: Python<'py>,
    cal: PyRef<'py, Calendar>,
    a: PyReadonlyArray1<'py, i64>,
    b: PyReadonlyArray1<'py, i64>,
    threads: Option<usize>,
) -> PyResult<(Bound<'py, PyArray1<i64>>, bool)> {
    crate::errors::guard(|| {
        let threads = thread_count(py, threads)?;
        let (a, b) = (epoch_days(&a, threads)?, epoch_days(&b, threads)?);
        lengths(py, a.len(), b.len())?;
        let cal = &cal.0;
        let out = map_elements(py, &a, threads, |i, x| {
            let y = element(&b, i);
            if x == NAT_DAY || y == NAT_DAY {
                return Ok(NAT);
            }
            cal.working_days_between_epoch(x, y)
                .map(i64::from)
                .map_err(|e| at(i, e))
        })?;
        let has_nat = a.contains(&NAT_DAY) || b.contains(&NAT_DAY);
        Ok((PyArray1::from_vec(py, out), has_nat))
    })
}

/// `is_working_day` over an array: 1 working, 0 not, -1 NaT.
#[pyfunction]
pub fn _is_working_day<'py>(
    py: Python<'py>,
    cal: PyRef<'py, Calendar>,
    days: PyReadonlyArray1<'py, i64>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyArray1<i8>>> {
    crate::errors::guard(|| {
        let threads = thread_count(py, threads)?;
        let days = epoch_days(&days, threads)?;
        let cal = &cal.0;
        let out = map_elements(py, &days, threads, |i, d| {
            if d == NAT_DAY {
                return Ok(-1);
            }
            cal.is_working_epoch_day(d)
                .map(i8::from)
                .map_err(|e| at(i, e))
        })?;
        Ok(PyArray1::from_vec(py, out))
    })
}

/// Element `index`, in seconds of `datetime64[s]`, as a local date-time.
fn local(seconds: i64, index: usize) -> Result<chrono::NaiveDateTime, motcua::Error> {
    local_seconds(seconds).ok_or_else(|| {
        motcua::Error::new(
            motcua::ErrorKind::OutOfRange,
            format!("element {index}: instant out of range"),
        )
    })
}

/// `add_working_time` over an array of instants (`datetime64[s]` as int64)
/// with `days`, `hours` and `minutes` arrays (each of the same length, or
/// of length 1).
#[pyfunction]
pub fn _add_working_time<'py>(
    py: Python<'py>,
    cal: PyRef<'py, Calendar>,
    instants: PyReadonlyArray1<'py, i64>,
    days: PyReadonlyArray1<'py, f64>,
    hours: PyReadonlyArray1<'py, f64>,
    minutes: PyReadonlyArray1<'py, f64>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    crate::errors::guard(|| {
        let threads = thread_count(py, threads)?;
        let (instants, days, hours, minutes) = (
            owned(&instants, threads)?,
            owned(&days, threads)?,
            owned(&hours, threads)?,
            owned(&minutes, threads)?,
        );
        for len in [days.len(), hours.len(), minutes.len()] {
            lengths(py, instants.len(), len)?;
        }
        let cal = &cal.0;
        let out = map_elements(py, &instants, threads, |i, t| {
            if t == NAT {
                return Ok(NAT);
            }
            let duration = cal
                .working_duration(element(&days, i), element(&hours, i), element(&minutes, i))
                .map_err(|e| at(i, e))?;
            let due = cal
                .add_working_time(local(t, i)?, duration)
                .map_err(|e| at(i, e))?;
            Ok(due.and_utc().timestamp())
        })?;
        Ok(PyArray1::from_vec(py, out))
    })
}

/// `to_lunar` over an array of epoch days: year, month, day and leap
/// arrays (year 0 for NaT).
#[pyfunction]
#[allow(clippy::type_complexity)]
pub fn _to_lunar<'py>(
    py: Python<'py>,
    days: PyReadonlyArray1<'py, i64>,
    threads: Option<usize>,
) -> PyResult<(
    Bound<'py, PyArray1<i32>>,
    Bound<'py, PyArray1<u8>>,
    Bound<'py, PyArray1<u8>>,
    Bound<'py, PyArray1<bool>>,
)> {
    crate::errors::guard(|| {
        let threads = thread_count(py, threads)?;
        let days = owned(&days, threads)?;
        let dates = map_elements(py, &days, threads, |i, d| {
            if d == NAT {
                return Ok(None);
            }
            let date =
                motcua::calendar::day::from_epoch_day(epoch_day(d, i)?).ok_or_else(|| {
                    motcua::Error::new(
                        motcua::ErrorKind::OutOfRange,
                        format!("element {i}: day out of range"),
                    )
                })?;
            motcua::calendar::lunar::to_lunar(date)
                .map(Some)
                .map_err(|e| at(i, e))
        })?;
        let n = dates.len();
        let (mut year, mut month, mut day, mut leap) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for d in &dates {
            let l = d.unwrap_or(motcua::calendar::lunar::LunarDate {
                year: 0,
                month: 0,
                day: 0,
                leap: false,
            });
            year.push(l.year);
            // uint8 columns, as pandas would store them: a month (≤ 12)
            // and a day (≤ 30) from `to_lunar` always fit.
            month.push(l.month as u8);
            day.push(l.day as u8);
            leap.push(l.leap);
        }
        Ok((
            PyArray1::from_vec(py, year),
            PyArray1::from_vec(py, month),
            PyArray1::from_vec(py, day),
            PyArray1::from_vec(py, leap),
        ))
    })
}

/// The legal due dates of receptions (`datetime64[s]` as int64, NaT out for
/// NaT in and for a procedure without deadline): row `i` is procedure
/// `procedures[procedure[i]]` received through channel `channels[channel[i]]`
/// at `received_at[i]`, as `Procedure.estimate` gives it one by one. One
/// clock per procedure and channel, built once; a code `-1` (missing) is
/// an error naming its row.
#[pyfunction]
#[allow(clippy::too_many_arguments)] // the columns of one table, each its own array
pub fn _due_dates<'py>(
    py: Python<'py>,
    cal: PyRef<'py, Calendar>,
    catalog: PyRef<'py, crate::dossier::Catalog>,
    procedures: &Bound<'py, crate::labels::Labels>,
    procedure: PyReadonlyArray1<'py, i32>,
    channels: &Bound<'py, crate::labels::Labels>,
    channel: PyReadonlyArray1<'py, i32>,
    received_at: PyReadonlyArray1<'py, i64>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyArray1<i64>>> {
    crate::errors::guard(|| {
        let threads = thread_count(py, threads)?;
        let (procedure, channel, received_at) = (
            owned(&procedure, threads)?,
            owned(&channel, threads)?,
            owned(&received_at, threads)?,
        );
        lengths(py, received_at.len(), procedure.len())?;
        lengths(py, received_at.len(), channel.len())?;
        let found = crate::errors::borrow(procedures)?
            .0
            .iter()
            .map(|code| catalog.inner().get(code).map(|p| &**p))
            .collect::<Result<Vec<_>, _>>()
            .py(py)?;
        let channels = crate::errors::borrow(channels)?
            .0
            .iter()
            .map(|c| c.parse::<motcua::procedure::Channel>())
            .collect::<Result<Vec<_>, _>>()
            .py(py)?;
        let cal = &cal.0;
        let clocks: Vec<motcua::dossier::Clock<'_>> = found
            .iter()
            .flat_map(|p| {
                channels
                    .iter()
                    .map(|&c| motcua::dossier::Clock::new(cal, p, c))
            })
            .collect();
        let missing = |i: usize, what: &str| {
            motcua::Error::new(
                motcua::ErrorKind::InvalidArgument,
                format!("row {i}: the {what} is missing"),
            )
        };
        let out = map_elements(py, &received_at, threads, |i, t| {
            let (p, c) = (element(&procedure, i), element(&channel, i));
            let p = usize::try_from(p).map_err(|_| missing(i, "procedure code"))?;
            let c = usize::try_from(c).map_err(|_| missing(i, "channel"))?;
            if t == NAT {
                return Ok(NAT);
            }
            let clock = (c < channels.len())
                .then(|| clocks.get(p * channels.len() + c))
                .flatten()
                .ok_or_else(|| missing(i, "label of a code"))?;
            let due = clock.due_from(local(t, i)?).map_err(|e| at(i, e))?;
            Ok(due.map_or(NAT, |d| d.and_utc().timestamp()))
        })?;
        Ok(PyArray1::from_vec(py, out))
    })
}
