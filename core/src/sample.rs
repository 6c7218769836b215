//! A sample provincial Public Administrative Service Center, generated
//! deterministically from a seed: a catalog of procedures across agencies
//! and fields, and a quarter's stream of dossiers with their event logs.
//!
//! The default scale and mix follow the figures provincial centers publish
//! (one province's quarter): about 23,700 dossiers a quarter, 87.6 %
//! online, almost all on time. The procedures, durations, fees and
//! workflows are **illustrative**, shaped like provincial catalogs (civil
//! status and certification the same day with a 15:00 cut-off, business
//! registration in 3 working days, construction permits in calendar days,
//! land in tens of days), not an official catalog.

use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::calendar::{Calendar, WorkingTime};
use crate::decimal::Decimal;
use crate::dossier::{Dossier, DossierCodeGenerator};
use crate::error::Result;
use crate::procedure::{Catalog, Channel, Procedure};

/// A small deterministic generator (SplitMix64): the same seed gives the
/// same center on every machine and runtime.
#[derive(Debug, Clone)]
pub struct SampleRng(u64);

impl SampleRng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// The shape of the generated center.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleConfig {
    /// Seed.
    pub seed: u64,
    /// First day of the quarter generated.
    pub first: NaiveDate,
    /// Last day.
    pub last: NaiveDate,
    /// Dossiers received over the period.
    pub dossiers: u32,
    /// Days before the period also generated, at the same daily rate, so
    /// that the period starts with dossiers carried over.
    pub lead_in_days: u32,
    /// Share received online.
    pub online_share: f64,
    /// Share received by public postal service (the rest at the desk).
    pub postal_share: f64,
    /// Share with a supplement request.
    pub supplement_share: f64,
    /// Share whose processing is stopped (status 8).
    pub suspension_share: f64,
    /// Share withdrawn by the applicant.
    pub withdrawal_share: f64,
    /// Share that ends late.
    pub late_share: f64,
    /// The receiving center's dotted agency code.
    pub agency_code: String,
}

impl SampleConfig {
    /// The seeds' quarter: 23,700 dossiers, 87.6 % online, 99.9 % on time,
    /// over the third quarter of 2026.
    pub fn quarter(seed: u64) -> Self {
        Self {
            seed,
            first: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap_or_default(),
            last: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap_or_default(),
            dossiers: 23_700,
            lead_in_days: 30,
            online_share: 0.876,
            postal_share: 0.02,
            supplement_share: 0.04,
            suspension_share: 0.005,
            withdrawal_share: 0.003,
            late_share: 0.001,
            agency_code: "000.00.06.H56".into(),
        }
    }
}

/// A workflow step: id, name, unit, budget.
type Step = (&'static str, &'static str, &'static str, f64);

/// `(code, name, field, agency, processing time JSON, fees JSON, workflow
/// steps, relative demand)`: civil status and certification dominate a
/// center's counters.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [Step],
    u64,
);

