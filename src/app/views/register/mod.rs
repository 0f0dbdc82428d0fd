//! 情報資産管理台帳: the asset register as an editable, sortable, filterable table that is used like a
//! spreadsheet: a current cell and a range, moved with the keyboard, copied and pasted as Excel does.
//! Only visible rows are laid out, and the filtered/sorted row order is cached per revision, so the
//! view stays smooth with tens of thousands of assets.

mod cells;
mod editing;
mod empty;
mod keys;
mod rows;
pub mod selection;
mod table;
mod toolbar;

use crate::app::views::explain::ExplainPanel;
use crate::domain::Edit;
pub use crate::domain::register::{CellValue, Column};
use crate::domain::{AssetId, Workbook};
use crate::operations::Session;
use eframe::egui::{self, Ui};
pub use rows::{Filter, Sort, visible_rows};
use selection::{Cell, Selection};
use std::collections::HashMap;

#[derive(Default)]
pub struct RegisterView {
    pub filter: Filter,
    pub sort: Sort,
    rows: Vec<usize>,
    /// (revision, filter, sort) the cached `rows` were built for.
    cache_key: Option<(u64, Filter, Sort)>,
    /// Text being typed into a cell, saved when the cell loses focus.
    drafts: HashMap<(AssetId, Column), String>,
    selection: Selection,
    /// The text cell whose field has the keyboard, and how it got it.
    text_focus: Option<TextFocus>,
    /// Bring the current cell into view on the next frame.
    scroll_to_cursor: bool,
    /// An inserted asset to make current once the rows are rebuilt.
    select_asset: Option<AssetId>,
    /// Rows waiting for the user's 「削除する」.
    confirm_delete: Vec<AssetId>,
    /// A message about the last paste, fill or clear (what was read as what, what was refused).
    notice: Option<(String, String)>,
    /// What the last typed value was read as, for the status bar.
    status_note: Option<String>,
    /// Keys typed ahead, for the next frame (`keys::one_step_per_frame`).
    deferred: Vec<egui::Event>,
    /// 「なぜこのリスク値か」 for the current row.
    explain: ExplainPanel,
}

/// A text cell with the keyboard focus. `Ready`: the cell is current and typing replaces its text,
/// arrows move to other cells (Excel's 入力 mode starts with the first key). `TypedOver`: typing has
/// begun; arrows still leave the cell. `Editing`: F2 or a double click; arrows move the caret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextFocus {
    asset: AssetId,
    column: Column,
    mode: FocusMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FocusMode {
    Ready,
    TypedOver,
    Editing,
}

/// The id of a text cell's field, stable across frames so that focus can be given to it.
fn cell_id(asset: AssetId, column: Column) -> egui::Id {
    egui::Id::unique(("register_cell", asset, column))
}

/// The keyboard focus of the grid while the current cell is not text. egui moves the focus on Tab
/// to the next widget, or with nothing focused to the first one (the ファイル menu); a focused grid
/// keeps Tab and the arrows for the table (keys.rs).
fn grid_focus() -> egui::Id {
    egui::Id::unique("register_grid_focus")
}

/// Keeps `grid_focus` alive (egui drops the focus of a widget not shown in a frame) and tells egui
/// that it handles Tab, the arrows and Esc itself. Drawn after the keyboard was read, so that a Tab
/// the grid took never moves egui's focus.
fn hold_grid_keyboard(ui: &mut Ui) {
    let rect = egui::Rect::from_min_size(ui.max_rect().min, egui::Vec2::splat(1.0));
    ui.interact(rect, grid_focus(), egui::Sense::FOCUSABLE)
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Grid, true, "台帳の表"));
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            grid_focus(),
            egui::EventFilter {
                tab: true,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            },
        )
    });
}

/// The id of a 登録日 cell's date button, so that typing on the cell can open its calendar.
fn date_id(asset: AssetId) -> egui::Id {
    egui::Id::unique(("register_date", asset))
}

impl RegisterView {
    /// The index in `Workbook::assets` of the current row.
    fn current_index(&self) -> Option<usize> {
        self.selection
            .cursor()
            .and_then(|c| self.rows.get(c.row).copied())
    }

