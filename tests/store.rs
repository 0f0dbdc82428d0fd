//! The SQLite store against real files in a temporary folder.

use chrono::NaiveDate;
use riskbook::domain::{
    Answer, Asset, AssetId, Catalogue, Frequency, ItemNo, Medium, Rating, Settings, ThreatId,
};
use riskbook::domain::{Edit, EditOutcome};
use riskbook::sample::sample_workbook;
use riskbook::store::{Store, StoreError, backup, schema};
use rusqlite::Connection;
use std::path::Path;

fn full_asset() -> Asset {
    Asset {
        id: AssetId::default(),
        category: "人事".into(),
        name: "社員名簿「旧字・髙﨑」😀".into(),
        note: "改行を含む\n備考".into(),
        users: "人事部".into(),
        department: "総務部".into(),
        medium: Some(Medium::MobileDevice),
        personal_info: true,
        sensitive_info: true,
        my_number: true,
        confidentiality: Some(Rating::new(2).unwrap()),
        integrity: Some(Rating::new(0).unwrap()),
        availability: Some(Rating::new(1).unwrap()),
        retention: "7年".into(),
        registered: NaiveDate::from_ymd_opt(2019, 5, 1),
    }
}

fn insert(store: &mut Store, index: usize, asset: Asset) -> AssetId {
    match store.apply(&Edit::InsertAsset { index, asset }).unwrap() {
        EditOutcome::Inserted(id) => id,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn every_field_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("会社データ").join("riskbook.db");
    let mut expected_assets = Vec::new();
    {
        let mut store = Store::open(&path).unwrap();
        let mut full = full_asset();
        full.id = insert(&mut store, 0, full.clone());
        let mut empty = Asset::named("名称だけ");
        empty.id = insert(&mut store, 1, empty.clone());
        expected_assets.extend([full, empty]);

        store
            .apply(&Edit::SetAnswer(ItemNo(31), Some(Answer::NotApplicable)))
            .unwrap();
        store
            .apply(&Edit::SetFrequency(
                ThreatId(1),
                Some(Frequency::new(3).unwrap()),
            ))
            .unwrap();
        store
            .apply(&Edit::SetSettings(Settings {
                company: "株式会社テスト".into(),
                assessor: "山田".into(),
                assessed_on: NaiveDate::from_ymd_opt(2026, 11, 25),
            }))
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let wb = store.load().unwrap();
    assert_eq!(wb.assets, expected_assets);
    assert_eq!(wb.answer(ItemNo(31)), Some(Answer::NotApplicable));
    assert_eq!(wb.answer(ItemNo(30)), None);
    assert_eq!(wb.threats[0].frequency.map(|f| f.value()), Some(3));
    assert_eq!(wb.threats[1].frequency, None);
    assert_eq!(wb.settings.company, "株式会社テスト");
    assert_eq!(
        wb.settings.assessed_on,
        NaiveDate::from_ymd_opt(2026, 11, 25)
    );
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_new_database_holds_the_catalogue_and_a_whole_workbook_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut store = Store::open(&path).unwrap();
    let fresh = store.load().unwrap();
    let catalogue = Catalogue::builtin();
    assert_eq!(fresh.items, catalogue.items);
    assert_eq!(fresh.threats, catalogue.threats);
    assert_eq!(fresh.categories, catalogue.categories);

    let mut sample = sample_workbook(Catalogue::builtin());
    store.replace_all(&sample).unwrap();
    drop(store);
    let loaded = Store::open(&path).unwrap().load().unwrap();
    for (a, b) in sample.assets.iter_mut().zip(&loaded.assets) {
        a.id = b.id;
    }
    for (a, b) in sample.plan.iter_mut().zip(&loaded.plan) {
        a.id = b.id;
    }
    assert_eq!(loaded, sample);
}

#[test]
fn the_database_keeps_its_own_wording_of_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    Store::open(&path).unwrap();
    // The user's file says something else (e.g. an imported workbook's wording).
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE check_items SET question = '自社の文言' WHERE no = 1",
            [],
        )
        .unwrap();
    let reopened = Store::open_with(&path, || panic!("an existing file is not re-seeded")).unwrap();
    assert_eq!(reopened.load().unwrap().items[0].question, "自社の文言");
}

