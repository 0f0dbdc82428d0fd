//! 情報資産管理台帳: the asset register as an editable, sortable, filterable table.
//! Only visible rows are laid out, and the filtered/sorted row order is cached per revision, so the
//! view stays smooth with tens of thousands of assets.

use crate::app::session::Session;
use crate::app::widgets::{choice, date_picker, level_cell};
use crate::calc::risk::Unrated;
use crate::calc::{AssetRisk, RiskLevel};
use crate::domain::criteria::{self, Criteria};
pub use crate::domain::register::{CellValue, Column};
use crate::domain::scales::{likelihood_label, vulnerability_cell_label, vulnerability_label};
use crate::domain::{Asset, AssetId, Medium, Rating, Workbook};
use crate::store::Edit;
use eframe::egui::{self, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};
use std::cmp::Ordering;
use std::collections::HashMap;

/// View-only facts about a column: its width, its text field, its sort order.
impl Column {
    /// Initial widths chosen so that A–S fit a 1366-pixel screen.
    fn width(self) -> f32 {
        match self {
            Column::Name => 126.0,
            Column::Note => 90.0,
            Column::Medium => 112.0,
            Column::Registered => 96.0,
            Column::Category => 56.0,
            Column::Users | Column::Department => 64.0,
            Column::Risk => 76.0,
            Column::Retention => 50.0,
            Column::Personal | Column::Sensitive | Column::MyNumber => 36.0,
            Column::Confidentiality | Column::Integrity | Column::Availability => 44.0,
            _ => 40.0,
        }
    }

    fn text(self, a: &Asset) -> Option<&str> {
        match self {
            Column::Category => Some(&a.category),
            Column::Name => Some(&a.name),
            Column::Note => Some(&a.note),
            Column::Users => Some(&a.users),
            Column::Department => Some(&a.department),
            Column::Retention => Some(&a.retention),
            _ => None,
        }
    }

    fn compare(self, a: (&Asset, &AssetRisk), b: (&Asset, &AssetRisk)) -> Ordering {
        let rating = |x: Option<Rating>| x.map(|r| r.value());
        match self {
            Column::Medium => a.0.medium.cmp(&b.0.medium),
            Column::Personal => a.0.personal_info.cmp(&b.0.personal_info),
            Column::Sensitive => a.0.sensitive_info.cmp(&b.0.sensitive_info),
            Column::MyNumber => a.0.my_number.cmp(&b.0.my_number),
            Column::Confidentiality => {
                rating(a.0.confidentiality).cmp(&rating(b.0.confidentiality))
            }
            Column::Integrity => rating(a.0.integrity).cmp(&rating(b.0.integrity)),
            Column::Availability => rating(a.0.availability).cmp(&rating(b.0.availability)),
            Column::Importance => a.1.importance.cmp(&b.1.importance),
            Column::Registered => a.0.registered.cmp(&b.0.registered),
            Column::Threat => a.1.frequency().cmp(&b.1.frequency()),
            Column::Vulnerability => a.1.vulnerability().cmp(&b.1.vulnerability()),
            Column::Likelihood => a.1.likelihood().cmp(&b.1.likelihood()),
            Column::Risk => a.1.risk.cmp(&b.1.risk),
            text => text.text(a.0).cmp(&text.text(b.0)),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub text: String,
    pub medium: Option<Medium>,
    pub level: Option<RiskLevel>,
}

impl Filter {
    fn matches(&self, asset: &Asset, risk: &AssetRisk) -> bool {
        if self.medium.is_some() && asset.medium != self.medium {
            return false;
        }
        if self.level.is_some_and(|l| l != risk.level) {
            return false;
        }
        let needle = self.text.trim();
        needle.is_empty()
            || [
                &asset.category,
                &asset.name,
                &asset.note,
                &asset.users,
                &asset.department,
                &asset.retention,
            ]
            .iter()
            .any(|field| field.contains(needle))
    }
}

/// The rows to show, in the order to show them: indices into `Workbook::assets`.
pub fn visible_rows(
    workbook: &Workbook,
    risks: &[AssetRisk],
    filter: &Filter,
    sort: Sort,
) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..workbook.assets.len())
        .filter(|&i| filter.matches(&workbook.assets[i], &risks[i]))
        .collect();
    if let Some((column, ascending)) = sort {
        rows.sort_by(|&x, &y| {
            let order = column.compare(
                (&workbook.assets[x], &risks[x]),
                (&workbook.assets[y], &risks[y]),
            );
            if ascending { order } else { order.reverse() }
        });
    }
    rows
}

/// Sort column and direction (true: ascending).
pub type Sort = Option<(Column, bool)>;

