"""The Python API of procedures and dossiers: the acceptance names, the
clock through method calls, errors that change nothing, explanations and
form data."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest

import motcua

T = dt.datetime
PROCEDURE = {
    "code": "1.004227",
    "name": "Cấp giấy phép xây dựng",
    "field": "Xây dựng",
    "agency": "Sở Xây dựng",
    "processing_time": {"kind": "working_days", "days": 5},
    "fees": [{"kind": "charge", "name": "Lệ phí cấp phép", "amount_vnd": 75000}],
    "documents": ["Đơn đề nghị", "Bản vẽ thiết kế"],
    "workflow": [
        {"id": "reception", "name": "Tiếp nhận", "agency": "Trung tâm PVHCC", "budget": 0.5},
        {"id": "review", "name": "Thẩm định", "agency": "Phòng Quản lý xây dựng", "budget": 4},
        {"id": "approval", "name": "Phê duyệt", "agency": "Lãnh đạo Sở", "budget": 0.5},
    ],
}


@pytest.fixture
def dossier():
    p = motcua.Procedure.from_dict(PROCEDURE)
    return motcua.Dossier(procedure=p, calendar=motcua.Calendar.vietnam(),
                          code="000.00.06.H56-231027-0361", received_at=T(2023, 10, 27, 9, 32),
                          channel="direct")


def test_receipt_slip_example(dossier):
    assert dossier.due_at == T(2023, 11, 3, 9, 32)
    assert dossier.status == motcua.Status.ACCEPTED
    assert isinstance(dossier.status, int) and dossier.status == 2
    assert dossier.status.name_vi == "Được tiếp nhận"
    assert dossier.timeliness() is None
    slip = dossier.receipt_slip()
    assert slip["code"] == "000.00.06.H56-231027-0361"
    assert slip["processing_time_vi"] == "5 ngày làm việc"
    assert slip["due_at"] == T(2023, 11, 3, 9, 32)
    assert slip["fees"][0]["amount_vnd"] == 75000


def test_lifecycle_through_methods(dossier):
    dossier.route(T(2023, 10, 27, 10, 0), "reception")
    dossier.route(T(2023, 10, 27, 11, 0), "review")
    dossier.request_supplement(T(2023, 10, 30, 9, 0), reason="thiếu bản vẽ")
    assert dossier.status == motcua.Status.SUPPLEMENT_REQUESTED
    dossier.complete_supplement(T(2023, 10, 31, 9, 0))
    # Restart (default policy): 5 full working days from Tue 31/10 09:00.
    assert dossier.due_at == T(2023, 11, 7, 9, 0)
    dossier.resolve(T(2023, 11, 6, 16, 0))
    dossier.return_result(T(2023, 11, 7, 8, 0))
    assert dossier.status == motcua.Status.RETURNED
    assert dossier.timeliness(granularity="date") == "early"
    assert dossier.timeliness(granularity="instant") == "early"
    with pytest.raises(motcua.DossierFinishedError):
        dossier.withdraw(T(2023, 11, 8, 8, 0))


def test_rejected_events_change_nothing(dossier):
    before = dossier.to_json()
    with pytest.raises(motcua.EventOutOfOrderError):
        dossier.resolve(T(2023, 10, 26, 9, 0))
    with pytest.raises(motcua.InvalidTransitionError):
        dossier.complete_supplement(T(2023, 10, 30, 9, 0))
    with pytest.raises(motcua.InvalidTransitionError):
        dossier.route(T(2023, 10, 30, 9, 0), "nowhere")
    dossier.extend(T(2023, 10, 30, 9, 0), T(2023, 11, 10, 17, 0), reason="xác minh")
    after_extension = dossier.to_json()
    with pytest.raises(motcua.InvalidExtensionError):
        dossier.extend(T(2023, 10, 31, 9, 0), T(2023, 11, 14, 17, 0))
    with pytest.raises(motcua.InvalidTypeError):
        dossier.resolve(None)
    with pytest.raises(motcua.InvalidTypeError):
        dossier.resolve("2023-11-01T09:00")
    assert dossier.to_json() == after_extension != before
    assert dossier.appointment_at == T(2023, 11, 10, 17, 0)
    assert dossier.due_at == T(2023, 11, 3, 9, 32)
    letter = dossier.apology_letter()
    assert letter["old_due"] == T(2023, 11, 3, 9, 32)
    assert letter["new_due"] == T(2023, 11, 10, 17, 0)
    assert letter["issued_late"] is False


def test_state_at_replays_the_past():
    # Status 8 pauses here (stop policy "pause"); by default it ends processing.
    p = motcua.Procedure.from_dict(PROCEDURE | {"stop_policy": "pause"})
    dossier = motcua.Dossier(procedure=p, code="000.00.06.H56-231027-0361",
                             received_at=T(2023, 10, 27, 9, 32))
    dossier.suspend(T(2023, 10, 30, 8, 0), reason="chờ ý kiến")
    dossier.resume(T(2023, 11, 1, 8, 0))
    assert dossier.due_at == T(2023, 11, 7, 9, 32)  # 2 working days paused
    past = dossier.state_at(T(2023, 10, 31, 8, 0))
    assert past["status"] == motcua.Status.SUSPENDED
    assert past["due_at"] == T(2023, 11, 3, 9, 32)
    assert past["progress"]["overdue"] is False
    late = dossier.state_at(T(2023, 11, 8, 8, 0))
    assert late["progress"]["overdue"] is True
    soon = dossier.state_at(T(2023, 11, 6, 14, 0))
    assert soon["progress"]["due_soon"] is True
    assert 0.75 < soon["progress"]["elapsed_fraction"] < 1.0


def test_explanation_in_both_languages():
    p = motcua.Procedure.from_dict(PROCEDURE | {"workflow": []})
    d = motcua.Dossier(procedure=p, code="000.00.06.H56-260213-0001",
                       received_at=T(2026, 2, 13, 17, 30))
    e = d.explain()
    rules = [x["rule"] for x in e.entries]
    assert rules[:5] == ["received", "rule_set", "calendar_data", "start_moved", "duration"]
    assert "Nghị định 118/2025/NĐ-CP" in e.entries[1]["vi"]
    assert "2026.12.1" in e.entries[2]["vi"]
    # Tết 16-20/02/2026: one line for the run of five days off.
    assert rules.count("day_off_skipped") == 1
    assert "5 days off from 16/02/2026 to 20/02/2026" in e.text("en")
    assert "Tết Nguyên đán" in str(e)
    assert "not counted" in e.text("en")
    assert d.due_at == T(2026, 2, 27, 17, 0)
    assert e.entries[4]["due_at"] == d.due_at


def test_step_lateness_is_attributed(dossier):
    dossier.route(T(2023, 10, 27, 9, 32), "reception")
    dossier.route(T(2023, 10, 27, 11, 0), "review")
    dossier.route(T(2023, 11, 3, 8, 0), "approval")
    dossier.resolve(T(2023, 11, 3, 9, 0))
    usage = {u["step"]: u for u in dossier.step_usage}
    # Fri 27/10 11:00 to Fri 03/11 08:00 is 37 working hours of a 32-hour budget.
    assert usage["review"]["used_hours"] == pytest.approx(37)
    assert usage["review"]["overspent_hours"] == pytest.approx(5)
    assert usage["reception"]["overspent_hours"] == 0


def test_dossier_codes():
    code = motcua.DossierCode.parse("000.00.06.H56-231027-0361")
    assert (code.agency, code.date, code.sequence) == ("000.00.06.H56", dt.date(2023, 10, 27), 361)
    assert str(code) == "000.00.06.H56-231027-0361"
    for bad in ["000.00.06.H56-231027-361", "H56..06-231027-0361", "000.00.06.H56-231327-0001",
                "000.00.06.H56-231027-0000", ""]:
        with pytest.raises(motcua.InvalidDossierCodeError):
            motcua.DossierCode.parse(bad)
    gen = motcua.DossierCodeGenerator()
    gen.register("000.00.06.H56-231027-0361")
    assert str(gen.next("000.00.06.H56", dt.date(2023, 10, 27))) == "000.00.06.H56-231027-0362"
    with pytest.raises(motcua.DuplicateDossierCodeError):
        gen.register(code)
    gen.register("000.00.06.H56-231028-9999")
    # Circular 03/2025: at least 4 digits, so the 10,000th code of a day is
    # -10000; the strict Circular 01/2018 generator refuses it.
    assert str(gen.next("000.00.06.H56", dt.date(2023, 10, 28))) == "000.00.06.H56-231028-10000"
    legacy = motcua.DossierCodeGenerator("legacy")
    legacy.register("000.00.06.H56-231028-9999")
    with pytest.raises(motcua.SequenceExhaustedError):
        legacy.next("000.00.06.H56", dt.date(2023, 10, 28))


def test_procedure_and_catalog_errors_name_the_field():
    with pytest.raises(motcua.InvalidProcedureError) as err:
        motcua.Procedure.from_dict(PROCEDURE | {"processing_time": {"kind": "working_days", "days": "five"}})
    assert "1.004227" in str(err.value) and "processing_time" in str(err.value)
    with pytest.raises(motcua.InvalidProcedureError) as err:
        motcua.Procedure.from_dict(PROCEDURE | {"processing_time": {"kind": "working_days", "days": 6}})
    assert "budgets sum to 5" in str(err.value)
    catalog = motcua.Catalog.from_json('[' + motcua.Procedure.from_dict(PROCEDURE).to_json() + ']')
    assert catalog["1.004227"].name == "Cấp giấy phép xây dựng"
    with pytest.raises(KeyError):
        catalog["9.999999"]
    with pytest.raises(motcua.UnknownProcedureError):
        catalog["9.999999"]
    with pytest.raises(motcua.InvalidTypeError):
        motcua.Procedure.from_dict(42)


def test_json_and_pickle_round_trips(dossier):
    dossier.route(T(2023, 10, 27, 10, 0), "reception")
    again = motcua.Dossier.from_json(dossier.to_json())
    assert again.to_json() == dossier.to_json()
    assert again.due_at == dossier.due_at
    code = motcua.DossierCode.parse("000.00.06.H56-231027-0361")
    assert code == motcua.DossierCode.parse(str(code))


def test_personal_data_is_not_echoed():
    text = ('{"code": "000.00.06.H56-231027-0361", "procedure": ' + motcua.Procedure.from_dict(PROCEDURE).to_json()
            + ', "channel": "direct", "applicant": {"name": "Nguyễn Văn An", "id_number": "001203004567"},'
            + ' "events": [{"at": "2023-10-27T09:32", "type": "accepted"}, {"at": "2023-10-26T09:32", "type": "resolved"}]}')
    with pytest.raises(motcua.EventOutOfOrderError) as err:
        motcua.Dossier.from_json(text)
    assert "001203004567" not in str(err.value) and "Nguyễn" not in str(err.value)


def test_online_submission_then_acceptance_with_an_applicant():
    p = motcua.Procedure.from_dict(PROCEDURE)
    d = motcua.Dossier(procedure=p, code="000.00.06.H56-231027-0001", channel="online",
                       submitted_at=T(2023, 10, 26, 21, 0),
                       applicant={"name": "Nguyễn Văn An", "id_number": "001203004567"})
    assert d.status == motcua.Status.SUBMITTED and d.due_at is None
    d.accept(T(2023, 10, 27, 9, 32))
    assert d.due_at == T(2023, 11, 3, 9, 32)
    assert d.receipt_slip()["applicant"]["name"] == "Nguyễn Văn An"
    assert "001203004567" not in repr(d)
    assert isinstance(d.events[0]["at"], dt.datetime)
    with pytest.raises(motcua.InvalidArgumentError):
        motcua.Dossier(procedure=p, code="000.00.06.H56-231027-0002")
    with pytest.raises(motcua.InvalidDossierError) as err:
        motcua.Dossier(procedure=p, code="000.00.06.H56-231027-0002", received_at=T(2023, 10, 27, 9),
                       applicant={"id_number": 1203004567})
    assert "1203004567" not in str(err.value)


def test_warnings_and_the_step_in_progress(dossier):
    dossier.route(T(2023, 10, 27, 9, 32), "reception")
    dossier.route(T(2023, 10, 27, 11, 0), "review")
    assert dossier.warning(T(2023, 10, 30, 9, 0)) is None
    assert dossier.warning(T(2023, 11, 1, 9, 0)) == 0.5
    assert dossier.warning(T(2023, 11, 2, 14, 0)) == 0.75
    assert dossier.warning(T(2023, 11, 2, 14, 0), thresholds=[0.9]) is None
    review = [u for u in dossier.step_usage_at(T(2023, 11, 3, 8, 0)) if u["step"] == "review"][0]
    assert review["used_hours"] == pytest.approx(37) and review["overspent_hours"] == pytest.approx(5)


def test_value_objects_pickle():
    code = motcua.DossierCode.parse("000.00.06.H56-231027-0361")
    assert pickle.loads(pickle.dumps(code)) == code
    p = motcua.Procedure.from_dict(PROCEDURE)
    assert pickle.loads(pickle.dumps(p)).to_json() == p.to_json()
    period = motcua.Period.quarter(2026, 3)
    again = pickle.loads(pickle.dumps(period))
    assert (again.first, again.last) == (period.first, period.last)


def _status_and_due(d):
    """A worker's view of a dossier it received pickled."""
    return int(d.status), d.due_at, d.explain().text("en")