#[test]
fn insert_delete_and_reinsert_keep_rows_in_order_and_ids_stable() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.db")).unwrap();
    let a = insert(&mut store, 0, Asset::named("A"));
    let c = insert(&mut store, 1, Asset::named("C"));
    let b = insert(&mut store, 1, Asset::named("B"));
    let names = |s: &Store| -> Vec<String> {
        s.load()
            .unwrap()
            .assets
            .into_iter()
            .map(|a| a.name)
            .collect()
    };
    assert_eq!(names(&store), ["A", "B", "C"]);

    let deleted = store.load().unwrap().assets[1].clone();
    store.apply(&Edit::DeleteAsset(b)).unwrap();
    assert_eq!(names(&store), ["A", "C"]);
    // Undo: the same row comes back, with the same id, where it was.
    let back = insert(&mut store, 1, deleted);
    assert_eq!(back, b);
    assert_eq!(names(&store), ["A", "B", "C"]);
    assert_eq!(store.load().unwrap().assets[2].id, c);
    assert_ne!(a, c);

    let mut renamed = store.load().unwrap().assets[0].clone();
    renamed.name = "A2".into();
    store.apply(&Edit::UpdateAsset(renamed)).unwrap();
    assert_eq!(names(&store), ["A2", "B", "C"]);
}

#[test]
fn rejected_edits_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("r.db")).unwrap();
    insert(&mut store, 0, Asset::named("既存"));
    let before = store.load().unwrap();

    let err = store
        .apply(&Edit::InsertAsset {
            index: 0,
            asset: Asset::named("  "),
        })
        .unwrap_err();
    assert!(err.to_string().contains("情報資産名称が空です"), "{err}");
    let err = store.apply(&Edit::DeleteAsset(AssetId(999))).unwrap_err();
    assert!(err.to_string().contains("見つかりません"), "{err}");
    let err = store
        .apply(&Edit::SetAnswer(ItemNo(999), None))
        .unwrap_err();
    assert!(err.to_string().contains("チェック項目 999"), "{err}");

    assert_eq!(store.load().unwrap(), before);
}

#[test]
fn a_second_program_on_the_same_file_is_told_it_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let first = Store::open(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Locked(_)));
    assert!(err.to_string().contains("別の riskbook で開かれています"));
    drop(first);
    Store::open(&path).expect("free again once the first has closed");
}

#[test]
fn an_empty_version_zero_file_is_migrated_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    std::fs::File::create(&path).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.load().unwrap().items.len(), 55);
    assert!(
        store.migration_backup().is_none(),
        "nothing to back up in an empty file"
    );
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::CURRENT_VERSION);
}

/// A file as riskbook's schema 1 left it: the sheets, no settings table.
fn write_version_one_file(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(&schema::migration_sql(1)).unwrap();
    conn.execute_batch(
        "INSERT INTO categories VALUES (1, '組織的セキュリティ対策', '');
         INSERT INTO check_items VALUES (1, 1, '旧版の質問', '', 2);
         INSERT INTO threats VALUES (1, '書類', 0, '旧版の脅威', 3);
         INSERT INTO threat_items VALUES (1, 1);
         INSERT INTO assets (position, name, medium, confidentiality, integrity, availability, registered)
             VALUES (0, '旧版の資産', '書類', 2, 1, 0, '2016-07-01');",
    )
    .unwrap();
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
}

#[test]
fn an_older_file_is_migrated_after_a_backup_copy_is_written_to_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    write_version_one_file(&path);

    let store = Store::open(&path).unwrap();
    let wb = store.load().unwrap();
    assert_eq!(wb.assets.len(), 1);
    assert_eq!(wb.assets[0].name, "旧版の資産");
    assert_eq!(
        wb.items[0].question, "旧版の質問",
        "the old wording is kept"
    );
    assert_eq!(wb.items[0].answer, Some(Answer::Partly));
    assert_eq!(wb.settings, Settings::default());
    assert!(wb.plan.is_empty(), "schema 4 adds an empty 対策計画");

    let backup = store
        .migration_backup()
        .expect("a backup was written")
        .to_path_buf();
    assert_eq!(backup.parent(), Some(backup::folder(&path).as_path()));
    let old = Connection::open(&backup).unwrap();
    let version: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the backup is the file as it was");
    let name: String = old
        .query_row("SELECT name FROM assets", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "旧版の資産");
}

