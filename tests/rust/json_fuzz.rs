//! The JSON readers meet hostile documents: a valid document with one
//! part replaced by an arbitrary JSON value, or text cut short, must give
//! the document's error code (or parse, when the replacement happens to
//! fit), never a panic, in every `from_json` entry point.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use motcua::calendar::holidays::CalendarData;
use motcua::calendar::Calendar;
use motcua::dossier::{Applicant, Dossier};
use motcua::index::{Methodology, TypedInputs};
use motcua::procedure::{Catalog, Procedure};
use proptest::prelude::*;
use serde_json::{json, Value};

fn procedure() -> Value {
    json!({
        "code": "1.004227", "name": "Cấp giấy phép xây dựng", "field": "Xây dựng",
        "level": "province", "agency": "Sở Xây dựng",
        "processing_time": {"kind": "working_days", "days": 5},
        "online_processing_time": {"kind": "same_day", "cutoff": "15:00"},
        "due_policy": "exact", "supplement_policy": "pause",
        "fees": [{"kind": "charge", "name": "Lệ phí", "amount_vnd": 50000}],
        "documents": ["Đơn"], "channels": ["direct", "online"], "online_level": "partial",
        "written_result": true, "payment_on_portal": true, "population_data": false,
        "publication": {"legal_basis_effective": "2026-03-16", "decision_date": "2026-03-09",
                        "made_public": null, "full_content": true},
        "workflow": [{"id": "a", "name": "A", "agency": "X", "budget": 2.5},
                     {"id": "b", "name": "B", "agency": "Y", "budget": 2.5}]
    })
}

/// Each entry point with its document and the error code of a bad one.
fn documents() -> Vec<(&'static str, Value)> {
    let dossier = json!({
        "code": "000.00.06.H56-231027-0361", "procedure": procedure(), "channel": "direct",
        "applicant": {"name": "Nguyễn Văn An", "id_number": "001203004567"},
        "events": [
            {"at": "2023-10-27T09:32", "type": "accepted", "actor": "o1"},
            {"at": "2023-10-30T10:00", "type": "routed", "step": "a"},
            {"at": "2023-10-31T10:00", "type": "extended", "new_due": "2023-11-10T17:00", "reason": "r"}
        ],
        "facts": ["synced", "paid_online"]
    });
    vec![
        ("procedure", procedure()),
        ("catalog", json!({"procedures": [procedure()]})),
        ("dossier", dossier),
        (
            "applicant",
            json!({"name": "A", "phone": "0900", "email": "a@b.vn"}),
        ),
        (
            "methodology",
            serde_json::from_str(&Methodology::default_766().to_json().unwrap()).unwrap(),
        ),
        (
            "typed",
            json!({
                "publisher": "province",
                "publications": [{"legal_basis_effective": "2026-03-01", "decision_date": "2026-02-20",
                                  "made_public": null, "full_content": true}],
                "feedback": [{"received_at": "2026-07-01T09:00", "handled_at": null,
                              "unsatisfied": false, "complained_again": false}],
                "feedback_as_of": "2026-09-30T17:00"
            }),
        ),
        (
            "calendar",
            json!({
                "version": "1", "years": [{"year": 2027, "sources": ["x"], "entries": [
                    {"date": "2027-01-01", "kind": "statutory", "name_vi": "a", "name_en": "b"}]}],
                "overrides": [{"date": "2026-11-24", "kind": "closure", "name_vi": "a", "name_en": "b"}]
            }),
        ),
    ]
}

/// Reads `text` with the entry point `kind`: `Ok(())`, or the error code.
fn read(kind: &str, text: &str) -> Result<(), String> {
    let code = |e: motcua::Error| e.code().to_owned();
    match kind {
        "procedure" => Procedure::from_json(text).map(drop).map_err(code),
        "catalog" => Catalog::from_json(text).map(drop).map_err(code),
        "dossier" => Dossier::from_json(text, &Calendar::vietnam())
            .map(drop)
            .map_err(code),
        "applicant" => Applicant::from_json(text).map(drop).map_err(code),
        "methodology" => Methodology::from_json(text).map(drop).map_err(code),
        "typed" => TypedInputs::from_json(text).map(drop).map_err(code),
        _ => CalendarData::from_json(text).map(drop).map_err(code),
    }
}

