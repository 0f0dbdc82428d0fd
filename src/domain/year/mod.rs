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
