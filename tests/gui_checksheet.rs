//! 取引先シート in the window (egui_kittest): a customer's sheet answered item by item in the
//! customer's own words, the counts following, a check item cited as evidence, a 対策計画 entry made
//! from an unmet item, and all of it undone.

mod common;

use chrono::NaiveDate;
use common::data::{on_disk, sample_session};
use common::gui::*;
use eframe::egui;
use riskbook::domain::checksheet::{
    AnswerScale, CheckSheet, FileFormat, ItemAnswer, Link, Requirement, SheetId, SheetItem, Source,
};
use riskbook::domain::{ItemNo, Measure};

/// A customer's sheet of three items, 実施している／一部実施している／実施していない／該当しない.
fn customer_sheet() -> CheckSheet {
    let item = |row, number: &str, label: &str, text: &str, requirement| SheetItem {
        row,
        number: number.into(),
        label: label.into(),
        text: text.into(),
        requirement,
        extra: vec![("達成基準".into(), format!("{number} の達成基準"))],
        answer: ItemAnswer::default(),
    };
    CheckSheet {
        id: SheetId(0),
        name: "○○工業 2026年度".into(),
        customer: "○○工業".into(),
        source: Source {
            file_name: "○○工業チェックシート.xlsx".into(),
            format: FileFormat::Xlsx,
            sheet: "チェックシート".into(),
            answer_column: Some(5),
            comment_column: Some(6),
        },
        imported_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        scale: AnswerScale::guessed(&[
            "実施している",
            "一部実施している",
            "実施していない",
            "該当しない",
        ]),
        items: vec![
            item(
                3,
                "1",
                "組織",
                "情報セキュリティの基本方針を定めること",
                Requirement::Required,
            ),
            item(
                4,
                "2",
                "技術",
                "パスワードは十分な長さとし、使い回しを禁止すること",
                Requirement::Required,
            ),
            item(
                5,
                "3",
                "技術",
                "無線LANを暗号化すること",
                Requirement::Optional,
            ),
        ],
    }
}

#[test]
fn items_are_answered_cited_planned_and_undone_in_the_customers_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut session = sample_session(&path);
    session
        .insert_checksheet(&customer_sheet(), b"customer file")
        .unwrap();
    let plan_before = session.workbook().plan.len();
    drop(session);

    let mut harness = app(&path);
    click(&mut harness, "取引先シート");
    assert!(shows(&harness, "回答 0 / 3 件"), "nothing answered yet");

    // The answer in the list, in the customer's own dropdown words.
    pick(&mut harness, "No.1 の回答", "実施している");
    let answer = |path| on_disk(path).checksheets[0].items[0].answer.choice.clone();
    assert_eq!(answer(&path).as_deref(), Some("実施している"));
    assert!(shows(&harness, "回答 1 / 3 件"));
    assert!(shows(&harness, "達成 1"));

    // The second item in full beside the list, answered there, not met.
    click(&mut harness, "No.2 を開く");
    assert!(
        shows(&harness, "2 の達成基準"),
        "the customer's other columns are shown"
    );
    click(&mut harness, "実施していない");
    assert!(shows(&harness, "未達 1"));
    // riskbook's own password item is offered as evidence (assets/checksheet-links.toml).
    click(&mut harness, "No.27");
    let item = &on_disk(&path).checksheets[0].items[1];
    assert_eq!(item.answer.choice.as_deref(), Some("実施していない"));
    assert_eq!(item.answer.links, [Link::Check(ItemNo(27))]);

    // Not met: a 対策計画 entry naming the customer and the item.
    click(&mut harness, "計画に追加");
    let plan = on_disk(&path).plan;
    assert_eq!(plan.len(), plan_before + 1);
    let entry = plan.last().unwrap();
    assert_eq!(entry.measure, Measure::Item(ItemNo(27)));
    assert!(entry.memo.contains("○○工業 2026年度") && entry.memo.contains("No.2"));

    // 根拠・補足 typed and saved when the field is left.
    type_without_leaving(&mut harness, "根拠・補足", "来年度に規程を改定する");
    assert!(
        on_disk(&path).checksheets[0].items[1]
            .answer
            .comment
            .is_empty(),
        "a draft"
    );
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(
        on_disk(&path).checksheets[0].items[1].answer.comment,
        "来年度に規程を改定する"
    );

    // Undo, step by step: the comment, the plan entry, the citation, the answer.
    for _ in 0..4 {
        click(&mut harness, "編集");
        click(&mut harness, "元に戻す (Ctrl+Z)");
    }
    let wb = on_disk(&path);
    assert_eq!(wb.plan.len(), plan_before);
    assert!(wb.checksheets[0].items[1].answer.is_empty());
    assert_eq!(
        answer(&path).as_deref(),
        Some("実施している"),
        "the first answer stays"
    );
    assert!(shows(&harness, "回答 1 / 3 件"));
}

