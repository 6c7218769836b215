//! Labels once: every enum of stable text codes reads and writes the same
//! label in JSON, `Display`, `FromStr` and its `code()`, and refuses any
//! other text with one typed error.

#![allow(clippy::unwrap_used)]

use std::fmt::Display;
use std::str::FromStr;

use motcua::calendar::holidays::rules::CultureDayOnWeekend;
use motcua::calendar::holidays::{HolidayKind, Provenance};
use motcua::dossier::{CodeRule, EventType, Granularity, Language, Timeliness};
use motcua::index::Lever;
use motcua::law::RuleSet;
use motcua::procedure::{
    Channel, DuePolicy, FeeKind, Level, OnlineLevel, ProcessingTimeKind, StopPolicy,
    SupplementPolicy,
};
use motcua::report::{Ending, Exclusion, GroupBy};
use motcua::ErrorKind;

/// Checks one enum: `codes` are its labels as the documents and the
/// bindings spell them, written here independently of the enum.
fn check<T>(all: &[T], labels: &[&str], code: fn(T) -> &'static str, codes: &[&str])
where
    T: Copy + PartialEq + std::fmt::Debug + Display + FromStr<Err = motcua::Error>,
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    assert_eq!(labels, codes);
    assert_eq!(all.len(), codes.len());
    for (&v, &c) in all.iter().zip(codes) {
        assert_eq!(code(v), c);
        assert_eq!(v.to_string(), c);
        assert_eq!(c.parse::<T>().unwrap(), v);
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(json, format!("{c:?}"));
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v);
    }
    let e = "no such label".parse::<T>().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    for c in codes {
        assert!(e.message().contains(&format!("{c:?}")), "{}", e.message());
    }
    assert!(serde_json::from_str::<T>("\"no such label\"").is_err());
}

macro_rules! check {
    ($t:ty, [$($c:literal),+ $(,)?]) => {
        check::<$t>(<$t>::ALL, <$t>::LABELS, <$t>::code, &[$($c),+])
    };
}

#[test]
fn every_labelled_enum_spells_its_labels_one_way() {
    check!(Channel, ["direct", "online", "postal"]);
    check!(DuePolicy, ["exact", "end_of_day"]);
    check!(SupplementPolicy, ["restart", "pause"]);
    check!(StopPolicy, ["by_rule_set", "end", "pause"]);
    check!(OnlineLevel, ["none", "partial", "full_process"]);
    check!(Level, ["central", "province", "district", "commune"]);
    check!(FeeKind, ["fee", "charge"]);
    check!(Timeliness, ["early", "on_time", "late"]);
    check!(Granularity, ["date", "instant"]);
    check!(Language, ["vi", "en"]);
    check!(CodeRule, ["current", "central", "legacy"]);
    check!(
        GroupBy,
        [
            "total",
            "agency",
            "field",
            "procedure",
            "receiving_unit",
            "competent_unit"
        ]
    );
    check!(
        Exclusion,
        [
            "received_after",
            "ended_before",
            "not_accepted",
            "inconsistent"
        ]
    );
    check!(
        Ending,
        [
            "resolved",
            "withdrawn",
            "refused",
            "stopped",
            "refused_after_appraisal"
        ]
    );
    check!(RuleSet, ["decree_61_2018", "decree_118_2025"]);
    check!(
        Lever,
        ["dossiers_on_time", "dossiers_online", "online_payments"]
    );
    check!(
        HolidayKind,
        [
            "statutory",
            "substitute",
            "swapped",
            "make_up",
            "closure",
            "extra_working_day"
        ]
    );
    check!(Provenance, ["official", "projected", "loaded"]);
    check!(CultureDayOnWeekend, ["next_working_day", "no_substitute"]);
    check!(
        ProcessingTimeKind,
        [
            "working_days",
            "working_hours",
            "calendar_days",
            "same_day",
            "no_deadline"
        ]
    );
    check!(
        EventType,
        [
            "submitted",
            "accepted",
            "accepted_cross_boundary",
            "competent_received",
            "refused",
            "routed",
            "supplement_requested",
            "supplement_completed",
            "financial_obligation_requested",
            "paid",
            "suspended",
            "resumed",
            "extended",
            "resolved",
            "result_returned",
            "withdrawn",
            "voided",
            "amended",
        ]
    );
}

