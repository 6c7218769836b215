//! The index methodology as data: groups, indicators, and the built-in
//! tables.
//!
//! Two tables are built in:
//! - [`Methodology::dvcqg_2026_10`] (the default): the national portal's
//!   own scoring, as its API published it for every unit of Gia Lai on
//!   10/10/2026, with every rule fitted across all 149 units;
//! - [`Methodology::decision_766_2022`]: the first version's reading of the
//!   2022 decision text, kept loadable for comparisons with old reports.
//!
//! Texts are `Arc<str>`: every score carries its indicators' ids and
//! names, and sharing them instead of copying made scoring 10,000 units
//! several times faster (`benches/report.rs`).

use std::sync::Arc;

use serde::Serialize;

use crate::decimal::Decimal;
use crate::error::{Error, ErrorKind, Result};

crate::labels::labelled! {
    /// What an indicator scores when its denominator is zero (nothing to
    /// count: no petitions, no dossiers, no service offered).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum IfEmpty: "if_empty" {
        /// Left out of the score and of its maximum (the 2022 table).
        NotMeasured = "not_measured",
        /// Full points: nothing could go wrong (the portal's rule for
        /// petitions and for electronic certified copies).
        FullPoints = "full_points",
        /// No points: nothing was done (the portal's rule for dossier-based
        /// indicators of a unit that received no dossier).
        NoPoints = "no_points",
    }
}

/// One group of indicators (the portal's radar axes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupSpec {
    /// The portal's code: `CKMB`, `TDGQ`, `ONLINE`, `TTTT`, `MDSH`, `MDHL`.
    pub code: Arc<str>,
    /// Vietnamese name.
    pub name_vi: Arc<str>,
    /// English name.
    pub name_en: Arc<str>,
    /// Maximum points (the sum of its indicators').
    pub max_points: f64,
}

/// One indicator of the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorSpec {
    /// Id: the portal's metric code (`PUBLISH_ON_TIME`), or for a group the
    /// portal publishes as one figure, a code of ours (see the table).
    pub id: Arc<str>,
    /// The code of its group.
    pub group: Arc<str>,
    /// Vietnamese name.
    pub name_vi: Arc<str>,
    /// English name.
    pub name_en: Arc<str>,
    /// The input it reads (see [`super::inputs`]).
    pub input: Arc<str>,
    /// Maximum points, in hundredths at most.
    pub max_points: f64,
    /// Percentage at or above which the indicator gets full points
    /// (proportional below); 100 for a plain ratio.
    pub threshold: f64,
    /// What a zero denominator scores.
    pub if_empty: IfEmpty,
}

/// A versioned index methodology.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Methodology {
    /// Version label, e.g. `766-dvcqg-2026-10`.
    pub version: Arc<str>,
    /// Where the numbers come from, and what is assumed.
    pub description: String,
    /// The stated total (100).
    pub total: f64,
    /// The groups, in the portal's order.
    pub groups: Vec<GroupSpec>,
    /// The indicators.
    pub indicators: Vec<IndicatorSpec>,
}

fn invalid(message: String) -> Error {
    Error::new(
        ErrorKind::InvalidArgument,
        format!("methodology: {message}"),
    )
}

/// The most points an indicator can be worth: a million, far above any
/// table's 100 in all, so that a score keeps an indicator's points in 32
/// bits (see [`super::Score`]).
pub(super) const MAX_POINTS: u64 = 1_000_000;

/// `x` in hundredths, when it has no finer digits (points and thresholds
/// are scored exactly in hundredths; see [`Methodology::score`]).
pub(super) fn hundredths(x: f64) -> Option<u64> {
    let h = (x * 100.0).round();
    (x.is_finite() && x >= 0.0 && (x * 100.0 - h).abs() < 1e-6 && h < 1e15).then_some(h as u64)
}

/// One row of a built-in table: id, group, Vietnamese and English names,
/// input, maximum points, threshold, empty rule.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
    IfEmpty,
);

/// The groups of both tables: code, Vietnamese, English, maximum.
const GROUPS: [(&str, &str, &str, f64); 6] = [
    ("CKMB", "Công khai, minh bạch", "Transparency", 18.0),
    ("TDGQ", "Tiến độ giải quyết", "Progress of resolution", 20.0),
    ("ONLINE", "Dịch vụ trực tuyến", "Online services", 12.0),
    ("TTTT", "Thanh toán trực tuyến", "Online payment", 10.0),
    ("MDSH", "Số hóa hồ sơ", "Digitisation", 22.0),
    ("MDHL", "Mức độ hài lòng", "Satisfaction", 18.0),
];

