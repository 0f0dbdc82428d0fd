//! The year's records in `summary --json`: `duties` (with their 実施記録), `trainings` (with their
//! attendees), `incidents` and `contacts`. Dates are YYYY-MM-DD, date-times YYYY-MM-DD HH:MM.

use crate::domain::Workbook;
use crate::domain::year::incident::reached;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct DutySummary {
    pub name: String,
    /// 毎月 / 四半期 / 半年 / 毎年 / 1回のみ
    pub period: &'static str,
    pub owner: String,
    pub next_due: Option<String>,
    /// 見る / 聞く / 試す
    pub method: &'static str,
    pub records: Vec<DutyRecordSummary>,
}

#[derive(Debug, Serialize)]
pub struct DutyRecordSummary {
    pub due: String,
    pub done_on: Option<String>,
    /// 実施 / 遅延 / 未実施
    pub outcome: &'static str,
    pub by: String,
    pub result: String,
}

#[derive(Debug, Serialize)]
pub struct TrainingSummary {
    pub held_on: String,
    pub title: String,
    pub content: String,
    pub form: &'static str,
    pub lecturer: String,
    pub audience: String,
    pub attendees: Vec<AttendeeSummary>,
}

#[derive(Debug, Serialize)]
pub struct AttendeeSummary {
    pub department: String,
    pub name: String,
    /// 受講 / 欠席
    pub attendance: &'static str,
    /// 1–4, or null.
    pub understanding: Option<u8>,
    pub follow_up: String,
}

#[derive(Debug, Serialize)]
pub struct IncidentSummary {
    pub found_at: String,
    pub occurred_at: Option<String>,
    pub found_by: String,
    pub kind: &'static str,
    pub level: u8,
    pub title: String,
    /// The 台帳 names of the assets involved.
    pub assets: Vec<String>,
    /// The furthest step recorded (発見・報告 … 再発防止), or null.
    pub reached: Option<&'static str>,
    pub timeline: Vec<TimelineSummary>,
    /// Check items whose 対策計画 entries are the measures taken.
    pub measures: Vec<u16>,
}

#[derive(Debug, Serialize)]
pub struct TimelineSummary {
    pub step: &'static str,
    pub at: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct ContactSummary {
    pub role: String,
    pub name: String,
    pub phone: String,
    pub mail: String,
    pub note: String,
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn date_time(at: chrono::NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

pub fn duties(wb: &Workbook) -> Vec<DutySummary> {
    wb.year
        .duties
        .iter()
        .map(|d| DutySummary {
            name: d.name.clone(),
            period: d.period.label(),
            owner: d.owner.clone(),
            next_due: d.next_due.map(date),
            method: d.method.label(),
            records: wb
                .year
                .duty_records
                .iter()
                .filter(|r| r.duty == d.id)
                .map(|r| DutyRecordSummary {
                    due: date(r.due),
                    done_on: r.done_on.map(date),
                    outcome: r.outcome.label(),
                    by: r.by.clone(),
                    result: r.result.clone(),
                })
                .collect(),
        })
        .collect()
}

pub fn trainings(wb: &Workbook) -> Vec<TrainingSummary> {
    wb.year
        .trainings
        .iter()
        .map(|t| TrainingSummary {
            held_on: date(t.held_on),
            title: t.title.clone(),
            content: t.content.clone(),
            form: t.form.label(),
            lecturer: t.lecturer.clone(),
            audience: t.audience.clone(),
            attendees: t
                .attendees
                .iter()
                .map(|a| {
                    let person = wb.year.staff.iter().find(|s| s.id == a.staff);
                    AttendeeSummary {
                        department: person.map(|p| p.department.clone()).unwrap_or_default(),
                        name: person.map(|p| p.name.clone()).unwrap_or_default(),
                        attendance: a.attendance.label(),
                        understanding: a.understanding.map(|u| u.value()),
                        follow_up: a.follow_up.clone(),
                    }
                })
                .collect(),
        })
        .collect()
}

pub fn incidents(wb: &Workbook) -> Vec<IncidentSummary> {
    wb.year
        .incidents
        .iter()
        .map(|i| IncidentSummary {
            found_at: date_time(i.found_at),
            occurred_at: i.occurred_at.map(date_time),
            found_by: i.found_by.clone(),
            kind: i.kind.label(),
            level: i.level.value(),
            title: i.title.clone(),
            assets: i
                .assets
                .iter()
                .filter_map(|id| wb.assets.iter().find(|a| a.id == *id))
                .map(|a| a.name.clone())
                .collect(),
            reached: reached(&i.timeline).map(|s| s.label()),
            timeline: i
                .timeline
                .iter()
                .map(|e| TimelineSummary {
                    step: e.step.label(),
                    at: date_time(e.at),
                    text: e.text.clone(),
                })
                .collect(),
            measures: i.measures.iter().map(|n| n.0).collect(),
        })
        .collect()
}

pub fn contacts(wb: &Workbook) -> Vec<ContactSummary> {
    wb.year
        .contacts
        .iter()
        .map(|c| ContactSummary {
            role: c.role.clone(),
            name: c.name.clone(),
            phone: c.phone.clone(),
            mail: c.mail.clone(),
            note: c.note.clone(),
        })
        .collect()
}
