//! インシデント台帳: what happened, how serious it is (事故レベル 0–3) and how the response went,
//! through the five steps of the guideline's procedure.
//!
//! riskbook の決め (docs/method.md): a leak is always level 2 or higher, and level 3 when an asset
//! involved holds 個人情報 or マイナンバー (customers or the people in the data are affected); the user
//! may choose a higher level, never a lower one. Involving such an asset in any incident brings up
//! the reminder that the law may require a report to the authority and to the people affected.

use super::super::asset::{Asset, AssetId};
use super::super::catalogue::ItemNo;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// 区分.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Leak,
    Tampering,
    LossOrTheft,
    Malware,
    UnauthorizedAccess,
    Outage,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Leak,
        Kind::Tampering,
        Kind::LossOrTheft,
        Kind::Malware,
        Kind::UnauthorizedAccess,
        Kind::Outage,
        Kind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Leak => "漏えい",
            Kind::Tampering => "改ざん",
            Kind::LossOrTheft => "紛失・盗難",
            Kind::Malware => "ウイルス感染",
            Kind::UnauthorizedAccess => "不正アクセス",
            Kind::Outage => "停止",
            Kind::Other => "その他",
        }
    }

    pub fn from_label(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.label() == text.trim())
    }
}

/// 事故レベル 0–3; no other value can be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const ALL: [Level; 4] = [Level(0), Level(1), Level(2), Level(3)];

    pub fn new(value: u8) -> Result<Level, String> {
        if value <= 3 {
            Ok(Level(value))
        } else {
            Err(format!(
                "事故レベルは 0〜3 のどれかです（{value} は範囲外です）。"
            ))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// What the level means (影響範囲).
    pub fn meaning(self) -> &'static str {
        match self.0 {
            3 => "顧客・取引先・株主などに影響が及ぶ、または個人情報が漏えいした",
            2 => "事業に影響が及ぶ",
            1 => "従業員の業務に影響が及ぶ",
            _ => "事故には至っていないが、将来事故につながるおそれのある事象",
        }
    }

    /// Who leads the response (責任者).
    pub fn lead(self) -> &'static str {
        match self.0 {
            3 => "代表者",
            0 => "システム管理者",
            _ => "インシデント対応責任者",
        }
    }

    /// Whether it is reported at once along the 連絡網 (level 1 and above).
    pub fn reported_at_once(self) -> bool {
        self.0 >= 1
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(value: u8) -> Result<Level, String> {
        Level::new(value)
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

/// Whether an asset holds data about people (個人情報 or マイナンバー).
fn holds_personal_data(asset: &Asset) -> bool {
    asset.personal_info || asset.my_number
}

/// The lowest level an incident of `kind` involving `assets` may have (see the module comment).
pub fn lowest_level(kind: Kind, assets: &[&Asset]) -> Level {
    match kind {
        Kind::Leak if assets.iter().any(|a| holds_personal_data(a)) => Level(3),
        Kind::Leak => Level(2),
        _ => Level(0),
    }
}

/// Refuses a level below what the incident's kind and assets require, saying why.
pub fn check_level(kind: Kind, assets: &[&Asset], level: Level) -> Result<(), String> {
    let lowest = lowest_level(kind, assets);
    if level >= lowest {
        return Ok(());
    }
    let why = if lowest.value() == 3 {
        "個人情報またはマイナンバーを含む情報資産の漏えいは事故レベル 3 です"
    } else {
        "情報の漏えいは事故レベル 2 以上です"
    };
    Err(format!(
        "事故レベル {} にはできません：{why}。",
        level.value()
    ))
}

/// The reminder shown when an incident involves an asset with 個人情報 or マイナンバー.
pub fn legal_report_reminder(assets: &[&Asset]) -> Option<String> {
    let names: Vec<&str> = assets
        .iter()
        .filter(|a| holds_personal_data(a))
        .map(|a| a.name.as_str())
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "「{}」は個人情報またはマイナンバーを含みます。漏えいやそのおそれがある場合は、法律により個人情報保護委員会への報告と本人への通知が必要になることがあります。",
            names.join("」「")
        )
    })
}

