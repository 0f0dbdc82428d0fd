//! 「ほかの表から台帳へ取り込む」: a list in the company's own layout, shown as riskbook reads it —
//! sheet, header row, each column's 台帳 column, words mapped to the dropdown words, the rating scale
//! — with a preview and the same messages as a paste, before anything is saved.

use crate::app::widgets::{choice, header_row, pick};
use crate::domain::Edit;
use crate::domain::register::Column;
use crate::domain::{AssetId, Medium};
use crate::entry::list::{
    Layout, ListRead, Source, ValueRule, column_letter, header_texts, read_list, suggest_layout,
    unreadable_values, with_header_row,
};
use crate::entry::{Problem, RatingScale, problems_message};
use eframe::egui::{self, RichText, Ui};

/// What the dialog asks of the app.
pub enum ListAction {
    /// Save this edit (after a backup), say `message` and list the values read as others.
    Apply {
        edit: Box<Edit>,
        message: String,
        conversions: Vec<String>,
    },
    Cancel,
}

pub struct ListImportView {
    source: Source,
    table: usize,
    layout: Layout,
    replace: bool,
    /// The reading of the current layout, rebuilt when the layout changes.
    read: Result<ListRead, Vec<Problem>>,
    unreadable: Vec<(Column, String, usize)>,
}

/// Words the dropdowns of a column offer, for mapping a list's own words to them.
fn words_for(column: Column) -> Vec<String> {
    match column {
        Column::Medium => Medium::ALL.iter().map(|m| m.name().to_string()).collect(),
        Column::Confidentiality | Column::Integrity | Column::Availability => {
            ["0", "1", "2"].map(String::from).to_vec()
        }
        Column::Personal | Column::Sensitive | Column::MyNumber => {
            vec!["有".to_string(), String::new()]
        }
        _ => Vec::new(),
    }
}

impl ListImportView {
    pub fn new(source: Source) -> Self {
        let table = crate::entry::list::choose_table(&source, None).unwrap_or(0);
        let layout = suggest_layout(&source.tables[table]);
        let mut view = ListImportView {
            source,
            table,
            layout,
            replace: false,
            read: Ok(ListRead::default()),
            unreadable: Vec::new(),
        };
        view.reread();
        view
    }

    fn reread(&mut self) {
        let table = &self.source.tables[self.table];
        self.read = read_list(table, &self.layout);
        self.unreadable = unreadable_values(table, &self.layout);
    }

    pub fn ui(&mut self, ctx: &egui::Context, existing: &[AssetId]) -> Option<ListAction> {
        let mut action = None;
        let mut changed = false;
        let modal = egui::Modal::new(egui::Id::unique("list_import")).show(ctx, |ui| {
            ui.set_max_width(900.0);
            ui.heading("ほかの表から台帳へ取り込む");
            let mut line = format!("ファイル：{}", self.source.file_name);
            if let Some(encoding) = self.source.encoding {
                line.push_str(&format!("（文字コード {encoding}）"));
            }
            ui.label(line);
            changed |= self.sheet_and_header(ui);
            changed |= self.scale(ui);
            ui.separator();
            self.outcome(ui);
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("list_mapping")
                .max_height(ctx.content_rect().height() * 0.35)
                .show(ui, |ui| {
                    changed |= self.columns(ui);
                    changed |= self.values(ui);
                    ui.separator();
                    self.preview(ui);
                });
            ui.separator();
            action = self.buttons(ui, existing);
        });
        if modal.should_close() && action.is_none() {
            action = Some(ListAction::Cancel);
        }
        if changed {
            self.reread();
        }
        action
    }

