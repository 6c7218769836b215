//! The monthly Decision 766 scorecard as an .xlsx: the sheet a province
//! publishes so that low scorers act.
//!
//! - One sheet per group the card ranks (departments, then communes): rank,
//!   unit, total, the points of each of the methodology's groups, the
//!   change since last month, last month's rank, and the first action of the
//!   unit's action list; a native Excel bar chart of the totals by unit.
//! - A sheet "Phương pháp" with the methodology's version, description,
//!   groups and indicators, so that the figures say what scored them.

use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet, XlsxError};

use super::sheet::{fit_row, of_unit, period_vi, place_and_date, written, Formats, Heading};
use crate::error::{Error, ErrorKind, Result};
use crate::index::{Methodology, Scorecard, ScorecardRow};
use crate::report::Period;
use crate::unit::UnitGroup;

/// The first row of units on a group's sheet (0-based: Excel row 5).
pub const FIRST_UNIT_ROW: u32 = 4;

/// The name of a group's sheet.
pub fn sheet_name(group: UnitGroup) -> &'static str {
    match group {
        UnitGroup::Agency => "Sở, ban, ngành",
        UnitGroup::Commune => "Xã, phường, đặc khu",
    }
}

/// The widths of the unit's name and of the action: wrapped beyond.
const NAME_WIDTH: f64 = 34.0;
const ACTION_WIDTH: f64 = 60.0;

/// The name of the methodology's sheet.
pub const METHODOLOGY_SHEET: &str = "Phương pháp";

/// The card of `month` as the bytes of an .xlsx file: a sheet per group
/// with its chart, and the methodology's sheet. `methodology` is the one
/// the card was scored with (its version must be the card's).
pub fn scorecard_xlsx(
    card: &Scorecard,
    methodology: &Methodology,
    month: &Period,
    heading: &Heading,
) -> Result<Vec<u8>> {
    if card.methodology != methodology.version {
        return Err(Error::new(
            ErrorKind::InvalidArgument,
            format!(
                "the scorecard was scored with methodology {}, not {}",
                card.methodology, methodology.version
            ),
        ));
    }
    let mut workbook = Workbook::new();
    let f = Formats::new();
    for group in UnitGroup::ALL {
        let rows: Vec<&ScorecardRow> = card.rows.iter().filter(|r| r.group == *group).collect();
        if rows.is_empty() {
            continue;
        }
        let sheet = workbook.add_worksheet();
        group_sheet(sheet, &f, *group, &rows, methodology, month, heading).map_err(written)?;
    }
    methodology_sheet(workbook.add_worksheet(), &f, methodology).map_err(written)?;
    workbook.save_to_buffer().map_err(written)
}

/// The first action in words: "Công khai đúng hạn: thêm 3/40 để đạt điểm
/// tối đa (+1.50 điểm)".
fn first_action(row: &ScorecardRow) -> String {
    row.actions.first().map_or_else(String::new, |a| {
        format!(
            "{}: thêm {}/{} để đạt điểm tối đa (+{:.2} điểm)",
            a.name_vi, a.more, a.of, a.gain
        )
    })
}

