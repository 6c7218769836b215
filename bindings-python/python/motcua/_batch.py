"""Vectorised calendar functions: numpy ``datetime64`` arrays and pandas
Series in, arrays (or Series with the same index) out, computed by the Rust
core with the GIL released.

NaT propagates: a NaT date gives NaT (``add_working_days``), NaN
(``working_days_between``, then a float array) or ``None``
(``is_working_day``, then an object array).

``threads=`` (default: the machine's cores) splits a large array into one
contiguous chunk per thread in Rust; the answers are the same as on one
thread, and the first error is the lowest element's.
"""

from __future__ import annotations

import datetime as dt
import typing

import numpy as np

from motcua import _motcua
from motcua._errors import InvalidTypeError, OutOfRangeError

_NAT = np.iinfo(np.int64).min


_DAY = np.dtype("datetime64[D]")


def _days(values, name: str) -> np.ndarray:
    array = np.atleast_1d(np.asarray(values))
    if array.dtype.kind == "O":
        array = _object_dates(array, name)
    if array.dtype.kind != "M":
        raise InvalidTypeError(f"{name} must hold datetime64 values, not {array.dtype}")
    if array.dtype != _DAY:
        array = array.astype(_DAY)
    # The int64 view of datetime64[D] is the epoch day, NaT the minimum int64.
    # The native call copies it while it holds the GIL (numpy's own copies
    # release it, so a copy here could still be mixed by another thread).
    return np.ascontiguousarray(array).view(np.int64)


def _object_dates(array: np.ndarray, name: str) -> np.ndarray:
    """An object array (a list of ``datetime.date``, a pandas object Series of
    dates) as ``datetime64[D]``: dates, naive datetimes (their date) and
    ``None`` (NaT) only, so that a string or a number is a type error, not
    a date numpy guessed."""
    for i, value in enumerate(array.flat):
        if value is not None and not isinstance(value, dt.date):
            raise InvalidTypeError(f"{name}[{i}] must be a datetime.date, not {type(value).__name__}")
        if isinstance(value, dt.datetime) and value.utcoffset() is not None:
            raise InvalidTypeError(f"{name}[{i}] is an aware datetime: give dates, or a datetime64 array")
    return array.astype(_DAY)


def _counts(values, name: str) -> np.ndarray:
    array = np.atleast_1d(np.asarray(values))
    if array.dtype.kind not in "iu":
        raise InvalidTypeError(f"{name} must hold integers, not {array.dtype}")
    # uint64 past int64 would wrap, and int64's minimum is the NaT sentinel
    # of the dates: both are offsets no calendar has.
    if array.dtype.kind == "u" and array.size and array.max() > np.iinfo(np.int64).max:
        i = int(np.argmax(array > np.iinfo(np.int64).max))
        raise OutOfRangeError(f"{name}[{i}] = {array.flat[i]} is outside the calendar's range of offsets")
    out = np.ascontiguousarray(array, dtype=np.int64)
    if out.size and (out == _NAT).any():
        i = int(np.argmax(out == _NAT))
        raise OutOfRangeError(f"{name}[{i}] = {out.flat[i]} is outside the calendar's range of offsets")
    return out


def _like(template, values: np.ndarray):
    """A pandas Series with the template's index and name, or the array."""
    index = getattr(template, "index", None)
    if index is not None and hasattr(template, "to_numpy"):
        return type(template)(values, index=index, name=getattr(template, "name", None))
    return values


def is_array(value) -> bool:
    """Whether a calendar function received an array-like argument."""
    return hasattr(value, "__array__") or isinstance(value, (list, tuple))


def add_working_days(calendar, dates, n, roll=None, threads=None):
    out = _motcua._add_working_days(calendar, _days(dates, "date"), _counts(n, "n"), roll, threads)
    return _like(dates, out.view("datetime64[D]"))


def working_days_between(calendar, a, b, threads=None):
    out, has_nat = _motcua._working_days_between(calendar, _days(a, "a"), _days(b, "b"), threads)
    if has_nat:
        missing = out == _NAT
        out = out.astype(np.float64)
        out[missing] = np.nan
    return _like(a, out)


def is_working_day(calendar, dates, threads=None):
    out = _motcua._is_working_day(calendar, _days(dates, "date"), threads)
    if (out < 0).any():
        result = np.array([None if v < 0 else bool(v) for v in out], dtype=object)
    else:
        result = out.astype(bool)
    return _like(dates, result)


def _floats(values, name: str) -> np.ndarray:
    array = np.atleast_1d(np.asarray(0.0 if values is None else values))
    if array.dtype.kind not in "iuf":
        raise InvalidTypeError(f"{name} must hold numbers, not {array.dtype}")
    return np.ascontiguousarray(array.astype(np.float64))


_VIETNAM = dt.timezone(dt.timedelta(hours=7))


def _vietnam_local(values: typing.Any) -> tuple[typing.Any, bool]:
    """A tz-aware pandas Series as naive Vietnam local time, and whether it
    was aware; any other value as it is."""
    if getattr(getattr(values, "dtype", None), "tz", None) is None:
        return values, False
    return values.dt.tz_convert(_VIETNAM).dt.tz_localize(None), True


def add_working_time(calendar, instants, days=None, hours=None, minutes=None, threads=None):
    # A tz-aware pandas Series is converted to Vietnam time, and the result
    # is aware (UTC+7), as for scalar datetimes.
    local, aware = _vietnam_local(instants)
    array = np.atleast_1d(np.asarray(local))
    if array.dtype.kind != "M":
        raise InvalidTypeError(f"at must hold datetime64 values, not {array.dtype}")
    seconds = np.ascontiguousarray(array.astype("datetime64[s]")).view(np.int64)
    out = _motcua._add_working_time(
        calendar, seconds, _floats(days, "days"), _floats(hours, "hours"), _floats(minutes, "minutes"), threads
    )
    result = _like(instants, out.view("datetime64[s]"))
    return result.dt.tz_localize(_VIETNAM) if aware else result


def to_lunar(dates, threads=None):
    """A record array (pandas: a DataFrame) of year, month, day, leap; a NaT
    date gives year 0 (pandas: a row of <NA>)."""
    year, month, day, leap = _motcua._to_lunar(_days(dates, "date"), threads)
    index = getattr(dates, "index", None)
    if index is not None and hasattr(dates, "to_numpy"):
        import pandas as pd  # type: ignore[import-untyped]  # optional dependency

        frame = pd.DataFrame({"year": year, "month": month, "day": day, "leap": leap}, index=index)
        missing = year == 0
        if missing.any():
            frame = frame.astype({"year": "Int32", "month": "Int8", "day": "Int8", "leap": "boolean"})
            frame.loc[missing] = pd.NA
        return frame
    return np.rec.fromarrays([year, month, day, leap], names="year,month,day,leap")
