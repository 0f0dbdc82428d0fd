//! 対策優先度 (guideline step 3: treat the largest risks first): how much the total リスク値 and the number
//! of リスク大 assets would drop if one check item were implemented, or if every item against one threat
//! were, all else equal.
//!
//! Decisions: only items answered 2, 3 or unanswered are candidates (1 is done; 4 does not apply to the
//! company, so "implementing" it means nothing). 未算定 assets count as 0 and stay 未算定, because no
//! answer changes a missing frequency or rating.

use super::risk::{
    RiskLevel, ThreatAssessment, assess_threats, importance, medium_risk, risk_value,
};
use crate::domain::scales::Importance;
use crate::domain::{Answer, ItemNo, Medium, ThreatId, Workbook};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gain {
    /// Sum of リスク値 over all assets, before minus after.
    pub risk_drop: u32,
    /// Number of リスク大 assets, before minus after.
    pub high_drop: usize,
}

impl Gain {
    /// Sort key, largest effect first: リスク大 removed, then リスク値.
    pub fn rank(&self) -> std::cmp::Reverse<(usize, u32)> {
        std::cmp::Reverse((self.high_drop, self.risk_drop))
    }
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

/// What the what-if needs of the register: the number of rated assets per medium and 重要度. An
/// asset's リスク値 is its 重要度 times its medium's worst 被害発生可能性, so answers that change the
/// threats change every asset of a medium alike; the gain of an item is then computed from a few
/// dozen threats instead of every asset (100,000 assets × 85 candidates would take a fifth of a second).
struct WhatIf<'a> {
    workbook: &'a Workbook,
    answers: HashMap<ItemNo, Option<Answer>>,
    /// Assets whose 重要度 is known, per medium (in `Medium::ALL` order), indexed by 重要度.
    rated: [[usize; Importance::MAX as usize + 1]; Medium::ALL.len()],
}

impl<'a> WhatIf<'a> {
    fn new(workbook: &'a Workbook) -> Self {
        let mut rated = [[0; Importance::MAX as usize + 1]; Medium::ALL.len()];
        for asset in &workbook.assets {
            if let (Some(medium), Some(i)) = (asset.medium, importance(asset.ratings())) {
                rated[medium as usize][i.value() as usize] += 1;
            }
        }
        WhatIf {
            workbook,
            answers: workbook.items.iter().map(|i| (i.no, i.answer)).collect(),
            rated,
        }
    }

    /// Every threat assessed with `implemented` answered 1, all else as it is.
    fn threats_with(&self, implemented: &[ItemNo]) -> Vec<ThreatAssessment> {
        assess_threats(&self.workbook.threats, |no| {
            if implemented.contains(&no) {
                Some(Answer::Implemented)
            } else {
                self.answers.get(&no).copied().flatten()
            }
        })
    }

    /// Total リスク値 and number of リスク大 assets with `implemented` answered 1, all else as it is.
    fn totals(&self, implemented: &[ItemNo]) -> (u32, usize) {
        let threats = self.threats_with(implemented);
        let (mut risk, mut high) = (0, 0);
        for (medium, counts) in Medium::ALL.into_iter().zip(&self.rated) {
            let Ok(worst) = medium_risk(medium, &threats) else {
                continue;
            };
            for (importance, &n) in Importance::all().zip(counts.iter().rev()) {
                let value = risk_value(importance, worst.likelihood);
                risk += u32::from(value) * n as u32;
                if RiskLevel::of(Some(value)) == RiskLevel::High {
                    high += n;
                }
            }
        }
        (risk, high)
    }
}

/// Total リスク値 and number of リスク大 assets with `implemented` answered 1, all else as it is.
pub fn totals_with(wb: &Workbook, implemented: &[ItemNo]) -> (u32, usize) {
    WhatIf::new(wb).totals(implemented)
}

fn gain(before: (u32, usize), after: (u32, usize)) -> Gain {
    Gain {
        risk_drop: before.0.saturating_sub(after.0),
        high_drop: before.1.saturating_sub(after.1),
    }
}

/// Every open check item with its gain, largest first (リスク大 removed, then リスク値, then number).
pub fn item_gains(wb: &Workbook) -> Vec<ItemGain> {
    let what_if = WhatIf::new(wb);
    let before = what_if.totals(&[]);
    let mut gains: Vec<ItemGain> = wb
        .items
        .iter()
        .filter(|i| i.is_open())
        .map(|i| ItemGain {
            no: i.no,
            category: i.category,
            question: i.question.clone(),
            answer: i.answer,
            gain: gain(before, what_if.totals(&[i.no])),
        })
        .collect();
    gains.sort_by_key(|g| (g.gain.rank(), g.no));
    gains
}

/// Every threat with open linked items, with the gain of implementing all of them, largest first.
pub fn threat_gains(wb: &Workbook) -> Vec<ThreatGain> {
    let what_if = WhatIf::new(wb);
    let before = what_if.totals(&[]);
    let mut gains: Vec<ThreatGain> = wb
        .threats
        .iter()
        .filter_map(|t| {
            let open_items = wb.open_items(&t.items);
            if open_items.is_empty() {
                return None;
            }
            Some(ThreatGain {
                threat: t.id,
                medium: t.medium,
                name: t.name.clone(),
                gain: gain(before, what_if.totals(&open_items)),
                open_items,
            })
        })
        .collect();
    gains.sort_by_key(|g| (g.gain.rank(), g.threat));
    gains
}

/// What implementing a measure would do to one asset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetGain {
    /// One item (`threat` None), or every open item of `threat`.
    pub threat: Option<ThreatId>,
    /// The items that would become 「1 実施している」.
    pub items: Vec<ItemNo>,
    /// The asset's リスク値 afterwards.
    pub risk_after: u8,
}

/// The measures that lower the リスク値 of the asset at `index`, by the same what-if as 対策優先度:
/// each open item linked to a threat of its medium, then each such threat's open items together,
/// lowest リスク値 afterwards first. Empty for 未算定 or when nothing lowers it.
pub fn asset_gains(wb: &Workbook, index: usize) -> Vec<AssetGain> {
    let asset = &wb.assets[index];
    let (Some(medium), Some(importance)) = (asset.medium, importance(asset.ratings())) else {
        return Vec::new();
    };
    let what_if = WhatIf::new(wb);
    let risk_with = |implemented: &[ItemNo]| {
        medium_risk(medium, &what_if.threats_with(implemented))
            .ok()
            .map(|worst| risk_value(importance, worst.likelihood))
    };
    let Some(now) = risk_with(&[]) else {
        return Vec::new();
    };
    let threats: Vec<_> = wb.threats_of(medium).collect();
    let linked: Vec<ItemNo> = threats.iter().flat_map(|t| t.items.clone()).collect();
    let mut items = wb.open_items(&linked);
    items.sort();
    items.dedup();
    let singles = items.into_iter().map(|no| (None, vec![no]));
    let groups = threats
        .iter()
        .map(|t| (Some(t.id), wb.open_items(&t.items)));
    let mut gains: Vec<AssetGain> = singles
        .chain(groups.filter(|(_, open)| open.len() > 1))
        .filter_map(|(threat, items)| {
            let after = risk_with(&items)?;
            (after < now).then_some(AssetGain {
                threat,
                items,
                risk_after: after,
            })
        })
        .collect();
    gains.sort_by_key(|g| (g.risk_after, g.items.len()));
    gains
}
