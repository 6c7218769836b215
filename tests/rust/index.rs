//! The Decision 766 index: methodology as data, scores with points lost,
//! not-measured indicators, ranking and what-if, on the 2022 table (the
//! portal's table is checked against its own points in `dvcqg.rs`).

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use motcua::calendar::iso;
use motcua::index::{inputs, IndexCounter, IndexInputs, Lever, Methodology, Ratio};
use motcua::procedure::Channel;
use motcua::report::{Added, Ending, GroupBy, Period, PeriodReport, ReportRecord};

/// The input `name` of `i`, which must be set.
fn ratio(i: &IndexInputs, name: &str) -> Ratio {
    i.get(name).unwrap()
}

fn unit(on_time: (u64, u64), online: (u64, u64)) -> IndexInputs {
    let mut i = IndexInputs::new();
    i.set(inputs::ON_TIME, Ratio::new(on_time.0, on_time.1).unwrap())
        .unwrap();
    i.set(inputs::ONLINE, Ratio::new(online.0, online.1).unwrap())
        .unwrap();
    i
}

#[test]
fn the_default_methodology_sums_to_100_and_round_trips() {
    let m = Methodology::decision_766_2022();
    m.validate().unwrap();
    assert_eq!(Methodology::from_json(&m.to_json().unwrap()).unwrap(), m);
    let broken = m
        .to_json()
        .unwrap()
        .replacen("\"max_points\":20.0", "\"max_points\":21.0", 1);
    let err = Methodology::from_json(&broken).unwrap_err();
    // The first 20-point maximum is the TDGQ group's.
    assert!(
        err.message()
            .contains("the indicators of TDGQ sum to 20 points, but its max_points is 21"),
        "{}",
        err.message()
    );
}

#[test]
fn scores_show_points_lost_and_what_was_not_measured() {
    let m = Methodology::decision_766_2022();
    let score = m.score(&unit((95, 100), (40, 100))).unwrap();
    let by_id = |id: &str| score.indicator(id).unwrap();
    assert!((by_id("2.1").points.unwrap() - 19.0).abs() < 1e-9);
    // 40 % online against a 50 % threshold: 6 × 0.8.
    assert!((by_id("3.3").points.unwrap() - 4.8).abs() < 1e-9);
    assert!((by_id("3.3").points_lost.unwrap() - 1.2).abs() < 1e-9);
    assert_eq!(by_id("1.1").points, None);
    assert_eq!(score.not_measured().len(), 16);
    assert!((score.total() - 23.8).abs() < 1e-9);
    assert!((score.max_measured() - 26.0).abs() < 1e-9);
    assert_eq!(score.biggest_losses()[0].id(), "3.3");
    assert!(Ratio::new(101, 100).is_err());
    let mut i = IndexInputs::new();
    assert_eq!(
        i.set(
            "x",
            Ratio {
                numerator: 3,
                denominator: 2
            }
        )
        .unwrap_err()
        .code(),
        "invalid_argument"
    );
}

#[test]
fn what_if_finds_the_smallest_number() {
    let m = Methodology::decision_766_2022();
    let u = unit((95, 100), (40, 100));
    assert_eq!(
        m.what_if(&u, Lever::DossiersOnTime, 24.0).unwrap(),
        Some(25)
    );
    assert_eq!(
        m.what_if(&u, Lever::DossiersOnline, 25.0).unwrap(),
        Some(20)
    );
    assert_eq!(m.what_if(&u, Lever::DossiersOnTime, 20.0).unwrap(), Some(0));
    assert_eq!(m.what_if(&u, Lever::DossiersOnTime, 101.0).unwrap(), None);
}

#[test]
fn units_rank_by_total() {
    let m = Methodology::decision_766_2022();
    let (a, b, c) = (
        unit((90, 100), (60, 100)),
        unit((99, 100), (60, 100)),
        unit((99, 100), (10, 100)),
    );
    let ranked = m.rank([("Sở A", &a), ("Sở B", &b), ("Sở C", &c)]).unwrap();
    let names: Vec<&str> = ranked.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["Sở B", "Sở A", "Sở C"]);
}

