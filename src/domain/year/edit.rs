//! The edits of the year's records: put a record (new or changed, by its id) or remove one, and
//! replace the 連絡網. Their inverse and their effect in memory live here, tested without SQLite;
//! `domain::edit::Edit::Year` carries them.

use super::Year;
use super::contacts::{self, Contact};
use super::duty::{Duty, DutyRecord};
use super::incident::{self, Incident};
use super::training::{self, Staff, StaffId, Training};
use crate::domain::asset::Asset;

/// One record of the year, whole.
#[derive(Debug, Clone, PartialEq)]
pub enum YearRecord {
    Duty(Duty),
    DutyRecord(DutyRecord),
    Staff(Staff),
    Training(Training),
    Incident(Incident),
}

/// Which record: its kind and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearKey {
    Duty(i64),
    DutyRecord(i64),
    Staff(i64),
    Training(i64),
    Incident(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum YearEdit {
    /// Adds the record, or replaces the one with its id.
    Put(YearRecord),
    Remove(YearKey),
    /// The whole 連絡網, in calling order.
    SetContacts(Vec<Contact>),
}

impl YearRecord {
    pub fn key(&self) -> YearKey {
        match self {
            YearRecord::Duty(d) => YearKey::Duty(d.id),
            YearRecord::DutyRecord(r) => YearKey::DutyRecord(r.id),
            YearRecord::Staff(s) => YearKey::Staff(s.id.0),
            YearRecord::Training(t) => YearKey::Training(t.id),
            YearRecord::Incident(i) => YearKey::Incident(i.id),
        }
    }
}

trait Keyed: Clone {
    fn id(&self) -> i64;
}

impl Keyed for Duty {
    fn id(&self) -> i64 {
        self.id
    }
}
impl Keyed for DutyRecord {
    fn id(&self) -> i64 {
        self.id
    }
}
impl Keyed for Staff {
    fn id(&self) -> i64 {
        self.id.0
    }
}
impl Keyed for Training {
    fn id(&self) -> i64 {
        self.id
    }
}
impl Keyed for Incident {
    fn id(&self) -> i64 {
        self.id
    }
}

fn get<T: Keyed>(list: &[T], id: i64) -> Option<&T> {
    list.binary_search_by_key(&id, T::id).ok().map(|i| &list[i])
}

fn put<T: Keyed>(list: &mut Vec<T>, value: &T) {
    match list.binary_search_by_key(&value.id(), T::id) {
        Ok(i) => list[i] = value.clone(),
        Err(i) => list.insert(i, value.clone()),
    }
}

fn remove<T: Keyed>(list: &mut Vec<T>, id: i64) {
    list.retain(|v| v.id() != id);
}

impl Year {
    /// The record `key` names, if there is one.
    pub fn record(&self, key: YearKey) -> Option<YearRecord> {
        match key {
            YearKey::Duty(id) => get(&self.duties, id).cloned().map(YearRecord::Duty),
            YearKey::DutyRecord(id) => get(&self.duty_records, id)
                .cloned()
                .map(YearRecord::DutyRecord),
            YearKey::Staff(id) => get(&self.staff, id).cloned().map(YearRecord::Staff),
            YearKey::Training(id) => get(&self.trainings, id).cloned().map(YearRecord::Training),
            YearKey::Incident(id) => get(&self.incidents, id).cloned().map(YearRecord::Incident),
        }
    }
}

impl YearEdit {
    /// Refuses what would leave the records wrong, in words for the user: a record without its
    /// name, a 実施記録 of no duty, an attendee off the staff list, an incident level below what
    /// its kind and assets require (`assets`: the 台帳), removing a duty that has records or a
    /// person who attended a session.
    pub fn check(&self, year: &Year, assets: &[Asset]) -> Result<(), String> {
        let named = |text: &str, what: &str| {
            if text.trim().is_empty() {
                Err(format!("{what}を入れてください。"))
            } else {
                Ok(())
            }
        };
        match self {
            YearEdit::Put(YearRecord::Duty(d)) => named(&d.name, "作業の名前"),
            YearEdit::Put(YearRecord::DutyRecord(r)) => match get(&year.duties, r.duty) {
                Some(_) => Ok(()),
                None => Err("実施記録の作業が見つかりません。削除されています。".to_string()),
            },
            YearEdit::Put(YearRecord::Staff(s)) => named(&s.name, "氏名"),
            YearEdit::Put(YearRecord::Training(t)) => {
                named(&t.title, "研修名")?;
                training::check_attendees(&t.attendees, &year.staff)
            }
            YearEdit::Put(YearRecord::Incident(i)) => {
                named(&i.title, "インシデントの件名")?;
                let involved: Vec<&Asset> =
                    i.assets
                        .iter()
                        .map(|id| {
                            assets.iter().find(|a| a.id == *id).ok_or_else(|| {
                                format!("情報資産（id {}）は台帳にありません。", id.0)
                            })
                        })
                        .collect::<Result<_, _>>()?;
                incident::check_level(i.kind, &involved, i.level)
            }
            YearEdit::Remove(YearKey::Duty(id)) => {
                if year.duty_records.iter().any(|r| r.duty == *id) {
                    Err("実施記録のある作業は削除できません（記録は実施の証拠です）。頻度を「1回のみ」にして終えてください。".to_string())
                } else {
                    Ok(())
                }
            }
            YearEdit::Remove(YearKey::Staff(id)) => {
                let attended = year
                    .trainings
                    .iter()
                    .flat_map(|t| &t.attendees)
                    .any(|a| a.staff == StaffId(*id));
                if attended {
                    Err("研修の記録に載っている人は削除できません。退職した人は「在籍」を外してください。".to_string())
                } else {
                    Ok(())
                }
            }
            YearEdit::Remove(_) => Ok(()),
            YearEdit::SetContacts(list) => contacts::check(list),
        }
    }

    /// The edit that takes `year` back to its state before this one.
    pub fn inverse(&self, year: &Year) -> YearEdit {
        match self {
            YearEdit::Put(record) => match year.record(record.key()) {
                Some(old) => YearEdit::Put(old),
                None => YearEdit::Remove(record.key()),
            },
            YearEdit::Remove(key) => match year.record(*key) {
                Some(old) => YearEdit::Put(old),
                None => self.clone(),
            },
            YearEdit::SetContacts(_) => YearEdit::SetContacts(year.contacts.clone()),
        }
    }

    /// Makes the (saved) edit in memory.
    pub fn apply(&self, year: &mut Year) {
        match self {
            YearEdit::Put(YearRecord::Duty(d)) => put(&mut year.duties, d),
            YearEdit::Put(YearRecord::DutyRecord(r)) => put(&mut year.duty_records, r),
            YearEdit::Put(YearRecord::Staff(s)) => put(&mut year.staff, s),
            YearEdit::Put(YearRecord::Training(t)) => put(&mut year.trainings, t),
            YearEdit::Put(YearRecord::Incident(i)) => put(&mut year.incidents, i),
            YearEdit::Remove(YearKey::Duty(id)) => remove(&mut year.duties, *id),
            YearEdit::Remove(YearKey::DutyRecord(id)) => remove(&mut year.duty_records, *id),
            YearEdit::Remove(YearKey::Staff(id)) => remove(&mut year.staff, *id),
            YearEdit::Remove(YearKey::Training(id)) => remove(&mut year.trainings, *id),
            YearEdit::Remove(YearKey::Incident(id)) => remove(&mut year.incidents, *id),
            YearEdit::SetContacts(list) => year.contacts = list.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::duty::{Method, Outcome, Period, Tie};
    use super::super::incident::{Kind, Level};
    use super::super::training::{Attendance, Attendee, Form};
    use super::*;
    use crate::domain::AssetId;
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn duty(id: i64) -> Duty {
        Duty {
            id,
            name: "バックアップの復元テスト".to_string(),
            period: Period::HalfYearly,
            owner: "鈴木".to_string(),
            next_due: Some(d(4, 1)),
            method: Method::Try,
            tie: Tie::None,
            how: String::new(),
        }
    }

    fn person(id: i64) -> Staff {
        Staff {
            id: StaffId(id),
            department: "総務".to_string(),
            name: format!("社員{id}"),
            active: true,
        }
    }

    fn round_trip(year: &mut Year, edit: YearEdit) {
        let before = year.clone();
        let inverse = edit.inverse(year);
        edit.apply(year);
        assert_ne!(*year, before, "{edit:?} changed nothing");
        inverse.apply(year);
        assert_eq!(*year, before, "{edit:?} is undone by {inverse:?}");
    }

    #[test]
    fn every_kind_of_put_and_remove_is_undone_by_its_inverse() {
        let mut year = Year::default();
        YearEdit::Put(YearRecord::Duty(duty(1))).apply(&mut year);
        YearEdit::Put(YearRecord::Staff(person(1))).apply(&mut year);
        round_trip(&mut year, YearEdit::Put(YearRecord::Duty(duty(2))));
        let mut moved = duty(1);
        moved.next_due = Some(d(10, 1));
        round_trip(&mut year, YearEdit::Put(YearRecord::Duty(moved)));
        round_trip(&mut year, YearEdit::Remove(YearKey::Staff(1)));
        round_trip(
            &mut year,
            YearEdit::Put(YearRecord::DutyRecord(DutyRecord {
                id: 1,
                duty: 1,
                due: d(4, 1),
                done_on: Some(d(4, 3)),
                outcome: Outcome::Late,
                by: "鈴木".to_string(),
                method: Method::Try,
                result: "問題なし".to_string(),
                remarks: String::new(),
            })),
        );
        round_trip(
            &mut year,
            YearEdit::SetContacts(vec![Contact {
                role: "代表者".to_string(),
                ..Contact::default()
            }]),
        );
        assert_eq!(year.next_id(YearKey::Duty), 2);
        assert_eq!(year.next_id(YearKey::Incident), 1);
    }

    #[test]
    fn records_keep_id_order_whatever_order_they_are_put_in() {
        let mut year = Year::default();
        for id in [3, 1, 2] {
            YearEdit::Put(YearRecord::Duty(duty(id))).apply(&mut year);
        }
        let ids: Vec<i64> = year.duties.iter().map(|d| d.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }

    #[test]
    fn a_duty_with_records_and_a_person_who_attended_cannot_be_removed() {
        let mut year = Year::default();
        YearEdit::Put(YearRecord::Duty(duty(1))).apply(&mut year);
        YearEdit::Put(YearRecord::Staff(person(1))).apply(&mut year);
        assert!(YearEdit::Remove(YearKey::Duty(1)).check(&year, &[]).is_ok());
        year.duty_records.push(DutyRecord {
            id: 1,
            duty: 1,
            due: d(4, 1),
            done_on: None,
            outcome: Outcome::Skipped,
            by: String::new(),
            method: Method::Try,
            result: String::new(),
            remarks: String::new(),
        });
        assert!(
            YearEdit::Remove(YearKey::Duty(1))
                .check(&year, &[])
                .is_err()
        );
        let session = Training {
            id: 1,
            held_on: d(5, 1),
            title: "情報セキュリティ研修".to_string(),
            content: String::new(),
            form: Form::Classroom,
            lecturer: String::new(),
            audience: String::new(),
            attendees: vec![Attendee {
                staff: StaffId(1),
                attendance: Attendance::Attended,
                understanding: None,
                follow_up: String::new(),
            }],
        };
        let put = YearEdit::Put(YearRecord::Training(session.clone()));
        assert!(put.check(&year, &[]).is_ok());
        put.apply(&mut year);
        let err = YearEdit::Remove(YearKey::Staff(1))
            .check(&year, &[])
            .unwrap_err();
        assert!(err.contains("在籍"), "{err}");
        let mut stranger = session;
        stranger.attendees[0].staff = StaffId(9);
        assert!(
            YearEdit::Put(YearRecord::Training(stranger))
                .check(&year, &[])
                .is_err()
        );
    }

    #[test]
    fn an_incident_is_checked_against_the_assets_it_involves() {
        let year = Year::default();
        let register = [Asset {
            id: AssetId(5),
            personal_info: true,
            ..Asset::named("顧客名簿")
        }];
        let at = d(6, 1).and_hms_opt(10, 0, 0).unwrap();
        let incident = |level: u8, asset: i64| Incident {
            id: 1,
            found_at: at,
            occurred_at: None,
            found_by: "佐藤".to_string(),
            kind: Kind::Leak,
            level: Level::new(level).unwrap(),
            title: "メールの誤送信".to_string(),
            description: String::new(),
            assets: vec![AssetId(asset)],
            timeline: Vec::new(),
            measures: Vec::new(),
        };
        let check = |i| YearEdit::Put(YearRecord::Incident(i)).check(&year, &register);
        assert!(check(incident(3, 5)).is_ok());
        assert!(check(incident(2, 5)).unwrap_err().contains("レベル 3"));
        assert!(
            check(incident(3, 6))
                .unwrap_err()
                .contains("台帳にありません")
        );
    }
}
