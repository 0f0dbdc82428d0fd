//! The window driven as a person would, through egui_kittest (no GPU, no display): widgets are found by
//! their labels, clicked and typed into, and what the window shows is checked.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use riskbook::app::Action;
use riskbook::domain::{Answer, ItemNo, Medium};
use riskbook::operations::Session;
use std::path::Path;

use eframe::egui;

mod common;
use common::data::on_disk;
use common::gui::*;

fn threat_names(path: &Path, medium: Medium) -> Vec<String> {
    let session = Session::open(path).unwrap();
    session
        .workbook()
        .threats_of(medium)
        .map(|t| t.name.clone())
        .collect()
}

fn items_of_threat(path: &Path, name: &str) -> Vec<u16> {
    let session = Session::open(path).unwrap();
    let threat = session
        .workbook()
        .threats
        .iter()
        .find(|t| t.name == name)
        .unwrap();
    threat.items.iter().map(|n| n.0).collect()
}

#[test]
fn the_start_view_leads_to_an_empty_register_or_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = app(&path);
    assert!(shows(&harness, "riskbook へようこそ"));
    click(&mut harness, "新しく台帳を作る");
    assert!(shows(&harness, "表示 0 件 / 全 0 件"));
    assert!(
        shows(&harness, "台帳はまだ空です")
            && shows(&harness, "「＋ 行を追加」で 1 行ずつ入力する")
            && shows(&harness, "Ctrl+V で貼り付ける")
            && shows(&harness, "自社の一覧表（Excel・CSV）を取り込む"),
        "the empty 台帳 says how to begin"
    );
    click(&mut harness, "＋ 行を追加");
    assert!(
        !shows(&harness, "台帳はまだ空です"),
        "gone with the first row"
    );

    let other = dir.path().join("s.db");
    let harness = sample_app(&other);
    assert!(shows(&harness, "表示 32 件 / 全 32 件"));
    assert!(shows(&harness, "リスク大 13"));
}

#[test]
fn a_new_asset_is_rated_and_its_risk_follows_threats_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let pc_threats = threat_names(&path, Medium::OfficePc);
    let virus = pc_threats[0].clone();
    let virus_items = items_of_threat(&path, &virus);

    let mut harness = app(&path);
    click(&mut harness, "新しく台帳を作る");
    click(&mut harness, "＋ 行を追加");
    assert!(shows(&harness, "表示 1 件 / 全 1 件"));

    type_into(&mut harness, "情報資産名称 1行目", "顧客名簿");
    pick(&mut harness, "媒体・保存先 1行目", "事務所PC");
    pick(&mut harness, "機密性 1行目", "2：");
    pick(&mut harness, "完全性 1行目", "1：");
    pick(&mut harness, "可用性 1行目", "0：");
    click(&mut harness, "個人情報 1行目");
    // 重要度 2, but the threats of 事務所PC have no frequency yet: 未算定, not 0.
    assert!(has(&harness, "未算定"));
    assert!(!has(&harness, "4 リスク大") && !has(&harness, "6 リスク大"));

    click(&mut harness, "脅威の状況");
    pick(&mut harness, &format!("脅威の発生頻度 {virus}"), "3：");
    for other in &pc_threats[1..] {
        pick(&mut harness, &format!("脅威の発生頻度 {other}"), "1：");
    }
    // Nothing answered: v = 3, p(3, 3) = 3 for the virus threat.
    assert!(shows(&harness, "3 可能性：高"));

    click(&mut harness, "情報資産管理台帳");
    assert!(has(&harness, "6 リスク大"), "重要度 2 × 可能性 3");

    // Answer every item against the virus threat with 1: v = 1, p = 1 → risk 2.
    click(&mut harness, "対策状況チェック");
    for no in &virus_items {
        let radio = format!("No.{no} 1 実施している");
        harness.get_by_label(&radio).scroll_to_me();
        harness.run();
        click(&mut harness, &radio);
    }
    assert!(shows(
        &harness,
        &format!("回答済み {} / 55 問", virus_items.len())
    ));

    click(&mut harness, "情報資産管理台帳");
    assert!(has(&harness, "2 リスク中"));
    assert!(!has(&harness, "6 リスク大"));

    click(&mut harness, "診断結果");
    // (7) IT機器利用: the three of its items that counter the virus threat are implemented: 3 of 5.
    let it_items = virus_items
        .iter()
        .filter(|n| (35..=39).contains(*n))
        .count();
    assert_eq!(it_items, 3);
    assert!(shows(&harness, "60.0%"));
    assert!(has(&harness, "2 リスク中"));

    drop(harness);
    // Everything was saved as it was typed: reopen the file.
    let session = Session::open(&path).unwrap();
    let wb = session.workbook();
    assert_eq!(wb.assets.len(), 1);
    let a = &wb.assets[0];
    assert_eq!(a.name, "顧客名簿");
    assert_eq!(a.medium, Some(Medium::OfficePc));
    assert_eq!(
        a.ratings().map(|r| r.map(|r| r.value())),
        [Some(2), Some(1), Some(0)]
    );
    assert!(a.personal_info);
    assert_eq!(wb.answer(ItemNo(virus_items[0])), Some(Answer::Implemented));
    assert_eq!(session.assessment().assets[0].risk, Some(2));
    drop(session);

    // A database with data opens on 今やること; the 台帳 is one tab away.
    let mut harness = app(&path);
    assert!(has(&harness, "今やること"));
    click(&mut harness, "情報資産管理台帳");
    assert!(
        has(&harness, "2 リスク中"),
        "the reopened window shows the same risk"
    );
    assert_eq!(
        harness
            .get_by_label("情報資産名称 1行目")
            .value()
            .as_deref(),
        Some("顧客名簿")
    );
}

