//! 対策状況チェック: the questions grouped by category, each answered 1–4.

use crate::app::views::plan::plan_button;
use crate::domain::Edit;
use crate::domain::{Answer, Catalogue, Measure};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};

/// The 対策状況チェック sheet (no state of its own).
pub struct ChecksView;

impl super::View for ChecksView {
    fn sheet(&self) -> super::Sheet {
        super::Sheet::Checks
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> super::Requests {
        self::ui(ui, session).into()
    }
}

pub fn ui(ui: &mut Ui, session: &Session) -> Vec<Edit> {
    let mut edits = Vec::new();
    let workbook = session.workbook();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "回答済み {} / {} 問",
                workbook.answered_count(),
                workbook.items.len()
            ))
            .strong(),
        );
        ui.label(
            "各項目の実施状況を 1〜4 から選んでください。項目にマウスを重ねると解説が出ます。",
        );
    });
    ui.label(
        RichText::new(
            "問いの文言：(6) の 4 問は IPA のリスク分析シートの文言のまま、ほかは riskbook が書いたものです（各問の回答の右に表示）。",
        )
        .weak(),
    );
    egui::ScrollArea::vertical()
        .id_salt("checks_scroll")
        .show(ui, |ui| {
            for category in &workbook.categories {
                let items: Vec<_> = workbook.items_of(category.no).collect();
                let answered = items.iter().filter(|i| i.answer.is_some()).count();
                let title = format!(
                    "({}) {}　回答 {} / {}",
                    category.no,
                    category.name,
                    answered,
                    items.len()
                );
                egui::CollapsingHeader::new(RichText::new(title).strong())
                    .id_salt(("category", category.no))
                    .default_open(true)
                    .show(ui, |ui| {
                        if !category.applies_when.is_empty() {
                            ui.label(
                                RichText::new(format!("適用条件：{}", category.applies_when))
                                    .weak(),
                            );
                        }
                        for item in items {
                            ui.add_space(4.0);
                            ui.add(
                                egui::Label::new(format!("No.{}　{}", item.no.0, item.question))
                                    .wrap(),
                            )
                            .on_hover_text(&item.help);
                            ui.horizontal_wrapped(|ui| {
                                ui.add_space(24.0);
                                for answer in Answer::ALL {
                                    let text = format!("{} {}", answer.value(), answer.label());
                                    if ui
                                        .radio(item.answer == Some(answer), text.as_str())
                                        .accessible_name(format!("No.{} {}", item.no.0, text))
                                        .clicked()
                                        && item.answer != Some(answer)
                                    {
                                        edits.push(Edit::SetAnswer(item.no, Some(answer)));
                                    }
                                }
                                if ui
                                    .radio(item.answer.is_none(), "未回答")
                                    .accessible_name(format!("No.{} 未回答", item.no.0))
                                    .clicked()
                                    && item.answer.is_some()
                                {
                                    edits.push(Edit::SetAnswer(item.no, None));
                                }
                                let wording = Catalogue::builtin_shared().wording_of(item);
                                ui.add_space(12.0);
                                ui.label(RichText::new(wording.label()).weak())
                                    .on_hover_text(wording.explanation());
                                if item.is_open() {
                                    ui.add_space(12.0);
                                    let measure = Measure::Item(item.no);
                                    edits.extend(plan_button(
                                        ui,
                                        workbook,
                                        measure,
                                        &format!("No.{}", item.no.0),
                                    ));
                                }
                            });
                        }
                    });
            }
        });
    edits
}
