//! 「なぜこのリスク値か」: the chain behind an asset's リスク値 with the actual values — 重要度 from its
//! ratings, each threat of its medium with 発生頻度, 脆弱性 (which case of the rule) and 換算表 cell, the
//! worst threat, the class — or exactly what is missing for 未算定; then the measures that would lower
//! it (`priority::asset_gains`). And for a category of 診断結果: which items count for its 実施率,
//! which are left out as 該当しない, and why it is ◎, ○ or —.

use super::diagnosis::{
    CONDITIONAL_CATEGORIES, MY_NUMBER_CATEGORY, PolicyNeed, rate_text, threats_behind_high_risk,
};
use super::priority::{AssetGain, asset_gains};
use super::risk::{RiskLevel, Unrated, VulnerabilityRule, vulnerability_rule};
use super::{Assessment, Diagnosis};
use crate::domain::register::Column;
use crate::domain::scales::{Importance, Likelihood, Vulnerability};
use crate::domain::{Answer, Frequency, ItemNo, Measure, Medium, Rating, ThreatId, Workbook};

/// A check item linked to a threat, with its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedItem {
    pub no: ItemNo,
    pub question: String,
    pub answer: Option<Answer>,
}

/// One threat of the asset's medium, step by step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreatStep {
    pub threat: ThreatId,
    pub name: String,
    pub frequency: Option<Frequency>,
    pub items: Vec<LinkedItem>,
    pub rule: VulnerabilityRule,
    pub vulnerability: Vulnerability,
    /// None while the frequency is not chosen.
    pub likelihood: Option<Likelihood>,
    /// The medium's worst threat, the one the リスク値 is computed from.
    pub worst: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetExplanation {
    pub row: usize,
    pub name: String,
    /// 機密性・完全性・可用性 as entered.
    pub ratings: [(Column, Option<Rating>); 3],
    pub importance: Option<Importance>,
    pub medium: Option<Medium>,
    pub threats: Vec<ThreatStep>,
    /// Why there is no リスク値, when there is none for want of a medium, threats or a frequency.
    pub unrated: Option<Unrated>,
    pub risk: Option<u8>,
    pub level: RiskLevel,
    pub lowering: Vec<AssetGain>,
}

/// The explanation of the asset at `index` (0-based row of the 台帳).
pub fn explain_asset(wb: &Workbook, assessment: &Assessment, index: usize) -> AssetExplanation {
    let asset = &wb.assets[index];
    let result = &assessment.assets[index];
    let worst = result.driver.as_ref().ok().map(|d| d.threat);
    let threats = match asset.medium {
        None => Vec::new(),
        Some(medium) => wb
            .threats_of(medium)
            .map(|t| {
                let items: Vec<LinkedItem> = t
                    .items
                    .iter()
                    .filter_map(|no| wb.items.iter().find(|i| i.no == *no))
                    .map(|i| LinkedItem {
                        no: i.no,
                        question: i.question.clone(),
                        answer: i.answer,
                    })
                    .collect();
                let rule = vulnerability_rule(items.iter().map(|i| i.answer));
                let computed = assessment.threat(t.id);
                ThreatStep {
                    threat: t.id,
                    name: t.name.clone(),
                    frequency: t.frequency,
                    rule,
                    vulnerability: rule.vulnerability(),
                    likelihood: computed.and_then(|c| c.likelihood),
                    worst: worst == Some(t.id),
                    items,
                }
            })
            .collect(),
    };
    AssetExplanation {
        row: index + 1,
        name: asset.name.clone(),
        ratings: [
            (Column::Confidentiality, asset.confidentiality),
            (Column::Integrity, asset.integrity),
            (Column::Availability, asset.availability),
        ],
        importance: result.importance,
        medium: asset.medium,
        threats,
        unrated: result.driver.as_ref().err().cloned(),
        risk: result.risk,
        level: result.level,
        lowering: asset_gains(wb, index),
    }
}

fn answer_text(answer: Option<Answer>) -> String {
    answer.map_or("未回答".into(), |a| {
        format!("{} {}", a.value(), a.label())
    })
}

