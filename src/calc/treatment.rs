//! リスク対応 (手順3): which assets need a decision, in the order to take them (undecided first,
//! リスク大 before 中), how complete each decision is, and which 対策計画 entries lower an asset (for
//! 低減; computed, never stored).
//!
//! riskbook の決め: a 対策計画 entry lowers an asset when the asset's リスク値 with the entry's items
//! answered 「1 実施している」 is below its リスク値 now (the what-if of 「なぜこのリスク値か」); an entry
//! already 完了 is compared with its items unanswered instead, so it still counts as what lowered it. A 低減 with no such entry
//! is incomplete (「対策計画がありません」). A decision on an asset now at リスク小 is kept but no longer
//! needed; one on a 未算定 asset is kept and waits for the リスク値.

use super::risk::{Assessment, RiskLevel, assess_threats, medium_risk};
use crate::domain::{
    Answer, AssetId, Decision, ItemNo, Medium, Missing, PlanStatus, Treatment, Workbook,
};
use std::collections::HashMap;

/// Whether an asset's risk still needs a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// リスク大 or 中.
    Needed,
    /// リスク小: a decision made earlier is kept, marked no longer needed.
    NoLongerNeeded,
    /// 未算定: a decision is kept until the リスク値 is known.
    Unrated,
}

impl Need {
    pub fn of(level: RiskLevel) -> Need {
        match level {
            RiskLevel::High | RiskLevel::Medium => Need::Needed,
            RiskLevel::Low => Need::NoLongerNeeded,
            RiskLevel::Unrated => Need::Unrated,
        }
    }

    /// How the list marks a decision that is not needed now.
    pub fn label(self) -> &'static str {
        match self {
            Need::Needed => "要",
            Need::NoLongerNeeded => "不要になった（リスク小）",
            Need::Unrated => "保留（未算定）",
        }
    }
}

/// One asset in the リスク対応 list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreatmentRow {
    /// Index into `Workbook::assets`.
    pub row: usize,
    pub asset: AssetId,
    pub risk: Option<u8>,
    pub level: RiskLevel,
    pub need: Need,
    /// None while undecided.
    pub decision: Option<Decision>,
    /// What the decision lacks; empty when complete (and when undecided).
    pub missing: Vec<Missing>,
    /// 低減: indices into `Workbook::plan` of the entries that lower this asset.
    pub lowering: Vec<usize>,
}

impl TreatmentRow {
    pub fn is_complete(&self) -> bool {
        self.decision.is_some() && self.missing.is_empty()
    }

    /// 未決定 / 不足あり / 決定済み.
    pub fn standing(&self) -> &'static str {
        match (self.decision, self.missing.is_empty()) {
            (None, _) => "未決定",
            (Some(_), false) => "不足あり",
            (Some(_), true) => "決定済み",
        }
    }

    /// Undecided first, then incomplete, then complete.
    fn standing_rank(&self) -> u8 {
        match (self.decision, self.missing.is_empty()) {
            (None, _) => 0,
            (Some(_), false) => 1,
            (Some(_), true) => 2,
        }
    }
}

/// The list of the リスク対応 view, the report and the summary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TreatmentList {
    /// リスク大 and 中: undecided first, then incomplete, then complete; within each リスク大 before 中,
    /// then the higher リスク値, then 台帳 order.
    pub needed: Vec<TreatmentRow>,
    /// Decisions kept on assets at リスク小 or 未算定, in 台帳 order.
    pub not_needed: Vec<TreatmentRow>,
}

impl TreatmentList {
    pub fn undecided(&self) -> usize {
        self.needed.iter().filter(|r| r.decision.is_none()).count()
    }

    pub fn incomplete(&self) -> usize {
        self.needed
            .iter()
            .filter(|r| r.decision.is_some() && !r.missing.is_empty())
            .count()
    }
}

/// For each medium, the 対策計画 entries (indices) whose items lower its worst 被害発生可能性: an
/// asset's リスク値 is its 重要度 times that, so an entry lowers every asset of the medium whose
/// 重要度 is above 0 alike, and a few dozen threat assessments answer for 100,000 assets.
pub struct PlanLinks {
    by_medium: HashMap<Medium, Vec<usize>>,
}