#[test]
fn the_copy_from_before_an_upgrade_is_never_rotated_away() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    write_version_one_file(&path);
    let copy = Store::open(&path)
        .unwrap()
        .migration_backup()
        .expect("a backup was written")
        .to_path_buf();
    assert!(copy.to_string_lossy().ends_with("-before-upgrade-v1.db"));
    for _ in 0..(backup::KEEP + 3) {
        drop(Store::open(&path).unwrap());
    }
    assert!(
        copy.exists(),
        "kept after more opens than the rotation holds"
    );
    assert_eq!(backup::list(&path).len(), backup::KEEP + 1);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        3,
        "r.db, r.db.lock and riskbook-backups/"
    );
}

#[test]
fn a_file_from_a_newer_program_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    drop(Store::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", schema::CURRENT_VERSION + 1)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Newer { .. }), "{err:?}");
    assert!(
        err.to_string().contains("新しいバージョンの riskbook"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn files_that_are_not_riskbook_databases_are_refused_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE customers (id INTEGER PRIMARY KEY);")
        .unwrap();
    let err = Store::open(&other).unwrap_err();
    assert!(matches!(err, StoreError::NotRiskbook(_)), "{err:?}");

    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, b"PK\x03\x04 this is a zip file, not a database, padded out to look like one ................................................").unwrap();
    let before = std::fs::read(&garbage).unwrap();
    let err = Store::open(&garbage).unwrap_err();
    assert!(err.to_string().contains("garbage.db"), "{err}");
    assert_eq!(std::fs::read(&garbage).unwrap(), before);
}

#[test]
fn a_stored_value_that_cannot_be_read_is_an_error_not_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .replace_all(&riskbook::sample::sample_workbook(Catalogue::builtin()))
            .unwrap();
    }
    // Edited outside riskbook.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE settings SET value = '2026-13-45' WHERE key = 'assessed_on'",
            [],
        )
        .unwrap();
    let err = Store::open(&path).unwrap().load().unwrap_err().to_string();
    assert!(
        err.contains("診断日") && err.contains("2026-13-45"),
        "{err}"
    );

    // No date at all is no date, not an error.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE settings SET value = '' WHERE key = 'assessed_on'",
            [],
        )
        .unwrap();
    let settings = Store::open(&path).unwrap().load().unwrap().settings;
    assert_eq!(settings.assessed_on, None);
}

#[test]
fn schema_5_gives_my_number_its_condition_for_every_company() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let conn = Connection::open(&path).unwrap();
        for version in 1..=4 {
            conn.execute_batch(&schema::migration_sql(version)).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO categories VALUES (4, 'マイナンバー対応', 'マイナンバーを取り扱う場合');
             INSERT INTO categories VALUES (10, '委託管理', '業務委託を行う場合');",
        )
        .unwrap();
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 4).unwrap();
    }
    let wb = Store::open(&path).unwrap().load().unwrap();
    let when: Vec<&str> = wb
        .categories
        .iter()
        .map(|c| c.applies_when.as_str())
        .collect();
    assert_eq!(when, ["原則としてすべての企業", "業務委託を行う場合"]);
}