/// The items grouped by answer: 「2 一部実施している」No.6・13・27、「1 実施している」No.35.
fn answers_by_kind(items: &[LinkedItem]) -> String {
    if items.is_empty() {
        return "なし".into();
    }
    let kinds = Answer::ALL.map(Some).into_iter().chain([None]);
    kinds
        .filter_map(|kind| {
            let nos: Vec<String> = items
                .iter()
                .filter(|i| i.answer == kind)
                .map(|i| i.no.0.to_string())
                .collect();
            (!nos.is_empty()).then(|| format!("「{}」No.{}", answer_text(kind), nos.join("・")))
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// A measure offered for the 対策計画: the sentence shown, and its name for the button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferedMeasure {
    pub measure: Measure,
    pub sentence: String,
    pub name: String,
}

/// How an explanation is shown: headings, lines, and lines that name a measure to take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Heading(String),
    Text(String),
}

impl AssetExplanation {
    /// The explanation in Japanese, in the order the calculation goes.
    pub fn lines(&self, wb: &Workbook) -> Vec<Line> {
        let mut out = vec![Line::Heading(format!(
            "{}行目「{}」のリスク値",
            self.row, self.name
        ))];
        out.push(Line::Heading("1. 重要度".into()));
        let rated: Vec<String> = self
            .ratings
            .iter()
            .map(|(c, r)| {
                format!(
                    "{} {}",
                    c.header(),
                    r.map_or("未選択".into(), |r| r.to_string())
                )
            })
            .collect();
        match self.importance {
            Some(i) => {
                let which: Vec<&str> = self
                    .ratings
                    .iter()
                    .filter(|(_, r)| r.map(Importance::from) == Some(i))
                    .map(|(c, _)| c.header())
                    .collect();
                out.push(Line::Text(format!(
                    "{}。重要度はこの 3 つの最大値なので {}（{}、{}）。",
                    rated.join("、"),
                    i,
                    which.join("・"),
                    i.label()
                )));
            }
            None => out.push(Line::Text(format!(
                "{}。3 つすべてを選ぶと重要度が決まります（未算定）。",
                rated.join("、")
            ))),
        }
        out.push(Line::Heading("2. 媒体・保存先と脅威".into()));
        match self.medium {
            None => out.push(Line::Text(
                "媒体・保存先が未設定です。選ぶと、その媒体の脅威から計算されます（未算定）。"
                    .into(),
            )),
            Some(m) if self.threats.is_empty() => out.push(Line::Text(format!(
                "「{m}」には脅威がありません。脅威の状況で脅威を設けるまで未算定です。"
            ))),
            Some(m) => {
                out.push(Line::Text(format!(
                    "「{m}」の脅威 {} 件それぞれについて、被害発生可能性 = max(1, 発生頻度 + 脆弱性 − 3)（換算表）。",
                    self.threats.len()
                )));
                for t in &self.threats {
                    out.push(Line::Text(format!(
                        "{}「{}」",
                        if t.worst { "★ " } else { "・" },
                        t.name
                    )));
                    out.push(Line::Text(format!(
                        "　脆弱性 {}：関連項目 {}。{}。",
                        t.vulnerability,
                        answers_by_kind(&t.items),
                        t.rule.text()
                    )));
                    out.push(Line::Text(match (t.frequency, t.likelihood) {
                        (Some(f), Some(p)) => format!(
                            "　発生頻度 {f}、脆弱性 {} → 換算表の「頻度 {f} × 脆弱性 {}」の欄で被害発生可能性 {p}（{}）。",
                            t.vulnerability,
                            t.vulnerability,
                            p.label()
                        ),
                        _ => "　発生頻度が未設定です（脅威の状況で選んでください）。".into(),
                    }));
                }
            }
        }
        out.push(Line::Heading("3. リスク値".into()));
        let worst = self.threats.iter().find(|t| t.worst);
        match (self.risk, worst, self.importance) {
            (Some(risk), Some(t), Some(i)) => {
                let p = t.likelihood.expect("the worst threat has a likelihood");
                out.push(Line::Text(format!(
                    "いちばん可能性の高い脅威は★「{}」（被害発生可能性 {p}。同じなら発生頻度の高い方、さらに同じなら先の行）。",
                    t.name
                )));
                out.push(Line::Text(format!(
                    "リスク値 = 重要度 {i} × 被害発生可能性 {p} = {risk} → {}（4〜6 大、1〜3 中、0 小）：{}。",
                    self.level.label(),
                    self.level.action()
                )));
            }
            _ => out.push(Line::Text(format!("未算定：{}", self.missing(wb)))),
        }
        out.push(Line::Heading("4. リスク値を下げる対策".into()));
        if self.lowering.is_empty() {
            out.push(Line::Text(match self.risk {
                Some(0) => "リスク値は 0 で、これ以上は下がりません。".into(),
                Some(_) => "チェック項目を実施してもリスク値は下がりません（脆弱性がすでに 1 か、発生頻度だけで決まっています）。".into(),
                None => "算定されると、リスク値を下げる項目が出ます。".into(),
            }));
        }
        for g in &self.lowering {
            let nos: Vec<String> = g.items.iter().map(|n| format!("No.{}", n.0)).collect();
            let what = match g
                .threat
                .and_then(|id| wb.threats.iter().find(|t| t.id == id))
            {
                Some(t) => format!(
                    "脅威「{}」の未実施の項目すべて（{}）",
                    t.name,
                    nos.join("、")
                ),
                None => format!("項目 {} だけ", nos.join("、")),
            };
            out.push(Line::Text(format!(
                "・{what}を「1 実施している」にすると：{} → {}",
                self.risk.unwrap_or(0),
                g.risk_after
            )));
        }
        out
    }

    /// The measures of 「4. リスク値を下げる対策」 that can go into the 対策計画, each said as a whole
    /// sentence (the button beside it says whether it is planned), and what to call it.
    pub fn plan_offers(&self, wb: &Workbook) -> Vec<OfferedMeasure> {
        self.lowering
            .iter()
            .map(|g| match g.threat {
                Some(id) => {
                    let name = wb
                        .threats
                        .iter()
                        .find(|t| t.id == id)
                        .map_or("", |t| t.name.as_str());
                    OfferedMeasure {
                        measure: Measure::Threat(id),
                        sentence: format!("脅威「{name}」の未実施の項目をすべて実施する。"),
                        name: format!("脅威「{name}」の未実施の項目すべて"),
                    }
                }
                None => OfferedMeasure {
                    measure: Measure::Item(g.items[0]),
                    sentence: format!("項目 No.{} を実施する。", g.items[0].0),
                    name: format!("No.{}", g.items[0].0),
                },
            })
            .collect()
    }

    /// What is missing for a リスク値, in words.
    fn missing(&self, wb: &Workbook) -> String {
        let mut missing = Vec::new();
        if self.importance.is_none() {
            let unset: Vec<&str> = self
                .ratings
                .iter()
                .filter(|(_, r)| r.is_none())
                .map(|(c, _)| c.header())
                .collect();
            missing.push(format!("{}が未選択", unset.join("・")));
        }
        match &self.unrated {
            Some(Unrated::NoMedium) => missing.push("媒体・保存先が未設定".into()),
            Some(Unrated::NoThreats(m)) => missing.push(format!("「{m}」の脅威がない")),
            Some(Unrated::FrequencyMissing(id)) => {
                let name = wb
                    .threats
                    .iter()
                    .find(|t| t.id == *id)
                    .map_or("", |t| t.name.as_str());
                missing.push(format!("脅威「{name}」の発生頻度が未設定"));
            }
            None => {}
        }
        format!("{}。", missing.join("、"))
    }
}

/// Why a category of 診断結果 has its 実施率 and its mark.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryExplanation {
    pub no: u8,
    pub name: String,
    /// Answered 1.
    pub implemented: Vec<ItemNo>,
    /// Counted but not answered 1 (2, 3 or unanswered).
    pub open: Vec<ItemNo>,
    /// Answered 4: left out of the rate.
    pub excluded: Vec<ItemNo>,
    pub rate: Option<f64>,
    pub need: PolicyNeed,
    /// None of its items is answered yet (`CategoryResult::unanswered`).
    pub unanswered: bool,
    /// The category's items that make it ◎, each with the threat it counters.
    pub critical: Vec<(ItemNo, ThreatId)>,
}

