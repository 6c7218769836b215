//! `files::read_export`: a vendor's dossier export, CSV or .xlsx, from an
//! official's upload.
//!
//! Any bytes give an export or one of the file errors (a missing column,
//! a bad cell, an unreadable workbook, a foreign encoding), never a panic,
//! and every error names the file. An export that reads has rows whose
//! records are consistent (a bad row is an error, not a record the report
//! would have to leave out), and its report keeps the form's identities;
//! collecting bad rows keeps the rows that failing on them reads.

#![no_main]

use libfuzzer_sys::fuzz_target;
use motcua::files::{read_export, BadRows, ColumnMapping};
use motcua::report::{GroupBy, Period};
use motcua::ErrorKind;

fuzz_target!(|data: &[u8]| {
    let name = if data.starts_with(b"PK") {
        "f.xlsx"
    } else {
        "f.csv"
    };
    let mapping = ColumnMapping::default();
    let strict = read_export(name, data, &mapping, BadRows::Fail);
    let lenient = read_export(name, data, &mapping, BadRows::Collect);
    match &strict {
        Ok(export) => {
            assert!(export.rows.iter().all(|r| r.record.is_consistent()));
            let Ok(period) = Period::year(2026) else {
                return;
            };
            if let Ok(report) = export.report(period, GroupBy::ReceivingUnit) {
                assert!(report.total().identities_hold());
            }
            let lenient = lenient
                .as_ref()
                .expect("what reads strictly reads leniently");
            assert_eq!(lenient.rows, export.rows);
            assert!(lenient.rejected.is_empty());
        }
        Err(e) => {
            assert_eq!(e.file(), Some(name), "{e}");
            assert!(
                matches!(
                    e.kind(),
                    ErrorKind::MissingColumn
                        | ErrorKind::InvalidCell
                        | ErrorKind::UnreadableFile
                        | ErrorKind::UnsupportedEncoding
                ),
                "{e}"
            );
            if let Ok(lenient) = &lenient {
                assert!(lenient.rejected.iter().all(|r| r.file() == Some(name)));
            }
        }
    }
});
