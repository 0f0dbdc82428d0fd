//! The 台帳's keyboard as a spreadsheet's: moving the current cell and the range, typing over or F2,
//! and the block commands (copy, cut, paste, fill down, clear), each turned into one undoable edit.

use super::keys::{self, EditKey, GridKey};
use super::selection::Cell;
use super::{FocusMode, RegisterView, TextFocus, cell_id, date_id, grid_focus};
use crate::app::widgets::{open_date_picker, place_caret};
use crate::domain::register::{CellValue, Column};
use crate::domain::{AssetId, Edit, Workbook};
use crate::entry::block::{PastePlan, copy_text, plan_clear, plan_fill_down, plan_paste};
use crate::entry::{Problem, problems_message, tsv};
use crate::operations::Session;
use eframe::egui;

impl RegisterView {
    /// The keyboard, before the table is drawn (so the keys it uses reach no cell).
    pub(super) fn keyboard(
        &mut self,
        ctx: &egui::Context,
        session: &Session,
        edits: &mut Vec<Edit>,
    ) {
        let workbook = session.workbook();
        // A message of the window is in front: Enter and the other keys are its.
        if ctx.memory(|m| m.top_modal_layer().is_some()) {
            return;
        }
        keys::one_step_per_frame(ctx, &mut self.deferred);
        // Nothing has the keyboard (a dialog or a dropdown just closed, a click outside any field):
        // it comes back to the current cell, as in Excel.
        let unfocused = ctx.memory(|m| m.focused().is_none());
        if unfocused && !egui::Popup::is_any_open(ctx) {
            self.take_keyboard(ctx, workbook);
        }
        if let Some(f) = self.text_focus
            && !ctx.memory(|m| m.has_focus(cell_id(f.asset, f.column)))
        {
            self.text_focus = None;
        }
        match self.text_focus {
            Some(f) if f.mode != FocusMode::Ready => {
                let key = keys::edit_keys(ctx, f.mode == FocusMode::TypedOver);
                if key.is_some() {
                    ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
                }
                match key {
                    Some(EditKey::Leave(down, right)) => {
                        edits.extend(self.commit_draft(workbook, f.asset, f.column));
                        self.selection.move_by(self.rows.len(), down, right, false);
                        self.focus_cursor(ctx, workbook);
                    }
                    Some(EditKey::Step(forward)) => {
                        edits.extend(self.commit_draft(workbook, f.asset, f.column));
                        self.selection.step(self.rows.len(), forward);
                        self.focus_cursor(ctx, workbook);
                    }
                    Some(EditKey::Cancel) => {
                        self.drafts.remove(&(f.asset, f.column));
                        self.text_focus = Some(TextFocus {
                            mode: FocusMode::Ready,
                            ..f
                        });
                    }
                    None => {}
                }
                return;
            }
            Some(_) => {}
            // Another field (the search box) or a dropdown has the keyboard.
            None if ctx.memory(|m| m.focused().is_some_and(|id| id != grid_focus()))
                || egui::Popup::is_any_open(ctx) =>
            {
                return;
            }
            None => {}
        }
        if self.selection.cursor().is_none() {
            if workbook.assets.is_empty() {
                self.paste_into_empty(ctx, workbook, edits);
            }
            return;
        }
        let keys = keys::grid_keys(ctx, self.text_focus.is_some());
        if !keys.is_empty() {
            // egui read the arrows and Tab as focus moves before the table took them.
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
        for key in keys {
            self.grid_key(key, ctx, session, edits);
        }
    }

    /// Ctrl+V into the empty 台帳, which has no cell to paste at yet: the block goes in from A1, as
    /// the empty 台帳's hint says (`empty::hint`).
    fn paste_into_empty(
        &mut self,
        ctx: &egui::Context,
        workbook: &Workbook,
        edits: &mut Vec<Edit>,
    ) {
        let pasted = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) => Some(text.clone()),
                _ => None,
            })
        });
        let rows = pasted.map(|text| tsv::parse(&text)).unwrap_or_default();
        if !rows.is_empty() {
            self.paste_rows(workbook, Cell { row: 0, col: 0 }, rows, Block::Paste, edits);
        }
    }

    pub(super) fn grid_key(
        &mut self,
        key: GridKey,
        ctx: &egui::Context,
        session: &Session,
        edits: &mut Vec<Edit>,
    ) {
        let workbook = session.workbook();
        let rows = self.rows.len();
        let Some(cursor) = self.selection.cursor() else {
            return;
        };
        let column = Column::ALL[cursor.col];
        match key {
            GridKey::Move(down, right, extend) => {
                self.selection.move_by(rows, down, right, extend);
                self.focus_cursor(ctx, workbook);
            }
            GridKey::Step(forward) => {
                self.selection.step(rows, forward);
                self.focus_cursor(ctx, workbook);
            }
            GridKey::RowEdge(end, extend) => {
                let col = if end { Column::ALL.len() - 1 } else { 0 };
                self.move_to(
                    ctx,
                    workbook,
                    Cell {
                        row: cursor.row,
                        col,
                    },
                    extend,
                );
            }
            GridKey::ColumnEdge(last, extend) => {
                let row = if last { rows.saturating_sub(1) } else { 0 };
                self.move_to(
                    ctx,
                    workbook,
                    Cell {
                        row,
                        col: cursor.col,
                    },
                    extend,
                );
            }
            GridKey::SelectAll => self.selection.select_all(rows),
            GridKey::Collapse => self.selection.collapse(),
            GridKey::Edit => {
                if let Some(f) = self.text_focus.as_mut() {
                    f.mode = FocusMode::Editing;
                    let id = cell_id(f.asset, f.column);
                    let length = self
                        .current_index()
                        .and_then(|i| column.text(&workbook.assets[i]))
                        .map_or(0, |t| t.chars().count());
                    place_caret(ctx, id, length);
                }
            }
            GridKey::Begin => {
                if let Some(f) = self.text_focus.as_mut() {
                    f.mode = FocusMode::TypedOver;
                    self.drafts.insert((f.asset, f.column), String::new());
                    place_caret(ctx, cell_id(f.asset, f.column), 0);
                }
            }
            GridKey::Type(text) if column == Column::Registered => {
                if let Some(index) = self.current_index() {
                    open_date_picker(ctx, date_id(workbook.assets[index].id), text);
                }
            }
            GridKey::Type(text) => {
                // A rating, a flag or a medium typed on its cell, as pasting that one value.
                let value = if column.is_input() && text == " " {
                    match self
                        .current_index()
                        .and_then(|i| CellValue::of(&workbook.assets[i], column))
                    {
                        Some(CellValue::Flag(_, on)) => if on { "" } else { "有" }.to_string(),
                        _ => return,
                    }
                } else {
                    text
                };
                if column.is_input() {
                    self.paste_rows(workbook, cursor, vec![vec![value]], Block::Type, edits);
                }
            }
            GridKey::Copy | GridKey::Cut => {
                let Some((rows_range, cols)) = self.selection.range() else {
                    return;
                };
                let indices: Vec<usize> = rows_range
                    .filter_map(|r| self.rows.get(r).copied())
                    .collect();
                let columns: Vec<Column> = Column::ALL[cols].to_vec();
                ctx.copy_text(copy_text(
                    workbook,
                    &session.assessment().assets,
                    &indices,
                    &columns,
                ));
                if key == GridKey::Cut {
                    self.clear(workbook, edits);
                }
            }
            GridKey::Clear => self.clear(workbook, edits),
            GridKey::Paste(text) => {
                let rows = tsv::parse(&text);
                if !rows.is_empty() {
                    self.paste_rows(workbook, cursor, rows, Block::Paste, edits);
                }
            }
            GridKey::FillDown => {
                let Some((rows_range, cols)) = self.selection.range() else {
                    return;
                };
                let targets = self.targets(workbook, rows_range.start, rows_range.len());
                let plan = plan_fill_down(workbook, &targets, cols.start, cols.len());
                self.take_plan(plan, Block::FillDown, edits);
            }
        }
    }

    /// The assets of `count` shown rows from `first` on.
    pub(super) fn targets(&self, workbook: &Workbook, first: usize, count: usize) -> Vec<AssetId> {
        self.rows
            .iter()
            .skip(first)
            .take(count)
            .map(|&i| workbook.assets[i].id)
            .collect()
    }

    pub(super) fn clear(&mut self, workbook: &Workbook, edits: &mut Vec<Edit>) {
        let Some((rows_range, cols)) = self.selection.range() else {
            return;
        };
        let targets = self.targets(workbook, rows_range.start, rows_range.len());
        let plan = plan_clear(workbook, &targets, cols.start, cols.len());
        self.take_plan(plan, Block::Clear, edits);
    }

    pub(super) fn paste_rows(
        &mut self,
        workbook: &Workbook,
        at: Cell,
        rows: Vec<Vec<String>>,
        what: Block,
        edits: &mut Vec<Edit>,
    ) {
        let targets = self.targets(workbook, at.row, rows.len());
        let plan = plan_paste(workbook, &targets, at.col, &rows);
        if let Ok(plan) = &plan {
            // The pasted block becomes the selection, as in Excel.
            let width = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = rows.len().min(targets.len() + plan.new_rows).max(1);
            self.selection.set(at, false);
            self.selection.set(
                Cell {
                    row: (at.row + height - 1).min(self.rows.len() + plan.new_rows - 1),
                    col: (at.col + width - 1).min(Column::ALL.len() - 1),
                },
                true,
            );
            self.selection.set(at, true);
        }
        self.take_plan(plan, what, edits);
    }

    /// Hands a validated plan to the session as one undoable edit, and says what the user should
    /// know: what was read as something else, what was left out; or, refused, every wrong value.
    /// One typed value read as another (「２」 as 2) is said in the status bar, not in a message.
    pub(super) fn take_plan(
        &mut self,
        plan: Result<PastePlan, Vec<Problem>>,
        what: Block,
        edits: &mut Vec<Edit>,
    ) {
        let (quiet, what) = (what == Block::Type, what.label());
        match plan {
            Err(problems) => {
                self.status_note = Some(String::new());
                self.notice = Some((
                    format!("{what}できませんでした"),
                    format!(
                        "次の値は入れられないため、何も変更していません。\n{}",
                        problems_message(&problems)
                    ),
                ));
            }
            Ok(plan) => {
                let mut lines: Vec<String> = plan.notes.iter().map(|n| format!("・{n}")).collect();
                lines.extend(plan.ignored.iter().map(|i| format!("・{i}")));
                if quiet && plan.ignored.is_empty() {
                    self.status_note = plan.notes.first().map(ToString::to_string);
                } else if !lines.is_empty() {
                    self.notice = Some((
                        format!("{what}の確認"),
                        format!("{}\n{}", rows_done(&plan), lines.join("\n")),
                    ));
                }
                edits.extend(plan.into_edit());
            }
        }
    }
}

/// What a block edit was, for its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Block {
    /// One value typed on a cell that is not text.
    Type,
    Paste,
    FillDown,
    Clear,
}

impl Block {
    fn label(self) -> &'static str {
        match self {
            Block::Type => "入力",
            Block::Paste => "貼り付け",
            Block::FillDown => "下へコピー",
            Block::Clear => "削除",
        }
    }
}

/// 「3 行を変更し、2 行を追加しました」, naming only what happened.
fn rows_done(plan: &PastePlan) -> String {
    let done = match (plan.changed_rows, plan.new_rows) {
        (changed, 0) => format!("{changed} 行を変更しました"),
        (0, added) => format!("{added} 行を追加しました"),
        (changed, added) => format!("{changed} 行を変更し、{added} 行を追加しました"),
    };
    format!("{done}（元に戻す：Ctrl+Z）。")
}
