//! Random event sequences on a dossier of the sample center: the
//! procedure, channel, code, policies and applicant are chosen by the
//! input, then each step records one of the 16 event kinds, or a void or
//! an amendment of an entry of the log, at an instant after (or before, or
//! far from) the last accepted one.
//!
//! A dossier is its log, and every system that holds one replays it, so:
//! (a) a rejected event leaves `to_json()` byte-identical and the clock
//! state as it was; (b) replaying the accepted events on a fresh dossier
//! gives the same `to_json()` and state, and so does the `from_json`
//! round trip (with the rest of `motcua_fuzz::check_dossier`); (c) the
//! national-portal payloads built from every reachable state pass the
//! library's own validators. Any panic is a finding.
//!
//! The input is plain bytes read by `arbitrary`: a 9-byte header, then
//! per step a continuation byte (odd: one more step) and 5 bytes (event,
//! how the instant moves, a 16-bit amount, a choice of texts), so seeds
//! can be written by hand (see `fuzz/corpus/dossier_events/`).

#![no_main]

use std::sync::Arc;

use arbitrary::Arbitrary;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use libfuzzer_sys::fuzz_target;
use motcua::dossier::{Applicant, CodeRule, Dossier, DossierCode, Event, EventKind};
use motcua::procedure::{
    Channel, DuePolicy, Procedure, ProcessingTime, StopPolicy, SupplementPolicy,
};
use motcua_fuzz::{calendar, check_dossier, check_portal, sample_catalog};

/// At most this many steps are read: a dossier's life is a few dozen
/// events, and each step validates the portal payload (a replay).
const MAX_STEPS: usize = 64;

/// What the dossier is and how it starts.
#[derive(Arbitrary, Debug)]
struct Scenario {
    /// A procedure of the sample catalog (modulo its size).
    procedure: u8,
    /// Direct, online or postal (modulo 3).
    channel: u8,
    /// One of [`CODES`].
    code: u8,
    /// Bits 0–1 due policy, 2–3 supplement policy, 4–5 stop policy (0 and 3:
    /// the center's default), 6–7 the channels offered.
    policies: u8,
    /// One of [`ONLINE_TIMES`]: the online processing time.
    online_time: u8,
    /// One of [`ANCHORS`], where the instants start.
    start: u8,
    /// Minutes after the anchor.
    start_offset: u16,
    /// One of [`applicant`]'s choices.
    applicant: u8,
    /// The events tried, in order.
    steps: Vec<Step>,
}

/// One event tried on the dossier.
#[derive(Arbitrary, Debug, Clone, Copy)]
struct Step {
    /// The event kind, modulo 18 (see [`Step::event`]): 16 and 17 void
    /// or amend an entry (the amendment's event from the byte / 18).
    event: u8,
    /// How the instant moves from the last accepted event (see
    /// [`Step::instant`]).
    when: u8,
    /// By how much.
    amount: u16,
    /// Low 3 bits: the reason; next 3: the actor; the whole byte: the
    /// workflow step, competent unit or extension.
    text: u8,
}

/// Dossier codes and the rule each is read by.
const CODES: [(&str, CodeRule); 4] = [
    ("000.00.06.H56-260701-0001", CodeRule::Current),
    ("H15.50.05.12-260917-071436", CodeRule::Central),
    ("000.00.06.H56-231027-0361", CodeRule::Legacy),
    ("H21.227-260105-12345", CodeRule::Current),
];

/// Online processing times, the odd ones included (denormal, many digits).
const ONLINE_TIMES: [Option<ProcessingTime>; 10] = [
    None,
    Some(ProcessingTime::WorkingDays { days: 0.5 }),
    Some(ProcessingTime::WorkingHours { hours: 4.0 }),
    Some(ProcessingTime::CalendarDays { days: 1 }),
    Some(ProcessingTime::SameDay { cutoff: None }),
    Some(ProcessingTime::NoDeadline),
    Some(ProcessingTime::WorkingDays {
        days: 2.225_073_858_507_201_4e-308,
    }),
    Some(ProcessingTime::WorkingHours {
        hours: 0.300_000_000_000_000_04,
    }),
    Some(ProcessingTime::WorkingDays { days: 1e6 }),
    Some(ProcessingTime::CalendarDays { days: u32::MAX }),
];

/// Instants where scenarios start: working hours, Tết, the switch of rule
/// sets on 01/07/2025, 24/11/2026, the ends of the calendar.
const ANCHORS: [(i32, u32, u32, u32, u32); 10] = [
    (2026, 7, 1, 9, 0),
    (2026, 2, 11, 10, 15),
    (2025, 6, 30, 16, 30),
    (2025, 7, 1, 7, 30),
    (2026, 11, 23, 16, 59),
    (2000, 1, 1, 0, 0),
    (2100, 12, 31, 16, 0),
    (2023, 10, 27, 9, 32),
    (2026, 12, 31, 17, 0),
    (2099, 12, 30, 12, 0),
];