#[test]
fn undo_and_redo_with_the_keyboard_and_delete_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    pick(&mut harness, "媒体・保存先 1行目", "クラウド");
    assert_eq!(on_disk(&path).assets[0].medium, Some(Medium::Cloud));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(on_disk(&path).assets[0].medium, Some(Medium::OfficePc));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(on_disk(&path).assets[0].medium, Some(Medium::Cloud));

    click(&mut harness, "1行目を選択");
    click(&mut harness, "削除…");
    assert!(shows(&harness, "を台帳から削除しますか"));
    click(&mut harness, "キャンセル");
    assert!(shows(&harness, "全 32 件"));
    click(&mut harness, "削除…");
    click(&mut harness, "削除する");
    assert!(shows(&harness, "全 31 件"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(shows(&harness, "全 32 件"), "the deleted row is back");
    assert_eq!(on_disk(&path).assets[0].name, "社員名簿");
}

#[test]
fn an_empty_name_is_refused_with_a_message_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    type_into(&mut harness, "情報資産名称 1行目", " ");
    assert!(shows(&harness, "情報資産名称が空です"));
    click(&mut harness, "OK");
    assert_eq!(on_disk(&path).assets[0].name, "社員名簿");
    assert_eq!(
        harness
            .get_by_label("情報資産名称 1行目")
            .value()
            .as_deref(),
        Some("社員名簿")
    );
}

#[test]
fn filter_and_sort_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    pick(&mut harness, "リスクで絞り込み", "リスク大");
    assert!(shows(&harness, "表示 13 件 / 全 32 件"));
    click(&mut harness, "絞り込み解除");
    harness.get_by_label("検索：").focus();
    harness.get_by_label("検索：").type_text("請求書");
    harness.run();
    assert!(shows(&harness, "表示 3 件 / 全 32 件"));
}

#[test]
fn japanese_from_an_input_method_reaches_the_name_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = app(&path);
    click(&mut harness, "新しく台帳を作る");
    click(&mut harness, "＋ 行を追加");
    harness.get_by_label("情報資産名称 1行目").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    // What an IME sends: the text being converted, then the chosen conversion.
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "とりひきさきめいぼ".into(),
        active_range_chars: None,
    }));
    harness.run();
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit(
        "取引先名簿".into(),
    )));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(on_disk(&path).assets[0].name, "取引先名簿");
}

