//! 対策計画 in the window (egui_kittest): added from 対策優先度, an owner typed, completed with its
//! items answered in one undoable step; overdue entries marked and filtered.

mod common;

use common::data::on_disk;
use common::gui::*;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use riskbook::domain::{Answer, ItemNo, Measure, PlanEntry, PlanStatus};

const CLOUD: &str = "クラウドサービスへの不正ログインによる情報漏えい";
const CLOUD_ITEMS: [u16; 5] = [13, 26, 27, 28, 45];

#[test]
fn a_measure_from_the_priorities_is_planned_and_completed_with_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "診断結果");
    // The sample plans the PC virus threat already; the cloud one is next in 対策優先度.
    let button = format!("{CLOUD} を計画に追加");
    harness.get_by_label(&button).scroll_to_me();
    harness.run();
    click(&mut harness, &button);
    let plan = on_disk(&path).plan;
    assert_eq!(plan.len(), 4, "after the sample's three");
    assert!(
        !shows(&harness, &format!("{CLOUD} を計画に追加")),
        "now 計画済み"
    );

    click(&mut harness, "対策計画");
    assert!(shows(
        &harness,
        &format!("脅威「{CLOUD}」（クラウド）の対策 5 項目")
    ));
    type_into(&mut harness, "担当者 4件目", "総務部 佐藤");
    assert_eq!(on_disk(&path).plan[3].owner, "総務部 佐藤");

    pick(&mut harness, "状態 4件目", "完了");
    // The cloud threat's 5 items make 3 assets リスク大 → リスク中 (−9 in total).
    assert!(shows(&harness, "リスク大 13 → 10 件"), "the drop is shown");
    click(&mut harness, "項目も「1 実施している」にする");
    let wb = on_disk(&path);
    assert_eq!(wb.plan[3].status, PlanStatus::Done);
    for no in CLOUD_ITEMS {
        assert_eq!(wb.answer(ItemNo(no)), Some(Answer::Implemented), "No.{no}");
    }

    // One undo takes back both the status and the answers.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let wb = on_disk(&path);
    assert_eq!(wb.plan[3].status, PlanStatus::NotStarted);
    assert_eq!(wb.answer(ItemNo(45)), Some(Answer::Partly));
}

#[test]
fn overdue_entries_are_marked_and_can_be_shown_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let mut s = common::data::sample_session(&path);
        let mut wb = s.workbook().clone();
        wb.plan = vec![
            PlanEntry {
                due: chrono::NaiveDate::from_ymd_opt(2020, 1, 31),
                ..PlanEntry::new(Measure::Item(ItemNo(41)))
            },
            PlanEntry {
                due: chrono::NaiveDate::from_ymd_opt(2099, 1, 31),
                ..PlanEntry::new(Measure::Item(ItemNo(1)))
            },
        ];
        s.replace_all(&wb).unwrap();
    }
    let mut harness = app(&path);
    click(&mut harness, "対策計画");
    assert!(shows(&harness, "対策 2 件（完了 0 件、期限切れ 1 件）"));
    assert!(has(&harness, "期限切れ"));
    assert!(shows(&harness, "No.1 "));
    pick(&mut harness, "状態で絞り込み", "期限切れ");
    assert!(shows(&harness, "No.41 "));
    assert!(!shows(
        &harness,
        "No.1 情報セキュリティに関する経営者の方針"
    ));
}

/// A sample whose plan holds one entry, for No.41, in `status`, with No.41 still 「2 一部実施」.
fn planned_41(path: &std::path::Path, status: PlanStatus) {
    let mut s = common::data::sample_session(path);
    let mut wb = s.workbook().clone();
    wb.plan = vec![PlanEntry {
        owner: "情報システム担当 鈴木".into(),
        status,
        ..PlanEntry::new(Measure::Item(ItemNo(41)))
    }];
    for item in wb.items.iter_mut().filter(|i| i.no == ItemNo(41)) {
        item.answer = Some(Answer::Partly);
    }
    s.replace_all(&wb).unwrap();
}

#[test]
fn a_finished_measure_is_reopened_instead_of_planned_a_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    planned_41(&path, PlanStatus::Done);
    let mut harness = app(&path);
    click(&mut harness, "対策状況チェック");
    assert!(!has(&harness, "No.41 を計画に追加"), "no second entry");
    scroll_and_click(&mut harness, "No.41 を再開");
    let plan = on_disk(&path).plan;
    assert_eq!(plan.len(), 1, "the entry is reopened, not added again");
    assert_eq!(plan[0].status, PlanStatus::NotStarted);
    assert_eq!(plan[0].owner, "情報システム担当 鈴木", "kept");
    assert!(has(&harness, "No.41 は計画済み"));
    assert!(!has(&harness, "No.41 を再開"));
}

