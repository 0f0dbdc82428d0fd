//! The year's records: duties and their 実施記録, the staff list, training with its attendees,
//! incidents and the 連絡網. Each edit puts one whole record (by id) or removes one.

use super::error::{StoreError, StoreResult};
use super::load::{date_text, parse_date};
use crate::domain::year::contacts::Contact;
use crate::domain::year::duty::{Duty, DutyRecord, Method, Outcome, Period, Tie};
use crate::domain::year::incident::{Incident, Kind, Level};
use crate::domain::year::training::{
    Attendance, Attendee, Form, Staff, StaffId, Training, Understanding,
};
use crate::domain::year::{Year, YearEdit, YearKey, YearRecord};
use chrono::NaiveDateTime;
use rusqlite::{Connection, Row, Transaction, params};

const DATE_TIME: &str = "%Y-%m-%d %H:%M:%S";

/// How the database writes a duty's tie to the method.
pub fn tie_label(tie: Tie) -> &'static str {
    match tie {
        Tie::ConfirmDiagnosis => "診断",
        Tie::ReviewPolicies => "規程",
        Tie::EvaluateSuppliers => "委託先",
        Tie::Training => "教育",
        Tie::None => "",
    }
}

fn tie_of(label: &str) -> Option<Tie> {
    [
        Tie::ConfirmDiagnosis,
        Tie::ReviewPolicies,
        Tie::EvaluateSuppliers,
        Tie::Training,
        Tie::None,
    ]
    .into_iter()
    .find(|t| tie_label(*t) == label)
}

fn outcome_of(label: &str) -> Option<Outcome> {
    [Outcome::OnTime, Outcome::Late, Outcome::Skipped]
        .into_iter()
        .find(|o| o.label() == label)
}

fn date_time_text(at: NaiveDateTime) -> String {
    at.format(DATE_TIME).to_string()
}

fn json<T: serde::Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Invalid(e.to_string()))
}