def test_dossiers_and_catalogs_pickle_for_multiprocessing():
    import concurrent.futures
    import multiprocessing

    catalog = motcua.Catalog.sample()
    again = pickle.loads(pickle.dumps(catalog))
    assert again.codes() == catalog.codes() and again.to_json() == catalog.to_json()
    saturdays = motcua.Calendar.custom(working_weekdays=[0, 1, 2, 3, 4, 5])
    p = catalog[catalog.codes()[0]]
    on_saturdays = motcua.Dossier(procedure=p, code="000.00.06.H56-261005-0001",
                                  received_at=T(2026, 10, 9, 9, 0), calendar=saturdays)
    aware = motcua.Dossier(procedure=p, code="000.00.06.H56-261005-0002",
                           received_at=dt.datetime(2026, 10, 9, 2, 0, tzinfo=dt.timezone.utc))
    aware.resolve(dt.datetime(2026, 10, 9, 3, 0, tzinfo=dt.timezone.utc))
    dossiers = [on_saturdays, aware, *motcua.sample_center(dossiers=20)]
    for d in dossiers:
        copy = pickle.loads(pickle.dumps(d))
        assert copy.to_json() == d.to_json() and copy.due_at == d.due_at
    # The calendar travels with the dossier: Saturday counts, as it did.
    assert pickle.loads(pickle.dumps(on_saturdays)).due_at == on_saturdays.due_at
    assert pickle.loads(pickle.dumps(aware)).due_at.tzinfo is not None
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert list(pool.map(_status_and_due, dossiers)) == [_status_and_due(d) for d in dossiers]