#[test]
fn a_locked_database_is_reported_in_the_window_and_nothing_is_half_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    // Another program holds a write transaction on the file.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    pick(&mut harness, "媒体・保存先 1行目", "クラウド");
    assert!(shows(&harness, "他のプログラムにロックされている"));
    assert!(shows(&harness, "保存できませんでした"));
    other.execute_batch("ROLLBACK").unwrap();
    click(&mut harness, "OK");
    assert_eq!(on_disk(&path).assets[0].medium, Some(Medium::OfficePc));
    assert_eq!(
        harness.state().session().workbook().assets[0].medium,
        Some(Medium::OfficePc),
        "the window shows what is on disk"
    );
    // Once the file is free the same edit goes through.
    pick(&mut harness, "媒体・保存先 1行目", "クラウド");
    assert_eq!(on_disk(&path).assets[0].medium, Some(Medium::Cloud));
}

#[test]
fn excel_import_shows_a_preview_and_applies_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    // An exported sample workbook to import.
    let source = dir.path().join("source.db");
    {
        let mut store = riskbook::store::Store::open(&source).unwrap();
        store
            .replace_all(&riskbook::sample::sample_workbook(
                riskbook::domain::Catalogue::builtin(),
            ))
            .unwrap();
    }
    let wb = on_disk(&source);
    let xlsx = dir.path().join("見本.xlsx");
    riskbook::xlsx::export(&riskbook::calc::Evaluated::new(wb), &xlsx).unwrap();

    let path = dir.path().join("r.db");
    let mut harness = app(&path);
    harness.state_mut().import_file(&xlsx);
    wait_for_job(&mut harness);
    assert!(shows(&harness, "Excel取込の確認"));
    assert!(shows(
        &harness,
        "情報資産 32 件、脅威 18 件、チェック項目 55 問（回答済み 55 問）"
    ));
    click(&mut harness, "キャンセル");
    assert!(on_disk(&path).assets.is_empty(), "cancel imports nothing");

    harness.state_mut().import_file(&xlsx);
    wait_for_job(&mut harness);
    click(&mut harness, "取り込む");
    assert!(shows(&harness, "情報資産 32 件を取り込みました"));
    click(&mut harness, "OK");
    assert!(shows(&harness, "表示 32 件 / 全 32 件"));
    assert_eq!(on_disk(&path).assets.len(), 32);
}

#[test]
fn with_nothing_answered_the_diagnosis_asks_for_answers_instead_of_judging() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(&dir.path().join("r.db"));
    click(&mut harness, "新しく台帳を作る");
    click(&mut harness, "診断結果");
    assert!(shows(&harness, "回答済み 0 / 55 問"));
    assert!(
        !shows(&harness, "ポリシーで対策を規定して下さい"),
        "no policy is asked for on no answers"
    );
    assert_eq!(
        harness
            .query_all_by_label("対策状況チェックが未回答です")
            .count(),
        11,
        "every category, (4) マイナンバー対応 too: it applies to every company"
    );
    assert!(has(&harness, "未回答"));
    assert!(!has(&harness, "○") && !has(&harness, "◎"));
    assert!(shows(
        &harness,
        "対策状況チェックにまだ回答がありません。先に回答すると"
    ));
    assert!(
        !shows(&harness, "1 項目だけを実施してもリスク値は下がりません"),
        "対策優先度 says nothing else"
    );

    // One answer in (1): that category is judged, the others still wait.
    click(&mut harness, "対策状況チェック");
    click(&mut harness, "No.1 3 実施していない／わからない");
    click(&mut harness, "診断結果");
    assert_eq!(
        harness
            .query_all_by_label("対策状況チェックが未回答です")
            .count(),
        10
    );
    assert!(has(&harness, "○"), "(1) needs a policy");
    assert!(has(&harness, "0.0%"), "(1) is 0 of 8");
    assert!(!shows(&harness, "対策状況チェックにまだ回答がありません"));
}

