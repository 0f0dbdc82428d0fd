//! 委託先 and their yearly evaluation through the session and the store, on a real database file.

use chrono::NaiveDate;
use riskbook::domain::Edit;
use riskbook::domain::supplier::checklist::{NO, NOT_APPLICABLE, YES};
use riskbook::domain::supplier::{Evaluation, Supplier, SupplierEdit, SupplierId, Verdict};
use riskbook::operations::Session;
use riskbook::store::{Store, schema};
use rusqlite::Connection;

mod common;
use common::cli::{riskbook, sample_database};
use common::pdf::text_of;

fn supplier(session: &Session, name: &str) -> Supplier {
    Supplier {
        id: session.workbook().suppliers.next_supplier_id(),
        name: name.into(),
        work: "記帳・決算".into(),
        information: "会計データ、給与".into(),
        agreement: "有".into(),
        contact: "港 一郎".into(),
        next_due: None,
    }
}

fn evaluated(session: &Session, of: SupplierId, year: i32) -> Evaluation {
    let mut e = Evaluation::blank(session.workbook().suppliers.next_evaluation_id(), of, year);
    e.on = NaiveDate::from_ymd_opt(year, 6, 10);
    e.by = "総務 佐藤".into();
    e.answers[0].choice = Some(YES.into());
    e.answers[1].choice = Some(NO.into());
    e.answers[1].comment = "規程はあるが誓約書がない".into();
    e.answers[23].choice = Some(NOT_APPLICABLE.into());
    e.verdict = Some(Verdict::AskToImprove);
    e.comment = "誓約書の整備を依頼".into();
    e
}

fn put(s: Supplier) -> Edit {
    Edit::Supplier(SupplierEdit::Put(s))
}

fn put_evaluation(e: Evaluation) -> Edit {
    Edit::Supplier(SupplierEdit::PutEvaluation(e))
}

#[test]
fn suppliers_and_evaluations_survive_reopening_and_undo_takes_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut session = Session::open(&path).unwrap();
    let tax = supplier(&session, "港税理士事務所");
    session.apply(put(tax.clone())).unwrap();
    let cloud = supplier(&session, "クラウド会計");
    session.apply(put(cloud.clone())).unwrap();
    let e = evaluated(&session, tax.id, 2025);
    session.apply(put_evaluation(e.clone())).unwrap();
    let kept = session.workbook().suppliers.clone();
    assert_eq!(kept.list.len(), 2);
    assert_eq!(kept.evaluation(tax.id, 2025), Some(&e));
    drop(session);

    let mut session = Session::open(&path).unwrap();
    assert_eq!(session.workbook().suppliers, kept, "reopened as saved");
    let next = session.workbook().suppliers.next_evaluation(&tax);
    assert_eq!(next, NaiveDate::from_ymd_opt(2026, 6, 10));

    // Removing the 委託先 takes its evaluation; undo brings both back, on disk too.
    session
        .apply(Edit::Supplier(SupplierEdit::Remove(tax.id)))
        .unwrap();
    assert!(session.workbook().suppliers.evaluations.is_empty());
    assert!(session.undo().unwrap());
    assert_eq!(session.workbook().suppliers, kept);
    assert_eq!(
        Store::open_read_only(&path)
            .unwrap()
            .load()
            .unwrap()
            .suppliers,
        kept
    );

    // An answer changed and undone.
    let mut changed = e.clone();
    changed.answers[1].choice = Some(YES.into());
    session.apply(put_evaluation(changed)).unwrap();
    assert!(session.undo().unwrap());
    assert_eq!(
        session.workbook().suppliers.evaluation(tax.id, 2025),
        Some(&e)
    );
}

#[test]
fn bad_input_is_refused_in_japanese_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut session = Session::open(&path).unwrap();
    let tax = supplier(&session, "港税理士事務所");
    session.apply(put(tax.clone())).unwrap();
    session
        .apply(put_evaluation(evaluated(&session, tax.id, 2025)))
        .unwrap();
    let before = session.workbook().suppliers.clone();

    let empty = supplier(&session, " ");
    let err = session.apply(put(empty)).unwrap_err().to_string();
    assert!(err.contains("委託先の名称を入れてください"), "{err}");
    let twin = supplier(&session, "港税理士事務所");
    let err = session.apply(put(twin)).unwrap_err().to_string();
    assert!(err.contains("「港税理士事務所」はすでにあります"), "{err}");
    let again = evaluated(&session, tax.id, 2025);
    let err = session
        .apply(put_evaluation(again))
        .unwrap_err()
        .to_string();
    assert!(err.contains("2025年度の評価はすでにあります"), "{err}");

    assert_eq!(session.workbook().suppliers, before);
    assert_eq!(
        Store::open_read_only(&path)
            .unwrap()
            .load()
            .unwrap()
            .suppliers,
        before
    );
    // A date that does not exist never becomes a date (the window and the schema refuse it).
    assert_eq!(
        riskbook::domain::cell_text::parse_date_text("2026/2/30"),
        None
    );
}

