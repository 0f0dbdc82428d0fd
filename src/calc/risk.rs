//! docs/method.md §4: 重要度, vulnerability of a threat, 被害発生可能性 and リスク値 of every asset.
//!
//! The work per asset is constant: threats are assessed once per medium, so recalculating
//! 100,000 assets is a single pass.

use crate::domain::register::Column;
use crate::domain::scales::{Importance, Likelihood, Vulnerability};
use crate::domain::{
    Answer, Asset, CheckItem, Frequency, ItemNo, Medium, Rating, Threat, ThreatId, Workbook,
};
use serde::Serialize;
use std::collections::HashMap;

/// 重要度 = max(機密性, 完全性, 可用性); unknown until all three are chosen (decision: a half-rated
/// row is shown as 未算定 rather than guessed).
pub fn importance(ratings: [Option<Rating>; 3]) -> Option<Importance> {
    ratings
        .into_iter()
        .try_fold(None::<Rating>, |max, r| r.map(|r| max.max(Some(r))))
        .map(|max| Importance::from(max.expect("three ratings")))
}

/// 被害発生可能性 from the 換算表: p = max(1, t + v − 3).
pub fn likelihood(t: Frequency, v: Vulnerability) -> Likelihood {
    let p = (t.value() + v.value()).saturating_sub(3).max(1);
    Likelihood::new(p).expect("t and v are at most 3, so p is at most 3")
}

/// リスク値 = 重要度 × 被害発生可能性 (0–6).
pub fn risk_value(importance: Importance, likelihood: Likelihood) -> u8 {
    importance.value() * likelihood.value()
}

/// Which case of the vulnerability rule (docs/method.md §4.2) the answers of a threat's items fall in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VulnerabilityRule {
    /// No linked item, or every one answered 4: v = 1.
    NoneApplies,
    /// Every remaining item answered 1: v = 1.
    AllImplemented,
    /// Every remaining item answered 3 or unanswered: v = 3.
    NoneImplemented,
    /// Anything else (some 1 with some 3, or any 2): v = 2.
    Mixed,
}

impl VulnerabilityRule {
    pub fn vulnerability(self) -> Vulnerability {
        match self {
            VulnerabilityRule::NoneApplies | VulnerabilityRule::AllImplemented => {
                Vulnerability::PROTECTED
            }
            VulnerabilityRule::NoneImplemented => Vulnerability::EXPOSED,
            VulnerabilityRule::Mixed => Vulnerability::PARTLY,
        }
    }

    /// The case in words.
    pub fn text(self) -> &'static str {
        match self {
            VulnerabilityRule::NoneApplies => {
                "該当する項目がない（すべて「4 自社には該当しない」）ので 1"
            }
            VulnerabilityRule::AllImplemented => "該当する項目がすべて「1 実施している」なので 1",
            VulnerabilityRule::NoneImplemented => {
                "該当する項目がすべて「3 実施していない」か未回答なので 3"
            }
            VulnerabilityRule::Mixed => {
                "「1 実施している」以外の回答（一部実施・未実施の混在など）があるので 2"
            }
        }
    }
}

/// Vulnerability (1–3) of a threat from the answers of its linked items (docs/method.md §4.2): items answered 4
/// are ignored; all remaining 1 → 1; all remaining 3 or unanswered → 3; a mix → 2; none left → 1.
pub fn vulnerability(answers: impl IntoIterator<Item = Option<Answer>>) -> Vulnerability {
    vulnerability_rule(answers).vulnerability()
}

