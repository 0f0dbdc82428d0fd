//! 年間計画: recurring duties (見直し, 教育, 委託先の評価 …), when each is next due, and what doing one
//! late or not at all leaves on record.
//!
//! riskbook の決め (docs/method.md): a duty keeps its rhythm. Doing it fulfils the occurrence that
//! was due; the next one is the first date of the schedule after the day it was done. An
//! occurrence that came and went before the duty was done is recorded as 未実施 (skipped), and one
//! done after its due date as 遅延 (late): a yearly review due on 4月1日 and done on 6月10日 is next
//! due the following 4月1日, not 6月10日, so that one late year does not move every later year.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How often a duty recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Period {
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
    /// Once, on its due date.
    Once,
}

impl Period {
    pub const ALL: [Period; 5] = [
        Period::Monthly,
        Period::Quarterly,
        Period::HalfYearly,
        Period::Yearly,
        Period::Once,
    ];

    /// 毎月 / 四半期 / 半年 / 毎年 / 1回のみ, as the screen and the database write it.
    pub fn label(self) -> &'static str {
        match self {
            Period::Monthly => "毎月",
            Period::Quarterly => "四半期",
            Period::HalfYearly => "半年",
            Period::Yearly => "毎年",
            Period::Once => "1回のみ",
        }
    }

    pub fn from_label(text: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.label() == text.trim())
    }

    fn months(self) -> Option<u32> {
        match self {
            Period::Monthly => Some(1),
            Period::Quarterly => Some(3),
            Period::HalfYearly => Some(6),
            Period::Yearly => Some(12),
            Period::Once => None,
        }
    }

    /// How many days before its due date a duty shows as 期限間近.
    pub fn warning_days(self) -> i64 {
        match self {
            Period::Monthly => 7,
            Period::Quarterly => 14,
            Period::HalfYearly | Period::Yearly | Period::Once => 30,
        }
    }

    /// The `n`th occurrence after `first` (`n` = 0 is `first`); the day is kept, or the month's
    /// last day where the month is shorter (1月31日 monthly → 2月28日 → 3月31日).
    pub fn nth(self, first: NaiveDate, n: u32) -> Option<NaiveDate> {
        let months = self.months()?;
        first.checked_add_months(Months::new(months.checked_mul(n)?))
    }
}

/// How a duty is checked (seed 002's 見る・聞く・試す).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    /// 見る: look at records, settings, the place.
    Look,
    /// 聞く: ask the people who do the work.
    Ask,
    /// 試す: try it (restore a backup, log in with a revoked account).
    Try,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Look, Method::Ask, Method::Try];

    pub fn label(self) -> &'static str {
        match self {
            Method::Look => "見る",
            Method::Ask => "聞く",
            Method::Try => "試す",
        }
    }

    pub fn from_label(text: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.label() == text.trim())
    }
}

/// What became of one due occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// Done on or before its due date.
    OnTime,
    /// Done after its due date.
    Late,
    /// Its time passed without it being done.
    Skipped,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::OnTime => "実施",
            Outcome::Late => "遅延",
            Outcome::Skipped => "未実施",
        }
    }
}

/// The state of a duty on a given day, for 今やること and the 年間計画 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Due {
    /// Past its due date by this many days.
    Overdue(i64),
    /// Due within its warning window, in this many days (0: today).
    Soon(i64),
    Later,
    /// A one-off duty already done.
    Finished,
}

/// When a duty is due on `today`, given its next due date.
pub fn due_on(next_due: Option<NaiveDate>, period: Period, today: NaiveDate) -> Due {
    let Some(due) = next_due else {
        return Due::Finished;
    };
    let days = (due - today).num_days();
    if days < 0 {
        Due::Overdue(-days)
    } else if days <= period.warning_days() {
        Due::Soon(days)
    } else {
        Due::Later
    }
}

/// What doing a duty on `done` changes: the outcome of the occurrence that was due, the
/// occurrences skipped before it was done (oldest first) and the next due date (None: a one-off
/// duty, now finished).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub outcome: Outcome,
    pub skipped: Vec<NaiveDate>,
    pub next_due: Option<NaiveDate>,
}

