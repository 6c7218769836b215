//! Why a due date is what it is: the timeline of events and rules the clock
//! applied, readable in Vietnamese and English.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use serde::Serialize;

use super::clock::{Line, Notes};
use super::event::Event;
use super::status::Status;
use crate::calendar::holidays::{HolidayKind, Provenance};
use crate::calendar::{iso, Calendar, DataVersion, WorkingTime};
use crate::decimal::Decimal;
use crate::law::{Rule, RuleSet};
use crate::procedure::ProcessingTime;

/// A rule or event that moved the clock.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// The complete dossier was received.
    Received,
    /// Received on behalf of another unit: the clock waits for the
    /// competent agency.
    WaitingForCompetentAgency {
        /// The competent unit.
        unit: String,
    },
    /// The competent agency received the dossier: the clock starts.
    CompetentReceived,
    /// The rule set that governs the dossier, by its reception date.
    RuleSet {
        /// The rule set.
        rule_set: RuleSet,
    },
    /// The calendar data the due date is computed on: the embedded official
    /// schedules and any loaded document, each with its version and the
    /// date its notices were checked to.
    CalendarData {
        /// The data, in the order the calendar applies it.
        versions: Vec<DataVersion>,
        /// `false` for a calendar built without 24/11 (to compare old
        /// appointments), which the line then says.
        culture_day: bool,
    },
    /// Received outside the working sessions: the clock starts later.
    StartMoved {
        /// Where it starts.
        start: NaiveDateTime,
    },
    /// Received after the same-day cut-off: due the next working day.
    AfterCutoff,
    /// The processing time applied from the start.
    Duration {
        /// The time applied.
        time: ProcessingTime,
    },
    /// Weekday days off inside the counted span, skipped: one line per
    /// run of days off with no working day between them (Tết's five days
    /// read as one line, as a citizen reads them on a slip).
    DaysOffSkipped {
        /// The days, in order (at least one).
        days: Vec<DayOff>,
    },
    /// Calendar days: the last day is a day off, so the deadline is the
    /// end of the next working day (Civil Code 2015, art. 148).
    LastDayMoved {
        /// The last day of the span.
        last: NaiveDate,
        /// The working day the deadline moves to.
        to: NaiveDate,
    },
    /// A make-up Saturday inside the counted span, counted.
    MakeUpCounted {
        /// Its date.
        date: NaiveDate,
    },
    /// Supplement requested; the clock pauses.
    SupplementRequested {
        /// Requested more than 3 working days after reception.
        late: bool,
    },
    /// Paused for a financial obligation (6) or a suspension (8).
    Paused {
        /// The status that pauses.
        status: Status,
    },
    /// Processing stopped (status 8) under the stop policy `end`: the
    /// dossier ends without a timeliness.
    Stopped,
    /// The supplement completed: the full time counts again.
    Restarted {
        /// The rule set whose article it follows.
        rule_set: RuleSet,
    },
    /// A pause ended: the due date moves by its working time.
    Resumed {
        /// Start of the pause.
        since: NaiveDateTime,
        /// Its working time.
        paused: WorkingTime,
    },
    /// Apology and new appointment.
    Extended {
        /// The rule set whose article and form it follows.
        rule_set: RuleSet,
        /// The legal due date.
        old_due: NaiveDateTime,
        /// The new appointment.
        new_due: NaiveDateTime,
        /// Issued less than one working day before the due date.
        late: bool,
    },
    /// The result is ready.
    Resolved,
    /// An entry of the log corrected: voided, or amended into `corrected`
    /// (the line of the correction; the clock's lines follow the
    /// corrected history).
    Corrected {
        /// The corrected entry's index in the log.
        entry: usize,
        /// The entry as recorded.
        original: Box<Event>,
        /// What it counts as; `None` when voided.
        corrected: Option<Box<Event>>,
        /// Who made the correction.
        actor: String,
        /// Why.
        reason: String,
    },
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplanationEntry {
    /// When.
    #[serde(with = "iso::instant")]
    pub at: NaiveDateTime,
    /// Stable code of the rule or event (`start_moved`, `day_off_skipped`, …).
    pub rule: &'static str,
    /// Vietnamese text.
    pub vi: String,
    /// English text.
    pub en: String,
    /// The due date after this line, where it changed or was set.
    #[serde(with = "iso::instant_opt")]
    pub due_at: Option<NaiveDateTime>,
}