#[test]
fn each_question_says_whose_words_it_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(&dir.path().join("r.db"));
    click(&mut harness, "新しく台帳を作る");
    click(&mut harness, "対策状況チェック");
    assert_eq!(harness.query_all_by_label("ガイドラインの文言").count(), 4);
    assert_eq!(harness.query_all_by_label("riskbook の文言").count(), 51);
    assert_eq!(
        harness.query_all_by_label("取り込んだブックの文言").count(),
        0
    );
}

#[test]
fn the_diagnosis_view_ranks_what_to_fix_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "診断結果");
    assert!(shows(&harness, "対策優先度"));
    assert!(has(
        &harness,
        "ウイルス感染・不正アクセスによる事務所PCからの情報漏えい"
    ));
    assert!(has(&harness, "6 件"), "6 リスク大 fewer");
    assert!(shows(
        &harness,
        "1 項目だけを実施してもリスク値は下がりません"
    ));
}

#[test]
fn a_damaged_database_is_explained_in_the_window_and_restored_from_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let mut store = riskbook::store::Store::open(&path).unwrap();
        store
            .replace_all(&riskbook::sample::sample_workbook(
                riskbook::domain::Catalogue::builtin(),
            ))
            .unwrap();
    }
    drop(riskbook::store::Store::open(&path).unwrap()); // a backup with the sample
    let mut bytes = std::fs::read(&path).unwrap();
    let len = bytes.len();
    bytes[4096..len.min(4096 * 6)].fill(0xA5);
    std::fs::write(&path, bytes).unwrap();

    let root_path = path.clone();
    let mut harness = Harness::builder()
        .with_size(WINDOW_SIZE)
        .build_eframe(move |cc| riskbook::app::Root::new(cc, &root_path));
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("データベースを開けませんでした")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("壊れているため開けません")
            .next()
            .is_some()
    );
    harness
        .get_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with("最新の正常なバックアップから復元する"))
        })
        .click();
    harness.run();
    harness.get_by_label("情報資産管理台帳").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("表示 32 件 / 全 32 件")
            .next()
            .is_some()
    );
}

#[test]
fn confirming_an_assessment_records_it_and_history_compares_with_now() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "履歴");
    assert!(
        shows(&harness, "記録 2 件"),
        "the sample's assessments of one and two years earlier"
    );
    assert!(shows(&harness, "初回の診断（見本）"));
    harness.get_by_label("メモ：").focus();
    harness.get_by_label("メモ：").type_text("2026年度 第1回");
    harness.run();
    click(&mut harness, "診断を確定");
    assert!(shows(&harness, "いまの診断を記録しました"));
    click(&mut harness, "OK");
    assert!(shows(&harness, "記録 3 件"));
    assert!(shows(&harness, "2026年度 第1回"));
    assert!(shows(&harness, "回答の変更 0 問"));

    click(&mut harness, "対策状況チェック");
    harness.get_by_label("No.37 1 実施している").scroll_to_me();
    harness.run();
    click(&mut harness, "No.37 1 実施している");
    click(&mut harness, "履歴");
    assert!(
        shows(&harness, "回答の変更 1 問"),
        "now differs from the record by one answer"
    );
}

#[test]
fn opening_the_file_that_is_already_open_says_so_and_keeps_it_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    // The same file, spelled another way.
    let again = dir.path().join(".").join("r.db");
    harness.state_mut().open_file(&again);
    harness.run();
    assert!(shows(&harness, "は既に開いています"));
    assert!(
        !shows(&harness, "別の riskbook"),
        "not mistaken for another program"
    );
    click(&mut harness, "OK");
    pick(&mut harness, "媒体・保存先 1行目", "クラウド");
    assert_eq!(on_disk(&path).assets[0].medium, Some(Medium::Cloud));

    // Another file opens.
    let other = dir.path().join("other.db");
    harness.state_mut().open_file(&other);
    harness.run();
    assert_eq!(harness.state().session().path(), other.as_path());
}

