//! リスク対応 (手順3): every asset at リスク大 or 中 with its decision — 低減・保有・回避・移転 — the
//! reason, what changes (回避・移転), who accepted it and when (保有); undecided first, リスク大 before
//! 中 (`calc::treatment`). A 低減 names the 対策計画 entries that lower the asset, or offers the
//! measures that would (「計画に追加」). Decisions on assets now at リスク小 are listed apart, kept.

use crate::app::views::plan::plan_button;
use crate::app::widgets::{date_picker, header_row, level_cell, text_field};
use crate::calc::explain::{OfferedMeasure, explain_asset};
use crate::calc::treatment::{TreatmentList, TreatmentRow, treatment_list};
use crate::domain::{AssetId, Decision, Edit, Treatment, Workbook};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};
use std::collections::HashMap;

const NAME_WIDTH: f32 = 150.0;
const STANDING_WIDTH: f32 = 130.0;
const REASON_WIDTH: f32 = 180.0;
const CHANGE_WIDTH: f32 = 160.0;
const APPROVER_WIDTH: f32 = 110.0;
const PLAN_WIDTH: f32 = 220.0;

/// A text field of a decision being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Reason,
    Change,
    Approver,
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::Reason => "理由",
            Field::Change => "変更内容",
            Field::Approver => "承認者",
        }
    }

    fn of(self, t: &Treatment) -> &str {
        match self {
            Field::Reason => &t.reason,
            Field::Change => &t.change,
            Field::Approver => &t.accepted_by,
        }
    }

    fn with(self, t: &Treatment, text: String) -> Treatment {
        let mut changed = t.clone();
        match self {
            Field::Reason => changed.reason = text,
            Field::Change => changed.change = text,
            Field::Approver => changed.accepted_by = text,
        }
        changed
    }
}

/// The list and the 計画に追加 offers, computed once per revision of the data.
#[derive(Default)]
struct Cached {
    revision: Option<u64>,
    list: TreatmentList,
    offers: HashMap<AssetId, Vec<OfferedMeasure>>,
}

#[derive(Default)]
pub struct TreatmentView {
    drafts: HashMap<(AssetId, Field), String>,
    cached: Cached,
}

impl TreatmentView {
    fn refresh(&mut self, session: &Session) {
        if self.cached.revision == Some(session.revision()) {
            return;
        }
        let wb = session.workbook();
        let list = treatment_list(wb, session.assessment());
        // Only a 低減 that no plan entry lowers yet needs offers (a what-if over the register each).
        let offers = list
            .needed
            .iter()
            .filter(|r| r.decision == Some(Decision::Reduce) && r.lowering.is_empty())
            .map(|r| {
                let explanation = explain_asset(wb, session.assessment(), r.row);
                (r.asset, explanation.plan_offers(wb))
            })
            .collect();
        self.cached = Cached {
            revision: Some(session.revision()),
            list,
            offers,
        };
    }

    fn drafts_as_edits(&mut self, wb: &Workbook) -> Vec<Edit> {
        let mut changed: HashMap<AssetId, Treatment> = HashMap::new();
        for ((asset, field), text) in self.drafts.drain() {
            let Some(t) = wb.treatment(asset) else {
                continue;
            };
            let base = changed.remove(&asset).unwrap_or_else(|| t.clone());
            changed.insert(asset, field.with(&base, text));
        }
        changed
            .into_values()
            .filter(|t| wb.treatment(t.asset).is_some_and(|old| old != t))
            .map(Edit::SetTreatment)
            .collect()
    }

    fn text_field(
        &mut self,
        ui: &mut Ui,
        t: &Treatment,
        field: Field,
        row: usize,
        width: f32,
    ) -> Option<Edit> {
        let key = (t.asset, field);
        let mut text = self
            .drafts
            .get(&key)
            .cloned()
            .unwrap_or_else(|| field.of(t).to_string());
        let name = format!("{} 台帳{row}行目", field.label());
        let response = text_field(ui, &mut text, width, &name);
        if response.changed() {
            self.drafts.insert(key, text);
        }
        if response.lost_focus() {
            let typed = self.drafts.remove(&key)?;
            return (typed != field.of(t)).then(|| Edit::SetTreatment(field.with(t, typed)));
        }
        None
    }

