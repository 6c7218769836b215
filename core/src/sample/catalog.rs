//! The sample province's procedures: those its departments resolve at the
//! provincial center, and those every commune resolves at its own center
//! (two-tier government since 01/07/2025). Illustrative, see the module
//! documentation of [`super`]; the departments are named as after the
//! 2025 reorganisation (planning and investment into finance, transport
//! into construction, natural resources into agriculture and environment,
//! labour into home affairs).

use crate::decimal::Decimal;
use crate::error::Result;
use crate::procedure::{Catalog, Level, Procedure};

/// A workflow step: id, name, unit, budget.
type Step = (&'static str, &'static str, &'static str, f64);

/// One procedure of the sample catalog.
pub(super) struct SampleProcedure {
    pub code: &'static str,
    name: &'static str,
    field: &'static str,
    pub level: Level,
    pub agency: &'static str,
    /// Processing time, as JSON.
    time: &'static str,
    /// Fees, as JSON.
    fees: &'static str,
    /// The documents to bring, where a law lists them (see each list's
    /// source); empty elsewhere in this illustrative catalog.
    documents: &'static [&'static str],
    steps: &'static [Step],
    /// Relative demand: civil status and certification dominate a
    /// commune's counters, business and land the province's.
    pub demand: u64,
    /// The publication decision's date and the day it was made public on
    /// the national database (`None`: not yet), for a legal basis taking
    /// effect on [`LEGAL_BASIS_EFFECTIVE`]; and whether every component
    /// was published. A province must decide 5 working days before the
    /// legal basis takes effect (Wed 24/06/2026 here) and make it public
    /// within 5 working days.
    publication: (&'static str, Option<&'static str>, bool),
    payment_on_portal: bool,
    population_data: bool,
    /// Its dossiers may ask for an electronic certified copy.
    pub certified_copy: bool,
}

/// The day the procedures' legal basis takes effect.
const LEGAL_BASIS_EFFECTIVE: &str = "2026-07-01";

/// The agency of every commune-level procedure: each commune's people's
/// committee ([`crate::unit::Unit::implements`]).
pub(super) const COMMUNE_AGENCY: &str = "UBND cấp xã";

const SAME_DAY: &str = r#"{"kind": "same_day", "cutoff": "15:00"}"#;

/// Birth registration: the declaration and the birth certificate, or in
/// its place a witness's statement or a commitment (Law on Civil Status
/// 60/2014/QH13 of 20/11/2014, Art. 16(1)).
const BIRTH: &[&str] = &[
    "Tờ khai đăng ký khai sinh (theo mẫu)",
    "Giấy chứng sinh (không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh)",
];

/// Marriage registration: the two spouses' declaration, both present
/// (Law on Civil Status 60/2014/QH13, Art. 18(1), as for [`BIRTH`]).
const MARRIAGE: &[&str] = &["Tờ khai đăng ký kết hôn (theo mẫu), hai bên cùng có mặt"];

/// A certified copy from the original: the original and the copies
/// (Decree 23/2015/NĐ-CP of 16/02/2015 on certification, Art. 18(1)).
const COPY: &[&str] = &[
    "Bản chính giấy tờ, văn bản làm cơ sở chứng thực",
    "Bản sao cần chứng thực",
];

/// A signature certification: an identity paper still valid and the
/// paper to be signed (Decree 23/2015/NĐ-CP, Art. 24(1), as for [`COPY`]).
const SIGNATURE: &[&str] = &[
    "Giấy tờ tùy thân còn giá trị sử dụng (bản chính hoặc bản sao có chứng thực)",
    "Giấy tờ, văn bản sẽ ký",
];