#[test]
fn the_diagnosis_lists_every_risky_asset_and_scrolls_to_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        // 1,200 copies of the sample's first asset, which is リスク大.
        let mut wb = riskbook::sample::sample_workbook(riskbook::domain::Catalogue::builtin());
        let first = wb.assets[0].clone();
        wb.assets = (0..1200)
            .map(|i| {
                let mut a = first.clone();
                a.name = format!("資産{i}");
                a
            })
            .collect();
        riskbook::store::Store::open(&path)
            .unwrap()
            .replace_all(&wb)
            .unwrap();
    }
    let mut harness = app(&path);
    click(&mut harness, "診断結果");
    assert!(shows(&harness, "1200 件（リスクの高い順）"));
    assert!(has(&harness, "資産0"));
    assert!(
        !has(&harness, "資産1199"),
        "only the rows in view are laid out"
    );
    // Scrolled down with the mouse wheel, as a person would, the list reaches the last asset.
    // The list is brought into view first: below a tab bar on two lines it starts under the fold.
    harness.get_by_label("資産0").scroll_to_me();
    harness.run();
    harness.get_by_label("資産0").hover();
    harness.run();
    for _ in 0..100 {
        if has(&harness, "資産1199") {
            break;
        }
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -1.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.run();
    }
    assert!(has(&harness, "資産1199"));
}

#[test]
fn a_report_with_a_comparison_but_nothing_confirmed_is_refused_as_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    // The sample's workbook without its earlier confirmed assessment.
    riskbook::store::Store::open(&path)
        .unwrap()
        .replace_all(&riskbook::sample::sample_workbook(
            riskbook::domain::Catalogue::builtin(),
        ))
        .unwrap();
    let mut harness = app(&path);
    click(&mut harness, "ファイル");
    click(&mut harness, "報告書に前回との比較を入れる");
    harness.key_press(egui::Key::Escape);
    harness.run();
    let pdf = dir.path().join("r.pdf");
    harness.state_mut().save_report(pdf.clone());
    wait_for_job(&mut harness);
    assert!(shows(&harness, "前回との比較は作れません"));
    assert!(!pdf.exists(), "no report without the comparison asked for");
}

#[test]
fn a_history_that_cannot_be_read_says_so_instead_of_showing_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let mut store = riskbook::store::Store::open(&path).unwrap();
        let wb = riskbook::sample::sample_workbook(riskbook::domain::Catalogue::builtin());
        store.replace_all(&wb).unwrap();
        store.take_snapshot(&wb, "{}", "第1回").unwrap();
    }
    // A record damaged outside riskbook.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE snapshots SET workbook = '{\"assets\":'", [])
        .unwrap();
    let mut harness = app(&path);
    click(&mut harness, "履歴");
    assert!(shows(&harness, "診断の記録を読めません"));
    assert!(!shows(&harness, "まだ記録がありません"));
}

#[test]
fn a_snapshot_that_cannot_be_read_for_the_comparison_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let mut session = common::data::sample_session(&path);
        session.take_snapshot("第1回").unwrap();
    }
    // The recorded results are fine (the charts show), the saved state is damaged.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE snapshots SET workbook = '{\"assets\":'", [])
        .unwrap();
    let mut harness = app(&path);
    click(&mut harness, "履歴");
    assert!(shows(&harness, "記録 3 件"));
    assert!(shows(&harness, "診断の記録を読めません"));
}

