//! What the window and the command line both do to a database: open it as a `Session`, bring a
//! workbook or a list in after a backup, load the sample, prepare a report. The window's menus and
//! the batch commands are thin callers of these, so the two cannot drift apart.

pub mod import;
pub mod report;
pub mod session;

pub use session::{Direction, Session};

use crate::calc::Evaluated;
use crate::domain::Catalogue;
use crate::sample::{sample_history, sample_workbook};
use crate::store::StoreResult;
use std::path::Path;

/// Replaces everything with the sample company (undo history cleared, as for an import), and
/// records its assessment of a year earlier unless that record is there already.
pub fn load_sample(session: &mut Session) -> StoreResult<()> {
    session.replace_all(&sample_workbook(Catalogue::builtin()))?;
    let earlier = sample_history(Catalogue::builtin());
    let recorded = session
        .snapshots()?
        .iter()
        .any(|s| s.taken_at == earlier.taken_at && s.note == earlier.note);
    if !recorded {
        session.record(
            &Evaluated::new(earlier.workbook),
            &earlier.note,
            &earlier.taken_at,
        )?;
    }
    Ok(())
}

/// Refuses to overwrite a register that already has assets, unless the caller was told to
/// (`--replace` on the command line; the window asks in its own dialog instead).
pub fn refuse_to_overwrite(session: &Session, replace: bool, with: &str) -> Result<(), String> {
    let existing = session.workbook().assets.len();
    if existing > 0 && !replace {
        return Err(format!(
            "「{}」には既に情報資産が {existing} 件あります。{with}で置き換えるには --replace を付けてください。",
            session.path().display(),
        ));
    }
    Ok(())
}

/// The name a report's footer shows for the database at `path`.
pub fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