use super::inputs as i;
use IfEmpty::{FullPoints, NoPoints, NotMeasured};

/// The portal's scoring, read from its API responses for every unit of
/// Gia Lai (14 departments, 135 communes), crawled on 10/10/2026 into the
/// public repository duynghiaqn/Crawler-766, file
/// `data/gia_lai/details_GiaLai_10102026.json` (commit 1ffdc23d),
/// https://github.com/duynghiaqn/Crawler-766; a trimmed copy with the
/// payment counts is `tests/data/dvcqg/`, and every row below reproduces
/// the points of every unit there (`tests/rust/dvcqg.rs`).
///
/// Fitted, not published: the portal publishes the points, not the rules.
/// - Points are proportional, `max × ratio ÷ threshold`, capped at `max`;
///   the threshold is 100 % except `REUSED_DIGITIZED_DATA` (80 %),
///   `DOSSIER_RECEIVING_SATISFACTION` (90 %) and the two procedure
///   payment rates (80 %);
/// - each indicator's points are rounded to hundredths (half up), a group
///   is the sum of its rounded points and the total the sum of the groups;
/// - a zero denominator scores full points for petitions and electronic
///   certified copies (null/null in the export), none for dossier-based
///   indicators (a unit that received no dossier, Thanh tra tỉnh H21.20);
/// - `TDGQ` is `totalOnTime ÷ totalReceived` and `ONLINE` is published as
///   one percentage, so both are one indicator here, with ids of ours;
///   `TTTT` splits as the crawler's documentation of the portal's payment
///   API (`formality-online-payment-tree`) says, 6 + 2 + 2; that split
///   reproduces the TTTT points of 146 of the 149 units, and three
///   (H21.100, H21.149, H21.205) come out 0.01 low under every rounding
///   order tried, so the portal's exact TTTT rounding is not known;
/// - `PETITION_CLASSIFICATION_TTHC` and `_STAFF` have a maximum of 0 (they
///   only classify petitions) and are not indicators here.
const DVCQG_2026_10: [Row; 19] = [
    (
        "PUBLISH_ON_TIME",
        "CKMB",
        "Tỷ lệ TTHC công bố đúng hạn",
        "Procedures published on time",
        i::PUBLISHED_ON_TIME,
        6.0,
        100.0,
        NoPoints,
    ),
    (
        "PUBLIC_UPDATE_ON_TIME",
        "CKMB",
        "Tỷ lệ TTHC cập nhật, công khai đúng hạn",
        "Procedures updated and made public on time",
        i::PUBLIC_ON_TIME,
        4.0,
        100.0,
        NoPoints,
    ),
    (
        "PUBLIC_CONTENT_FULL",
        "CKMB",
        "Tỷ lệ TTHC công khai đầy đủ nội dung",
        "Procedures published in full",
        i::PUBLISHED_IN_FULL,
        2.0,
        100.0,
        NoPoints,
    ),
    (
        "DOSSIER_SYNC",
        "CKMB",
        "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG",
        "Dossiers synced to the national portal",
        i::SYNCED,
        6.0,
        100.0,
        NoPoints,
    ),
    (
        "TDGQ_ON_TIME",
        "TDGQ",
        "Tỷ lệ hồ sơ giải quyết đúng hạn",
        "Dossiers resolved on time",
        i::ON_TIME,
        20.0,
        100.0,
        NoPoints,
    ),
    (
        "ONLINE_SERVICE",
        "ONLINE",
        "Chỉ số cung cấp dịch vụ trực tuyến",
        "Online service provision",
        i::ONLINE_SERVICE,
        12.0,
        100.0,
        NoPoints,
    ),
    (
        "ONLINE_PAYMENT_DOSSIERS",
        "TTTT",
        "Tỷ lệ hồ sơ thanh toán trực tuyến",
        "Dossiers paid online",
        i::ONLINE_PAYMENTS,
        6.0,
        100.0,
        NoPoints,
    ),
    (
        "FEE_PROCEDURES_ON_PORTAL",
        "TTTT",
        "Tỷ lệ TTHC có nghĩa vụ tài chính được cung cấp trên Cổng DVCQG",
        "Fee-bearing procedures offered on the national portal",
        i::PAYMENT_INTEGRATED,
        2.0,
        80.0,
        NoPoints,
    ),
    (
        "FEE_PROCEDURES_PAID_ONLINE",
        "TTTT",
        "Tỷ lệ TTHC có giao dịch thanh toán trực tuyến",
        "Fee-bearing procedures with an online payment",
        i::PROCEDURES_PAID_ONLINE,
        2.0,
        80.0,
        NoPoints,
    ),
    (
        "ORIGINAL_RESULT_AVAILABLE",
        "MDSH",
        "Tỷ lệ hồ sơ có cấp kết quả giải quyết TTHC điện tử",
        "Dossiers with an electronic result",
        i::ELECTRONIC_RESULTS,
        6.0,
        100.0,
        NoPoints,
    ),
    (
        "SO_HOA_GIAY_TO_GIAI_QUYET",
        "MDSH",
        "Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ",
        "Dossiers digitised",
        i::DIGITISED,
        4.0,
        100.0,
        NoPoints,
    ),
    (
        "REUSED_DIGITIZED_DATA",
        "MDSH",
        "Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
        "Dossiers reusing digitised data",
        i::REUSED,
        2.0,
        80.0,
        NoPoints,
    ),
    (
        "SYNCED_WITH_DVCQG_PERSONAL_STORAGE",
        "MDSH",
        "Tỷ lệ hồ sơ được số hóa có kết nối, chia sẻ dữ liệu",
        "Digitised dossiers shared for reuse",
        i::SHARED,
        4.0,
        100.0,
        NoPoints,
    ),
    (
        "CITIZEN_DATA_CONNECTED_DOSSIER",
        "MDSH",
        "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư",
        "Dossiers using population data",
        i::POPULATION_DATA,
        2.0,
        100.0,
        NoPoints,
    ),
    (
        "CITIZEN_DATA_CONNECTED_FORMALITY",
        "MDSH",
        "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư",
        "Procedures connected to population data",
        i::PROCEDURES_POPULATION_DATA,
        2.0,
        100.0,
        NoPoints,
    ),
    (
        "ELECTRONIC_CERTIFIED_COPY",
        "MDSH",
        "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính",
        "Electronic certified copies offered",
        i::CERTIFIED_COPIES,
        2.0,
        100.0,
        FullPoints,
    ),
    (
        "DOSSIER_RECEIVING_SATISFACTION",
        "MDHL",
        "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
        "Satisfaction with procedures",
        i::PROCEDURE_SATISFACTION,
        6.0,
        90.0,
        NoPoints,
    ),
    (
        "PETITION_PROCESSING_ON_TIME",
        "MDHL",
        "Tỷ lệ PAKN xử lý đúng hạn",
        "Petitions handled on time",
        i::FEEDBACK_ON_TIME,
        6.0,
        100.0,
        FullPoints,
    ),
    (
        "PETITION_HANDLING_SATISFACTION",
        "MDHL",
        "Tỷ lệ hài lòng trong xử lý PAKN",
        "Satisfaction with petition handling",
        i::FEEDBACK_SATISFACTION,
        6.0,
        100.0,
        FullPoints,
    ),
];