/// The sample catalog (illustrative, see the module documentation).
const CATALOG: &[Row] = &[
    (
        "2.000001",
        "Đăng ký khai sinh",
        "Hộ tịch",
        "Sở Tư pháp",
        r#"{"kind": "same_day", "cutoff": "15:00"}"#,
        "[]",
        &[],
        30,
    ),
    (
        "2.000002",
        "Chứng thực bản sao từ bản chính",
        "Chứng thực",
        "Sở Tư pháp",
        r#"{"kind": "same_day", "cutoff": "15:00"}"#,
        r#"[{"kind": "fee", "name": "Phí chứng thực", "amount_vnd": 2000}]"#,
        &[],
        25,
    ),
    (
        "2.000003",
        "Cấp phiếu lý lịch tư pháp",
        "Lý lịch tư pháp",
        "Sở Tư pháp",
        r#"{"kind": "working_days", "days": 10}"#,
        r#"[{"kind": "fee", "name": "Phí cung cấp thông tin lý lịch tư pháp", "amount_vnd": 200000}]"#,
        &[
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
        8,
    ),
    (
        "2.000004",
        "Đăng ký thành lập doanh nghiệp",
        "Thành lập và hoạt động doanh nghiệp",
        "Sở Kế hoạch và Đầu tư",
        r#"{"kind": "working_days", "days": 3}"#,
        r#"[{"kind": "charge", "name": "Lệ phí đăng ký doanh nghiệp", "amount_vnd": 50000}]"#,
        &[
            ("reception", "Tiếp nhận", "Trung tâm PVHCC", 0.5),
            ("review", "Thẩm định", "Phòng Đăng ký kinh doanh", 2.0),
            ("sign", "Ký duyệt", "Lãnh đạo Phòng", 0.5),
        ],
        6,
    ),
    (
        "2.000005",
        "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
        "Thành lập và hoạt động doanh nghiệp",
        "Sở Kế hoạch và Đầu tư",
        r#"{"kind": "working_days", "days": 3}"#,
        r#"[{"kind": "charge", "name": "Lệ phí đăng ký", "amount_vnd": 50000}]"#,
        &[],
        6,
    ),
    (
        "2.000006",
        "Cấp giấy phép xây dựng",
        "Hoạt động xây dựng",
        "Sở Xây dựng",
        r#"{"kind": "working_days", "days": 15}"#,
        r#"[{"kind": "charge", "name": "Lệ phí cấp giấy phép xây dựng", "amount_vnd": 75000}]"#,
        &[
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
        3,
    ),
    (
        "2.000007",
        "Đổi giấy phép lái xe",
        "Đường bộ",
        "Sở Giao thông vận tải",
        r#"{"kind": "working_days", "days": 5}"#,
        r#"[{"kind": "charge", "name": "Lệ phí cấp đổi giấy phép lái xe", "amount_vnd": 135000}]"#,
        &[],
        8,
    ),
    (
        "2.000008",
        "Đăng ký biến động quyền sử dụng đất",
        "Đất đai",
        "Sở Tài nguyên và Môi trường",
        r#"{"kind": "working_days", "days": 10}"#,
        r#"[{"kind": "charge", "name": "Lệ phí địa chính", "amount_vnd": 30000}]"#,
        &[
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
        7,
    ),
    (
        "2.000009",
        "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh",
        "Khám bệnh, chữa bệnh",
        "Sở Y tế",
        r#"{"kind": "calendar_days", "days": 30}"#,
        r#"[{"kind": "fee", "name": "Phí thẩm định", "amount_vnd": 360000}]"#,
        &[],
        2,
    ),
    (
        "2.000010",
        "Cấp giấy phép lao động cho người nước ngoài",
        "Việc làm",
        "Sở Lao động - Thương binh và Xã hội",
        r#"{"kind": "working_days", "days": 5}"#,
        r#"[{"kind": "charge", "name": "Lệ phí cấp giấy phép lao động", "amount_vnd": 400000}]"#,
        &[],
        1,
    ),
    (
        "2.000011",
        "Cấp giấy chứng nhận đủ điều kiện kinh doanh xăng dầu",
        "Lưu thông hàng hóa",
        "Sở Công Thương",
        r#"{"kind": "working_days", "days": 15}"#,
        r#"[{"kind": "fee", "name": "Phí thẩm định", "amount_vnd": 1200000}]"#,
        &[],
        1,
    ),
    (
        "2.000012",
        "Giải quyết trợ cấp thất nghiệp",
        "Việc làm",
        "Sở Lao động - Thương binh và Xã hội",
        r#"{"kind": "working_days", "days": 20}"#,
        "[]",
        &[],
        3,
    ),
];

/// The sample catalog.
pub fn catalog() -> Result<Catalog> {
    let mut catalog = Catalog::default();
    for &(code, name, field, agency, time, fees, steps, _) in CATALOG {
        let workflow: Vec<String> = steps
            .iter()
            .map(|&(id, step, unit, budget)| {
                let budget = Decimal(budget);
                format!(
                    r#"{{"id": "{id}", "name": "{step}", "agency": "{unit}", "budget": {budget}}}"#
                )
            })
            .collect();
        let json = format!(
            r#"{{"code": "{code}", "name": "{name}", "field": "{field}", "agency": "{agency}",
                "processing_time": {time}, "fees": {fees}, "workflow": [{}],
                "online_level": "full_process"}}"#,
            workflow.join(", ")
        );
        catalog.insert(Procedure::from_json(&json)?)?;
    }
    Ok(catalog)
}

/// A working instant of `day` (07:30–11:30 or 13:00–17:00), uniformly.
fn working_instant(rng: &mut SampleRng, day: NaiveDate) -> NaiveDateTime {
    let minute = rng.below(480) as u32;
    let minutes_from_midnight = if minute < 240 {
        450 + minute
    } else {
        780 + minute - 240
    };
    day.and_time(
        NaiveTime::from_num_seconds_from_midnight_opt(minutes_from_midnight * 60, 0)
            .unwrap_or_default(),
    )
}

/// Generates the center's dossiers in reception order (the lead-in first),
/// calling `each` for every dossier (constant memory, whatever the scale).
pub fn generate(
    config: &SampleConfig,
    calendar: &Calendar,
    mut each: impl FnMut(Dossier) -> Result<()>,
) -> Result<()> {
    let catalog = catalog()?;
    let procedures: Vec<(Arc<Procedure>, u64)> = CATALOG
        .iter()
        .map(|row| Ok((Arc::new(catalog.get(row.0)?.clone()), row.7)))
        .collect::<Result<_>>()?;
    let weight_total: u64 = procedures.iter().map(|(_, w)| w).sum();
    let mut rng = SampleRng::new(config.seed);
    let mut codes = DossierCodeGenerator::new();
    let working = |d: &NaiveDate| calendar.is_working_day(*d).unwrap_or(false);
    let in_period = config
        .first
        .iter_days()
        .take_while(|d| *d <= config.last)
        .filter(working)
        .count();
    if in_period == 0 {
        return Ok(());
    }
    let per_day = f64::from(config.dossiers) / in_period as f64;
    let start = config.first - Duration::days(i64::from(config.lead_in_days));
    let days: Vec<NaiveDate> = start
        .iter_days()
        .take_while(|d| *d <= config.last)
        .filter(working)
        .collect();
    let total = (per_day * days.len() as f64).round() as u32;
    let mut made = 0u32;
    for (i, day) in days.iter().enumerate() {
        let target = (((i + 1) as f64 * per_day).round() as u32).min(total);
        let mut arrivals: Vec<NaiveDateTime> = (made..target)
            .map(|_| working_instant(&mut rng, *day))
            .collect();
        arrivals.sort();
        made = target;
        for received in arrivals {
            let mut pick = rng.below(weight_total);
            let index = procedures
                .iter()
                .position(|(_, w)| {
                    if pick < *w {
                        true
                    } else {
                        pick -= w;
                        false
                    }
                })
                .unwrap_or(0);
            let procedure = procedures[index].0.clone();
            let roll = rng.unit();
            let channel = if roll < config.online_share {
                Channel::Online
            } else if roll < config.online_share + config.postal_share {
                Channel::Postal
            } else {
                Channel::Direct
            };
            let code = codes.next(&config.agency_code, *day)?;
            let dossier = one_dossier(
                &mut rng, config, calendar, procedure, code, channel, received,
            )?;
            each(dossier)?;
        }
    }
    Ok(())
}

/// One dossier's life: submission (online), acceptance, workflow, the odd
/// supplement, suspension or withdrawal, resolution and return.
fn one_dossier(
    rng: &mut SampleRng,
    config: &SampleConfig,
    calendar: &Calendar,
    procedure: Arc<Procedure>,
    code: crate::dossier::DossierCode,
    channel: Channel,
    received: NaiveDateTime,
) -> Result<Dossier> {
    let mut d = if channel == Channel::Online {
        let submitted = received - Duration::minutes(5 + rng.below(600) as i64);
        let mut d = Dossier::submit(
            procedure.clone(),
            calendar,
            code,
            channel,
            submitted,
            "portal",
        )?;
        d.accept(received, "officer")?;
        d
    } else {
        Dossier::receive(
            procedure.clone(),
            calendar,
            code,
            channel,
            received,
            "officer",
        )?
    };
    let Some(due) = d.due_at() else { return Ok(d) };
    let allowed = calendar
        .working_time_between(received, due)?
        .seconds()
        .max(60);
    let at_share = |share: f64| -> Result<NaiveDateTime> {
        calendar.add_working_time(
            received,
            WorkingTime::from_seconds(((allowed as f64) * share).max(60.0) as i64),
        )
    };
    let mut now = received;
    for step in &procedure.workflow {
        d.route(now, "officer", &step.id)?;
        now = now.max(at_share(0.05 + 0.1 * rng.unit())?);
    }
    let roll = rng.unit();
    if roll < config.withdrawal_share {
        d.withdraw(at_share(0.3)?.max(now), "citizen")?;
        return Ok(d);
    }
    if roll < config.withdrawal_share + config.supplement_share {
        let asked = at_share(0.2 * rng.unit())?.max(now);
        d.request_supplement(asked, "officer", "Bổ sung giấy tờ còn thiếu")?;
        now = calendar.add_working_time(
            asked,
            WorkingTime::from_seconds(3600 * (2 + rng.below(30) as i64)),
        )?;
        d.complete_supplement(now, "citizen")?;
    } else if roll < config.withdrawal_share + config.supplement_share + config.suspension_share {
        // Status 8 ends processing (the default stop policy): the
        // dossier is stopped, counted apart like a withdrawn one.
        let stopped = at_share(0.3)?.max(now);
        d.suspend(
            stopped,
            "officer",
            "Hồ sơ không đủ điều kiện tiếp tục giải quyết",
        )?;
        return Ok(d);
    }
    let due = d.due_at().unwrap_or(due);
    let late = rng.unit() < config.late_share;
    let end = if late {
        calendar.add_working_time(
            due,
            WorkingTime::from_seconds(3600 * (1 + rng.below(24) as i64)),
        )?
    } else {
        let left = calendar.working_time_between(now, due)?.seconds().max(0);
        calendar
            .add_working_time(
                now,
                WorkingTime::from_seconds(
                    ((left as f64) * (0.3 + 0.7 * rng.unit())).max(60.0) as i64
                ),
            )?
            .min(due)
    };
    d.resolve(end.max(now), "officer")?;
    let returned =
        calendar.next_working_instant(end.max(now) + Duration::hours(1 + rng.below(20) as i64))?;
    d.return_result(returned, "officer")?;
    Ok(d)
}
