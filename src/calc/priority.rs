//! 対策優先度 (guideline step 3: treat the largest risks first): how much the total リスク値 and the number
//! of リスク大 assets would drop if one check item were implemented, or if every item against one threat
//! were, all else equal.
//!
//! Decisions: only items answered 2, 3 or unanswered are candidates (1 is done; 4 does not apply to the
//! company, so "implementing" it means nothing). 未算定 assets count as 0 and stay 未算定, because no
//! answer changes a missing frequency or rating.

use super::risk::{RiskLevel, assess_parts};
use crate::domain::{Answer, CheckItem, ItemNo, Medium, ThreatId, Workbook};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gain {
    /// Sum of リスク値 over all assets, before minus after.
    pub risk_drop: u32,
    /// Number of リスク大 assets, before minus after.
    pub high_drop: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemGain {
    pub no: ItemNo,
    pub category: u8,
    pub question: String,
    pub answer: Option<Answer>,
    pub gain: Gain,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreatGain {
    pub threat: ThreatId,
    pub medium: Medium,
    pub name: String,
    /// Linked items that would have to become 1.
    pub open_items: Vec<ItemNo>,
    pub gain: Gain,
}

/// Total リスク値 and number of リスク大 assets with these answers.
fn totals(wb: &Workbook, items: &[CheckItem]) -> (u32, usize) {
    let a = assess_parts(items, &wb.threats, &wb.assets);
    let risk = a.assets.iter().filter_map(|r| r.risk).map(u32::from).sum();
    let high = a
        .assets
        .iter()
        .filter(|r| r.level == RiskLevel::High)
        .count();
    (risk, high)
}

fn open(answer: Option<Answer>) -> bool {
    !matches!(answer, Some(Answer::Implemented | Answer::NotApplicable))
}

/// The answers with `items` answered 1.
fn implemented(wb: &Workbook, items: &[ItemNo]) -> Vec<CheckItem> {
    let mut changed = wb.items.clone();
    for item in changed.iter_mut().filter(|i| items.contains(&i.no)) {
        item.answer = Some(Answer::Implemented);
    }
    changed
}

fn gain(before: (u32, usize), after: (u32, usize)) -> Gain {
    Gain {
        risk_drop: before.0.saturating_sub(after.0),
        high_drop: before.1.saturating_sub(after.1),
    }
}

/// Every open check item with its gain, largest first (リスク大 removed, then リスク値, then number).
pub fn item_gains(wb: &Workbook) -> Vec<ItemGain> {
    let before = totals(wb, &wb.items);
    let mut gains: Vec<ItemGain> = wb
        .items
        .iter()
        .filter(|i| open(i.answer))
        .map(|i| ItemGain {
            no: i.no,
            category: i.category,
            question: i.question.clone(),
            answer: i.answer,
            gain: gain(before, totals(wb, &implemented(wb, &[i.no]))),
        })
        .collect();
    gains.sort_by_key(|g| {
        (
            std::cmp::Reverse((g.gain.high_drop, g.gain.risk_drop)),
            g.no,
        )
    });
    gains
}

/// Every threat with open linked items, with the gain of implementing all of them, largest first.
pub fn threat_gains(wb: &Workbook) -> Vec<ThreatGain> {
    let before = totals(wb, &wb.items);
    let mut gains: Vec<ThreatGain> = wb
        .threats
        .iter()
        .filter_map(|t| {
            let open_items: Vec<ItemNo> = t
                .items
                .iter()
                .copied()
                .filter(|no| open(wb.answer(*no)))
                .collect();
            if open_items.is_empty() {
                return None;
            }
            Some(ThreatGain {
                threat: t.id,
                medium: t.medium,
                name: t.name.clone(),
                gain: gain(before, totals(wb, &implemented(wb, &open_items))),
                open_items,
            })
        })
        .collect();
    gains.sort_by_key(|g| {
        (
            std::cmp::Reverse((g.gain.high_drop, g.gain.risk_drop)),
            g.threat,
        )
    });
    gains
}
