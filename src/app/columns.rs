//! A table of fixed column widths laid out row by row, for a sheet of several blocks that must line
//! up as one table and whose rows may be followed by a line spanning every column (a group's
//! heading, a row's details). egui's `Grid` sizes each grid on its own and has no spanning cells;
//! egui_extras' `Table` needs each row's height before drawing it.

use eframe::egui::{self, Align, Layout, Ui};

/// The columns: each one's header and width.
pub struct Columns<'a> {
    columns: &'a [(&'a str, f32)],
}

impl<'a> Columns<'a> {
    pub const fn new(columns: &'a [(&'a str, f32)]) -> Self {
        Columns { columns }
    }

    /// The width of all columns with the gaps between them: what a spanning line fills.
    pub fn width(&self, ui: &Ui) -> f32 {
        let gaps = self.columns.len().saturating_sub(1) as f32 * ui.spacing().item_spacing.x;
        self.columns.iter().map(|(_, w)| w).sum::<f32>() + gaps
    }

    /// The bold headers in a row of their own.
    pub fn header(&self, ui: &mut Ui) {
        self.row(ui, |row| {
            for (header, _) in self.columns {
                row.cell(|ui| ui.label(egui::RichText::new(*header).strong()));
            }
        });
    }

    /// One row, its cells added left to right with `Row::cell`. Every cell starts on the row's
    /// first line; the row is as tall as its tallest cell.
    pub fn row<R>(&self, ui: &mut Ui, add_cells: impl FnOnce(&mut Row<'_, '_>) -> R) -> R {
        ui.horizontal_top(|ui| {
            add_cells(&mut Row {
                ui,
                columns: self.columns,
                next: 0,
            })
        })
        .inner
    }
}

/// The cells of one row being added.
pub struct Row<'a, 'u> {
    ui: &'u mut Ui,
    columns: &'a [(&'a str, f32)],
    next: usize,
}

impl Row<'_, '_> {
    /// The next cell: `add` draws in exactly the column's width, wrapping text at its edge.
    pub fn cell<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> R {
        let (_, width) = *self
            .columns
            .get(self.next)
            .expect("no more cells than columns");
        self.next += 1;
        let line = self.ui.spacing().interact_size.y;
        self.ui
            .allocate_ui_with_layout(
                egui::vec2(width, line),
                Layout::left_to_right(Align::Center),
                |ui| {
                    ui.set_width(width);
                    add(ui)
                },
            )
            .inner
    }
}
