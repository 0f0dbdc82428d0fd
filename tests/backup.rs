//! Automatic backups and restoring a damaged database from them.

use riskbook::domain::Edit;
use riskbook::store::{Store, StoreError, backup};
use std::path::Path;

mod common;
use common::cli::riskbook;
use common::data::on_disk;

fn name_of_first_asset(path: &Path) -> String {
    on_disk(path).assets[0].name.clone()
}

/// Overwrites part of the file after its first page, as a failing disk or a bad copy would.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let len = bytes.len();
    for b in &mut bytes[4096..len.min(4096 * 6)] {
        *b = 0xA5;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn opening_keeps_the_last_ten_backups() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("会社.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.apply(&Edit::InsertAsset {
            index: 0,
            asset: riskbook::domain::Asset::named("顧客名簿"),
        })
        .unwrap();
    }
    assert!(
        backup::list(&path).is_empty(),
        "a new, empty file is not backed up"
    );
    for _ in 0..12 {
        drop(Store::open(&path).unwrap());
    }
    let backups = backup::list(&path);
    assert_eq!(backups.len(), backup::KEEP);
    assert!(
        backups
            .iter()
            .all(|b| b.parent().unwrap().ends_with(backup::FOLDER))
    );
    let copy = on_disk(&backups[0]);
    assert_eq!(copy.assets[0].name, "顧客名簿");
}

#[test]
fn a_damaged_database_is_reported_and_restored_from_the_newest_sound_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    let db = path.to_str().unwrap();
    assert!(riskbook(&["sample", "--db", db]).status.success());
    drop(Store::open(&path).unwrap()); // opened once more: a backup with the sample in it
    assert_eq!(name_of_first_asset(&path), "社員名簿");

    damage(&path);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("riskbook restore"), "{err}");
    let out = riskbook(&["summary", "--db", db]);
    assert_eq!(out.status.code(), Some(1), "no panic, a message");

    let out = riskbook(&["restore", "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("復元しました"));
    assert_eq!(name_of_first_asset(&path), "社員名簿");
    assert_eq!(Store::open(&path).unwrap().integrity_check().unwrap(), "ok");
    let broken = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().contains(".broken-"));
    assert!(broken, "the damaged file is kept");
}

#[test]
fn restore_without_backups_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.db");
    std::fs::write(&path, b"not a database at all, and no backups either....").unwrap();
    let out = riskbook(&["restore", "--db", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("使えるバックアップ"));
}
