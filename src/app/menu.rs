//! The ファイル and 編集 menus, the sheet tabs and the keyboard shortcuts, each turned into a
//! `MenuAction` that `perform` carries out.

use super::RiskbookApp;
use super::messages::Message;
use crate::operations::Direction;
use eframe::egui::{self, RichText};

/// What the ファイル and 編集 menus (and their shortcuts) ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MenuAction {
    New,
    Open,
    SaveAs,
    Import,
    ImportList,
    Export,
    Pdf,
    Print,
    Sample,
    Undo,
    Redo,
    Quit,
}

impl RiskbookApp {
    pub(super) fn menu(&mut self, ui: &mut egui::Ui) -> Option<MenuAction> {
        let mut action = None;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("ファイル", |ui| {
                for (label, chosen) in [
                    ("新規…", MenuAction::New),
                    ("開く…", MenuAction::Open),
                    ("名前を付けて保存…", MenuAction::SaveAs),
                ] {
                    if ui.button(label).clicked() {
                        action = Some(chosen);
                    }
                }
                ui.separator();
                for (label, chosen) in [
                    ("Excel取込…", MenuAction::Import),
                    ("ほかの表から台帳へ取り込む…", MenuAction::ImportList),
                    ("Excel出力…", MenuAction::Export),
                    ("PDF出力…", MenuAction::Pdf),
                    ("印刷…", MenuAction::Print),
                ] {
                    if ui.button(label).clicked() {
                        action = Some(chosen);
                    }
                }
                ui.checkbox(&mut self.report_compare, "報告書に前回との比較を入れる");
                ui.separator();
                if ui.button("見本データを読み込む").clicked() {
                    action = Some(MenuAction::Sample);
                }
                ui.separator();
                if ui.button("終了 (Ctrl+Q)").clicked() {
                    action = Some(MenuAction::Quit);
                }
            });
            ui.menu_button("編集", |ui| {
                if ui
                    .add_enabled(
                        self.session.can_undo(),
                        egui::Button::new("元に戻す (Ctrl+Z)"),
                    )
                    .clicked()
                {
                    action = Some(MenuAction::Undo);
                }
                if ui
                    .add_enabled(
                        self.session.can_redo(),
                        egui::Button::new("やり直し (Ctrl+Y)"),
                    )
                    .clicked()
                {
                    action = Some(MenuAction::Redo);
                }
            });
        });
        action
    }

    pub(super) fn perform(&mut self, action: MenuAction, ctx: &egui::Context) {
        self.commit_drafts();
        match action {
            MenuAction::New => self.new_dialog(),
            MenuAction::Open => self.open_dialog(),
            MenuAction::SaveAs => self.save_as_dialog(),
            MenuAction::Import => self.import_dialog(),
            MenuAction::ImportList => self.import_list_dialog(),
            MenuAction::Export => self.export_dialog(),
            MenuAction::Pdf => self.save_report_dialog(),
            MenuAction::Print => self.print(),
            MenuAction::Sample => {
                if self.session.workbook().assets.is_empty() {
                    self.load_sample();
                } else {
                    self.message = Some(Message::SampleNeedsEmpty);
                }
            }
            MenuAction::Undo => self.step(Direction::Undo),
            MenuAction::Redo => self.step(Direction::Redo),
            MenuAction::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    pub(super) fn tabs(&mut self, ui: &mut egui::Ui) {
        let mut chosen = None;
        ui.horizontal(|ui| {
            for view in &self.views {
                let selected = self.sheet == view.sheet() && !self.show_start;
                if ui
                    .selectable_label(selected, RichText::new(view.sheet().title()).size(16.0))
                    .clicked()
                {
                    chosen = Some(view.sheet());
                }
            }
        });
        if let Some(sheet) = chosen {
            self.commit_drafts();
            self.sheet = sheet;
            self.show_start = false;
        }
    }

    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Q)) {
            self.perform(MenuAction::Quit, ctx);
        }
        // Not while typing: Ctrl+Z then belongs to the text field (and to the IME). A current 台帳
        // cell not typed in yet has the focus, but the keys are the table's.
        let view_lets_act = !self.show_start
            && self
                .views
                .iter()
                .any(|v| v.sheet() == self.sheet && v.lets_shortcuts_act(ctx));
        if ctx.egui_wants_keyboard_input() && !view_lets_act {
            return;
        }
        let (undo, redo) = ctx.input_mut(|i| {
            let undo = i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z);
            let redo = i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y)
                || i.consume_key(
                    egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                    egui::Key::Z,
                );
            (undo, redo)
        });
        if undo {
            self.perform(MenuAction::Undo, ctx);
        }
        if redo {
            self.perform(MenuAction::Redo, ctx);
        }
    }
}
