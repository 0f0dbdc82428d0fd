//! Above the 台帳 grid: adding, copying and deleting rows (with the question before a delete), the
//! filters, and the message after a paste, fill or clear.

use super::RegisterView;
use super::rows::Filter;
use crate::app::widgets::{choice, ok_button};
use crate::calc::RiskLevel;
use crate::domain::{Asset, AssetId, Edit, Medium, Workbook};
use eframe::egui::{self, Ui};

impl RegisterView {
    pub(super) fn toolbar(&mut self, ui: &mut Ui, workbook: &Workbook, edits: &mut Vec<Edit>) {
        ui.horizontal_wrapped(|ui| {
            let selected_index = self.current_index();
            if ui.button("＋ 行を追加").clicked() {
                let index = selected_index.map_or(workbook.assets.len(), |i| i + 1);
                edits.push(Edit::InsertAsset {
                    index,
                    asset: Asset {
                        registered: Some(chrono::Local::now().date_naive()),
                        ..Asset::named("新しい情報資産")
                    },
                });
            }
            let enabled = selected_index.is_some();
            if ui
                .add_enabled(enabled, egui::Button::new("複製"))
                .on_hover_text("選択した行の写しをすぐ下に追加します")
                .clicked()
                && let Some(i) = selected_index
            {
                let mut copy = workbook.assets[i].clone();
                copy.id = AssetId::default();
                edits.push(Edit::InsertAsset {
                    index: i + 1,
                    asset: copy,
                });
            }
            if ui
                .selectable_label(self.explain.open, "なぜこのリスク値か")
                .on_hover_text("選んだ行のリスク値がどう決まったか、何をすれば下がるかを下に示します（リスク値のセルのクリックでも開きます）")
                .clicked()
            {
                self.explain.open = !self.explain.open;
            }
            if ui
                .add_enabled(enabled, egui::Button::new("削除…"))
                .on_hover_text("選択した行を削除します（Shift+クリックで複数行を選べます）")
                .clicked()
            {
                self.confirm_delete = self.selected_assets(workbook);
            }
            ui.separator();
            let label = ui.label("検索：");
            ui.add(egui::TextEdit::singleline(&mut self.filter.text).desired_width(140.0))
                .labelled_by(label.id);
            let media: Vec<(Medium, String)> = Medium::ALL
                .iter()
                .map(|m| (*m, m.name().to_string()))
                .collect();
            ui.label("媒体：");
            if let (Some(m), _) = choice(
                ui,
                "filter_medium",
                "媒体で絞り込み",
                "すべて",
                self.filter.medium,
                &media,
                |m| m.name().to_string(),
                110.0,
            ) {
                self.filter.medium = m;
            }
            ui.label("リスク：");
            let levels: Vec<(RiskLevel, String)> = RiskLevel::ALL
                .iter()
                .map(|l| (*l, l.label().to_string()))
                .collect();
            if let (Some(l), _) = choice(
                ui,
                "filter_level",
                "リスクで絞り込み",
                "すべて",
                self.filter.level,
                &levels,
                |l| l.label().to_string(),
                90.0,
            ) {
                self.filter.level = l;
            }
            if self.filter != Filter::default() && ui.button("絞り込み解除").clicked() {
                self.filter = Filter::default();
            }
            ui.label(format!(
                "表示 {} 件 / 全 {} 件",
                self.rows.len(),
                workbook.assets.len()
            ));
        });
    }

    pub(super) fn delete_dialog(
        &mut self,
        ui: &mut Ui,
        workbook: &Workbook,
        edits: &mut Vec<Edit>,
    ) {
        if self.confirm_delete.is_empty() {
            return;
        }
        let doomed: Vec<&Asset> = workbook
            .assets
            .iter()
            .filter(|a| self.confirm_delete.contains(&a.id))
            .collect();
        if doomed.is_empty() {
            self.confirm_delete.clear();
            return;
        }
        let question = match doomed.as_slice() {
            [asset] => format!(
                "「{}」（{}）を台帳から削除しますか？",
                asset.name,
                asset.medium.map_or("媒体未設定", |m| m.name())
            ),
            many => {
                let names: Vec<&str> = many.iter().take(5).map(|a| a.name.as_str()).collect();
                let more = if many.len() > 5 { " ほか" } else { "" };
                format!(
                    "選択した {} 行（{}{more}）を台帳から削除しますか？",
                    many.len(),
                    names.join("、")
                )
            }
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ui.ctx(), |ui| {
            ui.heading("行の削除");
            ui.label(format!(
                "{question}\n削除は「元に戻す」（Ctrl+Z）で取り消せます。"
            ));
            ui.horizontal(|ui| {
                if ui.button("削除する").clicked() {
                    let mut deletes: Vec<Edit> =
                        doomed.iter().map(|a| Edit::DeleteAsset(a.id)).collect();
                    edits.push(if deletes.len() == 1 {
                        deletes.remove(0)
                    } else {
                        Edit::Batch(deletes)
                    });
                    self.confirm_delete.clear();
                    self.selection.collapse();
                }
                if ui.button("キャンセル").clicked() {
                    self.confirm_delete.clear();
                }
            });
        });
        if modal.should_close() {
            self.confirm_delete.clear();
        }
    }

    pub(super) fn notice_dialog(&mut self, ui: &mut Ui) {
        let Some((title, text)) = &self.notice else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("register_notice")).show(ui.ctx(), |ui| {
            ui.set_max_width(560.0);
            ui.heading(title.as_str());
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    ui.add(egui::Label::new(text.as_str()).wrap());
                });
            close = ok_button(ui);
        });
        if close || modal.should_close() {
            self.notice = None;
        }
    }
}
