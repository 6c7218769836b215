//! National-portal payload validation: `validate_dossier_sync`
//! (`DongBoHoSoMC`) and `validate_progress` (`CapNhatTienDoHoSoMC`).
//!
//! The validators are meant for payloads built elsewhere, before they are
//! sent: any text must validate or give `portal.invalid_payload`, never a
//! panic. A payload that validates and deserializes into the library's
//! own type (`DossierSync`, `ProgressEntry`) still validates once that
//! type writes it again: what the validators check is what the types
//! keep.

#![no_main]

use libfuzzer_sys::fuzz_target;
use motcua::portal::{self, DossierSync, ProgressEntry};

fuzz_target!(|data: &[u8]| {
    let Some(text) = motcua_fuzz::text(data) else {
        return;
    };
    let sync = portal::validate_dossier_sync(text);
    if let Err(e) = &sync {
        assert_eq!(e.code(), "portal.invalid_payload", "{e}");
    }
    if let (Ok(()), Ok(payload)) = (&sync, serde_json::from_str::<DossierSync>(text)) {
        let written = payload.to_json().unwrap();
        if let Err(e) = portal::validate_dossier_sync(&written) {
            panic!("a valid sync payload, read and written by DossierSync, fails: {e}\n{written}");
        }
    }

    let progress = portal::validate_progress(text);
    if let Err(e) = &progress {
        assert_eq!(e.code(), "portal.invalid_payload", "{e}");
    }
    if let (Ok(()), Ok(entries)) = (&progress, serde_json::from_str::<Vec<ProgressEntry>>(text)) {
        let written = serde_json::to_string(&entries).expect("progress entries serialize");
        if let Err(e) = portal::validate_progress(&written) {
            panic!("a valid progress payload, read and written by ProgressEntry, fails: {e}\n{written}");
        }
    }
});
