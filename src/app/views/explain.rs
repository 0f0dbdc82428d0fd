//! 「なぜこのリスク値か」 in the window: the 台帳's side panel for the current row, and the lines of
//! an explanation (`calc::explain`) as headings and wrapped text.

use crate::calc::explain::{Line, explain_asset};
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
    cached: Option<((u64, u64, usize), Vec<Line>)>,
}

impl ExplainPanel {
    /// The panel for the asset at `index` (None: no current row), when open.
    pub fn ui(&mut self, ui: &mut Ui, session: &Session, index: Option<usize>) {
        if !self.open {
            return;
        }
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
                let key = (session.revision(), session.calculation_revision(), index);
                if self.cached.as_ref().is_none_or(|(k, _)| *k != key) {
                    let wb = session.workbook();
                    let lines = explain_asset(wb, session.assessment(), index).lines(wb);
                    self.cached = Some((key, lines));
                }
                if let Some((_, lines)) = &self.cached {
                    egui::ScrollArea::vertical()
                        .id_salt("explain_scroll")
                        .show(ui, |ui| show_lines(ui, lines));
                }
            });
    }
}
