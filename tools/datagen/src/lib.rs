//! Generators of motcua's embedded data. `cargo run -p motcua-datagen`
//! rewrites the checked-in tables; `cargo test -p motcua-datagen` fails when
//! a checked-in table differs from what its source generates.

pub mod astro;
pub mod lunar;
pub mod schedule;

use std::path::PathBuf;

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Path of the generated lunar table, relative to the workspace root.
pub const LUNAR_TABLE_PATH: &str = "core/src/calendar/lunar/table.rs";
/// Path of the generated official schedules, relative to the workspace root.
pub const SCHEDULE_TABLE_PATH: &str = "core/src/calendar/holidays/official.rs";
/// Path of the human-edited official schedules, relative to the workspace root.
pub const SCHEDULE_SOURCE_PATH: &str = "data/vn-official-schedules.json";
