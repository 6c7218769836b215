//! The README's main job: this year's official working calendar of the
//! state sector (holidays, substitute and swapped days, make-up Saturdays,
//! lunar Tết) and a few worked due dates with their lunar dates, on the
//! calendar data embedded in the library.
//!
//! `cargo run --release -p motcua-examples --bin working-calendar [YEAR]`
//! (the year defaults to the current one in Vietnam, UTC+7).

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use motcua::calendar::day::from_epoch_day;
use motcua::calendar::holidays::HolidayKind;
use motcua::calendar::lunar::{self, year_name};
use motcua::calendar::{Calendar, ScheduleSource};

fn weekday_vi(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ Nhật",
    }
}

fn kind_label(kind: HolidayKind) -> &'static str {
    match kind {
        HolidayKind::Statutory => "ngày lễ / statutory",
        HolidayKind::Substitute => "nghỉ bù / substitute",
        HolidayKind::Swapped => "hoán đổi / swapped",
        HolidayKind::MakeUp => "làm bù / make-up",
        HolidayKind::Closure => "nghỉ / closure",
        _ => "làm việc / working",
    }
}

fn lunar_of(d: NaiveDate) -> String {
    lunar::to_lunar(d).map_or_else(|e| format!("({e})"), |l| l.to_string())
}

/// Today's year in Vietnam (UTC+7), read here in the example: the library
/// itself never reads a clock.
fn this_year() -> i32 {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
        + 7 * 3600;
    from_epoch_day((seconds / 86_400) as i32).map_or(2026, |d| d.year())
}

fn print_year(cal: &Calendar, year: i32) -> Result<(), motcua::Error> {
    let tet = lunar::from_lunar(year, 1, 1, false)?;
    println!("Lịch làm việc năm {year} – khối hành chính nhà nước (Vietnam state-sector working calendar)");
    println!(
        "Tết Nguyên đán {}: {} {} (mùng 1 tháng Giêng)",
        year_name(year),
        weekday_vi(tet),
        tet.format("%d/%m/%Y")
    );
    let source = cal.schedule_source(year)?;
    match source {
        ScheduleSource::Official(_) | ScheduleSource::Loaded(_) => {
            println!("Lịch chính thức (official schedule), nguồn:");
            for s in source.sources_vi() {
                println!("  - {s}");
            }
        }
        ScheduleSource::Projected | ScheduleSource::None => println!(
            "Chưa có lịch chính thức: dự kiến theo Bộ luật Lao động (projected from the rules, provisional)"
        ),
    }
    println!();
    println!(
        "{:<10}  {:<9}  {:<10}  {:<21}  tên / name",
        "ngày", "thứ", "âm lịch", "loại / kind"
    );
    for h in cal.holidays(year)? {
        println!(
            "{:<10}  {:<9}  {:<10}  {:<21}  {} / {}{}",
            h.date.format("%d/%m/%Y").to_string(),
            weekday_vi(h.date),
            lunar_of(h.date),
            kind_label(h.kind),
            h.name_vi,
            h.name_en,
            if h.is_provisional() {
                " (dự kiến)"
            } else {
                ""
            }
        );
    }
    let (jan1, dec31) = (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    );
    let working = cal.working_days_between(jan1, dec31)? + i32::from(cal.is_working_day(jan1)?);
    println!("\nSố ngày làm việc trong năm (working days in {year}): {working}");
    Ok(())
}

fn print_due_dates(cal: &Calendar, year: i32) -> Result<(), motcua::Error> {
    println!("\nVí dụ ngày hẹn trả kết quả (worked due dates; 07:30–11:30, 13:00–17:00):");
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_default();
    let tet = lunar::from_lunar(year, 1, 1, false)?;
    let before_tet = cal.add_working_days(tet, -3)?;
    let cases: Vec<(String, NaiveDateTime, f64, f64)> = vec![
        (
            "phiếu hẹn mẫu / the receipt slip example".into(),
            at("2023-10-27 09:32"),
            5.0,
            0.0,
        ),
        (
            "ba ngày làm việc trước Tết / three working days before Tết".into(),
            before_tet.and_hms_opt(10, 15, 0).unwrap_or_default(),
            5.0,
            0.0,
        ),
        (
            "nhận lúc nghỉ trưa / received at lunch".into(),
            at(&format!("{year}-03-10 12:05")),
            0.0,
            4.0,
        ),
        (
            "nhận sau giờ làm việc / received after closing".into(),
            at(&format!("{year}-06-12 17:40")),
            2.0,
            0.0,
        ),
    ];
    for (label, received, days, hours) in cases {
        let duration = cal.working_duration(days, hours, 0.0)?;
        let due = cal.add_working_time(received, duration)?;
        let amount = if days > 0.0 {
            format!("{days} ngày làm việc")
        } else {
            format!("{hours} giờ làm việc")
        };
        println!("  {label}:");
        println!(
            "    nhận {} {} (âm lịch {}), {} → hẹn {} {} (âm lịch {})",
            weekday_vi(received.date()),
            received.format("%d/%m/%Y %H:%M"),
            lunar_of(received.date()),
            amount,
            weekday_vi(due.date()),
            due.format("%d/%m/%Y %H:%M"),
            lunar_of(due.date()),
        );
    }
    let filed = NaiveDate::from_ymd_opt(year, 8, 25).unwrap_or_default();
    let deadline = cal.add_calendar_days(filed, 7)?;
    println!(
        "  thời hạn 7 ngày (Bộ luật Dân sự) từ {} / 7 calendar days (Civil Code): hết hạn {} {} (âm lịch {})",
        filed.format("%d/%m/%Y"),
        weekday_vi(deadline),
        deadline.format("%d/%m/%Y"),
        lunar_of(deadline)
    );
    Ok(())
}

fn main() -> ExitCode {
    let year = match std::env::args().nth(1) {
        None => this_year(),
        Some(arg) => {
            match arg.parse::<i32>() {
                Ok(y) => y,
                Err(_) => {
                    eprintln!("usage: working-calendar [YEAR]  (YEAR is a number such as 2026, not {arg:?})");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let cal = Calendar::vietnam();
    match print_year(&cal, year).and_then(|()| print_due_dates(&cal, year)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}