/// A day off skipped by a deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct DayOff {
    /// Its date.
    pub date: NaiveDate,
    /// Its Vietnamese name.
    pub name_vi: String,
    /// Its English name.
    pub name_en: String,
}

/// The names of a run of days off in one text, a name said once:
/// "Tết Nguyên đán (giao thừa)", "Tết Nguyên đán (mùng 1)" give
/// "Tết Nguyên đán (giao thừa, mùng 1)"; different holidays are listed
/// with commas.
fn merged_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    // (base name, its parenthesised details in order)
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for name in names {
        let (base, detail) = match name.strip_suffix(')').and_then(|n| n.split_once(" (")) {
            Some((base, detail)) => (base, Some(detail)),
            None => (name, None),
        };
        match groups.last_mut() {
            Some((b, details)) if *b == base => {
                details.extend(detail.filter(|d| !details.contains(d)));
            }
            _ => groups.push((base, detail.into_iter().collect())),
        }
    }
    let texts: Vec<String> = groups
        .into_iter()
        .map(|(base, details)| match details.as_slice() {
            [] => base.to_owned(),
            _ => format!("{base} ({})", details.join(", ")),
        })
        .collect();
    texts.join(", ")
}

/// The timeline of a due date.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Explanation {
    /// The lines, in order.
    pub entries: Vec<ExplanationEntry>,
}

fn vn(t: NaiveDateTime) -> String {
    format!(
        "{} {}",
        iso::format_time(t.time()),
        iso::format_vn_date(t.date())
    )
}

fn hours(w: WorkingTime) -> String {
    let h = Decimal(w.hours());
    if h.0.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h:.2}")
    }
}