pub fn explain_category(
    wb: &Workbook,
    assessment: &Assessment,
    diagnosis: &Diagnosis,
    no: u8,
) -> Option<CategoryExplanation> {
    let result = diagnosis.categories.iter().find(|c| c.no == no)?;
    let items: Vec<_> = wb.items_of(no).collect();
    let with = |keep: &dyn Fn(Option<Answer>) -> bool| -> Vec<ItemNo> {
        items
            .iter()
            .filter(|i| keep(i.answer))
            .map(|i| i.no)
            .collect()
    };
    let behind = threats_behind_high_risk(wb, assessment);
    let critical = items
        .iter()
        .flat_map(|i| {
            wb.threats
                .iter()
                .filter(|t| behind.contains(&t.id) && t.items.contains(&i.no))
                .map(move |t| (i.no, t.id))
        })
        .collect();
    Some(CategoryExplanation {
        no,
        name: result.name.clone(),
        implemented: with(&|a| a == Some(Answer::Implemented)),
        open: with(&|a| !matches!(a, Some(Answer::Implemented | Answer::NotApplicable))),
        excluded: with(&|a| a == Some(Answer::NotApplicable)),
        rate: result.rate,
        need: result.need,
        unanswered: result.unanswered(),
        critical,
    })
}

fn numbers(items: &[ItemNo]) -> String {
    if items.is_empty() {
        return "なし".into();
    }
    items
        .iter()
        .map(|n| format!("No.{}", n.0))
        .collect::<Vec<_>>()
        .join("、")
}

