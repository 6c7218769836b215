"""The analyst example (examples/analyst/quarter_report.py) end to end: the
sample center's CSV export in, the per-agency CSV and the chart out, with
figures equal to a report built from the dossiers themselves."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

import motcua

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "analyst" / "quarter_report.py"


def test_quarter_report_from_the_sample_export(tmp_path):
    pytest.importorskip("pandas")
    run = subprocess.run([sys.executable, str(SCRIPT), "--quarter", "2026Q3", "--out", str(tmp_path)],
                         capture_output=True, text=True, check=True)
    assert "8 agencies" in run.stdout
    with open(tmp_path / "quarter-by-agency.csv", newline="", encoding="utf-8") as f:
        rows = {r["agency"]: r for r in csv.DictReader(f)}
    reference = {}
    for d in motcua.sample_center():
        agency = d.procedure.agency
        reference.setdefault(agency, motcua.PeriodReport(motcua.Period.quarter(2026, 3), group_by="total"))
        reference[agency].add(d)
    assert sorted(rows) == sorted(reference)
    for agency, report in reference.items():
        for column in ("received", "resolved", "early", "on_time", "late", "overdue"):
            assert int(rows[agency][column]) == report.total[column], (agency, column)
        score = motcua.Methodology.default_766().score(report.index_inputs())
        assert float(rows[agency]["index_points"]) == pytest.approx(score.total)
        assert rows[agency]["on_time_rate_2026-08"] != ""
    if "chart:" in run.stdout:
        assert (tmp_path / "on-time-by-agency-month.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        assert "matplotlib is not installed" in run.stdout