fn group_sheet(
    sheet: &mut Worksheet,
    f: &Formats,
    group: UnitGroup,
    rows: &[&ScorecardRow],
    methodology: &Methodology,
    month: &Period,
    heading: &Heading,
) -> std::result::Result<(), XlsxError> {
    let name = sheet_name(group);
    sheet.set_name(name)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    let groups = &methodology.groups;
    // Columns: rank, code, unit, total, one per group, change, previous
    // rank, first action.
    let first_group = 4u16;
    let change_col = first_group + groups.len() as u16;
    let (previous_col, action_col) = (change_col + 1, change_col + 2);

    sheet.merge_range(
        0,
        0,
        0,
        action_col,
        &format!(
            "BẢNG ĐIỂM CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg){}",
            of_unit("CỦA", heading)
        ),
        &f.title,
    )?;
    sheet.merge_range(
        1,
        0,
        1,
        action_col,
        &format!(
            "{}: {} (phương pháp {})",
            name,
            period_vi(month),
            methodology.version
        ),
        &f.centered_italic,
    )?;
    sheet.merge_range(
        2,
        0,
        2,
        action_col,
        &place_and_date(heading),
        &f.centered_italic,
    )?;

    let header = FIRST_UNIT_ROW - 1;
    let mut titles = vec![
        "Hạng".to_owned(),
        "Mã đơn vị".to_owned(),
        "Đơn vị".to_owned(),
        format!("Tổng điểm (tối đa {})", methodology.total),
    ];
    titles.extend(
        groups
            .iter()
            .map(|g| format!("{} ({}, tối đa {})", g.name_vi, g.code, g.max_points)),
    );
    titles.extend([
        "Thay đổi so với tháng trước".to_owned(),
        "Hạng tháng trước".to_owned(),
        "Việc cần làm trước tiên".to_owned(),
    ]);
    for (col, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(header, col as u16, title, &f.header)?;
    }
    sheet.set_row_height(header, 66)?;

    for (i, r) in rows.iter().enumerate() {
        let row = FIRST_UNIT_ROW + i as u32;
        sheet.write_number_with_format(row, 0, r.rank as f64, &f.cell_index)?;
        sheet.write_string_with_format(row, 1, &r.code, &f.cell_text)?;
        sheet.write_string_with_format(row, 2, &r.name, &f.cell_text)?;
        sheet.write_number_with_format(row, 3, r.score.total(), &f.cell_decimal)?;
        for (g, scored) in r.score.groups().enumerate() {
            sheet.write_number_with_format(
                row,
                first_group + g as u16,
                scored.points,
                &f.cell_decimal,
            )?;
        }
        match r.change {
            Some(c) => sheet.write_number_with_format(row, change_col, c, &f.cell_change)?,
            None => sheet.write_blank(row, change_col, &f.cell_change)?,
        };
        match r.previous_rank {
            Some(p) => {
                sheet.write_number_with_format(row, previous_col, p as f64, &f.cell_number)?
            }
            None => sheet.write_blank(row, previous_col, &f.cell_number)?,
        };
        let action = first_action(r);
        sheet.write_string_with_format(row, action_col, &action, &f.cell_text)?;
        fit_row(
            sheet,
            row,
            &[(&action, ACTION_WIDTH), (&r.name, NAME_WIDTH)],
        )?;
    }
    let last = FIRST_UNIT_ROW + rows.len() as u32 - 1;

    sheet.set_column_width(0, 7)?;
    sheet.set_column_width(1, 16)?;
    sheet.set_column_width(2, NAME_WIDTH)?;
    for col in 3..action_col {
        sheet.set_column_width(col, 13)?;
    }
    sheet.set_column_width(action_col, ACTION_WIDTH)?;
    sheet.set_freeze_panes(FIRST_UNIT_ROW, 3)?;

    // The totals by unit, best first from the top: a bar chart under the
    // table (so that it prints with it), a bar's height per unit.
    let mut chart = Chart::new(ChartType::Bar);
    chart
        .add_series()
        .set_name((name, FIRST_UNIT_ROW - 1, 3))
        .set_categories((name, FIRST_UNIT_ROW, 2, last, 2))
        .set_values((name, FIRST_UNIT_ROW, 3, last, 3));
    chart
        .title()
        .set_name(&format!("Điểm Chỉ số 766: {}", name.to_lowercase()));
    chart.y_axis().set_reverse();
    chart.x_axis().set_max(methodology.total);
    chart.legend().set_hidden();
    chart
        .set_width(960)
        .set_height((120 + 22 * rows.len() as u32).min(4000));
    sheet.insert_chart(last + 2, 1, &chart)?;
    Ok(())
}

fn methodology_sheet(
    sheet: &mut Worksheet,
    f: &Formats,
    m: &Methodology,
) -> std::result::Result<(), XlsxError> {
    sheet.set_name(METHODOLOGY_SHEET)?;
    sheet.write_string_with_format(0, 0, "Phương pháp tính điểm", &f.bold)?;
    sheet.write_string_with_format(1, 0, "Phiên bản", &f.bold)?;
    sheet.write_string(1, 1, &*m.version)?;
    sheet.write_string_with_format(2, 0, "Nguồn và giả định", &f.bold)?;
    sheet.write_string(2, 1, &m.description)?;
    sheet.write_string_with_format(3, 0, "Tổng điểm tối đa", &f.bold)?;
    sheet.write_number(3, 1, m.total)?;

    let mut row = 5;
    for (col, title) in ["Nhóm", "Tên nhóm", "Điểm tối đa"].iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *title, &f.header)?;
    }
    for g in &m.groups {
        row += 1;
        sheet.write_string_with_format(row, 0, &*g.code, &f.cell_text)?;
        sheet.write_string_with_format(row, 1, &*g.name_vi, &f.cell_text)?;
        sheet.write_number_with_format(row, 2, g.max_points, &f.cell_decimal)?;
    }
    row += 2;
    let titles = [
        "Chỉ tiêu",
        "Nhóm",
        "Tên chỉ tiêu",
        "Đầu vào",
        "Điểm tối đa",
        "Ngưỡng đạt điểm tối đa (%)",
        "Khi mẫu số bằng 0",
    ];
    for (col, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *title, &f.header)?;
    }
    for i in &m.indicators {
        row += 1;
        sheet.write_string_with_format(row, 0, &*i.id, &f.cell_text)?;
        sheet.write_string_with_format(row, 1, &*i.group, &f.cell_text)?;
        sheet.write_string_with_format(row, 2, &*i.name_vi, &f.cell_text)?;
        sheet.write_string_with_format(row, 3, &*i.input, &f.cell_text)?;
        sheet.write_number_with_format(row, 4, i.max_points, &f.cell_decimal)?;
        sheet.write_number_with_format(row, 5, i.threshold, &f.cell_decimal)?;
        sheet.write_string_with_format(row, 6, i.if_empty.code(), &f.cell_text)?;
    }
    for (col, width) in [
        (0, 26.0),
        (1, 40.0),
        (2, 48.0),
        (3, 30.0),
        (4, 12.0),
        (5, 16.0),
        (6, 16.0),
    ] {
        sheet.set_column_width(col, width)?;
    }
    Ok(())
}