#[test]
fn filters_show_unanswered_and_required_items_not_met() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut session = sample_session(&path);
    let mut sheet = customer_sheet();
    sheet.items[0].answer.choice = Some("実施している".into());
    sheet.items[1].answer.choice = Some("一部実施している".into());
    session.insert_checksheet(&sheet, b"customer file").unwrap();
    drop(session);

    let mut harness = app(&path);
    click(&mut harness, "取引先シート");
    let shown = |h: &_, text| has(h, text);
    assert!(shown(&harness, "無線LANを暗号化すること"));
    click(&mut harness, "必須の未達・未回答");
    assert!(shown(
        &harness,
        "パスワードは十分な長さとし、使い回しを禁止すること"
    ));
    assert!(!shown(&harness, "無線LANを暗号化すること"), "任意");
    assert!(
        !shown(&harness, "情報セキュリティの基本方針を定めること"),
        "met"
    );
    click(&mut harness, "未回答");
    assert!(shown(&harness, "無線LANを暗号化すること"));
    assert!(!shown(
        &harness,
        "パスワードは十分な長さとし、使い回しを禁止すること"
    ));
}

/// The window's import: the customer's file read and shown (sheet, columns, the customer's own
/// column named as not written), the remark column chosen again by the user, then stored; the
/// answers written back into a copy of the file.
#[test]
fn a_customers_file_is_shown_before_it_is_stored_and_given_back_with_the_answers() {
    use common::checksheet::{ANSWER, SHEET, customer_workbook, item_row};
    use riskbook::app::actions::Action;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    drop(sample_session(&path));
    let file = dir.path().join("△△精機 2026年度.xlsx");
    std::fs::write(&file, customer_workbook(8, false)).unwrap();

    let mut harness = app(&path);
    harness
        .state_mut()
        .file_dialog_answer(Action::CheckSheetImport, Some(file.clone()));
    harness.run();
    assert!(shows(
        &harness,
        "取引先チェックシートの取り込み：△△精機 2026年度.xlsx"
    ));
    assert!(shows(&harness, "項目 8 件"));
    assert!(shows(&harness, "取引先の欄（書き込みません）"));
    assert!(
        on_disk(&path).checksheets.is_empty(),
        "nothing stored before 取り込む"
    );
    pick(&mut harness, "根拠・補足欄", "（なし）");
    click(&mut harness, "取り込む");
    let stored = on_disk(&path).checksheets;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].name, "△△精機 2026年度");
    assert_eq!(stored[0].source.comment_column, None, "the user's choice");
    assert!(shows(&harness, "回答 1 / 8 件"), "the sheet is in front");

    pick(&mut harness, "No.2 の回答", "実施していない");
    let out = dir.path().join("返送用.xlsx");
    harness
        .state_mut()
        .file_dialog_answer(Action::CheckSheetExport, Some(out.clone()));
    harness.run();
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut book, SHEET).unwrap();
    assert_eq!(
        sheet.get_value((item_row(1), ANSWER)),
        Some(&calamine::Data::String("実施していない".into()))
    );
}