impl Explanation {
    /// Adds a line.
    pub fn push(&mut self, at: NaiveDateTime, note: Note, due_at: Option<NaiveDateTime>) {
        let (rule, vi, en) = match &note {
            Note::Received => (
                "received",
                format!("Tiếp nhận hồ sơ đầy đủ lúc {}", vn(at)),
                format!("Complete dossier received at {}", vn(at)),
            ),
            Note::CalendarData {
                versions,
                culture_day,
            } => {
                let list = |vi: bool| -> String {
                    let one = |v: &DataVersion| {
                        let version = v.version.as_deref().unwrap_or("?");
                        let origin = match (vi, v.provenance) {
                            (true, Provenance::Official) => "dữ liệu chính thức",
                            (true, _) => "dữ liệu nạp",
                            (false, Provenance::Official) => "official data",
                            (false, _) => "loaded data",
                        };
                        let checked = if vi { "thông báo đến" } else { "notices to" };
                        let as_of = v.as_of.map_or(String::new(), |d| {
                            format!(" ({checked} {})", iso::format_vn_date(d))
                        });
                        format!("{origin} {version}{as_of}")
                    };
                    match versions.as_slice() {
                        [] if vi => "không có ngày nghỉ lễ".into(),
                        [] => "no national holidays".into(),
                        list => list.iter().map(one).collect::<Vec<_>>().join("; "),
                    }
                };
                let (without_vi, without_en) = match culture_day {
                    true => ("", ""),
                    false => (
                        "; không tính Ngày Văn hóa Việt Nam (24/11)",
                        "; without Vietnam Culture Day (24/11)",
                    ),
                };
                (
                    "calendar_data",
                    format!("Lịch làm việc: {}{without_vi}", list(true)),
                    format!("Working calendar: {}{without_en}", list(false)),
                )
            }
            Note::StartMoved { start } => (
                "start_moved",
                format!("Tiếp nhận ngoài giờ làm việc: thời hạn bắt đầu tính từ {}", vn(*start)),
                format!("Received outside working hours: the clock starts at {}", vn(*start)),
            ),
            Note::AfterCutoff => (
                "after_cutoff",
                "Tiếp nhận sau giờ giới hạn trong ngày: trả kết quả trong ngày làm việc tiếp theo".into(),
                "Received after the same-day cut-off: due the next working day".into(),
            ),
            Note::Duration {
                time: ProcessingTime::NoDeadline,
            } => (
                "duration",
                "Thủ tục không quy định thời hạn giải quyết: không có ngày hẹn trả".into(),
                "The procedure sets no processing time: there is no due date".into(),
            ),
            Note::Duration { time } => (
                "duration",
                format!(
                    "Thời hạn giải quyết {}{}",
                    time.text_vi(),
                    due_at.map_or(String::new(), |d| format!(": hẹn trả {}", vn(d)))
                ),
                format!(
                    "Processing time {}{}",
                    time.text_en(),
                    due_at.map_or(String::new(), |d| format!(": due {}", vn(d)))
                ),
            ),
            Note::DaysOffSkipped { days } => {
                let names_vi = merged_names(days.iter().map(|d| d.name_vi.as_str()));
                let names_en = merged_names(days.iter().map(|d| d.name_en.as_str()));
                match days.as_slice() {
                    [] | [_] => {
                        let date = days.first().map(|d| iso::format_vn_date(d.date)).unwrap_or_default();
                        (
                            "day_off_skipped",
                            format!("Không tính ngày nghỉ {date} ({names_vi})"),
                            format!("Day off {date} not counted ({names_en})"),
                        )
                    }
                    [first, .., last] => {
                        let (n, first, last) =
                            (days.len(), iso::format_vn_date(first.date), iso::format_vn_date(last.date));
                        (
                            "day_off_skipped",
                            format!("Không tính {n} ngày nghỉ từ {first} đến {last} ({names_vi})"),
                            format!("{n} days off from {first} to {last} not counted ({names_en})"),
                        )
                    }
                }
            }
            Note::LastDayMoved { last, to } => (
                "last_day_moved",
                format!(
                    "Ngày cuối của thời hạn {} là ngày nghỉ: thời hạn kết thúc vào ngày làm việc tiếp theo {} (Điều 148 Bộ luật Dân sự 2015)",
                    iso::format_vn_date(*last),
                    iso::format_vn_date(*to)
                ),
                format!(
                    "The last day {} is a day off: the deadline ends on the next working day {} (Civil Code 2015, art. 148)",
                    iso::format_vn_date(*last),
                    iso::format_vn_date(*to)
                ),
            ),
            Note::MakeUpCounted { date } => (
                "make_up_counted",
                format!("Tính thứ Bảy làm bù {}", iso::format_vn_date(*date)),
                format!("Make-up Saturday {} counted as a working day", iso::format_vn_date(*date)),
            ),
            Note::SupplementRequested { late } => (
                "supplement_requested",
                format!(
                    "Yêu cầu bổ sung hồ sơ lúc {}: tạm dừng tính thời hạn{}",
                    vn(at),
                    if *late { " (quá 03 ngày làm việc kể từ khi tiếp nhận)" } else { "" }
                ),
                format!(
                    "Supplement requested at {}: the clock pauses{}",
                    vn(at),
                    if *late { " (more than 3 working days after reception)" } else { "" }
                ),
            ),
            Note::Paused { status } => (
                "paused",
                format!("{} lúc {}: tạm dừng tính thời hạn", status.name_vi(), vn(at)),
                format!("{} at {}: the clock pauses", status.name_en(), vn(at)),
            ),
            Note::WaitingForCompetentAgency { unit } => (
                "waiting_for_competent_agency",
                format!("Tiếp nhận không phụ thuộc vào địa giới hành chính cho {unit}: thời hạn tính từ khi cơ quan có thẩm quyền nhận được hồ sơ (khoản 3 Điều 17 Nghị định 118/2025/NĐ-CP, sửa đổi bởi Nghị định 309/2026/NĐ-CP)"),
                format!("Received regardless of administrative boundaries for {unit}: the time counts from when the competent agency receives the dossier (Decree 118/2025/NĐ-CP Art. 17(3), as amended by Decree 309/2026/NĐ-CP)"),
            ),
            Note::CompetentReceived => (
                "competent_received",
                format!("Cơ quan có thẩm quyền nhận được hồ sơ lúc {}: bắt đầu tính thời hạn", vn(at)),
                format!("The competent agency received the dossier at {}: the clock starts", vn(at)),
            ),
            Note::RuleSet { rule_set } => (
                "rule_set",
                format!(
                    "Căn cứ {}: thời hạn tính từ khi tiếp nhận hồ sơ đầy đủ, đúng quy định ({})",
                    rule_set.name_vi(),
                    rule_set.basis_vi(Rule::ClockStart)
                ),
                format!(
                    "Under {}: the time counts from the reception of the complete, valid dossier ({})",
                    rule_set.name_en(),
                    rule_set.basis(Rule::ClockStart)
                ),
            ),
            Note::Restarted { rule_set } => (
                "restarted",
                format!(
                    "Nhận đủ hồ sơ bổ sung lúc {}: thời hạn tính lại từ đầu ({})",
                    vn(at),
                    rule_set.basis_vi(Rule::SupplementRestart)
                ),
                format!(
                    "Supplement completed at {}: the full time counts again ({})",
                    vn(at),
                    rule_set.basis(Rule::SupplementRestart)
                ),
            ),
            Note::Resumed { since, paused } => (
                "resumed",
                format!(
                    "Tiếp tục xử lý lúc {}: cộng {} giờ làm việc tạm dừng từ {}",
                    vn(at),
                    hours(*paused),
                    vn(*since)
                ),
                format!(
                    "Resumed at {}: {} paused working hours since {} added",
                    vn(at),
                    hours(*paused),
                    vn(*since)
                ),
            ),
            Note::Extended { rule_set, old_due, new_due, late } => (
                "extended",
                format!(
                    "{}: từ {} sang {}{}; hạn giải quyết theo quy định vẫn là {} ({})",
                    super::forms::apology_form(*rule_set),
                    vn(*old_due),
                    vn(*new_due),
                    if *late { " (phát hành muộn hơn 01 ngày làm việc trước hạn)" } else { "" },
                    vn(*old_due),
                    rule_set.basis_vi(Rule::Extension)
                ),
                format!(
                    "Apology and new appointment: {} instead of {}{}; timeliness is still judged against {} ({})",
                    vn(*new_due),
                    vn(*old_due),
                    if *late { " (issued less than 1 working day before the due date)" } else { "" },
                    vn(*old_due),
                    rule_set.basis(Rule::Extension)
                ),
            ),
            Note::Stopped => (
                "stopped",
                format!("Dừng giải quyết hồ sơ lúc {} (Mẫu 05): kết thúc xử lý", vn(at)),
                format!("Processing stopped at {} (form 05): processing ends", vn(at)),
            ),
            Note::Resolved => (
                "resolved",
                format!("Giải quyết xong lúc {}", vn(at)),
                format!("Resolved at {}", vn(at)),
            ),
            Note::Corrected {
                entry,
                original,
                corrected,
                actor,
                reason,
            } => {
                let (was_vi, was_en) = (original.kind.text_vi(), original.kind.text_en());
                let (did_vi, did_en) = match corrected {
                    None => ("hủy".to_owned(), "voided".to_owned()),
                    Some(c) => (
                        format!("sửa thành «{}» lúc {}", c.kind.text_vi(), vn(c.at)),
                        format!("amended to {} at {}", c.kind.text_en(), vn(c.at)),
                    ),
                };
                (
                    "corrected",
                    format!(
                        "Đính chính ngày {} bởi {actor}: bước {entry} «{was_vi}» lúc {} được {did_vi}; lý do: {reason}",
                        vn(at),
                        vn(original.at)
                    ),
                    format!(
                        "Corrected on {} by {actor}: entry {entry} ({was_en} at {}) {did_en}; reason: {reason}",
                        vn(at),
                        vn(original.at)
                    ),
                )
            }
        };
        self.entries.push(ExplanationEntry {
            at,
            rule,
            vi,
            en,
            due_at,
        });
    }