    fn sheet_and_header(&mut self, ui: &mut Ui) -> bool {
        let mut changed = false;
        ui.horizontal(|ui| {
            if self.source.tables.len() > 1 {
                ui.label("シート：");
                let sheets: Vec<(usize, String)> = self
                    .source
                    .tables
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (i, t.sheet.clone()))
                    .collect();
                if let Some(i) = pick(ui, "list_sheet", "読むシート", self.table, &sheets, 160.0)
                {
                    self.table = i;
                    self.layout = suggest_layout(&self.source.tables[i]);
                    changed = true;
                }
            }
            let table = &self.source.tables[self.table];
            let first_row = table.first_row as usize + 1;
            let mut row = self.layout.header_row + first_row;
            let label = ui.label("見出しの行：");
            let response = ui
                .add(
                    egui::DragValue::new(&mut row)
                        .range(first_row..=first_row + table.rows.len().saturating_sub(1)),
                )
                .labelled_by(label.id);
            let mut two = self.layout.two_row_header;
            let two_changed = ui.checkbox(&mut two, "見出しが 2 行").changed();
            if response.changed() || two_changed {
                self.layout = with_header_row(table, row - first_row, two);
                changed = true;
            }
        });
        changed
    }

    fn columns(&mut self, ui: &mut Ui) -> bool {
        let table = &self.source.tables[self.table];
        let headers = header_texts(table, self.layout.header_row, self.layout.two_row_header);
        let targets: Vec<(Column, String)> = Column::ALL
            .into_iter()
            .filter(|c| c.is_input())
            .map(|c| (c, format!("{} {}", c.letter(), c.header())))
            .collect();
        let mut changed = false;
        ui.label(
            RichText::new("列の対応（見出しから推定しました。違っていれば選び直してください）")
                .strong(),
        );
        egui::Grid::new("list_columns")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                header_row(ui, &["列", "見出し", "最初の値", "台帳の列"]);
                for (c, header) in headers.iter().enumerate() {
                    let letter = column_letter(table, c);
                    ui.label(&letter);
                    ui.label(header);
                    let first = table
                        .rows
                        .get(
                            self.layout.header_row + if self.layout.two_row_header { 2 } else { 1 },
                        )
                        .and_then(|r| r.get(c))
                        .map_or("", |s| s.as_str());
                    ui.label(first);
                    if let (Some(picked), _) = choice(
                        ui,
                        ("list_column", c),
                        &format!("列{letter}の取り込み先"),
                        "取り込まない",
                        self.layout.columns.get(c).copied().flatten(),
                        &targets,
                        |c| c.header().to_string(),
                        160.0,
                    ) {
                        self.layout.columns.resize(headers.len(), None);
                        self.layout.columns[c] = picked;
                        changed = true;
                    }
                    ui.end_row();
                }
            });
        changed
    }

    fn scale(&mut self, ui: &mut Ui) -> bool {
        let mut one_to_three = self.layout.scale == RatingScale::OneToThree;
        let changed = ui
            .checkbox(
                &mut one_to_three,
                "評価値を 1〜3 の段階として読む（1→0、2→1、3→2）",
            )
            .changed();
        if changed {
            self.layout.scale = if one_to_three {
                RatingScale::OneToThree
            } else {
                RatingScale::ZeroToTwo
            };
        }
        if self.layout.scale == RatingScale::OneToThree {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                RatingScale::ONE_TO_THREE_MESSAGE,
            );
        }
        changed
    }

    fn values(&mut self, ui: &mut Ui) -> bool {
        let open: Vec<_> = self
            .unreadable
            .iter()
            .filter(|(c, _, _)| !words_for(*c).is_empty())
            .cloned()
            .collect();
        if open.is_empty() {
            return false;
        }
        let mut changed = false;
        ui.label(RichText::new("そのままでは読めない値（台帳の値を選ぶと読み替えます）").strong());
        egui::Grid::new("list_values")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for (column, text, count) in open {
                    ui.label(column.header());
                    ui.label(format!("「{text}」"));
                    ui.label(format!("{count} か所"));
                    let words: Vec<(usize, String)> = words_for(column)
                        .into_iter()
                        .enumerate()
                        .map(|(i, w)| (i, if w.is_empty() { "空欄".into() } else { w }))
                        .collect();
                    let shown = words.clone();
                    if let (Some(Some(i)), _) = choice(
                        ui,
                        ("list_value", column, &text),
                        &format!("「{text}」の読み替え"),
                        "選んでください",
                        None,
                        &words,
                        |i| shown[i].1.clone(),
                        140.0,
                    ) {
                        self.layout.values.push(ValueRule {
                            column,
                            from: text.clone(),
                            to: words_for(column)[i].clone(),
                        });
                        changed = true;
                    }
                    ui.end_row();
                }
            });
        changed
    }

    /// What the current reading gives, where the user looks first: how many assets, or how many
    /// values cannot be read, and every value read as another, each list in a scroll area of
    /// its own.
    fn outcome(&self, ui: &mut Ui) {
        match &self.read {
            Err(problems) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!(
                        "読み取れない値が {} か所あります。直すまで取り込めません。",
                        problems.len()
                    ),
                );
                egui::ScrollArea::vertical()
                    .id_salt("list_problems")
                    .max_height(120.0)
                    .show(ui, |ui| {
                        ui.add(egui::Label::new(problems_message(problems)).wrap());
                    });
            }
            Ok(read) => {
                ui.label(
                    RichText::new(format!(
                        "取り込める情報資産：{} 件（空の行 {} 行は飛ばします）",
                        read.assets.len(),
                        read.empty_rows
                    ))
                    .strong(),
                );
                if !read.notes.is_empty() {
                    ui.label(
                        RichText::new(format!("読み替えた値：{} か所", read.notes.len())).strong(),
                    );
                    egui::ScrollArea::vertical()
                        .id_salt("list_conversions")
                        .max_height(110.0)
                        .show(ui, |ui| {
                            for note in &read.notes {
                                ui.add(egui::Label::new(format!("・{note}")).wrap());
                            }
                        });
                }
            }
        }
    }

    /// The first rows as they would go into the 台帳.
    fn preview(&self, ui: &mut Ui) {
        let Ok(read) = &self.read else {
            return;
        };
        ui.label(RichText::new("先頭の行").strong());
        egui::Grid::new("list_preview")
            .striped(true)
            .show(ui, |ui| {
                header_row(
                    ui,
                    &[
                        "情報資産名称",
                        "媒体・保存先",
                        "機密性",
                        "完全性",
                        "可用性",
                        "管理部署",
                    ],
                );
                let rating = |r: Option<crate::domain::Rating>| {
                    r.map_or("—".into(), |r| r.value().to_string())
                };
                for a in read.assets.iter().take(10) {
                    ui.label(&a.name);
                    ui.label(a.medium.map_or("—", |m| m.name()));
                    ui.label(rating(a.confidentiality));
                    ui.label(rating(a.integrity));
                    ui.label(rating(a.availability));
                    ui.label(&a.department);
                    ui.end_row();
                }
            });
    }

    fn buttons(&mut self, ui: &mut Ui, existing: &[AssetId]) -> Option<ListAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.replace, false, "台帳の後ろに追加する");
            ui.radio_value(
                &mut self.replace,
                true,
                format!("いまの台帳の {} 件と置き換える", existing.len()),
            );
        });
        ui.horizontal(|ui| {
            let ready = self.read.as_ref().is_ok_and(|r| !r.assets.is_empty());
            if ui.add_enabled(ready, egui::Button::new("取り込む")).clicked()
                && let Ok(read) = &self.read
            {
                let count = read.assets.len();
                let edit =
                    crate::entry::list::into_edit(existing, read.assets.clone(), self.replace);
                let message = format!(
                    "「{}」から情報資産 {count} 件を{}。取り込み前のデータはバックアップしてあります。元に戻す（Ctrl+Z）で取り消せます。",
                    self.source.file_name,
                    if self.replace { "取り込み、台帳を置き換えました" } else { "台帳の後ろに追加しました" }
                );
                action = Some(ListAction::Apply {
                    edit: Box::new(edit),
                    message,
                    conversions: read.notes.iter().map(ToString::to_string).collect(),
                });
            }
            if ui.button("キャンセル").clicked() {
                action = Some(ListAction::Cancel);
            }
        });
        action
    }
}
