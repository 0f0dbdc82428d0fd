//! A database in a place that cannot be written: a clear message, nothing changed, and reading still
//! works. As root (CI), file modes do not stop writes, so the program runs as user nobody (setpriv).
#![cfg(unix)]

mod common;
use common::cli::sample_database;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

fn riskbook_unprivileged(args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_riskbook");
    if is_root() {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", bin])
            .args(args)
            .output()
            .expect("setpriv (util-linux)")
    } else {
        Command::new(bin).args(args).output().unwrap()
    }
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_read_only_database_is_refused_for_writing_and_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("共有");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("r.db");
    let db_arg = db.to_str().unwrap();
    sample_database(&db);
    // Readable by everyone, writable by no one but its owner (root in CI, where we then are nobody).
    set_mode(dir.path(), 0o755);
    set_mode(&folder, if is_root() { 0o755 } else { 0o555 });
    set_mode(&db, if is_root() { 0o644 } else { 0o444 });
    let before = std::fs::read(&db).unwrap();

    let out = riskbook_unprivileged(&["sample", "--db", db_arg, "--replace"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("書き込めない場所（読み取り専用）"), "{err}");
    assert!(
        !err.contains("壊れている"),
        "a read-only file is not called broken: {err}"
    );

    let out = riskbook_unprivileged(&["summary", "--db", db_arg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("情報資産 32 件"));

    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing changed");
    set_mode(&folder, 0o755);
}