def test_estimate_is_what_a_received_dossier_says():
    p = motcua.Procedure.from_dict(PROCEDURE)
    at = T(2026, 2, 13, 9, 30)
    due, why = p.estimate(at, channel="online")
    d = motcua.Dossier(procedure=p, code="000.00.06.H56-260213-0001", received_at=at, channel="online")
    assert due == d.due_at
    assert why.entries == d.explain().entries and why.text("en") == d.explain().text("en")
    assert "16/02/2026" in why.text("vi")  # Tết 2026 is skipped and said so
    with pytest.raises(motcua.InvalidArgumentError):
        p.estimate(at, channel="fax")
    with pytest.raises(motcua.InvalidTypeError):
        p.estimate(None)


def test_sample_catalog_names_agencies_and_fields():
    catalog = motcua.Catalog.sample()
    assert len(catalog) == len(catalog.codes()) > 0
    p = catalog[catalog.codes()[0]]
    assert p.agency and p.field


def test_a_rust_panic_is_a_motcua_error_and_the_module_keeps_working():
    # `_panic_for_tests` panics inside the same guard every entry point runs in.
    with pytest.raises(motcua.InternalError) as err:
        motcua._motcua._panic_for_tests("deliberate")
    assert isinstance(err.value, motcua.MotcuaError) and isinstance(err.value, RuntimeError)
    assert err.value.code == "internal" and "deliberate" in str(err.value)
    assert pickle.loads(pickle.dumps(err.value)).code == "internal"
    assert motcua.Calendar.vietnam().add_working_days(dt.date(2026, 2, 13), 1) == dt.date(2026, 2, 23)


