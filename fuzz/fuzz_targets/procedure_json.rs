//! Procedure and catalog documents: `Procedure::from_json`,
//! `Catalog::from_json` and serde's `Deserialize` of `Procedure`.
//!
//! Catalogs are loaded from files that centers edit by hand and from other
//! systems' exports, so any text must give a procedure (catalog) or
//! `procedure.invalid`, never a panic. A procedure that reads writes a
//! document that reads back to the same bytes (processing times and
//! budgets are floats, and must survive the trip bit for bit); serde reads
//! exactly what `from_json` reads (it validates on top); every procedure
//! of a catalog round-trips the same way and is found by its code.

#![no_main]

use libfuzzer_sys::fuzz_target;
use motcua::procedure::{Catalog, Channel, Procedure};
use motcua_fuzz::reread;

/// What a reader of procedures may be asked once it has one.
fn check(p: &Procedure) {
    let again = reread(
        "Procedure::to_json",
        &p.to_json().unwrap(),
        Procedure::from_json,
        Procedure::to_json,
    );
    assert_eq!(&again, p, "a procedure reads back as another");
    for channel in [Channel::Direct, Channel::Online, Channel::Postal] {
        let time = p.processing_time_for(channel);
        let _ = (time.text_vi(), time.text_en(), time.amount(), time.unit());
    }
    let _ = p.policies();
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = motcua_fuzz::text(data) else {
        return;
    };
    let read = Procedure::from_json(text);
    let via_serde = serde_json::from_str::<Procedure>(text)
        .ok()
        .filter(|p| p.validate().is_ok());
    assert_eq!(
        read.as_ref().ok(),
        via_serde.as_ref(),
        "serde and Procedure::from_json disagree"
    );
    if let Ok(p) = &read {
        check(p);
    }
    if let Ok(catalog) = Catalog::from_json(text) {
        for p in catalog.iter() {
            check(p);
            assert_eq!(
                catalog.get(&p.code).ok().map(|found| &**found),
                Some(p),
                "a catalog does not find its own procedure"
            );
        }
    }
});
