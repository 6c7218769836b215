"""The Python API of the calendar: types in and out, time zones, errors,
and calendars that stay usable after a rejected call."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import motcua

VN = dt.timezone(dt.timedelta(hours=7))


def test_the_acceptance_names_exist(cal):
    d = dt.date(2026, 2, 13)
    assert cal.add_working_days(d, 1) == dt.date(2026, 2, 23)
    assert cal.working_days_between(d, dt.date(2026, 2, 23)) == 1
    assert cal.is_working_day(dt.date(2026, 1, 10)) is True
    h = cal.holidays(2026)[0]
    assert (h.date, h.name_vi, h.name_en, h.kind) == (
        dt.date(2026, 1, 1), "Tết Dương lịch", "New Year's Day", "statutory")
    lunar = motcua.to_lunar(dt.date(2026, 2, 17))
    assert (lunar.year, lunar.month, lunar.day, lunar.leap) == (2026, 1, 1, False)
    assert motcua.from_lunar(2026, 1, 1) == dt.date(2026, 2, 17)
    assert issubclass(motcua.OutOfRangeError, motcua.MotcuaError)


def test_receipt_slip_example(cal):
    due = cal.add_working_time(dt.datetime(2023, 10, 27, 9, 32), days=5)
    assert due == dt.datetime(2023, 11, 3, 9, 32)
    assert due.tzinfo is None


def test_aware_datetimes_are_converted_to_vietnam_time(cal):
    # 02:32 UTC is 09:32 in Hanoi.
    utc = dt.datetime(2023, 10, 27, 2, 32, tzinfo=dt.timezone.utc)
    due = cal.add_working_time(utc, days=5)
    assert due == dt.datetime(2023, 11, 3, 9, 32, tzinfo=VN)
    assert due.utcoffset() == dt.timedelta(hours=7)
    assert cal.next_working_instant(dt.datetime(2023, 10, 27, 10, 45, tzinfo=dt.timezone.utc)) == \
        dt.datetime(2023, 10, 30, 7, 30, tzinfo=VN)


def test_fractional_days_and_mixed_parts(cal):
    start = dt.datetime(2023, 10, 30, 9, 0)
    assert cal.add_working_time(start, days=0.5) == dt.datetime(2023, 10, 30, 14, 30)
    assert cal.add_working_time(start, hours=1, minutes=30) == dt.datetime(2023, 10, 30, 10, 30)
    assert cal.add_working_time(start) == start


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1, -0.25])
def test_bad_durations_are_typed_errors(cal, bad):
    with pytest.raises(motcua.InvalidDurationError) as err:
        cal.add_working_time(dt.datetime(2023, 10, 30, 9), days=bad)
    assert err.value.code == "calendar.invalid_duration"
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("bad", [None, "2026-01-10", 20260110, 1.5, [2026, 1, 10]])
def test_wrong_types_are_typed_errors(cal, bad):
    with pytest.raises(motcua.InvalidTypeError) as err:
        cal.is_working_day(bad)
    assert err.value.code == "invalid_type"
    assert isinstance(err.value, TypeError)
    with pytest.raises(motcua.InvalidTypeError):
        cal.add_working_days(dt.date(2026, 1, 5), "x" if isinstance(bad, (int, float)) else bad)
    with pytest.raises(motcua.InvalidTypeError):
        motcua.to_lunar(bad)
    with pytest.raises(motcua.InvalidTypeError):
        cal.add_working_time(bad, days=1)
    with pytest.raises(motcua.InvalidTypeError):
        cal.add_working_time(dt.datetime(2026, 1, 5, 9), days="one")


def test_out_of_range_and_overflow(cal):
    with pytest.raises(motcua.OutOfRangeError) as err:
        cal.is_working_day(dt.date(1999, 12, 31))
    assert "2000-01-01" in str(err.value)
    with pytest.raises(motcua.OutOfRangeError):
        cal.add_working_days(dt.date(2026, 1, 5), 10**12)
    with pytest.raises(motcua.OutOfRangeError):
        cal.holidays(2200)
    with pytest.raises(motcua.OutOfRangeError):
        motcua.to_lunar(dt.date(1, 1, 1))


def test_impossible_lunar_dates():
    with pytest.raises(motcua.InvalidLunarDateError):
        motcua.from_lunar(2025, 12, 30)
    with pytest.raises(motcua.InvalidLunarDateError):
        motcua.from_lunar(2026, 3, 10, leap=True)
    with pytest.raises(motcua.InvalidLunarDateError):
        motcua.from_lunar(2026, 300, 1)
    with pytest.raises(motcua.InvalidTypeError):
        motcua.from_lunar(2026, 3, 10, leap="yes")
    assert motcua.from_lunar(2025, 6, 1, leap=True) == dt.date(2025, 7, 25)


def test_exceptions_pickle_with_their_code():
    with pytest.raises(motcua.MotcuaError) as err:
        motcua.from_lunar(2025, 12, 30)
    again = pickle.loads(pickle.dumps(err.value))
    assert type(again) is motcua.InvalidLunarDateError
    assert again.code == "lunar.invalid_date"
    assert str(again) == str(err.value)


def test_lunar_date_is_a_value(cal):
    a = motcua.to_lunar(dt.date(2026, 4, 26))
    assert a == motcua.LunarDate(2026, 3, 10)
    assert hash(a) == hash(motcua.LunarDate(2026, 3, 10, False))
    assert repr(a) == "LunarDate(year=2026, month=3, day=10, leap=False)"
    assert str(motcua.LunarDate(2025, 6, 1, True)) == "1/6n/2025"
    assert a.year_name == "Bính Ngọ"
    assert pickle.loads(pickle.dumps(a)) == a
    assert a.to_date() == dt.date(2026, 4, 26)


def test_calendar_data_loads_at_run_time_and_leaves_the_original_alone(cal):
    closure = dt.date(2026, 11, 23)
    data = ('{"version": "center-2026.1", "as_of": "2026-11-01", "overrides": [{"date": "2026-11-23", '
            '"kind": "closure", "name_vi": "Nghỉ", "name_en": "Closed"}]}')
    loaded = cal.with_data(data)
    assert loaded.is_working_day(closure) is False
    assert loaded.holiday(closure).provenance == "loaded"
    assert cal.is_working_day(closure) is True
    assert loaded.data_versions[1] == {"provenance": "loaded", "version": "center-2026.1",
                                       "as_of": dt.date(2026, 11, 1)}
    with pytest.raises(motcua.InvalidCalendarDataError) as err:
        cal.with_data('{"overrides": [{"date": "2026-11-31", "kind": "closure", "name_vi": "a", "name_en": "b"}]}')
    assert "overrides[0].date" in str(err.value) and "2026-11-31" in str(err.value)
    assert cal.is_working_day(closure) is True


def test_culture_day_is_a_holiday_from_2026_with_its_sources(cal):
    day = cal.holiday(dt.date(2026, 11, 24))
    assert (day.kind, day.provenance) == ("statutory", "official")
    assert "10065/VPCP-KGVX" in day.source and "28/2026/QH16" in day.source
    assert cal.is_working_day(dt.date(2025, 11, 24))
    assert all(not h.provisional for h in cal.holidays(2027))
    assert cal.data_versions[0]["version"] == "2026.12.1"
    assert cal.data_versions[0]["as_of"] == dt.date(2026, 12, 2)
    # 24/11/2029 is a Saturday: the named policy decides the projected years.
    assert not cal.is_working_day(dt.date(2029, 11, 26))
    strict = motcua.Calendar.custom(culture_day_on_weekend="no_substitute")
    assert strict.is_working_day(dt.date(2029, 11, 26))
    assert strict.culture_day_on_weekend == "no_substitute"
    with pytest.raises(motcua.InvalidArgumentError):
        motcua.Calendar.custom(culture_day_on_weekend="sometimes")
    before = motcua.Calendar.custom(without_culture_day=True)
    assert before.is_working_day(dt.date(2026, 11, 24)) and not before.has_culture_day


def test_data_that_works_a_statutory_day_is_refused_naming_the_date(cal):
    worked = ('{"overrides": [{"date": "2026-11-24", "kind": "extra_working_day", '
              '"name_vi": "Làm việc", "name_en": "Open"}]}')
    with pytest.raises(motcua.InvalidCalendarDataError) as err:
        cal.with_data(worked)
    assert "2026-11-24" in str(err.value) and err.value.code == "calendar.invalid_data"


def test_custom_calendar():
    saturday_center = motcua.Calendar.custom(
        working_weekdays=[0, 1, 2, 3, 4, 5],
        sessions=[("07:00", "11:30"), ("13:30", "17:00")],
    )
    assert saturday_center.is_working_day(dt.date(2026, 3, 7))
    assert saturday_center.day_hours == 8.0
    with pytest.raises(motcua.InvalidSessionsError):
        motcua.Calendar.custom(sessions=[("09:00", "08:00")])
    with pytest.raises(motcua.InvalidArgumentError):
        motcua.Calendar.custom(working_weekdays=[7])


def test_schedule_sources(cal):
    status, sources = cal.schedule_source(2026)
    assert status == "official" and any("thanhnien" in s for s in sources)
    assert cal.schedule_source(2030) == ("projected", [])
    # The same sources in Vietnamese, one for one, document numbers kept.
    _, vi = cal.schedule_source(2026, language="vi")
    assert len(vi) == len(sources) and vi != sources
    assert any("10065/VPCP-KGVX" in s and "Công văn" in s for s in vi)
    assert cal.schedule_source(2026, language="en") == ("official", sources)
    with pytest.raises(motcua.InvalidArgumentError):
        cal.schedule_source(2026, language="fr")
    assert all(h.provisional for h in cal.holidays(2030))


def test_many_bad_calls_then_a_good_one(cal):
    for _ in range(1000):
        with pytest.raises(motcua.MotcuaError):
            cal.add_working_days(dt.date(2100, 12, 31), 5)
    assert cal.add_working_days(dt.date(2026, 2, 13), 1) == dt.date(2026, 2, 23)


def test_non_integral_numbers_are_invalid_arguments_like_in_javascript(cal):
    with pytest.raises(motcua.InvalidArgumentError) as err:
        cal.add_working_days(dt.date(2026, 1, 5), 1.5)
    assert err.value.code == "invalid_argument"


def test_huge_and_negative_durations(cal):
    with pytest.raises(motcua.InvalidDurationError):
        cal.add_working_time(dt.datetime(2026, 1, 5, 9), days=10**400)
    with pytest.raises(motcua.InvalidDurationError):
        cal.add_calendar_days(dt.date(2026, 1, 5), -1)


def test_a_tzinfo_without_offset_is_naive_local_time(cal):
    class Floating(dt.tzinfo):
        def utcoffset(self, when):
            return None

    at = dt.datetime(2023, 10, 27, 9, 32, tzinfo=Floating())
    assert cal.add_working_time(at, days=5) == dt.datetime(2023, 11, 3, 9, 32)


def test_lunar_dates_that_do_not_exist_cannot_be_built():
    with pytest.raises(motcua.InvalidLunarDateError):
        motcua.LunarDate(2026, 13, 40)
    with pytest.raises(motcua.InvalidLunarDateError):
        motcua.LunarDate(2025, 12, 30)
    with pytest.raises(motcua.InvalidTypeError):
        motcua.LunarDate(2026, 3, "10")
    with pytest.raises(motcua.OutOfRangeError):
        motcua.LunarDate(2**40, 1, 1)


def test_custom_calendar_arguments_are_checked():
    with pytest.raises(motcua.InvalidTypeError):
        motcua.Calendar.custom(holidays="yes")
    with pytest.raises(motcua.InvalidTypeError):
        motcua.Calendar.custom(data=5)
    with pytest.raises(motcua.OutOfRangeError):
        motcua.Calendar.custom(first=dt.date(1999, 12, 31))
    plain = motcua.Calendar.custom(holidays=False, first=dt.date(2026, 1, 1), last=dt.date(2026, 12, 31))
    assert plain.schedule_source(2026) == ("none", [])
    assert plain.is_working_day(dt.date(2026, 2, 17))
    assert plain.holidays(2026) == []
    with pytest.raises(motcua.OutOfRangeError):
        plain.holiday(dt.date(2027, 1, 1))