/// The sample catalog (illustrative).
pub(super) const CATALOG: &[SampleProcedure] = &[
    SampleProcedure {
        code: "2.000001",
        name: "Đăng ký khai sinh",
        field: "Hộ tịch",
        level: Level::Commune,
        agency: COMMUNE_AGENCY,
        time: SAME_DAY,
        fees: "[]",
        documents: BIRTH,
        steps: &[],
        demand: 30,
        publication: ("2026-06-19", Some("2026-06-24"), true),
        payment_on_portal: false,
        population_data: true,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000002",
        name: "Chứng thực bản sao từ bản chính",
        field: "Chứng thực",
        level: Level::Commune,
        agency: COMMUNE_AGENCY,
        time: SAME_DAY,
        fees: r#"[{"kind": "fee", "name": "Phí chứng thực", "amount_vnd": 2000}]"#,
        documents: COPY,
        steps: &[],
        demand: 40,
        publication: ("2026-06-19", Some("2026-06-24"), true),
        payment_on_portal: true,
        population_data: true,
        certified_copy: true,
    },
    SampleProcedure {
        code: "2.000003",
        name: "Cấp phiếu lý lịch tư pháp",
        field: "Lý lịch tư pháp",
        level: Level::Province,
        agency: "Sở Tư pháp",
        time: r#"{"kind": "working_days", "days": 10}"#,
        fees: r#"[{"kind": "fee", "name": "Phí cung cấp thông tin lý lịch tư pháp", "amount_vnd": 200000}]"#,
        documents: &[],
        steps: &[
            ("reception", "Tiếp nhận", "Trung tâm PVHCC", 0.5),
            (
                "verify",
                "Tra cứu, xác minh",
                "Phòng Hành chính tư pháp",
                8.0,
            ),
            ("sign", "Ký duyệt", "Lãnh đạo Sở", 1.0),
            ("return", "Trả kết quả", "Trung tâm PVHCC", 0.5),
        ],
        demand: 8,
        publication: ("2026-06-19", Some("2026-06-25"), true),
        payment_on_portal: true,
        population_data: true,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000004",
        name: "Đăng ký thành lập doanh nghiệp",
        field: "Thành lập và hoạt động doanh nghiệp",
        level: Level::Province,
        agency: "Sở Tài chính",
        time: r#"{"kind": "working_days", "days": 3}"#,
        fees: r#"[{"kind": "charge", "name": "Lệ phí đăng ký doanh nghiệp", "amount_vnd": 50000}]"#,
        documents: &[],
        steps: &[
            ("reception", "Tiếp nhận", "Trung tâm PVHCC", 0.5),
            ("review", "Thẩm định", "Phòng Đăng ký kinh doanh", 2.0),
            ("sign", "Ký duyệt", "Lãnh đạo Phòng", 0.5),
        ],
        demand: 6,
        publication: ("2026-06-22", Some("2026-06-26"), true),
        payment_on_portal: true,
        population_data: true,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000005",
        name: "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
        field: "Thành lập và hoạt động doanh nghiệp",
        level: Level::Province,
        agency: "Sở Tài chính",
        time: r#"{"kind": "working_days", "days": 3}"#,
        fees: r#"[{"kind": "charge", "name": "Lệ phí đăng ký", "amount_vnd": 50000}]"#,
        documents: &[],
        steps: &[],
        demand: 6,
        publication: ("2026-06-29", Some("2026-07-03"), true),
        payment_on_portal: true,
        population_data: false,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000006",
        name: "Cấp giấy phép xây dựng",
        field: "Hoạt động xây dựng",
        level: Level::Province,
        agency: "Sở Xây dựng",
        time: r#"{"kind": "working_days", "days": 15}"#,
        fees: r#"[{"kind": "charge", "name": "Lệ phí cấp giấy phép xây dựng", "amount_vnd": 75000}]"#,
        documents: &[],
        steps: &[
            ("reception", "Tiếp nhận", "Trung tâm PVHCC", 0.5),
            (
                "review",
                "Thẩm định hồ sơ, kiểm tra thực địa",
                "Phòng Quản lý xây dựng",
                12.0,
            ),
            ("sign", "Ký duyệt", "Lãnh đạo Sở", 2.0),
            ("return", "Trả kết quả", "Trung tâm PVHCC", 0.5),
        ],
        demand: 3,
        publication: ("2026-06-19", Some("2026-07-06"), false),
        payment_on_portal: false,
        population_data: false,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000007",
        name: "Đổi giấy phép lái xe",
        field: "Đường bộ",
        level: Level::Province,
        agency: "Sở Xây dựng",
        time: r#"{"kind": "working_days", "days": 5}"#,
        fees: r#"[{"kind": "charge", "name": "Lệ phí cấp đổi giấy phép lái xe", "amount_vnd": 135000}]"#,
        documents: &[],
        steps: &[],
        demand: 8,
        publication: ("2026-06-19", Some("2026-06-24"), true),
        payment_on_portal: true,
        population_data: true,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000008",
        name: "Đăng ký biến động quyền sử dụng đất",
        field: "Đất đai",
        level: Level::Province,
        agency: "Sở Nông nghiệp và Môi trường",
        time: r#"{"kind": "working_days", "days": 10}"#,
        fees: r#"[{"kind": "charge", "name": "Lệ phí địa chính", "amount_vnd": 30000}]"#,
        documents: &[],
        steps: &[
            ("reception", "Tiếp nhận", "Trung tâm PVHCC", 0.5),
            (
                "review",
                "Thẩm định, cập nhật hồ sơ địa chính",
                "Văn phòng Đăng ký đất đai",
                8.0,
            ),
            ("sign", "Ký duyệt", "Lãnh đạo Văn phòng", 1.0),
            ("return", "Trả kết quả", "Trung tâm PVHCC", 0.5),
        ],
        demand: 7,
        publication: ("2026-06-29", None, true),
        payment_on_portal: false,
        population_data: true,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000009",
        name: "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh",
        field: "Khám bệnh, chữa bệnh",
        level: Level::Province,
        agency: "Sở Y tế",
        time: r#"{"kind": "calendar_days", "days": 30}"#,
        fees: r#"[{"kind": "fee", "name": "Phí thẩm định", "amount_vnd": 360000}]"#,
        documents: &[],
        steps: &[],
        demand: 2,
        publication: ("2026-06-19", Some("2026-06-24"), true),
        payment_on_portal: true,
        population_data: false,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000010",
        name: "Cấp giấy phép lao động cho người nước ngoài",
        field: "Việc làm",
        level: Level::Province,
        agency: "Sở Nội vụ",
        time: r#"{"kind": "working_days", "days": 5}"#,
        fees: r#"[{"kind": "charge", "name": "Lệ phí cấp giấy phép lao động", "amount_vnd": 400000}]"#,
        documents: &[],
        steps: &[],
        demand: 1,
        publication: ("2026-06-19", Some("2026-06-24"), true),
        payment_on_portal: false,
        population_data: false,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000011",
        name: "Cấp giấy chứng nhận đủ điều kiện kinh doanh xăng dầu",
        field: "Lưu thông hàng hóa",
        level: Level::Province,
        agency: "Sở Công Thương",
        time: r#"{"kind": "working_days", "days": 15}"#,
        fees: r#"[{"kind": "fee", "name": "Phí thẩm định", "amount_vnd": 1200000}]"#,
        documents: &[],
        steps: &[],
        demand: 1,
        publication: ("2026-06-24", Some("2026-06-30"), true),
        payment_on_portal: true,
        population_data: false,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000012",
        name: "Giải quyết trợ cấp thất nghiệp",
        field: "Việc làm",
        level: Level::Province,
        agency: "Sở Nội vụ",
        time: r#"{"kind": "working_days", "days": 20}"#,
        fees: "[]",
        documents: &[],
        steps: &[],
        demand: 3,
        publication: ("2026-06-19", Some("2026-06-24"), true),
        payment_on_portal: false,
        population_data: true,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000013",
        name: "Đăng ký kết hôn",
        field: "Hộ tịch",
        level: Level::Commune,
        agency: COMMUNE_AGENCY,
        time: SAME_DAY,
        fees: "[]",
        documents: MARRIAGE,
        steps: &[],
        demand: 8,
        publication: ("2026-06-19", Some("2026-06-24"), true),
        payment_on_portal: false,
        population_data: true,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000014",
        name: "Cấp giấy xác nhận tình trạng hôn nhân",
        field: "Hộ tịch",
        level: Level::Commune,
        agency: COMMUNE_AGENCY,
        time: r#"{"kind": "working_days", "days": 3}"#,
        fees: r#"[{"kind": "charge", "name": "Lệ phí hộ tịch", "amount_vnd": 5000}]"#,
        documents: &[],
        steps: &[],
        demand: 12,
        publication: ("2026-06-29", Some("2026-07-02"), true),
        payment_on_portal: true,
        population_data: true,
        certified_copy: false,
    },
    SampleProcedure {
        code: "2.000015",
        name: "Chứng thực chữ ký trong các giấy tờ, văn bản",
        field: "Chứng thực",
        level: Level::Commune,
        agency: COMMUNE_AGENCY,
        time: SAME_DAY,
        fees: r#"[{"kind": "fee", "name": "Phí chứng thực", "amount_vnd": 10000}]"#,
        documents: SIGNATURE,
        steps: &[],
        demand: 10,
        publication: ("2026-06-19", Some("2026-06-24"), true),
        payment_on_portal: false,
        population_data: false,
        certified_copy: false,
    },
];

