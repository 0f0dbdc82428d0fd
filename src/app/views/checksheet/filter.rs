//! Which items of a check sheet the list shows, and in what order: all, 未回答 or 必須の未達, one
//! label or all, 必須 first or as the customer ordered them. No egui: unit-tested here.

use crate::domain::checksheet::{CheckSheet, Meaning, Requirement};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shown {
    #[default]
    All,
    Unanswered,
    /// 必須 items answered 一部 or 未達, and 必須 items not answered yet.
    RequiredOpen,
}

impl Shown {
    pub const ALL: [Shown; 3] = [Shown::All, Shown::Unanswered, Shown::RequiredOpen];

    pub fn label(self) -> &'static str {
        match self {
            Shown::All => "すべて",
            Shown::Unanswered => "未回答",
            Shown::RequiredOpen => "必須の未達・未回答",
        }
    }

    fn keeps(self, requirement: Requirement, meaning: Meaning) -> bool {
        match self {
            Shown::All => true,
            Shown::Unanswered => meaning == Meaning::Unanswered,
            Shown::RequiredOpen => {
                requirement == Requirement::Required
                    && (meaning.falls_short() || meaning == Meaning::Unanswered)
            }
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub shown: Shown,
    /// One label (ラベル, 区分) only.
    pub label: Option<String>,
    pub required_first: bool,
}

impl Filter {
    /// The indexes of the items shown, in the order shown.
    pub fn rows(&self, sheet: &CheckSheet) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..sheet.items.len())
            .filter(|&i| {
                let item = &sheet.items[i];
                self.shown.keeps(item.requirement, sheet.meaning_of(i))
                    && self.label.as_ref().is_none_or(|l| *l == item.label)
            })
            .collect();
        if self.required_first {
            // Stable: within 必須 and within the rest, the customer's order stays.
            rows.sort_by_key(|&i| sheet.items[i].requirement != Requirement::Required);
        }
        rows
    }
}

/// The sheet's labels in the customer's order, each once.
pub fn labels(sheet: &CheckSheet) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for item in &sheet.items {
        if !item.label.is_empty() && !labels.contains(&item.label) {
            labels.push(item.label.clone());
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checksheet::edit::tests::sheet;

    #[test]
    fn filters_keep_what_their_name_says_and_required_first_keeps_the_order() {
        let mut s = sheet(1);
        let mut third = s.items[0].clone();
        third.number = "3".into();
        third.label = "物理".into();
        s.items.push(third);
        // Item 1 (必須) answered いいえ; 2 is 任意 per the helper, 3 必須 unanswered.
        s.items[0].answer.choice = Some("いいえ".into());
        let all = Filter::default();
        assert_eq!(all.rows(&s), [0, 1, 2]);
        let unanswered = Filter {
            shown: Shown::Unanswered,
            ..Filter::default()
        };
        assert_eq!(unanswered.rows(&s), [1, 2]);
        let open = Filter {
            shown: Shown::RequiredOpen,
            ..Filter::default()
        };
        assert_eq!(open.rows(&s), [0, 2]);
        let physical = Filter {
            label: Some("物理".into()),
            ..Filter::default()
        };
        assert_eq!(physical.rows(&s), [2]);
        let first = Filter {
            required_first: true,
            ..Filter::default()
        };
        assert_eq!(first.rows(&s), [0, 2, 1]);
        assert_eq!(labels(&s), ["組織", "物理"]);
    }
}
