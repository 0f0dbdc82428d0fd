//! Bringing an asset list kept in another layout (an Excel sheet of the company's own, a CSV from
//! another program) into the 台帳: find the header row, map its columns to 台帳 columns (suggested
//! from the header text, Japanese or English), map words to the dropdown words, then read every row
//! with the same reading and checks as a paste.
//!
//! `source` opens the file, `layout` finds the header and suggests the columns, this module reads
//! the rows.

mod layout;
mod source;

pub use layout::{
    Layout, ValueRule, choose_table, column_letter, header_texts, suggest_layout, with_header_row,
};
pub use source::{ListError, Source, open_source, read_text_table};

use super::{Incoming, Problem, RatingScale, Reinterpreted, read_all};
use crate::domain::Edit;
use crate::domain::cell_text::normalize;
use crate::domain::register::Column;
use crate::domain::{Asset, AssetId};
use crate::xlsx::tables::Table;
use layout::incoming;

/// What a list reads as.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListRead {
    pub assets: Vec<Asset>,
    pub notes: Vec<Reinterpreted>,
    /// Messages about the list as a whole (the rating scale, columns left out).
    pub remarks: Vec<String>,
    /// Rows without any value, passed over.
    pub empty_rows: usize,
}

/// Values of a column that cannot be read as they are, with how often they occur: what the user
/// may map to a dropdown word.
pub fn unreadable_values(table: &Table, layout: &Layout) -> Vec<(Column, String, usize)> {
    let mut found: Vec<(Column, String, usize)> = Vec::new();
    for cell in incoming(table, layout) {
        let text = rule_for(layout, &cell).map_or(cell.text.clone(), |r| r.to.clone());
        if read_all(
            std::slice::from_ref(&Incoming {
                text,
                ..cell.clone()
            }),
            layout.scale,
        )
        .is_err()
        {
            match found
                .iter_mut()
                .find(|(c, t, _)| *c == cell.column && *t == cell.text)
            {
                Some(entry) => entry.2 += 1,
                None => found.push((cell.column, cell.text.clone(), 1)),
            }
        }
    }
    found
}

fn rule_for<'a>(layout: &'a Layout, cell: &Incoming) -> Option<&'a ValueRule> {
    layout
        .values
        .iter()
        .find(|r| r.column == cell.column && normalize(&r.from) == normalize(&cell.text))
}

/// Reads every data row. Err lists every value that cannot be read, or the layout's own mistakes;
/// nothing may be brought in then.
pub fn read_list(table: &Table, layout: &Layout) -> Result<ListRead, Vec<Problem>> {
    let mut read = ListRead::default();
    let mapped: Vec<Column> = layout.columns.iter().flatten().copied().collect();
    let mut layout_problems = Vec::new();
    for column in Column::ALL {
        if mapped.iter().filter(|c| **c == column).count() > 1 {
            layout_problems.push(Problem {
                place: format!("シート「{}」", table.sheet),
                column: Some(column),
                value: String::new(),
                reason: "2 つ以上の列が同じ台帳の列に割り当てられています".into(),
            });
        }
    }
    if !mapped.contains(&Column::Name) {
        layout_problems.push(Problem {
            place: format!("シート「{}」", table.sheet),
            column: Some(Column::Name),
            value: String::new(),
            reason: "情報資産名称にする列を選んでください".into(),
        });
    }
    if !layout_problems.is_empty() {
        return Err(layout_problems);
    }
    if layout.scale == RatingScale::OneToThree {
        read.remarks
            .push(RatingScale::ONE_TO_THREE_MESSAGE.to_string());
    }
    let mut problems = Vec::new();
    let per_row = mapped.len();
    let cells = incoming(table, layout);
    for row in cells.chunks(per_row) {
        if row.iter().all(|c| c.text.trim().is_empty()) {
            read.empty_rows += 1;
            continue;
        }
        let mut notes = Vec::new();
        let row: Vec<Incoming> = row
            .iter()
            .map(|c| match rule_for(layout, c) {
                Some(rule) => {
                    notes.push(Reinterpreted {
                        place: c.place.clone(),
                        column: c.column,
                        written: c.text.clone(),
                        became: rule.to.clone(),
                    });
                    Incoming {
                        text: rule.to.clone(),
                        ..c.clone()
                    }
                }
                None => c.clone(),
            })
            .collect();
        match read_all(&row, layout.scale) {
            Ok(values) => {
                let mut asset = Asset::default();
                for v in &values.values {
                    v.write(&mut asset);
                }
                if let Err(e) = asset.validate() {
                    let name_cell = row.iter().find(|c| c.column == Column::Name);
                    problems.push(Problem {
                        place: name_cell.map_or_else(String::new, |c| c.place.clone()),
                        column: Some(Column::Name),
                        value: asset.name.clone(),
                        reason: e.to_string(),
                    });
                    continue;
                }
                read.notes.extend(notes);
                read.notes.extend(values.notes);
                read.assets.push(asset);
            }
            Err(mut wrong) => problems.append(&mut wrong),
        }
    }
    if problems.is_empty() {
        Ok(read)
    } else {
        Err(problems)
    }
}

/// Adding the list's assets after the 台帳's, or putting them in place of all of them: one edit,
/// undone in one step.
pub fn into_edit(existing: &[AssetId], assets: Vec<Asset>, replace: bool) -> Edit {
    let mut edits: Vec<Edit> = Vec::new();
    let start = if replace {
        edits.extend(existing.iter().map(|id| Edit::DeleteAsset(*id)));
        0
    } else {
        existing.len()
    };
    edits.extend(
        assets
            .into_iter()
            .enumerate()
            .map(|(k, asset)| Edit::InsertAsset {
                index: start + k,
                asset,
            }),
    );
    Edit::Batch(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table::of_text("資産一覧", rows)
    }

    #[test]
    fn a_title_row_and_a_two_row_header_with_a_group_over_c_i_a() {
        let t = table(&[
            &["当社 情報資産一覧（2024年度）"],
            &[],
            &["No", "資産名", "保管場所", "評価", "", "", "管理者"],
            &["", "", "", "C", "I", "A", ""],
            &["1", "顧客名簿", "サーバ", "3", "2", "1", "営業部"],
            &["2", "請求書控", "紙", "2", "2", "1", "経理部"],
        ]);
        let layout = suggest_layout(&t);
        assert_eq!((layout.header_row, layout.two_row_header), (2, true));
        assert_eq!(
            layout.columns,
            vec![
                None,
                Some(Column::Name),
                Some(Column::Medium),
                Some(Column::Confidentiality),
                Some(Column::Integrity),
                Some(Column::Availability),
                None,
            ]
        );
        assert_eq!(
            layout.scale,
            RatingScale::OneToThree,
            "3s and no 0: the 1–3 scale"
        );
        let read = read_list(&t, &layout).unwrap();
        assert_eq!(read.assets.len(), 2);
        assert_eq!(read.assets[0].confidentiality.map(|r| r.value()), Some(2));
        assert_eq!(read.remarks.len(), 1, "one message for the scale");
        let notes: Vec<String> = read.notes.iter().map(|n| n.to_string()).collect();
        assert!(
            notes.contains(
                &"資産一覧!C5（媒体・保存先）「サーバ」を「社内サーバー」として読みました"
                    .to_string()
            ),
            "{notes:?}"
        );
    }
}