    fn show(&mut self, ui: &mut Ui, session: &Session) -> Vec<Edit> {
        self.refresh(session);
        let mut edits = Vec::new();
        let wb = session.workbook();
        // Taken out while the rows (which need `self`) are drawn, and put back.
        let list = std::mem::take(&mut self.cached.list);
        let needed = list.needed.len();
        let (undecided, incomplete) = (list.undecided(), list.incomplete());
        ui.label(
            RichText::new(format!(
                "リスク大・中 {needed} 件：未決定 {undecided} 件、不足あり {incomplete} 件、決定済み {} 件",
                needed - undecided - incomplete
            ))
            .strong(),
        );
        ui.label("リスク大・中の情報資産ごとに、低減・保有・回避・移転のどれにするかと理由を決めます。保有は承認者と承認日、回避・移転は変更内容（使うサービスや保険など）まで入れると決定済みです。低減は、その資産のリスク値を下げる対策計画が必要です。");
        ui.separator();
        if needed == 0 && list.not_needed.is_empty() {
            ui.label("リスク大・中の情報資産はありません。台帳の評価値と脅威の発生頻度が揃うと、リスク値が算定されます。");
            self.cached.list = list;
            return edits;
        }
        egui::ScrollArea::both()
            .id_salt("treatment_scroll")
            .show(ui, |ui| {
                egui::Grid::new("treatment_table")
                    .striped(true)
                    .spacing([ui.spacing().item_spacing.x, 8.0])
                    .num_columns(9)
                    .show(ui, |ui| {
                        header_row(
                            ui,
                            &[
                                "台帳",
                                "情報資産",
                                "リスク",
                                "状態",
                                "対応",
                                "理由",
                                "変更内容（回避・移転）",
                                "承認者・承認日（保有）",
                                "対策計画（低減）",
                            ],
                        );
                        for r in &list.needed {
                            edits.extend(self.row(ui, wb, r));
                        }
                    });
                if !list.not_needed.is_empty() {
                    ui.add_space(12.0);
                    ui.label(
                        RichText::new("リスクが下がり不要になった対応（記録として残します）")
                            .strong(),
                    );
                    egui::Grid::new("treatment_not_needed")
                        .striped(true)
                        .num_columns(6)
                        .show(ui, |ui| {
                            header_row(ui, &["台帳", "情報資産", "リスク", "対応", "", ""]);
                            for r in &list.not_needed {
                                let n = r.row + 1;
                                ui.label(format!("{n}行目"));
                                ui.label(&wb.assets[r.row].name);
                                level_cell(ui, r.level.label(), r.level, 70.0);
                                ui.label(r.decision.map_or("", Decision::label));
                                ui.label(r.need.label());
                                if ui
                                    .button("対応を消す")
                                    .accessible_name(format!("対応を消す 台帳{n}行目"))
                                    .clicked()
                                {
                                    edits.push(Edit::ClearTreatment(r.asset));
                                }
                                ui.end_row();
                            }
                        });
                }
            });
        self.cached.list = list;
        edits
    }

