"""Issue 17 from Python, measured in one run against the peers an analyst
uses today:

- a vendor's 1 M-row CSV export into the II.06a report:
  ``motcua.read_export`` + ``motcua.report_table`` (goal: at least 1 M
  rows/s) against pandas' ``read_csv``, ``to_datetime`` with the day-first
  format and a map of status and channel names, then the same
  ``report_table`` call;
- form II.06a for 200 units: ``PeriodReport.to_excel`` (goal: under
  100 ms) against openpyxl writing the same cells and merges.

The export is the sample center's quarter, repeated to N rows.

Run with the project venv after scripts/build-python.sh:
    .venv/bin/python benches/python/bench_files.py [N]
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

import motcua
from timing import median_seconds

READ_GOAL = 1_000_000  # rows/s
WRITE_GOAL = 0.100  # seconds
END = dt.datetime(2026, 9, 30, 23, 59, 59)
HEADERS = ["Mã hồ sơ", "Đơn vị", "Hình thức nộp", "Ngày tiếp nhận", "Ngày hẹn trả",
           "Ngày có kết quả", "Trạng thái"]
CHANNELS = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Bưu chính công ích"}
STATUS_ENDING = {s.name_vi: e for s, e in [
    (motcua.Status.SUBMITTED, None), (motcua.Status.ACCEPTED, None), (motcua.Status.PROCESSING, None),
    (motcua.Status.SUPPLEMENT_REQUESTED, None), (motcua.Status.FINANCIAL_OBLIGATION, None),
    (motcua.Status.WITHDRAWN, "withdrawn"), (motcua.Status.SUSPENDED, "stopped"),
    (motcua.Status.RESOLVED, "resolved"), (motcua.Status.RETURNED, "resolved")]}


def _vn(t: object) -> str:
    return "" if t is None else t.strftime("%d/%m/%Y %H:%M:%S")  # type: ignore[attr-defined]


def export_rows() -> list[list[str]]:
    """The sample center's quarter as a vendor exports it (refused dossiers
    left out, as the pandas peer has no rule for them)."""
    rows = []
    for d in motcua.sample_center():
        if d.events[0]["at"] > END:
            continue
        r = d.report_record(END)
        if r["ending"] in ("refused", "refused_after_appraisal"):
            continue
        status = motcua.Status(d.state_at(END)["status"])
        ended = r["ended_at"] if status.name_vi in STATUS_ENDING and STATUS_ENDING[status.name_vi] else None
        rows.append([d.code, d.procedure.agency, CHANNELS[r["channel"]], _vn(r["received_at"]),
                     _vn(r["due_at"]), _vn(ended), status.name_vi])
    return rows


def pandas_peer(path: Path, period: motcua.Period) -> motcua.PeriodReport:
    """What an analyst writes without read_export: read, parse, map, count."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    fmt = "%d/%m/%Y %H:%M:%S"
    table = {
        "agency": frame["Đơn vị"],
        "channel": frame["Hình thức nộp"].map({v: k for k, v in CHANNELS.items()}),
        "received_at": pd.to_datetime(frame["Ngày tiếp nhận"], format=fmt),
        "due_at": pd.to_datetime(frame["Ngày hẹn trả"].replace("", None), format=fmt),
        "ended_at": pd.to_datetime(frame["Ngày có kết quả"].replace("", None), format=fmt),
        "ending": frame["Trạng thái"].map(STATUS_ENDING),
        "paused": frame["Trạng thái"].isin([motcua.Status.SUPPLEMENT_REQUESTED.name_vi,
                                             motcua.Status.FINANCIAL_OBLIGATION.name_vi]).to_numpy(),
    }
    return motcua.report_table(pd.DataFrame(table), period, group_by="agency")


def openpyxl_peer(report: motcua.PeriodReport, path: Path) -> None:
    """The same sheet with openpyxl: title, merged header, numbers, total."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Biểu số II.06a/VPCP/KSTT"
    ws.merge_cells("A4:Q4")
    ws["A4"] = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
    for cells, label in (("A7:A8", "STT"), ("B7:B8", "Đơn vị"), ("C7:F7", "Số hồ sơ nhận giải quyết"),
                         ("G7:J7", "Số hồ sơ đã giải quyết"), ("K7:M7", "Số hồ sơ đang giải quyết"),
                         ("N7:P7", "Kết thúc khác"), ("Q7:Q8", "Từ chối")):
        ws.merge_cells(cells)
        ws[cells.split(":")[0]] = label
    for c in range(1, 18):
        ws.cell(9, c, f"({c})")
    columns = list(report.total)
    for i, (key, row) in enumerate(sorted(report.rows.items())):
        ws.cell(10 + i, 1, i + 1)
        ws.cell(10 + i, 2, key)
        for j, column in enumerate(columns):
            ws.cell(10 + i, 3 + j, row[column])
    wb.save(path)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    period = motcua.Period.quarter(2026, 3)
    sample = export_rows()
    rows = (sample * -(-n // len(sample)))[:n]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(HEADERS)
            writer.writerows(rows)
        ours = lambda: motcua.report_table(motcua.read_export(path), period, group_by="agency")  # noqa: E731
        a, b = ours(), pandas_peer(path, period)
        assert a.rows == b.rows, "the same report"
        t_ours = median_seconds(3, ours)
        t_peer = median_seconds(3, lambda: pandas_peer(path, period))
        print(f"CSV export of {n:,} rows ({path.stat().st_size / 1e6:.0f} MB) into the II.06a report:")
        print(f"  motcua.read_export + report_table {t_ours:6.2f} s  {n / t_ours / 1e6:5.2f} M rows/s  "
              f"{n / t_ours / READ_GOAL:4.1f}x the 1 M rows/s goal")
        print(f"  pandas read_csv + to_datetime     {t_peer:6.2f} s  {n / t_peer / 1e6:5.2f} M rows/s  "
              f"motcua is {t_peer / t_ours:4.1f}x the pandas peer")

        big = {"receiving_unit": [f"H56.{u:03}" for u in range(200)], "channel": ["online"] * 200,
               "received_at": np.array(["2026-07-01T08:00"] * 200, "datetime64[s]"),
               "due_at": np.array(["NaT"] * 200, "datetime64[s]"),
               "ended_at": np.array(["NaT"] * 200, "datetime64[s]"), "ending": [None] * 200}
        report = motcua.report_table(big, period, group_by="receiving_unit")
        xlsx = Path(tmp) / "II06a.xlsx"
        t_write = median_seconds(9, lambda: report.to_excel(xlsx, unit="Tỉnh Mẫu", place="Mẫu"))
        t_openpyxl = median_seconds(9, lambda: openpyxl_peer(report, Path(tmp) / "peer.xlsx"))
        print(f"II.06a of {len(report.rows)} units: PeriodReport.to_excel {t_write * 1e3:5.1f} ms "
              f"(goal: under {WRITE_GOAL * 1e3:.0f} ms: {'met' if t_write < WRITE_GOAL else 'NOT met'}); "
              f"openpyxl, fewer formats, {t_openpyxl * 1e3:5.1f} ms: motcua is {t_openpyxl / t_write:4.1f}x")


if __name__ == "__main__":
    main()
