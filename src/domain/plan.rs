//! 対策計画: what the company decided to do about the diagnosis — a measure (one check item, or every
//! item against one threat), who does it, by when, and how far it is.

use super::catalogue::{ItemNo, ThreatId};
use super::edit::Edit;
use super::workbook::Workbook;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The database's id of a plan entry (0 until saved).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct PlanId(pub i64);

/// What is to be implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// One check item.
    Item(ItemNo),
    /// Every item linked to one threat.
    Threat(ThreatId),
}

/// 状態.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlanStatus {
    NotStarted,
    InProgress,
    Done,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 3] = [
        PlanStatus::NotStarted,
        PlanStatus::InProgress,
        PlanStatus::Done,
    ];

    /// 未着手 / 対応中 / 完了, as the sheet and the database write it.
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::NotStarted => "未着手",
            PlanStatus::InProgress => "対応中",
            PlanStatus::Done => "完了",
        }
    }

    pub fn from_label(text: &str) -> Option<PlanStatus> {
        PlanStatus::ALL
            .into_iter()
            .find(|s| s.label() == text.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub id: PlanId,
    pub measure: Measure,
    /// 担当者
    pub owner: String,
    /// 期限
    pub due: Option<NaiveDate>,
    pub status: PlanStatus,
    /// メモ
    pub memo: String,
}

/// What a 「計画に追加」 place offers for a measure: the plan holds one entry per measure, so a
/// measure already planned is shown as such, and a finished one is reopened rather than added again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanOffer {
    /// No entry yet: 「計画に追加」.
    Add,
    /// An entry that is not 完了 (its 1-based number in the plan): 「計画済み」.
    Planned(usize),
    /// The entry is 完了: 「再開」 sets it back to 未着手.
    Reopen(PlanEntry),
}

impl PlanOffer {
    /// What `workbook`'s plan offers for `measure` (the first entry counts where an older database
    /// holds two).
    pub fn of(workbook: &Workbook, measure: Measure) -> PlanOffer {
        match workbook.plan.iter().position(|e| e.measure == measure) {
            None => PlanOffer::Add,
            Some(i) if workbook.plan[i].status == PlanStatus::Done => {
                PlanOffer::Reopen(PlanEntry {
                    status: PlanStatus::NotStarted,
                    ..workbook.plan[i].clone()
                })
            }
            Some(i) => PlanOffer::Planned(i + 1),
        }
    }

    /// The edit the offer's button makes: the new entry at the end, or the entry reopened.
    pub fn edit(&self, measure: Measure) -> Option<Edit> {
        match self {
            PlanOffer::Add => Some(Edit::InsertPlan {
                index: usize::MAX,
                entry: PlanEntry::new(measure),
            }),
            PlanOffer::Planned(_) => None,
            PlanOffer::Reopen(entry) => Some(Edit::UpdatePlan(entry.clone())),
        }
    }
}

impl PlanEntry {
    /// A new entry for `measure`: nobody, no date, 未着手.
    pub fn new(measure: Measure) -> PlanEntry {
        PlanEntry {
            id: PlanId::default(),
            measure,
            owner: String::new(),
            due: None,
            status: PlanStatus::NotStarted,
            memo: String::new(),
        }
    }

    /// Past its 期限 and not 完了 on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status != PlanStatus::Done && self.due.is_some_and(|d| d < today)
    }

    /// The check items the measure covers.
    pub fn items(&self, wb: &Workbook) -> Vec<ItemNo> {
        match self.measure {
            Measure::Item(no) => vec![no],
            Measure::Threat(id) => wb
                .threats
                .iter()
                .find(|t| t.id == id)
                .map_or_else(Vec::new, |t| t.items.clone()),
        }
    }

    /// The measure in words: 「No.41 重要なデータのバックアップを…」 or 「脅威「…」（事務所PC）の対策 8 項目」.
    pub fn title(&self, wb: &Workbook) -> String {
        match self.measure {
            Measure::Item(no) => match wb.items.iter().find(|i| i.no == no) {
                Some(item) => format!("No.{} {}", no.0, item.question),
                None => format!("No.{}", no.0),
            },
            Measure::Threat(id) => match wb.threats.iter().find(|t| t.id == id) {
                Some(t) => format!(
                    "脅威「{}」（{}）の対策 {} 項目",
                    t.name,
                    t.medium,
                    t.items.len()
                ),
                None => "（脅威が見つかりません）".into(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Catalogue;

    fn planned(status: PlanStatus) -> (Workbook, Measure) {
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        let measure = Measure::Item(ItemNo(13));
        wb.plan.push(PlanEntry::new(Measure::Item(ItemNo(1))));
        wb.plan.push(PlanEntry {
            id: PlanId(7),
            owner: "鈴木".into(),
            status,
            ..PlanEntry::new(measure)
        });
        (wb, measure)
    }

    #[test]
    fn a_measure_not_in_the_plan_is_added_at_the_end() {
        let (wb, _) = planned(PlanStatus::NotStarted);
        let other = Measure::Item(ItemNo(42));
        let offer = PlanOffer::of(&wb, other);
        assert_eq!(offer, PlanOffer::Add);
        assert_eq!(
            offer.edit(other),
            Some(Edit::InsertPlan {
                index: usize::MAX,
                entry: PlanEntry::new(other)
            })
        );
    }

    #[test]
    fn a_measure_planned_and_not_done_offers_nothing_and_names_its_entry() {
        for status in [PlanStatus::NotStarted, PlanStatus::InProgress] {
            let (wb, measure) = planned(status);
            let offer = PlanOffer::of(&wb, measure);
            assert_eq!(offer, PlanOffer::Planned(2));
            assert_eq!(offer.edit(measure), None);
        }
    }

    #[test]
    fn a_finished_measure_is_reopened_keeping_its_entry_not_added_twice() {
        let (wb, measure) = planned(PlanStatus::Done);
        let Some(Edit::UpdatePlan(entry)) = PlanOffer::of(&wb, measure).edit(measure) else {
            panic!("a finished measure is reopened");
        };
        assert_eq!(entry.id, PlanId(7));
        assert_eq!(entry.owner, "鈴木");
        assert_eq!(entry.status, PlanStatus::NotStarted);
    }
}
