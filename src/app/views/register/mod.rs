//! 情報資産管理台帳: the asset register as an editable, sortable, filterable table that is used like a
//! spreadsheet: a current cell and a range, moved with the keyboard, copied and pasted as Excel does.
//! Only visible rows are laid out, and the filtered/sorted row order is cached per revision, so the
//! view stays smooth with tens of thousands of assets.

mod keys;
pub mod selection;

use crate::app::views::explain::ExplainPanel;
use crate::app::widgets::{choice, date_picker, level_cell};
use crate::calc::risk::Unrated;
use crate::calc::{AssetRisk, RiskLevel};
use crate::domain::Edit;
use crate::domain::criteria::{self, Criteria};
use crate::domain::register::text_cells;
pub use crate::domain::register::{CellValue, Column};
use crate::domain::{Asset, AssetId, Medium, Rating, Workbook};
use crate::entry::block::{PastePlan, copy_text, plan_clear, plan_fill_down, plan_paste};
use crate::entry::{Problem, problems_message, tsv};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};
use keys::{EditKey, GridKey};
use selection::{Cell, Selection};
use std::cmp::Ordering;
use std::collections::HashMap;

/// View-only facts about a column: its width, its text field, its sort order.
impl Column {
    /// Initial widths chosen so that A–S fit a 1366-pixel screen.
    fn width(self) -> f32 {
        match self {
            Column::Name => 126.0,
            Column::Note => 90.0,
            Column::Medium => 112.0,
            Column::Registered => 96.0,
            Column::Category => 56.0,
            Column::Users | Column::Department => 64.0,
            Column::Risk => 76.0,
            Column::Retention => 50.0,
            Column::Personal | Column::Sensitive | Column::MyNumber => 36.0,
            Column::Confidentiality | Column::Integrity | Column::Availability => 44.0,
            _ => 40.0,
        }
    }

    fn compare(self, a: (&Asset, &AssetRisk), b: (&Asset, &AssetRisk)) -> Ordering {
        let rating = |x: Option<Rating>| x.map(|r| r.value());
        match self {
            Column::Medium => a.0.medium.cmp(&b.0.medium),
            Column::Personal => a.0.personal_info.cmp(&b.0.personal_info),
            Column::Sensitive => a.0.sensitive_info.cmp(&b.0.sensitive_info),
            Column::MyNumber => a.0.my_number.cmp(&b.0.my_number),
            Column::Confidentiality => {
                rating(a.0.confidentiality).cmp(&rating(b.0.confidentiality))
            }
            Column::Integrity => rating(a.0.integrity).cmp(&rating(b.0.integrity)),
            Column::Availability => rating(a.0.availability).cmp(&rating(b.0.availability)),
            Column::Importance => a.1.importance.cmp(&b.1.importance),
            Column::Registered => a.0.registered.cmp(&b.0.registered),
            Column::Threat => a.1.frequency().cmp(&b.1.frequency()),
            Column::Vulnerability => a.1.vulnerability().cmp(&b.1.vulnerability()),
            Column::Likelihood => a.1.likelihood().cmp(&b.1.likelihood()),
            Column::Risk => a.1.risk.cmp(&b.1.risk),
            text => text.text(a.0).cmp(&text.text(b.0)),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub text: String,
    pub medium: Option<Medium>,
    pub level: Option<RiskLevel>,
}

impl Filter {
    fn matches(&self, asset: &Asset, risk: &AssetRisk) -> bool {
        if self.medium.is_some() && asset.medium != self.medium {
            return false;
        }
        if self.level.is_some_and(|l| l != risk.level) {
            return false;
        }
        let needle = self.text.trim();
        needle.is_empty()
            || text_cells(asset)
                .iter()
                .any(|(_, field)| field.contains(needle))
    }
}

/// The rows to show, in the order to show them: indices into `Workbook::assets`.
pub fn visible_rows(
    workbook: &Workbook,
    risks: &[AssetRisk],
    filter: &Filter,
    sort: Sort,
) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..workbook.assets.len())
        .filter(|&i| filter.matches(&workbook.assets[i], &risks[i]))
        .collect();
    if let Some((column, ascending)) = sort {
        rows.sort_by(|&x, &y| {
            let order = column.compare(
                (&workbook.assets[x], &risks[x]),
                (&workbook.assets[y], &risks[y]),
            );
            if ascending { order } else { order.reverse() }
        });
    }
    rows
}

/// Sort column and direction (true: ascending).
pub type Sort = Option<(Column, bool)>;

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

