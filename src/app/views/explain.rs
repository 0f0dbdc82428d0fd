//! 「なぜこのリスク値か」 in the window: the 台帳's bottom panel for the current row, and the lines of
//! an explanation (`calc::explain`) as headings and text, wrapped by the report's rule (禁則処理).

use crate::app::views::plan::plan_button;
use crate::calc::explain::{Line, OfferedMeasure, explain_asset};
use crate::domain::{AssetId, Edit};
use crate::operations::Session;
use crate::report::layout;
use eframe::egui::{self, RichText, Ui};

/// Widths of text in the window's fonts, for `layout::wrap`.
struct WindowText<'a> {
    ctx: &'a egui::Context,
    family: egui::FontFamily,
}

impl layout::Measure for WindowText<'_> {
    fn width(&self, text: &str, size: f32) -> f32 {
        let font = egui::FontId::new(size, self.family.clone());
        self.ctx
            .fonts_mut(|f| text.chars().map(|c| f.glyph_width(&font, c)).sum())
    }
}

/// `text` in lines that fit the width left in `ui`, broken where the PDF breaks them
/// (`layout::wrap`): egui's own wrapping lets 「・」「）」 start a line and splits 「No.42」.
pub fn wrapped(ui: &mut Ui, text: &str, strong: bool) -> egui::Response {
    let font = egui::TextStyle::Body.resolve(ui.style());
    // Glyphs are placed on whole pixels: a little slack keeps a full line from spilling over.
    let width = (ui.available_width() - 4.0).max(font.size * 4.0);
    let ctx = ui.ctx().clone();
    let measure = WindowText {
        ctx: &ctx,
        family: font.family.clone(),
    };
    let lines = layout::wrap(&measure, text, font.size, width);
    let mut shown = RichText::new(lines.join("\n"));
    if strong {
        shown = shown.strong();
    }
    let response = ui.add(egui::Label::new(shown).extend());
    // A screen reader reads the sentence, not the lines.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, text));
    response
}

/// Shows explanation lines: headings bold, text wrapped.
pub fn show_lines(ui: &mut Ui, lines: &[Line]) {
    for line in lines {
        match line {
            Line::Heading(text) => {
                ui.add_space(4.0);
                wrapped(ui, text, true);
            }
            Line::Text(text) => {
                wrapped(ui, text, false);
            }
        }
    }
}

/// The bottom panel of the 台帳 and its explanation, kept for the row and results it was made for.
#[derive(Default)]
pub struct ExplainPanel {
    pub open: bool,
    cached: Option<Explained>,
    /// The asset explained last frame: another one starts at the top of the panel.
    shown: Option<AssetId>,
}

/// What the panel asks of the 台帳 in a frame.
#[derive(Debug, Default)]
pub struct PanelRequests {
    /// The edit of a clicked 「計画に追加」 or 「再開」.
    pub add: Option<Edit>,
    /// The panel opened or shows another asset: bring the current row into view above it.
    pub reveal_row: bool,
}

/// An explanation as shown, with the measures it offers to put into the 対策計画.
struct Explained {
    key: (u64, usize),
    lines: Vec<Line>,
    offers: Vec<OfferedMeasure>,
}

/// How tall the panel opens: the explanation below, about ten rows of the 台帳 above at 1366×768.
const PANEL_HEIGHT: f32 = 290.0;
/// Lines longer than this are hard to follow across a wide window.
const TEXT_WIDTH: f32 = 980.0;

impl ExplainPanel {
    /// The panel for the asset at `index` (None: no current row), when open.
    ///
    /// A bottom panel, not a side one: at 1366×768 the 台帳's columns A–S fill the width, so a side
    /// panel would push the name (A–C) or the values it explains (J–S) out of sight; below, the
    /// whole row stays in view above it (the 台帳 scrolls the current row into view).
    pub fn ui(&mut self, ui: &mut Ui, session: &Session, index: Option<usize>) -> PanelRequests {
        let mut asked = PanelRequests::default();
        if !self.open {
            self.shown = None;
            return asked;
        }
        egui::Panel::bottom("explain_panel")
            .resizable(true)
            .default_size(PANEL_HEIGHT)
            .min_size(120.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ui.heading("なぜこのリスク値か");
                    if ui.button("閉じる").clicked() {
                        self.open = false;
                    }
                });
                ui.separator();
                let Some(index) = index else {
                    self.shown = None;
                    ui.label("台帳の行を選ぶと、その行のリスク値がどう決まったかを示します。");
                    return;
                };
                let wb = session.workbook();
                let asset = wb.assets[index].id;
                let key = (session.revision(), index);
                if self.cached.as_ref().is_none_or(|c| c.key != key) {
                    let explanation = explain_asset(wb, session.assessment(), index);
                    self.cached = Some(Explained {
                        key,
                        lines: explanation.lines(wb),
                        offers: explanation.plan_offers(wb),
                    });
                }
                let mut scroll = egui::ScrollArea::vertical()
                    .id_salt("explain_scroll")
                    .auto_shrink([false, false]);
                if self.shown != Some(asset) {
                    scroll = scroll.vertical_scroll_offset(0.0);
                    self.shown = Some(asset);
                    asked.reveal_row = true;
                }
                let Some(c) = &self.cached else {
                    return;
                };
                scroll.show(ui, |ui| {
                    ui.set_max_width(TEXT_WIDTH.min(ui.available_width()));
                    show_lines(ui, &c.lines);
                    if !c.offers.is_empty() {
                        show_lines(
                            ui,
                            &[
                                Line::Heading("5. 対策計画に入れる".into()),
                                Line::Text(
                                    "上の対策は「計画に追加」で対策計画に入れ、担当者と期限を決めて進められます。"
                                        .into(),
                                ),
                            ],
                        );
                    }
                    for offer in &c.offers {
                        ui.horizontal(|ui| {
                            if let Some(edit) = plan_button(ui, wb, offer.measure, &offer.name) {
                                asked.add = Some(edit);
                            }
                            wrapped(ui, &offer.sentence, false);
                        });
                    }
                    ui.add_space(8.0);
                });
            });
        asked
    }
}
