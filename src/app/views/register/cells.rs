//! One 台帳 cell: a text field, a dropdown, a checkbox or a date for the inputs (A–O), the coloured
//! computed values (M, P–S) with the reason when a value is missing.

use super::{FocusMode, RegisterView, cell_id, date_id};
use crate::app::widgets::{choice, date_picker, level_cell, whole_on_hover};
use crate::calc::risk::Unrated;
use crate::calc::{AssetRisk, RiskLevel};
use crate::domain::criteria::{self, Criteria};
use crate::domain::register::{CellValue, Column};
use crate::domain::{Asset, Edit, Medium, Rating, Workbook};
use eframe::egui::{self, Ui};

/// Space between a text cell's edge and its text, so that the current cell's frame never covers a
/// character.
const CELL_INSET: i8 = 4;

/// View-only facts about a column.
impl Column {
    /// Initial widths chosen so that A–S, and their headers (`grid_header`), fit a 1366-pixel screen.
    pub fn width(self) -> f32 {
        match self {
            Column::Name => 120.0,
            Column::Note => 90.0,
            Column::Medium => 112.0,
            Column::Registered => 96.0,
            Column::Category => 56.0,
            Column::Users | Column::Department => 64.0,
            Column::Risk => 76.0,
            Column::Retention => 50.0,
            Column::Sensitive => 42.0,
            Column::Personal | Column::MyNumber => 36.0,
            Column::Confidentiality | Column::Integrity | Column::Availability => 44.0,
            _ => 40.0,
        }
    }

    /// The header as the grid shows it under the letter: broken into lines between words so that no
    /// line is wider than the column (a narrow column would otherwise cut the word or break it in
    /// the middle). マイナンバー is shown by its legal name 個人番号, which breaks between words; the
    /// hover gives both names.
    pub fn grid_header(self) -> &'static str {
        match self {
            Column::Users => "利用者\n範囲",
            Column::Personal => "個人\n情報",
            Column::Sensitive => "要配慮\n個人\n情報",
            Column::MyNumber => "個人\n番号",
            Column::Retention => "保存\n期限",
            Column::Threat => "脅威の\n発生\n頻度",
            Column::Likelihood => "被害\n発生\n可能性",
            other => other.header(),
        }
    }

    /// The header's hover: the full name, and the other name where the grid shows one.
    pub(super) fn header_hover(self) -> String {
        match self {
            Column::MyNumber => format!("{} {}（個人番号）", self.letter(), self.header()),
            _ => format!("{} {}", self.letter(), self.header()),
        }
    }
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
    /// Draws one cell; returns the edit if the user changed the value.
    pub(super) fn cell(
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
        let set = |value: CellValue| Some(Edit::SetCells(asset.id, vec![value]));
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
                let id = cell_id(asset.id, column);
                let output = egui::TextEdit::singleline(&mut text)
                    .id(id)
                    // Tab, arrows and Esc are the table's (keys.rs), not egui's focus moves.
                    .event_filter(egui::EventFilter {
                        tab: true,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: true,
                    })
                    .desired_width(f32::INFINITY)
                    // Clear of the current cell's 2-pixel frame, and in the middle of the row
                    // (egui ignores `margin` when a frame is given).
                    .frame(egui::Frame::NONE.inner_margin(egui::Margin::symmetric(CELL_INSET, 0)))
                    .min_size(egui::vec2(0.0, ui.available_height()))
                    .align(egui::Align2::LEFT_CENTER)
                    .show(ui);
                let response = whole_on_hover(output, &text, &name);
                if response.double_clicked()
                    && let Some(f) = self.text_focus.as_mut()
                    && (f.asset, f.column) == (asset.id, column)
                {
                    f.mode = FocusMode::Editing;
                }
                if response.changed() {
                    self.drafts.insert(key, text.clone());
                }
                if response.lost_focus() {
                    return self.commit_draft(workbook, asset.id, column);
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
            Column::Registered => date_picker(ui, date_id(asset.id), &name, asset.registered)
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

    pub(super) fn computed_cell(
        &self,
        ui: &mut Ui,
        workbook: &Workbook,
        risk: &AssetRisk,
        column: Column,
    ) {
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
                    "{}{}\n脅威：{threat_name}",
                    driver.frequency.value(),
                    driver.frequency.label()
                ),
            ),
            Column::Vulnerability => (
                driver.vulnerability.to_string(),
                format!(
                    "{}{}（{}）",
                    driver.vulnerability,
                    driver.vulnerability.cell_label(),
                    driver.vulnerability.label()
                ),
            ),
            Column::Likelihood => (
                driver.likelihood.to_string(),
                format!("{}{}", driver.likelihood, driver.likelihood.label()),
            ),
            _ => match risk.risk {
                Some(r) => (
                    format!("{r} {}", risk.level.label()),
                    format!("{r}{}：{}", risk.level.label(), risk.level.action()),
                ),
                None => ("未算定".into(), unrated_reason(risk, workbook)),
            },
        };
        level_cell(ui, &text, risk.level, ui.available_width()).on_hover_text(hover);
    }
}
