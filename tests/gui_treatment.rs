//! リスク対応 in the window (egui_kittest): the sample's undecided assets listed first; a 保有 decided
//! without its approver and date is shown incomplete, complete once they are given, and Ctrl+Z takes
//! the date back; a decision follows its asset through a delete and its undo on the 台帳.

mod common;

use chrono::NaiveDate;
use common::data::on_disk;
use common::gui::*;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use riskbook::domain::{AssetId, Decision};

/// 銀行取引データ (クラウド, リスク大), undecided in the sample.
const ROW: usize = 13;

fn decision(path: &std::path::Path) -> Option<riskbook::domain::Treatment> {
    let wb = on_disk(path);
    let id: AssetId = wb.assets[ROW - 1].id;
    wb.treatment(id).cloned()
}

#[test]
fn an_accepted_risk_is_incomplete_until_its_approver_and_date_are_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    // 診断結果's list of risky assets says each one's decision.
    click(&mut harness, "診断結果");
    // A tall window shows the list below the charts without scrolling.
    harness.set_size(egui::vec2(1366.0, 1600.0));
    harness.run();
    assert!(has(&harness, "移転"), "電子メールデータ (クラウド)");
    assert!(has(&harness, "未決定"));
    harness.set_size(WINDOW_SIZE);
    harness.run();
    click(&mut harness, "リスク対応");
    // The sample decided three of the 31 リスク大・中 assets; one 保有 of them is complete.
    assert!(
        shows(&harness, "リスク大・中 31 件：未決定 28 件"),
        "the count line"
    );
    assert_eq!(decision(&path), None);

    pick(&mut harness, &format!("対応 台帳{ROW}行目"), "保有");
    assert_eq!(decision(&path).unwrap().decision, Decision::Accept);
    assert!(has(&harness, "理由・承認者・承認日がありません"));

    type_into(
        &mut harness,
        &format!("理由 台帳{ROW}行目"),
        "ネットバンキングの補償で損害は賄える",
    );
    type_into(
        &mut harness,
        &format!("承認者 台帳{ROW}行目"),
        "代表取締役 港 一郎",
    );
    assert!(has(&harness, "承認日がありません"), "still incomplete");
    assert!(!has(&harness, "理由・承認者・承認日がありません"));
    let complete_before = harness.query_all_by_label("決定済み").count();

    set_date(&mut harness, &format!("承認日 台帳{ROW}行目"), "2026/4/10");
    let t = decision(&path).unwrap();
    assert_eq!(t.accepted_by, "代表取締役 港 一郎");
    assert_eq!(t.accepted_on, NaiveDate::from_ymd_opt(2026, 4, 10));
    assert!(!has(&harness, "承認日がありません"), "complete now");
    assert_eq!(
        harness.query_all_by_label("決定済み").count(),
        complete_before + 1
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        decision(&path).unwrap().accepted_on,
        None,
        "the date undone"
    );
    assert!(has(&harness, "承認日がありません"));
}
