//! Dossier documents and JSON lines: `Dossier::from_json` (the whole
//! document, procedure and calendar stamp included),
//! `Dossier::reevaluate_json` (the same document replayed on purpose on
//! another calendar) and `Dossier::from_json_line` (the line format of
//! many dossiers beside a catalog, read here with the sample center's
//! catalog).
//!
//! Dossiers move between systems as these documents, and each one is
//! replayed on the calendar: any text must give a dossier or an error,
//! never a panic. `reevaluate_json` reads what `from_json` reads, and more
//! only for a document stamped with another calendar. A document that
//! reads back writes a document (`to_json`, `to_json_line`) that re-reads
//! to the same bytes and the same clock state, and everything
//! `motcua_fuzz::check_dossier` checks holds of it (portal payloads that
//! validate, report identities, …).

#![no_main]

use libfuzzer_sys::fuzz_target;
use motcua::dossier::Dossier;
use motcua_fuzz::{calendar, check_dossier, reread, sample_catalog};

fuzz_target!(|data: &[u8]| {
    let Some(text) = motcua_fuzz::text(data) else {
        return;
    };
    let cal = calendar();
    let read = Dossier::from_json(text, cal);
    let reevaluated = Dossier::reevaluate_json(text, cal);
    match (&read, &reevaluated) {
        (Ok(d), Ok((again, _))) => {
            assert_eq!(
                again.to_json().unwrap(),
                d.to_json().unwrap(),
                "reevaluate_json and from_json disagree"
            );
            check_dossier(d);
        }
        (Ok(_), Err(e)) => panic!("from_json reads what reevaluate_json refuses: {e}"),
        (Err(e), Ok((again, recorded))) => {
            let elsewhere = recorded
                .as_ref()
                .is_some_and(|s| s.digest != cal.stamp().digest);
            assert!(
                e.code() == "dossier.calendar_mismatch" && elsewhere,
                "reevaluate_json reads what from_json refuses ({e}), not for its calendar"
            );
            check_dossier(again);
        }
        (Err(_), Err(_)) => {}
    }
    if let Ok(d) = Dossier::from_json_line(text, sample_catalog(), cal) {
        reread(
            "Dossier::to_json_line (sample catalog)",
            &d.to_json_line().unwrap(),
            |l| Dossier::from_json_line(l, sample_catalog(), cal),
            Dossier::to_json_line,
        );
        check_dossier(&d);
    }
});
