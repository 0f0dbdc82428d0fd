//! 委託先: the company's own 委託先 (名称, 委託内容, 取り扱う情報, 機密保持の取り決め, 担当窓口,
//! 次回評価), and for the one selected its evaluation of a chosen year on riskbook's 委託先確認リスト:
//! the 26 items by 区分 answered ○ / × / 該当なし with a remark, the counts, 評価日, 評価者,
//! 総合結果 and コメント. Every change is one undoable edit.

mod evaluation;
mod list;

use super::{Requests, Sheet};
use crate::domain::supplier::SupplierId;
use crate::domain::{Edit, Workbook};
use crate::operations::Session;
use chrono::Datelike;
use eframe::egui::{self, Ui};
use std::collections::HashMap;

/// Texts typed and not saved yet, by where they are typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Draft {
    Supplier(SupplierId, list::Field),
    /// A field of the selected 委託先's evaluation of the shown year.
    Evaluation(SupplierId, i32, evaluation::Field),
}

pub struct SupplierView {
    selected: Option<SupplierId>,
    year: i32,
    drafts: HashMap<Draft, String>,
}

impl Default for SupplierView {
    fn default() -> Self {
        SupplierView {
            selected: None,
            year: chrono::Local::now().year(),
            drafts: HashMap::new(),
        }
    }
}

impl super::View for SupplierView {
    fn sheet(&self) -> Sheet {
        Sheet::Supplier
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> Requests {
        let wb = session.workbook();
        if self
            .selected
            .is_some_and(|id| wb.suppliers.supplier(id).is_none())
        {
            self.selected = None;
        }
        if self.selected.is_none() {
            self.selected = wb.suppliers.list.first().map(|s| s.id);
        }
        let mut requests = Requests::default();
        egui::ScrollArea::vertical()
            .id_salt("supplier_scroll")
            .show(ui, |ui| {
                ui.heading("委託先");
                ui.label("業務や情報を預けている委託先の一覧です。年に1回、委託先確認リストで対策の状況を確かめ、結果を残します。");
                ui.add_space(4.0);
                requests.edits.extend(self.list(ui, wb));
                if let Some(id) = self.selected {
                    ui.separator();
                    let (edits, action) = self.evaluation(ui, wb, id);
                    requests.edits.extend(edits);
                    requests.action = action;
                }
            });
        requests
    }

    fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        let drafts: Vec<(Draft, String)> = self.drafts.drain().collect();
        let mut edits = Vec::new();
        for (draft, text) in drafts {
            let edit = match draft {
                Draft::Supplier(id, field) => list::edit_of(workbook, id, field, text),
                Draft::Evaluation(id, year, field) => {
                    evaluation::edit_of(workbook, id, year, field, text)
                }
            };
            edits.extend(edit);
        }
        edits
    }
}

impl SupplierView {
    /// A text field whose typing is a draft until it loses the keyboard; returns the text then,
    /// when it differs from `saved`.
    fn field(
        &mut self,
        ui: &mut Ui,
        key: Draft,
        saved: &str,
        width: f32,
        name: &str,
    ) -> Option<String> {
        let mut text = self
            .drafts
            .get(&key)
            .cloned()
            .unwrap_or_else(|| saved.to_string());
        let response = crate::app::widgets::text_field(ui, &mut text, width, name);
        if response.changed() {
            self.drafts.insert(key, text);
        }
        if response.lost_focus() {
            let typed = self.drafts.remove(&key)?;
            return (typed != saved).then_some(typed);
        }
        None
    }
}
