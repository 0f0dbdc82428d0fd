//! What a check sheet's header says a column holds. One list of words, tried in order: a header with
//! the words of two roles takes the first (当社確認欄 is the customer's although it says 確認;
//! 回答の根拠 is a remark although it says 回答; チェック項目 is the requirement although it says
//! チェック). Short English words (No) match a whole word only, the rest anywhere in the header.

use super::ColumnRole;
use crate::domain::cell_text::normalize;

/// How sure a header's words are: a specific word (要求事項) beats a loose one (内容) when two
/// columns could hold the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Loose,
    Specific,
}

struct Words {
    role: ColumnRole,
    strength: Strength,
    words: &'static [&'static str],
}

const WORDS: [Words; 9] = [
    // Text that explains an item, never written: before the customer's words (判定基準).
    Words {
        role: ColumnRole::Other,
        strength: Strength::Specific,
        words: &[
            "目的",
            "達成条件",
            "基準",
            "記入例",
            "回答例",
            "参考",
            "解説",
            "ガイド",
        ],
    },
    Words {
        role: ColumnRole::Customer,
        strength: Strength::Specific,
        words: &[
            "当社確認",
            "当社記入",
            "当社使用",
            "当社評価",
            "当社判定",
            "弊社確認",
            "弊社記入",
            "弊社使用",
            "弊社評価",
            "発注者",
            "委託元",
            "判定",
            "担当者印",
            "確認者",
            "確認印",
            "承認",
            "審査",
            "監査",
            "事務局",
        ],
    },
    Words {
        role: ColumnRole::Required,
        strength: Strength::Specific,
        words: &["回答対象", "必須", "任意", "要否"],
    },
    Words {
        role: ColumnRole::Comment,
        strength: Strength::Specific,
        words: &[
            "根拠",
            "補足",
            "備考",
            "コメント",
            "説明",
            "具体的",
            "対策内容",
            "実施内容",
            "取組内容",
            "取り組み内容",
            "特記",
            "理由",
            "証跡",
            "エビデンス",
            "remarks",
            "comment",
        ],
    },
    Words {
        role: ColumnRole::Requirement,
        strength: Strength::Specific,
        words: &[
            "要求事項",
            "確認項目",
            "チェック項目",
            "点検項目",
            "評価項目",
            "確認内容",
            "質問",
            "設問",
            "管理策",
            "requirement",
            "question",
        ],
    },
    Words {
        role: ColumnRole::Answer,
        strength: Strength::Specific,
        words: &[
            "回答",
            "実施状況",
            "達成状況",
            "対応状況",
            "取組状況",
            "自己評価",
            "評価",
            "チェック",
            "状況",
            "結果",
            "実施有無",
            "対応有無",
            "可否",
            "遵守",
            "answer",
            "status",
        ],
    },
    Words {
        role: ColumnRole::Number,
        strength: Strength::Specific,
        words: &["管理番号", "項番", "番号", "no", "#"],
    },
    Words {
        role: ColumnRole::Label,
        strength: Strength::Specific,
        words: &[
            "ラベル",
            "区分",
            "分類",
            "カテゴリ",
            "大項目",
            "中項目",
            "分野",
            "領域",
            "章",
            "category",
        ],
    },
    Words {
        role: ColumnRole::Requirement,
        strength: Strength::Loose,
        words: &["内容", "項目", "要求", "対策", "item"],
    },
];

/// The role a header names and how sure that is; an empty header names nothing, any other text
/// is at least `Other`.
pub fn role_of(header: &str) -> Option<(ColumnRole, Strength)> {
    let text = normalize(header).to_lowercase();
    if text.is_empty() {
        return None;
    }
    let words: Vec<String> = header
        .split(|c: char| c.is_whitespace() || "/・()（）[]「」:：.．".contains(c))
        .map(|w| normalize(w).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |word: &str| {
        if word.is_ascii() && word.len() <= 3 {
            words.iter().any(|w| w == word)
        } else {
            text.contains(word)
        }
    };
    let found = WORDS
        .iter()
        .find(|w| w.words.iter().any(|word| has(word)))
        .map(|w| (w.role, w.strength));
    Some(found.unwrap_or((ColumnRole::Other, Strength::Loose)))
}

/// 必須 / 任意 as the customer writes them in a 回答対象 (or 区分) column.
pub fn required_value(text: &str) -> Option<bool> {
    let text = normalize(text);
    if text.contains("必須") || text == "◎" {
        Some(true)
    } else if text.contains("任意") || text.contains("推奨") {
        Some(false)
    } else {
        None
    }
}

/// A row that counts rather than asks (合計, 小計（必須）, 達成率 …).
pub fn is_total(text: &str) -> bool {
    let text = normalize(text);
    text == "計"
        || ["合計", "小計", "総計", "集計"]
            .iter()
            .any(|w| text.starts_with(w))
        || (["達成率", "実施率", "平均"]
            .iter()
            .any(|w| text.starts_with(w))
            && text.chars().count() <= 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(h: &str) -> ColumnRole {
        role_of(h).unwrap().0
    }

    #[test]
    fn headers_name_the_roles_of_a_check_sheet() {
        assert_eq!(role("No."), ColumnRole::Number);
        assert_eq!(role("項番"), ColumnRole::Number);
        assert_eq!(role("ラベル"), ColumnRole::Label);
        assert_eq!(role("要求事項"), ColumnRole::Requirement);
        assert_eq!(role("チェック項目"), ColumnRole::Requirement);
        assert_eq!(role("回答対象\n（必須・任意）"), ColumnRole::Required);
        assert_eq!(role("実施状況"), ColumnRole::Answer);
        assert_eq!(role("回答の根拠・補足"), ColumnRole::Comment);
        assert_eq!(role("当社確認欄"), ColumnRole::Customer);
        assert_eq!(role("判定"), ColumnRole::Customer);
        assert_eq!(role("達成基準"), ColumnRole::Other);
        assert_eq!(role("目的"), ColumnRole::Other);
        assert_eq!(
            role("Notes"),
            ColumnRole::Other,
            "a short word matches whole words only"
        );
        assert_eq!(role_of("  "), None);
    }

    #[test]
    fn required_and_total_rows_are_recognised() {
        assert_eq!(required_value("必須"), Some(true));
        assert_eq!(required_value("任意"), Some(false));
        assert_eq!(required_value("-"), None);
        assert!(is_total("合計"));
        assert!(is_total("達成率（必須）"));
        assert!(is_total("合計（実施している）"));
        assert!(!is_total("計画的な教育を実施している"));
    }
}
