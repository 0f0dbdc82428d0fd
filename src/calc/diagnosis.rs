//! docs/method.md §8: the 診断結果 sheet — per category the implementation rate and whether a policy is needed.

use super::risk::{Assessment, LevelCounts, RiskLevel, risk_value};
use crate::domain::{Answer, ItemNo, ThreatId, Workbook};
use serde::Serialize;
use std::collections::HashSet;

/// マイナンバー対応: needed in every company, as the guideline says (原則としてすべての企業): every
/// employer handles its staff's マイナンバー, whether or not the 台帳 lists an asset holding it.
pub const MY_NUMBER_CATEGORY: u8 = 4;
/// システムの開発及び保守 and 委託管理: needed only where not every item is answered 4.
pub const CONDITIONAL_CATEGORIES: [u8; 2] = [9, 10];

/// 情報セキュリティポリシー策定の必要性.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PolicyNeed {
    /// ◎: the category counters a threat that gives some asset リスク大.
    Essential,
    /// ○: needed, no リスク大 depends on it.
    Needed,
    /// —: the category does not apply to this company.
    NotNeeded,
}

impl PolicyNeed {
    pub fn mark(self) -> &'static str {
        match self {
            PolicyNeed::Essential => "◎",
            PolicyNeed::Needed => "○",
            PolicyNeed::NotNeeded => "—",
        }
    }

    /// 対策規定の要否 as the sheet words it.
    pub fn policy_text(self) -> &'static str {
        match self {
            PolicyNeed::NotNeeded => "—",
            _ => "ポリシーで対策を規定して下さい",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryResult {
    pub no: u8,
    pub name: String,
    pub items: usize,
    /// Items not answered 4.
    pub applicable: usize,
    /// Items answered 1.
    pub implemented: usize,
    /// Items answered at all.
    pub answered: usize,
    /// implemented ÷ applicable; None (該当なし) when every item is answered 4.
    pub rate: Option<f64>,
    pub need: PolicyNeed,
}

/// What the 診断結果 says of a category none of whose items is answered yet.
pub const UNANSWERED: &str = "未回答";
pub const NOT_ANSWERED_YET: &str = "対策状況チェックが未回答です";
/// 対策優先度 with no answer at all: every item would count as not implemented, so it would only
/// repeat the catalogue.
pub const PRIORITIES_NEED_ANSWERS: &str = "対策状況チェックにまだ回答がありません。先に回答すると、どの対策でリスク大の数とリスク値の合計がどれだけ減るかをここに示します。";

impl CategoryResult {
    /// Whether none of the category's items is answered while the category applies: its ○ or ◎
    /// and 0.0% would only say that unanswered items count as not implemented, so the results say
    /// 未回答 instead. (A category that does not apply stays —.)
    pub fn unanswered(&self) -> bool {
        self.answered == 0 && self.need != PolicyNeed::NotNeeded
    }

    /// 策定の必要性: ◎, ○, — or 未回答.
    pub fn mark_text(&self) -> &'static str {
        if self.unanswered() {
            UNANSWERED
        } else {
            self.need.mark()
        }
    }

    /// 対策の実施率: 62.5%, 該当なし or 未回答 (also where the category does not apply).
    pub fn rate_label(&self) -> String {
        if self.answered == 0 {
            UNANSWERED.into()
        } else {
            rate_text(self.rate)
        }
    }

    /// 対策規定の要否.
    pub fn policy_line(&self) -> &'static str {
        if self.unanswered() {
            NOT_ANSWERED_YET
        } else {
            self.need.policy_text()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnosis {
    pub categories: Vec<CategoryResult>,
    pub level_counts: LevelCounts,
    pub answered: usize,
    pub total: usize,
}

/// 実施率 as the sheet prints it: `62.5%`, or 該当なし.
pub fn rate_text(rate: Option<f64>) -> String {
    match rate {
        Some(r) => format!("{:.1}%", r * 100.0),
        None => "該当なし".to_string(),
    }
}

/// Threats that give some rated asset of their medium リスク大 (重要度 × their p ≥ 4), whether or not
/// they are the medium's worst: their items make a category ◎.
pub fn threats_behind_high_risk(workbook: &Workbook, assessment: &Assessment) -> Vec<ThreatId> {
    workbook
        .threats
        .iter()
        .zip(&assessment.threats)
        .filter(|(threat, ta)| {
            let Some(importance) = assessment.highest_rated_importance(threat.medium) else {
                return false;
            };
            ta.likelihood
                .is_some_and(|p| RiskLevel::of(Some(risk_value(importance, p))) == RiskLevel::High)
        })
        .map(|(threat, _)| threat.id)
        .collect()
}

fn items_behind_high_risk(workbook: &Workbook, assessment: &Assessment) -> HashSet<ItemNo> {
    let threats = threats_behind_high_risk(workbook, assessment);
    workbook
        .threats
        .iter()
        .filter(|t| threats.contains(&t.id))
        .flat_map(|t| t.items.iter().copied())
        .collect()
}

pub fn diagnose(workbook: &Workbook, assessment: &Assessment) -> Diagnosis {
    let critical_items = items_behind_high_risk(workbook, assessment);
    let categories = workbook
        .categories
        .iter()
        .map(|c| {
            let items: Vec<_> = workbook.items_of(c.no).collect();
            let applicable = items
                .iter()
                .filter(|i| i.answer != Some(Answer::NotApplicable))
                .count();
            let implemented = items
                .iter()
                .filter(|i| i.answer == Some(Answer::Implemented))
                .count();
            let applies = if CONDITIONAL_CATEGORIES.contains(&c.no) {
                applicable > 0
            } else {
                true
            };
            let need = if !applies {
                PolicyNeed::NotNeeded
            } else if items.iter().any(|i| critical_items.contains(&i.no)) {
                PolicyNeed::Essential
            } else {
                PolicyNeed::Needed
            };
            CategoryResult {
                no: c.no,
                name: c.name.clone(),
                items: items.len(),
                applicable,
                implemented,
                answered: items.iter().filter(|i| i.answer.is_some()).count(),
                rate: (applicable > 0).then(|| implemented as f64 / applicable as f64),
                need,
            }
        })
        .collect();
    Diagnosis {
        categories,
        level_counts: assessment.level_counts(),
        answered: workbook.answered_count(),
        total: workbook.items.len(),
    }
}

impl Diagnosis {
    pub fn count(&self, level: RiskLevel) -> usize {
        self.level_counts[level]
    }
}