#[test]
fn typing_then_clicking_another_cell_of_the_same_row_saves_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    let before = on_disk(&path).assets[0].clone();
    assert_eq!(before.name, "社員名簿");

    // The click makes the name field lose focus in the same frame as the checkbox changes.
    type_without_leaving(&mut harness, "情報資産名称 1行目", "ABC");
    click(&mut harness, "個人情報 1行目");
    let saved = on_disk(&path).assets[0].clone();
    assert_eq!(
        saved.name, "ABC",
        "the typed name survives the checkbox click"
    );
    assert_eq!(saved.personal_info, !before.personal_info);
    assert_eq!(
        harness
            .get_by_label("情報資産名称 1行目")
            .value()
            .as_deref(),
        Some("ABC")
    );

    type_without_leaving(&mut harness, "備考 1行目", "紙で保管");
    pick(&mut harness, "媒体・保存先 1行目", "クラウド");
    let saved = on_disk(&path).assets[0].clone();
    assert_eq!(
        saved.note, "紙で保管",
        "the typed note survives the dropdown"
    );
    assert_eq!(saved.medium, Some(Medium::Cloud));
    assert_eq!(saved.name, "ABC");

    // Each cell is its own step back.
    for expected in [
        (before.medium, "紙で保管", "ABC", !before.personal_info),
        (
            before.medium,
            before.note.as_str(),
            "ABC",
            !before.personal_info,
        ),
        (
            before.medium,
            before.note.as_str(),
            "ABC",
            before.personal_info,
        ),
        (
            before.medium,
            before.note.as_str(),
            "社員名簿",
            before.personal_info,
        ),
    ] {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        harness.run();
        let a = on_disk(&path).assets[0].clone();
        assert_eq!(
            (a.medium, a.note.as_str(), a.name.as_str(), a.personal_info),
            expected
        );
    }
}

#[test]
fn text_being_typed_is_saved_on_switching_tab_closing_and_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);

    type_without_leaving(&mut harness, "情報資産名称 2行目", "タブ切替前");
    assert_ne!(on_disk(&path).assets[1].name, "タブ切替前", "still a draft");
    click(&mut harness, "診断結果");
    assert_eq!(on_disk(&path).assets[1].name, "タブ切替前");

    type_without_leaving(&mut harness, "会社名", "閉じる前商事");
    request_close(&mut harness);
    assert_eq!(on_disk(&path).settings.company, "閉じる前商事");

    type_without_leaving(&mut harness, "診断実施者", "終了前 太郎");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    assert_eq!(on_disk(&path).settings.assessor, "終了前 太郎");

    click(&mut harness, "情報資産管理台帳");
    type_without_leaving(&mut harness, "管理部署 3行目", "メニュー前");
    click(&mut harness, "ファイル");
    click(&mut harness, "終了 (Ctrl+Q)");
    assert_eq!(on_disk(&path).assets[2].department, "メニュー前");
}

#[test]
fn text_being_typed_is_in_the_exported_workbook_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);

    type_without_leaving(&mut harness, "情報資産名称 1行目", "出力直前の名称");
    let xlsx = dir.path().join("out.xlsx");
    harness.state_mut().export_to(xlsx.clone());
    wait_for_job(&mut harness);
    let read =
        riskbook::xlsx::read_workbook(&xlsx, riskbook::domain::Catalogue::builtin()).unwrap();
    assert_eq!(read.workbook.assets[0].name, "出力直前の名称");
    assert_eq!(on_disk(&path).assets[0].name, "出力直前の名称");
    click(&mut harness, "OK");

    click(&mut harness, "診断結果");
    type_without_leaving(&mut harness, "会社名", "報告書直前商事");
    let pdf = dir.path().join("out.pdf");
    harness.state_mut().save_report(pdf.clone());
    wait_for_job(&mut harness);
    let text = pdf_extract::extract_text(&pdf).unwrap();
    assert!(text.contains("報告書直前商事"), "{text}");
}

#[test]
fn the_start_screen_and_the_file_menu_name_each_action_alike() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(&dir.path().join("r.db"));
    // The start screen's buttons: everything clickable below the menu bar and the tabs.
    let below_tabs = |n: &egui_kittest::Node<'_>| n.rect().min.y > 80.0;
    let start: Vec<String> = harness
        .query_all_by(|n| n.role() == Role::Button)
        .filter(below_tabs)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(start.len(), 5, "the start screen's buttons: {start:?}");
    click(&mut harness, "ファイル");
    for label in &start {
        if label == "新しく台帳を作る" {
            continue; // begins on the open database: no menu item, nothing to drift from
        }
        assert_eq!(
            harness.query_all_by_label(label).count(),
            2,
            "「{label}」 is on the start screen and, under the same name, in the ファイル menu"
        );
    }
}