#[test]
fn the_status_list_offers_each_state_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    planned_41(&path, PlanStatus::InProgress);
    let mut harness = app(&path);
    click(&mut harness, "対策計画");
    // `pick` asserts that exactly one option starts with the word.
    pick(&mut harness, "状態 1件目", "未着手");
    assert_eq!(on_disk(&path).plan[0].status, PlanStatus::NotStarted);
    pick(&mut harness, "状態 1件目", "対応中");
    assert_eq!(on_disk(&path).plan[0].status, PlanStatus::InProgress);
    pick(&mut harness, "並べ替え", "期限の近い順");
    pick(&mut harness, "並べ替え", "追加した順");
    pick(&mut harness, "状態で絞り込み", "すべて");
}

#[test]
fn a_measure_of_two_lines_stays_in_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "対策計画");
    let wb = on_disk(&path);
    assert_eq!(wb.plan.len(), 3, "the sample's plan");
    let rows: Vec<(egui::Rect, egui::Rect, egui::Rect)> = wb
        .plan
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let title = entry.title(&wb);
            let [title] = rects_where(&harness, |t| t == title)[..] else {
                panic!("one 対策 {title}");
            };
            let n = (i + 1).to_string();
            let no = rects_where(&harness, |t| t == n)
                .into_iter()
                .find(|r| r.right() <= title.left())
                .expect("the row's No.");
            let owner = harness.get_by_label(&format!("担当者 {n}件目")).rect();
            (no, title, owner)
        })
        .collect();
    assert!(rows[0].1.height() > 1.5 * rows[0].0.height(), "two lines");
    for (i, (no, title, _)) in rows.iter().enumerate() {
        assert!(
            (title.top()..=title.bottom()).contains(&no.center().y),
            "row {}: the No. {no:?} beside its 対策 {title:?}",
            i + 1
        );
    }
    for pair in rows.windows(2) {
        let ((_, title, owner), (next_no, next_title, next_owner)) = (pair[0], pair[1]);
        assert!(
            title.bottom() <= next_no.top() && title.bottom() <= next_owner.top(),
            "the 対策 {title:?} above the next row's No. {next_no:?} and 担当者 {next_owner:?}"
        );
        assert!(owner.bottom() <= next_title.top(), "the 担当者 in its row");
    }
}

#[test]
fn an_owner_is_shown_whole_and_a_long_memo_on_hover() {
    const OWNER: &str = "情報システム担当 鈴木";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    planned_41(&path, PlanStatus::NotStarted);
    let mut harness = app(&path);
    click(&mut harness, "対策計画");

    let owner = harness.get_by_label("担当者 1件目").rect();
    let style = harness.ctx.global_style();
    let text = harness.ctx.fonts_mut(|f| {
        f.layout_no_wrap(
            OWNER.into(),
            egui::TextStyle::Body.resolve(&style),
            egui::Color32::BLACK,
        )
    });
    let inside = owner.width() - 2.0 * style.spacing.button_padding.x;
    assert!(
        text.size().x <= inside,
        "「{OWNER}」 ({} wide) fits the field ({inside})",
        text.size().x
    );

    let memo = "社内サーバーのバックアップを週 1 回、復元の確認を年 1 回。手順書は総務の共有フォルダーにある";
    type_into(&mut harness, "メモ 1件目", memo);
    assert_eq!(on_disk(&path).plan[0].memo, memo);
    assert!(rects_where(&harness, |t| t == memo).is_empty());
    harness.get_by_label("メモ 1件目").hover();
    harness.run();
    assert_eq!(
        rects_where(&harness, |t| t == memo).len(),
        1,
        "the whole memo on hover"
    );
}

#[test]
fn the_status_column_stays_put_when_an_entry_stops_being_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let mut s = common::data::sample_session(&path);
        let mut wb = s.workbook().clone();
        wb.plan = vec![PlanEntry {
            due: chrono::NaiveDate::from_ymd_opt(2020, 1, 31),
            ..PlanEntry::new(Measure::Item(ItemNo(41)))
        }];
        s.replace_all(&wb).unwrap();
    }
    let mut harness = app(&path);
    click(&mut harness, "対策計画");
    let x = |harness: &egui_kittest::Harness<'_, riskbook::app::RiskbookApp>| {
        harness.get_by_label("状態 1件目").rect().left()
    };
    assert!(has(&harness, "期限切れ"));
    let overdue = x(&harness);
    pick(&mut harness, "状態 1件目", "完了");
    click(&mut harness, "状態だけ完了にする");
    assert!(!has(&harness, "期限切れ"));
    assert_eq!(x(&harness), overdue, "状態 did not move");
}

#[test]
fn completing_a_measure_that_lowers_no_risk_says_so_instead_of_85_to_85() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    // In the sample no single item lowers a risk on its own.
    planned_41(&path, PlanStatus::InProgress);
    let mut harness = app(&path);
    click(&mut harness, "対策計画");
    pick(&mut harness, "状態 1件目", "完了");
    assert!(shows(&harness, "は変わりません（同じ脅威のほかの項目"));
    assert!(!shows(&harness, "にすると：リスク値の合計"));
}
