//! The ファイル and 編集 menus, the sheet tabs and the keyboard shortcuts, each turned into an
//! `Action` that `perform` carries out.

use super::RiskbookApp;
use super::actions::Action;
use super::messages::Message;
use super::views::Sheet;
use crate::operations::Direction;
use eframe::egui::{self, RichText};

impl RiskbookApp {
    pub(super) fn menu(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        let mut item = |ui: &mut egui::Ui, chosen: Action, enabled: bool| {
            if ui
                .add_enabled(enabled, egui::Button::new(chosen.label()))
                .clicked()
            {
                action = Some(chosen);
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("ファイル", |ui| {
                for chosen in [Action::New, Action::Open, Action::SaveAs] {
                    item(ui, chosen, true);
                }
                ui.separator();
                for chosen in [
                    Action::Import,
                    Action::ImportList,
                    Action::Export,
                    Action::Pdf,
                    Action::Print,
                    Action::BasicPolicyPdf,
                    Action::AnnualPdf,
                    Action::ContactsPdf,
                ] {
                    item(ui, chosen, true);
                }
                ui.separator();
                for chosen in [
                    Action::PolicyImport,
                    Action::PolicyExport,
                    Action::CheckSheetImport,
                ] {
                    item(ui, chosen, true);
                }
                ui.checkbox(&mut self.report_compare, "報告書に前回との比較を入れる");
                ui.separator();
                item(ui, Action::Sample, true);
                ui.separator();
                item(ui, Action::Quit, true);
            });
            ui.menu_button("編集", |ui| {
                item(ui, Action::Undo, self.session.can_undo());
                item(ui, Action::Redo, self.session.can_redo());
            });
        });
        action
    }

    pub(super) fn perform(&mut self, action: Action, ctx: &egui::Context) {
        self.commit_drafts();
        match action {
            Action::StartRegister => {
                self.show_start = false;
                self.sheet = Sheet::Register;
            }
            Action::New
            | Action::Open
            | Action::SaveAs
            | Action::Import
            | Action::ImportList
            | Action::Export
            | Action::Pdf
            | Action::BasicPolicyPdf
            | Action::AnnualPdf
            | Action::ContactsPdf
            | Action::SupplierPdf(..)
            | Action::PolicyImport
            | Action::PolicyExport
            | Action::CheckSheetImport
            | Action::CheckSheetExport => self.choose_file(action),
            Action::Print => self.print(),
            Action::Sample => {
                if self.session.workbook().assets.is_empty() {
                    self.load_sample();
                } else {
                    self.message = Some(Message::SampleNeedsEmpty);
                }
            }
            Action::Undo => self.step(Direction::Undo, ctx),
            Action::Redo => self.step(Direction::Redo, ctx),
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    pub(super) fn tabs(&mut self, ui: &mut egui::Ui) {
        let mut chosen = None;
        // Twelve sheets fill a 1366-pixel screen (a selectable label's own padding keeps them apart);
        // a narrower window takes them on two lines.
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            for view in &self.views {
                let selected = self.sheet.same_tab(view.sheet()) && !self.show_start;
                if ui
                    .selectable_label(selected, RichText::new(view.sheet().title()).size(15.0))
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
            self.perform(Action::Quit, ctx);
        }
        // Not while typing: Ctrl+Z then belongs to the text field (and to the IME). A current 台帳
        // cell not typed in yet has the focus, but the keys are the table's.
        let view_lets_act = !self.show_start
            && self
                .views
                .iter()
                .any(|v| v.sheet().same_tab(self.sheet) && v.lets_shortcuts_act(ctx));
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
            self.perform(Action::Undo, ctx);
        }
        if redo {
            self.perform(Action::Redo, ctx);
        }
    }
}
