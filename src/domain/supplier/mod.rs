//! 委託先: the companies this company hands work and information to, and their yearly evaluation
//! on riskbook's 委託先確認リスト (`checklist`), answered on the check-sheet engine's scale and
//! kept per 委託先 and year. Plain values and date rules only.

pub mod checklist;
pub mod edit;

pub use edit::SupplierEdit;

use super::checksheet::{ItemAnswer, Meaning};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The database's id of a 委託先.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct SupplierId(pub i64);

/// What the contract says of secrets: the three usual answers, or the user's own words.
pub const AGREEMENTS: [&str; 3] = ["有", "無", "確認中"];

/// One 委託先.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Supplier {
    pub id: SupplierId,
    /// 名称, unique in a database.
    pub name: String,
    /// 委託内容
    pub work: String,
    /// 取り扱う情報
    pub information: String,
    /// 機密保持の取り決め: 有 / 無 / 確認中 (`AGREEMENTS`) or a note.
    pub agreement: String,
    /// 担当窓口
    pub contact: String,
    /// 次回評価, where the user set it; else one year after the last 評価日 (`next_evaluation`).
    pub next_due: Option<NaiveDate>,
}

/// 総合結果 of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// 継続: keep the 委託先 as it is.
    Continue,
    /// 改善を依頼: ask the 委託先 to fix what fell short.
    AskToImprove,
    /// 見直し: reconsider the contract or the 委託先.
    Reconsider,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [
        Verdict::Continue,
        Verdict::AskToImprove,
        Verdict::Reconsider,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Continue => "継続",
            Verdict::AskToImprove => "改善を依頼",
            Verdict::Reconsider => "見直し",
        }
    }

    pub fn from_label(text: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.label() == text.trim())
    }
}

/// One 委託先's evaluation of one year (年度): who evaluated when, the answer to each item of the
/// list (in list order; `ItemAnswer::choice` ○ / × / 該当なし, `comment` the remark), the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub id: i64,
    pub supplier: SupplierId,
    /// The year (年度) it is for; one evaluation per 委託先 and year.
    pub year: i32,
    /// 評価日
    pub on: Option<NaiveDate>,
    /// 評価者
    pub by: String,
    pub answers: Vec<ItemAnswer>,
    /// 総合結果
    pub verdict: Option<Verdict>,
    /// コメント
    pub comment: String,
}

impl Evaluation {
    /// A new evaluation with nothing answered.
    pub fn blank(id: i64, supplier: SupplierId, year: i32) -> Evaluation {
        Evaluation {
            id,
            supplier,
            year,
            on: None,
            by: String::new(),
            answers: vec![ItemAnswer::default(); checklist::len()],
            verdict: None,
            comment: String::new(),
        }
    }

    /// What the answer to item `index` counts as (`Meaning::Unanswered` without one).
    pub fn meaning_of(&self, index: usize) -> Meaning {
        match self.answers.get(index).and_then(|a| a.choice.as_deref()) {
            Some(choice) => checklist::scale().meaning(choice),
            None => Meaning::Unanswered,
        }
    }
}

/// The 委託先 in id order and their evaluations in (委託先, year) order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Suppliers {
    pub list: Vec<Supplier>,
    pub evaluations: Vec<Evaluation>,
}

impl Suppliers {
    pub fn supplier(&self, id: SupplierId) -> Option<&Supplier> {
        self.list.iter().find(|s| s.id == id)
    }

    pub fn by_name(&self, name: &str) -> Option<&Supplier> {
        self.list.iter().find(|s| s.name.trim() == name.trim())
    }

    /// The evaluations of `supplier`, oldest year first.
    pub fn evaluations_of(&self, supplier: SupplierId) -> impl Iterator<Item = &Evaluation> {
        self.evaluations
            .iter()
            .filter(move |e| e.supplier == supplier)
    }

    pub fn evaluation(&self, supplier: SupplierId, year: i32) -> Option<&Evaluation> {
        self.evaluations_of(supplier).find(|e| e.year == year)
    }

    /// The evaluation with the latest 評価日 (the latest year among those without a date).
    pub fn last_evaluation(&self, supplier: SupplierId) -> Option<&Evaluation> {
        self.evaluations_of(supplier)
            .max_by_key(|e| (e.on.is_some(), e.on, e.year))
    }

    /// When `supplier` is next to be evaluated: the date the user set, else a year after its last
    /// 評価日; None when neither is known.
    pub fn next_evaluation(&self, supplier: &Supplier) -> Option<NaiveDate> {
        supplier.next_due.or_else(|| {
            self.last_evaluation(supplier.id)
                .and_then(|e| e.on)
                .and_then(|on| on.checked_add_months(Months::new(12)))
        })
    }

    /// The id a new 委託先 gets: one past the largest in use (an undone insert comes back the same).
    pub fn next_supplier_id(&self) -> SupplierId {
        SupplierId(self.list.iter().map(|s| s.id.0).max().unwrap_or(0) + 1)
    }

    pub fn next_evaluation_id(&self) -> i64 {
        self.evaluations.iter().map(|e| e.id).max().unwrap_or(0) + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_next_evaluation_is_a_year_after_the_last_unless_set() {
        let mut suppliers = Suppliers::default();
        let mut s = Supplier {
            id: SupplierId(1),
            name: "港税理士事務所".to_string(),
            ..Supplier::default()
        };
        suppliers.list.push(s.clone());
        assert_eq!(suppliers.next_evaluation(&s), None);
        let mut first = Evaluation::blank(1, s.id, 2024);
        first.on = Some(d(2024, 5, 10));
        let mut second = Evaluation::blank(2, s.id, 2025);
        second.on = Some(d(2025, 2, 28));
        suppliers.evaluations = vec![first, second];
        assert_eq!(suppliers.next_evaluation(&s), Some(d(2026, 2, 28)));
        s.next_due = Some(d(2025, 12, 1));
        assert_eq!(suppliers.next_evaluation(&s), Some(d(2025, 12, 1)));
    }

    #[test]
    fn a_leap_day_evaluation_is_next_due_at_the_end_of_february() {
        let mut suppliers = Suppliers::default();
        let s = Supplier {
            id: SupplierId(1),
            name: "x".to_string(),
            ..Supplier::default()
        };
        let mut e = Evaluation::blank(1, s.id, 2024);
        e.on = Some(d(2024, 2, 29));
        suppliers.evaluations.push(e);
        assert_eq!(suppliers.next_evaluation(&s), Some(d(2025, 2, 28)));
    }
}
