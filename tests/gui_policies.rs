//! 「規程」 in the window (egui_kittest): the company profile decides which of the 13 documents apply,
//! a suggestion from the 対策状況チェック is taken only with a click, and a document's status is
//! saved and undone.

mod common;

use common::data::on_disk;
use common::gui::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use riskbook::app::RiskbookApp;
use riskbook::domain::policy::{DocumentNo, DocumentStatus};

/// What the table says in a cell named `name` (「No.12 当てはまるか」): kittest finds a label by
/// its text, so the cell is found by the name it was given.
fn cell(harness: &Harness<'_, RiskbookApp>, name: &str) -> String {
    let mut found = harness.query_all_by(|n| n.label().is_some_and(|l| l == name));
    let node = found
        .next()
        .unwrap_or_else(|| panic!("{name} is on the sheet"));
    node.value().unwrap_or_default()
}

#[test]
fn the_profile_decides_what_applies_and_a_status_is_saved_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "規程");
    // The sample has 25 employees and has not said whether it develops systems.
    assert_eq!(cell(&harness, "No.12 当てはまるか"), "当てはまる");
    assert_eq!(
        cell(&harness, "No.9 当てはまるか"),
        "当てはまらない（推定）"
    );
    assert_eq!(cell(&harness, "No.1 診断結果の要否"), "必要 ◎");

    type_into(&mut harness, "従業員数（名）", "1");
    assert_eq!(on_disk(&path).profile.employees, Some(1));
    assert_eq!(cell(&harness, "No.12 当てはまるか"), "当てはまらない");
    assert_eq!(cell(&harness, "No.12 診断結果の要否"), "不要");

    // A 従業員数 that cannot be read is refused with the reason and not saved.
    type_into(&mut harness, "従業員数（名）", "0");
    assert!(shows(&harness, "従業員数「0」は読めません"));
    assert_eq!(on_disk(&path).profile.employees, Some(1));

    // The suggestion becomes the user's answer only by the click.
    assert_eq!(on_disk(&path).profile.develops_systems, None);
    click(
        &mut harness,
        "社内でシステム開発をするか：推定のとおりにする",
    );
    assert_eq!(on_disk(&path).profile.develops_systems, Some(false));
    assert_eq!(cell(&harness, "No.9 当てはまるか"), "当てはまらない");

    let three = DocumentNo::new(3).unwrap();
    pick(&mut harness, "状態 No.3", "作成中");
    assert_eq!(
        on_disk(&path).document(three).status,
        DocumentStatus::Drafting
    );
    type_into(&mut harness, "承認者 No.3", "代表取締役 港");
    assert_eq!(on_disk(&path).document(three).approver, "代表取締役 港");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(on_disk(&path).document(three).approver, "");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        on_disk(&path).document(three).status,
        DocumentStatus::NotWritten
    );
    assert!(
        on_disk(&path).documents.iter().all(|d| d.no != three),
        "back to no record"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(on_disk(&path).profile.develops_systems, None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(on_disk(&path).profile.employees, Some(25));
    assert_eq!(cell(&harness, "No.12 当てはまるか"), "当てはまる");
}
