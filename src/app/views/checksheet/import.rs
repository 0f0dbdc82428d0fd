//! The step between a customer's file and a stored sheet: what riskbook found (sheet, item table,
//! answer and remark columns, the dropdown's words, last year's answers carried over), with the
//! sheet and columns the user may correct before 「取り込む」, as the list import does for the 台帳.

use super::super::Operation;
use crate::operations::Session;
use crate::operations::checksheet::{self as ops, Preview};
use crate::xlsx::checksheet::{Choice, ColumnRole, FoundColumn};
use crate::xlsx::layout::col_name;
use eframe::egui::{self, RichText, Ui};
use std::path::PathBuf;

pub struct ImportPanel {
    path: PathBuf,
    choice: Choice,
    name: String,
    preview: Preview,
    /// Why the last change of sheet, column or name cannot be used (the preview before it stays).
    problem: Option<String>,
    /// The user chose 「（なし）」 for the remark column (a `Choice` of None means "find it").
    no_comment: bool,
}

/// What the user decided in the panel.
pub enum Decision {
    Cancel,
    /// Store the sheet (the operation), then show it under this name.
    Import(Operation, String),
}

fn column_text(column: &FoundColumn) -> String {
    let header = if column.header.is_empty() {
        "（見出しなし）"
    } else {
        column.header.as_str()
    };
    format!("{}列 {header}", col_name(column.index as u16))
}

impl ImportPanel {
    /// Reads `path`; an error when riskbook cannot find an item table in it.
    pub fn open(path: PathBuf, session: &Session) -> Result<ImportPanel, String> {
        let choice = Choice::default();
        let preview = ops::preview(session, &path, &choice, None).map_err(|e| e.to_string())?;
        Ok(ImportPanel {
            name: preview.sheet.name.clone(),
            path,
            choice,
            preview,
            problem: None,
            no_comment: false,
        })
    }

    fn reread(&mut self, session: &Session) {
        match ops::preview(session, &self.path, &self.choice, Some(&self.name)) {
            Ok(preview) => {
                self.choice.sheet = Some(preview.found.sheet.clone());
                self.preview = preview;
                if self.no_comment {
                    self.preview.found.comment_column = None;
                    self.preview.sheet.source.comment_column = None;
                }
                self.problem = None;
            }
            Err(e) => self.problem = Some(e.to_string()),
        }
    }

    /// A dropdown of the columns the user may choose for answers or remarks (never the
    /// customer's own). Returns whether the choice changed.
    fn column_pick(
        ui: &mut Ui,
        name: &str,
        columns: &[FoundColumn],
        chosen: &mut Option<u32>,
    ) -> bool {
        let before = *chosen;
        let shown = chosen
            .and_then(|c| columns.iter().find(|col| col.index == c))
            .map_or_else(|| "（なし）".to_string(), column_text);
        egui::ComboBox::from_id_salt(("checksheet-column", name))
            .selected_text(shown)
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(chosen, None, "（なし）");
                for column in columns.iter().filter(|c| c.role != ColumnRole::Customer) {
                    ui.selectable_value(chosen, Some(column.index), column_text(column));
                }
            })
            .response
            .accessible_name(name);
        *chosen != before
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session) -> Option<Decision> {
        let file = self
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        ui.heading(format!("取引先チェックシートの取り込み：{file}"));
        ui.label("見つけた内容を確かめてください。違っていれば、シートと列を選び直せます。");
        ui.add_space(4.0);
        let found = self.preview.found.clone();
        let mut changed = false;
        egui::Grid::new("checksheet-import")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("名前");
                let name = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(320.0))
                    .labelled_by(label.id);
                changed |= name.lost_focus();
                ui.end_row();
                ui.label("項目のあるシート");
                let mut sheet = found.sheet.clone();
                egui::ComboBox::from_id_salt("checksheet-sheet")
                    .selected_text(sheet.clone())
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        for s in &found.sheets {
                            ui.selectable_value(&mut sheet, s.clone(), s.as_str());
                        }
                    })
                    .response
                    .accessible_name("シート");
                if sheet != found.sheet {
                    self.choice = Choice {
                        sheet: Some(sheet),
                        ..Choice::default()
                    };
                    changed = true;
                }
                ui.end_row();
                ui.label("回答を書く列");
                let mut answer = found.answer_column;
                if Self::column_pick(ui, "回答欄", &found.columns, &mut answer) {
                    self.choice.answer_column = answer;
                    changed = true;
                }
                ui.end_row();
                ui.label("根拠・補足を書く列");
                let mut comment = found.comment_column;
                if Self::column_pick(ui, "根拠・補足欄", &found.columns, &mut comment) {
                    self.choice.comment_column = comment;
                    self.no_comment = comment.is_none();
                    changed = true;
                }
                ui.end_row();
            });
        if changed {
            self.reread(session);
        }
        let sheet = &self.preview.sheet;
        let counts = crate::summary::checksheet_summary(sheet);
        ui.label(format!(
            "項目 {} 件（必須 {}・任意 {}）、回答済み {} 件",
            counts.items, counts.required, counts.optional, counts.answered
        ));
        let words = if counts.options.is_empty() {
            "（プルダウンがないため自由に書けます）".to_string()
        } else {
            counts.options.join("／")
        };
        ui.label(format!("回答の選択肢：{words}"));
        let customer: Vec<String> = found
            .columns
            .iter()
            .filter(|c| c.role == ColumnRole::Customer)
            .map(column_text)
            .collect();
        if !customer.is_empty() {
            ui.label(format!(
                "取引先の欄（書き込みません）：{}",
                customer.join("、")
            ));
        }
        for note in &found.notes {
            ui.label(RichText::new(note).weak());
        }
        if let Some((from, changes)) = &self.preview.carried_from {
            ui.label(format!(
                "「{from}」から {} 件の回答を引き継ぎます。",
                changes.carried
            ));
            for line in changes.lines() {
                ui.label(line);
            }
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.add_space(4.0);
        let mut decision = None;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.problem.is_none(), egui::Button::new("取り込む"))
                .clicked()
            {
                let preview = self.preview.clone();
                let name = preview.sheet.name.clone();
                let run = Box::new(move |session: &mut Session| {
                    ops::import(session, &preview)
                        .map(|_| String::new())
                        .map_err(|e| e.to_string())
                });
                decision = Some(Decision::Import(
                    Operation {
                        title: "取引先チェックシート取込",
                        run,
                    },
                    name,
                ));
            }
            if ui.button("やめる").clicked() {
                decision = Some(Decision::Cancel);
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("checksheet-import-items")
            .show(ui, |ui| {
                egui::Grid::new("checksheet-import-items")
                    .striped(true)
                    .show(ui, |ui| {
                        crate::app::widgets::header_row(
                            ui,
                            &["No.", "ラベル", "必須", "要求事項", "回答"],
                        );
                        for item in sheet.items.iter().take(200) {
                            ui.label(&item.number);
                            ui.label(&item.label);
                            ui.label(item.requirement.label());
                            ui.add(egui::Label::new(&item.text).truncate())
                                .on_hover_text(&item.text);
                            ui.label(item.answer.choice.as_deref().unwrap_or(""));
                            ui.end_row();
                        }
                    });
            });
        decision
    }
}