/// Doing a duty due on `due` on the day `done` (see the rule at the top of this module). The
/// occurrence fulfilled is the last one due on or before `done` (or `due` itself when done early);
/// the ones between `due` and it were skipped.
pub fn complete(period: Period, due: NaiveDate, done: NaiveDate) -> Completion {
    if period == Period::Once {
        return Completion {
            outcome: if done <= due {
                Outcome::OnTime
            } else {
                Outcome::Late
            },
            skipped: Vec::new(),
            next_due: None,
        };
    }
    let mut occurrences = (0..).map_while(|n| period.nth(due, n));
    let mut fulfilled = occurrences.next().unwrap_or(due);
    let mut skipped = Vec::new();
    let next_due = loop {
        match occurrences.next() {
            Some(next) if next <= done => {
                skipped.push(fulfilled);
                fulfilled = next;
            }
            next => break next,
        }
    };
    Completion {
        outcome: if done <= fulfilled {
            Outcome::OnTime
        } else {
            Outcome::Late
        },
        skipped,
        next_due,
    }
}

/// A duty of the 年間計画.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duty {
    pub id: i64,
    pub name: String,
    pub period: Period,
    /// 担当者
    pub owner: String,
    /// 次回期限 (None: a one-off duty already done).
    pub next_due: Option<NaiveDate>,
    pub method: Method,
    pub tie: Tie,
    /// What to do, in the user's words.
    pub how: String,
}

/// 実施記録: one due occurrence of a duty and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutyRecord {
    pub id: i64,
    pub duty: i64,
    /// The date the occurrence was due.
    pub due: NaiveDate,
    /// The day it was done (None: skipped).
    pub done_on: Option<NaiveDate>,
    pub outcome: Outcome,
    pub by: String,
    pub method: Method,
    /// 結果 (問題なし, 要改善 and what).
    pub result: String,
    pub remarks: String,
}

/// What a duty is about, where riskbook itself can tell it was done (「診断を確定」 is the risk
/// analysis review) or where it leads (the 規程, the 委託先 list, the training records).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tie {
    /// リスク分析の見直し: done by 「診断を確定」.
    ConfirmDiagnosis,
    /// 規程の見直し.
    ReviewPolicies,
    /// 委託先の評価.
    EvaluateSuppliers,
    /// 情報セキュリティ教育: a training session is recorded.
    Training,
    /// Anything else (バックアップの復元テスト, アクセス権の見直し …).
    None,
}

/// One entry of riskbook's default 年間計画, which a new database starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultDuty {
    pub name: &'static str,
    pub period: Period,
    pub method: Method,
    pub tie: Tie,
    /// What to do, in one sentence.
    pub how: &'static str,
}