#[test]
fn an_error_kind_is_its_stable_code() {
    for &k in ErrorKind::ALL {
        assert_eq!(k.code().parse::<ErrorKind>().unwrap(), k);
        assert_eq!(k.to_string(), k.code());
    }
    assert_eq!(ErrorKind::ALL.len(), 25);
    assert_eq!(
        "document.too_large".parse::<ErrorKind>().unwrap(),
        ErrorKind::DocumentTooLarge
    );
}

#[test]
fn a_lever_is_named_as_the_input_it_moves() {
    for lever in Lever::ALL {
        assert_eq!(lever.code(), lever.input());
    }
}

#[test]
fn every_error_code_has_its_own_vietnamese_sentence() {
    use motcua::error::{binding, message_vi_of};
    let codes: Vec<&str> = ErrorKind::ALL
        .iter()
        .map(|k| k.code())
        .chain([
            binding::INVALID_TYPE,
            binding::INVALID_FORMAT,
            binding::CONCURRENT_USE,
        ])
        .collect();
    let sentences: std::collections::BTreeSet<&str> = codes
        .iter()
        .map(|code| {
            let vi = message_vi_of(code).unwrap_or_else(|| panic!("{code} has no sentence"));
            // A sentence, written with Vietnamese letters (not the English one).
            assert!(vi.ends_with('.'), "{code}: {vi}");
            assert!(
                vi.chars()
                    .any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".contains(c)),
                "{code}: {vi}"
            );
            vi
        })
        .collect();
    assert_eq!(sentences.len(), codes.len(), "two codes share a sentence");
    assert_eq!(message_vi_of("no.such_code"), None);
}

#[test]
fn a_vietnamese_message_names_the_place_of_the_error() {
    let e = motcua::Error::new(
        ErrorKind::InvalidProcedure,
        "workflow[1].budget: expected a number",
    )
    .with_path("workflow[1].budget");
    assert_eq!(
        e.message_vi(),
        "Khai báo thủ tục hành chính không hợp lệ. Trường: workflow[1].budget."
    );
    let e = motcua::Error::new(ErrorKind::EventOutOfOrder, "before the previous event").at_event(3);
    assert_eq!(
        e.message_vi(),
        "Thời điểm của thao tác sớm hơn thao tác trước đó. Sự kiện: events[3]."
    );
}

/// The names of a string-literal union `export type {name} = | "a" | "b";`
/// in the TypeScript the WASM module ships (`bindings-wasm/src/types.rs`).
fn typescript_union(name: &str) -> std::collections::BTreeSet<String> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../bindings-wasm/src/types.rs");
    let ts = std::fs::read_to_string(path).unwrap();
    let start = ts
        .find(&format!("export type {name} ="))
        .unwrap_or_else(|| panic!("the .d.ts declares {name}"));
    let body = &ts[start..start + ts[start..].find(';').unwrap()];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_typescript_error_code_type_is_every_code_the_module_throws() {
    use motcua::error::binding;
    let thrown = ErrorKind::ALL
        .iter()
        .map(|k| k.code())
        .chain([binding::INVALID_TYPE, binding::INVALID_FORMAT])
        .map(str::to_owned)
        .collect();
    assert_eq!(typescript_union("ErrorCode"), thrown);
}

#[test]
fn the_typescript_index_input_type_is_every_input_the_core_knows() {
    let known = motcua::index::inputs::ALL
        .iter()
        .map(|&n| n.to_owned())
        .collect();
    assert_eq!(typescript_union("IndexInputName"), known);
}
