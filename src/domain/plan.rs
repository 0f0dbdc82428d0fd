//! 対策計画: what the company decided to do about the diagnosis — a measure (one check item, or every
//! item against one threat), who does it, by when, and how far it is.

use super::catalogue::{ItemNo, ThreatId};
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