def test_value_objects_compare_and_hash_by_value():
    assert motcua.Period.quarter(2026, 3) == motcua.Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert motcua.Period.quarter(2026, 3) != motcua.Period.month(2026, 7)
    assert len({motcua.Period.quarter(2026, 3), motcua.Period.quarter(2026, 3), motcua.Period.year(2026)}) == 2
    cal = motcua.Calendar.vietnam()
    first, again = cal.holidays(2026)[0], cal.holidays(2026)[0]
    assert first == again and hash(first) == hash(again)
    assert len(set(cal.holidays(2026)) | set(cal.holidays(2026))) == len(cal.holidays(2026))


def test_status_8_ends_processing_by_default_with_its_form_05(dossier):
    # Decree 61/2018 (received 2023): status 8 pauses, as it did.
    assert dossier.rule_set == "decree_61_2018"
    dossier.suspend(T(2023, 10, 30, 8, 0), reason="chờ ý kiến")
    dossier.resume(T(2023, 11, 1, 8, 0))
    # Decree 118/2025: status 8 ends processing.
    p = motcua.Procedure.from_dict(PROCEDURE)
    d = motcua.Dossier(procedure=p, code="H15.50.05.12-261001-0001", received_at=T(2026, 10, 1, 9, 0))
    assert d.rule_set == "decree_118_2025"
    d.suspend(T(2026, 10, 2, 8, 0), reason="không đủ điều kiện")
    with pytest.raises(motcua.DossierFinishedError):
        d.resume(T(2026, 10, 5, 8, 0))
    notice = d.stop_notice()
    assert notice["form"].startswith("Mẫu 05") and notice["stopped_at"] == T(2026, 10, 2, 8, 0)
    assert d.timeliness() is None


