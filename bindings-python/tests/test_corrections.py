"""Corrections of the append-only log from Python: void and amend append
entries, the original stays visible and flagged, a rejected correction
changes nothing, and figures before a correction show what was known
then. The replay rules are the conformance vectors (test_dossier_vectors)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import motcua


def t(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@pytest.fixture
def typo():
    p = motcua.Procedure.from_dict({"code": "1.000005", "name": "Thử", "agency": "Sở Thử nghiệm",
                                    "processing_time": {"kind": "working_days", "days": 5}})
    d = motcua.Dossier(procedure=p, code="000.00.06.H56-261005-0001",
                       received_at=t("2026-10-05T08:00"), channel="direct", actor="can-bo")
    d.resolve(t("2036-10-07T10:00"), actor="can-bo")  # the year mistyped
    return d


def test_a_void_unblocks_a_far_future_typo(typo):
    with pytest.raises(motcua.EventOutOfOrderError):
        typo.resolve(t("2026-10-08T10:00"))
    typo.void(1, "gõ nhầm năm", "truong-phong", t("2026-10-08T09:00"))
    typo.resolve(t("2026-10-08T10:00"), actor="can-bo")
    assert typo.status == motcua.Status.RESOLVED
    assert typo.timeliness("date") == "early"
    events = typo.events
    assert [e["type"] for e in events] == ["accepted", "resolved", "voided", "resolved"]
    assert events[1]["voided_by"] == 2 and events[2]["reason"] == "gõ nhầm năm"
    assert [e["type"] for e in typo.history] == ["accepted", "resolved"]
    assert typo.state_at(t("2026-10-08T08:59"))["status"] == motcua.Status.ACCEPTED
    again = motcua.Dossier.from_json(typo.to_json())
    assert again.to_json() == typo.to_json()


def test_an_amendment_is_explained_and_an_instant_keeps_the_dossiers_kind(typo):
    aware = {"type": "resolved", "at": dt.datetime(2026, 10, 7, 3, 0, tzinfo=dt.timezone.utc)}
    with pytest.raises(motcua.InvalidTypeError, match="naive"):
        typo.amend(1, aware, "gõ nhầm năm", "truong-phong", t("2026-10-08T09:00"))
    corrected = {"type": "resolved", "actor": "can-bo", "at": t("2026-10-07T10:00")}
    typo.amend(1, corrected, "gõ nhầm năm", "truong-phong", t("2026-10-08T09:00"))
    assert typo.events[1]["amended_by"] == 2
    assert typo.events[2]["corrected"]["at"] == t("2026-10-07T10:00")
    lines = [e for e in typo.explain().entries if e["rule"] == "corrected"]
    assert len(lines) == 1 and lines[0]["at"] == t("2026-10-08T09:00")
    assert "truong-phong" in lines[0]["vi"] and "gõ nhầm năm" in lines[0]["vi"]
    assert "Corrected on" in typo.explain().text("en")


def test_a_rejected_correction_changes_nothing(typo):
    before = typo.to_json()
    cases = [
        (motcua.InvalidCorrectionError, lambda: typo.void(1, "", "truong-phong", t("2026-10-08T09:00"))),
        (motcua.InvalidCorrectionError, lambda: typo.void(1, "gõ nhầm", "", t("2026-10-08T09:00"))),
        (motcua.InvalidCorrectionError, lambda: typo.void(5, "gõ nhầm", "truong-phong", t("2026-10-08T09:00"))),
        (motcua.InvalidTransitionError, lambda: typo.void(0, "nhầm hồ sơ", "truong-phong", t("2036-10-08T09:00"))),
        (motcua.InvalidTypeError, lambda: typo.amend(1, "resolved", "sai", "truong-phong", t("2026-10-08T09:00"))),
        (motcua.InvalidDossierError, lambda: typo.amend(1, {"type": "nope", "at": t("2026-10-07T10:00")}, "sai",
                                                        "truong-phong", t("2026-10-08T09:00"))),
        (motcua.OutOfRangeError, lambda: typo.void(-1, "gõ nhầm", "truong-phong", t("2026-10-08T09:00"))),
    ]
    for error, call in cases:
        with pytest.raises(error):
            call()
        assert typo.to_json() == before
    typo.void(1, "gõ nhầm năm", "truong-phong", t("2026-10-08T09:00"))
    with pytest.raises(motcua.InvalidCorrectionError, match="cannot be corrected"):
        typo.void(2, "hủy nhầm", "truong-phong", t("2026-10-08T09:30"))
    assert json.loads(typo.to_json())["events"][2]["type"] == "voided"


def test_a_closed_quarter_changes_only_when_re_run_on_the_corrected_log(typo):
    q4 = motcua.Period.quarter(2026, 4)
    typo.amend(1, {"type": "resolved", "at": t("2026-10-07T10:00")}, "gõ nhầm năm", "truong-phong",
               t("2037-01-05T09:00"))
    as_known = motcua.PeriodReport(q4, group_by="total")
    as_known.add(typo)
    rerun = motcua.PeriodReport(q4, group_by="total")
    rerun.add(typo.corrected())
    assert (as_known.total["in_progress"], as_known.total["resolved"]) == (1, 0)
    assert (rerun.total["in_progress"], rerun.total["early"]) == (0, 1)


def test_a_dossier_added_twice_is_an_error_and_add_all_is_all_or_none(typo):
    q4 = motcua.Period.quarter(2026, 4)
    report = motcua.PeriodReport(q4, group_by="total")
    report.add(typo)
    with pytest.raises(motcua.DuplicateDossierCodeError, match="000.00.06.H56-261005-0001"):
        report.add(typo)
    others = motcua.sample_center(dossiers=30)
    before = report.total
    with pytest.raises(motcua.DuplicateDossierCodeError):
        report.add_all([*others, typo])  # the last one was added already
    assert report.total == before, "nothing of the rejected batch was counted"
    with pytest.raises(motcua.DuplicateDossierCodeError):
        report.add_all([others[0], others[0]])
    assert report.total == before
    report.add_all(others)
    assert report.total["received"] > before["received"]