impl CategoryExplanation {
    pub fn lines(&self, wb: &Workbook) -> Vec<Line> {
        let counted = self.implemented.len() + self.open.len();
        let mut out = vec![
            Line::Heading(format!("({}) {}", self.no, self.name)),
            Line::Text(format!(
                "実施率 = 「1 実施している」{} 問 ÷ 該当する {} 問 = {}",
                self.implemented.len(),
                counted,
                rate_text(self.rate)
            )),
            Line::Text(format!("・実施している：{}", numbers(&self.implemented))),
            Line::Text(format!(
                "・まだ実施していない（一部実施・未実施・未回答）：{}",
                numbers(&self.open)
            )),
            Line::Text(format!(
                "・数えない（4 自社には該当しない）：{}",
                numbers(&self.excluded)
            )),
        ];
        let reason = match self.need {
            _ if self.unanswered => format!(
                "未回答：この分類の {} 問にまだ回答がありません。回答すると ◎・○・— が決まります（それまでは未回答を「実施していない」として数えるので、実施率は 0% です）。",
                self.open.len()
            ),
            PolicyNeed::NotNeeded if CONDITIONAL_CATEGORIES.contains(&self.no) => {
                "—：すべての項目が「4 自社には該当しない」なので、この分類のポリシーは不要です。".into()
            }
            PolicyNeed::NotNeeded => "—：この分類は自社に該当しません。".into(),
            PolicyNeed::Needed if self.no == MY_NUMBER_CATEGORY => {
                "○：従業員のマイナンバーはどの会社も扱うので、この分類のポリシーは原則としてすべての企業に必要です（台帳にマイナンバー「有」の資産がなくても）。リスク大を生む脅威の項目は含みません。".into()
            }
            PolicyNeed::Needed => {
                "○：該当する項目があるのでポリシーが必要です。リスク大を生む脅威の項目は含みません。".into()
            }
            PolicyNeed::Essential => {
                let because: Vec<String> = self
                    .critical
                    .iter()
                    .filter_map(|(no, id)| {
                        let t = wb.threats.iter().find(|t| t.id == *id)?;
                        Some(format!("No.{}（脅威「{}」・{}）", no.0, t.name, t.medium))
                    })
                    .collect();
                format!(
                    "◎：リスク大の情報資産を生む脅威の項目を含むため、重点的にポリシーを定めてください：{}",
                    because.join("、")
                )
            }
        };
        out.push(Line::Text(reason));
        out
    }
}
