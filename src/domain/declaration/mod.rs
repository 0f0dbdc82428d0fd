//! The company's 情報セキュリティ基本方針 and what SECURITY ACTION asks of it (docs/method.md §14).
//! 基本方針 is the company's own statement; SECURITY ACTION is a self-declaration in two steps:
//! ★ the company declares it works on the 情報セキュリティ5か条 (`five_rules`), ★★ it has assessed
//! itself with IPA's 自社診断 and has set and published a 基本方針. riskbook keeps the statement, the
//! self-assessment's date and score and when the statement was published; `calc::security_action`
//! says where the company stands.

pub mod example;
pub mod five_rules;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The 基本方針 and the 自社診断, as one record (one per database).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declaration {
    pub basic_policy: BasicPolicy,
    pub self_check: SelfCheck,
}

/// 情報セキュリティ基本方針: the user's own text, signed by the representative.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BasicPolicy {
    /// The statement, paragraphs separated by new lines (the title and the signature are not part
    /// of it: the page adds them).
    pub text: String,
    /// 制定日
    pub established_on: Option<NaiveDate>,
    /// 代表者名, as it is signed (「代表取締役 山田太郎」).
    pub representative: String,
    /// 公開日: when it was posted or put on the website (★★ asks for it to be published).
    pub published_on: Option<NaiveDate>,
    /// 公開先 (「ホームページ」「事務所の掲示」).
    pub published_where: String,
}

impl BasicPolicy {
    /// Written: a text, a date and a signature; what a page to post needs.
    pub fn is_written(&self) -> bool {
        !self.text.trim().is_empty()
            && self.established_on.is_some()
            && !self.representative.trim().is_empty()
    }

    /// What is missing before the statement can be posted, in the words of the page.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.text.trim().is_empty() {
            missing.push("本文");
        }
        if self.established_on.is_none() {
            missing.push("制定日");
        }
        if self.representative.trim().is_empty() {
            missing.push("代表者名");
        }
        missing
    }
}

/// IPA's 「5分でできる！情報セキュリティ自社診断」 as the company did it: riskbook keeps the date and
/// the total, not the questions (they are IPA's).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfCheck {
    /// 実施日
    pub done_on: Option<NaiveDate>,
    pub score: Option<SelfCheckScore>,
}

/// The total of the 自社診断 sheet: 25 items, 100 points at most; down to −25 so that a way of
/// counting わからない as −1 a question can be entered too (docs/method.md §14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i16", into = "i16")]
pub struct SelfCheckScore(i16);

impl SelfCheckScore {
    pub const MIN: i16 = -25;
    pub const MAX: i16 = 100;

    pub fn new(value: i16) -> Result<Self, ScoreError> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(SelfCheckScore(value))
        } else {
            Err(ScoreError(value.to_string()))
        }
    }

    /// Reads what the user typed (half- or full-width digits, a minus sign).
    pub fn parse(text: &str) -> Result<Self, ScoreError> {
        let normal: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '－' | '−' | 'ー' => '-',
                other => other,
            })
            .collect();
        let normal = normal.trim_end_matches('点');
        normal
            .parse::<i16>()
            .map_err(|_| ScoreError(text.trim().to_string()))
            .and_then(Self::new)
    }

    pub fn value(self) -> i16 {
        self.0
    }
}

impl TryFrom<i16> for SelfCheckScore {
    type Error = ScoreError;
    fn try_from(value: i16) -> Result<Self, ScoreError> {
        Self::new(value)
    }
}

impl From<SelfCheckScore> for i16 {
    fn from(score: SelfCheckScore) -> i16 {
        score.0
    }
}

impl fmt::Display for SelfCheckScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} 点", self.0)
    }
}

/// A 自社診断 total that cannot be one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("自社診断の点数は −25〜100 の整数で入れてください（入力値：「{0}」）")]
pub struct ScoreError(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_is_on_the_sheets_range_and_read_as_typed() {
        assert_eq!(SelfCheckScore::parse("72").unwrap().value(), 72);
        assert_eq!(SelfCheckScore::parse("７２点").unwrap().value(), 72);
        assert_eq!(SelfCheckScore::parse("－3").unwrap().value(), -3);
        assert_eq!(SelfCheckScore::parse("100").unwrap().value(), 100);
        assert_eq!(SelfCheckScore::parse("-25").unwrap().value(), -25);
        let refused = SelfCheckScore::parse("101").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "自社診断の点数は −25〜100 の整数で入れてください（入力値：「101」）"
        );
        assert!(SelfCheckScore::parse("-26").is_err());
        assert!(SelfCheckScore::parse("七十").is_err());
        assert!(serde_json::from_str::<SelfCheckScore>("120").is_err());
    }

    #[test]
    fn a_basic_policy_is_written_with_a_text_a_date_and_a_signature() {
        let mut policy = BasicPolicy::default();
        assert_eq!(policy.missing(), ["本文", "制定日", "代表者名"]);
        policy.text = "当社は…".into();
        policy.established_on = NaiveDate::from_ymd_opt(2026, 4, 1);
        assert!(!policy.is_written());
        assert_eq!(policy.missing(), ["代表者名"]);
        policy.representative = "代表取締役 山田太郎".into();
        assert!(policy.is_written());
        assert!(policy.missing().is_empty());
    }
}