pub fn apply(tx: &Transaction, edit: &YearEdit) -> StoreResult<()> {
    match edit {
        YearEdit::Put(YearRecord::Duty(d)) => {
            tx.prepare_cached(
                "INSERT INTO duties (id, name, period, owner, next_due, method, tie, how) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET \
                 name = excluded.name, period = excluded.period, owner = excluded.owner, \
                 next_due = excluded.next_due, method = excluded.method, tie = excluded.tie, \
                 how = excluded.how",
            )?
            .execute(params![
                d.id,
                d.name,
                d.period.label(),
                d.owner,
                d.next_due.map(date_text),
                d.method.label(),
                tie_label(d.tie),
                d.how
            ])?;
        }
        YearEdit::Put(YearRecord::DutyRecord(r)) => {
            tx.prepare_cached(
                "INSERT INTO duty_records (id, duty_id, due, done_on, outcome, done_by, method, \
                 result, remarks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
                 ON CONFLICT (id) DO UPDATE SET duty_id = excluded.duty_id, due = excluded.due, \
                 done_on = excluded.done_on, outcome = excluded.outcome, \
                 done_by = excluded.done_by, method = excluded.method, \
                 result = excluded.result, remarks = excluded.remarks",
            )?
            .execute(params![
                r.id,
                r.duty,
                date_text(r.due),
                r.done_on.map(date_text),
                r.outcome.label(),
                r.by,
                r.method.label(),
                r.result,
                r.remarks
            ])?;
        }
        YearEdit::Put(YearRecord::Staff(s)) => {
            tx.prepare_cached(
                "INSERT INTO staff (id, department, name, active) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (id) DO UPDATE SET department = excluded.department, \
                 name = excluded.name, active = excluded.active",
            )?
            .execute(params![s.id.0, s.department, s.name, s.active])?;
        }
        YearEdit::Put(YearRecord::Training(t)) => {
            tx.prepare_cached(
                "INSERT INTO trainings (id, held_on, title, content, form, lecturer, audience) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET \
                 held_on = excluded.held_on, title = excluded.title, content = excluded.content, \
                 form = excluded.form, lecturer = excluded.lecturer, audience = excluded.audience",
            )?
            .execute(params![
                t.id,
                date_text(t.held_on),
                t.title,
                t.content,
                t.form.label(),
                t.lecturer,
                t.audience
            ])?;
            tx.execute(
                "DELETE FROM training_attendees WHERE training_id = ?1",
                [t.id],
            )?;
            let mut stmt = tx.prepare_cached(
                "INSERT INTO training_attendees (training_id, staff_id, position, attendance, \
                 understanding, follow_up) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (position, a) in t.attendees.iter().enumerate() {
                stmt.execute(params![
                    t.id,
                    a.staff.0,
                    position as i64,
                    a.attendance.label(),
                    a.understanding.map(|u| u.value()),
                    a.follow_up
                ])?;
            }
        }
        YearEdit::Put(YearRecord::Incident(i)) => {
            tx.prepare_cached(
                "INSERT INTO incidents (id, found_at, occurred_at, found_by, kind, level, title, \
                 description, assets, timeline, measures) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (id) DO UPDATE SET \
                 found_at = excluded.found_at, occurred_at = excluded.occurred_at, \
                 found_by = excluded.found_by, kind = excluded.kind, level = excluded.level, \
                 title = excluded.title, description = excluded.description, \
                 assets = excluded.assets, timeline = excluded.timeline, measures = excluded.measures",
            )?
            .execute(params![
                i.id,
                date_time_text(i.found_at),
                i.occurred_at.map(date_time_text),
                i.found_by,
                i.kind.label(),
                i.level.value(),
                i.title,
                i.description,
                json(&i.assets)?,
                json(&i.timeline)?,
                json(&i.measures)?
            ])?;
        }
        YearEdit::Remove(key) => {
            let (sql, id) = match key {
                YearKey::Duty(id) => ("DELETE FROM duties WHERE id = ?1", id),
                YearKey::DutyRecord(id) => ("DELETE FROM duty_records WHERE id = ?1", id),
                YearKey::Staff(id) => ("DELETE FROM staff WHERE id = ?1", id),
                YearKey::Training(id) => ("DELETE FROM trainings WHERE id = ?1", id),
                YearKey::Incident(id) => ("DELETE FROM incidents WHERE id = ?1", id),
            };
            tx.execute(sql, [id])?;
        }
        YearEdit::SetContacts(list) => {
            tx.execute("DELETE FROM contacts", [])?;
            let mut stmt = tx.prepare_cached(
                "INSERT INTO contacts (position, role, name, phone, mail, note) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (position, c) in list.iter().enumerate() {
                stmt.execute(params![
                    position as i64,
                    c.role,
                    c.name,
                    c.phone,
                    c.mail,
                    c.note
                ])?;
            }
        }
    }
    Ok(())
}

/// Replaces every record of the year with `year`'s (a replaced workbook, an import).
pub fn write_all(tx: &Transaction, year: &Year) -> StoreResult<()> {
    tx.execute_batch(
        "DELETE FROM training_attendees; DELETE FROM trainings; DELETE FROM staff;
         DELETE FROM duty_records; DELETE FROM duties; DELETE FROM incidents;",
    )?;
    let records = year
        .duties
        .iter()
        .cloned()
        .map(YearRecord::Duty)
        .chain(
            year.duty_records
                .iter()
                .cloned()
                .map(YearRecord::DutyRecord),
        )
        .chain(year.staff.iter().cloned().map(YearRecord::Staff))
        .chain(year.trainings.iter().cloned().map(YearRecord::Training))
        .chain(year.incidents.iter().cloned().map(YearRecord::Incident));
    for record in records {
        apply(tx, &YearEdit::Put(record))?;
    }
    apply(tx, &YearEdit::SetContacts(year.contacts.clone()))
}

