//! Any workbook's sheets as tables of text, for bringing another program's asset list into the 台帳
//! (`entry::list`). The same size limits and crash containment as the IPA workbook import.

use super::cells;
use super::import::ImportError;
use super::import::open::{load_sheet, open_book, read_limited};
use calamine::{Data, Reader};
use std::path::Path;

/// One sheet's cells as the user sees them, row by row (trailing empty cells may be missing).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Table {
    pub sheet: String,
    pub rows: Vec<Vec<String>>,
    /// Row and column numbers (0-based) of the sheet's first cell, for cell names in messages.
    pub first_row: u32,
    pub first_col: u32,
}

#[cfg(test)]
impl Table {
    /// A table of the texts given, from the sheet's first cell (for tests).
    pub(crate) fn of_text(sheet: &str, rows: &[&[&str]]) -> Table {
        Table {
            sheet: sheet.into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            first_row: 0,
            first_col: 0,
        }
    }
}

/// A cell's text; Excel dates as 2016/07/01 rather than their serial numbers.
fn text(cell: &Data) -> String {
    match cell {
        Data::DateTime(d) => cells::from_serial(d.as_f64())
            .map(crate::domain::cell_text::date_text)
            .unwrap_or_else(|| cells::text(Some(cell))),
        other => cells::text(Some(other)),
    }
}

/// Reads every sheet of an .xlsx, .xlsm, .xls or .ods file held in memory.
pub fn read_tables_bytes(name: &str, bytes: Vec<u8>) -> Result<Vec<Table>, ImportError> {
    let mut book = open_book(name, bytes, "表計算のブック")?;
    let mut tables = Vec::new();
    for sheet in book.sheet_names() {
        let range = load_sheet(&mut book, &sheet)?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        tables.push(Table {
            rows: range.rows().map(|r| r.iter().map(text).collect()).collect(),
            sheet,
            first_row,
            first_col,
        });
    }
    Ok(tables)
}

/// Reads every sheet of a workbook file.
pub fn read_tables(path: &Path) -> Result<Vec<Table>, ImportError> {
    let (name, bytes) = read_limited(path)?;
    read_tables_bytes(&name, bytes)
}
