//! What the window and the command line both do to a database: open it as a `Session`, bring a
//! workbook or a list in after a backup, load the sample, prepare a report. The window's menus and
//! the batch commands are thin callers of these, so the two cannot drift apart.

pub mod checksheet;
pub mod error;
pub mod import;
pub mod policy_document;
pub mod report;
pub mod session;

pub use error::OperationError;
pub use session::{Direction, Session};

use crate::calc::Evaluated;
use crate::domain::Catalogue;
use crate::sample::{sample_history, sample_workbook};
use crate::store::StoreResult;
use std::path::{Path, PathBuf};

/// Replaces everything with the sample company (undo history cleared, as for an import), and
/// records its earlier confirmed assessments unless they are there already.
pub fn load_sample(session: &mut Session) -> StoreResult<()> {
    session.replace_all(&sample_workbook(Catalogue::builtin()))?;
    let recorded = session.snapshots()?;
    for earlier in sample_history(Catalogue::builtin()) {
        let there = recorded
            .iter()
            .any(|s| s.taken_at == earlier.taken_at && s.note == earlier.note);
        if !there {
            session.record(
                &Evaluated::new(earlier.workbook),
                &earlier.note,
                &earlier.taken_at,
            )?;
        }
    }
    Ok(())
}

/// Refuses to overwrite a register that already has assets, unless the caller was told to
/// (`--replace` on the command line; the window asks in its own dialog instead).
pub fn refuse_to_overwrite(session: &Session, replace: bool) -> Result<(), OperationError> {
    let assets = session.workbook().assets.len();
    if assets > 0 && !replace {
        return Err(OperationError::WouldOverwrite { assets });
    }
    Ok(())
}

/// Puts the newest sound backup (`store::backup::restore`) in place of a broken database and opens it, which
/// proves the restored file works. Returns the session and the backup used.
pub fn restore_backup(path: &Path) -> StoreResult<(Session, PathBuf)> {
    let used = crate::store::backup::restore(path)?;
    Ok((Session::open(path)?, used))
}
