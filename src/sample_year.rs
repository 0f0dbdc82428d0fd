//! The sample company's past year, relative to the day the sample is loaded: the default
//! 年間計画 kept over twelve months (one monthly check done late, the half-yearly restore test left
//! overdue), eight people and two training sessions one of them missed, a level-1 virus infection
//! stopped by the antivirus with its response and a prevention measure planned, and a filled 連絡網.

use crate::domain::year::contacts::Contact;
use crate::domain::year::duty::{DutyRecord, Outcome, complete};
use crate::domain::year::incident::{Incident, Kind, Level, Step, TimelineEntry};
use crate::domain::year::training::{
    Attendance, Attendee, Form, Staff, StaffId, Training, Understanding,
};
use crate::domain::year::{Year, YearKey};
use crate::domain::{Asset, ItemNo};
use chrono::{Days, Months, NaiveDate, NaiveDateTime};

/// The duty left undone at its last due date.
pub const OVERDUE_DUTY: &str = "バックアップの復元テスト";
/// How long ago its due date passed.
const OVERDUE_DAYS: u64 = 20;
/// The duty done late once.
const LATE_DUTY: &str = "ソフトウェア更新の確認";
/// The prevention measure of the incident, a check item the sample's 対策計画 holds (バックアップ).
pub const INCIDENT_MEASURE: ItemNo = ItemNo(41);
/// The asset the virus was found on.
const INFECTED_ASSET: &str = "会計データ";

/// (所属, 氏名); the seventh attended no training.
const STAFF: [(&str, &str); 8] = [
    ("総務部", "山田 花子"),
    ("総務部", "佐藤 美咲"),
    ("情報システム担当", "鈴木 一郎"),
    ("営業部", "高橋 健太"),
    ("営業部", "田中 由美"),
    ("製造部", "伊藤 誠"),
    ("製造部", "渡辺 直樹"),
    ("経理", "中村 恵子"),
];
pub const UNTRAINED: &str = "渡辺 直樹";

fn days_before(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(days)).unwrap_or(day)
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    day.and_hms_opt(hour, minute, 0).expect("a valid time")
}

/// The sample's year as seen on `today`; `assets` is the sample's 台帳 (the incident names one).
pub fn sample_year(today: NaiveDate, assets: &[Asset]) -> Year {
    // Started a year and OVERDUE_DAYS ago, so that yearly duties fell due OVERDUE_DAYS ago.
    let start = days_before(
        today.checked_sub_months(Months::new(12)).unwrap_or(today),
        OVERDUE_DAYS,
    );
    let mut year = Year::starting(start);
    year.staff = staff();
    duties(&mut year, today);
    year.trainings = trainings(today);
    year.incidents = incident(today, assets).into_iter().collect();
    year.contacts = contacts();
    year
}

fn staff() -> Vec<Staff> {
    STAFF
        .iter()
        .zip(1..)
        .map(|((department, name), id)| Staff {
            id: StaffId(id),
            department: department.to_string(),
            name: name.to_string(),
            active: true,
        })
        .collect()
}

/// Each duty done as it fell due (two days early), but for the late one and the overdue one.
fn duties(year: &mut Year, today: NaiveDate) {
    let mut id = year.next_id(YearKey::DutyRecord);
    let mut records = Vec::new();
    for duty in &mut year.duties {
        duty.owner = match duty.method {
            crate::domain::year::duty::Method::Try => "情報システム担当 鈴木",
            _ => "総務部 山田",
        }
        .to_string();
        let mut done_so_far = 0;
        while let Some(due) = duty.next_due.filter(|d| *d <= today) {
            let last = duty.period.nth(due, 1).is_none_or(|next| next > today);
            if duty.name == OVERDUE_DUTY && last {
                break;
            }
            let done = if duty.name == LATE_DUTY && done_so_far == 3 {
                due + Days::new(9)
            } else {
                days_before(due, 2)
            };
            let c = complete(duty.period, due, done);
            records.push(DutyRecord {
                id,
                duty: duty.id,
                due,
                done_on: Some(done),
                outcome: c.outcome,
                by: duty.owner.clone(),
                method: duty.method,
                result: if c.outcome == Outcome::Late {
                    "問題なし（繁忙期で遅れた）".to_string()
                } else {
                    "問題なし".to_string()
                },
                remarks: String::new(),
            });
            id += 1;
            done_so_far += 1;
            duty.next_due = c.next_due;
        }
    }
    records.sort_by_key(|r: &DutyRecord| (r.due, r.duty));
    for (r, id) in records.iter_mut().zip(1..) {
        r.id = id;
    }
    year.duty_records = records;
}

