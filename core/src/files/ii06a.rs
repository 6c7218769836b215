//! Form II.06a ("Tình hình, kết quả giải quyết TTHC", Biểu số
//! II.06a/VPCP/KSTT) as an .xlsx, in the layout provincial systems print.
//!
//! - Title block: the form code, the reporting unit (and the unit reported
//!   to), the title naming the unit, the period in words, the unit of count.
//! - A two-level merged header over columns (1)–(13) of the form: (1) STT,
//!   (2) the row's unit or field, received (3) as online in the period (4)
//!   plus direct and postal in the period (5) plus carried over (6),
//!   resolved (7) as early (8) plus on time (9) plus late (10), in progress
//!   (11) as within time (12) plus overdue (13); then the row of column
//!   numbers.
//! - The columns practice adds, as OpenCPS's and the provinces' reports
//!   show ("CD rút hồ sơ", "Hồ sơ trả lại", stopped): (14) withdrawn, (15)
//!   stopped, (16) refused after appraisal, all part of (3), so that
//!   (3) = (7) + (11) + (14) + (15) + (16) holds in the cells; and (17)
//!   refused at reception, outside (3).
//! - One row per group of the report, then the total row; the identities
//!   printed under the table; place, date and the signature block.
//!
//! Numbers are numbers (`#,##0`), and each column is as wide as its
//! Vietnamese label needs.

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::sheet::{fit_row, of_unit, period_vi, signature, written, Formats, Heading};
use crate::error::Result;
use crate::report::{Counts, Exclusion, GroupBy, PeriodReport};

/// The form's code, printed top left.
pub const FORM_CODE: &str = "Biểu số II.06a/VPCP/KSTT";

/// The row where the table's header starts (0-based: Excel row 7).
pub const HEADER_ROW: u32 = 6;

/// The first row of figures (0-based: Excel row 10).
pub const FIRST_DATA_ROW: u32 = HEADER_ROW + 3;

/// A number column of the form: its label under its group, and its figure.
type Figure = (&'static str, fn(&Counts) -> u64);

/// The number columns of the form after STT and the label, (3) to (17), in
/// order.
const FIGURES: [Figure; 15] = [
    ("Tổng số", |c| c.received),
    ("Trong kỳ: trực tuyến", |c| c.received_online),
    ("Trong kỳ: trực tiếp, dịch vụ bưu chính", |c| {
        c.received_direct_postal
    }),
    ("Từ kỳ trước chuyển qua", |c| c.carried_over),
    ("Tổng số", |c| c.resolved),
    ("Trước hạn", |c| c.early),
    ("Đúng hạn", |c| c.on_time),
    ("Quá hạn", |c| c.late),
    ("Tổng số", |c| c.in_progress),
    ("Trong hạn", |c| c.within_time),
    ("Quá hạn", |c| c.overdue),
    ("Công dân rút hồ sơ", |c| c.withdrawn),
    ("Dừng giải quyết", |c| c.stopped),
    ("Trả lại sau thẩm định", |c| {
        c.refused_after_appraisal
    }),
    ("Từ chối tiếp nhận (ngoài cột 3)", |c| c.refused),
];

/// The first-level header: a label over the columns `first..=last`
/// (0-based sheet columns).
const GROUPS: [(&str, u16, u16); 4] = [
    ("Số hồ sơ nhận giải quyết", 2, 5),
    ("Số hồ sơ đã giải quyết", 6, 9),
    ("Số hồ sơ đang giải quyết", 10, 12),
    ("Kết thúc khác (thuộc cột 3)", 13, 15),
];

/// The last column (0-based), (17).
const LAST_COL: u16 = 16;

/// What the second column names, by the report's grouping.
fn label_header(group_by: GroupBy) -> &'static str {
    match group_by {
        GroupBy::Total => "Đơn vị",
        GroupBy::Agency => "Cơ quan, đơn vị giải quyết",
        GroupBy::Field => "Lĩnh vực",
        GroupBy::Procedure => "Thủ tục hành chính",
        GroupBy::ReceivingUnit => "Đơn vị tiếp nhận",
        GroupBy::CompetentUnit => "Đơn vị có thẩm quyền giải quyết",
    }
}

/// Why dossiers were left out, in words, for the note under the table.
fn exclusion_vi(e: Exclusion) -> &'static str {
    match e {
        Exclusion::ReceivedAfter => "tiếp nhận sau kỳ báo cáo",
        Exclusion::EndedBefore => "kết thúc trước kỳ báo cáo",
        Exclusion::NotAccepted => "chưa được tiếp nhận",
        Exclusion::Inconsistent => "dữ liệu mâu thuẫn",
    }
}

/// The report as the bytes of an .xlsx file in the layout of form II.06a.
/// A report grouped by [`GroupBy::Total`] has the one row of its unit.
///
/// ```
/// use motcua::files::{ii06a_xlsx, Heading};
/// use motcua::report::{GroupBy, Period, PeriodReport};
///
/// let report = PeriodReport::new(Period::quarter(2026, 4)?, GroupBy::Agency);
/// let heading = Heading::new("Sở Tư pháp tỉnh Gia Lai", "Gia Lai",
///     chrono::NaiveDate::from_ymd_opt(2027, 1, 5).unwrap());
/// let bytes = ii06a_xlsx(&report, &heading)?;
/// assert_eq!(&bytes[..2], b"PK"); // an .xlsx is a zip
/// # Ok::<(), motcua::Error>(())
/// ```
pub fn ii06a_xlsx(report: &PeriodReport, heading: &Heading) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    write(sheet, report, heading).map_err(written)?;
    workbook.save_to_buffer().map_err(written)
}