/// The case of the vulnerability rule that `answers` fall in.
pub fn vulnerability_rule(answers: impl IntoIterator<Item = Option<Answer>>) -> VulnerabilityRule {
    let mut any = false;
    let mut all_implemented = true;
    let mut all_missing = true;
    for answer in answers {
        match answer {
            Some(Answer::NotApplicable) => continue,
            Some(Answer::Implemented) => all_missing = false,
            Some(Answer::Partly) => {
                all_implemented = false;
                all_missing = false;
            }
            Some(Answer::NotImplemented) | None => all_implemented = false,
        }
        any = true;
    }
    if !any {
        VulnerabilityRule::NoneApplies
    } else if all_implemented {
        VulnerabilityRule::AllImplemented
    } else if all_missing {
        VulnerabilityRule::NoneImplemented
    } else {
        VulnerabilityRule::Mixed
    }
}

/// リスク値 class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum RiskLevel {
    High,
    Medium,
    Low,
    Unrated,
}

impl RiskLevel {
    pub const ALL: [RiskLevel; 4] = [
        RiskLevel::High,
        RiskLevel::Medium,
        RiskLevel::Low,
        RiskLevel::Unrated,
    ];

    /// 4–6 大, 1–3 中, 0 小.
    pub fn of(risk: Option<u8>) -> RiskLevel {
        match risk {
            Some(4..) => RiskLevel::High,
            Some(1..=3) => RiskLevel::Medium,
            Some(0) => RiskLevel::Low,
            None => RiskLevel::Unrated,
        }
    }

    /// 大 / 中 / 小 / 未算定
    pub fn short(self) -> &'static str {
        match self {
            RiskLevel::High => "大",
            RiskLevel::Medium => "中",
            RiskLevel::Low => "小",
            RiskLevel::Unrated => "未算定",
        }
    }

    /// リスク大 / リスク中 / リスク小 / 未算定, as the 台帳 shows it.
    pub fn label(self) -> &'static str {
        match self {
            RiskLevel::High => "リスク大",
            RiskLevel::Medium => "リスク中",
            RiskLevel::Low => "リスク小",
            RiskLevel::Unrated => "未算定",
        }
    }

    /// What the guideline says to do.
    pub fn action(self) -> &'static str {
        match self {
            RiskLevel::High => "重点的に対策を実施",
            RiskLevel::Medium => "対策を実施",
            RiskLevel::Low => "現状維持",
            RiskLevel::Unrated => "入力が揃うと算定されます",
        }
    }
}

/// Assets per risk class, read by class. Serialized as the list 大, 中, 小, 未算定.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct LevelCounts([usize; 4]);

impl LevelCounts {
    pub fn new(high: usize, medium: usize, low: usize, unrated: usize) -> Self {
        LevelCounts([high, medium, low, unrated])
    }

    pub fn of(levels: impl IntoIterator<Item = RiskLevel>) -> Self {
        let mut counts = LevelCounts::default();
        for level in levels {
            counts.0[level as usize] += 1;
        }
        counts
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// The largest class, for scaling a chart.
    pub fn largest(&self) -> usize {
        self.0.iter().copied().max().unwrap_or(0)
    }

    /// Each class with its count, 大 first.
    pub fn iter(&self) -> impl Iterator<Item = (RiskLevel, usize)> + '_ {
        RiskLevel::ALL.into_iter().map(|level| (level, self[level]))
    }
}

impl std::ops::Index<RiskLevel> for LevelCounts {
    type Output = usize;
    fn index(&self, level: RiskLevel) -> &usize {
        &self.0[level as usize]
    }
}

/// One threat with its computed vulnerability and likelihood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreatAssessment {
    pub threat: ThreatId,
    pub medium: Medium,
    pub frequency: Option<Frequency>,
    pub vulnerability: Vulnerability,
    /// None while the frequency is not chosen.
    pub likelihood: Option<Likelihood>,
}

/// Why a medium (and so its assets) has no risk yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unrated {
    NoMedium,
    NoThreats(Medium),
    FrequencyMissing(ThreatId),
}

/// The worst threat of a medium: the one giving the highest p (ties: higher t, then first listed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediumRisk {
    pub threat: ThreatId,
    pub frequency: Frequency,
    pub vulnerability: Vulnerability,
    pub likelihood: Likelihood,
}

