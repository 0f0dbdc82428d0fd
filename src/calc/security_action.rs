//! Where the company stands on SECURITY ACTION (docs/method.md §14): each of the 5か条 from the
//! answers of its 対策状況チェック questions, and what ★★ still lacks. The window's
//! 「基本方針・SECURITY ACTION」 sheet and `summary --json` read it.

use crate::domain::declaration::five_rules::{FIVE_RULES, Rule};
use crate::domain::{Answer, Declaration, ItemNo, Workbook};

/// How far one of the 5か条 is done, by the answers of its questions (4 該当しない left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleState {
    /// Every question that applies answered 1 (or none applies).
    Done,
    /// Some answered 1 or 2.
    Partly,
    /// Every question that applies answered 3.
    NotDone,
    /// A question is not answered yet: the state would be a guess.
    Unanswered,
}

impl RuleState {
    pub fn label(self) -> &'static str {
        match self {
            RuleState::Done => "できている",
            RuleState::Partly => "一部できている",
            RuleState::NotDone => "できていない",
            RuleState::Unanswered => "未回答あり",
        }
    }

    /// For `summary --json`.
    pub fn key(self) -> &'static str {
        match self {
            RuleState::Done => "done",
            RuleState::Partly => "partly",
            RuleState::NotDone => "not_done",
            RuleState::Unanswered => "unanswered",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleStanding {
    pub rule: &'static Rule,
    pub state: RuleState,
    /// The rule's questions this workbook has, with their answers.
    pub answers: Vec<(ItemNo, Option<Answer>)>,
}

/// The state of one rule from its questions' answers.
pub fn rule_state(answers: &[Option<Answer>]) -> RuleState {
    if answers.iter().any(Option::is_none) {
        return RuleState::Unanswered;
    }
    let applying: Vec<Answer> = answers
        .iter()
        .flatten()
        .copied()
        .filter(|a| *a != Answer::NotApplicable)
        .collect();
    if applying.iter().all(|a| *a == Answer::Implemented) {
        RuleState::Done
    } else if applying.contains(&Answer::Implemented) || applying.contains(&Answer::Partly) {
        RuleState::Partly
    } else {
        RuleState::NotDone
    }
}

/// The 5か条 in order, each with its state in `workbook`. A question the workbook does not have
/// (an imported workbook numbered otherwise) is left out; a rule with none left is 未回答.
pub fn five_rules(workbook: &Workbook) -> Vec<RuleStanding> {
    FIVE_RULES
        .iter()
        .map(|rule| {
            let answers: Vec<(ItemNo, Option<Answer>)> = rule
                .items()
                .filter(|no| workbook.items.iter().any(|i| i.no == *no))
                .map(|no| (no, workbook.answer(no)))
                .collect();
            let state = if answers.is_empty() {
                RuleState::Unanswered
            } else {
                rule_state(&answers.iter().map(|(_, a)| *a).collect::<Vec<_>>())
            };
            RuleStanding {
                rule,
                state,
                answers,
            }
        })
        .collect()
}

/// What ★★ (自社診断 done, 基本方針 set and published) still lacks, in the words of the page;
/// empty when the company may declare it.
pub fn two_star_missing(d: &Declaration) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if d.self_check.done_on.is_none() {
        missing.push("自社診断の実施日");
    }
    if d.self_check.score.is_none() {
        missing.push("自社診断の点数");
    }
    if !d.basic_policy.is_written() {
        missing.push("基本方針（本文・制定日・代表者名）");
    }
    if d.basic_policy.published_on.is_none() {
        missing.push("基本方針の公開日");
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Catalogue;

    const A1: Option<Answer> = Some(Answer::Implemented);
    const A2: Option<Answer> = Some(Answer::Partly);
    const A3: Option<Answer> = Some(Answer::NotImplemented);
    const A4: Option<Answer> = Some(Answer::NotApplicable);

    #[test]
    fn a_rule_is_done_only_when_every_question_that_applies_is_implemented() {
        assert_eq!(rule_state(&[A1, A1, A4]), RuleState::Done);
        assert_eq!(rule_state(&[A4, A4]), RuleState::Done);
        assert_eq!(rule_state(&[A1, A3]), RuleState::Partly);
        assert_eq!(rule_state(&[A2, A3]), RuleState::Partly);
        assert_eq!(rule_state(&[A3, A3, A4]), RuleState::NotDone);
        assert_eq!(rule_state(&[A1, None]), RuleState::Unanswered);
    }

    #[test]
    fn the_five_rules_read_their_questions_in_the_workbook() {
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        let states = |wb: &Workbook| five_rules(wb).iter().map(|s| s.state).collect::<Vec<_>>();
        assert_eq!(states(&wb), [RuleState::Unanswered; 5]);
        for item in &mut wb.items {
            item.answer = A1;
        }
        wb.items
            .iter_mut()
            .find(|i| i.no == ItemNo(27))
            .unwrap()
            .answer = A3;
        assert_eq!(
            states(&wb),
            [
                RuleState::Done,
                RuleState::Done,
                RuleState::Partly,
                RuleState::Done,
                RuleState::Done
            ]
        );
        // Every rule names questions the default catalogue has.
        for standing in five_rules(&wb) {
            assert_eq!(standing.answers.len(), standing.rule.items.len());
        }
        // A workbook without those questions cannot tell.
        wb.items.retain(|i| i.no != ItemNo(35));
        assert_eq!(five_rules(&wb)[0].state, RuleState::Unanswered);
    }

    #[test]
    fn two_stars_need_the_self_check_and_a_published_basic_policy() {
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        assert_eq!(two_star_missing(&wb.declaration).len(), 4);
        let d = &mut wb.declaration;
        d.self_check.done_on = chrono::NaiveDate::from_ymd_opt(2026, 5, 1);
        d.self_check.score = Some(crate::domain::SelfCheckScore::new(80).unwrap());
        d.basic_policy.text = "当社は…".into();
        d.basic_policy.established_on = chrono::NaiveDate::from_ymd_opt(2026, 6, 1);
        assert_eq!(
            two_star_missing(&wb.declaration),
            ["基本方針（本文・制定日・代表者名）", "基本方針の公開日"]
        );
        wb.declaration.basic_policy.representative = "代表取締役 山田太郎".into();
        wb.declaration.basic_policy.published_on = chrono::NaiveDate::from_ymd_opt(2026, 6, 2);
        assert!(two_star_missing(&wb.declaration).is_empty());
    }
}