/// A schema-10 file (before the 委託先) gains the tables empty, and they work.
#[test]
fn a_schema_10_file_gains_the_supplier_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = Connection::open(&path).unwrap();
        for version in 1..=10 {
            conn.execute_batch(&schema::migration_sql(version)).unwrap();
        }
        conn.execute_batch("INSERT INTO categories VALUES (1, '組織的セキュリティ対策', '');")
            .unwrap();
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 10).unwrap();
    }
    let mut session = Session::open(&path).unwrap();
    assert!(session.workbook().suppliers.list.is_empty());
    let tax = supplier(&session, "港税理士事務所");
    session.apply(put(tax.clone())).unwrap();
    drop(session);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::CURRENT_VERSION);
    let names: Vec<String> = conn
        .prepare("SELECT name FROM suppliers")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(names, ["港税理士事務所"]);
}

#[test]
fn replacing_the_workbook_writes_its_suppliers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut session = Session::open(&path).unwrap();
    let tax = supplier(&session, "港税理士事務所");
    session.apply(put(tax.clone())).unwrap();
    let mut wb = session.workbook().clone();
    let e = evaluated(&session, tax.id, 2025);
    wb.suppliers.evaluations.push(e.clone());
    session.replace_all(&wb).unwrap();
    let on_disk = Store::open_read_only(&path).unwrap().load().unwrap();
    assert_eq!(on_disk.suppliers.list, [tax]);
    assert_eq!(on_disk.suppliers.evaluations, [e]);
}

/// `report --supplier`: the sample's evaluated 税理士事務所 with its answers and result, the
/// クラウド会計サービス as a blank form, an unknown name refused with the names there are.
#[test]
fn the_cli_prints_an_evaluation_and_a_blank_form() {
    use chrono::Datelike;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    sample_database(&db);
    let db = db.to_str().unwrap();
    let evaluated_in = Store::open_read_only(std::path::Path::new(db))
        .unwrap()
        .load()
        .unwrap()
        .suppliers
        .evaluations[0]
        .year;
    let out = dir.path().join("tax.pdf");
    let year = evaluated_in.to_string();
    let run = riskbook(&[
        "report",
        out.to_str().unwrap(),
        "--db",
        db,
        "--supplier",
        "みなと税理士事務所",
        "--year",
        &year,
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("評価の記録"));
    let text = text_of(&out);
    for expected in [
        format!("委託先確認リスト（{year}年度）"),
        "みなと税理士事務所".to_string(),
        "ガバナンスの整備（○3×0該当なし0未回答0）".to_string(),
        "No.13【×】".to_string(),
        "備考：多要素認証は未導入。導入を依頼".to_string(),
        "合計：○23×1該当なし2未回答0".to_string(),
        "総合結果：改善を依頼".to_string(),
    ] {
        assert!(text.contains(&expected), "{expected} in {text}");
    }

    let blank = dir.path().join("cloud.pdf");
    let this_year = chrono::Local::now().year().to_string();
    let run = riskbook(&[
        "report",
        blank.to_str().unwrap(),
        "--db",
        db,
        "--supplier",
        "クラウド会計サービス",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = text_of(&blank);
    assert!(
        text.contains(&format!("委託先確認リスト（{this_year}年度）")),
        "{text}"
    );
    assert!(text.contains("ご返送ください"));
    assert!(!text.contains("【○】"), "nothing answered on a form");

    // summary --json lists both, with the last result and its counts.
    let summary: serde_json::Value =
        serde_json::from_slice(&riskbook(&["summary", "--db", db, "--json"]).stdout).unwrap();
    let list = summary["suppliers"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["name"], "みなと税理士事務所");
    assert_eq!(list[0]["last_result"], "改善を依頼");
    assert_eq!(
        (list[0]["yes"].as_u64(), list[0]["no"].as_u64()),
        (Some(23), Some(1))
    );
    assert!(list[0]["next_evaluation"].is_string());
    assert!(
        list[1]["last_year"].is_null(),
        "クラウド会計サービス: not evaluated"
    );

    let run = riskbook(&["report", "x.pdf", "--db", db, "--supplier", "港印刷"]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("委託先「港印刷」はありません") && err.contains("クラウド会計サービス"),
        "{err}"
    );
}

/// An IPA workbook has no 委託先: importing one (replacing everything) keeps the database's.
#[test]
fn an_excel_import_keeps_the_suppliers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut session = Session::open(&path).unwrap();
    let tax = supplier(&session, "港税理士事務所");
    session.apply(put(tax.clone())).unwrap();
    session
        .apply(put_evaluation(evaluated(&session, tax.id, 2025)))
        .unwrap();
    let kept = session.workbook().suppliers.clone();
    let mut workbook = riskbook::sample::sample_workbook(riskbook::domain::Catalogue::builtin());
    workbook.suppliers = Default::default();
    let imported = riskbook::xlsx::Imported {
        workbook,
        unmatched: Vec::new(),
        differences: Vec::new(),
        notes: Vec::new(),
        has_year: false,
    };
    riskbook::operations::import::replace_with_workbook(&mut session, &imported).unwrap();
    assert_eq!(session.workbook().suppliers, kept);
    drop(session);
    assert_eq!(
        Store::open_read_only(&path)
            .unwrap()
            .load()
            .unwrap()
            .suppliers,
        kept
    );
}