/// The steps of a response, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Step {
    /// 発見・報告
    Report,
    /// 初動: stop the damage spreading.
    FirstResponse,
    /// 調査: find what happened and why.
    Investigation,
    /// 復旧
    Recovery,
    /// 再発防止: the measures, as 対策計画 entries.
    Prevention,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Report,
        Step::FirstResponse,
        Step::Investigation,
        Step::Recovery,
        Step::Prevention,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Step::Report => "発見・報告",
            Step::FirstResponse => "初動",
            Step::Investigation => "調査",
            Step::Recovery => "復旧",
            Step::Prevention => "再発防止",
        }
    }

    pub fn from_label(text: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.label() == text.trim())
    }
}

/// One entry of an incident's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub step: Step,
    pub at: NaiveDateTime,
    pub text: String,
}

/// One incident of the インシデント台帳.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    pub id: i64,
    /// 発見日時
    pub found_at: NaiveDateTime,
    /// 発生日時, where known.
    pub occurred_at: Option<NaiveDateTime>,
    /// 発見者
    pub found_by: String,
    pub kind: Kind,
    pub level: Level,
    /// 件名: what happened, in a line.
    pub title: String,
    pub description: String,
    /// The 台帳 assets involved.
    pub assets: Vec<AssetId>,
    pub timeline: Vec<TimelineEntry>,
    /// 再発防止: the check items whose 対策計画 entries are the measures taken.
    pub measures: Vec<ItemNo>,
}

/// The step a response has reached: the furthest step with an entry (None: nothing recorded).
pub fn reached(timeline: &[TimelineEntry]) -> Option<Step> {
    timeline.iter().map(|e| e.step).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asset(personal: bool, my_number: bool) -> Asset {
        Asset {
            personal_info: personal,
            my_number,
            ..Asset::named("顧客名簿")
        }
    }

    #[test]
    fn a_level_outside_0_to_3_cannot_be_made() {
        assert!(Level::new(3).is_ok());
        let err = Level::new(4).unwrap_err();
        assert!(err.contains("0〜3") && err.contains('4'), "{err}");
        assert!(serde_json::from_str::<Level>("5").is_err());
        assert_eq!(serde_json::from_str::<Level>("2").unwrap().value(), 2);
    }

    #[test]
    fn a_leak_is_level_2_or_more_and_3_with_personal_data() {
        let plain = asset(false, false);
        let people = asset(true, false);
        let numbers = asset(false, true);
        assert_eq!(lowest_level(Kind::Leak, &[&plain]).value(), 2);
        assert_eq!(lowest_level(Kind::Leak, &[&plain, &people]).value(), 3);
        assert_eq!(lowest_level(Kind::Leak, &[&numbers]).value(), 3);
        assert_eq!(lowest_level(Kind::Malware, &[&people]).value(), 0);
        let err = check_level(Kind::Leak, &[&people], Level::new(2).unwrap()).unwrap_err();
        assert!(err.contains("レベル 3"), "{err}");
        assert!(check_level(Kind::Leak, &[&plain], Level::new(1).unwrap()).is_err());
        assert!(check_level(Kind::Outage, &[&plain], Level::new(1).unwrap()).is_ok());
    }

    #[test]
    fn personal_data_brings_up_the_reminder_naming_the_assets() {
        let people = asset(true, false);
        let plain = Asset::named("見積書");
        assert_eq!(legal_report_reminder(&[&plain]), None);
        let reminder = legal_report_reminder(&[&plain, &people]).unwrap();
        assert!(reminder.contains("「顧客名簿」") && !reminder.contains("見積書"));
        assert!(reminder.contains("個人情報保護委員会"));
    }

    #[test]
    fn levels_say_what_they_mean_and_who_leads() {
        assert_eq!(Level::new(3).unwrap().lead(), "代表者");
        assert!(!Level::new(0).unwrap().reported_at_once());
        assert!(Level::new(1).unwrap().reported_at_once());
        assert!(Level::new(0).unwrap().meaning().contains("至っていない"));
    }

    #[test]
    fn the_response_reaches_its_furthest_recorded_step() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 6, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let entry = |step| TimelineEntry {
            step,
            at,
            text: String::new(),
        };
        assert_eq!(reached(&[]), None);
        assert_eq!(
            reached(&[entry(Step::Investigation), entry(Step::Report)]),
            Some(Step::Investigation)
        );
        for s in Step::ALL {
            assert_eq!(Step::from_label(s.label()), Some(s));
        }
        for k in Kind::ALL {
            assert_eq!(Kind::from_label(k.label()), Some(k));
        }
    }
}
