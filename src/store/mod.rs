//! The one SQLite file that holds a company's workbook.
//!
//! Opening takes an exclusive lock on `<file>.lock`, so a second riskbook on the same file gets a clear
//! message instead of overwriting the first one's edits. Every edit is one transaction; WAL with
//! `synchronous=FULL` keeps every committed edit through a crash or a killed process. A file on a
//! network share uses the rollback journal instead, since WAL needs memory shared on one host.

pub mod backup;
mod checksheet;
mod declaration;
mod edit;
mod error;
mod load;
pub mod location;
mod plan;
mod policy;
pub mod policy_document;
pub mod schema;
pub mod snapshots;
mod supplier;
mod treatment;
pub mod year;

pub use error::{StoreError, StoreResult};

use crate::domain::{Catalogue, Edit, EditOutcome, Workbook};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Held for the life of the store; the OS releases it when the process ends, however it ends.
    /// None for a read-only store, which takes no lock.
    _lock: Option<File>,
    backup: Option<PathBuf>,
    /// Why this open's automatic backup could not be written, if it could not.
    backup_failure: Option<String>,
    /// Where the file is on a network share (and so kept without WAL), if it is.
    network: Option<String>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn take_lock(path: &Path) -> StoreResult<File> {
    let lock_path = lock_path(path);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                StoreError::ReadOnlyLocation(path.to_path_buf())
            }
            _ => StoreError::Io {
                path: lock_path.clone(),
                source,
            },
        })?;
    // A lock can outlive its holder for a moment: a child process being started (fork, then exec)
    // holds a copy of the descriptor until exec closes it. A second riskbook holds it for good.
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(500);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked(path.to_path_buf()));
            }
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(StoreError::Io {
                    path: lock_path,
                    source,
                });
            }
        }
    }
}

/// An error while reading the file's structure: corruption is reported as such (with the way back
/// from backups); a file that cannot be written is not corrupt.
fn corrupt(path: &Path, e: &rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(ReadOnly) => StoreError::ReadOnlyLocation(path.to_path_buf()),
        Some(DatabaseCorrupt | NotADatabase) | None => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy,
        Some(DiskFull) => StoreError::DiskFull,
        Some(SystemIoFailure) => StoreError::DiskIo(e.to_string()),
        Some(_) => StoreError::Invalid(format!(
            "データベース「{}」を読めません：{e}",
            path.display()
        )),
    }
}

/// Where the disk holding `path` has no room left, SQLite's "disk I/O error" is a full disk (SQLite
/// reports one or the other depending on which file ran out): the user is told so.
fn full_disk_or(path: &Path, e: StoreError) -> StoreError {
    /// Less than this free, an I/O error is taken for a full disk.
    const NO_ROOM: u64 = 1 << 20;
    let folder = path.parent().filter(|d| !d.as_os_str().is_empty());
    match e {
        StoreError::DiskIo(_)
            if crate::platform::free_bytes(folder.unwrap_or(Path::new(".")))
                .is_some_and(|free| free < NO_ROOM) =>
        {
            StoreError::DiskFull
        }
        e => e,
    }
}

/// `file:` URI of a path, for SQLite's URI parameters.
fn file_uri(path: &Path, params: &str) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' | ' ' => uri.push_str(&format!("%{:02X}", c as u32)),
            '\\' => uri.push('/'),
            _ => uri.push(c),
        }
    }
    uri.push('?');
    uri.push_str(params);
    uri
}

/// The schema version and application id of an open file; a file that is not SQLite at all is
/// reported as not ours.
fn read_header(conn: &Connection, path: &Path) -> StoreResult<(i64, i64)> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            // Ours once if we have backups of it: damaged, not foreign.
            Some(rusqlite::ErrorCode::NotADatabase) if backup::list(path).is_empty() => {
                StoreError::NotRiskbook(path.into())
            }
            _ => corrupt(path, &e),
        })?;
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| corrupt(path, &e))?;
    Ok((version, app_id))
}

impl Store {
    /// Opens the database at `path`, creating it with the built-in catalogue if it does not exist, and
    /// migrating an older one after writing a backup copy to `riskbook-backups/`.
    pub fn open(path: &Path) -> StoreResult<Store> {
        Store::open_with(path, Catalogue::builtin)
    }

    pub fn open_with(path: &Path, catalogue: impl FnOnce() -> Catalogue) -> StoreResult<Store> {
        Store::open_unexplained(path, catalogue).map_err(|e| full_disk_or(path, e))
    }

    fn open_unexplained(path: &Path, catalogue: impl FnOnce() -> Catalogue) -> StoreResult<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let lock = take_lock(path)?;
        let existed_with_data = std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(StoreError::from)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;