/// Puts the caret of a text field at `position` (in characters) before it is drawn.
fn place_caret(ctx: &egui::Context, id: egui::Id, position: usize) {
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(
            egui::text::CCursor::new(position),
        )));
    state.store(ctx, id);
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
    /// Called by the app after an edit of this view was saved.
    pub fn on_inserted(&mut self, id: AssetId) {
        self.select_asset = Some(id);
    }

    /// Whether the focused text field is a current cell not being typed in, so the window's
    /// shortcuts (Ctrl+Z …) may act although a text field has the focus.
    pub fn text_cell_is_ready(&self) -> bool {
        self.text_focus.is_some_and(|f| f.mode == FocusMode::Ready)
    }

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

    /// Text typed into cells but not saved yet (a cell still has focus), as edits. The drafts are
    /// cleared; a cell that still has focus then shows the saved text and goes on from there.
    pub fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
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

    pub fn ui(&mut self, ui: &mut Ui, session: &Session) -> Vec<Edit> {
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
        self.toolbar(ui, workbook, &mut edits);
        ui.separator();
        self.delete_dialog(ui, workbook, &mut edits);
        self.notice_dialog(ui);
        if let Some(measure) = self.explain.ui(ui, session, self.current_index()) {
            edits.push(crate::app::views::plan::add(measure));
        }
        egui::ScrollArea::horizontal()
            .id_salt("register_h")
            .show(ui, |ui| self.table(ui, session, &mut edits));
        edits
    }

    fn toolbar(&mut self, ui: &mut Ui, workbook: &Workbook, edits: &mut Vec<Edit>) {
        ui.horizontal_wrapped(|ui| {
            let selected_index = self.current_index();
            if ui.button("＋ 行を追加").clicked() {
                let index = selected_index.map_or(workbook.assets.len(), |i| i + 1);
                edits.push(Edit::InsertAsset {
                    index,
                    asset: Asset {
                        registered: Some(chrono::Local::now().date_naive()),
                        ..Asset::named("新しい情報資産")
                    },
                });
            }
            let enabled = selected_index.is_some();
            if ui
                .add_enabled(enabled, egui::Button::new("複製"))
                .on_hover_text("選択した行の写しをすぐ下に追加します")
                .clicked()
                && let Some(i) = selected_index
            {
                let mut copy = workbook.assets[i].clone();
                copy.id = AssetId::default();
                edits.push(Edit::InsertAsset {
                    index: i + 1,
                    asset: copy,
                });
            }
            if ui
                .selectable_label(self.explain.open, "なぜこのリスク値か")
                .on_hover_text("選んだ行のリスク値がどう決まったか、何をすれば下がるかを右に示します（リスク値のセルのクリックでも開きます）")
                .clicked()
            {
                self.explain.open = !self.explain.open;
            }
            if ui
                .add_enabled(enabled, egui::Button::new("削除…"))
                .on_hover_text("選択した行を削除します（Shift+クリックで複数行を選べます）")
                .clicked()
            {
                self.confirm_delete = self.selected_assets(workbook);
            }
            ui.separator();
            let label = ui.label("検索:");
            ui.add(egui::TextEdit::singleline(&mut self.filter.text).desired_width(140.0))
                .labelled_by(label.id);
            let media: Vec<(Medium, String)> = Medium::ALL
                .iter()
                .map(|m| (*m, m.name().to_string()))
                .collect();
            ui.label("媒体:");
            if let (Some(m), _) = choice(
                ui,
                "filter_medium",
                "媒体で絞り込み",
                "すべて",
                self.filter.medium,
                &media,
                |m| m.name().to_string(),
                110.0,
            ) {
                self.filter.medium = m;
            }
            ui.label("リスク:");
            let levels: Vec<(RiskLevel, String)> = RiskLevel::ALL
                .iter()
                .map(|l| (*l, l.label().to_string()))
                .collect();
            if let (Some(l), _) = choice(
                ui,
                "filter_level",
                "リスクで絞り込み",
                "すべて",
                self.filter.level,
                &levels,
                |l| l.label().to_string(),
                90.0,
            ) {
                self.filter.level = l;
            }
            if self.filter != Filter::default() && ui.button("絞り込み解除").clicked() {
                self.filter = Filter::default();
            }
            ui.label(format!(
                "表示 {} 件 / 全 {} 件",
                self.rows.len(),
                workbook.assets.len()
            ));
        });
    }

    fn delete_dialog(&mut self, ui: &mut Ui, workbook: &Workbook, edits: &mut Vec<Edit>) {
        if self.confirm_delete.is_empty() {
            return;
        }
        let doomed: Vec<&Asset> = workbook
            .assets
            .iter()
            .filter(|a| self.confirm_delete.contains(&a.id))
            .collect();
        if doomed.is_empty() {
            self.confirm_delete.clear();
            return;
        }
        let question = match doomed.as_slice() {
            [asset] => format!(
                "「{}」（{}）を台帳から削除しますか？",
                asset.name,
                asset.medium.map_or("媒体未設定", |m| m.name())
            ),
            many => {
                let names: Vec<&str> = many.iter().take(5).map(|a| a.name.as_str()).collect();
                let more = if many.len() > 5 { " ほか" } else { "" };
                format!(
                    "選択した {} 行（{}{more}）を台帳から削除しますか？",
                    many.len(),
                    names.join("、")
                )
            }
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ui.ctx(), |ui| {
            ui.heading("行の削除");
            ui.label(format!(
                "{question}\n削除は「元に戻す」（Ctrl+Z）で取り消せます。"
            ));
            ui.horizontal(|ui| {
                if ui.button("削除する").clicked() {
                    let mut deletes: Vec<Edit> =
                        doomed.iter().map(|a| Edit::DeleteAsset(a.id)).collect();
                    edits.push(if deletes.len() == 1 {
                        deletes.remove(0)
                    } else {
                        Edit::Batch(deletes)
                    });
                    self.confirm_delete.clear();
                    self.selection.collapse();
                }
                if ui.button("キャンセル").clicked() {
                    self.confirm_delete.clear();
                }
            });
        });
        if modal.should_close() {
            self.confirm_delete.clear();
        }
    }

    fn notice_dialog(&mut self, ui: &mut Ui) {
        let Some((title, text)) = &self.notice else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("register_notice")).show(ui.ctx(), |ui| {
            ui.set_max_width(560.0);
            ui.heading(title.as_str());
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    ui.add(egui::Label::new(text.as_str()).wrap());
                });
            close = ui.button("OK").clicked();
        });
        if close || modal.should_close() {
            self.notice = None;
        }
    }

    /// Makes `cell` current; a text cell's field gets the keyboard, ready to be typed over.
    fn move_to(&mut self, ctx: &egui::Context, workbook: &Workbook, cell: Cell, extend: bool) {
        self.selection.set(cell, extend);
        self.focus_cursor(ctx, workbook);
    }

    /// Gives the keyboard to the current cell's text field, or takes it from the text field that had
    /// it when the current cell is not text.
    fn focus_cursor(&mut self, ctx: &egui::Context, workbook: &Workbook) {
        self.scroll_to_cursor = true;
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

    /// The keyboard, before the table is drawn (so the keys it uses reach no cell).
    fn keyboard(&mut self, ctx: &egui::Context, session: &Session, edits: &mut Vec<Edit>) {
        let workbook = session.workbook();
        keys::one_step_per_frame(ctx, &mut self.deferred);
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
            None if ctx.egui_wants_keyboard_input() || egui::Popup::is_any_open(ctx) => return,
            None => {}
        }
        if self.selection.cursor().is_none() {
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

    fn grid_key(
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
                    self.paste_rows(workbook, cursor, vec![vec![value]], "入力", edits);
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
                    self.paste_rows(workbook, cursor, rows, "貼り付け", edits);
                }
            }
            GridKey::FillDown => {
                let Some((rows_range, cols)) = self.selection.range() else {
                    return;
                };
                let targets = self.targets(workbook, rows_range.start, rows_range.len());
                let plan = plan_fill_down(workbook, &targets, cols.start, cols.len());
                self.take_plan(plan, "下へコピー", edits);
            }
        }
    }

    /// The assets of `count` shown rows from `first` on.
    fn targets(&self, workbook: &Workbook, first: usize, count: usize) -> Vec<AssetId> {
        self.rows
            .iter()
            .skip(first)
            .take(count)
            .map(|&i| workbook.assets[i].id)
            .collect()
    }

    fn clear(&mut self, workbook: &Workbook, edits: &mut Vec<Edit>) {
        let Some((rows_range, cols)) = self.selection.range() else {
            return;
        };
        let targets = self.targets(workbook, rows_range.start, rows_range.len());
        let plan = plan_clear(workbook, &targets, cols.start, cols.len());
        self.take_plan(plan, "削除", edits);
    }

    fn paste_rows(
        &mut self,
        workbook: &Workbook,
        at: Cell,
        rows: Vec<Vec<String>>,
        what: &str,
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
    fn take_plan(
        &mut self,
        plan: Result<PastePlan, Vec<Problem>>,
        what: &str,
        edits: &mut Vec<Edit>,
    ) {
        match plan {
            Err(problems) => {
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
                if !lines.is_empty() {
                    let head = format!(
                        "{} 行を変更、{} 行を追加しました（元に戻す: Ctrl+Z）。",
                        plan.changed_rows, plan.new_rows
                    );
                    self.notice = Some((
                        format!("{what}の確認"),
                        format!("{head}\n{}", lines.join("\n")),
                    ));
                }
                edits.extend(plan.into_edit());
            }
        }
    }

    fn table(&mut self, ui: &mut Ui, session: &Session, edits: &mut Vec<Edit>) {
        let workbook = session.workbook();
        let risks = &session.assessment().assets;
        let row_height = ui
            .text_style_height(&egui::TextStyle::Body)
            .max(ui.spacing().interact_size.y)
            + 6.0;
        let header_height = ui.text_style_height(&egui::TextStyle::Body) * 3.0 + 6.0;
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
                    self.text_focus = None;
                }
            }
            None => {}
        }
    }

    /// The range's tint and the current cell's frame; brings the current cell into view when asked.
    fn paint_selection(&self, ui: &mut Ui, here: Cell, rect: egui::Rect, scroll: bool) {
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

    fn header_cell(&mut self, ui: &mut Ui, column: Column) {
        let arrow = match self.sort {
            Some((c, true)) if c == column => " ▲",
            Some((c, false)) if c == column => " ▼",
            _ => "",
        };
        let text = format!("{}\n{}{}", column.letter(), column.header(), arrow);
        let response = ui
            .add(
                egui::Button::new(RichText::new(text).strong())
                    .frame(false)
                    .wrap(),
            )
            .on_hover_text(format!(
                "{}\nクリックで並べ替え（もう一度で逆順、3 回目で元の順）",
                column.header()
            ));
        if response.clicked() {
            self.sort = match self.sort {
                Some((c, true)) if c == column => Some((column, false)),
                Some((c, false)) if c == column => None,
                _ => Some((column, true)),
            };
        }
    }

    /// Draws one cell; returns the edit if the user changed the value.
    fn cell(
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
                let response = ui.add(
                    egui::TextEdit::singleline(&mut text)
                        .id(id)
                        // Tab, arrows and Esc are the table's (keys.rs), not egui's focus moves.
                        .event_filter(egui::EventFilter {
                            tab: true,
                            horizontal_arrows: true,
                            vertical_arrows: true,
                            escape: true,
                        })
                        .desired_width(f32::INFINITY)
                        .frame(egui::Frame::NONE),
                );
                let response = response.accessible_name(&name);
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
            Column::Registered => date_picker(
                ui,
                ui.make_persistent_id(("date", asset.id)),
                &name,
                asset.registered,
            )
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

    fn computed_cell(&self, ui: &mut Ui, workbook: &Workbook, risk: &AssetRisk, column: Column) {
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
                    "{}{}\n脅威: {threat_name}",
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
                    format!("{r}{}: {}", risk.level.label(), risk.level.action()),
                ),
                None => ("未算定".into(), unrated_reason(risk, workbook)),
            },
        };
        level_cell(ui, &text, risk.level, ui.available_width()).on_hover_text(hover);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::assess;
    use crate::domain::Catalogue;
    use crate::sample::sample_workbook;

    #[test]
    fn sorting_by_risk_puts_the_highest_first_and_filters_combine() {
        let wb = sample_workbook(Catalogue::builtin());
        let risks = assess(&wb).assets;
        let rows = visible_rows(&wb, &risks, &Filter::default(), Some((Column::Risk, false)));
        assert_eq!(rows.len(), 32);
        let values: Vec<_> = rows.iter().map(|&i| risks[i].risk).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        assert_eq!(values[0], Some(4));
        assert_eq!(values[31], Some(0));

        let rows = visible_rows(&wb, &risks, &Filter::default(), Some((Column::Name, true)));
        let names: Vec<&str> = rows.iter().map(|&i| wb.assets[i].name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);

        let filter = Filter {
            text: "電子メール".into(),
            medium: Some(Medium::Cloud),
            level: Some(RiskLevel::High),
        };
        let rows = visible_rows(&wb, &risks, &filter, None);
        assert_eq!(rows, vec![6], "電子メールデータ on クラウド, row 7");
        assert_eq!(Column::Risk.letter(), 'S');
        assert_eq!(Column::Medium.letter(), 'F');
    }
}
