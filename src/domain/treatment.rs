//! リスク対応 (手順3): for an asset at リスク大 or 中, what the company decided — 低減・保有・回避・移転 —
//! and why; a 保有 also says who accepted the risk and when.
//!
//! riskbook の決め (docs/method.md §12): a decision is complete when
//! - 保有: 理由, 承認者 and 承認日 are all given (accepting a risk is a management decision: who, when, why);
//! - 回避・移転: 変更内容 (what changes: the way of working, the service or insurance used) is given;
//! - 低減: always, as a record; whether a 対策計画 entry lowers the asset is computed (`calc::treatment`).

use super::asset::AssetId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The four responses to a risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Decision {
    /// 低減: implement or strengthen controls so that the vulnerability and likelihood fall.
    Reduce,
    /// 保有: accept it; nothing is done.
    Accept,
    /// 回避: change the way of working so the risk disappears.
    Avoid,
    /// 移転: use another company's service or insurance.
    Transfer,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::Reduce,
        Decision::Accept,
        Decision::Avoid,
        Decision::Transfer,
    ];

    /// 低減 / 保有 / 回避 / 移転, as the screen, the database and the workbook write it.
    pub fn label(self) -> &'static str {
        match self {
            Decision::Reduce => "低減",
            Decision::Accept => "保有",
            Decision::Avoid => "回避",
            Decision::Transfer => "移転",
        }
    }

    /// What the response means, in one line.
    pub fn meaning(self) -> &'static str {
        match self {
            Decision::Reduce => "対策を導入・強化して、脆弱性と被害発生可能性を下げる",
            Decision::Accept => {
                "損害が許容できる、または対策の費用が損害を上回るので、対策をせず受け入れる"
            }
            Decision::Avoid => "業務やシステムの使い方を変えて、リスクそのものをなくす",
            Decision::Transfer => "他社のサービスや保険を使い、リスクを移す",
        }
    }

    /// Reads a label (「低減」, or 「リスク低減」 as people write it); None for anything else.
    pub fn from_label(text: &str) -> Option<Decision> {
        let text = text.trim();
        let text = text.strip_prefix("リスク").unwrap_or(text);
        Decision::ALL.into_iter().find(|d| d.label() == text)
    }

    /// Whether the decision says what changes (回避・移転).
    pub fn has_change(self) -> bool {
        matches!(self, Decision::Avoid | Decision::Transfer)
    }
}

impl std::fmt::Display for Decision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One asset's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Treatment {
    pub asset: AssetId,
    pub decision: Decision,
    /// 理由
    pub reason: String,
    /// 変更内容 (回避・移転: what changes, e.g. the service or insurance used)
    pub change: String,
    /// 承認者 (保有)
    pub accepted_by: String,
    /// 承認日 (保有)
    pub accepted_on: Option<NaiveDate>,
}

/// What a decision still lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Missing {
    Reason,
    Approver,
    ApprovalDate,
    Change,
    /// 低減 with no 対策計画 entry that lowers the asset (computed by `calc::treatment`).
    PlanEntry,
}

impl Missing {
    pub fn label(self) -> &'static str {
        match self {
            Missing::Reason => "理由",
            Missing::Approver => "承認者",
            Missing::ApprovalDate => "承認日",
            Missing::Change => "変更内容",
            Missing::PlanEntry => "対策計画",
        }
    }
}

impl Treatment {
    /// A new decision for `asset` with nothing else filled in.
    pub fn new(asset: AssetId, decision: Decision) -> Treatment {
        Treatment {
            asset,
            decision,
            reason: String::new(),
            change: String::new(),
            accepted_by: String::new(),
            accepted_on: None,
        }
    }

    /// What the record itself lacks for its decision (see the module's rule); empty when complete.
    pub fn missing(&self) -> Vec<Missing> {
        let blank = |s: &str| s.trim().is_empty();
        let mut missing = Vec::new();
        match self.decision {
            Decision::Accept => {
                if blank(&self.reason) {
                    missing.push(Missing::Reason);
                }
                if blank(&self.accepted_by) {
                    missing.push(Missing::Approver);
                }
                if self.accepted_on.is_none() {
                    missing.push(Missing::ApprovalDate);
                }
            }
            Decision::Avoid | Decision::Transfer => {
                if blank(&self.change) {
                    missing.push(Missing::Change);
                }
            }
            Decision::Reduce => {}
        }
        missing
    }

    /// 「承認者・承認日がありません」: what is missing, in words; None when nothing is.
    pub fn missing_text(missing: &[Missing]) -> Option<String> {
        if missing.is_empty() {
            return None;
        }
        let names: Vec<&str> = missing.iter().map(|m| m.label()).collect();
        Some(format!("{}がありません", names.join("・")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 4, 1)
    }

    #[test]
    fn labels_read_back_and_other_words_are_refused() {
        for d in Decision::ALL {
            assert_eq!(Decision::from_label(d.label()), Some(d));
        }
        assert_eq!(Decision::from_label(" リスク保有 "), Some(Decision::Accept));
        assert_eq!(Decision::from_label("受容"), None);
        assert_eq!(Decision::from_label(""), None);
    }

    #[test]
    fn an_accepted_risk_needs_its_reason_approver_and_date() {
        let mut t = Treatment::new(AssetId(1), Decision::Accept);
        assert_eq!(
            t.missing(),
            [Missing::Reason, Missing::Approver, Missing::ApprovalDate]
        );
        t.reason = "損害が小さい".into();
        t.accepted_by = "  ".into();
        assert_eq!(t.missing(), [Missing::Approver, Missing::ApprovalDate]);
        assert_eq!(
            Treatment::missing_text(&t.missing()).unwrap(),
            "承認者・承認日がありません"
        );
        t.accepted_by = "代表取締役 山田".into();
        t.accepted_on = date();
        assert!(t.missing().is_empty());
        assert_eq!(Treatment::missing_text(&t.missing()), None);
    }

    #[test]
    fn avoiding_or_transferring_says_what_changes_and_reducing_needs_nothing_here() {
        for d in [Decision::Avoid, Decision::Transfer] {
            let mut t = Treatment::new(AssetId(1), d);
            assert_eq!(t.missing(), [Missing::Change]);
            t.change = "クラウドのバックアップサービスを使う".into();
            assert!(t.missing().is_empty());
            assert!(d.has_change());
        }
        assert!(
            Treatment::new(AssetId(1), Decision::Reduce)
                .missing()
                .is_empty()
        );
    }
}