impl PlanLinks {
    pub fn new(wb: &Workbook) -> PlanLinks {
        let answers: HashMap<ItemNo, _> = wb.items.iter().map(|i| (i.no, i.answer)).collect();
        let worst = |items: &[ItemNo], answer: Option<Answer>| {
            let threats = assess_threats(&wb.threats, |no| {
                if items.contains(&no) {
                    answer
                } else {
                    answers.get(&no).copied().flatten()
                }
            });
            Medium::ALL.map(|m| medium_risk(m, &threats).ok().map(|w| w.likelihood))
        };
        let now = worst(&[], None);
        let mut by_medium: HashMap<Medium, Vec<usize>> = HashMap::new();
        for (index, entry) in wb.plan.iter().enumerate() {
            let items = entry.items(wb);
            let done = worst(&items, Some(Answer::Implemented));
            // A finished entry is compared with its items unanswered (what it lowered), one to do
            // with the answers as they are (what it would lower).
            let before = if entry.status == PlanStatus::Done {
                worst(&items, None)
            } else {
                now
            };
            for (m, medium) in Medium::ALL.into_iter().enumerate() {
                if let (Some(after), Some(before)) = (done[m], before[m])
                    && after < before
                {
                    by_medium.entry(medium).or_default().push(index);
                }
            }
        }
        PlanLinks { by_medium }
    }

