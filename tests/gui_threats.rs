//! 脅威の状況 in the window (egui_kittest): the media blocks line up as one table, and a threat's
//! check items open below its row without moving the row's cells away from the threat's name.

mod common;

use common::data::on_disk;
use common::gui::*;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use riskbook::domain::scales::Vulnerability;

const PC_VIRUS: &str = "ウイルス感染・不正アクセスによる事務所PCからの情報漏えい";

/// Asserts that there is one `what` per threat and that all start at the same x.
fn one_column(what: &str, rects: &[egui::Rect], count: usize) {
    assert_eq!(rects.len(), count, "one {what} per threat");
    let lefts: Vec<f32> = rects.iter().map(|r| r.left()).collect();
    let first = lefts[0];
    assert!(
        lefts.iter().all(|x| (x - first).abs() < 0.5),
        "every {what} at the same x: {lefts:?}"
    );
}

#[test]
fn every_medium_lines_up_in_the_same_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "脅威の状況");
    let threats = on_disk(&path).threats;
    let media: std::collections::HashSet<_> = threats.iter().map(|t| t.medium).collect();
    assert!(media.len() >= 5, "the sample has threats on several media");

    let vulnerability: Vec<&str> = Vulnerability::all().map(|v| v.label()).collect();
    let vulnerability = rects_where(&harness, |l| vulnerability.iter().any(|v| l.ends_with(v)));
    one_column("脆弱性", &vulnerability, threats.len());
    let frequency = rects_where(&harness, |l| l.starts_with("脅威の発生頻度 "));
    one_column("脅威の発生頻度", &frequency, threats.len());
    let names: Vec<&str> = threats.iter().map(|t| t.name.as_str()).collect();
    let names = rects_where(&harness, |l| names.contains(&l));
    one_column("脅威の名前", &names, threats.len());
}

#[test]
fn the_check_items_open_below_the_row_and_the_row_keeps_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "脅威の状況");
    let toggle = format!("対策状況チェックの関連項目 {PC_VIRUS}");
    scroll_and_click(&mut harness, &toggle);
    assert!(
        shows(&harness, "No.54 個人情報の漏えいなどが起きたときの"),
        "the items are open"
    );

    let name = harness.get_by_label(PC_VIRUS).rect();
    let frequency = harness
        .get_by_label(&format!("脅威の発生頻度 {PC_VIRUS}"))
        .rect();
    let toggle = harness.get_by_label(&toggle).rect();
    for (what, cell) in [("脅威の発生頻度", frequency), ("関連項目", toggle)] {
        assert!(
            cell.top() >= name.top() - 4.0 && cell.top() < name.top() + 8.0,
            "{what} {cell:?} on the first line of the name {name:?}"
        );
    }
    let item = harness
        .get_by_label_contains("No.54 個人情報の漏えいなどが起きたときの")
        .rect();
    assert!(item.top() > name.bottom(), "the items below the row");
    assert!(
        item.width() > frequency.right() - name.left(),
        "the items span the table, not one narrow column: {item:?}"
    );
}
