//! Reading a customer's check sheet: finding its item table, its answer and remark columns and the
//! answer options of its own dropdown. (Interface first; the reading itself lands with branch csfile.)

use thiserror::Error;

/// What the user chose in place of riskbook's guess; `None` = find it. Columns are 0-based.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    pub sheet: Option<String>,
    pub answer_column: Option<u32>,
    pub comment_column: Option<u32>,
}

pub use crate::domain::checksheet::FileFormat;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Number,
    Label,
    Requirement,
    /// 必須・任意 (回答対象)
    Required,
    Answer,
    Comment,
    /// A column for the customer's own use (当社確認欄, 判定, 担当者印 …): never chosen or written.
    Customer,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundColumn {
    pub index: u32,
    pub header: String,
    pub role: ColumnRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionsFrom {
    /// The sheet's own data validation (a list).
    Validation,
    /// The answers already in the column.
    Existing,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundItem {
    pub row: u32,
    pub number: String,
    pub label: String,
    pub text: String,
    /// 必須 = true, 任意 = false, no such column = None.
    pub required: Option<bool>,
    /// Other text columns kept for display: (header, value).
    pub extra: Vec<(String, String)>,
    pub answer: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSheet {
    pub format: FileFormat,
    pub sheets: Vec<String>,
    pub sheet: String,
    pub header_rows: std::ops::RangeInclusive<u32>,
    pub columns: Vec<FoundColumn>,
    pub answer_column: Option<u32>,
    pub comment_column: Option<u32>,
    pub options: Vec<String>,
    pub options_from: OptionsFrom,
    pub items: Vec<FoundItem>,
    /// What was guessed, in Japanese.
    pub notes: Vec<String>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReadError {
    #[error("{0}")]
    NotYet(String),
}

pub fn read(_bytes: &[u8], file_name: &str, _choice: &Choice) -> Result<FoundSheet, ReadError> {
    Err(ReadError::NotYet(format!(
        "「{file_name}」：取引先チェックシートの読み込みはまだできません。"
    )))
}
