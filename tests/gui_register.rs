//! The 台帳 used like a spreadsheet, in egui_kittest: a current cell moved with the keyboard, typing
//! over and F2, Esc, copying a range as Excel's text, pasting a block from Excel (validated first,
//! one undoable step), filling down, clearing, and deleting several rows with one question.

mod common;

use common::data::on_disk;
use common::gui::*;
use eframe::egui;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use riskbook::app::RiskbookApp;
use riskbook::domain::Medium;
use riskbook::domain::register::Column;

fn key(harness: &mut Harness<'_, RiskbookApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn ctrl(harness: &mut Harness<'_, RiskbookApp>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
}

fn type_text(harness: &mut Harness<'_, RiskbookApp>, text: &str) {
    harness.event(egui::Event::Text(text.into()));
    harness.run();
}

fn shift_click(harness: &mut Harness<'_, RiskbookApp>, label: &str) {
    harness
        .get_by_label(label)
        .click_modifiers(Modifiers::SHIFT);
    harness.run();
}

fn value(harness: &Harness<'_, RiskbookApp>, label: &str) -> String {
    harness.get_by_label(label).value().unwrap_or_default()
}

#[test]
fn typing_over_a_cell_enter_and_arrows_move_like_excel_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);

    click(&mut harness, "情報資産名称 1行目");
    type_text(&mut harness, "取引先");
    type_text(&mut harness, "名簿");
    key(&mut harness, Key::Enter);
    assert_eq!(
        on_disk(&path).assets[0].name,
        "取引先名簿",
        "typing replaced the name"
    );

    // Enter moved to row 2; an arrow to its 備考; typing there, then Tab, saves and moves on.
    key(&mut harness, Key::ArrowRight);
    type_text(&mut harness, "メモ");
    key(&mut harness, Key::Tab);
    assert_eq!(on_disk(&path).assets[1].note, "メモ");
    // Tab went to 利用者範囲 of row 2.
    type_text(&mut harness, "全員");
    key(&mut harness, Key::ArrowDown);
    assert_eq!(
        on_disk(&path).assets[1].users,
        "全員",
        "an arrow leaves a typed-over cell"
    );

    // Esc forgets what was typed; the cell shows the saved text again.
    let users_3 = on_disk(&path).assets[2].users.clone();
    type_text(&mut harness, "間違い");
    key(&mut harness, Key::Escape);
    assert_eq!(value(&harness, "利用者範囲 3行目"), users_3);
    key(&mut harness, Key::ArrowUp);
    assert_eq!(on_disk(&path).assets[2].users, users_3);

    // F2 keeps the text and types at its end.
    click(&mut harness, "情報資産名称 1行目");
    key(&mut harness, Key::F2);
    type_text(&mut harness, "（旧）");
    key(&mut harness, Key::Enter);
    assert_eq!(on_disk(&path).assets[0].name, "取引先名簿（旧）");
}

#[test]
fn an_input_method_composition_starts_in_the_current_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "管理部署 1行目");
    for event in [
        egui::ImeEvent::Preedit {
            text: "そうむ".into(),
            active_range_chars: None,
        },
        egui::ImeEvent::Commit("総務課".into()),
    ] {
        harness.event(egui::Event::Ime(event));
        harness.run();
    }
    key(&mut harness, Key::Enter);
    assert_eq!(on_disk(&path).assets[0].department, "総務課");
}

#[test]
fn a_range_is_copied_as_excel_text_with_computed_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "業務分類 1行目");
    shift_click(&mut harness, "情報資産名称 2行目");
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(
        copied(&harness).as_deref(),
        Some("人事\t社員名簿\r\n人事\t社員名簿\r\n")
    );

    // Row 1 whole: the computed 重要度 and リスク値 are copied as the numbers shown.
    click(&mut harness, "1行目を選択");
    harness.event(egui::Event::Copy);
    harness.step();
    let text = copied(&harness).unwrap();
    let cells: Vec<&str> = text.trim_end().split('\t').collect();
    assert_eq!(cells.len(), 19);
    assert_eq!(cells[5], "事務所PC");
    assert_eq!(cells[6], "有");
    assert_eq!(cells[14], "2016/07/01");
    assert_eq!(cells[18], "4");
}

