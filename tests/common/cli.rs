//! The `riskbook` executable, run as a script runs it.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `riskbook` with `args` and waits for it.
pub fn riskbook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_riskbook"))
        .args(args)
        .output()
        .unwrap()
}

/// A database at `db` filled by `riskbook sample`.
pub fn sample_database(db: &Path) {
    let made = riskbook(&["sample", "--db", db.to_str().unwrap()]);
    assert!(
        made.status.success(),
        "riskbook sample: {}",
        String::from_utf8_lossy(&made.stderr)
    );
}

/// What of `summary --json` an IPA workbook carries: all but the 規程 (the company profile and the
/// documents' status are not in the workbook, so an import into a new database has none) and the
/// year's records and the 委託先 (kept by the database an import goes into).
pub fn sheet_summary(json: &[u8]) -> serde_json::Value {
    let mut json: serde_json::Value = serde_json::from_slice(json).unwrap();
    let object = json.as_object_mut().unwrap();
    for key in [
        "policies",
        "duties",
        "trainings",
        "incidents",
        "contacts",
        "suppliers",
    ] {
        object.remove(key);
    }
    json
}