    /// Writes an event's lines, taking what the lines leave to the
    /// calendar (its data versions, the days off between two dates) from
    /// `cal`.
    /// Adds a line in time order: after the lines up to `at` (a
    /// correction's line, among the lines of the corrected history).
    pub(crate) fn insert_in_time(&mut self, at: NaiveDateTime, note: Note) {
        let position = self.entries.partition_point(|e| e.at <= at);
        self.push(at, note, None);
        if let Some(line) = self.entries.pop() {
            self.entries.insert(position, line);
        }
    }

    pub(crate) fn write(&mut self, cal: &Calendar, lines: Notes) {
        for line in lines.into_lines() {
            match line {
                Line::Note(at, note, due_at) => self.push(at, note, due_at),
                Line::CalendarData(at) => {
                    let versions = cal.data_versions();
                    let culture_day = cal.has_culture_day();
                    let note = Note::CalendarData {
                        versions,
                        culture_day,
                    };
                    self.push(at, note, None);
                }
                Line::DaysBetween { from, to, at } => self.note_days_between(cal, from, to, at),
            }
        }
    }

    /// Notes the weekday days off skipped and the make-up Saturdays counted
    /// between two dates.
    fn note_days_between(
        &mut self,
        cal: &Calendar,
        from: NaiveDate,
        to: NaiveDate,
        at: NaiveDateTime,
    ) {
        let mut run: Vec<DayOff> = Vec::new();
        for year in from.year()..=to.year() {
            let Ok(entries) = cal.holidays(year) else {
                continue;
            };
            for h in entries
                .into_iter()
                .filter(|h| h.date >= from && h.date <= to)
            {
                let weekend = matches!(h.date.weekday(), Weekday::Sat | Weekday::Sun);
                if h.is_day_off() && !weekend {
                    // Same run: no working day between the previous day off
                    // and this one (where the calendar cannot tell, the run
                    // is cut).
                    let joined = run.last().is_some_and(|prev| {
                        cal.next_working_day(prev.date)
                            .is_ok_and(|next| next > h.date)
                    });
                    if !joined {
                        self.push_days_off(at, &mut run);
                    }
                    run.push(DayOff {
                        date: h.date,
                        name_vi: h.name_vi.into_owned(),
                        name_en: h.name_en.into_owned(),
                    });
                } else if h.kind == HolidayKind::MakeUp || (!h.is_day_off() && weekend) {
                    self.push_days_off(at, &mut run);
                    self.push(at, Note::MakeUpCounted { date: h.date }, None);
                }
            }
        }
        self.push_days_off(at, &mut run);
    }

    /// Notes the run of days off gathered so far, if any, and empties it.
    fn push_days_off(&mut self, at: NaiveDateTime, run: &mut Vec<DayOff>) {
        if !run.is_empty() {
            let days = std::mem::take(run);
            self.push(at, Note::DaysOffSkipped { days }, None);
        }
    }

    /// The text in `language`, one line per entry.
    pub fn text(&self, language: Language) -> String {
        let lines: Vec<&str> = self
            .entries
            .iter()
            .map(|e| match language {
                Language::Vi => e.vi.as_str(),
                Language::En => e.en.as_str(),
            })
            .collect();
        lines.join("\n")
    }

    /// The Vietnamese text, one line per entry.
    pub fn text_vi(&self) -> String {
        self.text(Language::Vi)
    }

    /// The English text, one line per entry.
    pub fn text_en(&self) -> String {
        self.text(Language::En)
    }
}

crate::labels::labelled! {
    /// The languages of the explanations and letters.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum Language: "language" {
        /// Vietnamese, the language of the documents.
        #[default]
        Vi = "vi",
        /// English.
        En = "en",
    }
}