def test_cross_boundary_reception_counts_from_the_competent_agency():
    p = motcua.Procedure.from_dict(PROCEDURE)
    d = motcua.Dossier(procedure=p, code="H21.227-261005-0001", submitted_at=T(2026, 10, 5, 9, 0))
    with pytest.raises(motcua.InvalidArgumentError):
        d.accept_cross_boundary(T(2026, 10, 5, 9, 0), "h21..17")
    d.accept_cross_boundary(T(2026, 10, 5, 9, 0), "H21.17")
    assert d.due_at is None
    d.competent_receive(T(2026, 10, 7, 10, 0))
    assert d.due_at == T(2026, 10, 14, 10, 0)
    assert (d.receiving_unit, d.competent_unit) == ("H21.227", "H21.17")
    report = motcua.PeriodReport(motcua.Period.month(2026, 10), group_by="competent_unit")
    report.add(d)
    assert list(report.rows) == ["H21.17"]


def test_an_oversized_document_is_refused_with_one_error_whatever_the_reader():
    big = "[" + "0," * (motcua.MAX_DOCUMENT_BYTES // 2) + "0]"
    cal = motcua.Calendar.vietnam()
    for read in (
        motcua.Catalog.from_json,
        motcua.Procedure.from_json,
        lambda text: motcua.Dossier.from_json(text, cal),
        motcua.Methodology.from_json,
    ):
        with pytest.raises(motcua.DocumentTooLargeError) as err:
            read(big)
        assert err.value.code == "document.too_large"
        assert "16 MiB" in str(err.value)


class _SlowTz(dt.tzinfo):
    """UTC+7 whose ``utcoffset`` sleeps: Python code that lets other threads in
    while a dossier method converts its argument."""

    def __init__(self, entered):
        self.entered = entered

    def utcoffset(self, when):
        self.entered.set()
        import time

        time.sleep(0.05)
        return dt.timedelta(hours=7)

    def dst(self, when):
        return dt.timedelta(0)

    def tzname(self, when):
        return "ICT"


@pytest.mark.parametrize("call", ["request_payment", "state_at"])
def test_a_dossier_shared_by_threads_is_never_found_borrowed(call):
    # Issue 13, item 4: a method converted an aware datetime (Python code,
    # its utcoffset) while it held the dossier borrowed, and another thread
    # touching the dossier then got pyo3's RuntimeError "Already mutably
    # borrowed". The argument is now converted before the dossier is borrowed.
    import threading

    entered = threading.Event()
    vn = dt.timezone(dt.timedelta(hours=7))
    # An aware dossier, since its calls take aware instants only.
    dossier = motcua.Dossier(procedure=motcua.Procedure.from_dict(PROCEDURE),
                             code="000.00.06.H56-231027-0361",
                             received_at=T(2023, 10, 27, 9, 32, tzinfo=vn))
    at = T(2023, 10, 27, 10, 0, tzinfo=_SlowTz(entered))
    errors = []

    def slow():
        try:
            getattr(dossier, call)(at)
        except Exception as e:  # pragma: no cover - the failure being tested
            errors.append(e)

    thread = threading.Thread(target=slow)
    thread.start()
    assert entered.wait(5)
    # While the other thread is inside its call: read, and write.
    assert dossier.status == motcua.Status.ACCEPTED
    dossier.route(T(2023, 10, 27, 9, 40, tzinfo=vn), "reception")
    thread.join()
    assert errors == []
    kinds = [e["type"] for e in dossier.events]
    assert "routed" in kinds
    assert ("financial_obligation_requested" in kinds) == (call == "request_payment")


def test_a_dossier_read_on_another_calendar_raises_unless_reevaluated():
    old = motcua.Calendar.custom(without_culture_day=True)
    p = motcua.Procedure.from_dict(PROCEDURE)
    d = motcua.Dossier(procedure=p, calendar=old, code="000.00.06.H56-261120-0001",
                       received_at=T(2026, 11, 20, 9, 0), channel="direct")
    assert d.due_at == T(2026, 11, 27, 9, 0)
    text = d.to_json()
    assert motcua.Dossier.from_json(text, old).to_json() == text
    with pytest.raises(motcua.CalendarMismatchError) as err:
        motcua.Dossier.from_json(text)
    assert err.value.code == "dossier.calendar_mismatch" and "without 24/11" in str(err.value)
    again = motcua.Dossier.from_json(text, reevaluate=True)
    assert again.due_at == T(2026, 11, 30, 9, 0)


@pytest.mark.parametrize(
    "call",
    [
        lambda d: d.warning(T(2023, 10, 30, 9, 0), thresholds="high"),
        lambda d: d.warning(T(2023, 10, 30, 9, 0), thresholds=[0.5, "x"]),
        lambda d: d.warning(T(2023, 10, 30, 9, 0), thresholds=[10**400]),
        lambda d: d.timeliness(granularity=1),
        lambda d: d.explain().text(language=b"vi"),
        lambda d: motcua.Dossier.from_json(d.to_json(), reevaluate="yes"),
        lambda d: motcua.PeriodReport(motcua.Period.quarter(2023, 4), group_by=3),
        lambda d: motcua.sample_center(seed=-1),
        lambda d: motcua.sample_center(dossiers=2**40),
        lambda d: motcua.Methodology.default_766().what_if({}, lever=7, target=1.0),
        lambda d: motcua.Methodology.default_766().what_if({}, lever="dossiers_online", target="9"),
    ],
)
def test_every_argument_error_is_a_motcua_error_with_a_code(dossier, call):
    # Issue 13, item 14: arguments pyo3 converted itself raised a plain
    # TypeError or OverflowError, without a code.
    with pytest.raises(motcua.MotcuaError) as err:
        call(dossier)
    assert err.value.code in ("invalid_type", "calendar.out_of_range"), err.value


def test_every_core_error_code_has_its_exception_class():
    # A new core error kind must not fall back silently to MotcuaError.
    from motcua import _errors
    from motcua._motcua import _error_codes

    codes = _error_codes()
    assert len(codes) == len(set(codes)) > 0
    missing = [c for c in codes if c not in _errors.BY_CODE]
    assert missing == []
    for code in codes:
        cls = _errors.BY_CODE[code]
        assert cls is not motcua.MotcuaError and cls.code == code


def test_a_dossier_opened_with_neither_instant_is_the_cores_one_error():
    p = motcua.Procedure.from_dict(PROCEDURE)
    with pytest.raises(motcua.MotcuaError) as raised:
        motcua.Dossier(procedure=p, code="000.00.06.H56-231027-0361")
    assert raised.value.code == "invalid_argument"
    d = motcua.Dossier(procedure=p, code="000.00.06.H56-231027-0361", channel="online",
                       submitted_at=T(2023, 10, 27, 8, 0), received_at=T(2023, 10, 27, 8, 32))
    assert [e["type"] for e in d.events] == ["submitted", "accepted"]


def test_an_error_carries_its_place_path_and_event_index():
    catalog = [
        {"code": "1.000001", "name": "A", "processing_time": {"kind": "working_days", "days": 5}},
        {"code": "1.000002", "name": "B", "processing_time": {"kind": "working_days", "days": "5"}},
    ]
    with pytest.raises(motcua.InvalidProcedureError) as raised:
        motcua.Catalog.from_json(json.dumps(catalog))
    assert raised.value.path == "procedures[1].processing_time.days"
    assert raised.value.event_index is None
    p = motcua.Procedure.from_dict(PROCEDURE)
    d = motcua.Dossier(procedure=p, code="000.00.06.H56-231027-0361", received_at=T(2023, 10, 27, 9, 32))
    d.resolve(T(2023, 10, 30, 9, 0))
    doc = json.loads(d.to_json())
    doc["events"][1]["at"] = "2023-10-26T09:00"
    with pytest.raises(motcua.MotcuaError) as raised:
        motcua.Dossier.from_json(json.dumps(doc))
    assert (raised.value.code, raised.value.event_index, raised.value.path) == (
        "dossier.event_out_of_order", 1, None)
    again = pickle.loads(pickle.dumps(raised.value))
    assert (type(again), again.event_index, str(again)) == (
        type(raised.value), 1, str(raised.value))


def test_the_readme_lists_every_error_code_with_its_exception():
    # Issue 16: the README's tables name every code a caller can meet, the
    # core's and the bindings' own, each with its Python class.
    import pathlib
    import re

    from motcua import _errors

    readme = (pathlib.Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z_.]+)` \| (.*?) \|", readme, re.M))
    for code, cls in _errors.BY_CODE.items():
        assert code in rows, code
        assert cls.__name__ in rows[code], (code, rows[code])