#[test]
fn a_block_from_excel_is_checked_then_pasted_as_one_step_adding_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    let before = on_disk(&path);

    // One wrong value: nothing changes, and the message names row, column, value and reason.
    click(&mut harness, "業務分類 1行目");
    ctrl(&mut harness, Key::ArrowDown);
    key(&mut harness, Key::ArrowUp);
    harness.event(egui::Event::Paste(
        "総務\t備品台帳\t\t\t\t紙\r\n総務\t鍵管理簿\t\t\t\t金庫\r\n".into(),
    ));
    harness.run();
    assert!(shows(&harness, "貼り付けできませんでした"));
    assert!(
        shows(&harness, "32行目（媒体・保存先）「金庫」"),
        "the wrong cell is named"
    );
    click(&mut harness, "OK");
    assert_eq!(on_disk(&path).assets, before.assets);

    // Rows 31–32 changed and two rows added, quoted line breaks and Excel's words read.
    let block = "総務\t備品台帳\t\"1階\r\n倉庫\"\t\t\tUSBメモリ\t○\t\t\t２\t1\t0\r\n\
                 総務\t鍵管理簿\t\t\t\t紙\r\n\
                 総務\t来客記録\t\t\t\tサーバ\t有\t\t\t1\t1\t1\t2\t\t2024/4/1\r\n\
                 総務\t防犯カメラ映像\t\t\t\tクラウド\r\n";
    harness.event(egui::Event::Paste(block.into()));
    // The table grows and scrolls to the pasted block: a few more frames than one click.
    harness.run_steps(8);
    assert!(shows(&harness, "2 行を変更し、2 行を追加しました"));
    assert!(shows(
        &harness,
        "31行目（媒体・保存先）「USBメモリ」を「可搬電子媒体」として読みました"
    ));
    assert!(shows(
        &harness,
        "33行目（媒体・保存先）「サーバ」を「社内サーバー」として読みました"
    ));
    assert!(shows(&harness, "M列（重要度）は riskbook が計算する列"));
    click(&mut harness, "OK");
    let after = on_disk(&path);
    assert_eq!(after.assets.len(), 34);
    assert_eq!(after.assets[30].note, "1階\r\n倉庫");
    assert_eq!(after.assets[30].medium, Some(Medium::PortableMedia));
    assert!(after.assets[30].personal_info);
    assert_eq!(after.assets[32].name, "来客記録");
    assert_eq!(after.assets[32].medium, Some(Medium::InHouseServer));
    assert_eq!(after.assets[33].name, "防犯カメラ映像");
    assert!(shows(&harness, "全 34 件"));

    // One Ctrl+Z takes the whole paste back.
    ctrl(&mut harness, Key::Z);
    assert_eq!(on_disk(&path).assets, before.assets);
    ctrl(&mut harness, Key::Y);
    assert_eq!(on_disk(&path).assets.len(), 34);
}