    /// The entries that lower the asset at `row` (none for リスク値 0 or 未算定).
    pub fn lowering(&self, assessment: &Assessment, row: usize) -> Vec<usize> {
        let risk = &assessment.assets[row];
        match (risk.medium, risk.risk) {
            (Some(medium), Some(1..)) => self.by_medium.get(&medium).cloned().unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

/// The state of the asset at `row`: its decision, what that lacks, and the entries that lower it.
pub fn treatment_row(
    wb: &Workbook,
    assessment: &Assessment,
    links: &PlanLinks,
    row: usize,
) -> TreatmentRow {
    let asset = wb.assets[row].id;
    let risk = &assessment.assets[row];
    let treatment: Option<&Treatment> = wb.treatment(asset);
    let lowering = links.lowering(assessment, row);
    let mut missing = treatment.map(Treatment::missing).unwrap_or_default();
    if treatment.is_some_and(|t| t.decision == Decision::Reduce) && lowering.is_empty() {
        missing.push(Missing::PlanEntry);
    }
    TreatmentRow {
        row,
        asset,
        risk: risk.risk,
        level: risk.level,
        need: Need::of(risk.level),
        decision: treatment.map(|t| t.decision),
        missing,
        lowering,
    }
}

/// Every asset that needs a decision, in the order to take them, and the decisions no longer needed.
pub fn treatment_list(wb: &Workbook, assessment: &Assessment) -> TreatmentList {
    let links = PlanLinks::new(wb);
    let mut list = TreatmentList::default();
    for (row, risk) in assessment.assets.iter().enumerate() {
        let needed = Need::of(risk.level) == Need::Needed;
        if !needed && wb.treatment(wb.assets[row].id).is_none() {
            continue;
        }
        let item = treatment_row(wb, assessment, &links, row);
        if needed {
            list.needed.push(item);
        } else {
            list.not_needed.push(item);
        }
    }
    list.needed
        .sort_by_key(|r| (r.standing_rank(), r.level, std::cmp::Reverse(r.risk), r.row));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::assess;
    use crate::domain::{Asset, Catalogue, Frequency, Measure, PlanEntry, Rating};
    use chrono::NaiveDate;

    fn asset(id: i64, name: &str, medium: Medium, rating: u8) -> Asset {
        let r = Some(Rating::new(rating).unwrap());
        Asset {
            id: AssetId(id),
            name: name.into(),
            medium: Some(medium),
            confidentiality: r,
            integrity: r,
            availability: r,
            ..Asset::default()
        }
    }

    /// 書類 at frequency 3 with nothing answered: 重要度 2 → リスク値 6 (大), 重要度 1 → 3 (中),
    /// 重要度 0 → 0 (小); a 事務所PC asset stays 未算定 (no frequency).
    fn workbook() -> Workbook {
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        for t in wb.threats.iter_mut().filter(|t| t.medium == Medium::Paper) {
            t.frequency = Some(Frequency::new(3).unwrap());
        }
        wb.assets = vec![
            asset(1, "見積書", Medium::Paper, 1),
            asset(2, "社員名簿", Medium::Paper, 2),
            asset(3, "カタログ", Medium::Paper, 0),
            asset(4, "顧客台帳", Medium::Paper, 2),
            asset(5, "会計データ", Medium::OfficePc, 2),
        ];
        wb
    }

    fn decide(wb: &mut Workbook, t: Treatment) {
        let at = wb
            .treatments
            .binary_search_by_key(&t.asset, |t| t.asset)
            .unwrap_or_else(|i| i);
        wb.treatments.insert(at, t);
    }

    fn names(wb: &Workbook, rows: &[TreatmentRow]) -> Vec<String> {
        rows.iter().map(|r| wb.assets[r.row].name.clone()).collect()
    }

    #[test]
    fn undecided_come_first_high_before_medium_and_low_ones_only_when_decided() {
        let mut wb = workbook();
        decide(&mut wb, Treatment::new(AssetId(2), Decision::Transfer));
        let mut accepted = Treatment::new(AssetId(1), Decision::Accept);
        accepted.reason = "損害が小さい".into();
        accepted.accepted_by = "代表取締役".into();
        accepted.accepted_on = NaiveDate::from_ymd_opt(2026, 4, 1);
        decide(&mut wb, accepted);
        let list = treatment_list(&wb, &assess(&wb));
        // 顧客台帳 (大, undecided), 社員名簿 (大, 移転 without what changes), 見積書 (中, complete).
        assert_eq!(names(&wb, &list.needed), ["顧客台帳", "社員名簿", "見積書"]);
        assert_eq!(list.needed[0].standing(), "未決定");
        assert_eq!(list.needed[1].missing, [Missing::Change]);
        assert_eq!(list.needed[1].standing(), "不足あり");
        assert!(list.needed[2].is_complete());
        assert_eq!((list.undecided(), list.incomplete()), (1, 1));
        assert!(list.not_needed.is_empty(), "カタログ (小) has no decision");
    }

    #[test]
    fn a_decision_on_an_asset_fallen_to_low_is_kept_and_marked_no_longer_needed() {
        let mut wb = workbook();
        decide(&mut wb, Treatment::new(AssetId(3), Decision::Avoid));
        decide(&mut wb, Treatment::new(AssetId(5), Decision::Reduce));
        let list = treatment_list(&wb, &assess(&wb));
        assert_eq!(names(&wb, &list.not_needed), ["カタログ", "会計データ"]);
        assert_eq!(list.not_needed[0].need, Need::NoLongerNeeded);
        assert_eq!(list.not_needed[1].need, Need::Unrated);
        assert_eq!(list.needed.len(), 3);
        assert!(list.needed.iter().all(|r| r.decision.is_none()));
    }

    #[test]
    fn reducing_links_the_plan_entries_that_lower_the_asset_and_is_incomplete_without_one() {
        let mut wb = workbook();
        decide(&mut wb, Treatment::new(AssetId(4), Decision::Reduce));
        let row = |wb: &Workbook| {
            treatment_list(wb, &assess(wb))
                .needed
                .into_iter()
                .find(|r| r.asset == AssetId(4))
                .unwrap()
        };
        assert_eq!(row(&wb).missing, [Missing::PlanEntry]);
        // No.41 is no 書類 threat's item; No.12 alone leaves the other 書類 threats at p 3.
        wb.plan.push(PlanEntry::new(Measure::Item(ItemNo(41))));
        wb.plan.push(PlanEntry::new(Measure::Item(ItemNo(12))));
        assert_eq!(row(&wb).missing, [Missing::PlanEntry]);
        assert!(row(&wb).lowering.is_empty());
        // Every item of the first 書類 threat: it falls to p 1 and the two others, sharing items
        // No.18 and No.19, to p 2, so リスク値 6 → 4.
        let first = wb.threats[0].clone();
        assert_eq!(first.medium, Medium::Paper);
        wb.plan.push(PlanEntry::new(Measure::Threat(first.id)));
        let r = row(&wb);
        assert_eq!(r.lowering, [2]);
        assert!(r.is_complete());
        // Done: its items answered 1 and the entry 完了; it still is what lowered the asset.
        for i in wb.items.iter_mut().filter(|i| first.items.contains(&i.no)) {
            i.answer = Some(Answer::Implemented);
        }
        wb.plan[2].status = PlanStatus::Done;
        let r = row(&wb);
        assert_eq!(r.risk, Some(4));
        assert_eq!(r.lowering, [2]);
        // A 重要度 0 asset on the same medium (リスク値 0) is lowered by nothing.
        let links = PlanLinks::new(&wb);
        assert!(links.lowering(&assess(&wb), 2).is_empty());
    }
}
