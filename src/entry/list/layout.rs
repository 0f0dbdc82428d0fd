//! How a table is to be read: which sheet, where its header is (one row or two), what 台帳 column
//! each of its columns is (suggested from the header text), the rating scale, and the value rules;
//! and the cells that layout picks out of the data rows.

use super::Source;
use crate::domain::reading::{Headers, Incoming, RatingScale};
use crate::domain::register::Column;
use crate::xlsx::layout::cell_name;
use crate::xlsx::tables::Table;

/// The sheet to read: the one named, or the one whose header names the most 台帳 columns.
pub fn choose_table(source: &Source, sheet: Option<&str>) -> Result<usize, String> {
    if let Some(name) = sheet {
        return source
            .tables
            .iter()
            .position(|t| t.sheet == name)
            .ok_or_else(|| {
                let names: Vec<&str> = source.tables.iter().map(|t| t.sheet.as_str()).collect();
                format!(
                    "シート「{name}」がありません（あるシート：{}）",
                    names.join("、")
                )
            });
    }
    Ok((0..source.tables.len())
        .max_by_key(|&i| {
            let layout = suggest_layout(&source.tables[i]);
            (
                layout.columns.contains(&Some(Column::Name)),
                layout.columns.iter().flatten().count(),
                std::cmp::Reverse(i),
            )
        })
        .unwrap_or(0))
}

/// The layout with the header moved to `header_row` (0-based), its columns suggested again.
pub fn with_header_row(table: &Table, header_row: usize, two_rows: bool) -> Layout {
    let columns = suggestions(&header_texts(table, header_row, two_rows));
    let mut layout = Layout {
        header_row,
        two_row_header: two_rows,
        columns,
        scale: RatingScale::ZeroToTwo,
        values: Vec::new(),
    };
    layout.scale = RatingScale::guess(&incoming(table, &layout));
    layout
}

/// A value written differently in the list, and the dropdown word it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueRule {
    pub column: Column,
    pub from: String,
    pub to: String,
}

/// How to read a table: where its header is and what each of its columns is.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Index (in `Table::rows`) of the header's first row.
    pub header_row: usize,
    /// Whether the header takes two rows (a group header such as 「評価」 over 機密性・完全性・可用性).
    pub two_row_header: bool,
    /// The 台帳 column of each source column, None for a column not brought in.
    pub columns: Vec<Option<Column>>,
    pub scale: RatingScale,
    pub values: Vec<ValueRule>,
}

fn cell(table: &Table, row: usize, col: usize) -> &str {
    table
        .rows
        .get(row)
        .and_then(|r| r.get(col))
        .map_or("", |s| s.as_str())
}

fn width(table: &Table) -> usize {
    table.rows.iter().map(Vec::len).max().unwrap_or(0)
}

/// The header text of each column: one row, or two where a group header stands over the second
/// (「評価」 merged over three columns is read as 「評価 機密性」, 「評価 完全性」 …).
pub fn header_texts(table: &Table, header_row: usize, two_rows: bool) -> Vec<String> {
    let mut group = String::new();
    (0..width(table))
        .map(|c| {
            let upper = cell(table, header_row, c);
            if !two_rows {
                return upper.to_string();
            }
            let lower = cell(table, header_row + 1, c);
            if !upper.is_empty() {
                group = upper.to_string();
            } else if lower.is_empty() {
                group.clear();
            }
            match (upper.is_empty(), lower.is_empty()) {
                (_, true) => upper.to_string(),
                (true, false) if !group.is_empty() => format!("{group} {lower}"),
                (true, false) => lower.to_string(),
                (false, false) => format!("{upper} {lower}"),
            }
        })
        .collect()
}

fn suggestions(headers: &[String]) -> Vec<Option<Column>> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let column = Headers::List.column(h).filter(|c| !taken.contains(c));
            taken.extend(column);
            column
        })
        .collect()
}

/// Finds the header (the first 20 rows are tried, one or two rows high) and suggests the columns.
pub fn suggest_layout(table: &Table) -> Layout {
    let mut best = (0, 0usize, false);
    for row in 0..table.rows.len().min(20) {
        for two in [false, true] {
            let found = suggestions(&header_texts(table, row, two))
                .iter()
                .flatten()
                .count();
            // Two rows only when the second adds columns.
            if found > best.1 {
                best = (row, found, two);
            }
        }
    }
    let (header_row, _, two_row_header) = best;
    with_header_row(table, header_row, two_row_header)
}

/// The column letter of source column `c` as the user sees it in the file.
pub fn column_letter(table: &Table, c: usize) -> String {
    crate::xlsx::layout::col_name(table.first_col as u16 + c as u16)
}

fn place(table: &Table, row: usize, col: usize) -> String {
    format!(
        "{}!{}",
        table.sheet,
        cell_name(
            table.first_row + row as u32,
            table.first_col as u16 + col as u16
        )
    )
}

/// The first data row: after the header.
fn first_data_row(layout: &Layout) -> usize {
    layout.header_row + if layout.two_row_header { 2 } else { 1 }
}

/// Every mapped cell of the data rows, with the value rules applied.
pub(super) fn incoming(table: &Table, layout: &Layout) -> Vec<Incoming> {
    let mut cells = Vec::new();
    for row in first_data_row(layout)..table.rows.len() {
        for (col, column) in layout.columns.iter().enumerate() {
            if let Some(column) = column {
                cells.push(Incoming {
                    place: place(table, row, col),
                    column: *column,
                    text: cell(table, row, col).to_string(),
                });
            }
        }
    }
    cells
}
