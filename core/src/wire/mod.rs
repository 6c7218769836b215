//! The wire format: every JSON document motcua reads or writes, kept out
//! of the domain modules, which hold the types and the rules only.
//!
//! - `reader`: the hand-written reader over a parsed `serde_json::Value`
//!   (`FromJson`, `Object`, `Path`, `JsonError`), with the size and depth
//!   limits of every document. serde's derive of the same types cost about
//!   90 KB of the WASM module; the reader also names the field of every
//!   error (`workflow[1].budget`), which [`crate::Error::path`] carries.
//! - `procedure`, `dossier`, `calendar`, `index`: the readers of each
//!   domain's documents and their `from_json` / `to_json` entry points.
//! - `dvcqg`: the reader of one unit of the national portal's 766 export;
//!   `unit`: the unit registry.
//! - `portal`: the validators of national-portal payloads, on the same
//!   reader and with the same path syntax.
//!
//! The written form of a type is its `Serialize` (derived, or written by
//! hand where its labels come from [`crate::labels`]); round-trip tests keep
//! the reader and the writer in step.

mod calendar;
mod dossier;
mod dvcqg;
mod index;
mod portal;
mod procedure;
pub(crate) mod reader;
mod unit;

pub use dossier::DossierOn;
pub use portal::{validate_dossier_sync, validate_progress};
pub use reader::{check_document_size, MAX_DOCUMENT_BYTES};
pub(crate) use reader::{
    deserialize_by_reader, deserialize_with_reader, expected, first_repeat, from_str, kind, label,
    list, no_repeats, one_of, parse, quoted, text, FromJson, JsonError, Object, Path,
};

/// Writes `value` as compact JSON: the one writer behind every `to_json`,
/// so that a failure is an error ([`crate::ErrorKind::Internal`]) and
/// never an empty text.
pub(crate) fn to_string<T: serde::Serialize + ?Sized>(value: &T) -> crate::Result<String> {
    serde_json::to_string(value).map_err(|e| {
        crate::Error::new(
            crate::ErrorKind::Internal,
            format!("cannot write the document as JSON: {e}"),
        )
    })
}
