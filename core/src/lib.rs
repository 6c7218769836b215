//! # motcua
//!
//! The rules of Vietnam's one-stop public administrative service ("một cửa"),
//! implemented once, correctly and fast, for Rust services, Python analysts
//! (the `motcua` wheel) and web portals (the `motcua` WASM module).
//!
//! This crate is the pure domain model: it reads no clock, does no I/O and
//! knows nothing about its bindings. Every function that needs "now" takes it
//! as an argument.
//!
//! - [`calendar`]: the Vietnamese working calendar: lunar calendar (âm lịch,
//!   UTC+7), state-sector holidays by era with the official yearly schedules,
//!   working days and working time on instants.
//! - [`procedure`]: administrative procedures (TTHC) and their catalog.
//! - [`dossier`]: dossier codes, the 10 national-portal statuses, the event
//!   log, the legal clock replayed from it, explanations and form data.
//! - [`impact`]: which dossiers' appointments a calendar change moves, and
//!   the new appointment each open one needs.
//! - [`law`]: the one-stop rule sets by reception date (Decree 61/2018,
//!   Decree 118/2025 as amended) and the article each rule follows.
//! - [`index`]: the Decision 766 service index: methodology as data,
//!   scores, ranking and what-if.
//! - [`portal`]: national-portal payloads (dossier sync, progress), built
//!   and validated offline.
//! - [`report`]: the period report (form II.06a) over any set of dossiers.
//! - [`files`] (feature `spreadsheets`): form II.06a and the monthly
//!   scorecard as .xlsx files, vendors' CSV and .xlsx dossier exports read
//!   into report records.
//! - [`error`]: the one public error type, with a stable machine code per kind.
//!
//! ## Features
//!
//! - `sample`: the `sample` module, a seeded sample center (catalog
//!   and a quarter of dossiers) for examples, demos and benchmarks.
//! - `internals`: the text helpers that the first-party bindings, examples,
//!   tests and fuzzers share, `calendar::iso` (ISO text of dates and
//!   instants) and `decimal` (numbers written as std writes them). They are
//!   not part of the semver surface and change with the bindings.
//! - `spreadsheets`: the `files` module (writes .xlsx with
//!   `rust_xlsxwriter`, reads .xlsx with `calamine` and CSV with `csv`).
//!
//! ```
//! use chrono::NaiveDate;
//! use motcua::calendar::Calendar;
//!
//! let cal = Calendar::vietnam();
//! let friday = NaiveDate::from_ymd_opt(2026, 2, 13).unwrap();
//! // Tết Bính Ngọ: closed 16–20 February 2026.
//! assert_eq!(
//!     cal.add_working_days(friday, 1)?,
//!     NaiveDate::from_ymd_opt(2026, 2, 23).unwrap()
//! );
//! # Ok::<(), motcua::Error>(())
//! ```

pub mod calendar;
#[cfg(feature = "internals")]
pub mod decimal;
#[cfg(not(feature = "internals"))]
#[allow(dead_code)] // what only the bindings use
mod decimal;
pub mod dossier;
pub mod error;
#[cfg(feature = "spreadsheets")]
pub mod files;
mod ids;
pub mod impact;
pub mod index;
mod labels;
pub mod law;
pub mod portal;
pub mod procedure;
pub mod report;
#[cfg(feature = "sample")]
pub mod sample;
pub mod unit;
mod wire;

pub use error::{Error, ErrorKind, Result};
/// The largest JSON document any reader of the library takes.
pub use wire::{check_document_size, MAX_DOCUMENT_BYTES};

/// The crate README's examples run as doctests, in the repository and in
/// the packaged crate alike (the README is inside the package).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctest;
