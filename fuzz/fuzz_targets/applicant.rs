//! Applicant documents (`Applicant::from_json` and serde's `Deserialize`).
//!
//! Applicant data is personal data: the readers promise that an error
//! names the field, never a value or an unknown key (a key can hold the
//! data itself, `"phone0901234567"`). Any text gives an applicant or
//! `dossier.invalid`, never a panic; serde reads exactly what `from_json`
//! reads; and no key or string value of the input of 4 characters or more
//! appears in the error's text, unless it is part of one of the reader's
//! fixed messages (field names, JSON kinds).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use motcua::dossier::Applicant;

/// Every message of the applicant reader without its variable parts, one
/// a line: a string of the input found in one of them is no leak.
fn message_words() -> &'static str {
    static WORDS: OnceLock<String> = OnceLock::new();
    WORDS.get_or_init(|| {
        let kinds = [
            "null",
            "a boolean",
            "a number",
            "a string",
            "an array",
            "an object",
        ];
        let mut lines: Vec<String> = kinds
            .iter()
            .map(|k| format!("applicant: expected an object, found {k}"))
            .collect();
        for field in ["name", "id_number", "phone", "email", "address"] {
            lines.extend(
                kinds
                    .iter()
                    .map(|k| format!("applicant: {field}: expected a string, found {k}")),
            );
        }
        lines.push(
            "applicant: an unknown field (not shown: it may hold personal data); \
             expected \"name\", \"id_number\", \"phone\", \"email\", \"address\""
                .into(),
        );
        lines.push("applicant: not valid JSON (line  column )".into());
        lines.push("applicant: the key  is given twice in one object".into());
        // The private readers' own message, which names no key.
        lines.push("applicant: a key is given twice in one object".into());
        lines.join("\n")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = motcua_fuzz::text(data) else {
        return;
    };
    let read = Applicant::from_json(text);
    assert_eq!(
        read.as_ref().ok(),
        serde_json::from_str::<Applicant>(text).ok().as_ref(),
        "serde and Applicant::from_json disagree"
    );
    let Err(error) = read else {
        return;
    };
    assert_eq!(error.code(), "dossier.invalid", "{error}");
    // Where the text is JSON, the strings it holds (serde_json keeps the
    // last of a key given twice, which the library refuses).
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    let message = error.to_string();
    for s in motcua_fuzz::json_strings(&value) {
        let leaked = s.chars().count() >= 4 && message.contains(s) && !message_words().contains(s);
        assert!(
            !leaked,
            "the error quotes the applicant's data {s:?}: {message}"
        );
    }
});