#[test]
fn fill_down_clear_and_deleting_several_rows_with_one_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    let before = on_disk(&path);

    click(&mut harness, "管理部署 4行目");
    shift_click(&mut harness, "管理部署 6行目");
    ctrl(&mut harness, Key::D);
    let wb = on_disk(&path);
    assert_eq!(wb.assets[4].department, before.assets[3].department);
    assert_eq!(wb.assets[5].department, before.assets[3].department);
    assert_eq!(
        value(&harness, "管理部署 6行目"),
        before.assets[3].department
    );

    click(&mut harness, "備考 1行目");
    shift_click(&mut harness, "利用者範囲 2行目");
    key(&mut harness, Key::Delete);
    let wb = on_disk(&path);
    assert_eq!(
        (wb.assets[0].note.as_str(), wb.assets[1].users.as_str()),
        ("", "")
    );
    ctrl(&mut harness, Key::Z);
    let wb = on_disk(&path);
    assert_eq!(
        wb.assets[0].note, before.assets[0].note,
        "one undo brings both back"
    );
    assert_eq!(wb.assets[1].users, before.assets[1].users);

    // A name cannot be emptied: refused, with the rows named.
    click(&mut harness, "情報資産名称 1行目");
    key(&mut harness, Key::Delete);
    assert!(shows(&harness, "削除できませんでした"));
    assert!(shows(&harness, "1行目（情報資産名称）"));
    click(&mut harness, "OK");

    click(&mut harness, "1行目を選択");
    shift_click(&mut harness, "3行目を選択");
    click(&mut harness, "削除…");
    assert!(shows(&harness, "選択した 3 行"));
    click(&mut harness, "削除する");
    assert_eq!(on_disk(&path).assets.len(), 29);
    ctrl(&mut harness, Key::Z);
    let wb = on_disk(&path);
    assert_eq!(wb.assets.len(), 32);
    assert_eq!(
        wb.assets[0].name, before.assets[0].name,
        "the rows are back in place"
    );
    assert_eq!(wb.assets[2].name, before.assets[2].name);
}

#[test]
fn another_list_is_mapped_previewed_and_added_as_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let list = common::lists::company_list(
        dir.path(),
        &[
            ["1", "顧客名簿", "金庫", "3", "2", "1", "営業部"],
            ["2", "見積書控", "サーバ", "2", "2", "1", "営業部"],
        ],
    );
    let mut harness = sample_app(&path);
    harness.state_mut().import_list_file(&list);
    wait_for_job(&mut harness);
    assert!(shows(&harness, "ほかの表から台帳へ取り込む"));
    assert!(
        shows(&harness, "評価 C"),
        "the two-row header is read as one"
    );
    assert!(shows(&harness, "1〜3 の段階で書かれています"));
    assert!(shows(&harness, "読み取れない値が 1 か所"));
    assert!(shows(&harness, "資産一覧!C5（媒体・保存先）「金庫」"));

    pick(&mut harness, "「金庫」の読み替え", "書類");
    assert!(shows(&harness, "取り込める情報資産：2 件"));
    assert!(shows(&harness, "「金庫」を「書類」として読みました"));
    assert!(shows(
        &harness,
        "「サーバ」を「社内サーバー」として読みました"
    ));
    // The dialog grew with the preview and is centred again over the next frames.
    harness.run_steps(4);
    click(&mut harness, "取り込む");
    assert!(shows(&harness, "情報資産 2 件を台帳の後ろに追加しました"));
    assert!(shows(&harness, "riskbook-backups"), "where the copy went");
    click(&mut harness, "OK");
    let wb = on_disk(&path);
    assert_eq!(wb.assets.len(), 34);
    assert_eq!(wb.assets[32].medium, Some(Medium::Paper));
    assert_eq!(wb.assets[33].medium, Some(Medium::InHouseServer));
    assert!(
        std::fs::read_dir(riskbook::store::backup::folder(&path))
            .unwrap()
            .any(|e| e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("before-register-import")),
        "a backup was made first"
    );
    ctrl(&mut harness, Key::Z);
    assert_eq!(
        on_disk(&path).assets.len(),
        32,
        "one Ctrl+Z takes the list back out"
    );
}

/// The last letter typed and a click on another cell of the row can land in one frame (a busy PC,
/// a quick hand): the letter still belongs to the cell being typed in, and is saved.
#[test]
fn a_letter_typed_in_the_frame_of_a_click_elsewhere_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    assert!(on_disk(&path).assets[0].personal_info);
    harness.get_by_label("情報資産名称 1行目").focus();
    harness.run();
    key(&mut harness, Key::F2);
    type_text(&mut harness, "AB");
    harness.event(egui::Event::Text("C".into()));
    harness.get_by_label("個人情報 1行目").click();
    harness.run();
    let saved = on_disk(&path);
    assert_eq!(saved.assets[0].name, "社員名簿ABC");
    assert!(
        !saved.assets[0].personal_info,
        "the click in the same frame reached 個人情報 too"
    );
}