#[derive(Default)]
pub struct RegisterView {
    pub filter: Filter,
    pub sort: Sort,
    rows: Vec<usize>,
    /// (revision, filter, sort) the cached `rows` were built for.
    cache_key: Option<(u64, Filter, Sort)>,
    /// Text being typed into a cell, saved when the cell loses focus.
    drafts: HashMap<(AssetId, Column), String>,
    pub selected: Option<AssetId>,
    scroll_to: Option<AssetId>,
    confirm_delete: Option<AssetId>,
}

fn unrated_reason(risk: &AssetRisk, workbook: &Workbook) -> String {
    match &risk.driver {
        Err(Unrated::NoMedium) => "媒体・保存先が未設定です".into(),
        Err(Unrated::NoThreats(m)) => format!("「{m}」の脅威がありません（脅威の状況）"),
        Err(Unrated::FrequencyMissing(id)) => {
            let name = workbook
                .threats
                .iter()
                .find(|t| t.id == *id)
                .map(|t| t.name.as_str())
                .unwrap_or("");
            format!("脅威の状況で「{name}」の発生頻度を選んでください")
        }
        Ok(_) => "機密性・完全性・可用性をすべて選ぶと算定されます".into(),
    }
}

fn rating_options(criteria: &Criteria) -> Vec<(Rating, String)> {
    criteria
        .iter()
        .map(|(v, rule, _)| {
            (
                Rating::new(*v).expect("criteria are 0–2"),
                format!("{v}：{rule}"),
            )
        })
        .collect()
}

impl RegisterView {
    /// Called by the app after an edit of this view was saved.
    pub fn on_inserted(&mut self, id: AssetId) {
        self.selected = Some(id);
        self.scroll_to = Some(id);
    }