        let (version, app_id) = read_header(&conn, path)?;
        let table_count: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| corrupt(path, &e))?;
        if version > schema::CURRENT_VERSION {
            return Err(StoreError::Newer {
                path: path.into(),
                found: version,
                supported: schema::CURRENT_VERSION,
            });
        }
        if (version == 0 && table_count > 0) || (version > 0 && app_id != schema::APPLICATION_ID) {
            return Err(StoreError::NotRiskbook(path.into()));
        }

        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // WAL needs memory shared on one host, which a network share does not give: there the
        // rollback journal is used, and our lock file keeps to one writer at a time.
        let network = crate::platform::network_location(path);
        let wanted = if network.is_some() { "delete" } else { "wal" };
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", wanted, |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case(wanted) {
            return Err(StoreError::Invalid(format!(
                "データベースの保存方式（journal_mode = {wanted}）を設定できませんでした（{mode}）"
            )));
        }

        let mut backup = None;
        if version < schema::CURRENT_VERSION {
            if version > 0 && existed_with_data {
                let kind = backup::Kind::BeforeUpgrade(version);
                backup = Some(backup::vacuum_into(&conn, path, kind)?);
            }
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            schema::migrate(&tx, version)?;
            if version == 0 {
                edit::insert_catalogue(&tx, &catalogue())?;
            }
            tx.commit()?;
        }
        let integrity: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| corrupt(path, &e))?;
        if integrity != "ok" {
            return Err(StoreError::Corrupt {
                path: path.into(),
                detail: integrity,
            });
        }
        // A sound file with data is copied aside each time it is opened for writing. A backup that
        // cannot be written (a full disk) must not keep the user from their data: it is reported.
        let backup_failure = if existed_with_data {
            backup::vacuum_into(&conn, path, backup::Kind::Automatic)
                .err()
                .map(|e| e.to_string())
        } else {
            None
        };
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            _lock: Some(lock),
            backup,
            backup_failure,
            network,
        })
    }

    /// Opens an existing database for reading only (reports, summaries), even while the app has it
    /// open: SQLite's WAL lets readers see the last committed state. Nothing is created, migrated or
    /// written.
    pub fn open_read_only(path: &Path) -> StoreResult<Store> {
        if !path.exists() {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        // Opened for writing where the file allows it, and then refusing every write (query_only):
        // only a connection that may write can, as the last one to close, fold the WAL back into
        // the file and remove it. A write-protected file is opened read-only by SQLite itself.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.pragma_update(None, "query_only", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let (conn, (version, app_id)) = match read_header(&conn, path) {
            // A WAL file in a folder we cannot write: SQLite cannot make its shared-memory file. No
            // one can be writing it from here, so it is read as an unchanging file.
            Err(StoreError::ReadOnlyLocation(_)) => {
                let conn = Connection::open_with_flags(
                    file_uri(path, "immutable=1"),
                    OpenFlags::SQLITE_OPEN_READ_ONLY
                        | OpenFlags::SQLITE_OPEN_NO_MUTEX
                        | OpenFlags::SQLITE_OPEN_URI,
                )?;
                let header = read_header(&conn, path)?;
                (conn, header)
            }
            other => (conn, other?),
        };
        if version > schema::CURRENT_VERSION {
            return Err(StoreError::Newer {
                path: path.into(),
                found: version,
                supported: schema::CURRENT_VERSION,
            });
        }
        if app_id != schema::APPLICATION_ID {
            return Err(StoreError::NotRiskbook(path.into()));
        }
        if version < schema::CURRENT_VERSION {
            return Err(StoreError::Invalid(format!(
                "データベース「{}」は古い形式です。一度 riskbook で開くと新しい形式に更新されます。",
                path.display()
            )));
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            _lock: None,
            backup: None,
            backup_failure: None,
            network: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The copy written before this open migrated the file, if it did.
    pub fn migration_backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// The network share the file is on (then saved with a rollback journal instead of WAL).
    pub fn network_location(&self) -> Option<&str> {
        self.network.as_deref()
    }

    /// Why the automatic backup of this open failed (shown to the user), if it did.
    pub fn backup_failure(&self) -> Option<&str> {
        self.backup_failure.as_deref()
    }

    /// The whole workbook as stored.
    pub fn load(&self) -> StoreResult<Workbook> {
        load::workbook(&self.conn)
    }

    /// Runs `work` in one transaction: all of it is saved, or none.
    fn in_transaction<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction) -> StoreResult<T>,
    ) -> StoreResult<T> {
        let path = self.path.clone();
        let run = || {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let done = work(&tx)?;
            tx.commit()?;
            Ok(done)
        };
        run().map_err(|e| full_disk_or(&path, e))
    }

    /// Applies one user edit in one transaction: all of it is saved, or none.
    pub fn apply(&mut self, edit: &Edit) -> StoreResult<EditOutcome> {
        self.in_transaction(|tx| edit::apply(tx, edit))
    }

    /// The company's policy draft (Word) as imported, if one was.
    pub fn policy_document(&self) -> StoreResult<Option<policy_document::PolicyDocument>> {
        policy_document::document(&self.conn)
    }

    /// Stores a new policy draft in place of the old one and its values, in one transaction.
    pub fn replace_policy_document(
        &mut self,
        document: &policy_document::PolicyDocument,
    ) -> StoreResult<()> {
        self.in_transaction(|tx| policy_document::replace_document(tx, document))
    }

    /// Stores a customer's check sheet with its file, in one transaction; returns its id.
    pub fn insert_checksheet(
        &mut self,
        sheet: &crate::domain::checksheet::CheckSheet,
        bytes: &[u8],
    ) -> StoreResult<crate::domain::checksheet::SheetId> {
        self.in_transaction(|tx| checksheet::insert(tx, sheet, bytes))
    }

    /// Removes a customer's check sheet with its answers and its file.
    pub fn delete_checksheet(&mut self, id: crate::domain::checksheet::SheetId) -> StoreResult<()> {
        self.in_transaction(|tx| checksheet::delete(tx, id))
    }

    /// The customers' check sheets with their answers (without their files).
    pub fn checksheets(&self) -> StoreResult<Vec<crate::domain::checksheet::CheckSheet>> {
        checksheet::load(&self.conn)
    }

    /// The customer's file of a check sheet, as it was imported.
    pub fn checksheet_bytes(&self, id: crate::domain::checksheet::SheetId) -> StoreResult<Vec<u8>> {
        checksheet::bytes(&self.conn, id)
    }

    /// Replaces the whole workbook (import, sample data) in one transaction.
    pub fn replace_all(&mut self, workbook: &Workbook) -> StoreResult<()> {
        self.in_transaction(|tx| edit::replace_all(tx, workbook))
    }

    /// Stores the whole workbook with its computed results as a dated snapshot (「診断を確定」).
    pub fn take_snapshot(
        &mut self,
        workbook: &Workbook,
        results_json: &str,
        note: &str,
    ) -> StoreResult<i64> {
        let now = chrono::Local::now()
            .format(snapshots::TAKEN_AT_FORMAT)
            .to_string();
        self.take_snapshot_at(workbook, results_json, note, &now)
    }

    /// A snapshot dated `taken_at` (`YYYY-MM-DD HH:MM:SS`): the sample's earlier assessment.
    pub fn take_snapshot_at(
        &mut self,
        workbook: &Workbook,
        results_json: &str,
        note: &str,
        taken_at: &str,
    ) -> StoreResult<i64> {
        self.in_transaction(|tx| snapshots::insert(tx, workbook, results_json, note, taken_at))
    }

    /// Snapshots, oldest first.
    pub fn snapshots(&self) -> StoreResult<Vec<snapshots::SnapshotInfo>> {
        snapshots::list(&self.conn)
    }

    pub fn snapshot_results(&self, id: i64) -> StoreResult<String> {
        snapshots::results(&self.conn, id)
    }

    pub fn snapshot(&self, id: i64) -> StoreResult<Workbook> {
        snapshots::load(&self.conn, id)
    }

    /// The last confirmed assessment with its label (date and note), for 前回との比較 in the report.
    /// The window and the command line both ask for it here, so having none is the same error for
    /// both.
    pub fn comparison_base(&self) -> StoreResult<(String, Workbook)> {
        let last = self.snapshots()?.pop().ok_or_else(|| {
            StoreError::Invalid(
                "「診断を確定」した記録がないため、前回との比較は作れません。比較を入れずに作るか、先に履歴で「診断を確定」してください。".into(),
            )
        })?;
        Ok((last.label(), self.snapshot(last.id)?))
    }

    /// A consistent copy of the database at `to` (名前を付けて保存, backups). It is written beside `to`
    /// and then renamed over it, so a copy that fails (a full disk) leaves a file already at `to`
    /// as it was.
    pub fn copy_to(&self, to: &Path) -> StoreResult<()> {
        let mut partial = to.as_os_str().to_owned();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { path, source }
        };
        // Left by a copy that was interrupted; VACUUM INTO refuses an existing file.
        if partial.exists() {
            std::fs::remove_file(&partial).map_err(io(&partial))?;
        }
        let written = self
            .vacuum_into(&partial)
            .and_then(|_| {
                // Write access: Windows flushes only a file opened for writing.
                OpenOptions::new()
                    .write(true)
                    .open(&partial)
                    .and_then(|f| f.sync_all())
                    .map_err(io(&partial))
            })
            .and_then(|()| std::fs::rename(&partial, to).map_err(io(to)));
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        written
    }

    /// VACUUM INTO writes only the new file; a store that refuses writes (query_only) allows it.
    fn vacuum_into(&self, to: &Path) -> StoreResult<()> {
        let query_only: bool = self
            .conn
            .pragma_query_value(None, "query_only", |r| r.get(0))?;
        self.conn.pragma_update(None, "query_only", false)?;
        let copied = self.conn.execute("VACUUM INTO ?1", [to.to_string_lossy()]);
        self.conn.pragma_update(None, "query_only", query_only)?;
        copied?;
        Ok(())
    }

    /// Writes a consistent copy to `riskbook-backups/` before a large change (an import), pruned in
    /// that kind's rotation; returns its full path.
    pub fn backup(&self, kind: backup::Kind) -> StoreResult<PathBuf> {
        backup::write(&self.path, kind, |to| self.copy_to(to))
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    pub fn integrity_check(&self) -> StoreResult<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}
