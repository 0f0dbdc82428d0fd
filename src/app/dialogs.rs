//! The window's modal dialogs: a job running, the Excel取込 preview, the list import, a message.

use super::jobs::Outcome;
use super::views::list_import::{ListAction, ListImportView};
use super::{RiskbookApp, Tab};
use crate::operations;
use eframe::egui;

impl RiskbookApp {
    /// Whether a background job is running (tests wait for it).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    pub(super) fn finish_job(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Imported(path, result) => match *result {
                Ok(imported) => self.pending_import = Some((path, imported)),
                Err(e) => self.dialog = Some(("Excel取込".into(), e.to_string())),
            },
            Outcome::ListRead(Ok(source)) => self.list_import = Some(ListImportView::new(source)),
            Outcome::ListRead(Err(e)) => {
                self.dialog = Some(("ほかの表から台帳へ取り込む".into(), e));
            }
            Outcome::Written {
                what,
                result: Err(e),
                ..
            } => {
                self.dialog = Some((format!("{what}を作成できませんでした"), e));
            }
            Outcome::Written {
                path, open: true, ..
            } => {
                if open::that_detached(&path).is_err() {
                    self.dialog = Some((
                        "印刷".into(),
                        format!(
                            "PDF を開くアプリが見つかりませんでした。\n「{}」を PDF ビューアーで開いて印刷してください。",
                            path.display()
                        ),
                    ));
                }
            }
            Outcome::Written { what, path, .. } => {
                let extra = if what == "Excel" {
                    "Excel でも計算式と入力リストがそのまま使えます。"
                } else {
                    ""
                };
                self.dialog = Some((
                    format!("{what}出力"),
                    format!("「{}」に書き出しました。{extra}", path.display()),
                ));
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

    pub(super) fn list_import_dialog(&mut self, ctx: &egui::Context) {
        let Some(view) = self.list_import.as_mut() else {
            return;
        };
        let existing: Vec<_> = self
            .session
            .workbook()
            .assets
            .iter()
            .map(|a| a.id)
            .collect();
        match view.ui(ctx, &existing) {
            None => {}
            Some(ListAction::Cancel) => self.list_import = None,
            Some(ListAction::Apply { edit, message }) => {
                let result = operations::import::apply_list(&mut self.session, edit);
                let ok = result.is_ok();
                self.report(result.map(|_| ()));
                if ok {
                    self.list_import = None;
                    self.show_start = false;
                    self.tab = Tab::Register;
                    self.dialog = Some(("ほかの表から台帳へ取り込む".into(), message));
                }
            }
        }
    }

    pub(super) fn apply_import(&mut self) {
        let Some((path, imported)) = self.pending_import.take() else {
            return;
        };
        let result = operations::import::replace_with_workbook(&mut self.session, &imported);
        let ok = result.is_ok();
        self.report(result.map(|_| ()));
        if ok {
            self.show_start = false;
            self.tab = Tab::Register;
            self.dialog = Some((
                "Excel取込".into(),
                format!(
                    "「{}」から情報資産 {} 件を取り込みました。取り込み前のデータはバックアップしてあります。",
                    path.display(),
                    imported.workbook.assets.len()
                ),
            ));
        }
    }

    pub(super) fn import_preview(&mut self, ctx: &egui::Context) {
        let Some((path, imported)) = &self.pending_import else {
            return;
        };
        let existing = self.session.workbook().assets.len();
        let (mut apply, mut cancel) = (false, false);
        let modal = egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading("Excel取込の確認");
            ui.label(format!("ファイル: {}", path.display()));
            ui.label(operations::import::contents(imported));
            if existing > 0 {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("いまの台帳の情報資産 {existing} 件は、取り込む内容で置き換えられます（取り込み前にバックアップを作ります）。"),
                );
            }
            egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                for line in operations::import::findings(imported) {
                    ui.add(egui::Label::new(line).wrap());
                }
            });
            ui.horizontal(|ui| {
                apply = ui.button("取り込む").clicked();
                cancel = ui.button("キャンセル").clicked();
            });
        });
        if apply {
            self.apply_import();
        } else if cancel || modal.should_close() {
            self.pending_import = None;
        }
    }

    pub(super) fn message_dialog(&mut self, ctx: &egui::Context) {
        let Some((title, text)) = &self.dialog else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("message")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(title.as_str());
            ui.add(egui::Label::new(text.as_str()).wrap());
            close = ui.button("OK").clicked();
        });
        if close || modal.should_close() {
            self.dialog = None;
        }
    }
}
