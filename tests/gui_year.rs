//! 年間の記録 in the window (egui_kittest), by labels: a duty's completion recorded and undone in one
//! step, a person trained, an incident's level checked against its assets, the 連絡網 edited and
//! reordered, and 今やること's overdue duty opening the 年間計画.

mod common;

use common::data::on_disk;
use common::gui::*;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use riskbook::domain::year::duty::Outcome;
use riskbook::sample_year::{OVERDUE_DUTY, UNTRAINED};

fn undo(harness: &mut egui_kittest::Harness<'_, riskbook::app::RiskbookApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
}

/// The sample's window on 年間の記録, on `section`.
fn year_app(
    path: &std::path::Path,
    section: &str,
) -> egui_kittest::Harness<'static, riskbook::app::RiskbookApp> {
    let mut harness = sample_app(path);
    click(&mut harness, "年間の記録");
    click(&mut harness, section);
    harness
}

#[test]
fn recording_a_duty_moves_its_next_due_date_and_one_undo_takes_both_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    let mut harness = year_app(&path, "年間計画");
    let before = on_disk(&path).year;
    let n = before
        .duties
        .iter()
        .position(|d| d.name == OVERDUE_DUTY)
        .unwrap()
        + 1;
    let duty = &before.duties[n - 1];
    assert!(
        shows(&harness, "期限切れ（20 日過ぎ）"),
        "the overdue duty says so"
    );

    click(&mut harness, &format!("実施を記録 {n}件目"));
    type_into_input(&mut harness, "実施者", "情報システム担当 鈴木");
    type_into_input(&mut harness, "結果", "全ファイル開けた");
    click(&mut harness, "記録する");
    let after = on_disk(&path).year;
    assert_eq!(after.duty_records.len(), before.duty_records.len() + 1);
    let record = after.duty_records.last().unwrap();
    assert_eq!(
        (record.duty, record.due, record.outcome),
        (duty.id, duty.next_due.unwrap(), Outcome::Late)
    );
    assert_eq!(record.result, "全ファイル開けた");
    let moved = after.duties[n - 1].next_due.unwrap();
    assert_eq!(
        moved,
        duty.next_due
            .unwrap()
            .checked_add_months(chrono::Months::new(6))
            .unwrap()
    );
    assert!(has(&harness, "全ファイル開けた"), "the record is listed");
    let shown_due = |harness: &egui_kittest::Harness<'_, riskbook::app::RiskbookApp>| {
        harness
            .get_by_label(&format!("次回期限 {n}件目"))
            .value()
            .unwrap_or_default()
    };
    assert_eq!(shown_due(&harness), moved.format("%Y-%m-%d").to_string());

    undo(&mut harness);
    assert_eq!(on_disk(&path).year, before, "one undo takes both back");
    assert!(!has(&harness, "全ファイル開けた"));
    assert_eq!(
        shown_due(&harness),
        duty.next_due.unwrap().format("%Y-%m-%d").to_string()
    );
}

#[test]
fn a_wrong_completion_date_is_refused_in_words_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    let mut harness = year_app(&path, "年間計画");
    let before = on_disk(&path).year;
    click(&mut harness, "実施を記録 1件目");
    type_into_input(&mut harness, "実施日", "先週");
    click(&mut harness, "記録する");
    assert!(shows(&harness, "実施日「先週」を日付として読めません"));
    assert_eq!(on_disk(&path).year, before);
}

#[test]
fn a_person_added_and_trained_leaves_the_untrained_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    let mut harness = year_app(&path, "従業員");
    type_into_input(&mut harness, "所属", "営業部");
    type_into_input(&mut harness, "氏名", "小林 翔");
    click(&mut harness, "従業員を追加");
    let staff = on_disk(&path).year.staff;
    assert_eq!(staff.len(), 9);
    assert_eq!(
        (staff[8].name.as_str(), staff[8].department.as_str()),
        ("小林 翔", "営業部")
    );

    click(&mut harness, "教育記録");
    assert!(shows(&harness, "今年度まだ受講していない人：2 人"));
    assert!(shows(&harness, "小林 翔（営業部）") && shows(&harness, UNTRAINED));
    click(&mut harness, "研修を追加");
    type_into_input(&mut harness, "研修名", "新人向け情報セキュリティ研修");
    click(&mut harness, "受講者 小林 翔");
    pick(&mut harness, "理解度 小林 翔", "3");
    click(&mut harness, "研修を保存");
    let trainings = on_disk(&path).year.trainings;
    assert_eq!(trainings.len(), 3);
    let new = &trainings[2];
    assert_eq!(new.title, "新人向け情報セキュリティ研修");
    assert_eq!(new.attendees.len(), 1);
    assert_eq!(new.attendees[0].understanding.map(|u| u.value()), Some(3));
    assert!(shows(&harness, "今年度まだ受講していない人：1 人"));
    assert!(!shows(&harness, "・小林 翔"));
}

