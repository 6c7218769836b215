//! What the two writers share: the heading of a document (who reports,
//! where and when it is signed), the cell formats, the period in words and
//! the signature block.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use crate::calendar::iso::format_vn_date;
use crate::error::{Error, ErrorKind};
use crate::report::{Period, PeriodKind};

/// Who a document is from and how it is signed: the parts of a Vietnamese
/// administrative form around its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The reporting unit, as the title names it ("… tại Sở Tư pháp");
    /// empty: a title without it.
    pub unit: String,
    /// The unit the report goes to, printed under the unit when given.
    pub recipient: Option<String>,
    /// Where it is signed, for "Gia Lai, ngày 05 tháng 01 năm 2027";
    /// empty: the date alone.
    pub place: String,
    /// When it is signed.
    pub signed_on: NaiveDate,
    /// The signer's title (by default "THỦ TRƯỞNG ĐƠN VỊ").
    pub signer_title: String,
    /// The signer's name, printed under the signature space when given.
    pub signer: Option<String>,
    /// Names for row keys that are codes (a unit's identifier `H21.227` →
    /// "UBND xã Ia Grai"); a key without a name is printed as it is.
    pub row_names: BTreeMap<String, String>,
}

impl Heading {
    /// A heading with the default signer title and no recipient, signer or
    /// row names.
    pub fn new(unit: impl Into<String>, place: impl Into<String>, signed_on: NaiveDate) -> Self {
        Self {
            unit: unit.into(),
            recipient: None,
            place: place.into(),
            signed_on,
            signer_title: "THỦ TRƯỞNG ĐƠN VỊ".into(),
            signer: None,
            row_names: BTreeMap::new(),
        }
    }

    /// The printed name of a row key.
    pub(super) fn row_name<'a>(&'a self, key: &'a str) -> &'a str {
        self.row_names.get(key).map_or(key, String::as_str)
    }
}

/// A failure of the spreadsheet writer. Every cell, range and name the
/// writers use is within Excel's limits, so this is a bug of motcua.
pub(super) fn written(e: XlsxError) -> Error {
    Error::new(
        ErrorKind::Internal,
        format!("the spreadsheet could not be written: {e}"),
    )
}

/// The cell formats of both documents: Times New Roman, as administrative
/// documents are printed (Decree 30/2020/NĐ-CP, Appendix I).
pub(super) struct Formats {
    pub bold: Format,
    pub italic: Format,
    pub title: Format,
    pub centered_italic: Format,
    pub header: Format,
    pub number_label: Format,
    pub cell_index: Format,
    pub cell_text: Format,
    pub cell_number: Format,
    pub cell_decimal: Format,
    pub cell_change: Format,
    pub total_text: Format,
    pub total_number: Format,
    pub centered_bold: Format,
}

impl Formats {
    pub fn new() -> Self {
        let base = || {
            Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(12)
        };
        let boxed = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter)
        };
        Self {
            bold: base().set_bold(),
            italic: base().set_italic(),
            title: base()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            centered_italic: base().set_italic().set_align(FormatAlign::Center),
            header: boxed(
                base()
                    .set_bold()
                    .set_text_wrap()
                    .set_align(FormatAlign::Center),
            ),
            number_label: boxed(base().set_italic().set_align(FormatAlign::Center)),
            cell_index: boxed(base().set_align(FormatAlign::Center)),
            cell_text: boxed(base().set_text_wrap()),
            cell_number: boxed(base().set_num_format("#,##0")),
            cell_decimal: boxed(base().set_num_format("0.00")),
            cell_change: boxed(base().set_num_format("+0.00;-0.00;0.00")),
            total_text: boxed(base().set_bold().set_align(FormatAlign::Center)),
            total_number: boxed(base().set_bold().set_num_format("#,##0")),
            centered_bold: base().set_bold().set_align(FormatAlign::Center),
        }
    }
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// The period in words, as a form's subtitle writes it: "Quý IV/2026 (từ
/// ngày 01/10/2026 đến ngày 31/12/2026)", "Tháng 11/2026 (…)", "Năm 2026
/// (…)", or the two dates alone.
pub(super) fn period_vi(period: &Period) -> String {
    let dates = format!(
        "từ ngày {} đến ngày {}",
        format_vn_date(period.first),
        format_vn_date(period.last)
    );
    match period.kind() {
        PeriodKind::Month { year, month } => format!("Tháng {month:02}/{year} ({dates})"),
        PeriodKind::Quarter { year, quarter } => {
            format!("Quý {}/{year} ({dates})", ROMAN[quarter as usize - 1])
        }
        PeriodKind::Year(year) => format!("Năm {year} ({dates})"),
        PeriodKind::Days => format!(
            "Từ ngày {} đến ngày {}",
            format_vn_date(period.first),
            format_vn_date(period.last)
        ),
    }
}