/// Reads a column through `parse`, or says which table, row and value are wrong.
fn parsed<T>(
    row: &Row,
    column: &str,
    table: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> StoreResult<T> {
    let text: String = row.get(column)?;
    let id: i64 = row.get(0)?;
    parse(&text).ok_or_else(|| {
        StoreError::Invalid(format!(
            "データベースの {table}（id {id}）の {column} が不正です：{text}"
        ))
    })
}

fn optional<T>(
    row: &Row,
    column: &str,
    table: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> StoreResult<Option<T>> {
    let text: Option<String> = row.get(column)?;
    match text {
        None => Ok(None),
        Some(_) => parsed(row, column, table, parse).map(Some),
    }
}

fn date_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, DATE_TIME).ok()
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

pub fn load(conn: &Connection) -> StoreResult<Year> {
    let mut year = Year::default();
    let mut stmt = conn.prepare("SELECT * FROM duties ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        year.duties.push(Duty {
            id: r.get("id")?,
            name: r.get("name")?,
            period: parsed(r, "period", "duties", Period::from_label)?,
            owner: r.get("owner")?,
            next_due: optional(r, "next_due", "duties", parse_date)?,
            method: parsed(r, "method", "duties", Method::from_label)?,
            tie: parsed(r, "tie", "duties", tie_of)?,
            how: r.get("how")?,
        });
    }
    let mut stmt = conn.prepare("SELECT * FROM duty_records ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        year.duty_records.push(DutyRecord {
            id: r.get("id")?,
            duty: r.get("duty_id")?,
            due: parsed(r, "due", "duty_records", parse_date)?,
            done_on: optional(r, "done_on", "duty_records", parse_date)?,
            outcome: parsed(r, "outcome", "duty_records", outcome_of)?,
            by: r.get("done_by")?,
            method: parsed(r, "method", "duty_records", Method::from_label)?,
            result: r.get("result")?,
            remarks: r.get("remarks")?,
        });
    }
    let mut stmt = conn.prepare("SELECT * FROM staff ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        year.staff.push(Staff {
            id: StaffId(r.get("id")?),
            department: r.get("department")?,
            name: r.get("name")?,
            active: r.get("active")?,
        });
    }
    let mut attendees = conn.prepare(
        "SELECT training_id, staff_id, attendance, understanding, follow_up \
         FROM training_attendees WHERE training_id = ?1 ORDER BY position",
    )?;
    let mut stmt = conn.prepare("SELECT * FROM trainings ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get("id")?;
        let mut list = Vec::new();
        let mut arows = attendees.query([id])?;
        while let Some(a) = arows.next()? {
            let understanding: Option<u8> = a.get("understanding")?;
            list.push(Attendee {
                staff: StaffId(a.get("staff_id")?),
                attendance: parsed(
                    a,
                    "attendance",
                    "training_attendees",
                    Attendance::from_label,
                )?,
                understanding: understanding
                    .map(Understanding::new)
                    .transpose()
                    .map_err(StoreError::Invalid)?,
                follow_up: a.get("follow_up")?,
            });
        }
        year.trainings.push(Training {
            id,
            held_on: parsed(r, "held_on", "trainings", parse_date)?,
            title: r.get("title")?,
            content: r.get("content")?,
            form: parsed(r, "form", "trainings", Form::from_label)?,
            lecturer: r.get("lecturer")?,
            audience: r.get("audience")?,
            attendees: list,
        });
    }
    let mut stmt = conn.prepare("SELECT * FROM incidents ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let level: u8 = r.get("level")?;
        year.incidents.push(Incident {
            id: r.get("id")?,
            found_at: parsed(r, "found_at", "incidents", date_time)?,
            occurred_at: optional(r, "occurred_at", "incidents", date_time)?,
            found_by: r.get("found_by")?,
            kind: parsed(r, "kind", "incidents", Kind::from_label)?,
            level: Level::new(level).map_err(StoreError::Invalid)?,
            title: r.get("title")?,
            description: r.get("description")?,
            assets: parsed(r, "assets", "incidents", from_json)?,
            timeline: parsed(r, "timeline", "incidents", from_json)?,
            measures: parsed(r, "measures", "incidents", from_json)?,
        });
    }
    let mut stmt = conn.prepare("SELECT * FROM contacts ORDER BY position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        year.contacts.push(Contact {
            role: r.get("role")?,
            name: r.get("name")?,
            phone: r.get("phone")?,
            mail: r.get("mail")?,
            note: r.get("note")?,
        });
    }
    Ok(year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::year::duty::DEFAULT_DUTIES;
    use crate::domain::year::incident::{Step, TimelineEntry};
    use crate::domain::{AssetId, ItemNo};
    use chrono::NaiveDate;

    use crate::store::schema::in_memory as database;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn a_new_database_has_the_default_plan_due_a_period_from_now_and_the_contact_roles() {
        let conn = database();
        let year = load(&conn).unwrap();
        assert_eq!(year.duties.len(), DEFAULT_DUTIES.len());
        let today = chrono::Local::now().date_naive();
        for (duty, default) in year.duties.iter().zip(DEFAULT_DUTIES) {
            assert_eq!(
                (duty.name.as_str(), duty.period),
                (default.name, default.period)
            );
            assert_eq!(duty.next_due, default.period.nth(today, 1), "{}", duty.name);
        }
        assert_eq!(year.contacts.len(), 4);
        assert!(year.contacts.iter().all(|c| c.name.is_empty()));
    }

    #[test]
    fn every_kind_of_record_is_stored_and_read_back() {
        let mut conn = database();
        let tx = conn.transaction().unwrap();
        tx.execute("INSERT INTO categories (no, name) VALUES (1, 'x'); ", [])
            .unwrap();
        let mut expected = load(&tx).unwrap();
        let edits = [
            YearEdit::Put(YearRecord::Staff(Staff {
                id: StaffId(1),
                department: "営業".to_string(),
                name: "佐藤".to_string(),
                active: true,
            })),
            YearEdit::Put(YearRecord::DutyRecord(DutyRecord {
                id: 1,
                duty: 1,
                due: d(4, 1),
                done_on: None,
                outcome: Outcome::Skipped,
                by: String::new(),
                method: Method::Look,
                result: String::new(),
                remarks: "繁忙期".to_string(),
            })),
            YearEdit::Put(YearRecord::Training(Training {
                id: 1,
                held_on: d(5, 10),
                title: "標的型メール".to_string(),
                content: "見分け方".to_string(),
                form: Form::Online,
                lecturer: "外部講師".to_string(),
                audience: "全従業員".to_string(),
                attendees: vec![Attendee {
                    staff: StaffId(1),
                    attendance: Attendance::Attended,
                    understanding: Some(Understanding::new(2).unwrap()),
                    follow_up: "個別に説明".to_string(),
                }],
            })),
            YearEdit::Put(YearRecord::Incident(Incident {
                id: 1,
                found_at: d(6, 1).and_hms_opt(9, 30, 0).unwrap(),
                occurred_at: None,
                found_by: "佐藤".to_string(),
                kind: Kind::Malware,
                level: Level::new(1).unwrap(),
                title: "添付ファイルを開いた".to_string(),
                description: String::new(),
                assets: vec![AssetId(3)],
                timeline: vec![TimelineEntry {
                    step: Step::Report,
                    at: d(6, 1).and_hms_opt(9, 40, 0).unwrap(),
                    text: "上長に報告".to_string(),
                }],
                measures: vec![ItemNo(12)],
            })),
            YearEdit::SetContacts(vec![Contact {
                role: "代表者".to_string(),
                name: "山田".to_string(),
                phone: "03-0000-0000".to_string(),
                mail: String::new(),
                note: String::new(),
            }]),
        ];
        for edit in &edits {
            apply(&tx, edit).unwrap();
            edit.apply(&mut expected);
        }
        assert_eq!(load(&tx).unwrap(), expected);
        for key in [
            YearKey::Training(1),
            YearKey::Incident(1),
            YearKey::DutyRecord(1),
        ] {
            let edit = YearEdit::Remove(key);
            apply(&tx, &edit).unwrap();
            edit.apply(&mut expected);
        }
        assert_eq!(load(&tx).unwrap(), expected);
        let left: i64 = tx
            .query_row("SELECT count(*) FROM training_attendees", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn a_new_database_starts_with_what_the_domain_calls_the_starting_year() {
        let conn = database();
        let today = chrono::Local::now().date_naive();
        assert_eq!(load(&conn).unwrap(), Year::starting(today));
    }

    #[test]
    fn the_schema_refuses_what_the_domain_cannot_make() {
        let conn = database();
        let bad = [
            "INSERT INTO incidents (found_at, kind, level, title) VALUES ('2026-06-01 09:00:00', '漏えい', 4, 'x')",
            "INSERT INTO incidents (found_at, kind, level, title) VALUES ('2026-06-31 09:00:00', '漏えい', 1, 'x')",
            "INSERT INTO duty_records (duty_id, due, outcome, method) VALUES (1, '2026-04-01', '実施', '見る')",
            "INSERT INTO training_attendees (training_id, staff_id, position, attendance) VALUES (1, 99, 0, '受講')",
            "INSERT INTO duties (name, period, method) VALUES ('x', '毎週', '見る')",
        ];
        for sql in bad {
            assert!(conn.execute(sql, []).is_err(), "{sql}");
        }
    }
}
