//! 履歴 in the window: the rate chart is dated on its axis (also with one record), and the comparison
//! says which answers got better or worse where the rates cannot show it.

use egui_kittest::kittest::Queryable;
use riskbook::calc::Evaluated;
use riskbook::domain::{Answer, Catalogue, Workbook};
use riskbook::operations::Session;
use riskbook::sample::sample_workbook;
use std::path::Path;

mod common;
use common::gui::*;

fn answer_every_item(wb: &mut Workbook, answer: Answer) {
    for item in &mut wb.items {
        item.answer = Some(answer);
    }
}

/// A database at `path` holding `now`, with `then` confirmed on 2025-04-01 as its only record.
fn one_record(path: &Path, then: Workbook, now: &Workbook) {
    let mut session = Session::open(path).unwrap();
    session.replace_all(now).unwrap();
    session
        .record(&Evaluated::new(then), "第1回", "2025-04-01 10:00:00")
        .unwrap();
}

/// How many widgets read exactly `text`.
fn count(harness: &egui_kittest::Harness<'_, riskbook::app::RiskbookApp>, text: &str) -> usize {
    harness.query_all_by_label(text).count()
}

#[test]
fn one_record_is_dated_on_the_axis_and_says_a_line_comes_with_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let now = sample_workbook(Catalogue::builtin());
    one_record(&path, now.clone(), &now);
    let mut harness = app(&path);
    click(&mut harness, "履歴");
    assert!(shows(&harness, "記録 1 件"));
    assert_eq!(
        count(&harness, "2025年4月1日"),
        2,
        "the date under the chart's axis and beside the bars of the classes"
    );
    assert!(shows(
        &harness,
        "記録は 2025年4月1日 の 1 件だけです。次に「診断を確定」すると"
    ));
}

#[test]
fn every_answer_from_3_to_2_is_said_though_no_rate_moves() {
    // The case the rates cannot show: every answer 3 a year ago, every answer 2 now.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut then = sample_workbook(Catalogue::builtin());
    answer_every_item(&mut then, Answer::NotImplemented);
    let mut now = then.clone();
    answer_every_item(&mut now, Answer::Partly);
    one_record(&path, then, &now);
    let mut harness = app(&path);
    click(&mut harness, "履歴");
    assert!(shows(
        &harness,
        "回答の変更 55 問（良くなった 55 問）、脅威の頻度の変更 0 件"
    ));
    assert!(has(&harness, "良くなった 8 問（実施率は同じ）"), "(1)");
    assert!(has(&harness, "良くなった 3 問（実施率は同じ）"), "(11)");
    assert!(shows(
        &harness,
        "「3」→「2」のように「1」に届かない変化は実施率に出ません"
    ));
    assert!(shows(&harness, "回答が変わった項目（55 問）"));
}

#[test]
fn the_sample_shows_progress_over_its_two_records_and_what_changed_since() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_app(&dir.path().join("r.db"));
    click(&mut harness, "履歴");
    assert!(shows(&harness, "記録 2 件"));
    for day in ["2024年4月1日", "2025年4月1日"] {
        assert_eq!(count(&harness, day), 2, "{day} on the axis and by its bar");
    }
    assert!(!shows(&harness, "1 件だけです"));
    // Compared with the later record: 18 answers better, one worse.
    assert!(shows(
        &harness,
        "回答の変更 19 問（良くなった 18 問、悪くなった 1 問）"
    ));
    assert!(has(&harness, "良くなった 2 問、悪くなった 1 問"), "(8)");
    assert!(shows(
        &harness,
        "(3)・(10)・(11) は実施率が同じでも回答が変わっています"
    ));
    scroll_and_click(&mut harness, "回答が変わった項目（19 問）");
    assert!(shows(&harness, "No.44 サーバーや機器のログを取得し"));
    assert_eq!(count(&harness, "悪くなった"), 1);
    assert_eq!(count(&harness, "良くなった"), 18);
}
