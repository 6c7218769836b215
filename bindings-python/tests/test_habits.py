"""The habits of python-holidays, numpy and pandas users (issue 16): days
off, names, next and previous working days, numpy's rolls, working-day
ranges, pickling, catalogs as mappings, period text, arrays of dates,
notebook displays and due dates of a whole table."""

from __future__ import annotations

import datetime as dt
import pickle

import numpy as np
import pandas as pd
import pytest

import motcua

D = dt.date


@pytest.fixture(scope="module")
def cal():
    return motcua.Calendar.vietnam()


def test_holidays_are_days_off_and_in_asks_the_same(cal):
    days = {h.date for h in cal.holidays(2026)}
    # Saturday 10/01/2026 is worked back for Friday 02/01 (the year's dispatch).
    assert D(2026, 1, 2) in days and D(2026, 1, 10) not in days
    assert all(not cal.is_working_day(d) for d in days)
    assert D(2026, 1, 2) in cal and D(2026, 1, 10) not in cal
    assert D(2026, 1, 4) not in cal  # a plain Sunday is no holiday
    assert cal.holiday(D(2026, 1, 10)) is None
    assert cal.holiday(D(2026, 1, 10), working_days=True).kind == "make_up"
    every = cal.holidays(2026, working_days=True)
    assert {h.date for h in every} - days == {D(2026, 1, 10), D(2026, 8, 22)}
    several = cal.holidays(years=range(2025, 2028))
    assert {h.date.year for h in several} == {2025, 2026, 2027}
    assert cal.holidays(years=2026) == cal.holidays(2026)
    with pytest.raises(motcua.InvalidArgumentError):
        cal.holidays()
    with pytest.raises(motcua.InvalidTypeError):
        "2026-01-01" in cal


def test_get_named_ignores_case_in_both_languages(cal):
    tet = cal.get_named("TẾT", 2026)
    assert D(2026, 2, 17) in {h.date for h in tet}
    assert {h.date for h in cal.get_named("national day", range(2025, 2027))} >= {D(2025, 9, 2), D(2026, 9, 2)}
    with pytest.raises(motcua.InvalidArgumentError):
        cal.get_named("", 2026)


def test_next_previous_and_rolls_as_numpy_names_them(cal):
    assert cal.next_working_day(D(2026, 2, 13)) == D(2026, 2, 23)
    assert cal.previous_working_day(D(2026, 2, 23)) == D(2026, 2, 13)
    saturday = D(2026, 2, 28)
    assert cal.roll(saturday, "following") == D(2026, 3, 2)
    assert cal.roll(saturday, "modifiedfollowing") == D(2026, 2, 27)
    with pytest.raises(motcua.InvalidArgumentError):
        cal.roll(saturday, "raise")
    with pytest.raises(motcua.InvalidArgumentError, match="roll"):
        cal.roll(saturday, "sideways")
    # numpy's busday_offset on a plain Mon-Fri week agrees where no holiday intervenes.
    assert cal.add_working_days(saturday, 1, roll="forward") == np.busday_offset(
        np.datetime64("2026-02-28"), 1, roll="forward").astype(object)
    # motcua's own count: the first working day after the Saturday.
    assert cal.add_working_days(saturday, 1) == D(2026, 3, 2)
    dates = np.array(["2026-02-28", "2026-03-02"], dtype="datetime64[D]")
    assert list(cal.add_working_days(dates, 1, roll="forward")) == list(
        np.array(["2026-03-03", "2026-03-03"], dtype="datetime64[D]"))


def test_zero_working_days_from_a_day_off_is_that_day(cal):
    # Documented: add_working_days(d, 0) is d itself, working day or not.
    assert cal.add_working_days(D(2026, 2, 17), 0) == D(2026, 2, 17)
    assert cal.add_working_days(D(2026, 2, 17), 0, roll="forward") == D(2026, 2, 23)


def test_a_working_day_range_like_bdate_range(cal):
    assert cal.working_days_from(D(2026, 2, 13), D(2026, 2, 23)) == [D(2026, 2, 13), D(2026, 2, 23)]
    january = cal.working_days_from(D(2026, 1, 1), D(2026, 1, 31))
    assert D(2026, 1, 10) in january and D(2026, 1, 2) not in january


def test_arrays_of_dates_and_object_series_are_accepted(cal):
    dates = [D(2026, 2, 13), D(2026, 1, 9), None]
    out = cal.add_working_days(dates, 1)
    assert list(out[:2]) == list(np.array(["2026-02-23", "2026-01-10"], dtype="datetime64[D]"))
    assert np.isnat(out[2])
    series = pd.Series([D(2026, 2, 13), D(2026, 1, 10)], dtype=object)
    assert list(cal.is_working_day(series)) == [True, True]
    with pytest.raises(motcua.InvalidTypeError, match=r"date\[1\]"):
        cal.add_working_days([D(2026, 2, 13), "2026-01-09"], 1)


def test_a_calendar_pickles_with_its_options_and_data(cal):
    data = '{"version": "center-2026", "overrides": [{"date": "2026-03-02", "kind": "closure", "name_vi": "Nghỉ", "name_en": "Closed"}]}'
    custom = motcua.Calendar.custom(working_weekdays=(d for d in range(6)), without_culture_day=True).with_data(data)
    again = pickle.loads(pickle.dumps(custom))
    assert again.data_versions == custom.data_versions
    assert again.is_working_day(D(2026, 3, 7)) and not again.is_working_day(D(2026, 3, 2))
    assert again.has_culture_day is False
    assert pickle.loads(pickle.dumps(cal)).add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)