/// The first version's reading of Decision 766/QĐ-TTg (2022): group maxima
/// of transparency (18), progress (20) and satisfaction (18) as published;
/// online services (12), online payment (10) and digitisation (22) and the
/// split inside groups assumed (1.2 = 4 and 5.3 = 6 excepted); thresholds
/// from the published formulas (80 % for 3.1, 3.5, 4.2 and 4.3, 50 % for
/// 3.3, 90 % for 5.3). The portal scores otherwise (1.1 is 6 points, no
/// 80 % threshold for digitisation, 0/0 is not "not measured"); kept for
/// comparisons with reports made with it.
const DECISION_766_2022: [Row; 18] = [
    (
        "1.1",
        "CKMB",
        "TTHC công bố đúng hạn",
        "Procedures published on time",
        i::PUBLISHED_ON_TIME,
        4.0,
        100.0,
        NotMeasured,
    ),
    (
        "1.2",
        "CKMB",
        "TTHC cập nhật, công khai đúng hạn",
        "Procedures made public on time",
        i::PUBLIC_ON_TIME,
        4.0,
        100.0,
        NotMeasured,
    ),
    (
        "1.3",
        "CKMB",
        "TTHC công khai đầy đủ nội dung",
        "Procedures published in full",
        i::PUBLISHED_IN_FULL,
        4.0,
        100.0,
        NotMeasured,
    ),
    (
        "1.4",
        "CKMB",
        "Hồ sơ đồng bộ lên Cổng DVCQG",
        "Dossiers synced to the national portal",
        i::SYNCED,
        6.0,
        100.0,
        NotMeasured,
    ),
    (
        "2.1",
        "TDGQ",
        "Hồ sơ xử lý trước hạn, đúng hạn",
        "Dossiers handled early or on time",
        i::ON_TIME,
        20.0,
        100.0,
        NotMeasured,
    ),
    (
        "3.1",
        "ONLINE",
        "TTHC có dịch vụ công trực tuyến",
        "Procedures with online service",
        i::PROCEDURES_ONLINE,
        4.0,
        80.0,
        NotMeasured,
    ),
    (
        "3.2",
        "ONLINE",
        "DVCTT có phát sinh hồ sơ",
        "Online services with dossiers",
        i::ONLINE_SERVICES_USED,
        2.0,
        100.0,
        NotMeasured,
    ),
    (
        "3.3",
        "ONLINE",
        "Hồ sơ nộp trực tuyến",
        "Dossiers submitted online",
        i::ONLINE,
        6.0,
        50.0,
        NotMeasured,
    ),
    (
        "3.5",
        "TTTT",
        "TTHC tích hợp thanh toán trực tuyến",
        "Procedures with integrated online payment",
        i::PAYMENT_INTEGRATED,
        4.0,
        80.0,
        NotMeasured,
    ),
    (
        "3.6",
        "TTTT",
        "Hồ sơ thanh toán trực tuyến",
        "Dossiers paid online",
        i::ONLINE_PAYMENTS,
        6.0,
        100.0,
        NotMeasured,
    ),
    (
        "4.1",
        "MDSH",
        "Hồ sơ có kết quả điện tử",
        "Dossiers with an electronic result",
        i::ELECTRONIC_RESULTS,
        6.0,
        100.0,
        NotMeasured,
    ),
    (
        "4.2",
        "MDSH",
        "Hồ sơ thực hiện số hóa",
        "Dossiers digitised",
        i::DIGITISED,
        4.0,
        80.0,
        NotMeasured,
    ),
    (
        "4.3",
        "MDSH",
        "Tái sử dụng dữ liệu số hóa",
        "Digitised data reused",
        i::REUSED,
        4.0,
        80.0,
        NotMeasured,
    ),
    (
        "4.4",
        "MDSH",
        "Số hóa có kết nối, chia sẻ",
        "Digitised data connected and shared",
        i::SHARED,
        4.0,
        100.0,
        NotMeasured,
    ),
    (
        "4.5",
        "MDSH",
        "Sử dụng dữ liệu dân cư",
        "Population data used",
        i::POPULATION_DATA,
        4.0,
        100.0,
        NotMeasured,
    ),
    (
        "5.1",
        "MDHL",
        "Phản ánh, kiến nghị xử lý đúng hạn",
        "Feedback handled on time",
        i::FEEDBACK_ON_TIME,
        6.0,
        100.0,
        NotMeasured,
    ),
    (
        "5.2",
        "MDHL",
        "Hài lòng trong xử lý phản ánh, kiến nghị",
        "Satisfaction with feedback handling",
        i::FEEDBACK_SATISFACTION,
        6.0,
        100.0,
        NotMeasured,
    ),
    (
        "5.3",
        "MDHL",
        "Hài lòng trong tiếp nhận, giải quyết TTHC",
        "Satisfaction with procedures",
        i::PROCEDURE_SATISFACTION,
        6.0,
        90.0,
        NotMeasured,
    ),
];