fn attendee(staff: i64, attended: bool, understanding: u8, follow_up: &str) -> Attendee {
    Attendee {
        staff: StaffId(staff),
        attendance: if attended {
            Attendance::Attended
        } else {
            Attendance::Absent
        },
        understanding: attended
            .then(|| Understanding::new(understanding).ok())
            .flatten(),
        follow_up: follow_up.to_string(),
    }
}

fn trainings(today: NaiveDate) -> Vec<Training> {
    let months_ago = |n| today.checked_sub_months(Months::new(n)).unwrap_or(today);
    let first = (1..=6)
        .map(|s| attendee(s, true, if s == 6 { 2 } else { 4 }, ""))
        .chain([attendee(7, false, 0, "次回の研修で受講する")])
        .chain([attendee(8, true, 3, "")])
        .map(|mut a| {
            if a.understanding.is_some_and(|u| u.needs_follow_up()) {
                a.follow_up = "資料を渡し、後日 10 分で説明した".to_string();
            }
            a
        })
        .collect();
    let second = [1, 2, 3, 4, 5, 6, 8]
        .into_iter()
        .map(|s| attendee(s, true, 3, ""))
        .collect();
    vec![
        Training {
            id: 1,
            held_on: months_ago(8),
            title: "情報セキュリティ研修（基本方針と社内ルール）".to_string(),
            content: "基本方針、パスワード、持ち出しのルール、事故のときの連絡網".to_string(),
            form: Form::Classroom,
            lecturer: "総務部 山田 花子".to_string(),
            audience: "全従業員".to_string(),
            attendees: first,
        },
        Training {
            id: 2,
            held_on: months_ago(2),
            title: "不審なメールへの注意".to_string(),
            content: "ウイルス感染の事例と、添付ファイルを開く前に確かめること".to_string(),
            form: Form::Briefing,
            lecturer: "情報システム担当 鈴木 一郎".to_string(),
            audience: "全従業員".to_string(),
            attendees: second,
        },
    ]
}

/// The virus stopped by the antivirus on the accounting PC (None: the 台帳 has no such asset).
fn incident(today: NaiveDate, assets: &[Asset]) -> Option<Incident> {
    let asset = assets.iter().find(|a| a.name == INFECTED_ASSET)?;
    let day = today.checked_sub_months(Months::new(3))?;
    let next = day + Days::new(1);
    let entry = |step, at, text: &str| TimelineEntry {
        step,
        at,
        text: text.to_string(),
    };
    Some(Incident {
        id: 1,
        found_at: at(day, 10, 15),
        occurred_at: Some(at(day, 9, 50)),
        found_by: "経理 中村 恵子".to_string(),
        kind: Kind::Malware,
        level: Level::new(1).expect("a level"),
        title: "経理のPCでウイルスを検知（ウイルス対策ソフトが隔離）".to_string(),
        description: "請求書を装ったメールの添付ファイルを開いたところ、ウイルス対策ソフトが警告して隔離した。経理のPCは半日使えなかった。".to_string(),
        assets: vec![asset.id],
        timeline: vec![
            entry(Step::Report, at(day, 10, 15), "中村さんが警告に気づき、システム管理者の鈴木さんに電話で報告"),
            entry(Step::FirstResponse, at(day, 10, 25), "LAN ケーブルを抜いてネットワークから切り離した"),
            entry(Step::Investigation, at(day, 13, 0), "隔離済みで、ほかの PC に検知なし。情報の持ち出しの跡もなし"),
            entry(Step::Recovery, at(next, 9, 0), "フルスキャンで異常がないことを確かめ、業務に戻した"),
            entry(Step::Prevention, at(next, 16, 0), "朝礼で不審なメールへの注意を周知。バックアップの定期取得を対策計画に入れた"),
        ],
        measures: vec![INCIDENT_MEASURE],
    })
}