/// Columns M and P–S of one asset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetRisk {
    /// The medium it was assessed on (F), so that what it counted for can be taken back when the
    /// asset changes.
    pub medium: Option<Medium>,
    pub importance: Option<Importance>,
    /// The threat, t, v, p of P–R; `Err` says why they are not known.
    pub driver: Result<MediumRisk, Unrated>,
    pub risk: Option<u8>,
    pub level: RiskLevel,
}

impl AssetRisk {
    pub fn frequency(&self) -> Option<Frequency> {
        self.driver.as_ref().ok().map(|d| d.frequency)
    }
    pub fn vulnerability(&self) -> Option<Vulnerability> {
        self.driver.as_ref().ok().map(|d| d.vulnerability)
    }
    pub fn likelihood(&self) -> Option<Likelihood> {
        self.driver.as_ref().ok().map(|d| d.likelihood)
    }

    /// The number a computed column of the 台帳 shows (重要度, 脅威, 脆弱性, 被害発生可能性, リスク値);
    /// None for 未算定 and for the input columns.
    pub fn number(&self, column: Column) -> Option<u8> {
        match column {
            Column::Importance => self.importance.map(Importance::value),
            Column::Threat => self.frequency().map(Frequency::value),
            Column::Vulnerability => self.vulnerability().map(Vulnerability::value),
            Column::Likelihood => self.likelihood().map(Likelihood::value),
            Column::Risk => self.risk,
            _ => None,
        }
    }
}

/// Everything the calculation derives from a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub threats: Vec<ThreatAssessment>,
    pub media: HashMap<Medium, Result<MediumRisk, Unrated>>,
    /// In the order of `Workbook::assets`.
    pub assets: Vec<AssetRisk>,
    /// What the register holds on each medium, in `Medium::ALL` order.
    on_medium: [MediumTally; Medium::ALL.len()],
}

/// The assets on one medium, as 脅威の状況 and the ◎ rule read them: counted once, then kept up to
/// date asset by asset, so that an edit of one asset does not walk 100,000 of them again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct MediumTally {
    assets: usize,
    /// Those with a リスク値, by 重要度 0–2.
    rated_by_importance: [usize; 3],
}

impl Assessment {
    /// Counts, per medium, the assets and those rated by 重要度.
    fn count_media(&mut self) {
        self.on_medium = Default::default();
        for i in 0..self.assets.len() {
            self.tally(i, true);
        }
    }

    /// Counts asset `index` in its medium's tally, or takes it out (`add` false).
    fn tally(&mut self, index: usize, add: bool) {
        let risk = &self.assets[index];
        let Some(medium) = risk.medium else {
            return;
        };
        let tally = &mut self.on_medium[medium as usize];
        let change = |n: &mut usize| *n = if add { *n + 1 } else { *n - 1 };
        change(&mut tally.assets);
        if let (Some(importance), Some(_)) = (risk.importance, risk.risk) {
            change(&mut tally.rated_by_importance[importance.value() as usize]);
        }
    }

    /// Puts the new assessment of one asset in place of its old one.
    pub fn replace_asset(&mut self, index: usize, risk: AssetRisk) {
        self.tally(index, false);
        self.assets[index] = risk;
        self.tally(index, true);
    }

    /// How many assets are kept on `medium`.
    pub fn assets_on(&self, medium: Medium) -> usize {
        self.on_medium[medium as usize].assets
    }

    /// The highest 重要度 among the assets on `medium` that have a リスク値; None when none has.
    pub fn highest_rated_importance(&self, medium: Medium) -> Option<Importance> {
        let counts = self.on_medium[medium as usize].rated_by_importance;
        (0..counts.len())
            .rev()
            .find(|&i| counts[i] > 0)
            .map(|i| Importance::new(i as u8).expect("重要度 is 0–2"))
    }

