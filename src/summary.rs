//! The computed state as JSON (`riskbook summary --json`): the contract scripts and checks rely on.

use crate::calc::{Evaluated, LevelCounts, RiskLevel};
use crate::domain::register::Column;
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

#[derive(Debug, Serialize)]
pub struct Summary {
    pub assets: Vec<AssetSummary>,
    pub categories: Vec<CategorySummary>,
    pub checks: Checks,
    pub levels: Levels,
}

/// The part of a recorded summary the 履歴 charts need, read back without the assets.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// 実施率 per category, in category order.
    pub rates: Vec<Option<f64>>,
    pub levels: LevelCounts,
}

#[derive(Deserialize)]
struct RecordedCategory {
    rate: Option<f64>,
}

#[derive(Deserialize)]
struct RecordedSummary {
    categories: Vec<RecordedCategory>,
    levels: Levels,
}

impl Recorded {
    /// From the JSON `summarize` wrote when the assessment was confirmed.
    pub fn from_json(json: &str) -> Result<Recorded, serde_json::Error> {
        let s: RecordedSummary = serde_json::from_str(json)?;
        let l = s.levels;
        Ok(Recorded {
            rates: s.categories.iter().map(|c| c.rate).collect(),
            levels: LevelCounts::new(l.high, l.medium, l.low, l.unrated),
        })
    }
}

pub fn summarize(results: &Evaluated) -> Summary {
    let (workbook, assessment, diagnosis) =
        (&results.workbook, &results.assessment, &results.diagnosis);
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
    Summary {
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