/// Our default set, in the order of a year's work.
pub const DEFAULT_DUTIES: [DefaultDuty; 7] = [
    DefaultDuty {
        name: "リスク分析の見直し",
        period: Period::Yearly,
        method: Method::Look,
        tie: Tie::ConfirmDiagnosis,
        how: "台帳・脅威・対策状況を今の実態に合わせて直し、「診断を確定」で記録する",
    },
    DefaultDuty {
        name: "規程の見直し",
        period: Period::Yearly,
        method: Method::Look,
        tie: Tie::ReviewPolicies,
        how: "規程が今の業務と対策に合っているかを読み、直したら改訂日と承認者を記録する",
    },
    DefaultDuty {
        name: "委託先の評価",
        period: Period::Yearly,
        method: Method::Ask,
        tie: Tie::EvaluateSuppliers,
        how: "委託先ごとに確認リストで対策の状況を確かめ、結果を記録する",
    },
    DefaultDuty {
        name: "情報セキュリティ教育",
        period: Period::Yearly,
        method: Method::Ask,
        tie: Tie::Training,
        how: "全員が年に 1 回以上受講するよう研修を開き、受講者と理解度を記録する",
    },
    DefaultDuty {
        name: "バックアップの復元テスト",
        period: Period::HalfYearly,
        method: Method::Try,
        tie: Tie::None,
        how: "バックアップから実際にファイルを戻し、開けることを確かめる",
    },
    DefaultDuty {
        name: "アクセス権の見直し",
        period: Period::HalfYearly,
        method: Method::Look,
        tie: Tie::None,
        how: "退職・異動した人のアカウントと共有の権限が残っていないかを見る",
    },
    DefaultDuty {
        name: "ソフトウェア更新の確認",
        period: Period::Monthly,
        method: Method::Look,
        tie: Tie::None,
        how: "パソコン・サーバー・ネットワーク機器の更新が当たっているかを見る",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_yearly_duty_done_late_keeps_its_rhythm() {
        let c = complete(Period::Yearly, d(2026, 4, 1), d(2026, 6, 10));
        assert_eq!(c.outcome, Outcome::Late);
        assert_eq!(c.skipped, vec![]);
        assert_eq!(c.next_due, Some(d(2027, 4, 1)));
    }

    #[test]
    fn a_duty_done_early_or_on_the_day_is_next_due_a_period_after_its_due_date() {
        let early = complete(Period::HalfYearly, d(2026, 4, 1), d(2026, 3, 20));
        assert_eq!(
            (early.outcome, early.next_due),
            (Outcome::OnTime, Some(d(2026, 10, 1)))
        );
        let on_the_day = complete(Period::Quarterly, d(2026, 4, 1), d(2026, 4, 1));
        assert_eq!(on_the_day.next_due, Some(d(2026, 7, 1)));
        assert_eq!(on_the_day.outcome, Outcome::OnTime);
    }

    #[test]
    fn occurrences_that_passed_before_the_duty_was_done_are_skipped() {
        // Due 1月, done 4月15日: 1月 and 2月 and 3月 passed; 4月1日 is the one fulfilled, late.
        let c = complete(Period::Monthly, d(2026, 1, 1), d(2026, 4, 15));
        assert_eq!(c.skipped, vec![d(2026, 1, 1), d(2026, 2, 1), d(2026, 3, 1)]);
        assert_eq!(c.outcome, Outcome::Late);
        assert_eq!(c.next_due, Some(d(2026, 5, 1)));
    }

    #[test]
    fn a_month_end_due_date_stays_at_the_month_end() {
        assert_eq!(Period::Monthly.nth(d(2026, 1, 31), 1), Some(d(2026, 2, 28)));
        assert_eq!(Period::Monthly.nth(d(2026, 1, 31), 2), Some(d(2026, 3, 31)));
        let c = complete(Period::Yearly, d(2024, 2, 29), d(2024, 3, 1));
        assert_eq!(c.next_due, Some(d(2025, 2, 28)));
    }

    #[test]
    fn a_one_off_duty_is_finished_when_done() {
        let c = complete(Period::Once, d(2026, 4, 1), d(2026, 4, 2));
        assert_eq!((c.outcome, c.next_due), (Outcome::Late, None));
        assert_eq!(due_on(None, Period::Once, d(2026, 5, 1)), Due::Finished);
    }

    #[test]
    fn a_duty_is_overdue_soon_or_later_by_its_own_warning_window() {
        let today = d(2026, 4, 1);
        assert_eq!(
            due_on(Some(d(2026, 3, 30)), Period::Yearly, today),
            Due::Overdue(2)
        );
        assert_eq!(due_on(Some(today), Period::Monthly, today), Due::Soon(0));
        assert_eq!(
            due_on(Some(d(2026, 4, 20)), Period::Monthly, today),
            Due::Later
        );
        assert_eq!(
            due_on(Some(d(2026, 4, 20)), Period::Yearly, today),
            Due::Soon(19)
        );
    }

    #[test]
    fn the_default_plan_has_one_duty_per_tie_of_the_method() {
        let names: std::collections::HashSet<_> = DEFAULT_DUTIES.iter().map(|d| d.name).collect();
        assert_eq!(names.len(), DEFAULT_DUTIES.len(), "names are unique");
        for tie in [
            Tie::ConfirmDiagnosis,
            Tie::ReviewPolicies,
            Tie::EvaluateSuppliers,
            Tie::Training,
        ] {
            assert_eq!(DEFAULT_DUTIES.iter().filter(|d| d.tie == tie).count(), 1);
        }
    }

    #[test]
    fn labels_read_back() {
        for p in Period::ALL {
            assert_eq!(Period::from_label(p.label()), Some(p));
        }
        for m in Method::ALL {
            assert_eq!(Method::from_label(m.label()), Some(m));
        }
    }
}