    pub fn threat(&self, id: ThreatId) -> Option<&ThreatAssessment> {
        self.threats.iter().find(|t| t.threat == id)
    }

    /// Rows (indices into `assets`) of リスク大 and リスク中, highest リスク値 first, then in 台帳 order.
    pub fn risky_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.assets.len())
            .filter(|&i| matches!(self.assets[i].level, RiskLevel::High | RiskLevel::Medium))
            .collect();
        rows.sort_by_key(|&i| (std::cmp::Reverse(self.assets[i].risk), i));
        rows
    }

    pub fn level_counts(&self) -> LevelCounts {
        LevelCounts::of(self.assets.iter().map(|a| a.level))
    }
}

pub fn assess_threats(
    threats: &[Threat],
    answer: impl Fn(ItemNo) -> Option<Answer>,
) -> Vec<ThreatAssessment> {
    threats
        .iter()
        .map(|t| {
            let v = vulnerability(t.items.iter().map(|&no| answer(no)));
            ThreatAssessment {
                threat: t.id,
                medium: t.medium,
                frequency: t.frequency,
                vulnerability: v,
                likelihood: t.frequency.map(|f| likelihood(f, v)),
            }
        })
        .collect()
}

/// The worst threat of a medium, or why there is none.
pub fn medium_risk(medium: Medium, threats: &[ThreatAssessment]) -> Result<MediumRisk, Unrated> {
    let mut best: Option<MediumRisk> = None;
    for t in threats.iter().filter(|t| t.medium == medium) {
        let (Some(frequency), Some(likelihood)) = (t.frequency, t.likelihood) else {
            return Err(Unrated::FrequencyMissing(t.threat));
        };
        let candidate = MediumRisk {
            threat: t.threat,
            frequency,
            vulnerability: t.vulnerability,
            likelihood,
        };
        let better = match best {
            None => true,
            Some(b) => (likelihood, frequency) > (b.likelihood, b.frequency),
        };
        if better {
            best = Some(candidate);
        }
    }
    best.ok_or(Unrated::NoThreats(medium))
}

/// Columns M and P–S of one asset, given the worst threat of each medium.
pub fn assess_asset(
    asset: &Asset,
    medium_risk: impl Fn(Medium) -> Result<MediumRisk, Unrated>,
) -> AssetRisk {
    let importance = importance(asset.ratings());
    let driver = match asset.medium {
        None => Err(Unrated::NoMedium),
        Some(m) => medium_risk(m),
    };
    let risk = match (&driver, importance) {
        (Ok(d), Some(i)) => Some(risk_value(i, d.likelihood)),
        _ => None,
    };
    AssetRisk {
        medium: asset.medium,
        importance,
        driver,
        risk,
        level: RiskLevel::of(risk),
    }
}

/// The whole calculation of docs/method.md §4.
pub fn assess(workbook: &Workbook) -> Assessment {
    assess_parts(&workbook.items, &workbook.threats, &workbook.assets)
}

/// The calculation from its inputs, for callers that vary the answers but share the register.
pub fn assess_parts(items: &[CheckItem], threats: &[Threat], assets: &[Asset]) -> Assessment {
    let answers: HashMap<ItemNo, Option<Answer>> = items.iter().map(|i| (i.no, i.answer)).collect();
    let threats = assess_threats(threats, |no| answers.get(&no).copied().flatten());
    // By index for the assets (a hash per asset is a tenth of the time at 100,000 assets).
    let by_medium = Medium::ALL.map(|m| medium_risk(m, &threats));
    let risks = assets
        .iter()
        .map(|a| assess_asset(a, |m| by_medium[m as usize].clone()))
        .collect();
    let mut assessment = Assessment {
        threats,
        assets: risks,
        media: Medium::ALL.into_iter().zip(by_medium).collect(),
        on_medium: Default::default(),
    };
    assessment.count_media();
    assessment
}
