//! What a 委託先 evaluation comes to: ○ / × / 該当なし / 未回答 per 区分 and in all, on the
//! check-sheet engine's counts, and which 委託先 are due for evaluation.

use super::checksheet::Counts;
use crate::domain::checksheet::{Meaning, Requirement};
use crate::domain::supplier::checklist::{self, GROUPS};
use crate::domain::supplier::{Evaluation, Supplier, Suppliers};
use chrono::NaiveDate;

/// The counts of one 区分 (or of the whole list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub items: usize,
    /// ○
    pub yes: usize,
    /// ×
    pub no: usize,
    /// 該当なし
    pub not_applicable: usize,
}

impl Tally {
    fn of(counts: Counts) -> Tally {
        Tally {
            items: counts.items,
            yes: counts.required_met,
            no: counts.required_short,
            not_applicable: counts.required_not_applicable,
        }
    }

    pub fn unanswered(&self) -> usize {
        self.items - self.yes - self.no - self.not_applicable
    }

    /// 「○ 3　× 1　該当なし 0　未回答 22」, as the window and the PDF write the counts.
    pub fn text(&self) -> String {
        format!(
            "○ {}　× {}　該当なし {}　未回答 {}",
            self.yes,
            self.no,
            self.not_applicable,
            self.unanswered()
        )
    }
}

/// Every item of the list counts (the list has no 任意 items).
fn tally(e: Option<&Evaluation>, indices: impl Iterator<Item = usize>) -> Tally {
    Tally::of(Counts::of(indices.map(|i| {
        let meaning = e.map_or(Meaning::Unanswered, |e| e.meaning_of(i));
        (Requirement::Required, meaning)
    })))
}

/// The counts of the whole list; all 未回答 without an evaluation.
pub fn totals(e: Option<&Evaluation>) -> Tally {
    tally(e, 0..checklist::len())
}

/// The counts per 区分, in the list's order.
pub fn by_group(e: Option<&Evaluation>) -> Vec<(&'static str, Tally)> {
    GROUPS
        .iter()
        .map(|group| (*group, tally(e, checklist::items_of(group).map(|(i, _)| i))))
        .collect()
}

/// Whether `supplier` is to be evaluated by `today + days`: its next evaluation falls by then, or
/// it was never evaluated and has no date set.
pub fn due_within(suppliers: &Suppliers, supplier: &Supplier, today: NaiveDate, days: i64) -> bool {
    match suppliers.next_evaluation(supplier) {
        Some(next) => next <= today + chrono::Duration::days(days),
        None => true,
    }
}

/// The 委託先 whose next evaluation is past (before `today`).
pub fn overdue(suppliers: &Suppliers, today: NaiveDate) -> Vec<&Supplier> {
    suppliers
        .list
        .iter()
        .filter(|s| {
            suppliers
                .next_evaluation(s)
                .is_some_and(|next| next < today)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::supplier::SupplierId;
    use crate::domain::supplier::checklist::{NO, NOT_APPLICABLE, YES};

    #[test]
    fn answers_are_counted_per_group_and_in_all() {
        let mut e = Evaluation::blank(1, SupplierId(1), 2026);
        e.answers[0].choice = Some(YES.into()); // ガバナンスの整備
        e.answers[1].choice = Some(NO.into());
        e.answers[10].choice = Some(NOT_APPLICABLE.into()); // 攻撃の防御
        e.answers[25].choice = Some(YES.into()); // 事故からの復旧
        let all = totals(Some(&e));
        assert_eq!(
            (
                all.items,
                all.yes,
                all.no,
                all.not_applicable,
                all.unanswered()
            ),
            (26, 2, 1, 1, 22)
        );
        let groups = by_group(Some(&e));
        assert_eq!(groups.len(), 7);
        assert_eq!(groups[0].0, "ガバナンスの整備");
        assert_eq!((groups[0].1.yes, groups[0].1.no), (1, 1));
        assert_eq!(groups[3].1.not_applicable, 1);
        assert_eq!(groups[6].1.yes, 1);
        assert_eq!(totals(None).unanswered(), 26);
    }

    #[test]
    fn a_supplier_is_overdue_a_year_after_its_last_evaluation() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let mut suppliers = Suppliers::default();
        for (id, name) in [(1, "評価済み"), (2, "未評価")] {
            suppliers.list.push(Supplier {
                id: SupplierId(id),
                name: name.into(),
                ..Supplier::default()
            });
        }
        let mut e = Evaluation::blank(1, SupplierId(1), 2025);
        e.on = Some(d(2025, 6, 1));
        suppliers.evaluations.push(e);
        let names = |list: Vec<&Supplier>| list.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert!(overdue(&suppliers, d(2026, 6, 1)).is_empty());
        assert_eq!(names(overdue(&suppliers, d(2026, 6, 2))), ["評価済み"]);
        let first = &suppliers.list[0];
        assert!(due_within(&suppliers, first, d(2026, 5, 2), 30));
        assert!(!due_within(&suppliers, first, d(2026, 5, 1), 30));
        assert!(due_within(
            &suppliers,
            &suppliers.list[1],
            d(2026, 1, 1),
            30
        ));
    }
}
