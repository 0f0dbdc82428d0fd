//! The input scales of the workbook (docs/method.md §3). Each type can only hold a value that is on its scale:
//! a value from outside is rejected with a Japanese reason when it is constructed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A value that is not on its scale.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what}は{min}〜{max}の値を選んでください（入力値：{value}）")]
pub struct ScaleError {
    pub what: &'static str,
    pub min: u8,
    pub max: u8,
    pub value: String,
}

macro_rules! bounded_scale {
    ($(#[$doc:meta])* $name:ident, $what:literal, $min:literal ..= $max:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "u8", into = "u8")]
        pub struct $name(u8);

        impl $name {
            pub const MIN: u8 = $min;
            pub const MAX: u8 = $max;
            pub const WHAT: &'static str = $what;

            pub fn new(value: u8) -> Result<Self, ScaleError> {
                if ($min..=$max).contains(&value) {
                    Ok(Self(value))
                } else {
                    Err(ScaleError { what: $what, min: $min, max: $max, value: value.to_string() })
                }
            }

            /// Every value of the scale, highest first as the workbook's dropdowns list them.
            pub fn all() -> impl Iterator<Item = Self> {
                ($min..=$max).rev().map(Self)
            }

            pub fn value(self) -> u8 {
                self.0
            }
        }

        impl TryFrom<u8> for $name {
            type Error = ScaleError;
            fn try_from(value: u8) -> Result<Self, ScaleError> {
                Self::new(value)
            }
        }

        impl From<$name> for u8 {
            fn from(v: $name) -> u8 {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

bounded_scale!(
    /// 機密性・完全性・可用性の評価値: 2 (深刻な影響), 1 (重大な影響), 0 (影響なし).
    Rating, "評価値", 0..=2
);

bounded_scale!(
    /// 対策を講じない場合の脅威の発生頻度: 3 (いつ発生してもおかしくない) … 1 (数年に1回未満).
    Frequency, "脅威の発生頻度", 1..=3
);

impl Frequency {
    pub fn label(self) -> &'static str {
        match self.0 {
            3 => "通常の状態で発生する（いつ発生してもおかしくない）",
            2 => "特定の状況で発生する（年に数回程度）",
            _ => "通常では発生しない（数年に1回未満）",
        }
    }
}

impl Rating {
    pub fn importance_label(self) -> &'static str {
        Importance::from(self).label()
    }
}

// The computed values of the calculation (docs/method.md §4) have scales of their own, so that a
// label or a table can only be asked for a value that can occur.

bounded_scale!(
    /// 重要度: the largest of 機密性・完全性・可用性.
    Importance, "重要度", 0..=2
);

impl From<Rating> for Importance {
    fn from(rating: Rating) -> Importance {
        Importance(rating.0)
    }
}

impl Importance {
    /// As the guideline words it.
    pub fn label(self) -> &'static str {
        match self.0 {
            2 => "事業に深刻な影響",
            1 => "事業に重大な影響",
            _ => "影響なし",
        }
    }
}

bounded_scale!(
    /// 脆弱性 of a threat, from the answers of its check items.
    Vulnerability, "脆弱性", 1..=3
);

impl Vulnerability {
    /// Every linked item implemented (or none applies).
    pub const PROTECTED: Vulnerability = Vulnerability(1);
    pub const PARTLY: Vulnerability = Vulnerability(2);
    /// No linked item implemented.
    pub const EXPOSED: Vulnerability = Vulnerability(3);

    /// As the scale words it.
    pub fn label(self) -> &'static str {
        match self.0 {
            3 => "対策を実施していない（ほぼ無防備）",
            2 => "部分的に対策を実施している",
            _ => "必要な対策をすべて実施している",
        }
    }

    /// As the 台帳's computed cell shows it after its number. The original shows
    /// `2部分的に脆弱性未対策` for 2 (JNSA 解説資料); for 3 and 1 it uses the scale's words (decision).
    pub fn cell_label(self) -> &'static str {
        match self.0 {
            2 => "部分的に脆弱性未対策",
            _ => self.label(),
        }
    }
}

bounded_scale!(
    /// 被害発生可能性, from the 換算表 of 脅威の発生頻度 and 脆弱性.
    Likelihood, "被害発生可能性", 1..=3
);

impl Likelihood {
    pub fn label(self) -> &'static str {
        match self.0 {
            3 => "可能性：高",
            2 => "可能性：中",
            _ => "可能性：低",
        }
    }
}

/// 対策状況チェックの回答値.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Answer {
    Implemented = 1,
    Partly = 2,
    NotImplemented = 3,
    NotApplicable = 4,
}

impl Answer {
    pub const ALL: [Answer; 4] = [
        Answer::Implemented,
        Answer::Partly,
        Answer::NotImplemented,
        Answer::NotApplicable,
    ];

