//! The files officials exchange: a vendor's dossier export read back gives
//! the report the dossiers give, and each bad file its typed error with
//! file, row and column. (The written .xlsx files are opened by an
//! independent reader, openpyxl, in the Python tests.)

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use chrono::NaiveDateTime;
use motcua::calendar::Calendar;
use motcua::dossier::{Dossier, Status};
use motcua::files::{read_export, BadRows, Column, ColumnMapping, Export};
use motcua::report::{Ending, GroupBy, Period, PeriodReport, ReportRecord};
use motcua::sample::{generate, SampleConfig};
use motcua::{Error, ErrorKind};

const HEADERS: [&str; 10] = [
    "STT",
    "Mã hồ sơ",
    "Mã thủ tục",
    "Lĩnh vực",
    "Đơn vị",
    "Hình thức nộp",
    "Ngày tiếp nhận",
    "Ngày hẹn trả",
    "Ngày kết thúc xử lý",
    "Trạng thái",
];

fn vn(t: Option<NaiveDateTime>) -> String {
    t.map(|t| t.format("%d/%m/%Y %H:%M:%S").to_string())
        .unwrap_or_default()
}

/// One row of a vendor's export of a dossier as it stood at `as_of`, the
/// way one-stop systems write it: Vietnamese status names and channels,
/// dd/mm/yyyy dates.
fn export_row(d: &Dossier, n: usize, as_of: NaiveDateTime) -> Vec<String> {
    let record = ReportRecord::from_dossier(d, as_of).unwrap();
    let status = d.state_at(as_of).unwrap().status.unwrap();
    let p = d.procedure();
    let channel = match d.channel() {
        motcua::procedure::Channel::Direct => "Trực tiếp",
        motcua::procedure::Channel::Online => "Trực tuyến",
        motcua::procedure::Channel::Postal => "Dịch vụ bưu chính công ích",
    };
    // Refused at the desk: the export leaves the appointment empty.
    let due = if record.ending == Some(Ending::Refused) {
        None
    } else {
        record.due_at
    };
    vec![
        n.to_string(),
        d.code().to_string(),
        p.code.clone(),
        p.field.clone(),
        p.agency.clone(),
        channel.into(),
        vn(record.received_at),
        vn(due),
        vn(record.ended_at),
        status.name_vi().into(),
    ]
}

/// The sample center's third quarter: its report from the dossiers, and
/// its export at the end of the quarter as CSV rows.
fn sample_quarter() -> (Period, PeriodReport, Vec<Vec<String>>) {
    let cal = Calendar::vietnam();
    let config = SampleConfig::quarter(42);
    let period = Period::quarter(2026, 3).unwrap();
    let mut report = PeriodReport::new(period, GroupBy::Agency);
    let mut rows = Vec::new();
    generate(&config, &cal, |d| {
        let added = report.add(&d)?;
        if d.events().first().is_some_and(|e| e.at <= period.end()) {
            rows.push(export_row(&d, rows.len() + 1, period.end()));
        }
        let _ = added;
        Ok(())
    })
    .unwrap();
    (period, report, rows)
}

