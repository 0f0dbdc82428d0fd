//! Which 台帳 column a header names. One list of words for every reader: the IPA workbook's own
//! headers, which every reader accepts, and the other words (Japanese and English) a company's own
//! list may use.

use crate::domain::cell_text::normalize;
use crate::domain::register::Column;

/// Whose headers are read: it decides the words accepted and the headers that name nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headers {
    /// The 台帳 sheet of an IPA workbook: the guideline's own headers, computed columns included
    /// (their cached values are compared with riskbook's).
    Ipa,
    /// A company's own list: the guideline's headers and other words; input columns only.
    List,
}

/// A column's header words: `ipa` as the guideline's sheet writes them, `other` as a company's own
/// list may. Short English words (C, I, A) match a whole word only, the rest anywhere in a header.
struct Words {
    column: Column,
    ipa: &'static [&'static str],
    other: &'static [&'static str],
}

/// In the order columns are tried: a header with the words of two columns names the first, so
/// specific words come before the words they contain (要配慮個人情報 before 個人情報) and the
/// loosest words (名称, 分類, 内容) last.
const WORDS: [Words; 19] = [
    Words {
        column: Column::Sensitive,
        ipa: &["要配慮個人情報", "要配慮"],
        other: &["sensitive"],
    },
    Words {
        column: Column::MyNumber,
        ipa: &["マイナンバー", "マイナナンバー", "個人番号"],
        other: &["mynumber"],
    },
    Words {
        column: Column::Personal,
        ipa: &["個人情報"],
        other: &["personal", "pii"],
    },
    Words {
        column: Column::Confidentiality,
        ipa: &["機密性"],
        other: &["機密", "confidentiality", "c"],
    },
    Words {
        column: Column::Integrity,
        ipa: &["完全性"],
        other: &["integrity", "i"],
    },
    Words {
        column: Column::Availability,
        ipa: &["可用性"],
        other: &["availability", "a"],
    },
    Words {
        column: Column::Users,
        ipa: &["利用者範囲", "利用者"],
        other: &["利用範囲", "users"],
    },
    Words {
        column: Column::Department,
        ipa: &["管理部署"],
        other: &[
            "管理部門",
            "担当部署",
            "所管",
            "部署",
            "department",
            "owner",
        ],
    },
    Words {
        column: Column::Medium,
        ipa: &["媒体・保存先", "媒体", "保存先"],
        other: &["保管場所", "保存場所", "medium", "storage", "location"],
    },
    Words {
        column: Column::Retention,
        ipa: &["保存期限"],
        other: &["保存期間", "保管期限", "保管期間", "retention"],
    },
    Words {
        column: Column::Registered,
        ipa: &["登録日"],
        other: &["作成日", "registered", "date"],
    },
    Words {
        column: Column::Name,
        ipa: &["情報資産名称", "情報資産名"],
        other: &["資産名", "名称", "asset", "name"],
    },
    Words {
        column: Column::Category,
        ipa: &["業務分類"],
        other: &["業務", "分類", "category"],
    },
    Words {
        column: Column::Note,
        ipa: &["備考"],
        other: &[
            "説明",
            "内容",
            "メモ",
            "note",
            "notes",
            "description",
            "remarks",
        ],
    },
    Words {
        column: Column::Importance,
        ipa: &["重要度"],
        other: &[],
    },
    Words {
        column: Column::Threat,
        ipa: &["脅威の発生頻度", "脅威"],
        other: &[],
    },
    Words {
        column: Column::Vulnerability,
        ipa: &["脆弱性"],
        other: &[],
    },
    Words {
        column: Column::Likelihood,
        ipa: &["被害発生可能性", "可能性"],
        other: &[],
    },
    Words {
        column: Column::Risk,
        ipa: &["リスク値"],
        other: &[],
    },
];

/// A header as it is compared: normalized and lower case, and split into words for the short ones.
struct Header {
    text: String,
    words: Vec<String>,
}

impl Header {
    fn new(raw: &str) -> Header {
        Header {
            text: normalize(raw).to_lowercase(),
            words: raw
                .split(|c: char| c.is_whitespace() || "/・()（）[]「」:：".contains(c))
                .map(|w| normalize(w).to_lowercase())
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }

    fn has(&self, word: &str) -> bool {
        if word.is_ascii() && word.len() <= 3 {
            self.words.iter().any(|w| w == word)
        } else {
            self.text.contains(word)
        }
    }
}

impl Headers {
    /// Headers that name no column although they contain a column's words: the group header over
    /// the IPA sheet's G–I, and the computed columns a list cannot bring in.
    fn names_nothing(self, header: &Header) -> bool {
        header.text.is_empty()
            || match self {
                Headers::Ipa => header.text.contains("個人情報の種類"),
                Headers::List => header.text.contains("重要度") || header.text.contains("リスク"),
            }
    }

    fn words(self) -> impl Iterator<Item = &'static Words> {
        WORDS
            .iter()
            .filter(move |w| self == Headers::Ipa || w.column.is_input())
    }

    fn matches(self, header: &Header, words: &Words) -> bool {
        let other: &[&str] = match self {
            Headers::Ipa => &[],
            Headers::List => words.other,
        };
        words.ipa.iter().chain(other).any(|w| header.has(w))
    }

    /// The columns these headers can name, in the order they are tried.
    pub fn columns(self) -> impl Iterator<Item = Column> {
        self.words().map(|w| w.column)
    }

    /// Whether `header` (as written) names `column`.
    pub fn names(self, header: &str, column: Column) -> bool {
        let header = Header::new(header);
        !self.names_nothing(&header)
            && self
                .words()
                .find(|w| w.column == column)
                .is_some_and(|w| self.matches(&header, w))
    }

    /// The column `header` (as written) names: the first whose words it has.
    pub fn column(self, header: &str) -> Option<Column> {
        let header = Header::new(header);
        if self.names_nothing(&header) {
            return None;
        }
        self.words()
            .find(|w| self.matches(&header, w))
            .map(|w| w.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_japanese_and_english_are_recognised() {
        let suggest = |h| Headers::List.column(h);
        assert_eq!(suggest("資産名"), Some(Column::Name));
        assert_eq!(suggest("Asset name"), Some(Column::Name));
        assert_eq!(suggest("保管場所"), Some(Column::Medium));
        assert_eq!(suggest("評価 C"), Some(Column::Confidentiality));
        assert_eq!(suggest("Confidentiality"), Some(Column::Confidentiality));
        assert_eq!(suggest("要配慮個人情報"), Some(Column::Sensitive));
        assert_eq!(suggest("個人情報の有無"), Some(Column::Personal));
        assert_eq!(suggest("重要度"), None);
        assert_eq!(
            suggest("Cost"),
            None,
            "a short word matches whole words only"
        );
    }

    #[test]
    fn an_ipa_sheet_is_read_by_its_own_headers_computed_columns_included() {
        assert!(Headers::Ipa.names("要配慮\n個人情報", Column::Sensitive));
        assert!(Headers::Ipa.names("個人情報", Column::Personal));
        assert!(!Headers::Ipa.names("個人情報の種類", Column::Personal));
        assert_eq!(Headers::Ipa.column("リスク値"), Some(Column::Risk));
        assert_eq!(Headers::Ipa.column("名称"), None, "a list's word only");
        assert_eq!(Headers::List.column("リスク値"), None);
        assert_eq!(Headers::List.columns().count(), 14);
    }
}