/// The error codes an entry point may give for a document.
fn allowed(kind: &str) -> &'static [&'static str] {
    match kind {
        "procedure" | "catalog" => &["procedure.invalid"],
        // A dossier that parses may still fail to replay.
        "dossier" => &[
            "dossier.invalid",
            "procedure.invalid",
            "dossier.invalid_code",
            "dossier.invalid_transition",
            "dossier.event_out_of_order",
            "dossier.invalid_extension",
            "dossier.finished",
            "dossier.channel_not_offered",
            "calendar.out_of_range",
            "invalid_argument",
        ],
        "applicant" => &["dossier.invalid"],
        "methodology" | "typed" => &["invalid_argument"],
        _ => &["calendar.invalid_data"],
    }
}

/// Every place in `value` (as JSON pointers), the root included.
fn places(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                places(v, format!("{at}/{k}"), out);
            }
        }
        Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                places(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            "[a-z_]{0,12}",
            Just("2023-10-27T09:32".to_owned()),
            Just("2026-02-30".to_owned()),
            Just("same_day".to_owned()),
            Just("direct".to_owned()),
            Just("25:00".to_owned()),
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn the_documents_themselves_are_read() {
    for (kind, doc) in documents() {
        assert_eq!(read(kind, &doc.to_string()), Ok(()), "{kind}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn one_part_replaced_gives_the_documents_error_never_a_panic(
        which in 0usize..7,
        place in any::<prop::sample::Index>(),
        replacement in any_json(),
    ) {
        let (kind, mut doc) = documents().swap_remove(which);
        let mut all = Vec::new();
        places(&doc, String::new(), &mut all);
        let pointer = &all[place.index(all.len())];
        match doc.pointer_mut(pointer) {
            Some(slot) => *slot = replacement,
            None => unreachable!("{pointer} comes from the document"),
        }
        if let Err(code) = read(kind, &doc.to_string()) {
            prop_assert!(allowed(kind).contains(&code.as_str()), "{kind} {pointer}: {code}");
        }
    }

    #[test]
    fn text_cut_short_is_an_error_of_the_document(which in 0usize..7, cut in any::<prop::sample::Index>()) {
        let (kind, doc) = documents().swap_remove(which);
        let text = doc.to_string();
        let mut end = cut.index(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let result = read(kind, &text[..end]);
        prop_assert!(result.is_err(), "{kind}: {}", &text[..end]);
        let code = result.unwrap_err();
        prop_assert!(allowed(kind).contains(&code.as_str()), "{kind}: {code}");
    }
}

#[test]
fn serde_reads_through_the_same_readers() {
    let text = procedure().to_string();
    let by_serde: Procedure = serde_json::from_str(&text).unwrap();
    assert_eq!(by_serde, Procedure::from_json(&text).unwrap());
    let e = serde_json::from_str::<Procedure>(r#"{"code": "1", "code": "2"}"#).unwrap_err();
    assert!(
        e.to_string().contains(r#"the key "code" is given twice"#),
        "{e}"
    );
    let e = serde_json::from_str::<Applicant>(r#"{"phone": 900}"#).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("phone: expected a string, found a number"),
        "{e}"
    );
}

#[test]
fn oversized_and_too_deep_documents_are_refused_before_they_are_read() {
    use motcua::portal;
    // 17 MiB of a dense array: refused by its size, naming the limit, with
    // one code whatever the reader.
    let big = format!("[{}0]", "0,".repeat(17 * 1024 * 1024 / 2));
    let cal = Calendar::vietnam();
    let readers: [(&str, motcua::Result<()>); 9] = [
        ("catalog", Catalog::from_json(&big).map(drop)),
        ("procedure", Procedure::from_json(&big).map(drop)),
        ("dossier", Dossier::from_json(&big, &cal).map(drop)),
        ("calendar data", CalendarData::from_json(&big).map(drop)),
        ("methodology", Methodology::from_json(&big).map(drop)),
        ("index inputs", TypedInputs::from_json(&big).map(drop)),
        ("applicant", Applicant::from_json(&big).map(drop)),
        ("portal sync", portal::validate_dossier_sync(&big)),
        ("portal progress", portal::validate_progress(&big)),
    ];
    for (reader, result) in readers {
        let err = result.unwrap_err();
        assert_eq!(err.code(), "document.too_large", "{reader}");
        assert!(
            err.message()
                .contains("larger than the limit of 16777216 bytes"),
            "{reader}: {}",
            err.message()
        );
    }
    assert_eq!(
        motcua::check_document_size(motcua::MAX_DOCUMENT_BYTES + 1)
            .unwrap_err()
            .code(),
        "document.too_large"
    );
    assert!(motcua::check_document_size(motcua::MAX_DOCUMENT_BYTES).is_ok());
    // 200 levels of nesting: refused, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(
        CalendarData::from_json(&deep).unwrap_err().code(),
        "calendar.invalid_data"
    );
}

/// Fuzzing finding (issue 13): a key given twice was quoted by the parser,
/// before the applicant reader's rule of quoting no key ran, so a key that
/// held a phone number reached the message.
#[test]
fn a_key_given_twice_is_quoted_in_no_document_that_holds_personal_data() {
    let twice = r#"{"phone0901234567": "", "phone0901234567": ""}"#;
    let err = Applicant::from_json(twice).unwrap_err();
    assert_eq!(
        err.message(),
        "applicant: a key is given twice in one object"
    );
    let e = serde_json::from_str::<Applicant>(twice).unwrap_err();
    assert!(!e.to_string().contains("0901234567"), "{e}");
    let text = format!(
        r#"{{"code": "000.00.06.H56-231027-0361", "procedure": {}, "channel": "direct",
            "applicant": {twice}, "events": []}}"#,
        procedure()
    );
    let err = Dossier::from_json(&text, &Calendar::vietnam()).unwrap_err();
    assert!(!err.message().contains("0901234567"), "{}", err.message());
    // Documents without personal data still name the key.
    let err = Procedure::from_json(r#"{"code": "1", "code": "2"}"#).unwrap_err();
    assert!(err.message().contains(r#"the key "code" is given twice"#));
}

/// Fuzzing finding (issue 13): a centrally run system's code (ministry
/// 00-09) made a payload the library's own validator refused.
#[test]
fn a_central_code_passes_the_portal_validators() {
    use motcua::dossier::{CodeRule, DossierCode};
    let code = DossierCode::parse_with("H15.50.05.12-260917-071436", CodeRule::Central).unwrap();
    assert_eq!(DossierCode::parse_any(&code.to_string()).unwrap(), code);
    assert!(DossierCode::parse("H15.50.05.12-260917-071436").is_err());
    let text = format!(
        r#"{{"code": "H15.50.05.12-260917-071436", "code_rule": "central", "procedure": {}, "channel": "direct",
            "events": [{{"at": "2026-09-17T09:00", "actor": "", "type": "accepted"}}]}}"#,
        procedure()
    );
    let d = Dossier::from_json(&text, &Calendar::vietnam()).unwrap();
    let sync =
        serde_json::to_string(&motcua::portal::DossierSync::from_dossier(&d).unwrap()).unwrap();
    motcua::portal::validate_dossier_sync(&sync).unwrap();
    let progress = serde_json::to_string(&motcua::portal::progress_entries(&d).unwrap()).unwrap();
    motcua::portal::validate_progress(&progress).unwrap();
}

/// Fuzzing finding (issue 13): a layout of ten digits of one field
/// overflowed (a panic in debug builds).
#[test]
fn a_long_layout_is_refused_not_overflowed() {
    use motcua::calendar::iso::parse_layout;
    assert_eq!(parse_layout("99999999999-01-01", "YYYYYYYYYYY-MM-DD"), None);
}
