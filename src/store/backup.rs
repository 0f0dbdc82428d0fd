//! Automatic backups: each time a database with data is opened for writing, a consistent copy goes to
//! `riskbook-backups/` beside it; the newest `KEEP` are kept. A damaged file is restored from the newest
//! backup that passes `PRAGMA integrity_check`.

use super::error::{StoreError, StoreResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// How many automatic backups of one database are kept.
pub const KEEP: usize = 10;
pub const FOLDER: &str = "riskbook-backups";

pub fn folder(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join(FOLDER)
}

fn stem(db: &Path) -> String {
    db.file_stem()
        .map_or_else(|| "riskbook".into(), |s| s.to_string_lossy().into_owned())
}

/// Backups of `db`, newest first.
pub fn list(db: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}-", stem(db));
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder(db))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".db"))
                })
                .collect()
        })
        .unwrap_or_default();
    // The names end in a sortable time stamp.
    found.sort();
    found.reverse();
    found
}

fn io(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes a backup of the open database and prunes old ones; returns the new backup.
pub fn automatic(conn: &Connection, db: &Path) -> StoreResult<PathBuf> {
    let dir = folder(db);
    std::fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%3f");
    // Two opens in the same millisecond get -00, -01 …, so the names still sort by time.
    let to = (0..100)
        .map(|n| dir.join(format!("{}-{stamp}-{n:02}.db", stem(db))))
        .find(|p| !p.exists())
        .ok_or_else(|| StoreError::Invalid("バックアップの名前を決められません".into()))?;
    conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])?;
    for old in list(db).into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(old);
    }
    Ok(to)
}

fn sound(path: &Path) -> bool {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)))
        .is_ok_and(|r| r == "ok")
}

/// Replaces a damaged `db` by its newest sound backup. The damaged file is kept beside it as
/// `<name>.broken-<time>`. Returns the backup used.
pub fn restore(db: &Path) -> StoreResult<PathBuf> {
    let Some(backup) = list(db).into_iter().find(|b| sound(b)) else {
        return Err(StoreError::Invalid(format!(
            "「{}」の使えるバックアップが「{}」にありません。",
            db.display(),
            folder(db).display()
        )));
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    if db.exists() {
        let mut broken = db.as_os_str().to_owned();
        broken.push(format!(".broken-{stamp}"));
        std::fs::rename(db, PathBuf::from(broken)).map_err(|e| io(db, e))?;
    }
    for suffix in ["-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
    std::fs::copy(&backup, db).map_err(|e| io(db, e))?;
    Ok(backup)
}
