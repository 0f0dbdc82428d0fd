//! 取引先シート: a customer's check sheet answered with what riskbook knows. The sheet chosen at the
//! top, its counts, filters, the items as a list (the answer chosen in the customer's own words)
//! and the current item in full beside it; 取込 and 書き戻し go through the window's file dialog.

mod detail;
mod filter;
mod import;

use super::{Operation, Requests, Sheet, View};
use crate::app::actions::Action;
use crate::domain::checksheet::{CheckSheet, ItemAnswer, SheetId};
use crate::domain::{Edit, Workbook};
use crate::operations::Session;
use crate::operations::checksheet as ops;
use eframe::egui::{self, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};
use filter::{Filter, Shown, labels};
use import::{Decision, ImportPanel};
use std::path::Path;

#[derive(Default)]
pub struct CheckSheetView {
    /// The sheet in front, by name (a sheet just imported is found by its name).
    selected: Option<String>,
    filter: Filter,
    /// The item shown in full, as an index of the sheet's items.
    current: Option<usize>,
    /// 根拠・補足 being typed for (sheet, item).
    draft: Option<(SheetId, usize, String)>,
    import: Option<ImportPanel>,
    /// 「削除」 asked once; the second click removes the sheet.
    confirm_delete: bool,
    /// A sheet to bring to the front by id (今やること's row), resolved at the next frame.
    open_id: Option<SheetId>,
}

