//! リスク対応 in the database: decisions set, changed and cleared through the session, each undone;
//! an asset's delete takes its decision and the undo brings both back; the schema refuses what the
//! domain cannot make; 「診断を確定」 keeps the decisions; a schema 5 file gains the table.

use chrono::NaiveDate;
use riskbook::domain::{AssetId, Decision, Edit, Treatment};
use riskbook::operations::Session;
use riskbook::store::{Store, schema};
use rusqlite::Connection;

mod common;
use common::data::{on_disk, sample_session};

fn accepted(asset: AssetId) -> Treatment {
    Treatment {
        reason: "被害は小さく、対策の費用が上回る".into(),
        accepted_by: "代表取締役 山田".into(),
        accepted_on: NaiveDate::from_ymd_opt(2026, 4, 1),
        ..Treatment::new(asset, Decision::Accept)
    }
}

fn decisions(s: &Session) -> Vec<Treatment> {
    let saved = on_disk(s.path()).treatments;
    assert_eq!(saved, s.workbook().treatments, "memory mirrors the file");
    saved
}

#[test]
fn decisions_are_saved_changed_cleared_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample_session(&dir.path().join("r.db"));
    let before = decisions(&s);
    let asset = s.workbook().assets[2].id;
    s.apply(Edit::SetTreatment(Treatment::new(asset, Decision::Accept)))
        .unwrap();
    s.apply(Edit::SetTreatment(accepted(asset))).unwrap();
    assert_eq!(s.workbook().treatment(asset), Some(&accepted(asset)));
    decisions(&s);
    s.apply(Edit::ClearTreatment(asset)).unwrap();
    assert_eq!(decisions(&s), before);
    assert!(s.undo().unwrap());
    assert_eq!(s.workbook().treatment(asset), Some(&accepted(asset)));
    assert!(s.undo().unwrap());
    assert_eq!(
        s.workbook().treatment(asset).unwrap().accepted_by,
        "",
        "the first, bare decision"
    );
    assert!(s.undo().unwrap());
    assert_eq!(decisions(&s), before);
}

#[test]
fn deleting_an_asset_drops_its_decision_and_undoing_brings_both_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample_session(&dir.path().join("r.db"));
    let asset = s.workbook().assets[3].id;
    s.apply(Edit::SetTreatment(accepted(asset))).unwrap();
    let with = decisions(&s);
    s.apply(Edit::DeleteAsset(asset)).unwrap();
    assert_eq!(s.workbook().treatment(asset), None);
    let conn = Connection::open(s.path()).unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM treatments WHERE asset_id = ?1",
            [asset.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0, "ON DELETE CASCADE");
    assert!(s.undo().unwrap());
    assert_eq!(s.workbook().assets[3].id, asset);
    assert_eq!(decisions(&s), with);
    assert!(s.redo().unwrap());
    assert_eq!(s.workbook().treatment(asset), None);
    assert!(s.undo().unwrap());
    assert_eq!(decisions(&s), with);
}

#[test]
fn a_decision_on_a_missing_asset_or_an_unknown_word_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample_session(&dir.path().join("r.db"));
    let before = decisions(&s);
    let e = s
        .apply(Edit::SetTreatment(accepted(AssetId(99_999))))
        .unwrap_err();
    assert!(e.to_string().contains("リスク対応"), "{e}");
    assert_eq!(decisions(&s), before);
    let conn = Connection::open(s.path()).unwrap();
    let asset = s.workbook().assets[0].id;
    for (decision, date) in [("受容", None), ("保有", Some("2026-13-01"))] {
        let refused = conn.execute(
            "INSERT INTO treatments (asset_id, decision, accepted_on) VALUES (?1, ?2, ?3)",
            rusqlite::params![asset.0, decision, date],
        );
        assert!(refused.is_err(), "{decision} {date:?} accepted");
    }
}

#[test]
fn a_confirmed_assessment_keeps_the_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample_session(&dir.path().join("r.db"));
    let asset = s.workbook().assets[1].id;
    s.apply(Edit::SetTreatment(accepted(asset))).unwrap();
    let id = s.take_snapshot("リスク対応を決めた").unwrap();
    s.apply(Edit::ClearTreatment(asset)).unwrap();
    let kept = s.snapshot(id).unwrap();
    assert_eq!(kept.treatment(asset), Some(&accepted(asset)));
    assert_eq!(s.workbook().treatment(asset), None);
}

#[test]
fn a_snapshot_from_before_treatments_loads_with_none() {
    let json = serde_json::to_value(riskbook::domain::Workbook::from_catalogue(
        riskbook::domain::Catalogue::builtin(),
    ))
    .unwrap();
    let mut old = json.as_object().unwrap().clone();
    old.remove("treatments");
    let wb: riskbook::domain::Workbook =
        serde_json::from_value(serde_json::Value::Object(old)).unwrap();
    assert!(wb.treatments.is_empty());
}

#[test]
fn schema_6_adds_the_treatments_table_to_a_schema_5_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let conn = Connection::open(&path).unwrap();
        for version in 1..=5 {
            conn.execute_batch(&schema::migration_sql(version)).unwrap();
        }
        conn.execute_batch("INSERT INTO assets (id, position, name) VALUES (7, 0, '旧版の資産');")
            .unwrap();
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 5).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert!(store.load().unwrap().treatments.is_empty());
    store
        .apply(&Edit::SetTreatment(accepted(AssetId(7))))
        .unwrap();
    assert_eq!(store.load().unwrap().treatments, [accepted(AssetId(7))]);
}