/// The company list the repository ships as its example: 8 assets, 38 values read as others.
fn example_list() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/自社の情報資産一覧（例）.xlsx")
}

#[test]
fn the_list_import_shows_its_conversions_first_and_lists_them_in_its_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_app(&dir.path().join("r.db"));
    harness.state_mut().import_list_file(&example_list());
    wait_for_job(&mut harness);
    let count = harness.get_by_label("読み替えた値：38 か所").rect();
    let mapping = harness
        .get_by_label_contains("列の対応（見出しから推定しました")
        .rect();
    assert!(
        count.max.y < mapping.min.y,
        "the count comes before the column mapping: {count:?} {mapping:?}"
    );
    assert!(
        count.max.y < common::gui::WINDOW_SIZE.y,
        "on the first screen"
    );
    let first = harness
        .get_by_label("・資産一覧!E5（機密性）「3」を「2」として読みました")
        .rect();
    assert!(
        first.max.y < mapping.min.y,
        "the list too, in its own scroll area"
    );

    harness.run_steps(4);
    click(&mut harness, "取り込む");
    assert!(shows(&harness, "情報資産 8 件を台帳の後ろに追加しました"));
    assert!(shows(&harness, "読み替えた値：38 か所"));
    assert!(
        has(
            &harness,
            "・資産一覧!K12（登録日）「２０２２/４/１」を「2022/04/01」として読みました"
        ),
        "the last conversion is listed in the result itself"
    );
    assert!(
        !shows(&harness, "取り込む前の画面"),
        "no pointer to the preview, which is gone"
    );
}

#[test]
fn printing_without_a_viewer_says_where_the_pdf_is_and_copies_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_app(&dir.path().join("r.db"));
    harness
        .state_mut()
        .set_viewer(|_| Err(std::io::Error::other("no program for PDF")));
    click(&mut harness, "ファイル");
    click_and_wait_for_job(&mut harness, "印刷…");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !shows(&harness, "表示できませんでした") {
        assert!(
            std::time::Instant::now() < deadline,
            "the failure is reported"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    let text = harness
        .get_by_label_contains("表示できませんでした")
        .value()
        .unwrap(); // a Label's text is its value
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("ファイル："))
        .unwrap_or_else(|| panic!("the message names the file: {text:?}"));
    let pdf = Path::new(line).to_path_buf();
    assert!(pdf.is_file(), "the PDF named is there: {}", pdf.display());
    assert!(text.contains("no program for PDF"), "and why: {text}");

    harness.get_by_label("パスをコピー").click();
    harness.step();
    assert_eq!(copied(&harness), Some(pdf.display().to_string()));
    harness.run();
    assert!(shows(&harness, "コピーしました"));
    std::fs::remove_file(pdf).unwrap();
}

#[test]
fn a_file_dialog_that_gives_no_file_asks_for_the_path_instead() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    harness
        .state_mut()
        .file_dialog_answer(Action::ImportList, None);
    harness.run();
    assert!(shows(&harness, "ファイルが選ばれませんでした"));
    let missing = dir.path().join("ない.xlsx");
    type_into(
        &mut harness,
        "ファイルの場所：",
        &missing.display().to_string(),
    );
    assert!(shows(&harness, "というファイルはありません"));
    type_into(
        &mut harness,
        "ファイルの場所：",
        &example_list().display().to_string(),
    );
    wait_for_job(&mut harness);
    assert!(shows(&harness, "取り込める情報資産：8 件"));
    click(&mut harness, "キャンセル");

    // A file to write starts from the database's folder and the usual name.
    harness.state_mut().file_dialog_answer(Action::Export, None);
    harness.run();
    click_and_wait_for_job(&mut harness, "OK");
    let xlsx = dir.path().join("リスク分析シート.xlsx");
    assert!(xlsx.is_file());
    assert!(shows(&harness, &xlsx.display().to_string()));
    assert!(has(&harness, "パスをコピー"));
}
