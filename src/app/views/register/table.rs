//! The 台帳 grid: the header row (click to sort), the rows in view, the current cell and the range,
//! and what a click selects.

use super::selection::Cell;
use super::{FocusMode, RegisterView, TextFocus, cell_id, grid_focus};
use crate::domain::Edit;
use crate::domain::register::Column;
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

impl RegisterView {
    pub(super) fn table(&mut self, ui: &mut Ui, session: &Session, edits: &mut Vec<Edit>) {
        let workbook = session.workbook();
        let risks = &session.assessment().assets;
        let row_height = ui
            .text_style_height(&egui::TextStyle::Body)
            .max(ui.spacing().interact_size.y)
            + 6.0;
        // The letter and up to three lines of `Column::grid_header`.
        let header_height = ui.text_style_height(&egui::TextStyle::Body) * 4.0 + 6.0;
        let shift = ui.input(|i| i.modifiers.shift);
        let pressed = ui.input(|i| i.pointer.primary_pressed());
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
        let scroll = std::mem::take(&mut self.scroll_to_cursor);
        if scroll && let Some(cursor) = self.selection.cursor() {
            table = table.scroll_to_row(cursor.row, None);
        }
        let mut clicked: Option<(Cell, bool)> = None;
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
                    let shown_row = row.index();
                    let index = self.rows[shown_row];
                    let asset = &workbook.assets[index];
                    let risk = &risks[index];
                    // Rows are highlighted when selected whole (from their numbers); a range of
                    // cells is tinted cell by cell.
                    let in_range = self.selection.range().is_some_and(|(rows, cols)| {
                        rows.contains(&shown_row) && cols.len() == Column::ALL.len()
                    });
                    row.set_selected(in_range);
                    row.col(|ui| {
                        if ui
                            .selectable_label(in_range, (index + 1).to_string())
                            .accessible_name(format!("{}行目を選択", index + 1))
                            .on_hover_text("クリックで行を選択（Shift+クリックで範囲）")
                            .clicked()
                        {
                            clicked = Some((
                                Cell {
                                    row: shown_row,
                                    col: usize::MAX,
                                },
                                shift,
                            ));
                        }
                    });
                    for (col, column) in Column::ALL.into_iter().enumerate() {
                        row.col(|ui| {
                            let here = Cell {
                                row: shown_row,
                                col,
                            };
                            if let Some(edit) = self.cell(ui, workbook, index, asset, risk, column)
                            {
                                edits.push(edit);
                            }
                            // A text cell that got the keyboard another way (Tab, a screen reader).
                            if column.is_text()
                                && ui.memory(|m| m.has_focus(cell_id(asset.id, column)))
                                && self
                                    .text_focus
                                    .is_none_or(|f| (f.asset, f.column) != (asset.id, column))
                            {
                                self.text_focus = Some(TextFocus {
                                    asset: asset.id,
                                    column,
                                    mode: FocusMode::Ready,
                                });
                                if !pressed {
                                    self.selection.set(here, false);
                                }
                            }
                            let rect = ui.max_rect();
                            if pressed && ui.rect_contains_pointer(rect) {
                                clicked = Some((here, shift));
                            }
                            self.paint_selection(ui, here, rect, scroll);
                        });
                    }
                });
            });
        match clicked {
            Some((cell, extend)) if cell.col == usize::MAX => {
                self.selection.select_rows(cell.row, extend);
            }
            Some((cell, extend)) => {
                self.selection.set(cell, extend);
                let column = Column::ALL[cell.col];
                if column == Column::Risk {
                    self.explain.open = true;
                }
                // A click into a text cell gives its field the keyboard itself.
                if let (true, Some(&index)) = (column.is_text(), self.rows.get(cell.row)) {
                    let asset = workbook.assets[index].id;
                    if self
                        .text_focus
                        .is_none_or(|f| (f.asset, f.column) != (asset, column))
                    {
                        self.text_focus = Some(TextFocus {
                            asset,
                            column,
                            mode: FocusMode::Ready,
                        });
                    }
                } else {
                    // egui gave the clicked checkbox, dropdown or date button the keyboard; Tab
                    // and the arrows are the grid's.
                    self.text_focus = None;
                    ui.memory_mut(|m| m.request_focus(grid_focus()));
                }
            }
            None => {}
        }
    }

    /// The range's tint and the current cell's frame; brings the current cell into view when asked.
    pub(super) fn paint_selection(&self, ui: &mut Ui, here: Cell, rect: egui::Rect, scroll: bool) {
        let is_cursor = self.selection.cursor() == Some(here);
        let visuals = &ui.visuals().selection;
        if is_cursor {
            ui.painter().rect_stroke(
                rect.shrink(1.0),
                0.0,
                egui::Stroke::new(2.0, visuals.stroke.color),
                egui::StrokeKind::Inside,
            );
            if scroll {
                ui.scroll_to_rect(rect, None);
            }
        } else if self.selection.contains(here)
            && self
                .selection
                .range()
                .is_some_and(|(r, c)| r.len() * c.len() > 1)
        {
            ui.painter()
                .rect_filled(rect, 0.0, visuals.bg_fill.gamma_multiply(0.5));
        }
    }

    pub(super) fn header_cell(&mut self, ui: &mut Ui, column: Column) {
        let arrow = match self.sort {
            Some((c, true)) if c == column => " ▲",
            Some((c, false)) if c == column => " ▼",
            _ => "",
        };
        let text = format!("{}{}\n{}", column.letter(), arrow, column.grid_header());
        let response = ui
            .add(
                egui::Button::new(RichText::new(text).strong())
                    .frame(false)
                    .wrap(),
            )
            .on_hover_text(format!(
                "{}\nクリックで並べ替え（もう一度で逆順、3 回目で元の順）",
                column.header_hover()
            ));
        if response.clicked() {
            self.sort = match self.sort {
                Some((c, true)) if c == column => Some((column, false)),
                Some((c, false)) if c == column => None,
                _ => Some((column, true)),
            };
        }
    }
}
