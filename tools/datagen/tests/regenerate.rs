//! The checked-in generated tables must be exactly what their sources
//! generate; run `cargo run -p motcua-datagen` after editing a source.

use std::fs;

use motcua_datagen::{lunar, schedule, workspace_root, LUNAR_TABLE_PATH, SCHEDULE_TABLE_PATH};

fn checked_in(path: &str) -> String {
    fs::read_to_string(workspace_root().join(path)).expect("generated table is checked in")
}

#[test]
fn lunar_table_matches_the_astronomy() {
    assert!(
        checked_in(LUNAR_TABLE_PATH) == lunar::render_table(),
        "{LUNAR_TABLE_PATH} is stale: run `cargo run -p motcua-datagen`"
    );
}

#[test]
fn official_schedules_match_their_source() {
    assert!(
        checked_in(SCHEDULE_TABLE_PATH) == schedule::render_table().expect("source is valid"),
        "{SCHEDULE_TABLE_PATH} is stale: run `cargo run -p motcua-datagen`"
    );
}