/// Sets the height of `row` to show wrapped texts whole: `(text, width)`
/// of each cell that wraps, a line of 12 pt Times New Roman holding about
/// one letter per width unit. Writers set it, as not every reader
/// measures wrapped cells when it opens a file.
pub(super) fn fit_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[(&str, f64)],
) -> std::result::Result<(), XlsxError> {
    let lines = cells
        .iter()
        .map(|(text, width)| (text.chars().count() as f64 / (width - 1.0).max(1.0)).ceil())
        .fold(1.0, f64::max);
    if lines > 1.0 {
        sheet.set_row_height(row, 15.75 * lines)?;
    }
    Ok(())
}

/// "Gia Lai, ngày 05 tháng 01 năm 2027": the place and date line of a
/// signature block ("Ngày 05 tháng 01 năm 2027" without a place).
pub(super) fn place_and_date(heading: &Heading) -> String {
    let d = heading.signed_on;
    let date = format!(
        "ngày {:02} tháng {:02} năm {}",
        d.day(),
        d.month(),
        d.year()
    );
    if heading.place.is_empty() {
        let mut letters = date.chars();
        letters.next().map_or(date.clone(), |first| {
            first.to_uppercase().chain(letters).collect()
        })
    } else {
        format!("{}, {date}", heading.place)
    }
}

/// " TẠI SỞ TƯ PHÁP": the unit as a title names it after `word`, nothing
/// for a heading without a unit.
pub(super) fn of_unit(word: &str, heading: &Heading) -> String {
    if heading.unit.is_empty() {
        String::new()
    } else {
        format!(" {word} {}", heading.unit.to_uppercase())
    }
}

/// The signature block from `row`: the preparer on the left (columns
/// `left`), the place and date, the signer's title and name on the right
/// (columns `right`). Returns the row after it.
pub(super) fn signature(
    sheet: &mut Worksheet,
    f: &Formats,
    heading: &Heading,
    row: u32,
    left: (u16, u16),
    right: (u16, u16),
) -> std::result::Result<u32, XlsxError> {
    let merged =
        |sheet: &mut Worksheet, row: u32, cols: (u16, u16), text: &str, format: &Format| {
            if cols.0 == cols.1 {
                sheet
                    .write_string_with_format(row, cols.0, text, format)
                    .map(|_| ())
            } else {
                sheet
                    .merge_range(row, cols.0, row, cols.1, text, format)
                    .map(|_| ())
            }
        };
    merged(
        sheet,
        row,
        right,
        &place_and_date(heading),
        &f.centered_italic,
    )?;
    merged(sheet, row + 1, left, "NGƯỜI LẬP BIỂU", &f.centered_bold)?;
    merged(
        sheet,
        row + 1,
        right,
        &heading.signer_title,
        &f.centered_bold,
    )?;
    merged(
        sheet,
        row + 2,
        left,
        "(Ký, ghi rõ họ tên)",
        &f.centered_italic,
    )?;
    merged(
        sheet,
        row + 2,
        right,
        "(Ký, ghi rõ họ tên, đóng dấu)",
        &f.centered_italic,
    )?;
    if let Some(signer) = &heading.signer {
        merged(sheet, row + 6, right, signer, &f.centered_bold)?;
    }
    Ok(row + 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_named_as_forms_name_it() {
        let q = Period::quarter(2026, 4).unwrap_or_else(|_| unreachable!());
        assert_eq!(
            period_vi(&q),
            "Quý IV/2026 (từ ngày 01/10/2026 đến ngày 31/12/2026)"
        );
        let m = Period::month(2026, 11).unwrap_or_else(|_| unreachable!());
        assert!(period_vi(&m).starts_with("Tháng 11/2026 (từ ngày 01/11/2026"));
        let y = Period::year(2026).unwrap_or_else(|_| unreachable!());
        assert!(period_vi(&y).starts_with("Năm 2026 ("));
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
        let custom = Period::new(d(10, 5), d(10, 20)).unwrap_or_else(|_| unreachable!());
        assert_eq!(period_vi(&custom), "Từ ngày 05/10/2026 đến ngày 20/10/2026");
    }
}