impl SampleProcedure {
    /// The procedure as a catalog document.
    fn to_json(&self) -> String {
        let workflow: Vec<String> = self
            .steps
            .iter()
            .map(|&(id, step, unit, budget)| {
                let budget = Decimal(budget);
                format!(
                    r#"{{"id": "{id}", "name": "{step}", "agency": "{unit}", "budget": {budget}}}"#
                )
            })
            .collect();
        let (decision, made_public, full) = self.publication;
        let made_public = made_public.map_or("null".to_owned(), |d| format!("\"{d}\""));
        format!(
            r#"{{"code": "{}", "name": "{}", "field": "{}", "level": "{}", "agency": "{}",
                "processing_time": {}, "fees": {}, "documents": {}, "workflow": [{}],
                "online_level": "full_process",
                "publication": {{"legal_basis_effective": "{LEGAL_BASIS_EFFECTIVE}",
                    "decision_date": "{decision}", "made_public": {made_public},
                    "full_content": {full}}},
                "payment_on_portal": {}, "population_data": {}}}"#,
            self.code,
            self.name,
            self.field,
            self.level.code(),
            self.agency,
            self.time,
            self.fees,
            json_strings(self.documents),
            workflow.join(", "),
            self.payment_on_portal,
            self.population_data,
        )
    }
}

/// `items` as a JSON array of strings (the sample's texts hold no quote or
/// backslash).
fn json_strings(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// The sample catalog.
pub fn catalog() -> Result<Catalog> {
    let mut catalog = Catalog::default();
    for p in CATALOG {
        catalog.insert(Procedure::from_json(&p.to_json())?)?;
    }
    Ok(catalog)
}
