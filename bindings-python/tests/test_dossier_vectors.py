"""The dossier conformance vectors (tests/vectors/dossiers.json), the same
cases the Rust core and the Node tests run."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import motcua
from conftest import VECTORS

CASES = json.loads((VECTORS / "dossiers.json").read_text(encoding="utf-8"))["cases"]


def iso(t: dt.datetime | None) -> str | None:
    return None if t is None else t.strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_dossier_vector(case):
    text = json.dumps(case["dossier"], ensure_ascii=False)
    if "error" in case:
        with pytest.raises(motcua.MotcuaError) as err:
            motcua.Dossier.from_json(text)
        assert err.value.code == case["error"]
        return
    d = motcua.Dossier.from_json(text)
    got = {
        "status": int(d.status),
        "due_at": iso(d.due_at),
        "appointment_at": iso(d.appointment_at),
        "timeliness_date": d.timeliness("date"),
        "timeliness_instant": d.timeliness(granularity="instant"),
        "violations": d.violations,
        "overspent_steps": [u["step"] for u in d.step_usage if u["overspent_hours"] > 0],
    }
    assert got == case["expected"]
    if "rule_set" in case:
        assert d.rule_set == case["rule_set"]
    if "as_of" in case:
        s = d.state_at(dt.datetime.strptime(case["as_of"], "%Y-%m-%dT%H:%M"))
        want = case["state"]
        state = {
            "status": int(s["status"]),
            "due_at": iso(s["due_at"]),
            "timeliness_date": s["timeliness_date"],
            "timeliness_instant": s["timeliness_instant"],
            "overdue": s["progress"]["overdue"] if s["progress"] else None,
        }
        if "effective_due" in want:
            state["effective_due"] = iso(s["progress"]["effective_due"])
        assert state == want
    again = motcua.Dossier.from_json(d.to_json())
    assert again.to_json() == d.to_json()