#[test]
fn dossier_inputs_stream_with_the_report() {
    let record = |received: &str, due: &str, ended: Option<&str>, supplements| ReportRecord {
        channel: Channel::Online,
        received_at: iso::parse_instant(received),
        due_at: iso::parse_instant(due),
        ended_at: ended.and_then(iso::parse_instant),
        ending: ended.map(|_| Ending::Resolved),
        paused: false,
        supplement_requests: supplements,
        facts: None,
    };
    let mut report = PeriodReport::new(Period::month(2023, 10).unwrap(), GroupBy::Total);
    let mut counter = IndexCounter::default();
    for r in [
        // Resolved on the due date after the due time: on time by date, late for the index.
        record(
            "2023-10-02T08:00",
            "2023-10-09T08:00",
            Some("2023-10-09T10:00"),
            0,
        ),
        // Resolved early but after two supplement requests: late for the index.
        record(
            "2023-10-02T08:00",
            "2023-10-20T08:00",
            Some("2023-10-10T10:00"),
            2,
        ),
        // In progress within time.
        record("2023-10-30T08:00", "2023-11-06T08:00", None, 0),
    ] {
        if let Added::Counted(c) = report.add_record("", &r) {
            counter.add(&c, &r, report.period.end());
        }
    }
    assert_eq!((counter.processed, counter.on_time), (3, 1));
    assert_eq!(
        (counter.received_online, counter.received_in_period),
        (3, 3)
    );
    let mut i = IndexInputs::new();
    i.add_dossiers(&counter);
    assert_eq!(
        ratio(&i, inputs::ON_TIME),
        Ratio {
            numerator: 1,
            denominator: 3
        }
    );
}

#[test]
fn typed_inputs_become_the_indicators_ratios() {
    use chrono::NaiveDate;
    use motcua::calendar::Calendar;
    use motcua::index::{Feedback, Publication, Publisher};
    let cal = Calendar::vietnam();
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let mut i = IndexInputs::new();
    // Province: the decision at least 5 working days before the legal basis
    // takes effect (Mon 16/03/2026 → Mon 09/03 at the latest).
    let province = |p| (Publisher::Province, p);
    i.add_publications(
        &cal,
        &[
            &Publication {
                legal_basis_effective: d(2026, 3, 16),
                decision_date: d(2026, 3, 9),
                made_public: Some(d(2026, 3, 16)),
                full_content: true,
            },
            &Publication {
                legal_basis_effective: d(2026, 3, 16),
                decision_date: d(2026, 3, 10),
                made_public: Some(d(2026, 3, 18)),
                full_content: false,
            },
        ]
        .map(province),
    )
    .unwrap();
    assert_eq!(
        ratio(&i, "procedures_published_on_time"),
        Ratio {
            numerator: 1,
            denominator: 2
        }
    );
    assert_eq!(
        ratio(&i, "procedures_public_on_time"),
        Ratio {
            numerator: 1,
            denominator: 2
        }
    );
    assert_eq!(
        ratio(&i, "procedures_published_in_full"),
        Ratio {
            numerator: 1,
            denominator: 2
        }
    );
    let t = |s| iso::parse_instant(s).unwrap();
    // 15 working days from Mon 02/03 08:00 end Mon 23/03 08:00.
    i.add_feedback(
        &cal,
        &[
            Feedback {
                received_at: t("2026-03-02T08:00"),
                handled_at: Some(t("2026-03-20T16:00")),
                unsatisfied: false,
                complained_again: false,
            },
            Feedback {
                received_at: t("2026-03-02T08:00"),
                handled_at: Some(t("2026-03-24T08:00")),
                unsatisfied: false,
                complained_again: false,
            },
            Feedback {
                received_at: t("2026-03-02T08:00"),
                handled_at: Some(t("2026-03-05T08:00")),
                unsatisfied: true,
                complained_again: false,
            },
            Feedback {
                received_at: t("2026-03-09T08:00"),
                handled_at: None,
                unsatisfied: false,
                complained_again: false,
            },
        ],
        t("2026-03-25T08:00"),
    )
    .unwrap();
    assert_eq!(
        ratio(&i, "feedback_on_time"),
        Ratio {
            numerator: 3,
            denominator: 4
        }
    );
    assert_eq!(
        ratio(&i, "feedback_satisfaction"),
        Ratio {
            numerator: 2,
            denominator: 4
        }
    );
    let score = Methodology::decision_766_2022().score(&i).unwrap();
    assert_eq!(
        score.not_measured(),
        [
            "1.4", "2.1", "3.1", "3.2", "3.3", "3.5", "3.6", "4.1", "4.2", "4.3", "4.4", "4.5",
            "5.3"
        ]
    );
}

