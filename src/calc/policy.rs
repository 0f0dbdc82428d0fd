//! 手順4's table: for each of the 13 documents of the policy sample, whether it applies to the company
//! (its 適用条件 against what is known of the company) and whether the 診断結果 asks for its rules.

use super::diagnosis::{CategoryResult, Diagnosis, PolicyNeed};
use crate::domain::policy::{CompanyProfile, POLICIES, Policy};

/// One row of the table. `None` means not known yet: the profile does not say, or the category's
/// items are not answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyRow {
    pub policy: Policy,
    pub applies: Option<bool>,
    /// The company needs these rules now: for documents 1–11 the 診断結果's ◎ or ○ of the category,
    /// for 12 and 13 their condition.
    pub needed: Option<bool>,
}

/// What the 対策状況チェック says of the company: (9) システムの開発及び保守 and (10) 委託管理 answered
/// all 「4 自社には該当しない」 mean no development and no 委託; any other answer means there is.
/// Unanswered, and for the other questions, nothing is known.
pub fn suggested_profile(diagnosis: &Diagnosis) -> CompanyProfile {
    let answered_as = |no: u8| {
        diagnosis
            .categories
            .iter()
            .find(|c| c.no == no)
            .and_then(applies_by_answers)
    };
    CompanyProfile {
        develops_systems: answered_as(9),
        outsources: answered_as(10),
        ..CompanyProfile::default()
    }
}

/// Some answer other than 4: it applies; every item answered 4: it does not; else unknown.
fn applies_by_answers(c: &CategoryResult) -> Option<bool> {
    let answered_not_applicable = c.items - c.applicable;
    if c.answered > answered_not_applicable {
        Some(true)
    } else if c.answered == c.items {
        Some(false)
    } else {
        None
    }
}

/// The 13 rows in the sample's order.
pub fn policy_table(profile: &CompanyProfile, diagnosis: &Diagnosis) -> Vec<PolicyRow> {
    POLICIES
        .iter()
        .map(|&policy| {
            let applies = policy.condition.applies(profile);
            let needed = match (applies, policy.category()) {
                (Some(false), _) => Some(false),
                (_, None) => applies,
                (_, Some(no)) => diagnosis
                    .categories
                    .iter()
                    .find(|c| c.no == no)
                    .filter(|c| !c.unanswered())
                    .map(|c| c.need != PolicyNeed::NotNeeded),
            };
            PolicyRow {
                policy,
                applies,
                needed,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::Evaluated;
    use crate::domain::{Answer, Catalogue, Workbook};

    fn answered(answer: Option<Answer>, nine: Option<Answer>) -> Diagnosis {
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        for item in &mut wb.items {
            item.answer = answer;
        }
        let nine_items: Vec<_> = wb.items_of(9).map(|i| i.no).collect();
        for item in wb.items.iter_mut().filter(|i| nine_items.contains(&i.no)) {
            item.answer = nine;
        }
        Evaluated::new(wb).diagnosis
    }

    #[test]
    fn the_answers_of_9_and_10_suggest_development_and_outsourcing() {
        let d = answered(Some(Answer::Partly), Some(Answer::NotApplicable));
        let p = suggested_profile(&d);
        assert_eq!(p.develops_systems, Some(false), "(9) all 4");
        assert_eq!(p.outsources, Some(true), "(10) answered 2");
        assert_eq!(p.employees, None);
        let d = answered(None, None);
        assert_eq!(
            suggested_profile(&d),
            CompanyProfile::default(),
            "nothing answered"
        );
    }

    #[test]
    fn every_company_needs_1_to_8_and_11_once_answered_and_12_13_wait_for_the_profile() {
        let d = answered(Some(Answer::Partly), Some(Answer::NotApplicable));
        let rows = policy_table(&suggested_profile(&d), &d);
        assert_eq!(rows.len(), 13);
        for row in &rows {
            let expected = match row.policy.no {
                9 => (Some(false), Some(false)),
                10 => (Some(true), Some(true)),
                12 | 13 => (None, None),
                _ => (Some(true), Some(true)),
            };
            assert_eq!((row.applies, row.needed), expected, "No.{}", row.policy.no);
        }
        let unanswered = answered(None, None);
        let rows = policy_table(&CompanyProfile::default(), &unanswered);
        assert_eq!(rows[0].applies, Some(true));
        assert_eq!(
            rows[0].needed, None,
            "the 診断結果 cannot say before answers"
        );
        let profile = CompanyProfile {
            employees: Some(1),
            ..CompanyProfile::default()
        };
        let rows = policy_table(&profile, &unanswered);
        assert_eq!(
            (rows[11].applies, rows[11].needed),
            (Some(false), Some(false))
        );
    }
}