#[test]
fn the_basic_policy_and_the_self_check_survive_reopening_and_an_import_keeps_them() {
    use riskbook::domain::{BasicPolicy, Declaration, SelfCheck, SelfCheckScore};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let declaration = Declaration {
        basic_policy: BasicPolicy {
            text: "当社は情報を守ります。\n\n1. 教育".into(),
            established_on: NaiveDate::from_ymd_opt(2026, 4, 1),
            representative: "代表取締役 𠮷田一郎".into(),
            published_on: NaiveDate::from_ymd_opt(2026, 4, 2),
            published_where: "ホームページ".into(),
        },
        self_check: SelfCheck {
            done_on: NaiveDate::from_ymd_opt(2026, 3, 15),
            score: Some(SelfCheckScore::new(-3).unwrap()),
        },
    };
    let mut store = Store::open(&path).unwrap();
    store
        .apply(&Edit::SetDeclaration(declaration.clone()))
        .unwrap();
    drop(store);
    assert_eq!(
        Store::open(&path).unwrap().load().unwrap().declaration,
        declaration
    );

    // The schema checks the score again, whoever writes it.
    let refused = Connection::open(&path)
        .unwrap()
        .execute("UPDATE declaration SET self_check_score = 120", [])
        .unwrap_err();
    assert!(refused.to_string().contains("CHECK"), "{refused}");

    // An IPA workbook replaces the sheets, not the company's statement.
    let mut session = riskbook::operations::Session::open(&path).unwrap();
    let imported = riskbook::xlsx::Imported {
        workbook: sample_workbook(Catalogue::builtin()),
        unmatched: Vec::new(),
        differences: Vec::new(),
        notes: Vec::new(),
        has_year: false,
    };
    riskbook::operations::import::replace_with_workbook(&mut session, &imported).unwrap();
    drop(session);
    assert_eq!(
        Store::open(&path).unwrap().load().unwrap().declaration,
        declaration
    );
}

/// Schema 7 (規程): a schema-5 file gains the tables empty; the profile and document records are
/// saved, read back, emptied, and replaced with the workbook; the CHECKs refuse what the domain
/// refuses.
#[test]
fn schema_7_stores_the_company_profile_and_the_status_of_each_policy_document() {
    use riskbook::domain::policy::{CompanyProfile, DocumentNo, DocumentRecord, DocumentStatus};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let conn = Connection::open(&path).unwrap();
        for version in 1..=5 {
            conn.execute_batch(&schema::migration_sql(version)).unwrap();
        }
        conn.execute_batch("INSERT INTO categories VALUES (1, '組織的セキュリティ対策', '');")
            .unwrap();
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 5).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let wb = store.load().unwrap();
    assert_eq!(wb.profile, CompanyProfile::default());
    assert!(wb.documents.is_empty());

    let profile = CompanyProfile {
        employees: Some(1),
        develops_systems: Some(false),
        ..CompanyProfile::default()
    };
    store.apply(&Edit::SetProfile(profile)).unwrap();
    let twelve = DocumentNo::new(12).unwrap();
    let approved = DocumentRecord {
        status: DocumentStatus::Approved,
        revised: NaiveDate::from_ymd_opt(2026, 4, 1),
        approver: "代表取締役 髙橋".into(),
        ..DocumentRecord::empty(twelve)
    };
    store.apply(&Edit::SetDocument(approved.clone())).unwrap();
    let wb = store.load().unwrap();
    assert_eq!(wb.profile, profile);
    assert_eq!(wb.documents.len(), 1);
    assert_eq!(wb.documents[0], approved);

    // Back to 未作成 with nothing else: no row.
    store
        .apply(&Edit::SetDocument(DocumentRecord::empty(twelve)))
        .unwrap();
    assert!(store.load().unwrap().documents.is_empty());

    let mut sample = sample_workbook(Catalogue::builtin());
    sample.profile = profile;
    sample.set_document(approved.clone());
    store.replace_all(&sample).unwrap();
    let wb = store.load().unwrap();
    assert_eq!(
        (wb.profile, wb.documents.clone()),
        (profile, sample.documents)
    );

    let err = store
        .apply(&Edit::SetProfile(CompanyProfile {
            employees: Some(0),
            ..profile
        }))
        .unwrap_err()
        .to_string();
    assert!(err.contains("従業員数"), "{err}");
    drop(store);
    let conn = Connection::open(&path).unwrap();
    for bad in [
        "UPDATE company_profile SET employees = 0",
        "UPDATE company_profile SET outsources = 2",
        "INSERT INTO policy_documents (no, status) VALUES (14, '作成中')",
        "INSERT INTO policy_documents (no, status) VALUES (3, '完了')",
        "INSERT INTO policy_documents (no, revised) VALUES (3, '2026-02-30')",
        "INSERT INTO company_profile (id) VALUES (2)",
    ] {
        assert!(conn.execute(bad, []).is_err(), "the schema refuses: {bad}");
    }
}
