//! Bringing an asset list kept in another layout (an Excel sheet of the company's own, a CSV from
//! another program) into the 台帳: find the header row, map its columns to 台帳 columns (suggested
//! from the header text, Japanese or English), map words to the dropdown words, then read every row
//! with the same reading and checks as a paste.

use super::{Incoming, Problem, RatingScale, Reinterpreted, read_all};
use crate::domain::Edit;
use crate::domain::cell_text::normalize;
use crate::domain::reading::Headers;
use crate::domain::register::Column;
use crate::domain::{Asset, AssetId};
use crate::xlsx::layout::cell_name;
use crate::xlsx::tables::Table;
use std::path::Path;

/// A list file read into tables: every sheet of a workbook, or the one table of a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub file_name: String,
    pub tables: Vec<Table>,
    /// The character encoding a CSV file was read in (UTF-8, or Shift_JIS as Japanese Excel saves).
    pub encoding: Option<&'static str>,
}

/// Why a list file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error(transparent)]
    Workbook(#[from] crate::xlsx::ImportError),
    #[error("ファイル「{path}」を開けません: {detail}")]
    Open { path: String, detail: String },
    #[error(
        "ファイル「{0}」の種類が分かりません。.xlsx、.xlsm、.xls、.ods、.csv、.tsv、.txt のどれかを選んでください。"
    )]
    Kind(String),
    #[error("ファイル「{0}」に表がありません（空のファイルです）。")]
    Empty(String),
}

/// Reads `path` by its extension: a workbook (in the isolated reader) or a CSV/TSV text file.
pub fn open_source(path: &Path) -> Result<Source, ListError> {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let (tables, encoding) = match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => (crate::xlsx::worker::read_any(path)?, None),
        "csv" | "tsv" | "txt" => {
            let bytes = std::fs::read(path).map_err(|e| ListError::Open {
                path: path.display().to_string(),
                detail: e.to_string(),
            })?;
            let (table, encoding) = read_text_table(&file_name, &bytes, ext != "csv");
            (vec![table], Some(encoding))
        }
        _ => return Err(ListError::Kind(path.display().to_string())),
    };
    if tables.iter().all(|t| t.rows.is_empty()) {
        return Err(ListError::Empty(path.display().to_string()));
    }
    Ok(Source {
        file_name,
        tables,
        encoding,
    })
}

/// Decodes a text table: UTF-8 (with or without its mark), otherwise Shift_JIS (CP932), which
/// Japanese Excel writes by default. Tabs separate cells in TSV files, commas in CSV.
pub fn read_text_table(name: &str, bytes: &[u8], tabs: bool) -> (Table, &'static str) {
    let (text, encoding) =
        match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
            Ok(text) => (text.to_string(), "UTF-8"),
            Err(_) => {
                let (text, _, _) = encoding_rs::SHIFT_JIS.decode(bytes);
                (text.into_owned(), "Shift_JIS（CP932）")
            }
        };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tabs { b'\t' } else { b',' })
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows = reader
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(|c| c.trim().to_string()).collect())
        .collect();
    let table = Table {
        sheet: name.to_string(),
        rows,
        first_row: 0,
        first_col: 0,
    };
    (table, encoding)
}

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
                    "シート「{name}」がありません（あるシート: {}）",
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
fn incoming(table: &Table, layout: &Layout) -> Vec<Incoming> {
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
        Table {
            sheet: "資産一覧".into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            first_row: 0,
            first_col: 0,
        }
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

    #[test]
    fn shift_jis_csv_from_japanese_excel() {
        let text = "資産名,媒体,機密性\r\n社員名簿,書類,２\r\n\"見積書,控\",クラウド,1\r\n";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let (t, encoding) = read_text_table("list.csv", &bytes, false);
        assert_eq!(encoding, "Shift_JIS（CP932）");
        assert_eq!(t.rows[2][0], "見積書,控");
        let (u, encoding) =
            read_text_table("list.csv", format!("\u{FEFF}{text}").as_bytes(), false);
        assert_eq!(encoding, "UTF-8");
        assert_eq!(u.rows, t.rows);
    }
}
