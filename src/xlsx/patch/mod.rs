//! Writing into a customer's own workbook: only the given cells change, every other part of the
//! package stays as it was (`patch_sheet`); an .xls, which cannot be patched, is copied to an
//! .xlsx with the values written (`xls_copy`).

mod sheet_xml;
pub(crate) mod workbook;
mod xls;

use crate::zip_package::ZipPackage;
use std::collections::HashMap;
use thiserror::Error;

pub use xls::xls_copy;

/// One cell to write (0-based); an empty value clears the cell's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellWrite {
    pub row: u32,
    pub column: u32,
    pub value: String,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PatchError {
    #[error("Excel ファイルとして開けません：{0}")]
    Package(String),
    #[error("シート「{sheet}」がありません（あるシート：{}）。", sheets.join("、"))]
    NoSheet { sheet: String, sheets: Vec<String> },
    #[error("シート「{sheet}」{cell}：数式のセルには書き込みません。")]
    Formula { sheet: String, cell: String },
    #[error(
        "シート「{sheet}」{cell}：結合されたセルの途中には書き込めません（結合範囲の左上のセルに書き込みます）。"
    )]
    Merged { sheet: String, cell: String },
    #[error("シート「{sheet}」を読めません：{detail}")]
    Xml { sheet: String, detail: String },
}

/// The workbook `original` (.xlsx or .xlsm) with `writes` applied to the worksheet `sheet`: every
/// other zip entry is copied as its compressed bytes, in the sheet only the written cells change,
/// and workbook.xml asks Excel to recalculate on load (the customer's totals over the answers).
/// Nothing is returned when any write is refused.
pub fn patch_sheet(
    original: &[u8],
    sheet: &str,
    writes: &[CellWrite],
) -> Result<Vec<u8>, PatchError> {
    let package_error = |e: crate::zip_package::ZipPackageError| PatchError::Package(e.to_string());
    let mut package = ZipPackage::open(original).map_err(package_error)?;
    let part = workbook::sheet_part(&mut package, sheet)?;
    let sheet_xml = package
        .read(&part)
        .map_err(package_error)?
        .ok_or_else(|| PatchError::Package(format!("{part} がありません")))?;
    let workbook_xml = package
        .read(workbook::WORKBOOK)
        .map_err(package_error)?
        .unwrap_or_default();
    let mut changed = HashMap::new();
    changed.insert(part, sheet_xml::write_cells(sheet, &sheet_xml, writes)?);
    changed.insert(
        workbook::WORKBOOK.to_string(),
        workbook::recalculate_on_load(&workbook_xml)?,
    );
    package.write(&changed).map_err(package_error)
}
