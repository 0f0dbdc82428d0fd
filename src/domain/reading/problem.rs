//! One problem type for every reader: where, which column, what was written, and why it cannot be
//! read. Nothing is entered while any problem remains.

use crate::domain::register::Column;
use std::fmt;

/// A value that cannot be read, or a sheet that cannot be read as a 台帳.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, in the user's terms: 「シート「情報資産管理台帳」F7」 of an IPA workbook, 「資産一覧!B2」
    /// of a list, 「3行目」 of a paste, 「シート「台帳」」 for a sheet as a whole.
    pub place: String,
    /// The 台帳 column the value was meant for, when the reader names it.
    pub column: Option<Column>,
    /// What was written (empty when the problem is not about one value).
    pub value: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    /// 「場所（列）「値」: 理由」. A value meant for a named column is always quoted, so that an empty
    /// one shows as 「」; otherwise an empty value is left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.place)?;
        if let Some(column) = self.column {
            write!(f, "（{}）", column.header())?;
        }
        if self.column.is_some() || !self.value.is_empty() {
            write!(f, "「{}」", self.value)?;
        }
        write!(f, "：{}", self.reason)
    }
}

/// The first `shown` problems as lines 「・…」, and how many were left out (each front end words
/// the rest its own way).
pub fn bulleted(problems: &[Problem], shown: usize) -> (Vec<String>, usize) {
    let lines = problems
        .iter()
        .take(shown)
        .map(|p| format!("・{p}"))
        .collect();
    (lines, problems.len().saturating_sub(shown))
}
