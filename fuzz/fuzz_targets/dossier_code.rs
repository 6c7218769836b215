//! Dossier codes (`AGENCY-YYMMDD-SEQ`) by every rule: `DossierCode::parse`,
//! `parse_with` for each `CodeRule`, `CodeRule::parse` and the JSON reader
//! (serde) of a code.
//!
//! Codes arrive from other systems, portals and typed forms, so any text
//! must give a code or `dossier.invalid_code`, never a panic. A code that
//! parses is printed back as the same text, reads back by the rule it
//! says it needs (`rule_to_read`, what dossier documents rely on), is
//! rebuilt from its parts by `with_rule`, and registers with a generator
//! of its rule; the serde reader accepts exactly what `parse` accepts.

#![no_main]

use libfuzzer_sys::fuzz_target;
use motcua::dossier::{CodeRule, DossierCode, DossierCodeGenerator};

fuzz_target!(|data: &[u8]| {
    let Some(text) = motcua_fuzz::text(data) else {
        return;
    };
    let _ = text.parse::<CodeRule>();
    for &rule in CodeRule::ALL {
        let Ok(code) = DossierCode::parse_with(text, rule) else {
            continue;
        };
        assert_eq!(
            code.to_string(),
            text,
            "{rule:?}: a code prints as another text"
        );
        let back = code.rule_to_read().unwrap_or_default();
        assert_eq!(
            DossierCode::parse_with(&code.to_string(), back).as_ref(),
            Ok(&code),
            "{rule:?}: a code does not read back by its rule_to_read {back:?}"
        );
        let rebuilt = DossierCode::with_rule(
            code.agency(),
            code.date(),
            code.ministry(),
            code.sequence(),
            rule,
        );
        assert_eq!(
            rebuilt.as_ref(),
            Ok(&code),
            "{rule:?}: with_rule refuses a parsed code's parts"
        );
        let mut generator = DossierCodeGenerator::for_rule(rule, code.ministry())
            .unwrap_or_else(|e| panic!("{rule:?}: no generator for a parsed code: {e}"));
        if let Err(e) = generator.register(code.clone()) {
            panic!("{rule:?}: a generator of the rule refuses a parsed code: {e}");
        }
    }
    let json = serde_json::Value::String(text.to_owned());
    assert_eq!(
        serde_json::from_value::<DossierCode>(json).ok(),
        DossierCode::parse(text).ok(),
        "serde and DossierCode::parse disagree"
    );
});
