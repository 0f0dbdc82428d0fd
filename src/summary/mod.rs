//! The computed state as JSON (`riskbook summary --json`): the contract scripts and checks rely on.

mod checksheet;
mod supplier;
mod year;

pub use checksheet::{CheckSheetSummary, checksheet as checksheet_summary};

use crate::calc::policy::company_table;
use crate::calc::treatment::{Need, PlanLinks, treatment_row};
use crate::calc::{Evaluated, LevelCounts, RiskLevel};
use crate::domain::register::Column;
use crate::domain::{Decision, Measure, PlanStatus};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize)]
pub struct AssetSummary {
    /// 1-based row of the 台帳.
    pub row: usize,
    pub category: String,
    pub name: String,
    pub medium: Option<&'static str>,
    pub confidentiality: Option<u8>,
    pub integrity: Option<u8>,
    pub availability: Option<u8>,
    pub importance: Option<u8>,
    /// 脅威の発生頻度 t of the asset's worst threat.
    pub threat: Option<u8>,
    pub vulnerability: Option<u8>,
    pub likelihood: Option<u8>,
    pub risk: Option<u8>,
    pub level: &'static str,
    /// リスク対応, or null while undecided.
    pub treatment: Option<TreatmentSummary>,
}

/// One asset's リスク対応 (手順3).
#[derive(Debug, Serialize)]
pub struct TreatmentSummary {
    /// 低減 / 保有 / 回避 / 移転.
    pub decision: &'static str,
    pub reason: String,
    /// 回避・移転: what changes.
    pub change: String,
    /// 保有: 承認者 and 承認日 (YYYY-MM-DD or null).
    pub accepted_by: String,
    pub accepted_on: Option<String>,
    /// Whether the decision has all it needs (docs/method.md §12).
    pub complete: bool,
    /// What it lacks: 理由, 承認者, 承認日, 変更内容, 対策計画.
    pub missing: Vec<&'static str>,
    /// False when the asset's risk is now 小 or 未算定 (the decision is kept, no longer needed).
    pub needed: bool,
    /// 低減: the 1-based numbers of the 対策計画 entries that lower the asset.
    pub plan: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct CategorySummary {
    pub no: u8,
    pub name: String,
    pub items: usize,
    pub applicable: usize,
    pub implemented: usize,
    pub rate: Option<f64>,
    pub need: &'static str,
    pub policy: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Checks {
    pub answered: usize,
    pub total: usize,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Levels {
    #[serde(rename = "大")]
    pub high: usize,
    #[serde(rename = "中")]
    pub medium: usize,
    #[serde(rename = "小")]
    pub low: usize,
    #[serde(rename = "未算定")]
    pub unrated: usize,
}

/// One 対策計画 entry.
#[derive(Debug, Serialize, Deserialize)]
pub struct PlanSummary {
    /// 項目 or 脅威.
    pub kind: String,
    /// The measure in words, as the window and the report show it.
    pub measure: String,
    /// The check items it covers.
    pub items: Vec<u16>,
    pub owner: String,
    /// YYYY-MM-DD, or null.
    pub due: Option<String>,
    /// 未着手 / 対応中 / 完了.
    pub status: String,
    pub memo: String,
}

/// One of the 13 documents of the policy sample (手順4). `applies` and `needed` are null while not
/// known; where the company's profile does not answer a condition, `applies` is what its
/// 対策状況チェック answers suggest and `suggested` is true (`calc::policy::company_table`).
#[derive(Debug, Serialize)]
pub struct PolicySummary {
    pub no: u8,
    pub name: &'static str,
    /// 適用条件
    pub condition: &'static str,
    pub applies: Option<bool>,
    pub suggested: bool,
    pub needed: Option<bool>,
    /// 未作成 / 作成中 / 承認済み.
    pub status: &'static str,
    /// 改訂日 (YYYY-MM-DD).
    pub revised: Option<String>,
    /// 承認者
    pub approver: String,
}

/// SECURITY ACTION: the 5か条 from the answers, the 自社診断 and the 基本方針.
#[derive(Debug, Serialize)]
pub struct SecurityActionSummary {
    pub five_rules: Vec<RuleSummary>,
    /// YYYY-MM-DD, or null.
    pub self_check_on: Option<String>,
    pub self_check_score: Option<i16>,
    pub basic_policy: BasicPolicySummary,
    /// What ★★ still lacks, in the window's words (empty when it may be declared).
    pub two_star_missing: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct RuleSummary {
    pub no: u8,
    pub title: &'static str,
    pub items: Vec<u16>,
    /// done / partly / not_done / unanswered.
    pub state: &'static str,
}

#[derive(Debug, Serialize)]
pub struct BasicPolicySummary {
    /// Text, 制定日 and 代表者名 are there.
    pub written: bool,
    pub established_on: Option<String>,
    pub representative: String,
    pub published_on: Option<String>,
    pub published_where: String,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub assets: Vec<AssetSummary>,
    pub categories: Vec<CategorySummary>,
    pub checks: Checks,
    pub levels: Levels,
    pub plan: Vec<PlanSummary>,
    pub policies: Vec<PolicySummary>,
    pub security_action: SecurityActionSummary,
    pub duties: Vec<year::DutySummary>,
    pub trainings: Vec<year::TrainingSummary>,
    pub incidents: Vec<year::IncidentSummary>,
    pub contacts: Vec<year::ContactSummary>,
    pub checksheets: Vec<CheckSheetSummary>,
    pub suppliers: Vec<supplier::SupplierSummary>,
}

/// The part of a recorded summary the 履歴 charts need, read back without the assets.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// 実施率 per category, in category order.
    pub rates: Vec<Option<f64>>,
    pub levels: LevelCounts,
    /// 対策計画 entries then, and how many were 完了 (0 and 0 before the plan existed).
    pub plan_total: usize,
    pub plan_done: usize,
}

#[derive(Deserialize)]
struct RecordedCategory {
    rate: Option<f64>,
}

#[derive(Deserialize)]
struct RecordedSummary {
    categories: Vec<RecordedCategory>,
    levels: Levels,
    #[serde(default)]
    plan: Vec<PlanSummary>,
}

impl Recorded {
    /// From the JSON `summarize` wrote when the assessment was confirmed.
    pub fn from_json(json: &str) -> Result<Recorded, serde_json::Error> {
        let s: RecordedSummary = serde_json::from_str(json)?;
        let l = s.levels;
        Ok(Recorded {
            rates: s.categories.iter().map(|c| c.rate).collect(),
            levels: LevelCounts::new(l.high, l.medium, l.low, l.unrated),
            plan_total: s.plan.len(),
            plan_done: s
                .plan
                .iter()
                .filter(|p| p.status == PlanStatus::Done.label())
                .count(),
        })
    }
}

fn treatment_summary(
    results: &Evaluated,
    links: &PlanLinks,
    row: usize,
) -> Option<TreatmentSummary> {
    let workbook = &results.workbook;
    let t = workbook.treatment(workbook.assets[row].id)?;
    let state = treatment_row(workbook, &results.assessment, links, row);
    Some(TreatmentSummary {
        decision: t.decision.label(),
        reason: t.reason.clone(),
        change: t.change.clone(),
        accepted_by: t.accepted_by.clone(),
        accepted_on: t.accepted_on.map(|d| d.format("%Y-%m-%d").to_string()),
        complete: state.is_complete(),
        missing: state.missing.iter().map(|m| m.label()).collect(),
        needed: state.need == Need::Needed,
        plan: if t.decision == Decision::Reduce {
            state.lowering.iter().map(|i| i + 1).collect()
        } else {
            Vec::new()
        },
    })
}

pub fn summarize(results: &Evaluated) -> Summary {
    let (workbook, assessment, diagnosis) =
        (&results.workbook, &results.assessment, &results.diagnosis);
    let links = PlanLinks::new(workbook);
    let assets = workbook
        .assets
        .iter()
        .zip(&assessment.assets)
        .enumerate()
        .map(|(i, (a, r))| AssetSummary {
            row: i + 1,
            category: a.category.clone(),
            name: a.name.clone(),
            medium: a.medium.map(|m| m.name()),
            confidentiality: a.confidentiality.map(|r| r.value()),
            integrity: a.integrity.map(|r| r.value()),
            availability: a.availability.map(|r| r.value()),
            importance: r.number(Column::Importance),
            threat: r.number(Column::Threat),
            vulnerability: r.number(Column::Vulnerability),
            likelihood: r.number(Column::Likelihood),
            risk: r.risk,
            level: r.level.short(),
            treatment: treatment_summary(results, &links, i),
        })
        .collect();
    let categories = diagnosis
        .categories
        .iter()
        .map(|c| CategorySummary {
            no: c.no,
            name: c.name.clone(),
            items: c.items,
            applicable: c.applicable,
            implemented: c.implemented,
            rate: c.rate,
            need: c.need.mark(),
            policy: c.need.policy_text(),
        })
        .collect();
    let plan = workbook
        .plan
        .iter()
        .map(|e| PlanSummary {
            kind: match e.measure {
                Measure::Item(_) => "項目",
                Measure::Threat(_) => "脅威",
            }
            .into(),
            measure: e.title(workbook),
            items: e.items(workbook).into_iter().map(|n| n.0).collect(),
            owner: e.owner.clone(),
            due: iso(e.due),
            status: e.status.label().into(),
            memo: e.memo.clone(),
        })
        .collect();
    let policies = company_table(workbook, diagnosis)
        .into_iter()
        .map(|p| PolicySummary {
            no: p.row.policy.no,
            name: p.row.policy.name,
            condition: p.row.policy.condition.label(),
            applies: p.row.applies,
            suggested: p.suggested,
            needed: p.row.needed,
            status: p.record.status.label(),
            revised: p.record.revised.map(|d| d.format("%Y-%m-%d").to_string()),
            approver: p.record.approver,
        })
        .collect();
    Summary {
        plan,
        policies,
        security_action: security_action(workbook),
        duties: year::duties(workbook),
        trainings: year::trainings(workbook),
        incidents: year::incidents(workbook),
        contacts: year::contacts(workbook),
        checksheets: workbook
            .checksheets
            .iter()
            .map(checksheet_summary)
            .collect(),
        suppliers: supplier::suppliers(workbook),
        assets,
        categories,
        checks: Checks {
            answered: diagnosis.answered,
            total: diagnosis.total,
        },
        levels: Levels {
            high: diagnosis.count(RiskLevel::High),
            medium: diagnosis.count(RiskLevel::Medium),
            low: diagnosis.count(RiskLevel::Low),
            unrated: diagnosis.count(RiskLevel::Unrated),
        },
    }
}

fn iso(date: Option<chrono::NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

fn security_action(workbook: &crate::domain::Workbook) -> SecurityActionSummary {
    use crate::calc::security_action::{five_rules, two_star_missing};
    let d = &workbook.declaration;
    let p = &d.basic_policy;
    SecurityActionSummary {
        five_rules: five_rules(workbook)
            .into_iter()
            .map(|s| RuleSummary {
                no: s.rule.no,
                title: s.rule.title,
                items: s.rule.items.to_vec(),
                state: s.state.key(),
            })
            .collect(),
        self_check_on: iso(d.self_check.done_on),
        self_check_score: d.self_check.score.map(|s| s.value()),
        basic_policy: BasicPolicySummary {
            written: p.is_written(),
            established_on: iso(p.established_on),
            representative: p.representative.clone(),
            published_on: iso(p.published_on),
            published_where: p.published_where.clone(),
        },
        two_star_missing: two_star_missing(d),
    }
}
