"""The change-impact and dossier-code vectors (tests/vectors/impact.json,
tests/vectors/codes.json), the same cases the Rust core and the Node tests
run."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import motcua
from conftest import VECTORS, iso_date, iso_instant

IMPACT = json.loads((VECTORS / "impact.json").read_text(encoding="utf-8"))
CODES = json.loads((VECTORS / "codes.json").read_text(encoding="utf-8"))


def iso(t: dt.datetime | None) -> str | None:
    return None if t is None else t.strftime("%Y-%m-%dT%H:%M")


@pytest.fixture(scope="module")
def old() -> motcua.Calendar:
    return motcua.Calendar.custom(without_culture_day=True)


def test_calendar_changes_vectors(old, cal):
    v = IMPACT["calendar_changes"]
    found = motcua.calendar_changes(old, cal, iso_date(v["start"]), iso_date(v["end"]))
    got = [
        {
            "date": c["date"].isoformat(),
            "before_working": c["before"]["working"],
            "after_working": c["after"]["working"],
            "after_kind": c["after"]["entry"]["kind"],
            "source_contains": want["source_contains"]
            if want["source_contains"] in c["after"]["entry"]["source"] else "",
        }
        for c, want in zip(found, v["expected"])
    ]
    assert got == v["expected"]


@pytest.mark.parametrize("case", IMPACT["cases"], ids=[c["name"] for c in IMPACT["cases"]])
def test_appointment_changes_vectors(case, old, cal):
    d = motcua.Dossier.from_json(json.dumps(case["dossier"], ensure_ascii=False))
    found = motcua.appointment_changes([d], old, cal, iso_instant(case["as_of"]))
    got = None
    if found:
        f = found[0]
        got = {
            "open": f["open"],
            "old_due": iso(f["old_due"]),
            "new_due": iso(f["new_due"]),
            "old_timeliness": f["old_timeliness"],
            "new_timeliness": f["new_timeliness"],
            "changed_dates": [day["date"].isoformat() for day in f["days"]],
            "new_appointment_at": iso(f["letter"]["new_appointment_at"]) if f.get("letter") else None,
        }
    assert got == case["expected"]


def test_appointment_changes_frame_and_errors(old, cal):
    pytest.importorskip("pandas")
    dossiers = [motcua.Dossier.from_json(json.dumps(c["dossier"], ensure_ascii=False))
                for c in IMPACT["cases"]]
    frame = motcua.appointment_changes_frame(dossiers, old, cal, dt.datetime(2026, 11, 25, 10))
    assert frame["code"].tolist() == ["H15.50.05.12-261120-1436", "H15.50.05.12-261120-1437"]
    assert frame["new_appointment_at"].iloc[0] == dt.datetime(2026, 11, 30, 9)
    assert "24/11/2026" in frame["reason_vi"].iloc[0]
    assert frame["changed_dates"].iloc[0] == [dt.date(2026, 11, 24)]
    short = motcua.Calendar.custom(first=dt.date(2020, 1, 1))
    with pytest.raises(motcua.OutOfRangeError) as err:
        motcua.calendar_changes(short, cal, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert "2020-01-01..=2100-12-31" in str(err.value)
    with pytest.raises(motcua.InvalidTypeError):
        motcua.appointment_changes(["not a dossier"], old, cal, dt.datetime(2026, 11, 25))


@pytest.mark.parametrize("case", CODES["parse"], ids=[c["text"] + " " + c["rule"] for c in CODES["parse"]])
def test_code_parse_vectors(case):
    if "error" in case:
        with pytest.raises(motcua.InvalidDossierCodeError) as err:
            motcua.DossierCode.parse(case["text"], case["rule"])
        assert err.value.code == case["error"] and case["message"] in str(err.value)
        return
    code = motcua.DossierCode.parse(case["text"], case["rule"])
    got = {"agency": code.agency, "date": code.date.isoformat(), "ministry": code.ministry,
           "sequence": code.sequence}
    assert got == case["expected"] and str(code) == case["text"]
    import pickle
    assert pickle.loads(pickle.dumps(code)) == code


@pytest.mark.parametrize("case", CODES["generate"], ids=[c["rule"] for c in CODES["generate"]])
def test_code_generate_vectors(case):
    gen = motcua.DossierCodeGenerator(case["rule"], case.get("ministry"))
    gen.register(case["after"])
    if "error" in case:
        with pytest.raises(motcua.MotcuaError) as err:
            gen.next(case["agency"], iso_date(case["date"]))
        assert err.value.code == case["error"]
    else:
        assert str(gen.next(case["agency"], iso_date(case["date"]))) == case["expected"]


def test_appointment_changes_frame_over_a_records_table(old, cal):
    pd = pytest.importorskip("pandas")
    catalog = motcua.Catalog.from_json(json.dumps([IMPACT["cases"][0]["dossier"]["procedure"]]))
    table = pd.DataFrame({
        "code": ["H15.50.05.12-261120-1436", "H15.50.05.12-261120-1437", "H15.50.05.12-261116-0001"],
        "procedure": ["1.000005"] * 3,
        "received_at": pd.to_datetime(["2026-11-20 09:00", "2026-11-20 09:00", "2026-11-16 09:00"]),
        "ended_at": [pd.NaT, pd.Timestamp("2026-11-30 08:00"), pd.Timestamp("2026-11-17 08:00")],
        "ending": [None, "resolved", "resolved"],
    })
    frame = motcua.appointment_changes_frame(table, old, cal, dt.datetime(2026, 12, 1, 10), catalog=catalog)
    assert frame["code"].tolist() == ["H15.50.05.12-261120-1436", "H15.50.05.12-261120-1437"]
    assert frame["open"].tolist() == [True, False]
    cells = lambda column: [None if pd.isna(v) else v for v in frame[column]]  # noqa: E731
    assert cells("new_timeliness") == [None, "on_time"]
    assert cells("old_timeliness") == [None, "late"]
    with pytest.raises(motcua.InvalidArgumentError):
        motcua.appointment_changes_frame(table, old, cal, dt.datetime(2026, 12, 1))
    with pytest.raises(motcua.MissingColumnError):
        motcua.appointment_changes_frame(table.drop(columns=["procedure"]), old, cal,
                                         dt.datetime(2026, 12, 1), catalog=catalog)
    with pytest.raises(motcua.InvalidArgumentError):
        motcua.Dossier.from_record(procedure=catalog["1.000005"], code="H15.50.05.12-261120-1436",
                                   received_at=dt.datetime(2026, 11, 20, 9), ending="lost")


def test_impact_arguments_of_the_wrong_type_are_motcua_errors(cal):
    with pytest.raises(motcua.InvalidTypeError) as err:
        motcua.calendar_changes("2026", cal, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert err.value.code == "invalid_type"
    with pytest.raises(motcua.InvalidTypeError):
        motcua.appointment_changes([], cal, None, dt.datetime(2026, 12, 1))
