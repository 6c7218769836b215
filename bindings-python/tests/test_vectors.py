"""The cross-runtime conformance vectors (tests/vectors/calendar.json), the
same cases the Rust core and the Node tests run."""

from __future__ import annotations

import pytest

import motcua
from conftest import iso_date, iso_instant


def check(case, call, convert=lambda v: v):
    if "error" in case:
        with pytest.raises(motcua.MotcuaError) as err:
            call()
        assert err.value.code == case["error"], case
    else:
        assert call() == convert(case["expected"]), case


def cases(vectors, section):
    assert vectors[section], section
    return vectors[section]


def test_is_working_day(cal, vectors):
    for c in cases(vectors, "is_working_day"):
        check(c, lambda: cal.is_working_day(iso_date(c["date"])))


def test_add_working_days(cal, vectors):
    for c in cases(vectors, "add_working_days"):
        check(c, lambda: cal.add_working_days(iso_date(c["date"]), c["n"]), iso_date)


def test_working_days_between(cal, vectors):
    for c in cases(vectors, "working_days_between"):
        check(c, lambda: cal.working_days_between(iso_date(c["a"]), iso_date(c["b"])))


def test_add_working_time(cal, vectors):
    for c in cases(vectors, "add_working_time"):
        check(
            c,
            lambda: cal.add_working_time(
                iso_instant(c["start"]), days=c["days"], hours=c["hours"], minutes=c["minutes"]
            ),
            iso_instant,
        )


def test_next_working_instant(cal, vectors):
    for c in cases(vectors, "next_working_instant"):
        check(c, lambda: cal.next_working_instant(iso_instant(c["at"])), iso_instant)


def test_working_time_between(cal, vectors):
    for c in cases(vectors, "working_time_between"):
        got = cal.working_hours_between(iso_instant(c["a"]), iso_instant(c["b"]))
        assert got * 3600 == c["expected_seconds"], c


def test_add_calendar_days(cal, vectors):
    for c in cases(vectors, "add_calendar_days"):
        check(c, lambda: cal.add_calendar_days(iso_date(c["date"]), c["days"]), iso_date)


def test_to_lunar(vectors):
    for c in cases(vectors, "to_lunar"):
        check(c, lambda: motcua.to_lunar(iso_date(c["date"])), lambda e: motcua.LunarDate(**e))


def test_from_lunar(vectors):
    for c in cases(vectors, "from_lunar"):
        check(c, lambda: motcua.from_lunar(c["year"], c["month"], c["day"], leap=c["leap"]), iso_date)


def test_year_name(vectors):
    for c in cases(vectors, "year_name"):
        assert motcua.year_name(c["year"]) == c["expected"]


def test_holidays(cal, vectors):
    for c in cases(vectors, "holidays"):
        got = cal.holidays(c["year"], working_days=True)
        assert [[h.date.isoformat(), h.kind] for h in got] == c["expected"]
        assert all(h.provisional == c["provisional"] for h in got)