#[test]
fn every_header_line_fits_its_column_and_the_lines_say_the_whole_name() {
    let dir = tempfile::tempdir().unwrap();
    let harness = sample_app(&dir.path().join("r.db"));
    let ctx = &harness.ctx;
    let style = ctx.global_style();
    let font = egui::TextStyle::Body.resolve(&style);
    for column in Column::ALL {
        let lines: Vec<&str> = column.grid_header().lines().collect();
        assert!(lines.len() <= 3, "{column:?}: the header row holds 3 lines");
        if column != Column::MyNumber {
            assert_eq!(lines.concat(), column.header(), "broken between words only");
        }
        for line in lines {
            let width = ctx.fonts_mut(|f| {
                f.layout_no_wrap(line.into(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            });
            assert!(
                // The header is a frameless button, which egui draws without padding.
                width <= column.width(),
                "{column:?}: 「{line}」 is {width} px in a {} px column",
                column.width()
            );
        }
    }
}

#[test]
fn a_cut_off_cell_shows_its_whole_value_on_hover_and_a_whole_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = sample_app(&dir.path().join("r.db"));
    let whole = value(&harness, "備考 3行目");
    assert_eq!(whole, "税務署提出用源泉徴収票", "the sample's long note");
    harness.get_by_label("備考 3行目").hover();
    harness.run_steps(40);
    assert!(has(&harness, &whole), "the hover shows the whole note");

    let short = value(&harness, "業務分類 1行目");
    harness.get_by_label("業務分類 1行目").hover();
    harness.run_steps(40);
    assert!(!has(&harness, &short), "no hover for a value that fits");
}

#[test]
fn tab_walks_every_cell_type_and_the_keyboard_comes_back_after_a_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);

    // E 管理部署 → F 媒体 (dropdown), G–I (flags), J–L (ratings), M (computed), N 保存期限 (text).
    click(&mut harness, "管理部署 1行目");
    for _ in 0..9 {
        key(&mut harness, Key::Tab);
        assert!(
            !egui::Popup::is_any_open(&harness.ctx),
            "Tab opened no menu"
        );
    }
    type_text(&mut harness, "3年");
    key(&mut harness, Key::Tab);
    assert_eq!(
        on_disk(&path).assets[0].retention,
        "3年",
        "N got the typing"
    );
    // Tab went on to O 登録日 (a date); Shift+Tab twice leads back over it to M and N.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    key(&mut harness, Key::Tab);
    type_text(&mut harness, "5年");
    key(&mut harness, Key::Enter);
    assert_eq!(on_disk(&path).assets[0].retention, "5年");

    // A click on a checkbox gives egui's focus to the checkbox; Tab still moves in the grid.
    let sensitive = on_disk(&path).assets[0].sensitive_info;
    click(&mut harness, "個人情報 1行目");
    key(&mut harness, Key::Tab);
    type_text(&mut harness, " ");
    assert_eq!(
        on_disk(&path).assets[0].sensitive_info,
        !sensitive,
        "Tab from G went to H 要配慮個人情報"
    );

    // A refused value opens a message; once it is closed, the arrows and typing reach the grid again.
    assert!(
        !on_disk(&path).assets[3].personal_info,
        "row 4 has no 個人情報"
    );
    click(&mut harness, "機密性 4行目");
    harness.key_press(Key::Escape);
    harness.run();
    type_text(&mut harness, "7");
    assert!(shows(&harness, "OK"), "the refusal is shown");
    click(&mut harness, "OK");
    for _ in 0..3 {
        key(&mut harness, Key::ArrowLeft);
    }
    type_text(&mut harness, " ");
    assert!(
        on_disk(&path).assets[3].personal_info,
        "three cells left of J is G 個人情報, ticked by the space"
    );
}

