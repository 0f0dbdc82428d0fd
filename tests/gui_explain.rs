//! 「なぜこのリスク値か」 in the window (egui_kittest): the 台帳's panel follows the current row and
//! the values as they change, opens below the row without covering it, and starts each row at its
//! heading; 診断結果 explains a category when its name is clicked.

mod common;

use common::gui::*;
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use riskbook::app::RiskbookApp;

/// Where the リスク値 cell (S) of a row of the 台帳 is: the coloured value on the line of the row's
/// 備考 field, right of it.
fn risk_cell(harness: &Harness<'_, RiskbookApp>, row: usize) -> egui::Rect {
    let note = harness.get_by_label(&format!("備考 {row}行目")).rect();
    let cells: Vec<egui::Rect> = harness
        .query_all_by(|n| {
            n.role() == Role::Label
                && n.value().is_some_and(|v| {
                    v.ends_with("リスク大") || v.ends_with("リスク中") || v.ends_with("リスク小")
                })
        })
        .map(|n| n.rect())
        .filter(|r| (r.center().y - note.center().y).abs() < note.height() && r.min.x > note.max.x)
        .collect();
    assert_eq!(cells.len(), 1, "one リスク値 cell in row {row}: {cells:?}");
    cells[0]
}

/// Clicks the リスク値 cell of a row, as a person does to ask why.
fn click_risk(harness: &mut Harness<'_, RiskbookApp>, row: usize) {
    let at = risk_cell(harness, row).center();
    harness.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}

/// The panel's title (the toolbar's button of the same name is a button).
fn panel_title(harness: &Harness<'_, RiskbookApp>) -> egui::Rect {
    harness
        .query_all_by(|n| {
            n.role() == Role::Label && n.value().as_deref() == Some("なぜこのリスク値か")
        })
        .next()
        .expect("the panel is open")
        .rect()
}

/// Whether the line of the panel that says `text` is scrolled into sight (below its 閉じる).
fn in_sight(harness: &Harness<'_, RiskbookApp>, text: &str) -> bool {
    let top = harness.get_by_label("閉じる").rect().max.y;
    harness.get_by_label_contains(text).rect().min.y >= top
}

#[test]
fn the_panel_opens_below_the_clicked_cell_and_leaves_its_row_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_app(&dir.path().join("r.db"));
    // The first row, and one that the opened panel would cover if the 台帳 did not scroll.
    for (row, heading) in [(1, "1行目「社員名簿」"), (20, "20行目「製品設計図」")]
    {
        click_risk(&mut harness, row);
        assert!(shows(&harness, &format!("{heading}のリスク値")));
        let cell = risk_cell(&harness, row);
        let panel = panel_title(&harness);
        assert!(
            cell.max.y <= panel.min.y,
            "row {row}: the cell {cell:?} is above the panel {panel:?}"
        );
        assert!(
            cell.min.y > harness.get_by_label("＋ 行を追加").rect().max.y
                && cell.max.x <= WINDOW_SIZE.x,
            "row {row}: the cell {cell:?} is in the window, below the toolbar"
        );
        click(&mut harness, "閉じる");
    }
}

#[test]
fn another_row_starts_at_the_top_of_the_panel() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_app(&dir.path().join("r.db"));
    click_risk(&mut harness, 1);
    assert!(in_sight(&harness, "1行目「社員名簿」のリスク値"));
    // Read on to the end: the heading scrolls out of sight.
    harness.get_by_label("5. 対策計画に入れる").scroll_to_me();
    harness.run();
    assert!(!in_sight(&harness, "1行目「社員名簿」のリスク値"));

    click_risk(&mut harness, 3);
    assert!(
        in_sight(&harness, "3行目「給与システムデータ」のリスク値"),
        "the new row's heading is shown, not the old scroll"
    );
}

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
        "○：従業員のマイナンバーはどの会社も扱うので"
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
