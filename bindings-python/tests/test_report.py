"""Reports, the 766 index, portal payloads and the sample center in Python."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import motcua


@pytest.fixture(scope="module")
def quarter():
    dossiers = motcua.sample_center(seed=7, dossiers=600)
    report = motcua.PeriodReport(motcua.Period.quarter(2026, 3), group_by="agency")
    report.add_all(dossiers)
    return dossiers, report


def test_ii06a_identities_and_rows(quarter):
    _, report = quarter
    t = report.total
    # 600 at the provincial center, the communes scaled alike (600 × 9,600 / 23,700).
    assert t["received_online"] + t["received_direct_postal"] == 600 + 243
    assert t["received"] == t["received_online"] + t["received_direct_postal"] + t["carried_over"]
    assert t["resolved"] == t["early"] + t["on_time"] + t["late"]
    assert t["received"] == t["resolved"] + t["in_progress"] + t["withdrawn"] + t["stopped"] + t["refused_after_appraisal"]
    assert t["carried_over"] > 0
    assert sum(r["received"] for r in report.rows.values()) == t["received"]
    assert "Sở Tư pháp" in report.rows
    assert report.excluded.get("ended_before", 0) > 0
    assert report.to_dict()["total"] == t


def test_report_as_a_dataframe(quarter):
    pd = pytest.importorskip("pandas")
    frame = quarter[1].to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert frame["received"].sum() == quarter[1].total["received"]
    # Column by column, the same frame as the rows' dicts give.
    rows = quarter[1].rows
    assert list(frame.index) == sorted(rows) and list(frame.columns) == list(quarter[1].total)
    pd.testing.assert_frame_equal(frame, pd.DataFrame.from_dict(rows, orient="index"))
    empty = motcua.PeriodReport(motcua.Period.quarter(2026, 3), "agency").to_pandas()
    assert empty.shape == (0, len(frame.columns))


def test_index_score_what_if_and_ranking(quarter):
    _, report = quarter
    assert motcua.Methodology.versions() == ["766-dvcqg-2026-10", "766-2022-default-1"]
    assert motcua.Methodology.default_766().version == "766-dvcqg-2026-10"
    m = motcua.Methodology.builtin("766-2022-default-1")
    inputs = report.index_inputs()
    # The sample's dossiers record their facts: the fact-based inputs are there too.
    assert {"dossiers_on_time", "dossiers_online", "dossiers_synced", "online_payments"} <= set(inputs)
    inputs = {k: v for k, v in inputs.items() if k in ("dossiers_on_time", "dossiers_online")}
    score = m.score(inputs)
    assert 0 < score.total <= score.max_measured == 26
    assert len(score.not_measured) == 16
    by_id = {i["id"]: i for i in score.indicators}
    assert by_id["1.1"]["points"] is None and by_id["2.1"]["points"] is not None
    assert m.what_if({"dossiers_on_time": (95, 100)}, "dossiers_on_time", 19.2) == 25
    assert m.what_if({"dossiers_on_time": (95, 100)}, "dossiers_on_time", 25) is None
    ranked = m.rank({"A": {"dossiers_on_time": (90, 100)}, "B": {"dossiers_on_time": (99, 100)}})
    assert [name for name, _ in ranked] == ["B", "A"]
    with pytest.raises(motcua.MotcuaError) as err:
        m.score({"dossiers_on_time": (101, 100)})
    assert err.value.code == "invalid_argument"
    with pytest.raises(motcua.MotcuaError):
        m.what_if(inputs, "bribes", 30)
    broken = m.to_json().replace('"max_points":20.0', '"max_points":19.0', 1)
    with pytest.raises(motcua.MotcuaError) as err:
        motcua.Methodology.from_json(broken)
    assert "the indicators of TDGQ sum to 20 points, but its max_points is 19" in str(err.value)
    with pytest.raises(motcua.MotcuaError) as err:
        motcua.Methodology.builtin("766-2019")
    assert "766-dvcqg-2026-10" in str(err.value)


def test_the_portals_methodology_scores_by_group_and_refuses_unknown_inputs():
    m = motcua.Methodology.default_766()
    score = m.score({"dossiers_on_time": (653, 654), "feedback_on_time": (0, 0)})
    groups = {g["code"]: g for g in score.groups}
    assert list(groups) == ["CKMB", "TDGQ", "ONLINE", "TTTT", "MDSH", "MDHL"]
    # 99.85 % on time gives 19.97 of 20, as the portal publishes it; no
    # petitions give the petition indicator its full 6 points.
    assert groups["TDGQ"]["points"] == 19.97 and groups["MDHL"]["points"] == 6.0
    assert score.total == 25.97
    with pytest.raises(motcua.InvalidArgumentError) as err:
        m.score({"dossier_on_time": (1, 2)})
    assert '"dossier_on_time"' in str(err.value) and "dossiers_on_time" in str(err.value)


def test_score_as_a_dataframe():
    pd = pytest.importorskip("pandas")
    score = motcua.Methodology.default_766().score({"dossiers_on_time": (95, 100)})
    frame = score.to_pandas()
    assert isinstance(frame, pd.DataFrame) and len(frame) == 19


def test_portal_payloads(quarter):
    dossiers, _ = quarter
    d = next(x for x in dossiers if x.status == motcua.Status.RETURNED)
    sync = d.portal_sync()
    assert sync["MaHoSo"] == d.code and sync["TrangThaiHoSo"] == 10
    assert len(sync["NgayTiepNhan"]) == 14
    motcua.validate_portal_sync(json.dumps(sync))
    sync["KenhThucHien"] = 9
    with pytest.raises(motcua.MotcuaError) as err:
        motcua.validate_portal_sync(json.dumps(sync))
    assert err.value.code == "portal.invalid_payload" and "KenhThucHien" in str(err.value)
    progress = d.portal_progress()
    assert len(progress) == len(d.events) and progress[-1]["TrangThai"] == 10


def test_periods():
    assert motcua.Period.month(2026, 2).last == dt.date(2026, 2, 28)
    assert motcua.Period.year(2026).first == dt.date(2026, 1, 1)
    with pytest.raises(motcua.MotcuaError):
        motcua.Period.quarter(2026, 5)
    # Issue 16: a period's text is accepted where a Period is.
    assert motcua.PeriodReport("2026-Q3").to_dict()["period"] == motcua.PeriodReport(
        motcua.Period.quarter(2026, 3)).to_dict()["period"]
    with pytest.raises(motcua.InvalidTypeError):
        motcua.PeriodReport(2026)
    with pytest.raises(motcua.MotcuaError):
        motcua.PeriodReport("2026-Q5")
    with pytest.raises(motcua.MotcuaError):
        motcua.PeriodReport(motcua.Period.year(2026), group_by="planet")


def test_typed_index_inputs(quarter):
    _, report = quarter
    typed = {
        "publisher": "province",
        "publications": [{"legal_basis_effective": "2026-03-16", "decision_date": "2026-03-09",
                          "made_public": "2026-03-16", "full_content": True}],
    }
    inputs = report.index_inputs(typed)
    assert inputs["procedures_published_on_time"] == (1, 1)
    score = motcua.Methodology.default_766().score(inputs)
    assert "PUBLISH_ON_TIME" not in score.not_measured
    with pytest.raises(motcua.MotcuaError) as err:
        report.index_inputs({"publications": [{"decision_date": "not a date"}]})
    assert "publications" in str(err.value)


FEE_PROCEDURE = {
    "code": "1.004227", "name": "Cấp giấy phép xây dựng", "agency": "Sở Xây dựng",
    "processing_time": {"kind": "working_days", "days": 5},
    "fees": [{"kind": "charge", "name": "Lệ phí", "amount_vnd": 50000}],
    "payment_on_portal": True, "population_data": True,
}


def test_dossier_facts_and_the_catalog_give_the_index_inputs():
    report = motcua.PeriodReport(motcua.Period.quarter(2026, 3))
    p = motcua.Procedure.from_dict(FEE_PROCEDURE)
    paid = motcua.Dossier(procedure=p, code="000.00.06.H56-260706-0001", received_at=dt.datetime(2026, 7, 6, 9))
    assert paid.facts is None
    for fact in ["synced", "paid_online", "digitised"]:
        paid.note(fact)
    paid.note("synced")
    assert paid.facts == ["synced", "digitised", "paid_online"]
    unpaid = motcua.Dossier(procedure=p, code="000.00.06.H56-260706-0002", received_at=dt.datetime(2026, 7, 6, 9))
    unpaid.note("complaint")
    with pytest.raises(ValueError) as err:
        unpaid.note("synched")
    assert "synced" in str(err.value)
    assert unpaid.facts == ["complaint"]
    for d in (paid, unpaid):
        d.resolve(dt.datetime(2026, 7, 8, 9))
    again = motcua.Dossier.from_json(paid.to_json())
    assert again.facts == paid.facts
    report.add_all([paid, unpaid])
    catalog = motcua.Catalog.from_json(json.dumps([FEE_PROCEDURE]))
    inputs = report.index_inputs(procedures=catalog)
    assert inputs["online_payments"] == (1, 2)
    assert inputs["dossiers_synced"] == (1, 2)
    assert inputs["procedure_satisfaction"] == (1, 2)
    assert inputs["procedures_paid_online"] == (1, 1)
    assert inputs["procedures_payment_integrated"] == (1, 1)
    assert "procedures_published_on_time" not in inputs
    score = motcua.Methodology.default_766().score(inputs)
    assert "ONLINE_PAYMENT_DOSSIERS" not in score.not_measured
    assert "SO_HOA_GIAY_TO_GIAI_QUYET" not in score.not_measured


def test_the_sample_province_scores_every_indicator_from_its_own_data():
    registry = motcua.UnitRegistry.sample()
    groups = [u["group"] for u in registry.units]
    assert groups.count("AGENCY") == 7 and groups.count("COMMUNE") == 8
    assert registry.current("000.90.31.H56")["code"] == "H56.101"  # merged on 01/07/2025
    month = motcua.Period.month(2026, 9)
    reports = {u["code"]: motcua.PeriodReport(month, group_by="total") for u in registry.units}
    for d in motcua.sample_center(seed=42, dossiers=3000):
        reports[registry.unit_of(d)["code"]].add(d)
    catalog, petitions = motcua.Catalog.sample(), motcua.sample_petitions(seed=42)
    assert petitions and {p["unit"] for p in petitions} <= set(reports)
    m = motcua.Methodology.default_766()
    units = []
    for u in registry.units:
        inputs = registry.own_inputs(u["code"], reports[u["code"]], catalog, petitions)
        score = m.score(inputs)
        assert score.not_measured == [], (u["code"], score.not_measured)
        units.append({**u, "inputs": {k: list(v) for k, v in inputs.items()}})
    card = m.scorecard(units)
    assert len(card) == 15
    # A former identifier stands for the unit that replaced it.
    merged = registry.own_inputs("000.90.31.H56", reports["H56.101"], catalog, petitions)
    assert merged == registry.own_inputs("H56.101", reports["H56.101"], catalog, petitions)
    with pytest.raises(motcua.MotcuaError):
        registry.own_inputs("H99.01", reports["H56.101"], catalog, petitions)
    stranger = motcua.Dossier(procedure=motcua.Procedure.from_dict(FEE_PROCEDURE | {"agency": "Sở Ngoại vụ"}),
                              code="000.00.06.H56-260706-0009", received_at=dt.datetime(2026, 7, 6, 9))
    with pytest.raises(motcua.MotcuaError) as err:
        registry.unit_of(stranger)
    assert "Sở Ngoại vụ" in str(err.value)