def test_a_catalog_is_a_mapping_of_codes():
    catalog = motcua.Catalog.sample()
    assert "2.000001" in catalog and "9.999999" not in catalog
    assert list(catalog) == catalog.codes()
    again = motcua.Catalog.from_json(catalog.to_json())
    assert again.codes() == catalog.codes()
    assert again["2.000001"].to_json() == catalog["2.000001"].to_json()
    with pytest.raises(motcua.InvalidTypeError, match="read the code column as str"):
        catalog[2.00001]


def test_period_text(cal):
    assert motcua.Period.parse("2026-Q3") == motcua.Period.quarter(2026, 3)
    assert motcua.Period.parse("2026-07") == motcua.Period.month(2026, 7)
    with pytest.raises(motcua.MotcuaError):
        motcua.Period.parse("Q3 2026")


def test_notebook_displays():
    catalog = motcua.Catalog.sample()
    assert repr(catalog) == f"Catalog({len(catalog)} procedures)"
    assert "<table>" in catalog._repr_html_()
    report = motcua.PeriodReport("2026-Q1", group_by="agency")
    report.add_all(motcua.sample_center(dossiers=200))
    assert repr(report).startswith("PeriodReport(period=2026-01-01..2026-03-31, group_by=\"agency\"")
    assert "Tổng / total" in report._repr_html_()
    m = motcua.Methodology.default_766()
    assert repr(m).startswith('Methodology(version="766-dvcqg-2026-10"')
    score = m.score(report.index_inputs())
    assert "<td>" in score._repr_html_()
    due, why = catalog["2.000001"].estimate(dt.datetime(2026, 2, 13, 15, 30))
    assert repr(why) == f"Explanation({len(why)} lines, due_at={due.isoformat(timespec='minutes')})"
    d = motcua.sample_center(dossiers=10)[0]
    assert f"({d.status.name_en})" in repr(d)
    html = motcua._notebook.table("x", [{"a": "<b>"}], ["a"])
    assert "&lt;b&gt;" in html


def test_due_dates_of_a_table_are_the_estimates_one_by_one():
    catalog = motcua.Catalog.sample()
    codes = catalog.codes()
    at = pd.date_range("2026-02-09 07:00", periods=60, freq="7h")
    frame = pd.DataFrame({
        "procedure_code": [codes[i % len(codes)] for i in range(60)],
        "channel": ["direct", "online", "postal"] * 20,
        "received_at": at,
    })
    got = motcua.due_dates(frame, catalog)
    assert list(got.index) == list(frame.index)
    for row, due in zip(frame.itertuples(), got):
        expected, _ = catalog[row.procedure_code].estimate(row.received_at.to_pydatetime(), channel=row.channel)
        assert (pd.isna(due) and expected is None) or due.to_pydatetime() == expected
    aware = frame.assign(received_at=frame["received_at"].dt.tz_localize("Asia/Ho_Chi_Minh").dt.tz_convert("UTC"))
    got_aware = motcua.due_dates(aware, catalog)
    assert str(got_aware.dt.tz) == "UTC+07:00"
    assert (got_aware.dt.tz_localize(None).dropna() == got.dropna()).all()
    without_channel = motcua.due_dates(frame.drop(columns="channel"), catalog)
    assert without_channel[0] == got[0]  # row 0 is direct


def test_due_dates_errors_name_the_problem():
    catalog = motcua.Catalog.sample()
    frame = pd.DataFrame({"procedure_code": ["2.000001", "9.999999"],
                          "received_at": pd.to_datetime(["2026-02-13 09:00", "2026-02-13 09:00"])})
    with pytest.raises(motcua.UnknownProcedureError):
        motcua.due_dates(frame, catalog)
    floats = frame.assign(procedure_code=[2.00001, 2.00001])
    with pytest.raises(motcua.InvalidTypeError, match="read it as text"):
        motcua.due_dates(floats, catalog)
    missing = frame.assign(procedure_code=["2.000001", None])
    with pytest.raises(motcua.InvalidArgumentError, match="row 1"):
        motcua.due_dates(missing, catalog)


def test_every_error_has_a_vietnamese_message_with_its_place():
    # Issue 16: the pages that citizens read show the Vietnamese message.
    bad = {"code": "1.000001", "name": "A", "processing_time": {"kind": "working_days", "days": "five"}}
    with pytest.raises(motcua.InvalidProcedureError) as err:
        motcua.Procedure.from_dict(bad)
    assert err.value.message_vi == (
        "Khai báo thủ tục hành chính không hợp lệ. Trường: processing_time.days.")
    assert "expected" in str(err.value)  # the English message keeps the detail
    again = pickle.loads(pickle.dumps(err.value))
    assert again.message_vi == err.value.message_vi
    # A binding's own error, raised in Rust or in Python, has one too.
    with pytest.raises(motcua.InvalidTypeError) as err:
        motcua.Calendar.vietnam().is_working_day(3)
    assert err.value.message_vi == "Tham số có kiểu dữ liệu không đúng."
    assert motcua.InvalidTypeError("x").message_vi == err.value.message_vi
    for code, cls in motcua._errors.BY_CODE.items():
        assert cls("english").message_vi != "english", code
