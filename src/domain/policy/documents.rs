//! Where the company stands with each of the 13 documents: 未作成・作成中・承認済み, its 改訂日 and
//! 承認者. A document with nothing recorded is 未作成.
//!
//! 承認済み without a 承認者 or 改訂日 is allowed: the three are chosen one after another, and refusing
//! the status until the other two are typed would make the order matter. What is missing is shown
//! (`DocumentRecord::missing`) in the 「規程」 view and the report instead.

use super::POLICIES;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A document's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum DocumentStatus {
    #[default]
    NotWritten,
    Drafting,
    Approved,
}

impl DocumentStatus {
    pub const ALL: [DocumentStatus; 3] = [
        DocumentStatus::NotWritten,
        DocumentStatus::Drafting,
        DocumentStatus::Approved,
    ];

    /// 未作成 / 作成中 / 承認済み, as the screen, the report and the database write it.
    pub fn label(self) -> &'static str {
        match self {
            DocumentStatus::NotWritten => "未作成",
            DocumentStatus::Drafting => "作成中",
            DocumentStatus::Approved => "承認済み",
        }
    }

    pub fn from_label(text: &str) -> Option<DocumentStatus> {
        DocumentStatus::ALL
            .into_iter()
            .find(|s| s.label() == text.trim())
    }
}

/// The number of one of the 13 documents (1–13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct DocumentNo(u8);

impl DocumentNo {
    pub fn new(no: u8) -> Result<DocumentNo, String> {
        if POLICIES.iter().any(|p| p.no == no) {
            Ok(DocumentNo(no))
        } else {
            Err(format!(
                "規程の番号は 1〜{} です（{no} はありません）。",
                POLICIES.len()
            ))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for DocumentNo {
    type Error = String;
    fn try_from(no: u8) -> Result<Self, String> {
        DocumentNo::new(no)
    }
}

impl From<DocumentNo> for u8 {
    fn from(no: DocumentNo) -> u8 {
        no.0
    }
}

/// What the company recorded of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub no: DocumentNo,
    pub status: DocumentStatus,
    /// 改訂日
    pub revised: Option<NaiveDate>,
    /// 承認者
    pub approver: String,
}

impl DocumentRecord {
    /// Nothing recorded: 未作成, no date, nobody.
    pub fn empty(no: DocumentNo) -> DocumentRecord {
        DocumentRecord {
            no,
            status: DocumentStatus::NotWritten,
            revised: None,
            approver: String::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == DocumentRecord::empty(self.no)
    }

    /// What an approved document still lacks, in words (「承認者・改訂日が未記入」); None when complete
    /// or not approved.
    pub fn missing(&self) -> Option<String> {
        if self.status != DocumentStatus::Approved {
            return None;
        }
        let mut lacks = Vec::new();
        if self.approver.trim().is_empty() {
            lacks.push("承認者");
        }
        if self.revised.is_none() {
            lacks.push("改訂日");
        }
        (!lacks.is_empty()).then(|| format!("{}が未記入", lacks.join("・")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_number_is_one_of_the_13() {
        assert!(DocumentNo::new(0).is_err());
        assert_eq!(DocumentNo::new(13).unwrap().value(), 13);
        let err = DocumentNo::new(14).unwrap_err();
        assert!(err.contains("1〜13"), "{err}");
        let parsed: Result<DocumentNo, _> = serde_json::from_str("14");
        assert!(parsed.is_err(), "a snapshot cannot carry No.14 either");
    }

    #[test]
    fn statuses_read_back_from_their_labels() {
        for s in DocumentStatus::ALL {
            assert_eq!(DocumentStatus::from_label(s.label()), Some(s));
        }
        assert_eq!(DocumentStatus::from_label("完了"), None);
    }

    #[test]
    fn an_approved_document_names_what_it_lacks() {
        let no = DocumentNo::new(1).unwrap();
        let mut record = DocumentRecord {
            status: DocumentStatus::Approved,
            ..DocumentRecord::empty(no)
        };
        assert_eq!(record.missing().as_deref(), Some("承認者・改訂日が未記入"));
        record.approver = "代表取締役 港 一郎".into();
        assert_eq!(record.missing().as_deref(), Some("改訂日が未記入"));
        record.revised = NaiveDate::from_ymd_opt(2026, 4, 1);
        assert_eq!(record.missing(), None);
        record.status = DocumentStatus::Drafting;
        record.approver.clear();
        assert_eq!(
            record.missing(),
            None,
            "only an approved one lacks anything"
        );
        assert!(!record.is_empty());
        assert!(DocumentRecord::empty(no).is_empty());
    }
}