    pub fn new(value: u8) -> Result<Self, ScaleError> {
        match value {
            1 => Ok(Answer::Implemented),
            2 => Ok(Answer::Partly),
            3 => Ok(Answer::NotImplemented),
            4 => Ok(Answer::NotApplicable),
            _ => Err(ScaleError {
                what: "回答値",
                min: 1,
                max: 4,
                value: value.to_string(),
            }),
        }
    }

    pub fn value(self) -> u8 {
        self as u8
    }

    pub fn label(self) -> &'static str {
        match self {
            Answer::Implemented => "実施している",
            Answer::Partly => "一部実施している",
            Answer::NotImplemented => "実施していない／わからない",
            Answer::NotApplicable => "自社には該当しない",
        }
    }

    /// Whether an item with this answer still waits to be implemented: 2, 3 and unanswered do;
    /// 1 is done and 4 does not apply to the company.
    pub fn leaves_open(answer: Option<Answer>) -> bool {
        !matches!(answer, Some(Answer::Implemented | Answer::NotApplicable))
    }
}

impl TryFrom<u8> for Answer {
    type Error = ScaleError;
    fn try_from(value: u8) -> Result<Self, ScaleError> {
        Answer::new(value)
    }
}

impl From<Answer> for u8 {
    fn from(a: Answer) -> u8 {
        a.value()
    }
}

/// 媒体・保存先: where a copy of an information asset is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Medium {
    // In the order of `Medium::ALL`: `medium as usize` indexes per-medium arrays.
    Paper,
    PortableMedia,
    OfficePc,
    MobileDevice,
    InHouseServer,
    Cloud,
}

/// A name that is not one of the six media.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "媒体・保存先「{0}」は選択肢（書類、可搬電子媒体、事務所PC、モバイル機器、社内サーバー、クラウド）にありません"
)]
pub struct UnknownMedium(pub String);

impl Medium {
    pub const ALL: [Medium; 6] = [
        Medium::Paper,
        Medium::PortableMedia,
        Medium::OfficePc,
        Medium::MobileDevice,
        Medium::InHouseServer,
        Medium::Cloud,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Medium::Paper => "書類",
            Medium::PortableMedia => "可搬電子媒体",
            Medium::OfficePc => "事務所PC",
            Medium::MobileDevice => "モバイル機器",
            Medium::InHouseServer => "社内サーバー",
            Medium::Cloud => "クラウド",
        }
    }

    /// The medium named exactly as the workbook's dropdown names it.
    pub fn from_name(name: &str) -> Result<Self, UnknownMedium> {
        Medium::ALL
            .into_iter()
            .find(|m| m.name() == name)
            .ok_or_else(|| UnknownMedium(name.to_string()))
    }
}

impl fmt::Display for Medium {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl TryFrom<String> for Medium {
    type Error = UnknownMedium;
    fn try_from(s: String) -> Result<Self, UnknownMedium> {
        Medium::from_name(&s)
    }
}

impl From<Medium> for String {
    fn from(m: Medium) -> String {
        m.name().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_outside_zero_to_two_are_rejected_with_a_reason() {
        assert_eq!(Rating::new(2).unwrap().value(), 2);
        assert_eq!(Rating::new(0).unwrap().value(), 0);
        let err = Rating::new(3).unwrap_err();
        assert_eq!(
            err.to_string(),
            "評価値は0〜2の値を選んでください（入力値：3）"
        );
    }

    #[test]
    fn frequencies_are_one_to_three() {
        assert!(Frequency::new(0).is_err());
        assert!(Frequency::new(4).is_err());
        assert_eq!(
            Frequency::all().map(Frequency::value).collect::<Vec<_>>(),
            vec![3, 2, 1]
        );
    }

    #[test]
    fn answers_are_one_to_four() {
        for v in 1..=4 {
            assert_eq!(Answer::new(v).unwrap().value(), v);
        }
        assert!(Answer::new(0).is_err());
        assert!(Answer::new(5).is_err());
    }

    #[test]
    fn serde_rejects_values_off_the_scale() {
        assert!(serde_json::from_str::<Rating>("3").is_err());
        assert!(serde_json::from_str::<Answer>("0").is_err());
        assert_eq!(serde_json::from_str::<Frequency>("2").unwrap().value(), 2);
        assert!(serde_json::from_str::<Medium>("\"倉庫\"").is_err());
        assert_eq!(
            serde_json::from_str::<Medium>("\"事務所PC\"").unwrap(),
            Medium::OfficePc
        );
    }

    #[test]
    fn media_names_round_trip() {
        for m in Medium::ALL {
            assert_eq!(Medium::from_name(m.name()).unwrap(), m);
        }
        assert!(Medium::from_name("倉庫").is_err());
    }
}