fn write(
    sheet: &mut Worksheet,
    report: &PeriodReport,
    heading: &Heading,
) -> std::result::Result<(), XlsxError> {
    let f = Formats::new();
    sheet.set_name("II.06a")?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);

    // Title block.
    sheet.merge_range(0, 0, 0, 3, FORM_CODE, &f.bold)?;
    sheet.merge_range(
        0,
        11,
        0,
        LAST_COL,
        &format!("Đơn vị báo cáo: {}", heading.unit),
        &f.italic,
    )?;
    if let Some(recipient) = &heading.recipient {
        sheet.merge_range(
            1,
            11,
            1,
            LAST_COL,
            &format!("Đơn vị nhận báo cáo: {recipient}"),
            &f.italic,
        )?;
    }
    let title = format!(
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH{}",
        of_unit("TẠI", heading)
    );
    sheet.merge_range(3, 0, 3, LAST_COL, &title, &f.title)?;
    sheet.merge_range(
        4,
        0,
        4,
        LAST_COL,
        &format!("Kỳ báo cáo: {}", period_vi(&report.period)),
        &f.centered_italic,
    )?;
    sheet.merge_range(5, 13, 5, LAST_COL, "Đơn vị tính: Số hồ sơ TTHC", &f.italic)?;

    // The two-level header and the column numbers.
    let (top, sub, numbers) = (HEADER_ROW, HEADER_ROW + 1, HEADER_ROW + 2);
    sheet.merge_range(top, 0, sub, 0, "STT", &f.header)?;
    sheet.merge_range(top, 1, sub, 1, label_header(report.group_by), &f.header)?;
    for (label, first, last) in GROUPS {
        sheet.merge_range(top, first, top, last, label, &f.header)?;
    }
    for (i, (label, _)) in FIGURES.iter().enumerate() {
        let col = 2 + i as u16;
        if col == LAST_COL {
            sheet.merge_range(top, col, sub, col, label, &f.header)?;
        } else {
            sheet.write_string_with_format(sub, col, *label, &f.header)?;
        }
    }
    for col in 0..=LAST_COL {
        sheet.write_string_with_format(numbers, col, format!("({})", col + 1), &f.number_label)?;
    }
    sheet.set_row_height(sub, 66)?;

    // One row per group, then the total.
    let mut row = FIRST_DATA_ROW;
    // The label column as wide as its longest label (Times New Roman at
    // 12 pt is about one width unit per letter), up to 60: longer ones wrap.
    let widest = report
        .rows
        .keys()
        .map(|k| heading.row_name(k).chars().count())
        .chain([
            label_header(report.group_by).chars().count(),
            heading.unit.chars().count(),
        ])
        .max()
        .unwrap_or(0);
    let label_width = (widest as f64 * 1.05 + 2.0).clamp(24.0, 60.0);
    let rows: Vec<(&str, &Counts)> = if report.group_by == GroupBy::Total {
        report
            .rows
            .iter()
            .map(|(_, c)| (heading.unit.as_str(), c))
            .collect()
    } else {
        report
            .rows
            .iter()
            .map(|(k, c)| (heading.row_name(k), c))
            .collect()
    };
    for (n, (label, counts)) in rows.iter().enumerate() {
        fit_row(sheet, row, &[(label, label_width)])?;
        sheet.write_number_with_format(row, 0, (n + 1) as f64, &f.cell_index)?;
        sheet.write_string_with_format(row, 1, *label, &f.cell_text)?;
        for (i, (_, figure)) in FIGURES.iter().enumerate() {
            sheet.write_number_with_format(
                row,
                2 + i as u16,
                figure(counts) as f64,
                &f.cell_number,
            )?;
        }
        row += 1;
    }
    let total = report.total();
    sheet.merge_range(row, 0, row, 1, "Tổng cộng", &f.total_text)?;
    for (i, (_, figure)) in FIGURES.iter().enumerate() {
        sheet.write_number_with_format(
            row,
            2 + i as u16,
            figure(&total) as f64,
            &f.total_number,
        )?;
    }
    row += 2;

    // The identities, and what the report left out.
    sheet.merge_range(
        row,
        0,
        row,
        LAST_COL,
        "Ghi chú: (3) = (4) + (5) + (6); (7) = (8) + (9) + (10); (11) = (12) + (13); (3) = (7) + (11) + (14) + (15) + (16). Cột (17) không thuộc cột (3).",
        &f.italic,
    )?;
    row += 1;
    if !report.excluded.is_empty() {
        let left_out: Vec<String> = report
            .excluded
            .iter()
            .map(|(e, n)| format!("{n} hồ sơ {}", exclusion_vi(*e)))
            .collect();
        let note = format!("Không tính vào biểu: {}.", left_out.join("; "));
        sheet.merge_range(row, 0, row, LAST_COL, &note, &f.italic)?;
        row += 1;
    }
    signature(sheet, &f, heading, row + 1, (0, 3), (11, LAST_COL))?;

    // Widths: the labels' (above), the figures' as their wrapped headers
    // need.
    sheet.set_column_width(0, 6)?;
    sheet.set_column_width(1, label_width)?;
    for col in 2..=LAST_COL {
        sheet.set_column_width(col, 12)?;
    }
    sheet.set_freeze_panes(FIRST_DATA_ROW, 2)?;
    Ok(())
}
