//! Through the year (PDCA): the recurring duties and their records, training with its attendees,
//! incidents with their levels and timeline, and the 連絡網. Plain values and date rules only.

pub mod contacts;
pub mod duty;
pub mod edit;
pub mod incident;
pub mod training;

pub use edit::{YearEdit, YearKey, YearRecord};

use contacts::Contact;
use duty::{Duty, DutyRecord};
use incident::Incident;
use serde::{Deserialize, Serialize};
use training::{Staff, Training};

/// The year's records, each list in id order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Year {
    pub duties: Vec<Duty>,
    pub duty_records: Vec<DutyRecord>,
    pub staff: Vec<Staff>,
    pub trainings: Vec<Training>,
    pub incidents: Vec<Incident>,
    /// The 連絡網, in calling order.
    pub contacts: Vec<Contact>,
}

impl Year {
    /// No record of any kind, not even a duty or a 連絡網 role.
    pub fn is_empty(&self) -> bool {
        *self == Year::default()
    }

    /// What a new database starts with: riskbook's default 年間計画, each duty first due one period
    /// after `today`, and the 連絡網's roles with nobody named yet.
    pub fn starting(today: chrono::NaiveDate) -> Year {
        let duties = duty::DEFAULT_DUTIES
            .iter()
            .zip(1..)
            .map(|(d, id)| Duty {
                id,
                name: d.name.to_string(),
                period: d.period,
                owner: String::new(),
                next_due: d.period.nth(today, 1),
                method: d.method,
                tie: d.tie,
                how: d.how.to_string(),
            })
            .collect();
        let contacts = contacts::DEFAULT_ROLES
            .iter()
            .map(|role| Contact {
                role: role.to_string(),
                ..Contact::default()
            })
            .collect();
        Year {
            duties,
            contacts,
            ..Year::default()
        }
    }

    /// The id a new record of `key`'s kind gets: one past the largest in use (the program is the
    /// database's only writer, so ids can be chosen here and an undone insert comes back the same).
    pub fn next_id(&self, kind: fn(i64) -> YearKey) -> i64 {
        let ids: Vec<i64> = match kind(0) {
            YearKey::Duty(_) => self.duties.iter().map(|d| d.id).collect(),
            YearKey::DutyRecord(_) => self.duty_records.iter().map(|r| r.id).collect(),
            YearKey::Staff(_) => self.staff.iter().map(|s| s.id.0).collect(),
            YearKey::Training(_) => self.trainings.iter().map(|t| t.id).collect(),
            YearKey::Incident(_) => self.incidents.iter().map(|i| i.id).collect(),
        };
        ids.into_iter().max().unwrap_or(0) + 1
    }
}
