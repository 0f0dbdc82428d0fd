//! The selected 委託先's evaluation of one year: counts, 評価日, 評価者, 総合結果, コメント, and the
//! 26 items by 区分 with ○ / × / 該当なし and a remark. Answering in a year not evaluated yet
//! starts that year's evaluation.

use super::{Draft, SupplierView};
use crate::app::actions::Action;
use crate::app::widgets::{choice, date_picker};
use crate::calc::supplier::{by_group, totals};
use crate::domain::supplier::checklist::{self, GROUPS, NO, NOT_APPLICABLE, YES};
use crate::domain::supplier::{Evaluation, SupplierEdit, SupplierId, Verdict};
use crate::domain::{Edit, Workbook};
use eframe::egui::{self, RichText, Ui};

const ANSWERS: [&str; 3] = [YES, NO, NOT_APPLICABLE];
const ITEM_WIDTH: f32 = 560.0;

/// A text of the evaluation typed in the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Field {
    By,
    Comment,
    /// The remark on item index (0-based).
    Remark(usize),
}

impl Field {
    fn of(self, e: &Evaluation) -> &str {
        match self {
            Field::By => &e.by,
            Field::Comment => &e.comment,
            Field::Remark(i) => &e.answers[i].comment,
        }
    }

    fn with(self, e: &Evaluation, text: String) -> Evaluation {
        let mut changed = e.clone();
        match self {
            Field::By => changed.by = text,
            Field::Comment => changed.comment = text,
            Field::Remark(i) => changed.answers[i].comment = text,
        }
        changed
    }
}

/// The evaluation of `id` in `year` as it stands, or a blank one with the id it would get.
fn current(wb: &Workbook, id: SupplierId, year: i32) -> Evaluation {
    wb.suppliers
        .evaluation(id, year)
        .cloned()
        .unwrap_or_else(|| Evaluation::blank(wb.suppliers.next_evaluation_id(), id, year))
}

fn put(e: Evaluation) -> Edit {
    Edit::Supplier(SupplierEdit::PutEvaluation(e))
}

pub(super) fn edit_of(
    wb: &Workbook,
    id: SupplierId,
    year: i32,
    field: Field,
    text: String,
) -> Option<Edit> {
    wb.suppliers.supplier(id)?;
    let e = current(wb, id, year);
    (field.of(&e) != text).then(|| put(field.with(&e, text)))
}

impl SupplierView {
    pub(super) fn evaluation(
        &mut self,
        ui: &mut Ui,
        wb: &Workbook,
        id: SupplierId,
    ) -> (Vec<Edit>, Option<Action>) {
        let mut edits = Vec::new();
        let mut action = None;
        let Some(supplier) = wb.suppliers.supplier(id) else {
            return (edits, action);
        };
        let year = self.year;
        let saved = wb.suppliers.evaluation(id, year);
        let e = current(wb, id, year);
        ui.horizontal(|ui| {
            ui.heading(format!("{} の評価", supplier.name));
            if ui.button("◀").on_hover_text("前の年度").clicked() {
                self.year -= 1;
            }
            ui.label(RichText::new(format!("{year}年度")).strong());
            if ui.button("▶").on_hover_text("次の年度").clicked() {
                self.year += 1;
            }
            if ui.button("確認リストをPDF出力").clicked() {
                action = Some(Action::SupplierPdf(id, year));
            }
            if saved.is_some()
                && ui
                    .button("この年度の評価を削除")
                    .on_hover_text("元に戻すで戻せます")
                    .clicked()
            {
                edits.push(Edit::Supplier(SupplierEdit::RemoveEvaluation(e.id)));
            }
        });
        if saved.is_none() {
            ui.label(format!(
                "{year}年度の評価はまだありません。回答や評価日を入れると記録が始まります（PDF出力は委託先に記入してもらう空欄の確認リストになります）。"
            ));
        }
        let all = totals(saved);
        ui.label(RichText::new(format!("回答 {}", all.text())).strong());
        egui::Grid::new("supplier_evaluation_head")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("評価日");
                let picker = ui.make_persistent_id(("evaluated_on", id, year));
                if let Some(date) = date_picker(ui, picker, "評価日", e.on) {
                    edits.push(put(Evaluation {
                        on: date,
                        ..e.clone()
                    }));
                }
                ui.end_row();
                ui.label("評価者");
                let key = Draft::Evaluation(id, year, Field::By);
                if let Some(text) = self.field(ui, key, &e.by, 200.0, "評価者") {
                    edits.push(put(Field::By.with(&e, text)));
                }
                ui.end_row();
                ui.label("総合結果");
                let options: Vec<(Verdict, String)> = Verdict::ALL
                    .iter()
                    .map(|v| (*v, v.label().to_string()))
                    .collect();
                let (picked, _) = choice(
                    ui,
                    ("verdict", id, year),
                    "総合結果",
                    "未記入",
                    e.verdict,
                    &options,
                    |v| v.label().to_string(),
                    140.0,
                );
                if let Some(verdict) = picked {
                    edits.push(put(Evaluation {
                        verdict,
                        ..e.clone()
                    }));
                }
                ui.end_row();
                ui.label("コメント");
                let key = Draft::Evaluation(id, year, Field::Comment);
                if let Some(text) = self.field(ui, key, &e.comment, 520.0, "コメント") {
                    edits.push(put(Field::Comment.with(&e, text)));
                }
                ui.end_row();
            });
        ui.add_space(6.0);
        let groups = by_group(saved);
        let options: Vec<(usize, String)> = ANSWERS
            .iter()
            .enumerate()
            .map(|(k, a)| (k, a.to_string()))
            .collect();
        // One grid for all 区分, so that the columns line up and settle in one frame.
        egui::Grid::new(("supplier_items", id, year))
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for (group, (_, tally)) in GROUPS.iter().zip(&groups) {
                    ui.label("");
                    ui.label(RichText::new(format!("{group}（{}）", tally.text())).strong());
                    ui.end_row();
                    for (i, item) in checklist::items_of(group) {
                        ui.label(format!("No.{}", item.no));
                        // A fixed width: a wrapped text in a grid would follow the column's
                        // width of the frame before and take many frames to settle.
                        ui.scope(|ui| {
                            ui.set_width(ITEM_WIDTH);
                            ui.add(egui::Label::new(&item.text).wrap());
                        });
                        let now = e.answers[i]
                            .choice
                            .as_deref()
                            .and_then(|c| ANSWERS.iter().position(|a| *a == c));
                        let (picked, _) = choice(
                            ui,
                            ("answer", id, year, i),
                            &format!("No.{}の回答", item.no),
                            "未回答",
                            now,
                            &options,
                            |k| ANSWERS[k].to_string(),
                            90.0,
                        );
                        if let Some(picked) = picked {
                            let mut changed = e.clone();
                            changed.answers[i].choice = picked.map(|k| ANSWERS[k].to_string());
                            edits.push(put(changed));
                        }
                        let key = Draft::Evaluation(id, year, Field::Remark(i));
                        let name = format!("No.{}の備考", item.no);
                        if let Some(text) = self.field(ui, key, &e.answers[i].comment, 220.0, &name)
                        {
                            edits.push(put(Field::Remark(i).with(&e, text)));
                        }
                        ui.end_row();
                    }
                }
            });
        (edits, action)
    }
}
