//! The counts at the top of a check sheet (and of a 委託先 evaluation): how many items are answered,
//! and of the 必須 ones how many are met, fall short (一部 or 未達) or do not apply.

use crate::domain::checksheet::{CheckSheet, Meaning, Requirement};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub items: usize,
    pub answered: usize,
    pub required: usize,
    pub required_met: usize,
    /// 必須 answered 一部 or 未達.
    pub required_short: usize,
    pub required_not_applicable: usize,
    /// Any item, 必須 or not, answered 一部 or 未達.
    pub short: usize,
}

impl Counts {
    /// Counts items given as (requirement, meaning of the answer).
    pub fn of(items: impl IntoIterator<Item = (Requirement, Meaning)>) -> Counts {
        let mut c = Counts::default();
        for (requirement, meaning) in items {
            c.items += 1;
            let answered = meaning != Meaning::Unanswered;
            c.answered += usize::from(answered);
            c.short += usize::from(meaning.falls_short());
            if requirement == Requirement::Required {
                c.required += 1;
                match meaning {
                    Meaning::Met => c.required_met += 1,
                    Meaning::Partly | Meaning::NotMet => c.required_short += 1,
                    Meaning::NotApplicable => c.required_not_applicable += 1,
                    Meaning::Unknown | Meaning::Unanswered => {}
                }
            }
        }
        c
    }

    pub fn unanswered(&self) -> usize {
        self.items - self.answered
    }
}

/// The counts of one customer's sheet.
pub fn counts(sheet: &CheckSheet) -> Counts {
    Counts::of(
        sheet
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.requirement, sheet.meaning_of(i))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checksheet::edit::tests::sheet;

    #[test]
    fn answers_are_counted_by_what_they_mean_and_required_ones_apart() {
        let mut s = sheet(1);
        assert_eq!(
            counts(&s),
            Counts {
                items: 2,
                required: 1,
                ..Counts::default()
            }
        );
        s.items[0].answer.choice = Some("いいえ".to_string());
        s.items[1].answer.choice = Some("いいえ".to_string());
        let c = counts(&s);
        assert_eq!((c.answered, c.required_short, c.short), (2, 1, 2));
        s.items[0].answer.choice = Some("該当しない".to_string());
        let c = counts(&s);
        assert_eq!(
            (c.required_not_applicable, c.required_short, c.short),
            (1, 0, 1)
        );
        s.items[0].answer.choice = Some("はい".to_string());
        assert_eq!(counts(&s).required_met, 1);
        assert_eq!(counts(&s).unanswered(), 0);
    }
}
