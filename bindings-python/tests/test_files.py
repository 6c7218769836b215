"""The files officials exchange: II.06a and the scorecard as .xlsx, opened by
an independent reader (openpyxl); vendors' exports read back into the report
the dossiers give; each bad file its typed error with file, row and column."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

import motcua

openpyxl = pytest.importorskip("openpyxl")

QUARTER = motcua.Period.quarter(2026, 3)
END = dt.datetime(2026, 9, 30, 23, 59, 59)
FIGURES = [
    "received", "received_online", "received_direct_postal", "carried_over",
    "resolved", "early", "on_time", "late",
    "in_progress", "within_time", "overdue",
    "withdrawn", "stopped", "refused_after_appraisal", "refused",
]


@pytest.fixture(scope="module")
def dossiers():
    return motcua.sample_center()


@pytest.fixture(scope="module")
def report(dossiers):
    r = motcua.PeriodReport(QUARTER, group_by="agency")
    r.add_all(dossiers)
    return r


def test_ii06a_has_the_forms_layout_and_the_reports_numbers(report, tmp_path):
    path = tmp_path / "II06a.xlsx"
    report.to_excel(path, unit="Trung tâm Phục vụ hành chính công tỉnh Gia Lai", place="Gia Lai",
                    signer="Nguyễn Văn A")
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "Biểu số II.06a/VPCP/KSTT"
    assert ws["A4"].value == "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH GIA LAI"
    assert ws["A5"].value == "Kỳ báo cáo: Quý III/2026 (từ ngày 01/07/2026 đến ngày 30/09/2026)"
    # The two-level merged header where the form puts it, then (1)–(17).
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A7:A8", "B7:B8", "C7:F7", "G7:J7", "K7:M7", "N7:P7", "Q7:Q8"} <= merged
    assert (ws["C7"].value, ws["G7"].value, ws["K7"].value) == (
        "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết")
    assert [ws.cell(8, c).value for c in (3, 4, 5, 6, 8, 9, 10, 12, 13)] == [
        "Tổng số", "Trong kỳ: trực tuyến", "Trong kỳ: trực tiếp, dịch vụ bưu chính",
        "Từ kỳ trước chuyển qua", "Trước hạn", "Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn"]
    assert [ws.cell(9, c).value for c in range(1, 18)] == [f"({n})" for n in range(1, 18)]
    # One row per agency, numbers as numbers equal to the report's, the
    # identities holding in the cells; then the total.
    rows = report.rows
    for i, agency in enumerate(sorted(rows)):
        r = 10 + i
        cells = [ws.cell(r, c).value for c in range(3, 18)]
        assert ws.cell(r, 1).value == i + 1 and ws.cell(r, 2).value == agency
        assert all(isinstance(v, int) for v in cells), cells
        assert cells == [rows[agency][f] for f in FIGURES]
        c = dict(zip(FIGURES, cells))
        assert c["received"] == c["received_online"] + c["received_direct_postal"] + c["carried_over"]
        assert c["resolved"] == c["early"] + c["on_time"] + c["late"]
        assert c["in_progress"] == c["within_time"] + c["overdue"]
        assert c["received"] == (c["resolved"] + c["in_progress"] + c["withdrawn"] + c["stopped"]
                                 + c["refused_after_appraisal"])
    total_row = 10 + len(rows)
    assert ws.cell(total_row, 1).value == "Tổng cộng"
    assert [ws.cell(total_row, c).value for c in range(3, 18)] == [report.total[f] for f in FIGURES]
    # Widths fit the labels; place, date and signer under the table.
    assert ws.column_dimensions["B"].width >= max(len(a) for a in rows)
    texts = [c.value for row in ws.iter_rows(min_row=total_row + 1) for c in row if c.value]
    assert "Gia Lai, ngày 01 tháng 10 năm 2026" in texts
    assert "THỦ TRƯỞNG ĐƠN VỊ" in texts and "Nguyễn Văn A" in texts and "NGƯỜI LẬP BIỂU" in texts


def test_the_scorecard_has_a_sheet_per_group_a_chart_and_the_methodology(tmp_path):
    m = motcua.Methodology.default_766()
    units = [
        {"id": "s1", "code": "S1", "name": "Sở Tư pháp", "group": "AGENCY",
         "inputs": {"dossiers_on_time": (90, 100), "procedures_published_on_time": (30, 40)}},
        {"id": "s2", "code": "S2", "name": "Sở Y tế", "group": "AGENCY", "inputs": {"dossiers_on_time": (99, 100)}},
        {"id": "x1", "code": "X1", "name": "UBND xã Ia Grai", "group": "COMMUNE", "inputs": {"dossiers_on_time": (7, 10)}},
    ]
    previous = [{**units[0], "inputs": {"dossiers_on_time": (80, 100)}}]
    card = m.scorecard(units, previous)
    path = tmp_path / "scorecard.xlsx"
    card.to_excel(path, "2026-11", unit="Tỉnh Gia Lai", place="Gia Lai")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Sở, ban, ngành", "Xã, phường, đặc khu", "Phương pháp"]
    ws = wb["Sở, ban, ngành"]
    header = [c.value for c in ws[4]]
    assert header[:4] == ["Hạng", "Mã đơn vị", "Đơn vị", "Tổng điểm (tối đa 100)"]
    assert len([h for h in header if h and "tối đa" in h]) == 1 + 6  # the total and six groups
    lines = {line["code"]: line for line in card.lines}
    for r in (5, 6):
        code = ws.cell(r, 2).value
        line = lines[code]
        assert ws.cell(r, 1).value == line["rank"] and ws.cell(r, 4).value == pytest.approx(line["total"])
        assert [ws.cell(r, 5 + g).value for g in range(6)] == pytest.approx(list(line["groups"].values()))
    s1 = next(r for r in (5, 6) if ws.cell(r, 2).value == "S1")
    assert ws.cell(s1, 11).value == pytest.approx(lines["S1"]["change"])
    assert ws.cell(s1, 13).value.startswith(card.rows[[r["code"] for r in card.rows].index("S1")]["actions"][0]["name_vi"])
    assert len(ws._charts) == 1 and len(wb["Xã, phường, đặc khu"]._charts) == 1
    method = wb["Phương pháp"]
    assert method["B2"].value == m.version


def _vn(t):
    return "" if t is None or t != t else t.strftime("%d/%m/%Y %H:%M:%S")


HEADERS = ["STT", "Mã hồ sơ", "Lĩnh vực", "Đơn vị", "Hình thức nộp", "Ngày tiếp nhận",
           "Ngày hẹn trả", "Ngày có kết quả", "Trạng thái"]
CHANNELS = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Bưu chính công ích"}


def _export_rows(dossiers):
    """The sample center as a vendor exports it at the end of the quarter,
    written independently of motcua's reader: Vietnamese headers, status
    names and dd/mm/yyyy dates."""
    rows = []
    for d in dossiers:
        if d.events[0]["at"] > END:
            continue
        record = d.report_record(END)
        status = d.state_at(END)["status"]
        due = None if record["ending"] == "refused" else record["due_at"]
        rows.append([len(rows) + 1, d.code, d.procedure.field, d.procedure.agency,
                     CHANNELS[record["channel"]], _vn(record["received_at"]), _vn(due),
                     _vn(record["ended_at"]), motcua.Status(status).name_vi])
    return rows


def test_an_export_of_the_sample_center_gives_the_dossiers_report(dossiers, report, tmp_path):
    rows = _export_rows(dossiers)
    path = tmp_path / "export.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as f:  # Excel's "CSV UTF-8"
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    table = motcua.read_export(path)
    assert table.rows == len(rows) and table.rejected == []
    assert table.columns_found["ended_at"] == "Ngày có kết quả"
    from_export = motcua.report_table(table, QUARTER, group_by="agency")
    assert from_export.rows == report.rows and from_export.total == report.total
    # The same export saved as a workbook with real date cells.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in rows[:2000]:
        ws.append([dt.datetime.strptime(v, "%d/%m/%Y %H:%M:%S") if i in (5, 6, 7) and v else (v or None)
                   for i, v in enumerate(row)])
    wb.save(tmp_path / "export.xlsx")
    xlsx = motcua.read_export(tmp_path / "export.xlsx")
    part = tmp_path / "part.csv"
    with open(part, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADERS, *rows[:2000]])
    assert (motcua.report_table(xlsx, QUARTER, group_by="field").rows
            == motcua.report_table(motcua.read_export(part), QUARTER, group_by="field").rows)
    frame = table.to_pandas() if _has_pandas() else None
    if frame is not None:
        assert len(frame) == len(rows) and str(frame["received_at"].dtype) == "datetime64[s]"


def _has_pandas():
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


HEADER = "Mã hồ sơ;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Trạng thái;Kênh\n"


def test_each_bad_file_has_its_typed_error_with_file_row_and_column(tmp_path):
    def bad(name, content):
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        return path

    with pytest.raises(motcua.MissingColumnError) as e:
        motcua.read_export(bad("a.csv", "Mã hồ sơ,Ngày tiếp nhận\n"))
    assert (e.value.file, e.value.row) == ("a.csv", 1) and "Trạng thái" in str(e.value)
    with pytest.raises(motcua.InvalidCellError) as e:
        motcua.read_export(bad("b.csv", HEADER + "H21.227-261005-0001;05/10/2026 09:00;;;Hoàn thành;Trực tiếp\n"))
    assert (e.value.file, e.value.row, e.value.column) == ("b.csv", 2, "Trạng thái")
    assert "Dòng: 2." in e.value.message_vi and isinstance(e.value, ValueError)
    with pytest.raises(motcua.InvalidCellError) as e:
        motcua.read_export(bad("c.csv", HEADER + "H21.227-261005-0001;2026/10/05;;;Đang xử lý;Trực tiếp\n"))
    assert (e.value.row, e.value.column) == (2, "Ngày tiếp nhận")
    wb = openpyxl.Workbook()
    wb.active.append(["Mã hồ sơ"])
    wb.save(tmp_path / "full.xlsx")
    data = (tmp_path / "full.xlsx").read_bytes()
    with pytest.raises(motcua.UnreadableFileError) as e:
        motcua.read_export(bad("cut.xlsx", data[: len(data) // 2]))
    assert e.value.file == "cut.xlsx"
    # "Mã hồ sơ;Ngày tiếp nhận" in Windows-1258 (tone marks combining).
    w1258 = b"M\x61\xDE h\xF4\xCC s\xF5;Ng\x61\xECy ti\xEA\xECp nh\xE2\xD2n\n"
    with pytest.raises(motcua.UnsupportedEncodingError) as e:
        motcua.read_export(bad("d.csv", w1258))
    assert e.value.row == 1 and "Windows-1258" in str(e.value) and isinstance(e.value, UnicodeError)
    # A row in TCVN3 after a UTF-8 header.
    tcvn3 = HEADER.encode() + b"H21.227-261005-0001;05/10/2026 09:00;;;\xA7ang x\xF6 l\xFD;Tr\xF8c ti\xD5p\n"
    with pytest.raises(motcua.UnsupportedEncodingError) as e:
        motcua.read_export(bad("e.csv", tcvn3))
    assert (e.value.row, e.value.column) == (2, "Trạng thái") and "TCVN3" in str(e.value)


def test_bad_rows_can_be_collected_and_names_mapped(tmp_path):
    path = tmp_path / "some.csv"
    path.write_text(
        HEADER
        + "H21.227-261005-0001;05/10/2026 09:00;12/10/2026 09:00;09/10/2026 10:00;Đã trả kết quả;Trực tuyến\n"
        + "H21.227-261005-0002;hôm qua;;;Đang xử lý;Trực tiếp\n"
        + "H21.227-261005-0003;06/10/2026 09:00;13/10/2026 09:00;;Chờ;Trực tiếp\n",
        encoding="utf-8",
    )
    with pytest.raises(motcua.InvalidCellError):
        motcua.read_export(path)
    table = motcua.read_export(path, bad_rows="collect")
    assert table.rows == 1 and [e.row for e in table.rejected] == [3, 4]
    assert all(isinstance(e, motcua.InvalidCellError) for e in table.rejected)
    table = motcua.read_export(path, bad_rows="collect", statuses={"Chờ": 4})
    assert table.rows == 2
    report = motcua.report_table(table, "2026-10", group_by="receiving_unit")
    assert report.rows["H21.227"]["early"] == 1 and report.rows["H21.227"]["in_progress"] == 1
    with pytest.raises(motcua.MissingColumnError):
        motcua.report_table(table, "2026-10", group_by="field")
    vendor = tmp_path / "vendor.csv"
    vendor.write_text("Số biên nhận,Nhận lúc,Hẹn trả,Xong lúc,Tình trạng,Kênh nộp hồ sơ\n"
                      "H21.227-261005-0004,05/10/2026 09:00,12/10/2026 09:00,13/10/2026 10:00,2,Qua mạng\n",
                      encoding="utf-8")
    with pytest.raises(motcua.MissingColumnError):
        motcua.read_export(vendor)
    table = motcua.read_export(
        vendor,
        {"code": "Số biên nhận", "received_at": ["Nhận lúc"], "due_at": "Hẹn trả", "ended_at": "Xong lúc",
         "channel": "Kênh nộp hồ sơ"},
        statuses={"2": "returned"},
    )
    assert table["status"].tolist() == [10] and table["channel"].tolist() == ["online"]
    with pytest.raises(motcua.InvalidArgumentError):
        motcua.read_export(vendor, {"nothing": "x"})
    with pytest.raises(motcua.InvalidTypeError):
        motcua.read_export(vendor, {"code": 3})
    with pytest.raises(motcua.InvalidArgumentError):
        motcua.read_export(vendor, bad_rows="skip")
    with pytest.raises(FileNotFoundError):
        motcua.read_export(tmp_path / "none.csv")


def test_the_main_jobs_workbooks_hold_its_json_figures():
    # scripts/test-all.sh runs the main job before pytest; its files sit
    # beside target/center-report.json.
    import json
    import pathlib

    target = pathlib.Path(__file__).parents[2] / "target"
    if not (target / "center-report.json").exists():
        pytest.skip("the main job has not run (scripts/test-all.sh runs it first)")
    summary = json.loads((target / "center-report.json").read_text(encoding="utf-8"))
    ws = openpyxl.load_workbook(target / "II06a-2026-Q3.xlsx").active
    total_row = next(r for r in range(10, ws.max_row + 1) if ws.cell(r, 1).value == "Tổng cộng")
    assert [ws.cell(total_row, c).value for c in range(3, 18)] == [summary["total"][f] for f in FIGURES]
    wb = openpyxl.load_workbook(target / "scorecard-2026-09.xlsx")
    card = summary["scorecard"]["card"]
    assert wb["Phương pháp"]["B2"].value == card["methodology"]
    ranked = {wb[s].cell(r, 2).value: wb[s].cell(r, 4).value
              for s in wb.sheetnames[:-1] for r in range(5, wb[s].max_row + 1) if wb[s].cell(r, 2).value}
    assert ranked == {row["code"]: pytest.approx(row["score"]["total"]) for row in card["rows"]}
