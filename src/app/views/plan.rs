//! 対策計画: the measures the company decided on, with 担当者, 期限, 状態 and メモ, filtered and
//! sorted, overdue ones marked. Completing an entry offers to answer its items 「1 実施している」 in
//! the same undoable step, showing how much the risk drops. Entries are added from 対策優先度, from
//! an open check item and from 「なぜこのリスク値か」 (`plan_button`).

use crate::app::widgets::{date_picker, header_row, pick, text_field};
use crate::calc::priority::totals_with;
use crate::domain::Edit;
use crate::domain::{Answer, Measure, PlanEntry, PlanId, PlanOffer, PlanStatus, Workbook};
use crate::operations::Session;
use chrono::NaiveDate;
use eframe::egui::{self, RichText, Ui};
use std::collections::HashMap;

/// The button of `PlanOffer`: 「計画に追加」, 「計画済み」 (disabled, naming the entry) or 「再開」 for a
/// finished entry. Returns the edit of a click.
pub fn plan_button(ui: &mut Ui, wb: &Workbook, measure: Measure, what: &str) -> Option<Edit> {
    let offer = PlanOffer::of(wb, measure);
    let clicked = match &offer {
        PlanOffer::Add => ui
            .button("計画に追加")
            .on_hover_text("対策計画に加えます（担当者と期限は「対策計画」で決めます）")
            .accessible_name(format!("{what} を計画に追加"))
            .clicked(),
        PlanOffer::Planned(n) => {
            ui.add_enabled(false, egui::Button::new("計画済み"))
                .on_disabled_hover_text(format!("対策計画の {n} 件目にあります"))
                .accessible_name(format!("{what} は計画済み"));
            false
        }
        PlanOffer::Reopen(_) => ui
            .button("再開")
            .on_hover_text("完了にした対策を「未着手」に戻します（担当者・期限・メモはそのまま）")
            .accessible_name(format!("{what} を再開"))
            .clicked(),
    };
    if clicked { offer.edit(measure) } else { None }
}

/// Widths of the table's text columns. 担当者 fits a department and a name (「情報システム担当 鈴木」);
/// a longer text is shown whole on hover.
const TITLE_WIDTH: f32 = 380.0;
const OWNER_WIDTH: f32 = 180.0;
const MEMO_WIDTH: f32 = 300.0;

/// The 期限 column: the date button and 「期限切れ」.
const DUE_WIDTH: f32 = 160.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Shown {
    #[default]
    All,
    Open,
    Overdue,
    Done,
}

impl Shown {
    const ALL: [Shown; 4] = [Shown::All, Shown::Open, Shown::Overdue, Shown::Done];

    fn label(self) -> &'static str {
        match self {
            Shown::All => "すべて",
            Shown::Open => "未完了",
            Shown::Overdue => "期限切れ",
            Shown::Done => "完了",
        }
    }

    fn keeps(self, entry: &PlanEntry, today: NaiveDate) -> bool {
        match self {
            Shown::All => true,
            Shown::Open => entry.status != PlanStatus::Done,
            Shown::Overdue => entry.is_overdue(today),
            Shown::Done => entry.status == PlanStatus::Done,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Order {
    #[default]
    Added,
    Due,
    Status,
}

impl Order {
    const ALL: [Order; 3] = [Order::Added, Order::Due, Order::Status];

    fn label(self) -> &'static str {
        match self {
            Order::Added => "追加した順",
            Order::Due => "期限の近い順",
            Order::Status => "状態の順",
        }
    }
}

/// The options of a dropdown: each value with its label.
fn labelled<T: Copy>(values: &[T], label: fn(T) -> &'static str) -> Vec<(T, String)> {
    values.iter().map(|v| (*v, label(*v).to_string())).collect()
}

/// A text field of an entry being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Owner,
    Memo,
}

#[derive(Default)]
pub struct PlanView {
    shown: Shown,
    order: Order,
    owner: String,
    drafts: HashMap<(PlanId, Field), String>,
    /// An entry set to 完了 whose items are not all implemented, waiting for the user's choice.
    completing: Option<PlanEntry>,
}

fn with_text(entry: &PlanEntry, field: Field, text: String) -> PlanEntry {
    let mut changed = entry.clone();
    match field {
        Field::Owner => changed.owner = text,
        Field::Memo => changed.memo = text,
    }
    changed
}

fn text_of(entry: &PlanEntry, field: Field) -> &str {
    match field {
        Field::Owner => &entry.owner,
        Field::Memo => &entry.memo,
    }
}

