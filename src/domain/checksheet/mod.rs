//! 取引先チェックシート: a check sheet a customer sends (one customer, one year) — its items as the
//! customer wrote them, the answer scale of the customer's own dropdown, and per item the company's
//! answer with its 根拠・補足 and links to what supports it in riskbook.
//!
//! The same engine carries the company's own 委託先 evaluation (`domain::supplier`): items, a
//! scale whose options say what counts as met, and `ItemAnswer`s, counted by `calc::checksheet`.
//! Nothing here knows the file the sheet came from beyond where its answers go back (`Source`).

pub mod carry;
pub mod edit;
pub mod scale;
pub mod suggest;

pub use edit::SheetEdit;
pub use scale::{AnswerScale, Meaning, ScaleOption};

use super::catalogue::ItemNo;
use super::plan::PlanId;
use super::policy::DocumentNo;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The database's id of an imported sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SheetId(pub i64);

/// The kind of file the customer sent: an .xls cannot be patched, only copied to an .xlsx.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileFormat {
    Xlsx,
    Xlsm,
    Xls,
}

impl FileFormat {
    /// The file name's extension, as the database stores it.
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Xlsx => "xlsx",
            FileFormat::Xlsm => "xlsm",
            FileFormat::Xls => "xls",
        }
    }

    pub fn from_extension(text: &str) -> Option<FileFormat> {
        match text.to_ascii_lowercase().as_str() {
            "xlsx" => Some(FileFormat::Xlsx),
            "xlsm" => Some(FileFormat::Xlsm),
            "xls" => Some(FileFormat::Xls),
            _ => None,
        }
    }
}

/// Where the sheet came from and where its answers go back. Columns are 0-based.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub file_name: String,
    pub format: FileFormat,
    /// The worksheet holding the items.
    pub sheet: String,
    pub answer_column: Option<u32>,
    pub comment_column: Option<u32>,
}

/// 必須 or 任意, as the customer's sheet says (回答対象); `Unstated` where it has no such column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Requirement {
    Required,
    Optional,
    Unstated,
}

impl Requirement {
    /// 必須 / 任意 / "" as the database and the screen write it.
    pub fn label(self) -> &'static str {
        match self {
            Requirement::Required => "必須",
            Requirement::Optional => "任意",
            Requirement::Unstated => "",
        }
    }

    pub fn from_label(text: &str) -> Option<Requirement> {
        match text.trim() {
            "必須" => Some(Requirement::Required),
            "任意" => Some(Requirement::Optional),
            "" => Some(Requirement::Unstated),
            _ => None,
        }
    }
}

/// Something in riskbook that supports an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Link {
    /// One of the 55 check items of 対策状況チェック.
    Check(ItemNo),
    /// A 対策計画 entry.
    Plan(PlanId),
    /// One of the 13 規程.
    Policy(DocumentNo),
}

/// The company's answer to one item: the option chosen (one of the scale's, or free text where the
/// sheet has no list), 根拠・補足, what supports it, who answered and when.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ItemAnswer {
    pub choice: Option<String>,
    pub comment: String,
    pub links: Vec<Link>,
    pub by: String,
    pub on: Option<NaiveDate>,
}

impl ItemAnswer {
    pub fn is_empty(&self) -> bool {
        self.choice.is_none() && self.comment.is_empty() && self.links.is_empty()
    }
}

/// One item of the customer's sheet, as the customer wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetItem {
    /// The row of the customer's sheet (0-based) where the answer goes back.
    pub row: u32,
    /// The item's number as written (「1」, 「1-2」, 「A-01」).
    pub number: String,
    /// The group (ラベル, 区分) the item stands under.
    pub label: String,
    /// The requirement (要求事項, 確認項目).
    pub text: String,
    pub requirement: Requirement,
    /// The sheet's other text columns, kept for display: (header, value), e.g. 目的, 達成条件.
    pub extra: Vec<(String, String)>,
    pub answer: ItemAnswer,
}

/// One customer's sheet for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckSheet {
    pub id: SheetId,
    /// The name the user knows it by (「○○工業 2026年度」); unique in a database.
    pub name: String,
    /// The customer (取引先) it is for; next year's sheet of the same customer carries answers over.
    pub customer: String,
    pub source: Source,
    pub imported_on: NaiveDate,
    pub scale: AnswerScale,
    pub items: Vec<SheetItem>,
}

impl CheckSheet {
    /// The meaning of item `index`'s answer (`Meaning::Unanswered` without one).
    pub fn meaning_of(&self, index: usize) -> Meaning {
        match &self.items[index].answer.choice {
            Some(choice) => self.scale.meaning(choice),
            None => Meaning::Unanswered,
        }
    }
}