#[test]
fn dossier_facts_stream_into_every_fact_indicator() {
    use motcua::dossier::Fact;
    let record = |ended: &str, facts: &[Fact]| ReportRecord {
        channel: Channel::Direct,
        received_at: iso::parse_instant("2026-03-02T08:00"),
        due_at: iso::parse_instant("2026-03-09T08:00"),
        ended_at: iso::parse_instant(ended),
        ending: Some(Ending::Resolved),
        paused: false,
        supplement_requests: 0,
        facts: Some(facts.iter().copied().collect()),
    };
    let (on_time, late) = ("2026-03-05T10:00", "2026-03-10T10:00");
    let mut summary =
        motcua::index::PeriodSummary::new(Period::month(2026, 3).unwrap(), GroupBy::Total);
    let records = [
        record(
            on_time,
            &[
                Fact::Synced,
                Fact::FeeBearing,
                Fact::PaidOnline,
                Fact::ElectronicResult,
                Fact::Digitised,
            ],
        ),
        record(on_time, &[Fact::Synced, Fact::FeeBearing, Fact::Complaint]),
        record(
            late,
            &[Fact::CertifiedCopy, Fact::ElectronicResult, Fact::Reused],
        ),
        record(
            on_time,
            &[Fact::CertifiedCopy, Fact::PopulationData, Fact::Shared],
        ),
    ];
    for r in &records {
        summary.add_record("", r);
    }
    // A record without facts counts for the clock, not for the facts.
    summary.add_record(
        "",
        &ReportRecord {
            facts: None,
            ..records[0].clone()
        },
    );
    let i = summary
        .index_inputs(None, None, &motcua::calendar::Calendar::vietnam())
        .unwrap();
    let r = |name| {
        let x = ratio(&i, name);
        (x.numerator, x.denominator)
    };
    assert_eq!(r(inputs::ON_TIME), (4, 5));
    assert_eq!(r(inputs::SYNCED), (2, 4));
    assert_eq!(r(inputs::ONLINE_PAYMENTS), (1, 2));
    assert_eq!(r(inputs::ELECTRONIC_RESULTS), (2, 4));
    assert_eq!(r(inputs::DIGITISED), (1, 4));
    assert_eq!(r(inputs::REUSED), (1, 4));
    assert_eq!(r(inputs::SHARED), (1, 4));
    assert_eq!(r(inputs::POPULATION_DATA), (1, 4));
    assert_eq!(r(inputs::CERTIFIED_COPIES), (1, 2));
    // On time and without a complaint: the first and the fourth.
    assert_eq!(r(inputs::PROCEDURE_SATISFACTION), (2, 4));
    // Without any facts, none of them is measured (not zero).
    let mut bare =
        motcua::index::PeriodSummary::new(Period::month(2026, 3).unwrap(), GroupBy::Total);
    bare.add_record(
        "",
        &ReportRecord {
            facts: None,
            ..records[0].clone()
        },
    );
    let i = bare
        .index_inputs(None, None, &motcua::calendar::Calendar::vietnam())
        .unwrap();
    assert!(i.get(inputs::SYNCED).is_none());
    assert!(i.get(inputs::ON_TIME).is_some());
}

#[test]
fn a_units_catalog_gives_its_procedure_indicators() {
    use motcua::procedure::Procedure;
    let procedure = |code: &str,
                     fees: bool,
                     portal: bool,
                     population: bool,
                     published: Option<&str>| {
        let fees = if fees {
            r#"[{"kind": "charge", "name": "Lệ phí", "amount_vnd": 50000}]"#
        } else {
            "[]"
        };
        let publication = published.map_or(String::new(), |decision| {
            format!(
                r#", "publication": {{"legal_basis_effective": "2026-03-16", "decision_date": "{decision}",
                "made_public": "2026-03-16", "full_content": true}}"#
            )
        });
        Procedure::from_json(&format!(
            r#"{{"code": "{code}", "name": "P", "processing_time": {{"kind": "working_days", "days": 5}},
            "fees": {fees}, "payment_on_portal": {portal}, "population_data": {population}{publication}}}"#
        ))
        .unwrap()
    };
    let catalog = [
        procedure("1.1", true, true, true, Some("2026-03-09")),
        procedure("1.2", true, false, false, Some("2026-03-12")),
        procedure("1.3", false, false, true, None),
    ];
    let paid = ["1.2".to_owned()];
    let mut i = IndexInputs::new();
    i.add_procedures(
        &motcua::calendar::Calendar::vietnam(),
        catalog.iter(),
        Some(&paid[..]),
    )
    .unwrap();
    let r = |name| {
        let x = ratio(&i, name);
        (x.numerator, x.denominator)
    };
    assert_eq!(r(inputs::PUBLISHED_ON_TIME), (1, 2));
    assert_eq!(r(inputs::PAYMENT_INTEGRATED), (1, 2));
    assert_eq!(r(inputs::PROCEDURES_PAID_ONLINE), (1, 2));
    assert_eq!(r(inputs::PROCEDURES_POPULATION_DATA), (2, 3));
    // Which procedures were paid online unknown (records name no
    // procedure): not measured, not zero.
    let mut unknown = IndexInputs::new();
    unknown
        .add_procedures(&motcua::calendar::Calendar::vietnam(), catalog.iter(), None)
        .unwrap();
    assert!(unknown.get(inputs::PROCEDURES_PAID_ONLINE).is_none());
    assert!(unknown.get(inputs::PAYMENT_INTEGRATED).is_some());
}

