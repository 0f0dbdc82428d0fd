//! Automatic backups and restoring a damaged database from them.

use riskbook::domain::{Asset, Edit};
use riskbook::operations::{Session, import};
use riskbook::store::{Store, StoreError, backup};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

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

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn count_ending(backups: &[PathBuf], end: &str) -> usize {
    backups
        .iter()
        .filter(|b| b.to_string_lossy().ends_with(end))
        .count()
}

/// The path a message gives after 「取り込み前のデータベースは「」.
fn copy_named_in(message: &str) -> PathBuf {
    let rest = message
        .split("取り込み前のデータベースは「")
        .nth(1)
        .unwrap_or_else(|| panic!("no copy named: {message}"));
    PathBuf::from(rest.split('」').next().unwrap())
}

#[test]
fn thirteen_imports_leave_only_the_database_in_the_users_folder_and_the_newest_copies_in_the_backups()
 {
    let (user, elsewhere) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let path = user.path().join("会社.db");
    let (db, xlsx) = (path.to_str().unwrap(), elsewhere.path().join("見本.xlsx"));
    let xlsx = xlsx.to_str().unwrap();
    assert!(riskbook(&["sample", "--db", db]).status.success());
    assert!(riskbook(&["export", xlsx, "--db", db]).status.success());

    let mut named = Vec::new();
    for _ in 0..13 {
        let out = riskbook(&["import", xlsx, "--db", db, "--replace"]);
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("新しい 10 個まで残ります"), "{stdout}");
        named.push(copy_named_in(&stdout));
    }

    let lock = "会社.db.lock".to_string();
    assert_eq!(
        names_in(user.path()),
        BTreeSet::from(["会社.db".to_string(), lock, backup::FOLDER.to_string()]),
        "the user's folder holds the database and nothing else"
    );
    let backups = backup::list(&path);
    assert_eq!(count_ending(&backups, "-before-import.db"), backup::KEEP);
    assert_eq!(
        backups.len(),
        2 * backup::KEEP,
        "ten copies before an import and ten automatic backups (one per open): {backups:?}"
    );
    let newest = named.last().unwrap();
    assert!(
        newest.is_absolute(),
        "the message gives the full path: {newest:?}"
    );
    assert_eq!(
        newest, &backups[0],
        "the last import's copy is the newest backup"
    );
    assert_eq!(newest.parent(), Some(backup::folder(&path).as_path()));
    for (n, copy) in named.iter().enumerate() {
        assert_eq!(
            copy.exists(),
            n >= 13 - backup::KEEP,
            "copy of import {n}: {copy:?}"
        );
    }

    damage(&path);
    let out = riskbook(&["restore", "--db", db]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(&*newest.to_string_lossy()),
        "restored from the newest sound backup, the last import's copy: {stdout}"
    );
    assert_eq!(name_of_first_asset(&path), "社員名簿");
}

#[test]
fn a_burst_of_imports_in_one_open_keeps_the_automatic_backups_and_restore_takes_the_newest_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    let insert = |name: &str| Edit::InsertAsset {
        index: 0,
        asset: Asset::named(name),
    };
    {
        let mut s = Store::open(&path).unwrap();
        s.apply(&insert("顧客名簿")).unwrap();
    }
    for _ in 0..3 {
        drop(Store::open(&path).unwrap());
    }
    {
        let mut session = Session::open(&path).unwrap();
        for n in 0..13 {
            let copy = import::apply_list(&mut session, insert(&format!("取り込み {n}"))).unwrap();
            assert_eq!(copy.parent(), Some(backup::folder(&path).as_path()));
            assert!(
                copy.to_string_lossy()
                    .ends_with("-before-register-import.db")
            );
        }
        assert!(
            names_in(dir.path()).is_subset(&BTreeSet::from(
                ["x.db", "x.db-wal", "x.db-shm", "x.db.lock", backup::FOLDER].map(String::from)
            )),
            "while open: {:?}",
            names_in(dir.path())
        );
    }
    let backups = backup::list(&path);
    assert_eq!(
        count_ending(&backups, "-before-register-import.db"),
        backup::KEEP
    );
    assert_eq!(
        backups.len() - backup::KEEP,
        4,
        "the four automatic backups survive thirteen imports"
    );

    damage(&path);
    assert!(
        backup::restore(&path)
            .unwrap()
            .ends_with(backups[0].file_name().unwrap())
    );
    let restored = Store::open_read_only(&path).unwrap().load().unwrap();
    assert_eq!(
        restored.assets.len(),
        13,
        "as it was before the last import"
    );
    assert_eq!(restored.assets[0].name, "取り込み 11");
}