/// Reasons and actors: empty, Vietnamese, JSON-hostile, control
/// characters, long.
const TEXTS: [&str; 8] = [
    "",
    "can-bo",
    "Thiếu bản sao giấy khai sinh",
    "\"}\\u0000{\"",
    "line\nbreak\ttab\r",
    "\u{0}\u{1f}\u{7f}\u{2028}",
    "🙂 emoji",
    "a very long reason that goes on and on for the sake of a long field in the payloads and the forms, longer than any quote cut",
];

/// Competent units of a cross-boundary reception, valid and not.
const UNITS: [&str; 4] = ["H15.50.05.13", "000.00.06.H57", "", "not a unit!"];

fn applicant(choice: u8) -> Option<Applicant> {
    let text = |s: &str| s.to_owned();
    match choice % 4 {
        1 => Some(Applicant {
            name: text("Nguyễn Văn An"),
            id_number: text("001203004567"),
            phone: text("0901234567"),
            email: text("an@example.vn"),
            address: text("12 Hàng Bạc, Hà Nội"),
        }),
        2 => Some(Applicant::default()),
        3 => Some(Applicant {
            name: text(TEXTS[3]),
            id_number: text(TEXTS[5]),
            phone: text("+84 (0) 90"),
            email: text("@"),
            address: text(TEXTS[7]),
        }),
        _ => None,
    }
}

impl Scenario {
    /// The procedure: one of the sample catalog's, with the policies, the
    /// channels and the online time of the scenario.
    fn procedure(&self) -> Procedure {
        let all: Vec<&Procedure> = sample_catalog().iter().collect();
        let mut p = all[usize::from(self.procedure) % all.len()].clone();
        let bits = |shift: u8| (self.policies >> shift) & 3;
        p.due_policy = [
            None,
            Some(DuePolicy::Exact),
            Some(DuePolicy::EndOfDay),
            None,
        ][usize::from(bits(0))];
        p.supplement_policy = [
            None,
            Some(SupplementPolicy::Restart),
            Some(SupplementPolicy::Pause),
            None,
        ][usize::from(bits(2))];
        p.stop_policy = [
            None,
            Some(StopPolicy::ByRuleSet),
            Some(StopPolicy::End),
            Some(StopPolicy::Pause),
        ][usize::from(bits(4))];
        match bits(6) {
            1 => p.channels = vec![Channel::Direct],
            2 => p.channels = vec![Channel::Online, Channel::Postal],
            3 => p.channels = vec![Channel::Online],
            _ => {}
        }
        p.online_processing_time = ONLINE_TIMES[usize::from(self.online_time) % ONLINE_TIMES.len()];
        p
    }

    fn channel(&self) -> Channel {
        [Channel::Direct, Channel::Online, Channel::Postal][usize::from(self.channel % 3)]
    }

    fn code(&self) -> DossierCode {
        let (text, rule) = CODES[usize::from(self.code) % CODES.len()];
        DossierCode::parse_with(text, rule).expect("the scenario codes are valid")
    }

    fn start(&self) -> Option<NaiveDateTime> {
        let (y, m, d, h, min) = ANCHORS[usize::from(self.start) % ANCHORS.len()];
        let anchor = NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(h, min, 0)?;
        anchor.checked_add_signed(Duration::minutes(i64::from(self.start_offset)))
    }
}

impl Step {
    /// The instant of the event, from `last`, the last accepted one:
    /// seconds, minutes, hours or days later, the same instant, minutes
    /// earlier, an instant of the years 1800–2299, or the next morning.
    fn instant(&self, last: NaiveDateTime) -> Option<NaiveDateTime> {
        let n = i64::from(self.amount);
        match self.when % 8 {
            0 => last.checked_add_signed(Duration::seconds(n)),
            1 => last.checked_add_signed(Duration::minutes(n)),
            2 => last.checked_add_signed(Duration::hours(n)),
            3 => last.checked_add_signed(Duration::days(n)),
            4 => Some(last),
            5 => last.checked_sub_signed(Duration::minutes(n)),
            6 => {
                let year = 1800 + i32::from(self.amount % 500);
                let day = NaiveDate::from_yo_opt(year, 1 + u32::from(self.amount / 500) % 365)?;
                Some(day.and_time(last.time()))
            }
            _ => {
                let morning = last
                    .date()
                    .succ_opt()?
                    .and_time(NaiveTime::from_hms_opt(7, 30, 0)?);
                morning.checked_add_signed(Duration::minutes(n % 600))
            }
        }
    }

