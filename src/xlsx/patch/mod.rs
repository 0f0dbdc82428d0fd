//! Writing into a customer's own workbook: only the given cells change, every other part of the
//! package stays as it was. (Interface first; the writing itself lands with branch csfile.)

use thiserror::Error;

/// One cell to write (0-based); an empty value clears the cell's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellWrite {
    pub row: u32,
    pub column: u32,
    pub value: String,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PatchError {
    #[error("{0}")]
    NotYet(String),
}

pub fn patch_sheet(
    _original: &[u8],
    sheet: &str,
    _writes: &[CellWrite],
) -> Result<Vec<u8>, PatchError> {
    Err(PatchError::NotYet(format!(
        "シート「{sheet}」：書き戻しはまだできません。"
    )))
}

pub fn xls_copy(
    _original: &[u8],
    sheet: &str,
    _writes: &[CellWrite],
) -> Result<Vec<u8>, PatchError> {
    Err(PatchError::NotYet(format!(
        "シート「{sheet}」：書き戻しはまだできません。"
    )))
}
