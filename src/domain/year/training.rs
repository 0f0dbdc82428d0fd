//! 教育記録: training sessions (研修日, 研修名, 内容, 形式, 講師, 対象者) and who attended, chosen from
//! the staff list the company keeps, so that "who has not been trained this year" is one filter.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The database's id of a person on the staff list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StaffId(pub i64);

/// A person on the staff list (所属, 氏名); one who has left stays for the old records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub id: StaffId,
    pub department: String,
    pub name: String,
    /// Still with the company (those who left are not counted as untrained).
    pub active: bool,
}

/// 形式.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Form {
    /// 集合研修 (in a room together).
    Classroom,
    /// eラーニング・動画
    Online,
    /// 外部セミナー
    External,
    /// 朝礼・会議での説明
    Briefing,
}

impl Form {
    pub const ALL: [Form; 4] = [
        Form::Classroom,
        Form::Online,
        Form::External,
        Form::Briefing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Form::Classroom => "集合研修",
            Form::Online => "eラーニング・動画",
            Form::External => "外部セミナー",
            Form::Briefing => "朝礼・会議での説明",
        }
    }

    pub fn from_label(text: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.label() == text.trim())
    }
}

/// 受講状況.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Attendance {
    Attended,
    Absent,
}

impl Attendance {
    pub fn label(self) -> &'static str {
        match self {
            Attendance::Attended => "受講",
            Attendance::Absent => "欠席",
        }
    }

    pub fn from_label(text: &str) -> Option<Attendance> {
        [Attendance::Attended, Attendance::Absent]
            .into_iter()
            .find(|a| a.label() == text.trim())
    }
}

/// 理解度 as a survey gives it, 1 (わからなかった) to 4 (よくわかった); no other value can be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Understanding(u8);

impl Understanding {
    pub fn new(value: u8) -> Result<Understanding, String> {
        if (1..=4).contains(&value) {
            Ok(Understanding(value))
        } else {
            Err(format!(
                "理解度は 1〜4 のどれかです（{value} は範囲外です）。"
            ))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }

    pub fn label(self) -> &'static str {
        match self.0 {
            4 => "よくわかった",
            3 => "だいたいわかった",
            2 => "あまりわからなかった",
            _ => "わからなかった",
        }
    }

    /// Whether the answer asks for a follow-up (2 and below).
    pub fn needs_follow_up(self) -> bool {
        self.0 <= 2
    }
}

impl TryFrom<u8> for Understanding {
    type Error = String;
    fn try_from(value: u8) -> Result<Understanding, String> {
        Understanding::new(value)
    }
}

impl From<Understanding> for u8 {
    fn from(u: Understanding) -> u8 {
        u.0
    }
}

/// One person's line in a session's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub staff: StaffId,
    pub attendance: Attendance,
    pub understanding: Option<Understanding>,
    /// フォローアップ: what was done for one absent or who did not understand.
    pub follow_up: String,
}

/// One training session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    pub id: i64,
    pub held_on: NaiveDate,
    pub title: String,
    pub content: String,
    pub form: Form,
    pub lecturer: String,
    /// 対象者, as written (「全従業員」「新入社員」).
    pub audience: String,
    pub attendees: Vec<Attendee>,
}

/// Refuses an attendee who is not on the staff list, or one listed twice, naming them.
pub fn check_attendees(attendees: &[Attendee], staff: &[Staff]) -> Result<(), String> {
    let mut seen = HashSet::new();
    for a in attendees {
        let Some(person) = staff.iter().find(|s| s.id == a.staff) else {
            return Err(format!(
                "受講者（id {}）は従業員の一覧にいません。先に一覧に加えてください。",
                a.staff.0
            ));
        };
        if !seen.insert(a.staff) {
            return Err(format!("{}さんが 2 回入っています。", person.name));
        }
    }
    Ok(())
}

/// The training year seen from `today`: the twelve months up to it (as 今やること and 年間の記録 count
/// who is still to be trained).
pub fn training_year(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let from = today
        .checked_sub_months(chrono::Months::new(12))
        .unwrap_or(today);
    (from, today)
}

/// The active staff who attended no session held in `from..=to`, in the list's order.
pub fn untrained<'a>(
    staff: &'a [Staff],
    trainings: &[Training],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<&'a Staff> {
    let trained: HashSet<StaffId> = trainings
        .iter()
        .filter(|t| (from..=to).contains(&t.held_on))
        .flat_map(|t| &t.attendees)
        .filter(|a| a.attendance == Attendance::Attended)
        .map(|a| a.staff)
        .collect();
    staff
        .iter()
        .filter(|s| s.active && !trained.contains(&s.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn person(id: i64, name: &str, active: bool) -> Staff {
        Staff {
            id: StaffId(id),
            department: "総務".to_string(),
            name: name.to_string(),
            active,
        }
    }

    fn attendee(id: i64, attendance: Attendance) -> Attendee {
        Attendee {
            staff: StaffId(id),
            attendance,
            understanding: None,
            follow_up: String::new(),
        }
    }

    fn session(on: NaiveDate, attendees: Vec<Attendee>) -> Training {
        Training {
            id: 1,
            held_on: on,
            title: "標的型メール訓練".to_string(),
            content: String::new(),
            form: Form::Classroom,
            lecturer: String::new(),
            audience: "全従業員".to_string(),
            attendees,
        }
    }

    #[test]
    fn the_untrained_are_the_active_staff_who_attended_nothing_in_the_period() {
        let staff = [
            person(1, "佐藤", true),
            person(2, "鈴木", true),
            person(3, "高橋", true),
            person(4, "田中", false),
        ];
        let trainings = [
            session(
                d(5, 10),
                vec![
                    attendee(1, Attendance::Attended),
                    attendee(2, Attendance::Absent),
                ],
            ),
            session(d(3, 1), vec![attendee(3, Attendance::Attended)]),
        ];
        let names = |v: Vec<&Staff>| v.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(untrained(&staff, &trainings, d(4, 1), d(12, 31))),
            ["鈴木", "高橋"]
        );
        assert_eq!(
            names(untrained(&staff, &trainings, d(1, 1), d(12, 31))),
            ["鈴木"]
        );
    }

    #[test]
    fn an_attendee_off_the_list_or_twice_is_refused() {
        let staff = [person(1, "佐藤", true)];
        assert!(check_attendees(&[attendee(1, Attendance::Attended)], &staff).is_ok());
        let off = check_attendees(&[attendee(9, Attendance::Attended)], &staff).unwrap_err();
        assert!(off.contains("一覧にいません"), "{off}");
        let twice = check_attendees(
            &[
                attendee(1, Attendance::Attended),
                attendee(1, Attendance::Absent),
            ],
            &staff,
        )
        .unwrap_err();
        assert!(twice.contains("佐藤"), "{twice}");
    }

    #[test]
    fn understanding_is_1_to_4_and_low_answers_ask_for_a_follow_up() {
        assert!(Understanding::new(0).is_err());
        assert!(Understanding::new(5).is_err());
        assert!(Understanding::new(2).unwrap().needs_follow_up());
        assert!(!Understanding::new(3).unwrap().needs_follow_up());
        assert!(serde_json::from_str::<Understanding>("7").is_err());
        for f in Form::ALL {
            assert_eq!(Form::from_label(f.label()), Some(f));
        }
    }
}