#[test]
fn an_incident_with_personal_data_brings_the_legal_reminder_and_refuses_a_low_level() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    let mut harness = year_app(&path, "インシデント");
    click(&mut harness, "インシデントを追加");
    type_into_input(&mut harness, "件名", "社員名簿の誤送信");
    pick_control(&mut harness, "区分", "漏えい");
    type_into_input(&mut harness, "台帳から探す", "社員名簿");
    harness
        .query_all_by_label("社員名簿 を加える")
        .next()
        .expect("the search offers the 台帳's 社員名簿")
        .click();
    harness.run();
    assert!(shows(&harness, "個人情報保護委員会"), "the legal reminder");
    assert!(shows(&harness, "事故レベル 3 以上です"));

    click(&mut harness, "インシデントを保存");
    assert!(shows(&harness, "事故レベル 0 にはできません"));
    assert_eq!(on_disk(&path).year.incidents.len(), 1, "only the sample's");

    pick_control(&mut harness, "事故レベル", "レベル 3");
    assert!(
        shows(&harness, "個人情報が漏えいした"),
        "the level's meaning"
    );
    click(&mut harness, "インシデントを保存");
    let incidents = on_disk(&path).year.incidents;
    assert_eq!(incidents.len(), 2);
    assert_eq!(incidents[1].title, "社員名簿の誤送信");
    assert_eq!(incidents[1].level.value(), 3);

    type_into_input(&mut harness, "経過の内容", "送信先に削除を依頼した");
    click(&mut harness, "経過を追加");
    assert_eq!(on_disk(&path).year.incidents[1].timeline.len(), 1);
}

#[test]
fn the_contacts_are_edited_and_reordered_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    let mut harness = year_app(&path, "連絡網");
    type_into(&mut harness, "氏名 1行目", "営業部長 高橋");
    let contacts = on_disk(&path).year.contacts;
    assert_eq!(contacts[0].name, "営業部長 高橋");
    let second = contacts[1].clone();

    click(&mut harness, "下へ 1行目");
    let moved = on_disk(&path).year.contacts;
    assert_eq!(moved[1].name, "営業部長 高橋");
    assert_eq!(moved[0], second);

    undo(&mut harness);
    assert_eq!(on_disk(&path).year.contacts, contacts);
}

#[test]
fn the_overdue_duty_of_todo_opens_the_year_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    let mut harness = sample_app(&path);
    // Somewhere else first, then 今やること.
    click(&mut harness, "年間の記録");
    click(&mut harness, "連絡網");
    click(&mut harness, "今やること");
    let list = {
        let session = harness.state().session();
        riskbook::calc::todo::todos(
            session.workbook(),
            session.assessment(),
            chrono::Local::now().date_naive(),
        )
    };
    let n = list
        .iter()
        .position(|t| t.what.contains(OVERDUE_DUTY))
        .expect("the overdue duty is to do")
        + 1;
    scroll_and_click(&mut harness, &format!("{n} 件目を開く"));
    assert!(shows(&harness, "年間計画：作業 7 件（期限切れ 1 件）"));
}

#[test]
fn the_contacts_pdf_has_the_name_still_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    let mut harness = year_app(&path, "連絡網");
    type_without_leaving(&mut harness, "電話 2行目", "090-9999-0000");
    let pdf = dir.path().join("連絡網.pdf");
    harness.state_mut().save_contacts(pdf.clone());
    wait_for_job(&mut harness);
    assert_eq!(on_disk(&path).year.contacts[1].phone, "090-9999-0000");
    let text = common::pdf::text_of(&pdf);
    assert!(text.contains("090-9999-0000"), "{text}");
    assert!(text.contains("緊急連絡網"));
}

#[test]
fn a_changed_incident_is_saved_when_another_tab_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    let mut harness = year_app(&path, "インシデント");
    click(&mut harness, "インシデントを開く 1件目");
    type_without_leaving(&mut harness, "発見者", "経理 中村");
    click(&mut harness, "今やること");
    assert_eq!(on_disk(&path).year.incidents[0].found_by, "経理 中村");
}
