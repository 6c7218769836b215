//! Runs the dossier code vectors of `tests/vectors/codes.json` (pytest and
//! the Node tests run the same file).

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use motcua::calendar::iso;
use motcua::dossier::{CodeRule, DossierCode, DossierCodeGenerator};
use motcua_tests::vectors;
use serde_json::{json, Value};

fn rule(c: &Value) -> CodeRule {
    c["rule"].as_str().unwrap().parse().unwrap()
}

#[test]
fn parse_vectors() {
    let mut failures = Vec::new();
    for c in vectors("codes")["parse"].as_array().unwrap() {
        let text = c["text"].as_str().unwrap();
        let got = DossierCode::parse_with(text, rule(c));
        match (got, c.get("error")) {
            (Ok(code), None) => {
                let got = json!({"agency": code.agency(), "date": code.date().to_string(),
                    "ministry": code.ministry(), "sequence": code.sequence()});
                if got != c["expected"] || code.to_string() != text {
                    failures.push(format!("{text}: got {got} / {code}"));
                }
            }
            (Err(e), Some(want)) => {
                let message = c["message"].as_str().unwrap();
                if e.code() != want || !e.message().contains(message) {
                    failures.push(format!("{text}: got {} {}", e.code(), e.message()));
                }
            }
            (got, _) => failures.push(format!("{text}: got {got:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn generate_vectors() {
    for c in vectors("codes")["generate"].as_array().unwrap() {
        let mut codes = match rule(c) {
            CodeRule::Legacy => DossierCodeGenerator::legacy(),
            CodeRule::Central => {
                DossierCodeGenerator::central(c["ministry"].as_u64().unwrap() as u8).unwrap()
            }
            _ => DossierCodeGenerator::new(),
        };
        let after = DossierCode::parse_with(c["after"].as_str().unwrap(), rule(c)).unwrap();
        codes.register(after).unwrap();
        let date = iso::parse_date(c["date"].as_str().unwrap()).unwrap();
        let got = codes.next(c["agency"].as_str().unwrap(), date);
        match c.get("error").and_then(Value::as_str) {
            Some(want) => assert_eq!(got.unwrap_err().code(), want, "{c}"),
            None => assert_eq!(
                got.unwrap().to_string(),
                c["expected"].as_str().unwrap(),
                "{c}"
            ),
        }
    }
}

#[test]
fn a_generator_refuses_codes_of_another_rule_and_keeps_its_sequences() {
    let mut legacy = DossierCodeGenerator::legacy();
    let long = DossierCode::parse("000.00.06.H56-231027-12345").unwrap();
    assert_eq!(
        legacy.register(long).unwrap_err().code(),
        "dossier.sequence_exhausted"
    );
    let day = iso::parse_date("2023-10-27").unwrap();
    assert_eq!(legacy.next("000.00.06.H56", day).unwrap().sequence(), 1);
    assert_eq!(
        DossierCodeGenerator::central(100).unwrap_err().code(),
        "invalid_argument"
    );
}

#[test]
fn a_central_code_round_trips_through_a_dossier_document_and_other_ministries_are_refused() {
    use motcua::calendar::Calendar;
    let json = r#"{"code": "H15.50.05.12-260917-071436", "code_rule": "central", "channel": "direct",
        "procedure": {"code": "1.000005", "name": "Thử", "processing_time": {"kind": "working_days", "days": 3}},
        "events": [{"at": "2026-09-17T09:00", "type": "accepted"}]}"#;
    let d = motcua::dossier::Dossier::from_json(json, &Calendar::vietnam()).unwrap();
    assert_eq!(d.code().ministry(), Some(7));
    let again =
        motcua::dossier::Dossier::from_json(&d.to_json().unwrap(), &Calendar::vietnam()).unwrap();
    assert_eq!(again.code(), d.code());
    let mut codes = DossierCodeGenerator::central(7).unwrap();
    let other = DossierCode::parse_with("H15.50.05.12-260917-051436", CodeRule::Central).unwrap();
    assert_eq!(
        codes.register(other).unwrap_err().code(),
        "dossier.invalid_code"
    );
}
