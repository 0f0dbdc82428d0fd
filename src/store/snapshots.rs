//! Dated snapshots of the whole assessment (「診断を確定」), for history and comparison.

use super::error::{StoreError, StoreResult};
use crate::domain::Workbook;
use crate::domain::dates::{long_date, long_date_time};
use rusqlite::{Connection, OptionalExtension, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotInfo {
    pub id: i64,
    /// Local time, `YYYY-MM-DD HH:MM:SS`.
    pub taken_at: String,
    pub note: String,
}

/// How `taken_at` is stored.
pub const TAKEN_AT_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

impl SnapshotInfo {
    /// When it was confirmed, as the report and the window print it (「2025年4月1日 10:00」); the
    /// stored text as it is if it is not in the stored form.
    pub fn taken_at_text(&self) -> String {
        self.taken_at_time()
            .map_or_else(|| self.taken_at.clone(), long_date_time)
    }

    /// The day alone (「2025年4月1日」), where the time would crowd a chart's labels.
    pub fn taken_on_text(&self) -> String {
        self.taken_at_time()
            .map_or_else(|| self.taken_at.clone(), |t| long_date(t.date()))
    }

    fn taken_at_time(&self) -> Option<chrono::NaiveDateTime> {
        chrono::NaiveDateTime::parse_from_str(&self.taken_at, TAKEN_AT_FORMAT).ok()
    }

    /// The record as a person names it: when, and the note.
    pub fn label(&self) -> String {
        format!("{} {}", self.taken_at_text(), self.note)
    }
}

/// Stores a snapshot taken at `taken_at` (`YYYY-MM-DD HH:MM:SS`, local time).
pub fn insert(
    conn: &Connection,
    workbook: &Workbook,
    results: &str,
    note: &str,
    taken_at: &str,
) -> StoreResult<i64> {
    let json = serde_json::to_string(workbook).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let now = taken_at.to_string();
    conn.execute(
        "INSERT INTO snapshots (taken_at, note, workbook, results) VALUES (?1, ?2, ?3, ?4)",
        params![now, note, json, results],
    )?;
    Ok(conn.last_insert_rowid())
}

/// All snapshots, oldest first.
pub fn list(conn: &Connection) -> StoreResult<Vec<SnapshotInfo>> {
    let mut stmt =
        conn.prepare("SELECT id, taken_at, note FROM snapshots ORDER BY taken_at, id")?;
    let rows = stmt.query_map([], |r| {
        Ok(SnapshotInfo {
            id: r.get(0)?,
            taken_at: r.get(1)?,
            note: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The results recorded with a snapshot (the JSON of `riskbook summary --json` at that time).
pub fn results(conn: &Connection, id: i64) -> StoreResult<String> {
    conn.query_row("SELECT results FROM snapshots WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or_else(|| StoreError::Invalid(format!("診断の記録（id {id}）は見つかりません。")))
}

pub fn load(conn: &Connection, id: i64) -> StoreResult<Workbook> {
    let json: Option<String> = conn
        .query_row("SELECT workbook FROM snapshots WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let json = json
        .ok_or_else(|| StoreError::Invalid(format!("診断の記録（id {id}）は見つかりません。")))?;
    serde_json::from_str(&json)
        .map_err(|e| StoreError::Invalid(format!("診断の記録（id {id}）を読めません：{e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(taken_at: &str) -> SnapshotInfo {
        SnapshotInfo {
            id: 1,
            taken_at: taken_at.into(),
            note: "初回の診断".into(),
        }
    }

    #[test]
    fn a_record_is_named_by_its_date_in_the_report_s_form_and_its_note() {
        assert_eq!(
            info("2025-04-01 10:00:00").label(),
            "2025年4月1日 10:00 初回の診断"
        );
        assert_eq!(info("2025-04-01 10:00:00").taken_on_text(), "2025年4月1日");
        assert_eq!(info("きのう").taken_at_text(), "きのう", "kept as stored");
    }
}
