//! Backups of a database, all in `riskbook-backups/` beside it so that the user's folder holds only
//! the database: the automatic copy of each open for writing, the copy made before an import, and
//! the copy made before the schema is upgraded. Each kind is pruned in its own rotation (a burst of
//! imports does not push out the automatic backups). A damaged file is restored from the newest
//! backup of any kind that passes `PRAGMA integrity_check`.

use super::error::{StoreError, StoreResult};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// How many backups of one rotation (see `Kind::rotation`) are kept.
pub const KEEP: usize = 10;
pub const FOLDER: &str = "riskbook-backups";

/// What a backup was made for. Its name says so after the time stamp, in ASCII: the same words on
/// every Windows code page and in every zip tool, e.g. `会社-20261202-093012345-00-before-import.db`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Each open for writing of a file with data: `会社-20261202-093012345-00.db`.
    Automatic,
    /// Before an IPA workbook replaced everything (Excel取込): `…-before-import.db`.
    BeforeImport,
    /// Before another program's list went into the 台帳: `…-before-register-import.db`.
    BeforeListImport,
    /// Before the schema was upgraded from this version: `…-before-upgrade-v1.db`.
    BeforeUpgrade(i64),
}

/// The kinds pruned together.
#[derive(Debug, PartialEq, Eq)]
enum Rotation {
    Opens,
    Imports,
}

impl Kind {
    fn label(self) -> String {
        match self {
            Kind::Automatic => String::new(),
            Kind::BeforeImport => "-before-import".into(),
            Kind::BeforeListImport => "-before-register-import".into(),
            Kind::BeforeUpgrade(version) => format!("-before-upgrade-v{version}"),
        }
    }

    fn from_label(label: &str) -> Option<Kind> {
        match label {
            "" => Some(Kind::Automatic),
            "-before-import" => Some(Kind::BeforeImport),
            "-before-register-import" => Some(Kind::BeforeListImport),
            _ => label
                .strip_prefix("-before-upgrade-v")?
                .parse()
                .ok()
                .map(Kind::BeforeUpgrade),
        }
    }

    /// A copy from before an upgrade is never pruned: there is one per upgrade of the file, and it
    /// is the way back until the user has seen the new version work.
    fn rotation(self) -> Option<Rotation> {
        match self {
            Kind::Automatic => Some(Rotation::Opens),
            Kind::BeforeImport | Kind::BeforeListImport => Some(Rotation::Imports),
            Kind::BeforeUpgrade(_) => None,
        }
    }
}

/// The backups folder of `db`, as a full path (the messages show it).
pub fn folder(db: &Path) -> PathBuf {
    let db = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    db.parent().unwrap_or(Path::new(".")).join(FOLDER)
}

fn stem(db: &Path) -> String {
    db.file_stem()
        .map_or_else(|| "riskbook".into(), |s| s.to_string_lossy().into_owned())
}

/// The kind of a backup of the database named `stem`, from the file name
/// `<stem>-YYYYMMDD-HHMMSSmmm-NN<label>.db`; `None` for any other file (another database's).
fn kind_of(name: &str, stem: &str) -> Option<Kind> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(".db")?;
    // The time stamp and counter: 8 digits, '-', 9 digits, '-', 2 digits.
    let (stamp, label) = rest.split_at_checked(21)?;
    let shape_ok = stamp.char_indices().all(|(i, c)| match i {
        8 | 18 => c == '-',
        _ => c.is_ascii_digit(),
    });
    if !shape_ok {
        return None;
    }
    Kind::from_label(label)
}

/// Backups of `db` with their kind, newest first.
fn list_kinds(db: &Path) -> Vec<(PathBuf, Kind)> {
    let stem = stem(db);
    let mut found: Vec<(PathBuf, Kind)> = std::fs::read_dir(folder(db))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter_map(|p| {
                    let kind = kind_of(p.file_name()?.to_str()?, &stem)?;
                    Some((p, kind))
                })
                .collect()
        })
        .unwrap_or_default();
    // After the database's name, the names start with a sortable time stamp.
    found.sort_by(|a, b| b.0.cmp(&a.0));
    found
}

/// Backups of `db` of every kind, newest first.
pub fn list(db: &Path) -> Vec<PathBuf> {
    list_kinds(db).into_iter().map(|(path, _)| path).collect()
}

fn io(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes a backup of `db` of `kind` with `copy` (given the new file's path), then prunes that
/// kind's rotation to the newest `KEEP`. Returns the new backup's full path.
pub fn write(
    db: &Path,
    kind: Kind,
    copy: impl FnOnce(&Path) -> StoreResult<()>,
) -> StoreResult<PathBuf> {
    let dir = folder(db);
    std::fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%3f");
    let (stem, label) = (stem(db), kind.label());
    // Two backups in the same millisecond get -00, -01 …, so the names still sort by time.
    let to = (0..100)
        .map(|n| dir.join(format!("{stem}-{stamp}-{n:02}{label}.db")))
        .find(|p| !p.exists())
        .ok_or_else(|| StoreError::Invalid("バックアップの名前を決められません".into()))?;
    copy(&to)?;
    prune(db, kind);
    Ok(to)
}

fn prune(db: &Path, kind: Kind) {
    let Some(rotation) = kind.rotation() else {
        return;
    };
    let old = list_kinds(db)
        .into_iter()
        .filter(|(_, k)| k.rotation().as_ref() == Some(&rotation))
        .skip(KEEP);
    for (path, _) in old {
        let _ = std::fs::remove_file(path);
    }
}

/// `VACUUM INTO` a new backup of the open database `conn` at `db`; returns the backup.
pub fn vacuum_into(conn: &Connection, db: &Path, kind: Kind) -> StoreResult<PathBuf> {
    write(db, kind, |to| {
        conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])?;
        Ok(())
    })
}

fn sound(path: &Path) -> bool {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)))
        .is_ok_and(|r| r == "ok")
}

/// Replaces a damaged `db` by its newest sound backup of any kind (the newest holds the latest
/// data: a copy before an import is newer than the automatic backup of that open). The damaged
/// file is kept beside it as `<name>.broken-<time>`. Returns the backup used.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_their_kind_and_other_databases_backups_are_not_ours() {
        for kind in [
            Kind::Automatic,
            Kind::BeforeImport,
            Kind::BeforeListImport,
            Kind::BeforeUpgrade(3),
        ] {
            let name = format!("会社-20261202-093012345-00{}.db", kind.label());
            assert_eq!(kind_of(&name, "会社"), Some(kind), "{name}");
        }
        assert_eq!(kind_of("会社-2-20261202-093012345-00.db", "会社"), None);
        assert_eq!(
            kind_of("会社-20261202-093012345-00.db.partial", "会社"),
            None
        );
        assert_eq!(kind_of("会社-20261202-093012345-00-other.db", "会社"), None);
    }
}
