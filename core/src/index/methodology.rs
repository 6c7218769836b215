//! The index methodology as data.

use serde::Serialize;

use crate::decimal::Decimal;

use crate::error::{Error, ErrorKind, Result};

/// One indicator of the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorSpec {
    /// Id, e.g. `2.1`.
    pub id: String,
    /// Group name.
    pub group: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// The input it reads (see [`super::inputs`] for the dossier-based ones).
    pub input: String,
    /// Maximum points.
    pub max_points: f64,
    /// Percentage at or above which the indicator gets full points
    /// (proportional below); 100 for a plain ratio.
    pub threshold: f64,
}

/// A versioned index methodology.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Methodology {
    /// Version label.
    pub version: String,
    /// Where the numbers come from, and what is assumed.
    pub description: String,
    /// The stated total (100).
    pub total: f64,
    /// The indicators.
    pub indicators: Vec<IndicatorSpec>,
}

fn invalid(message: String) -> Error {
    Error::new(
        ErrorKind::InvalidArgument,
        format!("methodology: {message}"),
    )
}

impl Methodology {
    /// Checks positive points and thresholds, distinct ids, and points that
    /// sum to the stated total.
    pub fn validate(&self) -> Result<()> {
        for (i, spec) in self.indicators.iter().enumerate() {
            if !(spec.max_points.is_finite() && spec.max_points > 0.0) {
                return Err(invalid(format!(
                    "indicators[{i}].max_points: {} must be > 0",
                    Decimal(spec.max_points)
                )));
            }
            if !(spec.threshold.is_finite() && spec.threshold > 0.0 && spec.threshold <= 100.0) {
                return Err(invalid(format!(
                    "indicators[{i}].threshold: {} must be in (0, 100]",
                    Decimal(spec.threshold)
                )));
            }
        }
        if let Some(i) = crate::ids::first_repeated(self.indicators.iter().map(|s| s.id.as_str())) {
            return Err(invalid(format!(
                "indicators[{i}].id: {:?} is listed twice",
                self.indicators[i].id
            )));
        }
        let sum: f64 = self.indicators.iter().map(|s| s.max_points).sum();
        if (sum - self.total).abs() > 1e-9 {
            return Err(invalid(format!(
                "indicator points sum to {}, but the stated total is {}",
                Decimal(sum),
                Decimal(self.total)
            )));
        }
        Ok(())
    }

    /// The best-known default for Decision 766/QĐ-TTg. Group maxima of
    /// transparency (18), progress (20) and satisfaction (18) are
    /// confirmed; online services (12), online payment (10) and
    /// digitisation (22) are likely; the split inside groups is assumed,
    /// except 1.2 = 4 and TTHC satisfaction = 6 (`domain-rules.md` §5.2).
    /// Thresholds follow the published formulas: 80 % for 3.1, 3.5, 4.2,
    /// 4.3; 50 % for 3.3; 90 % for TTHC satisfaction.
    pub fn default_766() -> Self {
        let spec =
            |id: &str, group: &str, vi: &str, en: &str, input: &str, max: f64, threshold: f64| {
                IndicatorSpec {
                    id: id.into(),
                    group: group.into(),
                    name_vi: vi.into(),
                    name_en: en.into(),
                    input: input.into(),
                    max_points: max,
                    threshold,
                }
            };
        let t = "Công khai, minh bạch";
        let p = "Tiến độ, kết quả giải quyết";
        let o = "Cung cấp dịch vụ trực tuyến";
        let pay = "Thanh toán trực tuyến";
        let d = "Số hóa hồ sơ";
        let s = "Mức độ hài lòng";
        Methodology {
            version: "766-2022-default-1".into(),
            description: "Decision 766/QĐ-TTg (2022) as far as published; per-indicator points are assumptions (see motcua::index::Methodology::default_766)".into(),
            total: 100.0,
            indicators: vec![
                spec("1.1", t, "TTHC công bố đúng hạn", "Procedures published on time", "procedures_published_on_time", 4.0, 100.0),
                spec("1.2", t, "TTHC cập nhật, công khai đúng hạn", "Procedures made public on time", "procedures_public_on_time", 4.0, 100.0),
                spec("1.3", t, "TTHC công khai đầy đủ nội dung", "Procedures published in full", "procedures_published_in_full", 4.0, 100.0),
                spec("1.4", t, "Hồ sơ đồng bộ lên Cổng DVCQG", "Dossiers synced to the national portal", "dossiers_synced", 6.0, 100.0),
                spec("2.1", p, "Hồ sơ xử lý trước hạn, đúng hạn", "Dossiers handled early or on time", super::inputs::ON_TIME, 20.0, 100.0),
                spec("3.1", o, "TTHC có dịch vụ công trực tuyến", "Procedures with online service", "procedures_online", 4.0, 80.0),
                spec("3.2", o, "DVCTT có phát sinh hồ sơ", "Online services with dossiers", "online_services_used", 2.0, 100.0),
                spec("3.3", o, "Hồ sơ nộp trực tuyến", "Dossiers submitted online", super::inputs::ONLINE, 6.0, 50.0),
                spec("3.5", pay, "TTHC tích hợp thanh toán trực tuyến", "Procedures with integrated online payment", "procedures_payment_integrated", 4.0, 80.0),
                spec("3.6", pay, "Hồ sơ thanh toán trực tuyến", "Dossiers paid online", "online_payments", 6.0, 100.0),
                spec("4.1", d, "Hồ sơ có kết quả điện tử", "Dossiers with an electronic result", "electronic_results", 6.0, 100.0),
                spec("4.2", d, "Hồ sơ thực hiện số hóa", "Dossiers digitised", "dossiers_digitised", 4.0, 80.0),
                spec("4.3", d, "Tái sử dụng dữ liệu số hóa", "Digitised data reused", "digitised_data_reused", 4.0, 80.0),
                spec("4.4", d, "Số hóa có kết nối, chia sẻ", "Digitised data connected and shared", "digitised_data_shared", 4.0, 100.0),
                spec("4.5", d, "Sử dụng dữ liệu dân cư", "Population data used", "population_data_used", 4.0, 100.0),
                spec("5.1", s, "Phản ánh, kiến nghị xử lý đúng hạn", "Feedback handled on time", "feedback_on_time", 6.0, 100.0),
                spec("5.2", s, "Hài lòng trong xử lý phản ánh, kiến nghị", "Satisfaction with feedback handling", "feedback_satisfaction", 6.0, 100.0),
                spec("5.3", s, "Hài lòng trong tiếp nhận, giải quyết TTHC", "Satisfaction with procedures", "procedure_satisfaction", 6.0, 90.0),
            ],
        }
    }
}