impl PlanView {
    /// The 担当者 and メモ being typed but not saved yet, as edits; the drafts are cleared.
    fn drafts_as_edits(&mut self, wb: &Workbook) -> Vec<Edit> {
        let mut changed: HashMap<PlanId, PlanEntry> = HashMap::new();
        for ((id, field), text) in self.drafts.drain() {
            let Some(entry) = wb.plan.iter().find(|e| e.id == id) else {
                continue;
            };
            let base = changed.remove(&id).unwrap_or_else(|| entry.clone());
            changed.insert(id, with_text(&base, field, text));
        }
        changed
            .into_values()
            .filter(|e| wb.plan.iter().any(|old| old.id == e.id && old != e))
            .map(Edit::UpdatePlan)
            .collect()
    }

    fn text_field(
        &mut self,
        ui: &mut Ui,
        entry: &PlanEntry,
        field: Field,
        name: String,
        width: f32,
    ) -> Option<Edit> {
        let key = (entry.id, field);
        let mut text = self
            .drafts
            .get(&key)
            .cloned()
            .unwrap_or_else(|| text_of(entry, field).to_string());
        let response = text_field(ui, &mut text, width, &name);
        if response.changed() {
            self.drafts.insert(key, text);
        }
        if response.lost_focus() {
            let typed = self.drafts.remove(&key)?;
            return (typed != text_of(entry, field))
                .then(|| Edit::UpdatePlan(with_text(entry, field, typed)));
        }
        None
    }

