//! 履歴's comparison of two assessments: the classes, the answers that moved (better or worse, per
//! category, and item by item), the rates, and the assets whose リスク値 changed.

use crate::app::widgets::header_row;
use crate::calc::RiskLevel;
use crate::calc::compare::{AnswerChange, AnswerMove, AnswerMoves, Comparison};
use crate::calc::rate_text;
use crate::domain::{Answer, Workbook};
use eframe::egui::{self, Ui};

/// 「良くなった 2 問、悪くなった 1 問」, or None when no answer moved.
fn moves_text(m: AnswerMoves) -> Option<String> {
    let parts: Vec<String> = [
        (m.better, "良くなった"),
        (m.worse, "悪くなった"),
        (m.other, "該当・未回答の変更"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{what} {n} 問"))
    .collect();
    (!parts.is_empty()).then(|| parts.join("、"))
}

/// 「回答の変更 19 問（良くなった 18 問、悪くなった 1 問）、脅威の頻度の変更 0 件」
fn changes_text(c: &Comparison) -> String {
    let moves = moves_text(c.answer_moves).map_or(String::new(), |m| format!("（{m}）"));
    format!(
        "回答の変更 {} 問{moves}、脅威の頻度の変更 {} 件",
        c.answers_changed, c.frequencies_changed
    )
}

fn answer_text(a: Option<Answer>) -> String {
    a.map_or("未回答".into(), |a| {
        format!("{} {}", a.value(), a.label())
    })
}

/// Which way an answer moved, a worse one in the warning colour.
fn direction_label(ui: &mut Ui, change: &AnswerChange) {
    match change.direction() {
        AnswerMove::Better => ui.label("良くなった"),
        AnswerMove::Worse => ui.colored_label(ui.visuals().warn_fg_color, "悪くなった"),
        AnswerMove::Other => ui.label("—"),
    };
}

pub(super) fn comparison_ui(ui: &mut Ui, c: &Comparison, before: &Workbook, after: &Workbook) {
    ui.label(format!(
        "リスク大 {} → {}　中 {} → {}　小 {} → {}　未算定 {} → {}",
        c.levels_before[RiskLevel::High],
        c.levels_after[RiskLevel::High],
        c.levels_before[RiskLevel::Medium],
        c.levels_after[RiskLevel::Medium],
        c.levels_before[RiskLevel::Low],
        c.levels_after[RiskLevel::Low],
        c.levels_before[RiskLevel::Unrated],
        c.levels_after[RiskLevel::Unrated],
    ));
    ui.label(changes_text(c));
    egui::Grid::new("compare_rates")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            header_row(ui, &["対策の種類", "比較元", "比較先", "回答の変化"]);
            for r in &c.rates {
                ui.label(format!("({}) {}", r.no, r.name));
                ui.label(rate_text(r.before));
                ui.label(rate_text(r.after));
                let moved = moves_text(r.answers).unwrap_or_else(|| "—".into());
                if r.rate_hides_answers() {
                    ui.label(format!("{moved}（実施率は同じ）"));
                } else {
                    ui.label(moved);
                }
                ui.end_row();
            }
        });
    let hidden: Vec<String> = c
        .rates
        .iter()
        .filter(|r| r.rate_hides_answers())
        .map(|r| format!("({})", r.no))
        .collect();
    if !hidden.is_empty() {
        ui.label(format!(
            "{} は実施率が同じでも回答が変わっています。実施率は「1 実施している」の割合なので、「3」→「2」のように「1」に届かない変化は実施率に出ません。",
            hidden.join("・")
        ));
    }
    if !c.answers.is_empty() {
        egui::CollapsingHeader::new(format!("回答が変わった項目（{} 問）", c.answers.len()))
            .id_salt("compare_answers")
            .show(ui, |ui| answers_grid(ui, c, after));
    }
    ui.add_space(6.0);
    if c.assets.is_empty() {
        ui.label("リスク値の変わった情報資産はありません。");
        return;
    }
    egui::Grid::new("compare_assets")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            header_row(
                ui,
                &["情報資産名称", "媒体・保存先", "比較元", "比較先", "変化"],
            );
            let n = |v: Option<u8>| v.map_or("—".to_string(), |v| v.to_string());
            for a in c.assets.iter().take(300) {
                let asset = a.asset(before, after);
                ui.label(&asset.name);
                ui.label(asset.medium.map_or("", |m| m.name()));
                ui.label(n(a.before));
                ui.label(n(a.after));
                ui.label(a.direction());
                ui.end_row();
            }
        });
}

/// Each item whose answer moved: its question (whole on hover), the two answers and which way.
fn answers_grid(ui: &mut Ui, c: &Comparison, after: &Workbook) {
    const QUESTION_CHARS: usize = 36;
    egui::Grid::new("compare_answer_items")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            header_row(ui, &["項目", "比較元", "比較先", "変化"]);
            for change in &c.answers {
                let question = after
                    .items
                    .iter()
                    .find(|i| i.no == change.no)
                    .map_or("", |i| i.question.as_str());
                let short: String = question.chars().take(QUESTION_CHARS).collect();
                let cut = short.len() < question.len();
                let shown = format!("No.{} {short}{}", change.no.0, if cut { "…" } else { "" });
                let label = ui.label(shown);
                if cut {
                    label.on_hover_text(question);
                }
                ui.label(answer_text(change.before));
                ui.label(answer_text(change.after));
                direction_label(ui, change);
                ui.end_row();
            }
        });
}
