//! Where the database lives when no `--db` is given: the per-user data folder
//! (Windows: %APPDATA%\riskbook\data, macOS: ~/Library/Application Support/riskbook,
//! Linux: ~/.local/share/riskbook).

use std::path::PathBuf;

pub const FILE_NAME: &str = "riskbook.db";

pub fn default_database() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "riskbook").map(|d| d.data_dir().join(FILE_NAME))
}
