//! 「なぜこのリスク値か」 in the window: the 台帳's side panel for the current row, and the lines of
//! an explanation (`calc::explain`) as headings and wrapped text.

use crate::app::views::plan::plan_button;
use crate::calc::explain::{Line, explain_asset};
use crate::domain::{Edit, Measure};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};

/// Shows explanation lines: headings bold, text wrapped.
pub fn show_lines(ui: &mut Ui, lines: &[Line]) {
    for line in lines {
        match line {
            Line::Heading(text) => {
                ui.add_space(4.0);
                ui.label(RichText::new(text).strong());
            }
            Line::Text(text) => {
                ui.add(egui::Label::new(text).wrap());
            }
        }
    }
}

/// The side panel of the 台帳 and its explanation, kept for the row and results it was made for.
#[derive(Default)]
pub struct ExplainPanel {
    pub open: bool,
    cached: Option<Explained>,
}

/// An explanation as shown, with the measures it offers to put into the 対策計画.
struct Explained {
    key: (u64, usize),
    lines: Vec<Line>,
    measures: Vec<(Measure, String)>,
}

impl ExplainPanel {
    /// The panel for the asset at `index` (None: no current row), when open. Returns the edit of
    /// a clicked 「計画に追加」 or 「再開」.
    pub fn ui(&mut self, ui: &mut Ui, session: &Session, index: Option<usize>) -> Option<Edit> {
        if !self.open {
            return None;
        }
        let mut add = None;
        egui::Panel::right("explain_panel")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.heading("なぜこのリスク値か");
                    if ui.button("閉じる").clicked() {
                        self.open = false;
                    }
                });
                ui.separator();
                let Some(index) = index else {
                    ui.label("台帳の行を選ぶと、その行のリスク値がどう決まったかを示します。");
                    return;
                };
                let key = (session.revision(), index);
                let wb = session.workbook();
                if self.cached.as_ref().is_none_or(|c| c.key != key) {
                    let explanation = explain_asset(wb, session.assessment(), index);
                    let measures = explanation
                        .lowering
                        .iter()
                        .map(|g| match g.threat {
                            Some(id) => {
                                let name = wb
                                    .threats
                                    .iter()
                                    .find(|t| t.id == id)
                                    .map_or("", |t| t.name.as_str());
                                (
                                    Measure::Threat(id),
                                    format!("脅威「{name}」の項目をまとめて"),
                                )
                            }
                            None => (Measure::Item(g.items[0]), format!("No.{}", g.items[0].0)),
                        })
                        .collect();
                    self.cached = Some(Explained {
                        key,
                        lines: explanation.lines(wb),
                        measures,
                    });
                }
                if let Some(c) = &self.cached {
                    egui::ScrollArea::vertical()
                        .id_salt("explain_scroll")
                        .show(ui, |ui| {
                            show_lines(ui, &c.lines);
                            for (measure, what) in &c.measures {
                                ui.add(egui::Label::new(what.as_str()).wrap());
                                if let Some(edit) = plan_button(ui, wb, *measure, what) {
                                    add = Some(edit);
                                }
                            }
                        });
                }
            });
        add
    }
}
