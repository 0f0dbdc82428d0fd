//! 基本方針・SECURITY ACTION in the window: the 5か条 read from the answers, the 自社診断's score
//! checked, the 基本方針 started from our example, signed, dated, undone and printed on one page.

mod common;

use common::data::on_disk;
use common::gui::{click, sample_app, set_date, shows, type_into, wait_for_job};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use riskbook::app::RiskbookApp;

const TAB: &str = "基本方針";

fn count(harness: &Harness<'_, RiskbookApp>, text: &str) -> usize {
    harness.query_all_by_label(text).count()
}

#[test]
fn the_five_rules_follow_the_answers_and_an_open_question_goes_to_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, TAB);
    // The sample company: updates and antivirus done; passwords, sharing and threats in part.
    assert_eq!(count(&harness, "できている"), 2);
    assert_eq!(count(&harness, "一部できている"), 3);
    assert!(shows(&harness, "5か条のうち 2 つが「できている」です。"));

    click(&mut harness, "No.28 を計画に追加");
    let plan = on_disk(&path).plan;
    assert!(
        plan.iter()
            .any(|e| e.measure == riskbook::domain::Measure::Item(riskbook::domain::ItemNo(28))),
        "No.28 is in the plan"
    );
    assert!(
        harness
            .query_all_by_label("No.28 は計画済み")
            .next()
            .is_some()
    );
}

#[test]
fn a_basic_policy_is_started_from_the_example_signed_and_printed_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let pdf = dir.path().join("基本方針.pdf");
    let mut harness = sample_app(&path);
    click(&mut harness, TAB);
    assert!(shows(
        &harness,
        "二つ星にまだ足りないもの：自社診断の実施日、自社診断の点数、基本方針（本文・制定日・代表者名）、基本方針の公開日"
    ));

    // Nothing to print yet: said, and no file.
    harness.state_mut().save_basic_policy(pdf.clone());
    wait_for_job(&mut harness);
    assert!(shows(
        &harness,
        "基本方針はまだ PDF にできません。本文・制定日・代表者名を入れてください。"
    ));
    assert!(!pdf.exists());
    click(&mut harness, "OK");

    // A score off the sheet's range is refused where it was typed, and nothing is saved.
    type_into(&mut harness, "自社診断の点数", "120");
    assert!(shows(
        &harness,
        "自社診断の点数は −25〜100 の整数で入れてください（入力値：「120」）"
    ));
    assert_eq!(on_disk(&path).declaration.self_check.score, None);
    type_into(&mut harness, "自社診断の点数", "７２");
    assert_eq!(
        on_disk(&path)
            .declaration
            .self_check
            .score
            .map(|s| s.value()),
        Some(72)
    );
    assert!(!shows(&harness, "整数で入れてください"));
    set_date(&mut harness, "自社診断の実施日", "2026/5/10");

    click(&mut harness, "例文を入れる");
    let company = on_disk(&path).settings.company;
    let text = on_disk(&path).declaration.basic_policy.text;
    assert!(
        text.starts_with(&format!("{company}（以下「当社」）は、")),
        "{text}"
    );
    type_into(&mut harness, "代表者名", "代表取締役 港一郎");
    set_date(&mut harness, "制定日", "2026/6/1");
    assert!(shows(
        &harness,
        "二つ星にまだ足りないもの：基本方針の公開日"
    ));
    set_date(&mut harness, "公開日", "R8.6.2");
    assert!(shows(&harness, "二つ星の宣言に必要なもの"));

    // Each change is one step back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(on_disk(&path).declaration.basic_policy.published_on, None);
    assert!(shows(
        &harness,
        "二つ星にまだ足りないもの：基本方針の公開日"
    ));

    harness.state_mut().save_basic_policy(pdf.clone());
    wait_for_job(&mut harness);
    let document = lopdf::Document::load(&pdf).unwrap();
    assert_eq!(document.get_pages().len(), 1, "one page to post");
    let printed = pdf_extract::extract_text(&pdf).unwrap();
    for expected in [
        "情報セキュリティ基本方針",
        "経営者の責任",
        "2026年6月1日 制定",
        "代表取締役 港一郎",
        company.as_str(),
    ] {
        assert!(printed.contains(expected), "{expected} in {printed}");
    }
}
