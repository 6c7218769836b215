"""The calendar functions on numpy arrays and pandas Series."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import motcua


@pytest.fixture(scope="module")
def dates():
    rng = np.random.default_rng(12345)
    start = np.datetime64("2010-01-01")
    return start + rng.integers(0, 7000, size=2000).astype("timedelta64[D]"), rng.integers(1, 31, size=2000)


def test_arrays_agree_with_the_scalar_functions(cal, dates):
    days, n = dates
    out = cal.add_working_days(days, n)
    assert out.dtype == np.dtype("datetime64[D]") and out.shape == days.shape
    for d, k, r in zip(days[:300], n[:300], out[:300]):
        assert cal.add_working_days(d.astype(dt.date), int(k)) == r.astype(dt.date)
    counts = cal.working_days_between(days, out)
    assert (counts == n).all()
    working = cal.is_working_day(out)
    assert working.dtype == bool and working.all()


def test_numpy_busday_offset_agrees_where_it_can(cal):
    # numpy knows no make-up Saturdays; the projected years 2027-2030 have none.
    holidays = [h.date for y in range(2027, 2031) for h in cal.holidays(y) if h.is_day_off]
    calendar = np.busdaycalendar(weekmask="1111100", holidays=np.array(holidays, dtype="datetime64[D]"))
    days = np.arange(np.datetime64("2027-01-01"), np.datetime64("2030-06-30"))
    days = days[np.is_busday(days, busdaycal=calendar)]
    expected = np.busday_offset(days, 7, roll="forward", busdaycal=calendar)
    assert (cal.add_working_days(days, 7) == expected).all()


def test_nat_propagates(cal):
    days = np.array(["2026-02-13", "NaT"], dtype="datetime64[D]")
    out = cal.add_working_days(days, 1)
    assert out[0] == np.datetime64("2026-02-23") and np.isnat(out[1])
    counts = cal.working_days_between(days, np.array(["2026-02-23", "2026-02-23"], dtype="datetime64[D]"))
    assert counts[0] == 1 and np.isnan(counts[1])
    assert list(cal.is_working_day(days)) == [True, None]


def test_pandas_series_keep_their_index(cal):
    pd = pytest.importorskip("pandas")
    s = pd.Series(pd.to_datetime(["2026-02-13", "2026-01-09"]), index=["a", "b"], name="received")
    out = cal.add_working_days(s, 1)
    assert isinstance(out, pd.Series) and list(out.index) == ["a", "b"] and out.name == "received"
    assert list(out.dt.date) == [dt.date(2026, 2, 23), dt.date(2026, 1, 10)]


def test_bad_arrays_are_typed_errors(cal):
    with pytest.raises(motcua.InvalidTypeError):
        cal.add_working_days(np.array([1, 2, 3]), 1)
    with pytest.raises(motcua.InvalidTypeError):
        cal.add_working_days(np.array(["2026-01-05"], dtype="datetime64[D]"), 1.5)
    with pytest.raises(motcua.InvalidArgumentError):
        cal.add_working_days(np.array(["2026-01-05", "2026-01-06"], dtype="datetime64[D]"), np.array([1, 2, 3]))
    with pytest.raises(motcua.OutOfRangeError) as err:
        cal.add_working_days(np.array(["2026-01-05", "1990-01-01"], dtype="datetime64[D]"), 1)
    assert "element 1" in str(err.value)
    assert cal.add_working_days(dt.date(2026, 2, 13), 1) == dt.date(2026, 2, 23)


def test_working_time_and_lunar_dates_on_arrays(cal):
    at = np.array(["2023-10-27T09:32", "2026-02-12T10:00", "NaT"], dtype="datetime64[m]")
    due = cal.add_working_time(at, days=np.array([5, 2, 1]))
    assert list(due[:2]) == [np.datetime64("2023-11-03T09:32"), np.datetime64("2026-02-23T10:00")]
    assert np.isnat(due[2])
    # 09:32 + 4 working hours: 1 h 58 before lunch, 2 h 02 after.
    assert cal.add_working_time(at[:1], hours=4)[0] == np.datetime64("2023-10-27T15:02")
    with pytest.raises(motcua.InvalidDurationError):
        cal.add_working_time(at, days=-1)
    lunar = motcua.to_lunar(np.array(["1985-01-21", "2023-03-22", "NaT"], dtype="datetime64[D]"))
    assert (int(lunar.year[0]), int(lunar.month[0]), int(lunar.day[0]), bool(lunar.leap[0])) == (1985, 1, 1, False)
    assert (int(lunar.month[1]), bool(lunar.leap[1])) == (2, True)
    assert lunar.year[2] == 0
    assert motcua.to_lunar(dt.date(2026, 2, 17)) == motcua.LunarDate(2026, 1, 1)


def test_lunar_dates_of_a_series(cal):
    pd = pytest.importorskip("pandas")
    s = pd.Series(pd.to_datetime(["2026-02-17", None]), index=[10, 11])
    frame = motcua.to_lunar(s)
    assert list(frame.index) == [10, 11]
    assert frame.loc[10, "year"] == 2026 and frame.loc[10, "month"] == 1
    assert pd.isna(frame.loc[11, "year"])


def test_aware_series_are_converted_to_vietnam_time_and_stay_aware(cal):
    pd = pytest.importorskip("pandas")
    # 02:32 UTC is 09:32 in Vietnam; 5 working days later, 09:32 on 3 November.
    at = pd.Series(pd.to_datetime(["2023-10-27T02:32", None]).tz_localize("UTC"), index=[10, 11])
    due = cal.add_working_time(at, days=5)
    assert list(due.index) == [10, 11]
    assert due.iloc[0] == pd.Timestamp("2023-11-03T09:32", tz=dt.timezone(dt.timedelta(hours=7)))
    assert due.iloc[0] == pd.Timestamp("2023-11-03T02:32", tz="UTC")
    assert pd.isna(due.iloc[1])
    naive = cal.add_working_time(at.dt.tz_convert("Asia/Ho_Chi_Minh").dt.tz_localize(None), days=5)
    assert naive.dt.tz is None and naive.iloc[0] == pd.Timestamp("2023-11-03T09:32")


def test_offsets_that_do_not_fit_are_out_of_range_not_wrapped():
    cal = motcua.Calendar.vietnam()
    dates = np.array(["2026-02-13", "2026-02-13"], dtype="datetime64[D]")
    with pytest.raises(motcua.OutOfRangeError):
        cal.add_working_days(dates, np.array([1, 2**63], dtype=np.uint64))
    with pytest.raises(motcua.OutOfRangeError):
        cal.add_working_days(dates, np.array([1, -2**63], dtype=np.int64))
    with pytest.raises(motcua.OutOfRangeError):
        cal.add_working_days(dt.date(2026, 2, 13), 2**40)


def test_a_batch_call_is_not_mixed_by_a_thread_writing_into_its_input():
    # The native loop runs without the GIL (issue 13): it must read a copy
    # taken while the GIL is held, or a thread writing into the caller's
    # array meanwhile mixes old and new answers (and freeing it crashes).
    # With no preemptive switch, the writer gets the GIL only when the call
    # releases it, after the copy.
    import sys
    import threading

    cal = motcua.Calendar.vietnam()
    dates = np.full(4_000_000, np.datetime64("2026-02-13", "D"))
    go, done = threading.Event(), threading.Event()

    def writer():
        go.wait()
        for i in range(0, dates.size, 97):
            dates[i] = np.datetime64("2026-03-02", "D")
        done.set()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    thread = threading.Thread(target=writer)
    thread.start()
    try:
        go.set()
        out = cal.add_working_days(dates, 1)
    finally:
        sys.setswitchinterval(interval)
        thread.join()
    assert done.is_set()
    assert (out == np.datetime64("2026-02-23", "D")).all()