    /// Text typed into cells but not saved yet (a cell still has focus), as edits. The drafts are
    /// cleared; a cell that still has focus then shows the saved text and goes on from there.
    pub fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        let mut drafts: Vec<_> = self.drafts.drain().collect();
        drafts.sort_by_key(|((id, column), _)| (*id, column.letter()));
        drafts
            .into_iter()
            .filter(|((id, column), text)| {
                workbook
                    .assets
                    .iter()
                    .find(|a| a.id == *id)
                    .is_some_and(|a| column.text(a) != Some(text.as_str()))
            })
            .map(|((id, column), text)| Edit::SetCell(id, CellValue::Text(column, text)))
            .collect()
    }

    fn refresh(&mut self, session: &Session) {
        let key = (session.revision(), self.filter.clone(), self.sort);
        if self.cache_key.as_ref() != Some(&key) {
            self.rows = visible_rows(
                session.workbook(),
                &session.assessment().assets,
                &self.filter,
                self.sort,
            );
            self.cache_key = Some(key);
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session) -> Vec<Edit> {
        let mut edits = Vec::new();
        self.refresh(session);
        let workbook = session.workbook();
        self.toolbar(ui, workbook, &mut edits);
        ui.separator();
        self.delete_dialog(ui, workbook, &mut edits);
        egui::ScrollArea::horizontal()
            .id_salt("register_h")
            .show(ui, |ui| self.table(ui, session, &mut edits));
        edits
    }

    fn toolbar(&mut self, ui: &mut Ui, workbook: &Workbook, edits: &mut Vec<Edit>) {
        ui.horizontal_wrapped(|ui| {
            let selected_index = self
                .selected
                .and_then(|id| workbook.assets.iter().position(|a| a.id == id));
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
                .add_enabled(enabled, egui::Button::new("削除…"))
                .clicked()
            {
                self.confirm_delete = self.selected;
            }
            ui.separator();
            let label = ui.label("検索:");
            ui.add(egui::TextEdit::singleline(&mut self.filter.text).desired_width(140.0))
                .labelled_by(label.id);
            let media: Vec<(Medium, String)> = Medium::ALL
                .iter()
                .map(|m| (*m, m.name().to_string()))
                .collect();
            ui.label("媒体:");
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
            ui.label("リスク:");
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

    fn delete_dialog(&mut self, ui: &mut Ui, workbook: &Workbook, edits: &mut Vec<Edit>) {
        let Some(id) = self.confirm_delete else {
            return;
        };
        let Some(asset) = workbook.assets.iter().find(|a| a.id == id) else {
            self.confirm_delete = None;
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ui.ctx(), |ui| {
            ui.heading("行の削除");
            ui.label(format!(
                "「{}」（{}）を台帳から削除しますか？\n削除は「元に戻す」（Ctrl+Z）で取り消せます。",
                asset.name,
                asset.medium.map_or("媒体未設定", |m| m.name())
            ));
            ui.horizontal(|ui| {
                if ui.button("削除する").clicked() {
                    edits.push(Edit::DeleteAsset(id));
                    self.confirm_delete = None;
                    self.selected = None;
                }
                if ui.button("キャンセル").clicked() {
                    self.confirm_delete = None;
                }
            });
        });
        if modal.should_close() {
            self.confirm_delete = None;
        }
    }

    fn table(&mut self, ui: &mut Ui, session: &Session, edits: &mut Vec<Edit>) {
        let workbook = session.workbook();
        let risks = &session.assessment().assets;
        let row_height = ui
            .text_style_height(&egui::TextStyle::Body)
            .max(ui.spacing().interact_size.y)
            + 6.0;
        let header_height = ui.text_style_height(&egui::TextStyle::Body) * 3.0 + 6.0;
        let mut table = TableBuilder::new(ui)
            .id_salt("register_table")
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(TableColumn::exact(36.0));
        for column in Column::ALL {
            table = table.column(
                TableColumn::initial(column.width())
                    .at_least(30.0)
                    .clip(true),
            );
        }
        if let Some(id) = self.scroll_to.take()
            && let Some(pos) = self.rows.iter().position(|&i| workbook.assets[i].id == id)
        {
            table = table.scroll_to_row(pos, Some(egui::Align::Center));
        }
        table
            .header(header_height, |mut header| {
                header.col(|ui| {
                    ui.label("No.");
                });
                for column in Column::ALL {
                    header.col(|ui| self.header_cell(ui, column));
                }
            })
            .body(|body| {
                body.rows(row_height, self.rows.len(), |mut row| {
                    let index = self.rows[row.index()];
                    let asset = &workbook.assets[index];
                    let risk = &risks[index];
                    row.set_selected(self.selected == Some(asset.id));
                    row.col(|ui| {
                        if ui
                            .selectable_label(
                                self.selected == Some(asset.id),
                                (index + 1).to_string(),
                            )
                            .accessible_name(format!("{}行目を選択", index + 1))
                            .on_hover_text("クリックで行を選択")
                            .clicked()
                        {
                            self.selected = Some(asset.id);
                        }
                    });
                    for column in Column::ALL {
                        row.col(|ui| {
                            if let Some(edit) = self.cell(ui, workbook, index, asset, risk, column)
                            {
                                self.selected = Some(asset.id);
                                edits.push(edit);
                            }
                        });
                    }
                });
            });
    }

    fn header_cell(&mut self, ui: &mut Ui, column: Column) {
        let arrow = match self.sort {
            Some((c, true)) if c == column => " ▲",
            Some((c, false)) if c == column => " ▼",
            _ => "",
        };
        let text = format!("{}\n{}{}", column.letter(), column.header(), arrow);
        let response = ui
            .add(
                egui::Button::new(RichText::new(text).strong())
                    .frame(false)
                    .wrap(),
            )
            .on_hover_text(format!(
                "{}\nクリックで並べ替え（もう一度で逆順、3 回目で元の順）",
                column.header()
            ));
        if response.clicked() {
            self.sort = match self.sort {
                Some((c, true)) if c == column => Some((column, false)),
                Some((c, false)) if c == column => None,
                _ => Some((column, true)),
            };
        }
    }

    /// Draws one cell; returns the edit if the user changed the value.
    fn cell(
        &mut self,
        ui: &mut Ui,
        workbook: &Workbook,
        index: usize,
        asset: &Asset,
        risk: &AssetRisk,
        column: Column,
    ) -> Option<Edit> {
        let row_no = index + 1;
        let name = format!("{} {}行目", column.header(), row_no);
        let set = |value: CellValue| Some(Edit::SetCell(asset.id, value));
        match column {
            Column::Category
            | Column::Name
            | Column::Note
            | Column::Users
            | Column::Department
            | Column::Retention => {
                let saved = column.text(asset).unwrap_or_default();
                let key = (asset.id, column);
                let mut text = self
                    .drafts
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| saved.to_string());
                let response = ui.add(
                    egui::TextEdit::singleline(&mut text)
                        .desired_width(f32::INFINITY)
                        .frame(egui::Frame::NONE),
                );
                let response = response.accessible_name(&name);
                if response.changed() {
                    self.drafts.insert(key, text.clone());
                }
                if response.lost_focus()
                    && let Some(draft) = self.drafts.remove(&key)
                    && draft != saved
                {
                    return set(CellValue::Text(column, draft));
                }
                None
            }
            Column::Medium => {
                let media: Vec<(Medium, String)> = Medium::ALL
                    .iter()
                    .map(|m| (*m, m.name().to_string()))
                    .collect();
                choice(
                    ui,
                    ("medium", asset.id),
                    &name,
                    "未設定",
                    asset.medium,
                    &media,
                    |m| m.name().to_string(),
                    ui.available_width() - 8.0,
                )
                .0
                .and_then(|m| set(CellValue::Medium(m)))
            }
            Column::Personal | Column::Sensitive | Column::MyNumber => {
                let mut value = match column {
                    Column::Personal => asset.personal_info,
                    Column::Sensitive => asset.sensitive_info,
                    _ => asset.my_number,
                };
                let mark = if value { "有" } else { "" };
                let response = ui.checkbox(&mut value, mark).accessible_name(&name);
                if response.changed() {
                    return set(CellValue::Flag(column, value));
                }
                None
            }
            Column::Confidentiality | Column::Integrity | Column::Availability => {
                let (current, criteria) = match column {
                    Column::Confidentiality => (asset.confidentiality, &criteria::CONFIDENTIALITY),
                    Column::Integrity => (asset.integrity, &criteria::INTEGRITY),
                    _ => (asset.availability, &criteria::AVAILABILITY),
                };
                let (picked, response) = choice(
                    ui,
                    (column.header(), asset.id),
                    &name,
                    "未設定",
                    current,
                    &rating_options(criteria),
                    |r| r.value().to_string(),
                    ui.available_width() - 8.0,
                );
                response.on_hover_text(criteria::help_text(column.header(), criteria));
                picked.and_then(|r| set(CellValue::Rating(column, r)))
            }
            Column::Registered => date_picker(
                ui,
                ui.make_persistent_id(("date", asset.id)),
                &name,
                asset.registered,
            )
            .and_then(|d| set(CellValue::Registered(d))),
            Column::Importance => {
                let text = risk.importance.map_or("—".into(), |i| i.to_string());
                level_cell(ui, &text, risk.level, ui.available_width())
                    .on_hover_text("重要度 = 機密性・完全性・可用性の最大値");
                None
            }
            Column::Threat | Column::Vulnerability | Column::Likelihood | Column::Risk => {
                self.computed_cell(ui, workbook, risk, column);
                None
            }
        }
    }

    fn computed_cell(&self, ui: &mut Ui, workbook: &Workbook, risk: &AssetRisk, column: Column) {
        let Ok(driver) = &risk.driver else {
            let text = if column == Column::Risk {
                "未算定"
            } else {
                "—"
            };
            level_cell(ui, text, RiskLevel::Unrated, ui.available_width())
                .on_hover_text(unrated_reason(risk, workbook));
            return;
        };
        let threat_name = workbook
            .threats
            .iter()
            .find(|t| t.id == driver.threat)
            .map_or("", |t| t.name.as_str());
        let (text, hover) = match column {
            Column::Threat => (
                driver.frequency.value().to_string(),
                format!(
                    "{}{}\n脅威: {threat_name}",
                    driver.frequency.value(),
                    driver.frequency.label()
                ),
            ),
            Column::Vulnerability => (
                driver.vulnerability.to_string(),
                format!(
                    "{}{}（{}）",
                    driver.vulnerability,
                    vulnerability_cell_label(driver.vulnerability),
                    vulnerability_label(driver.vulnerability)
                ),
            ),
            Column::Likelihood => (
                driver.likelihood.to_string(),
                format!(
                    "{}{}",
                    driver.likelihood,
                    likelihood_label(driver.likelihood)
                ),
            ),
            _ => match risk.risk {
                Some(r) => (
                    format!("{r} {}", risk.level.label()),
                    format!("{r}{}: {}", risk.level.label(), risk.level.action()),
                ),
                None => ("未算定".into(), unrated_reason(risk, workbook)),
            },
        };
        level_cell(ui, &text, risk.level, ui.available_width()).on_hover_text(hover);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::assess;
    use crate::domain::Catalogue;
    use crate::sample::sample_workbook;

    #[test]
    fn sorting_by_risk_puts_the_highest_first_and_filters_combine() {
        let wb = sample_workbook(Catalogue::builtin());
        let risks = assess(&wb).assets;
        let rows = visible_rows(&wb, &risks, &Filter::default(), Some((Column::Risk, false)));
        assert_eq!(rows.len(), 32);
        let values: Vec<_> = rows.iter().map(|&i| risks[i].risk).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        assert_eq!(values[0], Some(4));
        assert_eq!(values[31], Some(0));

        let rows = visible_rows(&wb, &risks, &Filter::default(), Some((Column::Name, true)));
        let names: Vec<&str> = rows.iter().map(|&i| wb.assets[i].name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);

        let filter = Filter {
            text: "電子メール".into(),
            medium: Some(Medium::Cloud),
            level: Some(RiskLevel::High),
        };
        let rows = visible_rows(&wb, &risks, &filter, None);
        assert_eq!(rows, vec![6], "電子メールデータ on クラウド, row 7");
        assert_eq!(Column::Risk.letter(), 'S');
        assert_eq!(Column::Medium.letter(), 'F');
    }
}