#[test]
fn what_if_reaches_full_points_through_rounding_only() {
    let m = Methodology::decision_766_2022();
    let u = unit((95, 100), (40, 100));
    // Full 2.1 points need 100 % on time, which more on-time dossiers only
    // approach; points rounded to hundredths reach 20.00 at 99.975 %:
    // 5 late of 20,000.
    assert_eq!(
        m.what_if(&u, Lever::DossiersOnTime, 24.8).unwrap(),
        Some(19_900)
    );
    assert_eq!(m.what_if(&u, Lever::DossiersOnTime, 24.81).unwrap(), None);
    assert_eq!(
        m.what_if(&u, Lever::DossiersOnTime, f64::NAN).unwrap(),
        None
    );
    assert_eq!(
        "bribes".parse::<Lever>().unwrap_err().code(),
        "invalid_argument"
    );
}

#[test]
fn the_known_input_names_are_sorted_for_their_binary_search() {
    assert!(inputs::ALL.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn inputs_of_any_name_read_back_in_order_and_compare_by_value() {
    let mut i = IndexInputs::new();
    i.set("zz_other", Ratio::new(1, 2).unwrap()).unwrap();
    i.set(inputs::ON_TIME, Ratio::new(3, 4).unwrap()).unwrap();
    i.set("aa_other", Ratio::new(0, 0).unwrap()).unwrap();
    i.set(inputs::SYNCED, Ratio::new(5, 6).unwrap()).unwrap();
    let names: Vec<&str> = i.iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [inputs::ON_TIME, inputs::SYNCED, "aa_other", "zz_other"]
    );
    assert_eq!(i.len(), 4);
    assert_eq!(i.get(inputs::ON_TIME), Some(Ratio::new(3, 4).unwrap()));
    assert_eq!(i.get(inputs::ONLINE), None);
    // A rejected ratio changes nothing.
    assert!(i
        .set(
            inputs::ON_TIME,
            Ratio {
                numerator: 5,
                denominator: 4
            }
        )
        .is_err());
    assert_eq!(i.get(inputs::ON_TIME), Some(Ratio::new(3, 4).unwrap()));
    // Removing and setting again gives equal inputs, whatever was there.
    let before = i.clone();
    assert_eq!(i.remove(inputs::SYNCED), Some(Ratio::new(5, 6).unwrap()));
    assert_eq!(i.remove("zz_other"), Some(Ratio::new(1, 2).unwrap()));
    assert_ne!(i, before);
    i.entry(inputs::SYNCED).numerator = 0;
    assert_eq!(i.get(inputs::SYNCED), Some(Ratio::default()));
    i.set(inputs::SYNCED, Ratio::new(5, 6).unwrap()).unwrap();
    i.set("zz_other", Ratio::new(1, 2).unwrap()).unwrap();
    assert_eq!(i, before);
    let mut emptied = i.clone();
    for (name, _) in i.iter() {
        emptied.remove(name);
    }
    assert!(emptied.is_empty());
    assert_eq!(emptied, IndexInputs::new());
}

#[test]
fn an_indicator_worth_more_than_a_million_points_is_refused() {
    let mut m = Methodology::decision_766_2022();
    m.indicators[0].max_points = 1_000_000.01;
    let err = m.validate().unwrap_err();
    assert!(
        err.message()
            .contains("indicators[0].max_points: 1000000.01 must be in (0, 1000000]"),
        "{}",
        err.message()
    );
}
