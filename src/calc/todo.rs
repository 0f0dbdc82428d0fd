//! 今やること: what is due or overdue across the product on a given day — duties of the 年間計画,
//! 対策計画 entries, undecided リスク対応, unanswered customer check sheets, incidents still open,
//! staff not trained this year, an unfinished 連絡網 — most urgent first, each with where it is done.

use super::checksheet;
use super::risk::Assessment;
use super::treatment::treatment_list;
use crate::domain::checksheet::SheetId;
use crate::domain::dates::long_date;
use crate::domain::year::duty::{Due, due_on};
use crate::domain::year::incident::{Step, reached};
use crate::domain::year::training::{training_year, untrained};
use crate::domain::{PlanStatus, Workbook};
use chrono::NaiveDate;

/// Where a thing to do is done (the window opens it there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Duties,
    Plan,
    Treatment,
    CheckSheet(SheetId),
    Incidents,
    Training,
    Contacts,
    Supplier,
}

/// How pressing it is; the list is in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// Past its date.
    Overdue,
    /// Due within its warning window.
    Soon,
    /// Waiting, with no date.
    Open,
}

impl Urgency {
    pub fn label(self) -> &'static str {
        match self {
            Urgency::Overdue => "期限切れ",
            Urgency::Soon => "期限間近",
            Urgency::Open => "未対応",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Todo {
    pub urgency: Urgency,
    /// The date it is due, where it has one.
    pub due: Option<NaiveDate>,
    /// What to do, in one line.
    pub what: String,
    pub place: Place,
}

/// How many days ahead a 対策計画 entry's 期限 shows as 期限間近.
const PLAN_WARNING_DAYS: i64 = 14;

/// Everything to do on `today`: overdue first (the longest overdue first), then due soon (the
/// nearest first), then what waits without a date, in the order of the product's tabs.
pub fn todos(wb: &Workbook, assessment: &Assessment, today: NaiveDate) -> Vec<Todo> {
    let mut list = Vec::new();
    for duty in &wb.year.duties {
        let (urgency, when) = match due_on(duty.next_due, duty.period, today) {
            Due::Overdue(days) => (Urgency::Overdue, format!("{days} 日過ぎています")),
            Due::Soon(0) => (Urgency::Soon, "今日までです".to_string()),
            Due::Soon(days) => (Urgency::Soon, format!("あと {days} 日")),
            Due::Later | Due::Finished => continue,
        };
        let due = duty.next_due;
        list.push(Todo {
            urgency,
            due,
            what: format!(
                "年間計画「{}」（期限 {}、{when}）",
                duty.name,
                due.map(long_date).unwrap_or_default()
            ),
            place: Place::Duties,
        });
    }
    for entry in wb.plan.iter().filter(|e| e.status != PlanStatus::Done) {
        let Some(due) = entry.due else { continue };
        let days = (due - today).num_days();
        let urgency = if days < 0 {
            Urgency::Overdue
        } else if days <= PLAN_WARNING_DAYS {
            Urgency::Soon
        } else {
            continue;
        };
        list.push(Todo {
            urgency,
            due: Some(due),
            what: format!(
                "対策計画「{}」（期限 {}{}）",
                entry.title(wb),
                long_date(due),
                if entry.owner.is_empty() {
                    String::new()
                } else {
                    format!("、担当 {}", entry.owner)
                }
            ),
            place: Place::Plan,
        });
    }
    let treatments = treatment_list(wb, assessment);
    if treatments.undecided() > 0 {
        list.push(open(
            format!(
                "リスク対応：リスク大・中の情報資産 {} 件の対応が決まっていません",
                treatments.undecided()
            ),
            Place::Treatment,
        ));
    }
    if treatments.incomplete() > 0 {
        list.push(open(
            format!(
                "リスク対応：{} 件の決定に足りない記入があります",
                treatments.incomplete()
            ),
            Place::Treatment,
        ));
    }
    for sheet in &wb.checksheets {
        let counts = checksheet::counts(sheet);
        if counts.unanswered() > 0 {
            list.push(open(
                format!(
                    "取引先チェックシート「{}」：全 {} 件のうち {} 件が未回答です",
                    sheet.name,
                    counts.items,
                    counts.unanswered()
                ),
                Place::CheckSheet(sheet.id),
            ));
        }
    }
    for incident in &wb.year.incidents {
        let step = reached(&incident.timeline);
        if step != Some(Step::Prevention) {
            list.push(open(
                format!(
                    "インシデント「{}」（事故レベル {}）：{}",
                    incident.title,
                    incident.level.value(),
                    match step {
                        Some(s) => format!("「{}」まで記録済み。再発防止がまだです", s.label()),
                        None => "対応の記録がまだありません".to_string(),
                    }
                ),
                Place::Incidents,
            ));
        }
    }
    let (from, to) = training_year(today);
    let missing = untrained(&wb.year.staff, &wb.year.trainings, from, to);
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().take(5).map(|s| s.name.as_str()).collect();
        list.push(open(
            format!(
                "教育：この 1 年に研修を受けていない人が {} 人います（{}{}）",
                missing.len(),
                names.join("、"),
                if missing.len() > names.len() {
                    " ほか"
                } else {
                    ""
                }
            ),
            Place::Training,
        ));
    }
    let unnamed = wb
        .year
        .contacts
        .iter()
        .filter(|c| c.name.trim().is_empty())
        .count();
    list.extend(supplier_todos(wb, today));
    if unnamed > 0 {
        list.push(open(
            format!("連絡網：名前の入っていない役割が {unnamed} 件あります"),
            Place::Contacts,
        ));
    }
    // Stable: within one urgency, the date order; the rest keep the tabs' order.
    list.sort_by_key(|t| (t.urgency, t.due));
    list
}

/// How many days ahead a 委託先's 次回評価 shows as due soon.
const SUPPLIER_WARNING_DAYS: i64 = 30;

/// 委託先 whose next evaluation is past or within `SUPPLIER_WARNING_DAYS`, and those never
/// evaluated with no date set.
fn supplier_todos(wb: &Workbook, today: NaiveDate) -> Vec<Todo> {
    let suppliers = &wb.suppliers;
    let mut list = Vec::new();
    for s in &suppliers.list {
        if !super::supplier::due_within(suppliers, s, today, SUPPLIER_WARNING_DAYS) {
            continue;
        }
        match suppliers.next_evaluation(s) {
            Some(next) => {
                let days = (next - today).num_days();
                let (urgency, when) = match days {
                    ..0 => (Urgency::Overdue, format!("{} 日過ぎています", -days)),
                    0 => (Urgency::Soon, "今日までです".to_string()),
                    _ => (Urgency::Soon, format!("あと {days} 日")),
                };
                list.push(Todo {
                    urgency,
                    due: Some(next),
                    what: format!(
                        "委託先「{}」の評価（次回評価 {}、{when}）",
                        s.name,
                        long_date(next)
                    ),
                    place: Place::Supplier,
                });
            }
            None => list.push(open(
                format!("委託先「{}」はまだ評価していません", s.name),
                Place::Supplier,
            )),
        }
    }
    list
}

fn open(what: String, place: Place) -> Todo {
    Todo {
        urgency: Urgency::Open,
        due: None,
        what,
        place,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::assess;
    use crate::domain::year::contacts::Contact;
    use crate::domain::year::duty::{Duty, Method, Period, Tie};
    use crate::domain::year::training::{Staff, StaffId};
    use crate::domain::{Catalogue, Measure, PlanEntry, PlanId};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn duty(id: i64, name: &str, due: NaiveDate, period: Period) -> Duty {
        Duty {
            id,
            name: name.to_string(),
            period,
            owner: String::new(),
            next_due: Some(due),
            method: Method::Look,
            tie: Tie::None,
            how: String::new(),
        }
    }

    #[test]
    fn overdue_comes_first_then_soon_then_what_waits_and_later_dates_are_left_out() {
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        let today = d(6, 1);
        wb.year.duties = vec![
            duty(1, "規程の見直し", d(6, 20), Period::Yearly),
            duty(2, "アクセス権の見直し", d(5, 1), Period::HalfYearly),
            duty(3, "ソフトウェア更新の確認", d(6, 20), Period::Monthly),
            duty(4, "リスク分析の見直し", d(5, 25), Period::Yearly),
        ];
        wb.plan.push(PlanEntry {
            id: PlanId(1),
            due: Some(d(6, 10)),
            owner: "鈴木".to_string(),
            ..PlanEntry::new(Measure::Item(crate::domain::ItemNo(12)))
        });
        wb.year.staff.push(Staff {
            id: StaffId(1),
            department: "総務".to_string(),
            name: "佐藤".to_string(),
            active: true,
        });
        wb.year.contacts.push(Contact {
            role: "代表者".to_string(),
            ..Contact::default()
        });
        let assessment = assess(&wb);
        let list = todos(&wb, &assessment, today);
        let whats: Vec<&str> = list.iter().map(|t| t.what.as_str()).collect();
        assert!(whats[0].contains("アクセス権の見直し") && whats[0].contains("31 日過ぎ"));
        assert!(whats[1].contains("リスク分析の見直し") && whats[1].contains("7 日過ぎ"));
        assert!(whats[2].starts_with("対策計画") && whats[2].contains("担当 鈴木"));
        assert!(whats[3].contains("規程の見直し") && whats[3].contains("あと 19 日"));
        assert!(
            !whats.iter().any(|w| w.contains("ソフトウェア更新")),
            "a monthly duty 19 days ahead is not yet due soon"
        );
        let open: Vec<Place> = list
            .iter()
            .filter(|t| t.urgency == Urgency::Open)
            .map(|t| t.place)
            .collect();
        assert_eq!(open, [Place::Training, Place::Contacts]);
        assert!(list.iter().any(|t| t.what.contains("佐藤")));
    }

    #[test]
    fn a_supplier_is_listed_when_its_evaluation_is_near_past_or_never_done() {
        use crate::domain::supplier::{Evaluation, Supplier, SupplierId};
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        for (id, name) in [(1, "税理士"), (2, "クラウド"), (3, "印刷")] {
            wb.suppliers.list.push(Supplier {
                id: SupplierId(id),
                name: name.into(),
                ..Supplier::default()
            });
        }
        let mut e = Evaluation::blank(1, SupplierId(1), 2025);
        e.on = Some(NaiveDate::from_ymd_opt(2025, 6, 20).unwrap());
        wb.suppliers.evaluations.push(e);
        wb.suppliers.list[2].next_due = Some(d(5, 1));
        let list = todos(&wb, &assess(&wb), d(6, 1));
        let shown: Vec<(Urgency, &str)> = list
            .iter()
            .filter(|t| t.place == Place::Supplier)
            .map(|t| (t.urgency, t.what.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    Urgency::Overdue,
                    "委託先「印刷」の評価（次回評価 2026年5月1日、31 日過ぎています）"
                ),
                (
                    Urgency::Soon,
                    "委託先「税理士」の評価（次回評価 2026年6月20日、あと 19 日）"
                ),
                (Urgency::Open, "委託先「クラウド」はまだ評価していません"),
            ]
        );
        // A month and a day before, the 税理士 is not listed yet.
        let list = todos(&wb, &assess(&wb), d(5, 20));
        assert!(!list.iter().any(|t| t.what.contains("税理士")));
    }

    #[test]
    fn an_empty_database_has_nothing_to_do() {
        let wb = Workbook::from_catalogue(Catalogue::builtin());
        assert_eq!(todos(&wb, &assess(&wb), d(6, 1)), vec![]);
    }
}
