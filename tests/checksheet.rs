//! A customer's check sheet through the command line, as a support person or a script would use
//! it: imported (what was found printed as JSON), answered from a CSV (a wrong row changes nothing),
//! written back into the customer's own file, carried over to next year's sheet, listed, deleted.

mod common;

use calamine::{Data, Reader};
use common::checksheet::*;
use common::cli::{riskbook, sample_database};
use std::path::Path;

fn text(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

fn run_ok(args: &[&str]) -> String {
    let out = riskbook(args);
    assert!(out.status.success(), "{args:?}: {}", text(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn cell(path: &Path, row: u32, col: u32) -> Data {
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(SHEET).unwrap();
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn a_sheet_is_imported_answered_from_csv_and_given_back_in_the_customers_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    sample_database(&db);
    let file = dir.path().join("○○工業 2026年度.xlsx");
    std::fs::write(&file, customer_workbook(12, false)).unwrap();
    let (db_s, file_s) = (db.to_str().unwrap(), file.to_str().unwrap());

    let json: serde_json::Value = serde_json::from_str(&run_ok(&[
        "checksheet",
        "import",
        file_s,
        "--db",
        db_s,
        "--json",
    ]))
    .unwrap();
    assert_eq!(json["name"], "○○工業 2026年度");
    assert_eq!(json["customer"], "○○工業");
    assert_eq!(json["sheet"], SHEET);
    assert_eq!(json["items"], 12);
    let required = (0..12).filter(|&i| is_required(i)).count();
    assert_eq!(json["required"], required);
    assert_eq!(json["optional"], 12 - required);
    assert_eq!(json["answer_column"], "F");
    assert_eq!(json["comment_column"], "G");
    assert_eq!(json["options"], serde_json::json!(OPTIONS));
    assert_eq!(json["answered"], 1, "the customer's file had one answer");

    // A CSV with one wrong answer and one unknown number: nothing changes, both rows are named.
    let csv = dir.path().join("answers.csv");
    std::fs::write(
        &csv,
        "No,回答,補足\n2,実施している,規程第3条\n3,たぶん,\n99,実施している,\n",
    )
    .unwrap();
    let out = riskbook(&[
        "checksheet",
        "answer",
        "○○工業 2026年度",
        "--from",
        csv.to_str().unwrap(),
        "--db",
        db_s,
    ]);
    assert!(!out.status.success());
    let err = text(&out);
    assert!(err.contains("3行目") && err.contains("たぶん"), "{err}");
    assert!(err.contains("4行目") && err.contains("99"), "{err}");
    let list: serde_json::Value =
        serde_json::from_str(&run_ok(&["checksheet", "list", "--db", db_s, "--json"])).unwrap();
    assert_eq!(list[0]["answered"], 1, "nothing changed");

    std::fs::write(
        &csv,
        "No,回答,補足\n2,実施している,規程第3条\n3,実施していない,来年度に対応\n",
    )
    .unwrap();
    let said = run_ok(&[
        "checksheet",
        "answer",
        "○○工業 2026年度",
        "--from",
        csv.to_str().unwrap(),
        "--db",
        db_s,
    ]);
    assert!(said.contains("2 項目に回答しました"), "{said}");
    let summary: serde_json::Value =
        serde_json::from_str(&run_ok(&["summary", "--db", db_s, "--json"])).unwrap();
    let sheet = &summary["checksheets"][0];
    assert_eq!(sheet["answered"], 3);
    assert_eq!(sheet["required_not_met"], usize::from(is_required(2)));

    // Given back: the answers in the customer's cells, the customer's own columns untouched.
    let out = dir.path().join("回答済み.xlsx");
    run_ok(&[
        "checksheet",
        "export",
        "○○工業 2026年度",
        out.to_str().unwrap(),
        "--db",
        db_s,
    ]);
    assert_eq!(
        cell(&out, item_row(1), ANSWER),
        Data::String("実施している".into())
    );
    assert_eq!(
        cell(&out, item_row(1), COMMENT),
        Data::String("規程第3条".into())
    );
    assert_eq!(
        cell(&out, item_row(2), ANSWER),
        Data::String("実施していない".into())
    );
    assert_eq!(
        cell(&out, item_row(0), ANSWER),
        Data::String(FIRST_ANSWER.into())
    );
    for i in 0..12 {
        assert_eq!(
            cell(&out, item_row(i), JUDGEMENT),
            cell(&file, item_row(i), JUDGEMENT)
        );
        assert_eq!(
            cell(&out, item_row(i), REQUIREMENT),
            cell(&file, item_row(i), REQUIREMENT)
        );
    }

    // Next year's sheet from the same customer: the answers come over.
    let next = dir.path().join("○○工業 2027年度.xlsx");
    std::fs::write(&next, customer_workbook(13, false)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&run_ok(&[
        "checksheet",
        "import",
        next.to_str().unwrap(),
        "--db",
        db_s,
        "--json",
    ]))
    .unwrap();
    assert_eq!(json["carried_from"], "○○工業 2026年度");
    assert_eq!(json["answered"], 3, "two carried, one in the file");
    let changes = json["changes"].to_string();
    assert!(changes.contains("新しい項目"), "{changes}");

    // The same name twice is refused; a sheet is deleted by name.
    let out = riskbook(&["checksheet", "import", next.to_str().unwrap(), "--db", db_s]);
    assert!(!out.status.success());
    assert!(text(&out).contains("既にあります"), "{}", text(&out));
    run_ok(&["checksheet", "delete", "○○工業 2026年度", "--db", db_s]);
    let list = run_ok(&["checksheet", "list", "--db", db_s]);
    assert!(
        !list.contains("2026年度") && list.contains("2027年度"),
        "{list}"
    );
}

#[test]
fn a_wrong_column_letter_and_an_unknown_sheet_are_refused_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    sample_database(&db);
    let file = dir.path().join("check.xlsx");
    std::fs::write(&file, customer_workbook(6, false)).unwrap();
    let (db_s, file_s) = (db.to_str().unwrap(), file.to_str().unwrap());
    let out = riskbook(&[
        "checksheet",
        "import",
        file_s,
        "--db",
        db_s,
        "--answer-column",
        "F1",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("列の文字として読めません"),
        "{}",
        text(&out)
    );
    let out = riskbook(&["checksheet", "export", "ない", "out.xlsx", "--db", db_s]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("「ない」はありません"),
        "{}",
        text(&out)
    );
}