fn csv_text(rows: &[Vec<String>]) -> String {
    let line = |cells: &[String]| {
        cells
            .iter()
            .map(|c| {
                if c.contains([',', '"']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut text = HEADERS.join(",") + "\n";
    for row in rows {
        text.push_str(&line(row));
        text.push('\n');
    }
    text
}

fn xlsx_bytes(rows: &[Vec<String>], dates_as_dates: bool) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            if cell.is_empty() {
                continue;
            }
            if dates_as_dates && (6..=8).contains(&c) {
                let t = NaiveDateTime::parse_from_str(cell, "%d/%m/%Y %H:%M:%S").unwrap();
                let dt = rust_xlsxwriter::ExcelDateTime::parse_from_str(
                    &t.format("%Y-%m-%dT%H:%M:%S").to_string(),
                )
                .unwrap();
                sheet.write_datetime_with_format(r, c, &dt, &date).unwrap();
            } else if c == 0 {
                sheet
                    .write_number(r, c, cell.parse::<f64>().unwrap())
                    .unwrap();
            } else {
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

fn read(file: &str, bytes: &[u8]) -> motcua::Result<Export> {
    read_export(file, bytes, &ColumnMapping::default(), BadRows::Fail)
}

#[test]
fn a_vendor_export_of_the_sample_center_gives_the_dossiers_report() {
    let (period, from_dossiers, rows) = sample_quarter();
    assert!(rows.len() > 20_000, "{}", rows.len());
    let csv = read("sample-2026-Q3.csv", csv_text(&rows).as_bytes()).unwrap();
    assert_eq!(csv.rows.len(), rows.len());
    assert!(csv.rejected.is_empty());
    let from_csv = csv.report(period, GroupBy::Agency).unwrap();
    assert_eq!(from_csv.rows, from_dossiers.rows);
    assert_eq!(from_csv.total(), from_dossiers.total());
    assert!(from_csv.total().identities_hold());
    // Every kind of row: carried over, late, withdrawn, stopped, open.
    let t = from_csv.total();
    assert!(
        t.carried_over > 0 && t.late > 0 && t.withdrawn > 0 && t.stopped > 0 && t.in_progress > 0,
        "{t:?}"
    );
    // The same export saved from Excel, dates as real dates or as text.
    for dates_as_dates in [true, false] {
        let xlsx = read(
            "sample-2026-Q3.xlsx",
            &xlsx_bytes(&rows[..3000], dates_as_dates),
        )
        .unwrap();
        let csv_part = read("part.csv", csv_text(&rows[..3000]).as_bytes()).unwrap();
        assert_eq!(
            xlsx.report(period, GroupBy::Field).unwrap().rows,
            csv_part.report(period, GroupBy::Field).unwrap().rows
        );
        assert_eq!(xlsx.rows[0].record, csv_part.rows[0].record);
    }
    // Grouped by the code's agency, every row has a receiving unit.
    let by_unit = csv.report(period, GroupBy::ReceivingUnit).unwrap();
    assert_eq!(by_unit.total(), from_csv.total());
}

/// The error of reading `text` as a CSV export named `bad.csv`.
fn csv_error(text: &str) -> Error {
    read("bad.csv", text.as_bytes()).unwrap_err()
}

const HEADER: &str = "Mã hồ sơ;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Trạng thái;Kênh\n";

#[test]
fn each_bad_file_has_its_typed_error_with_file_row_and_column() {
    // A missing column.
    let e = csv_error("Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Kênh\n");
    assert_eq!(e.kind(), ErrorKind::MissingColumn);
    assert_eq!((e.file(), e.row()), (Some("bad.csv"), Some(1)));
    assert!(
        e.message().contains("status") && e.message().contains("Trạng thái"),
        "{e}"
    );
    // An unknown status, on row 3 (the header is row 1).
    let good = "H21.227-261005-0001;05/10/2026 09:00;12/10/2026 09:00;;Đang xử lý;Trực tiếp\n";
    let e = csv_error(&format!(
        "{HEADER}{good}H21.227-261005-0002;05/10/2026 09:00;;;Hoàn thành;Trực tiếp\n"
    ));
    assert_eq!(e.kind(), ErrorKind::InvalidCell);
    assert_eq!((e.row(), e.column()), (Some(3), Some("Trạng thái")));
    assert!(
        e.message()
            .starts_with("bad.csv, row 3, column \"Trạng thái\": \"Hoàn thành\" is no status"),
        "{e}"
    );
    // A date in the wrong format (month first).
    let e = csv_error(&format!(
        "{HEADER}H21.227-261005-0001;10/13/2026 09:00;;;Đang xử lý;Trực tiếp\n"
    ));
    assert_eq!(
        (e.kind(), e.row(), e.column()),
        (ErrorKind::InvalidCell, Some(2), Some("Ngày tiếp nhận"))
    );
    assert!(e.message_vi().contains("Dòng: 2.") && e.message_vi().contains("Cột: Ngày tiếp nhận."));
    // A resolved dossier without its end date.
    let e = csv_error(&format!(
        "{HEADER}H21.227-261005-0001;05/10/2026 09:00;;;Đã trả kết quả;Trực tiếp\n"
    ));
    assert_eq!(e.column(), Some("Ngày có kết quả"));
    // A truncated workbook.
    let (_, _, rows) = sample_quarter();
    let xlsx = xlsx_bytes(&rows[..50], true);
    let e = read("cut.xlsx", &xlsx[..xlsx.len() / 2]).unwrap_err();
    assert_eq!(
        (e.kind(), e.file()),
        (ErrorKind::UnreadableFile, Some("cut.xlsx"))
    );
    // Legacy encodings: Windows-1258 and TCVN3.
    let mut w1258 = b"M\x61\xDE h\xF4\xCC s\xF5;Ng\x61\xECy ti\xEA\xECp nh\xE2\xD2n\n".to_vec();
    w1258.extend_from_slice(b"H21.227-261005-0001;05/10/2026\n");
    let e = read("w1258.csv", &w1258).unwrap_err();
    assert_eq!(
        (e.kind(), e.row()),
        (ErrorKind::UnsupportedEncoding, Some(1))
    );
    assert!(e.message().contains("Windows-1258"), "{e}");
    let tcvn3 = format!("{HEADER}H21.227-261005-0001;05/10/2026 09:00;;;").into_bytes();
    let tcvn3 = [tcvn3, b"\xA7ang x\xF6 l\xFD;Tr\xF8c ti\xD5p\n".to_vec()].concat();
    let e = read("tcvn3.csv", &tcvn3).unwrap_err();
    assert_eq!((e.row(), e.column()), (Some(2), Some("Trạng thái")));
    assert!(e.message().contains("TCVN3"), "{e}");
    // Two headers for one field: not guessed.
    let e = csv_error("Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ngày kết thúc xử lý,Trạng thái,Kênh\n");
    assert_eq!(e.kind(), ErrorKind::InvalidCell);
    assert!(e.message().contains("both read as ended_at"), "{e}");
}

#[test]
fn bad_rows_can_be_collected_apart_and_a_mapping_overrides_the_headers() {
    let text = format!(
        "{HEADER}H21.227-261005-0001;05/10/2026 09:00;12/10/2026 09:00;09/10/2026 10:00;Đã trả kết quả;Trực tuyến\n\
         H21.227-261005-0002;hôm qua;;;Đang xử lý;Trực tiếp\n\
         H21.227-261005-0003;06/10/2026 09:00;13/10/2026 09:00;;4;2\n"
    );
    let export = read_export(
        "some.csv",
        text.as_bytes(),
        &ColumnMapping::default(),
        BadRows::Collect,
    )
    .unwrap();
    assert_eq!(export.rows.len(), 2);
    assert_eq!(export.rows[1].status, Status::Processing);
    assert_eq!(export.rejected.len(), 1);
    assert_eq!(export.rejected[0].row(), Some(3));
    let report = export
        .report(Period::month(2026, 10).unwrap(), GroupBy::Total)
        .unwrap();
    assert_eq!((report.total().early, report.total().in_progress), (1, 1));
    // Grouping by a column the export lacks is a typed error, not one row "".
    let e = export
        .report(Period::month(2026, 10).unwrap(), GroupBy::Field)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingColumn);
    // A vendor's own headers and status names, mapped.
    let vendor = "Số biên nhận,Nhận lúc,Hẹn trả,Xong lúc,Tình trạng xử lý,Kênh\n\
                  H21.227-261005-0004,05/10/2026 09:00,12/10/2026 09:00,13/10/2026 10:00,Hoàn thành,Trực tiếp\n";
    let mapping = ColumnMapping::default()
        .with(Column::Code, &["Số biên nhận"])
        .with(Column::ReceivedAt, &["Nhận lúc"])
        .with(Column::DueAt, &["Hẹn trả"])
        .with(Column::EndedAt, &["Xong lúc"])
        .with(Column::Status, &["Tình trạng xử lý"])
        .with_status("Hoàn thành", Status::Returned);
    let export = read_export("vendor.csv", vendor.as_bytes(), &mapping, BadRows::Fail).unwrap();
    let report = export
        .report(Period::month(2026, 10).unwrap(), GroupBy::ReceivingUnit)
        .unwrap();
    assert_eq!(report.rows["H21.227"].late, 1);
}

#[test]
fn the_status_decides_how_a_row_ended() {
    let text = format!(
        "{HEADER}H21.227-261005-0001;05/10/2026 09:00;;05/10/2026 10:00;Không được tiếp nhận;Trực tiếp\n\
         H21.227-261005-0002;05/10/2026 09:00;;;3;Trực tiếp\n\
         H21.227-261005-0003;05/10/2026 09:00;12/10/2026 09:00;08/10/2026 09:00;Không được tiếp nhận;Trực tiếp\n\
         H21.227-261005-0004;05/10/2026 09:00;12/10/2026 09:00;08/10/2026 09:00;Dừng xử lý;Trực tiếp\n\
         H21.227-261005-0005;05/10/2026 09:00;12/10/2026 09:00;;Dừng xử lý;Trực tiếp\n\
         H21.227-261005-0006;05/10/2026 09:00;;;Mới đăng ký;Trực tuyến\n\
         H21.227-261005-0007;01/10/2026 09:00;02/10/2026 09:00;;Yêu cầu bổ sung;Trực tuyến\n"
    );
    let export = read("statuses.csv", text.as_bytes()).unwrap();
    let endings: Vec<Option<Ending>> = export.rows.iter().map(|r| r.record.ending).collect();
    use Ending::*;
    assert_eq!(
        endings,
        [
            Some(Refused),
            Some(Refused),
            Some(RefusedAfterAppraisal),
            Some(Stopped),
            None,
            None,
            None
        ]
    );
    // Refused at the desk: never received, refused on the reception day.
    assert_eq!(export.rows[1].record.received_at, None);
    assert!(export.rows[4].record.paused && export.rows[6].record.paused);
    let report = export
        .report(Period::month(2026, 10).unwrap(), GroupBy::Total)
        .unwrap();
    let t = report.total();
    assert_eq!(
        (
            t.refused,
            t.refused_after_appraisal,
            t.stopped,
            t.in_progress,
            t.overdue,
            t.received
        ),
        (2, 1, 1, 2, 2, 4)
    );
    assert!(t.identities_hold());
    assert_eq!(
        report.excluded.values().sum::<u64>(),
        1,
        "the submitted one"
    );
}