    fn row(&mut self, ui: &mut Ui, wb: &Workbook, r: &TreatmentRow) -> Vec<Edit> {
        let mut edits = Vec::new();
        let n = r.row + 1;
        let asset = &wb.assets[r.row];
        let treatment = wb.treatment(r.asset);
        ui.label(format!("{n}行目"));
        ui.scope(|ui| {
            ui.set_width(NAME_WIDTH);
            ui.add(egui::Label::new(&asset.name).wrap());
        });
        let risk = r.risk.map_or(String::new(), |v| format!("{v} "));
        level_cell(ui, &format!("{risk}{}", r.level.label()), r.level, 80.0);
        ui.scope(|ui| {
            ui.set_width(STANDING_WIDTH);
            match Treatment::missing_text(&r.missing) {
                Some(missing) => {
                    ui.add(
                        egui::Label::new(RichText::new(missing).color(ui.visuals().error_fg_color))
                            .wrap(),
                    );
                }
                None => {
                    ui.label(r.standing());
                }
            }
        });
        let options: Vec<(Decision, String)> = Decision::ALL
            .iter()
            .map(|d| (*d, d.label().to_string()))
            .collect();
        let (picked, response) = crate::app::widgets::choice(
            ui,
            ("treatment_decision", r.asset),
            &format!("対応 台帳{n}行目"),
            "未決定",
            r.decision,
            &options,
            |d| d.label().to_string(),
            80.0,
        );
        response.on_hover_ui(|ui| {
            for d in Decision::ALL {
                ui.label(format!("{}：{}", d.label(), d.meaning()));
            }
        });
        match (picked, treatment) {
            (Some(None), Some(_)) => edits.push(Edit::ClearTreatment(r.asset)),
            (Some(Some(decision)), Some(t)) => edits.push(Edit::SetTreatment(Treatment {
                decision,
                ..t.clone()
            })),
            (Some(Some(decision)), None) => {
                edits.push(Edit::SetTreatment(Treatment::new(r.asset, decision)))
            }
            _ => {}
        }
        let Some(t) = treatment else {
            for _ in 0..4 {
                ui.label("");
            }
            ui.end_row();
            return edits;
        };
        edits.extend(self.text_field(ui, t, Field::Reason, n, REASON_WIDTH));
        if t.decision.has_change() {
            edits.extend(self.text_field(ui, t, Field::Change, n, CHANGE_WIDTH));
        } else {
            ui.label("");
        }
        if t.decision == Decision::Accept {
            ui.horizontal(|ui| {
                edits.extend(self.text_field(ui, t, Field::Approver, n, APPROVER_WIDTH));
                if let Some(accepted_on) = date_picker(
                    ui,
                    egui::Id::unique(("treatment_accepted_on", r.asset)),
                    &format!("承認日 台帳{n}行目"),
                    t.accepted_on,
                ) {
                    edits.push(Edit::SetTreatment(Treatment {
                        accepted_on,
                        ..t.clone()
                    }));
                }
            });
        } else {
            ui.label("");
        }
        if t.decision == Decision::Reduce {
            ui.vertical(|ui| {
                ui.set_width(PLAN_WIDTH);
                for &i in &r.lowering {
                    let entry = &wb.plan[i];
                    ui.add(
                        egui::Label::new(format!(
                            "{}件目 {}（{}）",
                            i + 1,
                            entry.title(wb),
                            entry.status.label()
                        ))
                        .wrap(),
                    );
                }
                if r.lowering.is_empty() {
                    let offers = self.cached.offers.get(&r.asset);
                    match offers {
                        Some(offers) if !offers.is_empty() => {
                            for offer in offers {
                                ui.horizontal_wrapped(|ui| {
                                    ui.label(&offer.sentence);
                                    edits.extend(plan_button(
                                        ui,
                                        wb,
                                        offer.measure,
                                        &format!("{} 台帳{n}行目", offer.name),
                                    ));
                                });
                            }
                        }
                        _ => {
                            ui.add(
                                egui::Label::new(
                                    "チェック項目を実施してもリスク値は下がりません（脆弱性がすでに 1 か、発生頻度だけで決まっています）。",
                                )
                                .wrap(),
                            );
                        }
                    }
                }
            });
        } else {
            ui.label("");
        }
        ui.end_row();
        edits
    }
}

impl super::View for TreatmentView {
    fn sheet(&self) -> super::Sheet {
        super::Sheet::Treatment
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> super::Requests {
        self.show(ui, session).into()
    }

    fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        self.drafts_as_edits(workbook)
    }
}
