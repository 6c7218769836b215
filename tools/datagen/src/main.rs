//! Rewrites the generated tables from their sources.

use std::fs;

use motcua_datagen::{lunar, schedule, workspace_root, LUNAR_TABLE_PATH, SCHEDULE_TABLE_PATH};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = workspace_root();
    fs::write(root.join(LUNAR_TABLE_PATH), lunar::render_table())?;
    println!("wrote {LUNAR_TABLE_PATH}");
    fs::write(root.join(SCHEDULE_TABLE_PATH), schedule::render_table()?)?;
    println!("wrote {SCHEDULE_TABLE_PATH}");
    Ok(())
}