fn table(version: &str, description: &str, rows: &[Row]) -> Methodology {
    Methodology {
        version: version.into(),
        description: description.into(),
        total: 100.0,
        groups: GROUPS
            .iter()
            .map(|&(code, vi, en, max)| GroupSpec {
                code: code.into(),
                name_vi: vi.into(),
                name_en: en.into(),
                max_points: max,
            })
            .collect(),
        indicators: rows
            .iter()
            .map(
                |&(id, group, vi, en, input, max, threshold, if_empty)| IndicatorSpec {
                    id: id.into(),
                    group: group.into(),
                    name_vi: vi.into(),
                    name_en: en.into(),
                    input: input.into(),
                    max_points: max,
                    threshold,
                    if_empty,
                },
            )
            .collect(),
    }
}

/// The input the portal's metric `code` fills (for the export reader), the
/// indicator ids of [`Methodology::dvcqg_2026_10`] being its codes.
pub(crate) fn dvcqg_metric_input(code: &str) -> Option<&'static str> {
    DVCQG_2026_10
        .iter()
        .find(|row| row.0 == code)
        .map(|row| row.4)
}

impl Methodology {
    /// The versions built in, the default first.
    pub const VERSIONS: &'static [&'static str] = &["766-dvcqg-2026-10", "766-2022-default-1"];

    /// The default: the portal's own scoring, [`Methodology::dvcqg_2026_10`].
    pub fn default_766() -> Self {
        Self::dvcqg_2026_10()
    }

    /// The national portal's scoring as of October 2026 (version
    /// `766-dvcqg-2026-10`); see the table's sources and fitted rules in
    /// this module.
    pub fn dvcqg_2026_10() -> Self {
        table(
            "766-dvcqg-2026-10",
            "The national portal's scoring of Decision 766/QĐ-TTg, fitted to its published points for every unit of Gia Lai on 10/10/2026 (duynghiaqn/Crawler-766, data/gia_lai/details_GiaLai_10102026.json)",
            &DVCQG_2026_10,
        )
    }

    /// The first version's reading of the 2022 decision (version
    /// `766-2022-default-1`), an alternative for old comparisons.
    pub fn decision_766_2022() -> Self {
        table(
            "766-2022-default-1",
            "Decision 766/QĐ-TTg (2022) as far as published; per-indicator points are assumptions (see motcua::index::Methodology::decision_766_2022)",
            &DECISION_766_2022,
        )
    }

    /// A built-in methodology by version; an unknown version is an error
    /// naming the known ones.
    pub fn builtin(version: &str) -> Result<Self> {
        match version {
            "766-dvcqg-2026-10" => Ok(Self::dvcqg_2026_10()),
            "766-2022-default-1" => Ok(Self::decision_766_2022()),
            other => Err(invalid(format!(
                "unknown version {other:?}; built in: {}",
                crate::wire::one_of(Self::VERSIONS)
            ))),
        }
    }

    /// Checks points and thresholds (positive, in hundredths, an
    /// indicator worth at most a million points), distinct
    /// ids and group codes, indicators of known groups whose points sum to
    /// their group's, and groups that sum to the stated total.
    pub fn validate(&self) -> Result<()> {
        for (i, spec) in self.indicators.iter().enumerate() {
            if !matches!(hundredths(spec.max_points), Some(h) if h > 0 && h <= MAX_POINTS * 100) {
                return Err(invalid(format!(
                    "indicators[{i}].max_points: {} must be in (0, {MAX_POINTS}], in hundredths",
                    Decimal(spec.max_points)
                )));
            }
            if !matches!(hundredths(spec.threshold), Some(h) if h > 0 && h <= 10_000) {
                return Err(invalid(format!(
                    "indicators[{i}].threshold: {} must be in (0, 100], in hundredths",
                    Decimal(spec.threshold)
                )));
            }
            if !self.groups.iter().any(|g| g.code == spec.group) {
                return Err(invalid(format!(
                    "indicators[{i}].group: {:?} is not a group: expected {}",
                    spec.group,
                    self.group_codes()
                )));
            }
        }
        if let Some(i) = crate::ids::first_repeated(self.indicators.iter().map(|s| &*s.id)) {
            return Err(invalid(format!(
                "indicators[{i}].id: {:?} is listed twice",
                self.indicators[i].id
            )));
        }
        if let Some(i) = crate::ids::first_repeated(self.groups.iter().map(|g| &*g.code)) {
            return Err(invalid(format!(
                "groups[{i}].code: {:?} is listed twice",
                self.groups[i].code
            )));
        }
        for (i, group) in self.groups.iter().enumerate() {
            let sum: f64 = self
                .indicators
                .iter()
                .filter(|s| s.group == group.code)
                .map(|s| s.max_points)
                .sum();
            if (sum - group.max_points).abs() > 1e-9 {
                return Err(invalid(format!(
                    "groups[{i}]: the indicators of {} sum to {} points, but its max_points is {}",
                    group.code,
                    Decimal(sum),
                    Decimal(group.max_points)
                )));
            }
        }
        let sum: f64 = self.groups.iter().map(|g| g.max_points).sum();
        if (sum - self.total).abs() > 1e-9 {
            return Err(invalid(format!(
                "groups sum to {} points, but the stated total is {}",
                Decimal(sum),
                Decimal(self.total)
            )));
        }
        Ok(())
    }

    fn group_codes(&self) -> String {
        let codes: Vec<&str> = self.groups.iter().map(|g| &*g.code).collect();
        crate::wire::one_of(&codes)
    }
}