impl CheckSheetView {
    fn sheet<'a>(&self, wb: &'a Workbook) -> Option<&'a CheckSheet> {
        let sheets = &wb.checksheets;
        self.selected
            .as_ref()
            .and_then(|name| sheets.iter().find(|s| &s.name == name))
            .or_else(|| sheets.last())
    }

    fn top(&mut self, ui: &mut Ui, wb: &Workbook, requests: &mut Requests) {
        ui.horizontal(|ui| {
            if let Some(sheet) = self.sheet(wb) {
                let mut name = sheet.name.clone();
                let label = ui.label("シート");
                egui::ComboBox::from_id_salt("checksheet-selected")
                    .selected_text(name.clone())
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for s in &wb.checksheets {
                            ui.selectable_value(&mut name, s.name.clone(), s.name.as_str());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if name != sheet.name {
                    self.selected = Some(name);
                    self.current = None;
                    self.filter.label = None;
                    self.confirm_delete = false;
                }
            }
            if ui.button(Action::CheckSheetImport.label()).clicked() {
                requests.action = Some(Action::CheckSheetImport);
            }
            let Some(sheet) = self.sheet(wb) else {
                return;
            };
            if ui
                .button(Action::CheckSheetExport.label())
                .on_hover_text("取引先のファイルのコピーに、回答と根拠・補足だけを書き込みます")
                .clicked()
            {
                requests.action = Some(Action::CheckSheetExport);
            }
            let delete = if self.confirm_delete {
                format!("本当に「{}」を削除", sheet.name)
            } else {
                "削除".to_string()
            };
            if ui.button(delete).clicked() {
                if self.confirm_delete {
                    let name = sheet.name.clone();
                    requests.operation = Some(Operation {
                        title: "取引先チェックシートの削除",
                        run: Box::new(move |session| {
                            ops::delete(session, &name)
                                .map(|()| format!("「{name}」を削除しました（削除の前にデータベースのコピーを作りました）。"))
                                .map_err(|e| e.to_string())
                        }),
                    });
                    self.selected = None;
                    self.current = None;
                }
                self.confirm_delete = !self.confirm_delete;
            }
        });
    }

    fn counts(ui: &mut Ui, sheet: &CheckSheet) {
        let c = crate::summary::checksheet_summary(sheet);
        let unanswered_required =
            c.required - c.required_met - c.required_not_met - c.required_not_applicable;
        ui.label(
            RichText::new(format!(
                "回答 {} / {} 件　必須 {} 件：達成 {}・未達 {}・対象外 {}・その他／未回答 {}",
                c.answered,
                c.items,
                c.required,
                c.required_met,
                c.required_not_met,
                c.required_not_applicable,
                unanswered_required
            ))
            .strong(),
        );
        ui.label(
            RichText::new(format!(
                "{}（{}、シート「{}」、{} 取り込み）",
                sheet.customer,
                sheet.source.file_name,
                sheet.source.sheet,
                crate::domain::dates::long_date(sheet.imported_on)
            ))
            .weak(),
        );
    }

    fn filters(&mut self, ui: &mut Ui, sheet: &CheckSheet) {
        ui.horizontal(|ui| {
            for shown in Shown::ALL {
                ui.selectable_value(&mut self.filter.shown, shown, shown.label());
            }
            ui.separator();
            let label = ui.label("ラベル");
            let shown = self.filter.label.clone().unwrap_or_else(|| "すべて".into());
            egui::ComboBox::from_id_salt("checksheet-label")
                .selected_text(shown)
                .width(200.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.label, None, "すべて");
                    for l in labels(sheet) {
                        ui.selectable_value(&mut self.filter.label, Some(l.clone()), l);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.checkbox(&mut self.filter.required_first, "必須を先に");
        });
    }

    fn list(&mut self, ui: &mut Ui, sheet: &CheckSheet, rows: &[usize]) -> Vec<Edit> {
        let mut edits = Vec::new();
        let row_height = 26.0;
        TableBuilder::new(ui)
            .id_salt(("checksheet-items", sheet.id.0))
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(TableColumn::initial(56.0).clip(true))
            .column(TableColumn::initial(110.0).clip(true))
            .column(TableColumn::initial(40.0))
            .column(TableColumn::initial(170.0))
            .column(TableColumn::remainder().at_least(160.0).clip(true))
            .header(row_height, |mut header| {
                for h in ["No.", "ラベル", "必須", "回答", "要求事項"] {
                    header.col(|ui| {
                        ui.strong(h);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let i = rows[row.index()];
                    let item = &sheet.items[i];
                    row.set_selected(self.current == Some(i));
                    row.col(|ui| {
                        let open = ui
                            .selectable_label(self.current == Some(i), item.number.as_str())
                            .on_hover_text("要求事項の全文と根拠を右に出します")
                            .accessible_name(format!("No.{} を開く", item.number));
                        if open.clicked() {
                            self.current = Some(i);
                        }
                    });
                    row.col(|ui| {
                        ui.label(item.label.as_str());
                    });
                    row.col(|ui| {
                        ui.label(item.requirement.label());
                    });
                    row.col(|ui| {
                        let current = item.answer.choice.clone();
                        let mut chosen = current.clone();
                        if sheet.scale.is_list() {
                            egui::ComboBox::from_id_salt(("checksheet-answer", sheet.id.0, i))
                                .selected_text(current.clone().unwrap_or_else(|| "未回答".into()))
                                .width(160.0)
                                .show_ui(ui, |ui| {
                                    ui.selectable_value(&mut chosen, None, "未回答");
                                    for w in sheet.scale.words() {
                                        ui.selectable_value(&mut chosen, Some(w.to_string()), w);
                                    }
                                })
                                .response
                                .accessible_name(format!("No.{} の回答", item.number));
                        } else {
                            ui.label(current.as_deref().unwrap_or("未回答"));
                        }
                        if chosen != current {
                            edits.push(detail::answer_edit(
                                sheet.id,
                                i,
                                ItemAnswer {
                                    choice: chosen,
                                    ..item.answer.clone()
                                },
                            ));
                            self.current = Some(i);
                        }
                    });
                    row.col(|ui| {
                        let text = egui::Label::new(item.text.as_str())
                            .truncate()
                            .sense(egui::Sense::click());
                        if ui.add(text).clicked() {
                            self.current = Some(i);
                        }
                    });
                });
            });
        edits
    }

    /// The 根拠・補足 being typed, as an edit; the draft is cleared.
    fn draft_edit(&mut self, wb: &Workbook) -> Option<Edit> {
        let (id, index, text) = self.draft.take()?;
        let sheet = wb.checksheets.iter().find(|s| s.id == id)?;
        let item = sheet.items.get(index)?;
        (item.answer.comment != text).then(|| {
            detail::answer_edit(
                id,
                index,
                ItemAnswer {
                    comment: text,
                    ..item.answer.clone()
                },
            )
        })
    }
}

impl View for CheckSheetView {
    fn sheet(&self) -> Sheet {
        Sheet::CheckSheet(None)
    }

    fn open(&mut self, sheet: Sheet) {
        if let Sheet::CheckSheet(Some(id)) = sheet {
            self.open_id = Some(id);
        }
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> Requests {
        let mut requests = Requests::default();
        if let Some(panel) = &mut self.import {
            match panel.ui(ui, session) {
                Some(Decision::Import(operation, name)) => {
                    requests.operation = Some(operation);
                    self.selected = Some(name);
                    self.current = None;
                    self.import = None;
                }
                Some(Decision::Cancel) => self.import = None,
                None => {}
            }
            return requests;
        }
        let wb = session.workbook();
        if let Some(id) = self.open_id.take()
            && let Some(sheet) = wb.checksheets.iter().find(|s| s.id == id)
        {
            self.selected = Some(sheet.name.clone());
            self.current = None;
        }
        self.top(ui, wb, &mut requests);
        let Some(sheet) = self.sheet(wb) else {
            ui.add_space(12.0);
            ui.label("取引先から届いた情報セキュリティのチェックシート（Excel）を取り込むと、ここで回答できます。");
            ui.label(
                "回答は、取引先のファイルのコピーに書き戻して返せます（ほかの部分は元のまま）。",
            );
            return requests;
        };
        Self::counts(ui, sheet);
        self.filters(ui, sheet);
        ui.separator();
        let rows = self.filter.rows(sheet);
        let mut edits = Vec::new();
        egui::Panel::right("checksheet-detail")
            .resizable(true)
            .default_size(ui.available_width() * 0.4)
            .min_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("checksheet-detail")
                    .show(ui, |ui| {
                        match self.current.filter(|&i| i < sheet.items.len()) {
                            Some(index) => {
                                let mut draft = match &self.draft {
                                    Some((id, i, text)) if *id == sheet.id && *i == index => {
                                        Some(text.clone())
                                    }
                                    _ => None,
                                };
                                if self.draft.is_some() && draft.is_none() {
                                    edits.extend(self.draft_edit(wb));
                                }
                                edits.extend(detail::ui(ui, wb, sheet, index, &mut draft));
                                self.draft = draft.map(|text| (sheet.id, index, text));
                            }
                            None => {
                                ui.label(
                                    "一覧の No. を押すと、要求事項の全文と根拠をここに出します。",
                                );
                            }
                        }
                    });
            });
        if rows.is_empty() {
            ui.label("この条件に当てはまる項目はありません。");
        } else {
            edits.extend(self.list(ui, sheet, &rows));
        }
        requests.edits = edits;
        requests
    }

    fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        self.draft_edit(workbook).into_iter().collect()
    }

    fn use_file(
        &mut self,
        action: Action,
        path: &Path,
        session: &Session,
    ) -> Option<Result<String, String>> {
        match action {
            Action::CheckSheetImport => {
                Some(ImportPanel::open(path.to_path_buf(), session).map(|panel| {
                    self.import = Some(panel);
                    String::new()
                }))
            }
            Action::CheckSheetExport => {
                let Some(sheet) = self.sheet(session.workbook()) else {
                    return Some(Err("書き戻す取引先チェックシートがありません。".into()));
                };
                Some(
                    ops::export(session, &sheet.name, path)
                        .map(|written| {
                            let mut text = format!(
                                "「{}」の回答を「{}」に書き出しました。回答と根拠・補足の欄のほかは、取引先のファイルのままです。",
                                sheet.name,
                                written.display()
                            );
                            if written != path {
                                text.push_str("\n元のファイルが .xls のため、同じシートと値の .xlsx にしました（書式とマクロは引き継がれません）。");
                            }
                            text
                        })
                        .map_err(|e| e.to_string()),
                )
            }
            _ => None,
        }
    }
}
