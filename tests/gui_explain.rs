//! 「なぜこのリスク値か」 in the window (egui_kittest): the 台帳's panel follows the current row and
//! the values as they change; 診断結果 explains a category when its name is clicked.

mod common;

use common::gui::*;
use egui_kittest::kittest::Queryable;

#[test]
fn the_panel_explains_the_current_row_and_follows_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_app(&dir.path().join("r.db"));
    assert!(
        !shows(&harness, "「社員名簿」のリスク値"),
        "closed at first"
    );

    harness.get_by_label("備考 1行目").click();
    harness.run();
    click(&mut harness, "なぜこのリスク値か");
    assert!(shows(&harness, "1行目「社員名簿」のリスク値"));
    assert!(shows(
        &harness,
        "リスク値 = 重要度 2 × 被害発生可能性 2 = 4 → リスク大"
    ));
    assert!(shows(&harness, "を「1 実施している」にすると：4 → 2"));

    // 機密性 2 → 1: 重要度 1, リスク値 2.
    pick(&mut harness, "機密性 1行目", "1：");
    assert!(shows(
        &harness,
        "リスク値 = 重要度 1 × 被害発生可能性 2 = 2 → リスク中"
    ));

    // Another row.
    harness.get_by_label("備考 2行目").click();
    harness.run();
    assert!(shows(&harness, "2行目「社員名簿」のリスク値"));
    assert!(shows(&harness, "「書類」の脅威 3 件"));

    click(&mut harness, "閉じる");
    assert!(!shows(&harness, "「社員名簿」のリスク値"));
}

#[test]
fn a_category_of_the_diagnosis_explains_its_rate_and_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_app(&dir.path().join("r.db"));
    click(&mut harness, "診断結果");
    click(&mut harness, "(1) 組織的セキュリティ対策");
    assert!(shows(
        &harness,
        "実施率 = 「1 実施している」5 問 ÷ 該当する 8 問 = 62.5%"
    ));
    assert!(shows(
        &harness,
        "◎：リスク大の情報資産を生む脅威の項目を含む"
    ));
    click(&mut harness, "(4) マイナンバー対応");
    assert!(shows(
        &harness,
        "○：該当する項目があるのでポリシーが必要です"
    ));
    // The name in the table (the explanation's heading says it too).
    harness
        .query_all_by_label("(4) マイナンバー対応")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(!shows(&harness, "実施率 = "), "a second click hides it");
}
