//! 手順4: the 13 documents of the guideline's policy sample (情報セキュリティ関連規程) and when each
//! applies to a company. Documents 1–11 are the 11 categories of 対策状況チェック; 12 and 13 follow the
//! company's size and its dealings with 委託先.

pub mod spots;

use serde::Serialize;

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

/// What the conditions ask of the company; `None` where it is not known (yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
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

#[cfg(test)]
mod tests {
    use super::*;

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