    fn show(&mut self, ui: &mut Ui, session: &Session) -> Vec<Edit> {
        let mut edits = Vec::new();
        let wb = session.workbook();
        let today = chrono::Local::now().date_naive();
        let overdue = wb.plan.iter().filter(|e| e.is_overdue(today)).count();
        let done = wb
            .plan
            .iter()
            .filter(|e| e.status == PlanStatus::Done)
            .count();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "対策 {} 件（完了 {done} 件、期限切れ {overdue} 件）",
                    wb.plan.len()
                ))
                .strong(),
            );
            ui.separator();
            let shown = labelled(&Shown::ALL, Shown::label);
            ui.label("表示：");
            if let Some(s) = pick(
                ui,
                "plan_shown",
                "状態で絞り込み",
                self.shown,
                &shown,
                100.0,
            ) {
                self.shown = s;
            }
            let label = ui.label("担当者：");
            ui.add(egui::TextEdit::singleline(&mut self.owner).desired_width(120.0))
                .labelled_by(label.id);
            let orders = labelled(&Order::ALL, Order::label);
            ui.label("並べ替え：");
            if let Some(o) = pick(ui, "plan_order", "並べ替え", self.order, &orders, 120.0) {
                self.order = o;
            }
        });
        ui.separator();
        if wb.plan.is_empty() {
            ui.label("まだ対策がありません。「診断結果」の対策優先度、「対策状況チェック」の未実施の項目、台帳の「なぜこのリスク値か」から「計画に追加」で加えられます。");
            return edits;
        }
        let mut rows: Vec<usize> = (0..wb.plan.len())
            .filter(|&i| self.shown.keeps(&wb.plan[i], today))
            .filter(|&i| {
                self.owner.trim().is_empty() || wb.plan[i].owner.contains(self.owner.trim())
            })
            .collect();
        match self.order {
            Order::Added => {}
            Order::Due => rows.sort_by_key(|&i| (wb.plan[i].due.is_none(), wb.plan[i].due, i)),
            Order::Status => rows.sort_by_key(|&i| (wb.plan[i].status, wb.plan[i].due, i)),
        }
        let statuses = labelled(&PlanStatus::ALL, PlanStatus::label);
        egui::ScrollArea::vertical()
            .id_salt("plan_scroll")
            .show(ui, |ui| {
                egui::Grid::new("plan_table")
                    .striped(true)
                    // Rows of two lines apart from each other.
                    .spacing([ui.spacing().item_spacing.x, 8.0])
                    .num_columns(7)
                    .show(ui, |ui| {
                        header_row(ui, &["No.", "対策", "担当者", "期限", "状態", "メモ", ""]);
                        for &i in &rows {
                            let entry = &wb.plan[i];
                            let n = i + 1;
                            ui.label(n.to_string());
                            // The row grows with the text.
                            ui.scope(|ui| {
                                ui.set_width(TITLE_WIDTH);
                                ui.add(egui::Label::new(entry.title(wb)).wrap());
                            });
                            edits.extend(self.text_field(
                                ui,
                                entry,
                                Field::Owner,
                                format!("担当者 {n}件目"),
                                OWNER_WIDTH,
                            ));
                            ui.horizontal(|ui| {
                                // Room for 「期限切れ」 on every row, so that the columns after it
                                // stay put when an entry becomes (or stops being) overdue.
                                ui.set_min_width(DUE_WIDTH);
                                if let Some(due) = date_picker(
                                    ui,
                                    egui::Id::unique(("plan_due", entry.id)),
                                    &format!("期限 {n}件目"),
                                    entry.due,
                                ) {
                                    edits.push(Edit::UpdatePlan(PlanEntry {
                                        due,
                                        ..entry.clone()
                                    }));
                                }
                                if entry.is_overdue(today) {
                                    ui.colored_label(ui.visuals().error_fg_color, "期限切れ");
                                }
                            });
                            if let Some(status) = pick(
                                ui,
                                ("plan_status", entry.id),
                                &format!("状態 {n}件目"),
                                entry.status,
                                &statuses,
                                80.0,
                            ) {
                                let changed = PlanEntry {
                                    status,
                                    ..entry.clone()
                                };
                                let open = !wb.open_items(&changed.items(wb)).is_empty();
                                if status == PlanStatus::Done && open {
                                    self.completing = Some(changed);
                                } else {
                                    edits.push(Edit::UpdatePlan(changed));
                                }
                            }
                            edits.extend(self.text_field(
                                ui,
                                entry,
                                Field::Memo,
                                format!("メモ {n}件目"),
                                MEMO_WIDTH,
                            ));
                            if ui
                                .button("削除")
                                .accessible_name(format!("削除 {n}件目"))
                                .clicked()
                            {
                                edits.push(Edit::DeletePlan(entry.id));
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some(edit) = self.completion_dialog(ui, wb) {
            edits.push(edit);
        }
        edits
    }

    /// Asks whether completing an entry also answers its open items 「1 実施している」, showing the
    /// risk that drops; both in one undoable step.
    fn completion_dialog(&mut self, ui: &mut Ui, wb: &Workbook) -> Option<Edit> {
        let entry = self.completing.clone()?;
        let open = wb.open_items(&entry.items(wb));
        let (risk, high) = totals_with(wb, &[]);
        let (risk_after, high_after) = totals_with(wb, &open);
        let mut chosen = None;
        let mut cancelled = false;
        let modal = egui::Modal::new(egui::Id::unique("plan_complete")).show(ui.ctx(), |ui| {
            ui.set_max_width(560.0);
            ui.heading("対策を完了にする");
            ui.add(egui::Label::new(entry.title(wb)).wrap());
            let nos: Vec<String> = open.iter().map(|n| format!("No.{}", n.0)).collect();
            ui.label(format!(
                "まだ「1 実施している」でない項目：{}",
                nos.join("、")
            ));
            ui.label(if (risk, high) == (risk_after, high_after) {
                // A threat's vulnerability falls only when its other items are implemented too.
                format!(
                    "これらを「1 実施している」にしても、リスク値の合計（{risk}）とリスク大（{high} 件）は変わりません（同じ脅威のほかの項目がまだ実施されていないため）。"
                )
            } else {
                format!(
                    "これらを「1 実施している」にすると：リスク値の合計 {risk} → {risk_after}、リスク大 {high} → {high_after} 件"
                )
            });
            ui.horizontal(|ui| {
                if ui.button("項目も「1 実施している」にする").clicked() {
                    chosen = Some(true);
                }
                if ui.button("状態だけ完了にする").clicked() {
                    chosen = Some(false);
                }
                if ui.button("キャンセル").clicked() {
                    cancelled = true;
                }
            });
        });
        if cancelled || modal.should_close() {
            self.completing = None;
        }
        let answered = chosen?;
        self.completing = None;
        let mut edits = vec![Edit::UpdatePlan(entry)];
        if answered {
            edits.extend(
                open.into_iter()
                    .map(|no| Edit::SetAnswer(no, Some(Answer::Implemented))),
            );
        }
        Some(Edit::Batch(edits))
    }
}

impl super::View for PlanView {
    fn sheet(&self) -> super::Sheet {
        super::Sheet::Plan
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> super::Requests {
        self.show(ui, session).into()
    }

    fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        self.drafts_as_edits(workbook)
    }
}
