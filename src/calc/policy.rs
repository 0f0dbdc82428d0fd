//! 手順4's table: for each of the 13 documents of the policy sample, whether it applies to the company
//! (its 適用条件 against what is known of the company) and whether the 診断結果 asks for its rules.

use super::diagnosis::{CategoryResult, Diagnosis, PolicyNeed};
use crate::domain::Workbook;
use crate::domain::policy::{CompanyProfile, DocumentNo, DocumentRecord, POLICIES, Policy};

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

/// One row of the company's 「規程」 table: the document's row, whether its `applies` rests on a
/// suggestion (the user has not answered what its condition asks, the 対策状況チェック suggests it),
/// and what the company recorded of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyPolicy {
    pub row: PolicyRow,
    pub suggested: bool,
    /// The 診断結果's ◎/○ of the document's category (1–11), once its items are answered.
    pub need: Option<PolicyNeed>,
    pub record: DocumentRecord,
}

impl CompanyPolicy {
    /// 当てはまるか in words, the same on the screen and in the report.
    pub fn applies_text(&self) -> &'static str {
        match (self.row.applies, self.suggested) {
            (Some(true), false) => "当てはまる",
            (Some(true), true) => "当てはまる（推定）",
            (Some(false), false) => "当てはまらない",
            (Some(false), true) => "当てはまらない（推定）",
            (None, _) => "未回答",
        }
    }

    /// 診断結果の要否 in words: 必要 (with the category's ◎/○), 不要, or 未定 while the answers or
    /// the profile do not say.
    pub fn needed_text(&self) -> &'static str {
        match (self.row.needed, self.need) {
            (Some(true), Some(PolicyNeed::Essential)) => "必要 ◎",
            (Some(true), Some(PolicyNeed::Needed)) => "必要 ○",
            (Some(true), _) => "必要",
            (Some(false), _) => "不要",
            (None, _) => "未定",
        }
    }
}

/// The 13 rows for the company of `workbook`: its own profile, and where that does not say, what
/// the 対策状況チェック answers suggest (marked, never taken as the user's answer).
pub fn company_table(workbook: &Workbook, diagnosis: &Diagnosis) -> Vec<CompanyPolicy> {
    let own = workbook.profile;
    let merged = own.or(suggested_profile(diagnosis));
    policy_table(&merged, diagnosis)
        .into_iter()
        .map(|row| CompanyPolicy {
            suggested: row.applies.is_some() && !own.answers(row.policy.condition),
            need: row
                .policy
                .category()
                .and_then(|no| diagnosis.categories.iter().find(|c| c.no == no))
                .filter(|c| !c.unanswered())
                .map(|c| c.need),
            record: workbook.document(DocumentNo::new(row.policy.no).expect("one of the 13")),
            row,
        })
        .collect()
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

    #[test]
    fn the_company_table_takes_the_users_answers_over_the_suggestion_and_marks_the_rest() {
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        for item in &mut wb.items {
            item.answer = Some(Answer::Partly);
        }
        wb.profile = CompanyProfile {
            employees: Some(1),
            outsources: Some(false),
            ..CompanyProfile::default()
        };
        let twelve = DocumentNo::new(12).unwrap();
        wb.set_document(DocumentRecord {
            status: crate::domain::policy::DocumentStatus::Drafting,
            ..DocumentRecord::empty(twelve)
        });
        let evaluated = Evaluated::new(wb);
        let rows = company_table(&evaluated.workbook, &evaluated.diagnosis);
        let of = |no: usize| &rows[no - 1];
        // (9) answered 2 suggests development; the user did not say.
        assert_eq!((of(9).row.applies, of(9).suggested), (Some(true), true));
        // (10) answered 2 suggests 委託, but the user said no.
        assert_eq!((of(10).row.applies, of(10).suggested), (Some(false), false));
        assert_eq!(of(10).row.needed, Some(false));
        assert_eq!((of(12).row.applies, of(12).suggested), (Some(false), false));
        assert_eq!((of(13).row.applies, of(13).suggested), (None, false));
        assert!(!of(1).suggested, "原則としてすべての企業 needs no answer");
        assert_eq!(of(9).applies_text(), "当てはまる（推定）");
        assert_eq!(of(12).applies_text(), "当てはまらない");
        assert_eq!(of(13).applies_text(), "未回答");
        assert_eq!(
            (of(12).needed_text(), of(13).needed_text()),
            ("不要", "未定")
        );
        assert!(of(1).needed_text().starts_with("必要 "), "with its ◎/○");
        assert_eq!(
            of(12).record.status,
            crate::domain::policy::DocumentStatus::Drafting
        );
        assert_eq!(
            of(3).record,
            DocumentRecord::empty(DocumentNo::new(3).unwrap())
        );
    }
}