fn contacts() -> Vec<Contact> {
    let line = |role: &str, name: &str, phone: &str, mail: &str, note: &str| Contact {
        role: role.to_string(),
        name: name.to_string(),
        phone: phone.to_string(),
        mail: mail.to_string(),
        note: note.to_string(),
    };
    vec![
        line(
            "発見者の上長",
            "各部の部長",
            "内線 201〜204",
            "",
            "不在なら次の人へ",
        ),
        line(
            "インシデント対応責任者",
            "山田 花子（総務部）",
            "090-1234-5678",
            "yamada@minato-seiko.example.jp",
            "",
        ),
        line(
            "システム管理者",
            "鈴木 一郎",
            "090-2345-6789",
            "suzuki@minato-seiko.example.jp",
            "",
        ),
        line(
            "代表者",
            "港 太郎",
            "090-3456-7890",
            "",
            "レベル 2 以上は必ず",
        ),
        line(
            "IT サポート業者",
            "みなとITサービス 森",
            "03-1234-5678",
            "support@minato-it.example.jp",
            "平日 9〜18 時",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::year::duty::{Due, due_on};
    use crate::domain::year::training::{training_year, untrained};
    use crate::domain::year::{YearEdit, YearRecord};

    fn sample_assets() -> Vec<Asset> {
        crate::sample::sample_workbook(crate::domain::Catalogue::builtin()).assets
    }

    #[test]
    fn the_sample_year_has_one_overdue_duty_one_untrained_person_and_a_planned_prevention() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let assets = sample_assets();
        let year = sample_year(today, &assets);
        let overdue: Vec<(&str, Due)> = year
            .duties
            .iter()
            .map(|d| (d.name.as_str(), due_on(d.next_due, d.period, today)))
            .filter(|(_, due)| matches!(due, Due::Overdue(_)))
            .collect();
        assert_eq!(overdue, [(OVERDUE_DUTY, Due::Overdue(OVERDUE_DAYS as i64))]);
        assert!(
            year.duty_records.iter().any(|r| r.outcome == Outcome::Late),
            "one late"
        );
        assert!(year.duty_records.iter().all(|r| r.done_on <= Some(today)));
        assert_eq!(year.staff.len(), 8);
        let (from, to) = training_year(today);
        let missing: Vec<&str> = untrained(&year.staff, &year.trainings, from, to)
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(missing, [UNTRAINED]);
        assert_eq!(year.incidents.len(), 1);
        assert_eq!(year.incidents[0].level.value(), 1);
        assert_eq!(year.incidents[0].timeline.len(), 5);
        assert!(year.contacts.iter().all(|c| !c.name.is_empty()));
    }

    #[test]
    fn every_record_of_the_sample_year_passes_the_checks_of_an_edit() {
        let today = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        let assets = sample_assets();
        let sample = sample_year(today, &assets);
        let mut year = Year::default();
        let records = sample
            .duties
            .iter()
            .cloned()
            .map(YearRecord::Duty)
            .chain(
                sample
                    .duty_records
                    .iter()
                    .cloned()
                    .map(YearRecord::DutyRecord),
            )
            .chain(sample.staff.iter().cloned().map(YearRecord::Staff))
            .chain(sample.trainings.iter().cloned().map(YearRecord::Training))
            .chain(sample.incidents.iter().cloned().map(YearRecord::Incident));
        for record in records {
            let edit = YearEdit::Put(record);
            edit.check(&year, &assets).unwrap();
            edit.apply(&mut year);
        }
        let contacts = YearEdit::SetContacts(sample.contacts.clone());
        contacts.check(&year, &assets).unwrap();
        contacts.apply(&mut year);
        assert_eq!(year, sample);
    }
}