    /// The assets of the selected rows, top to bottom as shown.
    fn selected_assets(&self, workbook: &Workbook) -> Vec<AssetId> {
        self.selection
            .range()
            .map(|(rows, _)| {
                rows.filter_map(|r| self.rows.get(r))
                    .map(|&i| workbook.assets[i].id)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Text typed into cells but not saved yet, as edits. A cell that still has focus then shows
    /// the saved text and goes on from there.
    fn drafts_as_edits(&mut self, workbook: &Workbook) -> Vec<Edit> {
        let mut cells: Vec<(AssetId, Column)> = self.drafts.keys().copied().collect();
        cells.sort_by_key(|(id, column)| (*id, column.index()));
        cells
            .into_iter()
            .filter_map(|(id, column)| self.commit_draft(workbook, id, column))
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

    fn show(&mut self, ui: &mut Ui, session: &Session) -> Vec<Edit> {
        let mut edits = Vec::new();
        self.refresh(session);
        let workbook = session.workbook();
        self.selection.clamp(self.rows.len());
        if let Some(id) = self.select_asset.take()
            && let Some(row) = self.rows.iter().position(|&i| workbook.assets[i].id == id)
        {
            self.move_to(ui.ctx(), workbook, Cell { row, col: 1 }, false);
        }
        if self.confirm_delete.is_empty() && self.notice.is_none() {
            self.keyboard(ui.ctx(), session, &mut edits);
        }
        hold_grid_keyboard(ui);
        self.toolbar(ui, workbook, &mut edits);
        ui.separator();
        self.delete_dialog(ui, workbook, &mut edits);
        self.notice_dialog(ui);
        let asked = self.explain.ui(ui, session, self.current_index());
        edits.extend(asked.add);
        if asked.reveal_row {
            // The table scrolls on the frame after it is asked: draw that frame now.
            self.scroll_to_cursor = true;
            ui.ctx().request_repaint();
        }
        if workbook.assets.is_empty() {
            empty::hint(ui);
        }
        egui::ScrollArea::horizontal()
            .id_salt("register_h")
            .show(ui, |ui| self.table(ui, session, &mut edits));
        edits
    }

    /// Makes `cell` current; a text cell's field gets the keyboard, ready to be typed over.
    fn move_to(&mut self, ctx: &egui::Context, workbook: &Workbook, cell: Cell, extend: bool) {
        self.selection.set(cell, extend);
        self.focus_cursor(ctx, workbook);
    }

    /// Brings the current cell into view and gives it the keyboard (`take_keyboard`).
    fn focus_cursor(&mut self, ctx: &egui::Context, workbook: &Workbook) {
        self.scroll_to_cursor = true;
        self.take_keyboard(ctx, workbook);
    }

    /// Gives the keyboard to the current cell: its text field, or for a dropdown, a flag or a date
    /// the grid itself (`grid_focus`), so that Tab and the arrows stay in the table.
    fn take_keyboard(&mut self, ctx: &egui::Context, workbook: &Workbook) {
        if let Some(f) = self.text_focus.take() {
            ctx.memory_mut(|m| m.surrender_focus(cell_id(f.asset, f.column)));
        }
        let Some(cursor) = self.selection.cursor() else {
            return;
        };
        let column = Column::ALL[cursor.col];
        if let (true, Some(&index)) = (column.is_text(), self.rows.get(cursor.row)) {
            let asset = workbook.assets[index].id;
            ctx.memory_mut(|m| m.request_focus(cell_id(asset, column)));
            self.text_focus = Some(TextFocus {
                asset,
                column,
                mode: FocusMode::Ready,
            });
        } else {
            ctx.memory_mut(|m| m.request_focus(grid_focus()));
        }
    }

    /// Saves the text typed into a cell, if it differs from what is saved.
    fn commit_draft(
        &mut self,
        workbook: &Workbook,
        asset: AssetId,
        column: Column,
    ) -> Option<Edit> {
        let draft = self.drafts.remove(&(asset, column))?;
        let saved = workbook.assets.iter().find(|a| a.id == asset)?;
        (column.text(saved) != Some(draft.as_str()))
            .then(|| Edit::SetCells(asset, vec![CellValue::Text(column, draft)]))
    }
}

impl super::View for RegisterView {
    fn sheet(&self) -> super::Sheet {
        super::Sheet::Register
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> super::Requests {
        super::Requests {
            edits: self.show(ui, session),
            note: self.status_note.take(),
            ..super::Requests::default()
        }
    }

    fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        self.drafts_as_edits(workbook)
    }

    fn on_inserted(&mut self, id: AssetId) {
        self.select_asset = Some(id);
    }

    /// A current cell not being typed in yet.
    fn lets_shortcuts_act(&self, ctx: &egui::Context) -> bool {
        self.text_focus.is_some_and(|f| f.mode == FocusMode::Ready)
            || ctx.memory(|m| m.has_focus(grid_focus()))
    }
}
