//! The window's modal dialogs: a job running, the Excel取込 preview, the list import, a message.

use super::jobs::Outcome;
use super::messages::Message;
use super::viewer::Viewing;
use super::views::Sheet;
use super::views::list_import::{ListAction, ListImportView};
use super::widgets::ok_button;
use super::{Dialog, RiskbookApp};
use crate::operations;
use crate::xlsx::Imported;
use eframe::egui;
use std::path::PathBuf;

impl RiskbookApp {
    /// Whether a background job is running (tests wait for it).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    pub(super) fn finish_job(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Imported(path, result) => match *result {
                Ok(imported) => {
                    self.dialog = Some(Dialog::ImportPreview {
                        path,
                        imported: Box::new(imported),
                    })
                }
                Err(e) => self.message = Some(Message::ImportFailed(e.to_string())),
            },
            Outcome::ListRead(Ok(source)) => {
                self.dialog = Some(Dialog::ListImport(Box::new(ListImportView::new(source))));
            }
            Outcome::ListRead(Err(e)) => self.message = Some(Message::ListFailed(e)),
            Outcome::Written {
                what,
                result: Err(why),
                ..
            } => self.message = Some(Message::WriteFailed { what, why }),
            Outcome::Written {
                path, open: true, ..
            } => self.viewing = Some(Viewing::start(path, self.opener)),
            Outcome::Written { what, path, .. } => {
                self.message = Some(Message::Written { what, path });
            }
        }
    }

    /// Reports a viewer that could not show the file it was handed (印刷).
    pub(super) fn watch_viewer(&mut self, ctx: &egui::Context) {
        let Some(viewing) = &mut self.viewing else {
            return;
        };
        match viewing.poll() {
            None => ctx.request_repaint_after(std::time::Duration::from_millis(200)),
            Some(result) => {
                let path = viewing.path.clone();
                self.viewing = None;
                if let Err(why) = result {
                    self.message = Some(Message::ViewerFailed { path, why });
                }
            }
        }
    }

    pub(super) fn job_dialog(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        if let Some(outcome) = job.poll() {
            self.job = None;
            self.finish_job(outcome);
            return;
        }
        egui::Modal::new(egui::Id::unique("job")).show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(&job.label);
            });
        });
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }

    /// The step the user is walked through, if any: the Excel取込 preview or the list import.
    pub(super) fn step_dialog(&mut self, ctx: &egui::Context) {
        match self.dialog.take() {
            Some(Dialog::ImportPreview { path, imported }) => {
                self.import_preview(ctx, path, imported)
            }
            Some(Dialog::ListImport(view)) => self.list_import_dialog(ctx, view),
            Some(Dialog::PathEntry(mut entry)) => match entry.ui(ctx) {
                None => self.dialog = Some(Dialog::PathEntry(entry)),
                Some(Some(path)) => self.use_file(entry.action, path),
                Some(None) => {}
            },
            None => {}
        }
    }

    fn list_import_dialog(&mut self, ctx: &egui::Context, mut view: Box<ListImportView>) {
        let existing: Vec<_> = self
            .session
            .workbook()
            .assets
            .iter()
            .map(|a| a.id)
            .collect();
        match view.ui(ctx, &existing) {
            None => self.dialog = Some(Dialog::ListImport(view)),
            Some(ListAction::Cancel) => {}
            Some(ListAction::Apply {
                edit,
                message,
                conversions,
            }) => match operations::import::apply_list(&mut self.session, *edit) {
                Ok(backup) => {
                    self.report(Ok(()));
                    self.show_start = false;
                    self.sheet = Sheet::Register;
                    self.message = Some(Message::ListImported {
                        summary: message,
                        backup,
                        conversions,
                    });
                }
                Err(e) => {
                    self.report(Err(e));
                    self.dialog = Some(Dialog::ListImport(view));
                }
            },
        }
    }

    fn apply_import(&mut self, path: PathBuf, imported: Box<Imported>) {
        match operations::import::replace_with_workbook(&mut self.session, &imported) {
            Ok(backup) => {
                self.report(Ok(()));
                self.show_start = false;
                self.sheet = Sheet::Register;
                self.message = Some(Message::Imported {
                    path,
                    assets: imported.workbook.assets.len(),
                    backup,
                });
            }
            Err(e) => self.report(Err(e)),
        }
    }

    fn import_preview(&mut self, ctx: &egui::Context, path: PathBuf, imported: Box<Imported>) {
        let existing = self.session.workbook().assets.len();
        let (mut apply, mut cancel) = (false, false);
        let modal = egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading("Excel取込の確認");
            ui.label(format!("ファイル：{}", path.display()));
            ui.label(operations::import::contents(&imported));
            if existing > 0 {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("いまの台帳の情報資産 {existing} 件は、取り込む内容で置き換えられます（取り込み前にバックアップを作ります）。"),
                );
            }
            egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                for line in operations::import::findings(&imported) {
                    ui.add(egui::Label::new(line).wrap());
                }
            });
            ui.horizontal(|ui| {
                apply = ui.button("取り込む").clicked();
                cancel = ui.button("キャンセル").clicked();
            });
        });
        if apply {
            self.apply_import(path, imported);
        } else if !(cancel || modal.should_close()) {
            self.dialog = Some(Dialog::ImportPreview { path, imported });
        }
    }

    pub(super) fn message_dialog(&mut self, ctx: &egui::Context) {
        let Some(message) = &self.message else {
            return;
        };
        let copied_id = egui::Id::unique("message_path_copied");
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("message")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(message.title());
            ui.add(egui::Label::new(message.text()).wrap());
            let details = message.details();
            if !details.is_empty() {
                egui::ScrollArea::vertical()
                    .id_salt("message_details")
                    .max_height(240.0)
                    .show(ui, |ui| {
                        for line in details {
                            ui.add(egui::Label::new(format!("・{line}")).wrap());
                        }
                    });
            }
            ui.horizontal(|ui| {
                close = ok_button(ui);
                if let Some(path) = message.file() {
                    if ui.button("パスをコピー").clicked() {
                        ui.ctx().copy_text(path.display().to_string());
                        ui.data_mut(|d| d.insert_temp(copied_id, true));
                    }
                    if ui.data(|d| d.get_temp::<bool>(copied_id)).unwrap_or(false) {
                        ui.label("コピーしました");
                    }
                }
            });
        });
        if close || modal.should_close() {
            self.message = None;
            ctx.data_mut(|d| d.remove::<bool>(copied_id));
        }
    }
}
