//! The files officials submit and receive (feature `spreadsheets`).
//!
//! - [`ii06a`]: the period report as an .xlsx in the layout of form
//!   II.06a/VPCP/KSTT, the table a center sends up;
//! - [`scorecard`]: the monthly Decision 766 scorecard as an .xlsx, one
//!   sheet per group with a chart, and the methodology it was scored with;
//! - [`export`]: the dossier exports of one-stop systems (CSV or .xlsx,
//!   Vietnamese headers) read into report records.
//!
//! Like the rest of the crate, nothing here touches the file system: the
//! writers return the file's bytes and the reader takes them, with the
//! file's name for its errors. Writing goes through `rust_xlsxwriter` and
//! reading through `calamine` and `csv`, never hand-written zip or XML.
//!
//! Only form II.06a is laid out. The form "07a/BTP" that provincial report
//! tools of 2026 read (cross-boundary reception, late with or without an
//! apology, awaiting reception) has no legal text we could locate, so it is
//! not offered rather than invented.

pub mod export;
pub mod ii06a;
pub mod scorecard;
mod sheet;

pub use export::{read_export, BadRows, Column, ColumnMapping, Export, ExportRow};
pub use ii06a::ii06a_xlsx;
pub use scorecard::scorecard_xlsx;
pub use sheet::Heading;
