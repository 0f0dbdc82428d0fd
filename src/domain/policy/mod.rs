//! 手順4: the 13 documents of the guideline's policy sample (情報セキュリティ関連規程) and when each
//! applies to a company. Documents 1–11 are the 11 categories of 対策状況チェック; 12 and 13 follow the
//! company's size and its dealings with 委託先.

mod documents;
pub mod spots;

pub use documents::{DocumentNo, DocumentRecord, DocumentStatus};

use serde::{Deserialize, Serialize};

/// When a document applies (the sample's 適用条件).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Condition {
    /// 原則としてすべての企業
    Always,
    /// 社内でシステム開発を行う場合
    DevelopsSystems,
    /// 業務委託を行う場合
    Outsources,
    /// 従業員数2名以上
    TwoOrMoreEmployees,
    /// 委託先と秘密情報や個人情報等の重要な情報の授受が発生する場合
    SharesImportantInformation,
}

impl Condition {
    /// The 適用条件 in the sample's words.
    pub fn label(self) -> &'static str {
        match self {
            Condition::Always => "原則としてすべての企業",
            Condition::DevelopsSystems => "社内でシステム開発を行う場合",
            Condition::Outsources => "業務委託を行う場合",
            Condition::TwoOrMoreEmployees => "従業員数2名以上",
            Condition::SharesImportantInformation => {
                "委託先と秘密情報や個人情報等の重要な情報の授受が発生する場合"
            }
        }
    }

    /// Whether a company with `profile` meets the condition; None while the profile does not say.
    pub fn applies(self, profile: &CompanyProfile) -> Option<bool> {
        match self {
            Condition::Always => Some(true),
            Condition::DevelopsSystems => profile.develops_systems,
            Condition::Outsources => profile.outsources,
            Condition::TwoOrMoreEmployees => profile.employees.map(|n| n >= 2),
            Condition::SharesImportantInformation => profile.shares_important_information,
        }
    }
}

/// One document of the policy sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub no: u8,
    pub name: &'static str,
    pub condition: Condition,
}

impl Policy {
    /// The 対策状況チェック category the document writes rules for (documents 1–11).
    pub fn category(self) -> Option<u8> {
        (self.no <= 11).then_some(self.no)
    }
}

const fn policy(no: u8, name: &'static str, condition: Condition) -> Policy {
    Policy {
        no,
        name,
        condition,
    }
}

/// The 13 documents in the sample's order.
pub const POLICIES: [Policy; 13] = [
    policy(1, "組織的対策", Condition::Always),
    policy(2, "人的対策", Condition::Always),
    policy(3, "情報資産管理", Condition::Always),
    policy(4, "マイナンバー対応", Condition::Always),
    policy(5, "アクセス制御及び認証", Condition::Always),
    policy(6, "物理的対策", Condition::Always),
    policy(7, "IT機器利用", Condition::Always),
    policy(8, "IT基盤運用管理", Condition::Always),
    policy(9, "システムの開発及び保守", Condition::DevelopsSystems),
    policy(10, "委託管理", Condition::Outsources),
    policy(
        11,
        "情報セキュリティインシデント対応及び事業継続管理",
        Condition::Always,
    ),
    policy(12, "社内体制図", Condition::TwoOrMoreEmployees),
    policy(
        13,
        "委託契約書機密保持条項サンプル",
        Condition::SharesImportantInformation,
    ),
];

/// The document a heading of the company's draft is the chapter of: the one whose name the
/// heading contains (the longest, should two), e.g. 「9. システムの開発及び保守」.
pub fn policy_named_in(heading: &str) -> Option<&'static Policy> {
    POLICIES
        .iter()
        .filter(|p| heading.contains(p.name))
        .max_by_key(|p| p.name.chars().count())
}

/// What the conditions ask of the company; `None` where it is not known (yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CompanyProfile {
    /// 従業員数
    pub employees: Option<u32>,
    /// 社内でシステム開発をするか
    pub develops_systems: Option<bool>,
    /// 業務委託をするか
    pub outsources: Option<bool>,
    /// 委託先と重要な情報をやり取りするか
    pub shares_important_information: Option<bool>,
}

impl CompanyProfile {
    /// Each field as this profile says, or else as `fallback` says (the user's answers over a
    /// suggestion).
    pub fn or(self, fallback: CompanyProfile) -> CompanyProfile {
        CompanyProfile {
            employees: self.employees.or(fallback.employees),
            develops_systems: self.develops_systems.or(fallback.develops_systems),
            outsources: self.outsources.or(fallback.outsources),
            shares_important_information: self
                .shares_important_information
                .or(fallback.shares_important_information),
        }
    }

    /// Whether the profile itself (not a fallback) answers what `condition` asks.
    pub fn answers(&self, condition: Condition) -> bool {
        condition.applies(self).is_some()
    }
}

/// The profile's yes/no questions, in the order the 「規程」 view and the report ask them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    DevelopsSystems,
    Outsources,
    SharesImportantInformation,
}

impl Question {
    pub const ALL: [Question; 3] = [
        Question::DevelopsSystems,
        Question::Outsources,
        Question::SharesImportantInformation,
    ];

