//! Opening a list file: a workbook's sheets (read in the isolated reader), or a CSV/TSV text file
//! in UTF-8 or the Shift_JIS Japanese Excel writes.

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
    #[error("ファイル「{path}」を開けません：{detail}")]
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

#[cfg(test)]
mod tests {
    use super::*;

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