    /// The event at `at` on `dossier` (`None` before the first one).
    fn event(&self, at: NaiveDateTime, procedure: &Procedure, dossier: Option<&Dossier>) -> Event {
        let reason = TEXTS[usize::from(self.text & 7)].to_owned();
        let actor = TEXTS[usize::from((self.text >> 3) & 7)];
        let choice = usize::from(self.text);
        let kind = match self.event % 18 {
            0 => EventKind::Submitted,
            1 => EventKind::Accepted,
            2 => EventKind::AcceptedCrossBoundary {
                competent_unit: UNITS[choice % UNITS.len()].to_owned(),
            },
            3 => EventKind::CompetentReceived,
            4 => EventKind::Refused { reason },
            5 => EventKind::Routed {
                step: match procedure
                    .workflow
                    .get(choice % (procedure.workflow.len() + 1))
                {
                    Some(step) => step.id.clone(),
                    None => "no-such-step".to_owned(),
                },
            },
            6 => EventKind::SupplementRequested { reason },
            7 => EventKind::SupplementCompleted,
            8 => EventKind::FinancialObligationRequested,
            9 => EventKind::Paid,
            10 => EventKind::Suspended { reason },
            11 => EventKind::Resumed,
            12 => {
                // Around the appointment in force: earlier (refused) or later.
                let base = dossier.and_then(Dossier::appointment_at).unwrap_or(at);
                let shift = Duration::hours(i64::from(self.text) - 32);
                EventKind::Extended {
                    new_due: base.checked_add_signed(shift).unwrap_or(base),
                    reason,
                }
            }
            13 => EventKind::Resolved,
            14 => EventKind::ResultReturned,
            15 => EventKind::Withdrawn,
            // A correction of an entry of the log, or one past it.
            kind => {
                let entries = dossier.map_or(0, |d| d.events().len());
                let event = choice % (entries + 1);
                if kind == 16 {
                    EventKind::Voided { event, reason }
                } else {
                    // What the entry should have been: an event of the next
                    // kind byte, an hour earlier (the byte shrinks, so this
                    // ends).
                    let inner = Step {
                        event: self.event / 18,
                        ..*self
                    };
                    let earlier = at.checked_sub_signed(Duration::hours(1)).unwrap_or(at);
                    EventKind::Amended {
                        event,
                        corrected: Box::new(inner.event(earlier, procedure, dossier)),
                        reason,
                    }
                }
            }
        };
        Event::new(at, actor, kind)
    }
}

fuzz_target!(|scenario: Scenario| {
    let procedure = Arc::new(scenario.procedure());
    let channel = scenario.channel();
    if procedure.validate().is_err() || !procedure.channels.contains(&channel) {
        return;
    }
    let (code, applicant) = (scenario.code(), applicant(scenario.applicant));
    let Some(mut last) = scenario.start() else {
        return;
    };
    let fresh = |events: Vec<Event>| {
        Dossier::from_log(
            procedure.clone(),
            calendar(),
            code.clone(),
            channel,
            applicant.clone(),
            events,
        )
    };

    let mut dossier: Option<Dossier> = None;
    let mut accepted: Vec<Event> = Vec::new();
    for step in scenario.steps.iter().take(MAX_STEPS) {
        let Some(at) = step.instant(last) else {
            continue;
        };
        let event = step.event(at, &procedure, dossier.as_ref());
        match &mut dossier {
            None => {
                if let Ok(d) = fresh(vec![event]) {
                    dossier = Some(d);
                }
            }
            Some(d) => {
                let (json, state) = (d.to_json().unwrap(), d.state().clone());
                if d.record(event.clone()).is_err() {
                    assert_eq!(
                        d.to_json().unwrap(),
                        json,
                        "a rejected event changed the document: {event:?}"
                    );
                    assert_eq!(
                        d.state(),
                        &state,
                        "a rejected event changed the state: {event:?}"
                    );
                }
            }
        }
        if let Some(d) = &dossier {
            if d.events().len() > accepted.len() {
                let recorded = d.events().last().expect("a dossier has events").clone();
                last = recorded.at;
                accepted.push(recorded);
            }
            check_portal(d);
        }
    }

    let Some(d) = dossier else {
        return;
    };
    let replayed = fresh(accepted).unwrap_or_else(|e| {
        panic!(
            "the accepted events do not replay: {e} ({})\n{}",
            e.code(),
            d.to_json().unwrap()
        )
    });
    assert_eq!(
        replayed.to_json().unwrap(),
        d.to_json().unwrap(),
        "replaying the accepted events gives another document"
    );
    assert_eq!(
        replayed.state(),
        d.state(),
        "replaying the accepted events gives another state\n{}",
        d.to_json().unwrap()
    );
    check_dossier(&d);
});