#[test]
fn a_typed_full_width_digit_is_read_quietly_and_enter_closes_a_paste_notice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);

    click(&mut harness, "機密性 4行目");
    harness.key_press(Key::Escape);
    harness.run();
    type_text(&mut harness, "２");
    let rated = on_disk(&path).assets[3].confidentiality;
    assert_eq!(rated.map(|r| r.value()), Some(2), "「２」 is read as 2");
    assert!(
        !shows(&harness, "入力の確認"),
        "no message for one typed value"
    );
    assert!(
        shows(&harness, "「２」を「2」として読みました"),
        "the status bar says how it was read"
    );
    // A refused value takes the old reading off the status bar.
    type_text(&mut harness, "9");
    assert!(shows(&harness, "入力できませんでした"));
    key(&mut harness, Key::Enter);
    assert!(!shows(&harness, "「２」を「2」として読みました"));

    // A pasted block that needed reading says so in a message, naming only what happened; Enter
    // closes it.
    harness.event(egui::Event::Paste("１\t０".into()));
    harness.run();
    assert!(shows(&harness, "貼り付けの確認"));
    assert!(shows(&harness, "1 行を変更しました"));
    assert!(!shows(&harness, "0 行を追加"));
    key(&mut harness, Key::Enter);
    assert!(!shows(&harness, "貼り付けの確認"), "Enter closed it");
    let a = &on_disk(&path).assets[3];
    assert_eq!(
        (
            a.confidentiality.map(|r| r.value()),
            a.integrity.map(|r| r.value())
        ),
        (Some(1), Some(0)),
        "the paste landed after Enter closed the notice"
    );
}

#[test]
fn a_block_pasted_into_the_empty_register_goes_in_from_a1_as_its_hint_says() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = app(&path);
    click(&mut harness, "新しく台帳を作る");
    assert!(shows(
        &harness,
        "A 列（業務分類）から選んでコピーし、ここで Ctrl+V"
    ));
    harness.event(egui::Event::Paste(
        "総務\t備品台帳\r\n人事\t社員名簿\t\t\t\t書類\r\n".into(),
    ));
    harness.run();
    let assets = on_disk(&path).assets;
    assert_eq!(
        assets
            .iter()
            .map(|a| (a.category.as_str(), a.name.as_str()))
            .collect::<Vec<_>>(),
        [("総務", "備品台帳"), ("人事", "社員名簿")]
    );
    assert_eq!(assets[1].medium, Some(Medium::Paper));
    assert!(!shows(&harness, "台帳はまだ空です"));
}

#[test]
fn typing_on_a_date_cell_starts_a_date_in_its_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "業務分類 4行目");
    key(&mut harness, Key::End);
    for _ in 0..4 {
        key(&mut harness, Key::ArrowLeft);
    }
    // O 登録日: the first key opens the calendar with the key in its date field.
    type_text(&mut harness, "2");
    assert_eq!(value(&harness, "登録日 4行目を入力"), "2");
    assert!(!shows(&harness, "入力できませんでした"), "not read alone");
    type_text(&mut harness, "025/1/5");
    key(&mut harness, Key::Enter);
    assert_eq!(
        on_disk(&path).assets[3].registered,
        chrono::NaiveDate::from_ymd_opt(2025, 1, 5)
    );

    // What cannot be a date is said in the calendar, and nothing changes.
    key(&mut harness, Key::ArrowDown);
    type_text(&mut harness, "あした");
    key(&mut harness, Key::Enter);
    assert!(shows(&harness, "「あした」を日付として読めません"));
    assert_ne!(on_disk(&path).assets[4].registered, None);
}

#[test]
fn tab_at_the_end_of_a_row_goes_on_to_the_next_row_and_shift_tab_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "業務分類 1行目");
    key(&mut harness, Key::End);
    key(&mut harness, Key::Tab);
    type_text(&mut harness, "総務");
    // Tab from a typed cell goes on too, and Shift+Tab comes back over the row's end.
    key(&mut harness, Key::Tab);
    assert_eq!(on_disk(&path).assets[1].category, "総務", "S1 → A2");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    for _ in 0..5 {
        key(&mut harness, Key::ArrowLeft);
    }
    type_text(&mut harness, "9年");
    key(&mut harness, Key::Enter);
    assert_eq!(
        on_disk(&path).assets[0].retention,
        "9年",
        "B2 → A2 → S1, and five to the left is N1 保存期限"
    );
}