    pub fn text(self) -> &'static str {
        match self {
            Question::DevelopsSystems => "社内でシステム開発をするか",
            Question::Outsources => "業務委託をするか",
            Question::SharesImportantInformation => "委託先と重要な情報をやり取りするか",
        }
    }

    pub fn get(self, profile: &CompanyProfile) -> Option<bool> {
        match self {
            Question::DevelopsSystems => profile.develops_systems,
            Question::Outsources => profile.outsources,
            Question::SharesImportantInformation => profile.shares_important_information,
        }
    }

    pub fn set(self, profile: &mut CompanyProfile, value: Option<bool>) {
        match self {
            Question::DevelopsSystems => profile.develops_systems = value,
            Question::Outsources => profile.outsources = value,
            Question::SharesImportantInformation => profile.shares_important_information = value,
        }
    }
}

/// はい / いいえ, the answer to a `Question`.
pub fn yes_no(value: bool) -> &'static str {
    if value { "はい" } else { "いいえ" }
}

/// Reads a typed 従業員数: empty is 未回答, full-width digits and 「名」「人」 are read; 0 and anything
/// else are refused with the reason.
pub fn parse_employees(text: &str) -> Result<Option<u32>, String> {
    let half = crate::domain::cell_text::half_width(text);
    let digits = half
        .trim()
        .trim_end_matches(['名', '人'])
        .trim()
        .replace(',', "");
    if digits.is_empty() {
        return Ok(None);
    }
    match digits.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(Some(n)),
        _ => Err(format!(
            "従業員数「{}」は読めません。1 以上の人数を数字で入れてください（代表者だけの会社は 1）。",
            text.trim()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_names_the_document_it_is_the_chapter_of() {
        let no = |h: &str| policy_named_in(h).map(|p| p.no);
        assert_eq!(no("9. システムの開発及び保守"), Some(9));
        assert_eq!(no("第2章 人的対策"), Some(2));
        assert_eq!(no("13 委託契約書機密保持条項サンプル"), Some(13));
        assert_eq!(no("1.1 見直し"), None);
    }

    #[test]
    fn employees_are_read_as_a_person_types_them() {
        assert_eq!(parse_employees("12"), Ok(Some(12)));
        assert_eq!(parse_employees("１２名"), Ok(Some(12)));
        assert_eq!(parse_employees(" 1,200 人"), Ok(Some(1200)));
        assert_eq!(parse_employees(""), Ok(None));
        for bad in ["0", "-3", "十人", "2.5"] {
            let err = parse_employees(bad).unwrap_err();
            assert!(err.contains(bad) && err.contains("1 以上"), "{err}");
        }
    }

    #[test]
    fn the_users_answers_win_over_a_suggestion() {
        let mine = CompanyProfile {
            outsources: Some(false),
            ..CompanyProfile::default()
        };
        let suggested = CompanyProfile {
            develops_systems: Some(true),
            outsources: Some(true),
            ..CompanyProfile::default()
        };
        let merged = mine.or(suggested);
        assert_eq!(merged.outsources, Some(false));
        assert_eq!(merged.develops_systems, Some(true));
        assert!(mine.answers(Condition::Outsources));
        assert!(!mine.answers(Condition::DevelopsSystems));
        assert!(mine.answers(Condition::Always));
        let mut set = CompanyProfile::default();
        for (i, q) in Question::ALL.into_iter().enumerate() {
            q.set(&mut set, Some(i % 2 == 0));
            assert_eq!(q.get(&set), Some(i % 2 == 0), "{}", q.text());
        }
        assert_eq!(set.outsources, Some(false));
    }

    #[test]
    fn the_sample_has_13_documents_in_order_and_11_follow_the_check_categories() {
        let nos: Vec<u8> = POLICIES.iter().map(|p| p.no).collect();
        assert_eq!(nos, (1..=13).collect::<Vec<u8>>());
        assert_eq!(POLICIES.iter().filter_map(|p| p.category()).count(), 11);
        let always = POLICIES
            .iter()
            .filter(|p| p.condition == Condition::Always)
            .count();
        assert_eq!(always, 9, "1–8 and 11, マイナンバー included");
    }

    #[test]
    fn a_condition_applies_by_the_profile_and_is_unknown_until_it_says() {
        let unknown = CompanyProfile::default();
        assert_eq!(Condition::Always.applies(&unknown), Some(true));
        assert_eq!(Condition::Outsources.applies(&unknown), None);
        assert_eq!(Condition::TwoOrMoreEmployees.applies(&unknown), None);
        let alone = CompanyProfile {
            employees: Some(1),
            outsources: Some(false),
            ..unknown
        };
        assert_eq!(Condition::TwoOrMoreEmployees.applies(&alone), Some(false));
        assert_eq!(Condition::Outsources.applies(&alone), Some(false));
        let two = CompanyProfile {
            employees: Some(2),
            ..unknown
        };
        assert_eq!(Condition::TwoOrMoreEmployees.applies(&two), Some(true));
    }
}
