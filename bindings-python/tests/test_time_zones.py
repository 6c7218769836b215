"""One time-zone rule in every call: aware in gives aware (UTC+7) out, naive
in gives naive out, and mixing the two raises ``InvalidTypeError`` (a
``TypeError``, as Python's own ``aware - naive`` does)."""

from __future__ import annotations

import datetime as dt

import pytest

import motcua

T = dt.datetime
UTC = dt.timezone.utc
VN = dt.timezone(dt.timedelta(hours=7))
P = motcua.Procedure.from_dict({
    "code": "1.000001", "name": "Cấp phép",
    "processing_time": {"kind": "working_days", "days": 5},
})
CODE = "000.00.06.H56-231027-0361"


def test_an_estimate_from_an_aware_instant_is_aware():
    # 08:30 UTC on Friday 13/02/2026 is 15:30 in Vietnam.
    due, why = P.estimate(T(2026, 2, 13, 8, 30, tzinfo=UTC))
    naive_due, _ = P.estimate(T(2026, 2, 13, 15, 30))
    assert naive_due.tzinfo is None
    assert due.utcoffset() == dt.timedelta(hours=7)
    assert due.replace(tzinfo=None) == naive_due
    assert all(e["at"].utcoffset() == dt.timedelta(hours=7) for e in why.entries)
    sample_due, _ = motcua.Catalog.sample()["2.000001"].estimate(T(2026, 2, 13, 8, 30, tzinfo=UTC))
    assert sample_due.tzinfo is not None


def test_a_dossier_opened_aware_gives_aware_instants_everywhere():
    d = motcua.Dossier(procedure=P, code=CODE, received_at=T(2023, 10, 27, 2, 32, tzinfo=UTC))
    assert d.received_at == T(2023, 10, 27, 9, 32, tzinfo=VN)
    assert d.due_at == T(2023, 11, 3, 9, 32, tzinfo=VN)
    assert d.due_at.utcoffset() == dt.timedelta(hours=7)
    assert d.appointment_at.tzinfo is not None
    d.resolve(T(2023, 11, 1, 8, 0, tzinfo=VN))
    assert all(e["at"].tzinfo is not None for e in d.events)
    state = d.state_at(T(2023, 11, 2, 8, 0, tzinfo=VN))
    assert state["due_at"].tzinfo is not None
    assert d.report_record(T(2023, 11, 30, tzinfo=VN))["ended_at"].tzinfo is not None
    assert all(e["at"].tzinfo is not None for e in d.explain().entries)
    assert d.receipt_slip()["due_at"].tzinfo is not None


def test_a_naive_dossier_stays_naive():
    d = motcua.Dossier(procedure=P, code=CODE, received_at=T(2023, 10, 27, 9, 32))
    assert d.due_at == T(2023, 11, 3, 9, 32)
    assert d.due_at.tzinfo is None
    assert all(e["at"].tzinfo is None for e in d.events)


@pytest.mark.parametrize("aware_dossier", [True, False])
def test_a_call_of_the_other_kind_is_a_type_error_and_changes_nothing(aware_dossier):
    opened = T(2023, 10, 27, 9, 32, tzinfo=VN if aware_dossier else None)
    other = T(2023, 10, 30, 9, 0, tzinfo=None if aware_dossier else VN)
    d = motcua.Dossier(procedure=P, code=CODE, received_at=opened)
    before = d.to_json()
    for call in (lambda: d.resolve(other), lambda: d.state_at(other),
                 lambda: d.warning(other), lambda: d.report_record(other),
                 lambda: d.step_usage_at(other)):
        with pytest.raises(motcua.InvalidTypeError) as err:
            call()
        assert isinstance(err.value, TypeError)
        assert "tzinfo" in str(err.value)
    assert d.to_json() == before


def test_opening_with_both_kinds_is_a_type_error():
    with pytest.raises(TypeError):
        motcua.Dossier(procedure=P, code=CODE, channel="online",
                       submitted_at=T(2023, 10, 27, 9, 0), received_at=T(2023, 10, 27, 9, 32, tzinfo=VN))
    with pytest.raises(TypeError):
        motcua.Dossier.from_record(procedure=P, code=CODE, received_at=T(2023, 10, 27, 9, 32),
                                   ended_at=T(2023, 11, 1, 9, 0, tzinfo=VN))


def test_working_hours_between_needs_two_of_one_kind():
    cal = motcua.Calendar.vietnam()
    # Python itself refuses to subtract one kind from the other.
    with pytest.raises(TypeError):
        T(2023, 10, 27, 9, 0) - T(2023, 10, 27, 9, 0, tzinfo=UTC)
    with pytest.raises(motcua.InvalidTypeError):
        cal.working_hours_between(T(2023, 10, 27, 2, 0, tzinfo=UTC), T(2023, 10, 27, 11, 30))
    # 02:00 UTC is 09:00 in Vietnam: 2.5 hours to 11:30.
    assert cal.working_hours_between(T(2023, 10, 27, 2, 0, tzinfo=UTC),
                                     T(2023, 10, 27, 11, 30, tzinfo=VN)) == 2.5
    assert cal.working_hours_between(T(2023, 10, 27, 9, 0), T(2023, 10, 27, 11, 30)) == 2.5


def test_appointment_changes_follow_the_zone_of_as_of():
    before = motcua.Calendar.vietnam()
    after = motcua.Calendar.custom(without_culture_day=True)
    d = motcua.Dossier(procedure=P, code="000.00.06.H56-261120-0001",
                       received_at=T(2026, 11, 20, 9, 0, tzinfo=VN))
    changes = motcua.appointment_changes([d], before, after, T(2026, 11, 21, tzinfo=VN))
    assert changes and changes[0]["old_due"].tzinfo is not None
    with pytest.raises(TypeError):
        motcua.appointment_changes([d], before, after, T(2026, 11, 21))
