//! Every file riskbook writes for the user (Excel, PDF, Word, a customer's sheet) goes through a
//! file beside the target that is renamed over it, so a failed or refused write leaves a file
//! already there as it was and nothing half-written.

use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through `path` + ".part"; the partial file is removed on failure.
pub fn write_beside(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".part");
    let partial = PathBuf::from(partial);
    let written = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_keeps_the_file_there_and_leaves_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.xlsx");
        write_beside(&target, b"first").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"first");
        // A directory in the way of the rename: the write fails, the old file stays.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("x"), b"").unwrap();
        assert!(write_beside(&blocked, b"second").is_err());
        assert!(!dir.path().join("blocked.part").exists());
        assert_eq!(std::fs::read(&target).unwrap(), b"first");
    }
}
