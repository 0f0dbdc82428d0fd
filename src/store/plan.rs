//! The 対策計画 table: one row per entry, in the order the user added them.

use super::error::{StoreError, StoreResult};
use crate::domain::{ItemNo, Measure, PlanEntry, PlanId, PlanStatus, ThreatId};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

fn due_text(entry: &PlanEntry) -> Option<String> {
    entry.due.map(super::load::date_text)
}

fn measure_columns(measure: Measure) -> (Option<u16>, Option<i64>) {
    match measure {
        Measure::Item(no) => (Some(no.0), None),
        Measure::Threat(id) => (None, Some(id.0)),
    }
}

/// A measure that names an item or threat the workbook does not have is refused with its name.
fn check_measure(tx: &Transaction, measure: Measure) -> StoreResult<()> {
    let found = match measure {
        Measure::Item(no) => tx
            .query_row(
                "SELECT 1 FROM check_items WHERE no = ?1",
                [no.0],
                |_| Ok(()),
            )
            .optional()?,
        Measure::Threat(id) => tx
            .query_row("SELECT 1 FROM threats WHERE id = ?1", [id.0], |_| Ok(()))
            .optional()?,
    };
    found.ok_or_else(|| {
        StoreError::Invalid(match measure {
            Measure::Item(no) => format!("対策計画：チェック項目 No.{} はありません。", no.0),
            Measure::Threat(id) => format!("対策計画：脅威（id {}）はありません。", id.0),
        })
    })
}

/// Inserts `entry` at `index` (past the end appends); an entry whose id is not 0 keeps it.
pub fn insert(tx: &Transaction, index: usize, entry: &PlanEntry) -> StoreResult<PlanId> {
    check_measure(tx, entry.measure)?;
    let count: i64 = tx.query_row("SELECT coalesce(max(position) + 1, 0) FROM plan", [], |r| {
        r.get(0)
    })?;
    let position = i64::try_from(index).unwrap_or(i64::MAX).min(count);
    tx.execute(
        "UPDATE plan SET position = position + 1 WHERE position >= ?1",
        [position],
    )?;
    let (item, threat) = measure_columns(entry.measure);
    let id = (entry.id != PlanId::default()).then_some(entry.id.0);
    tx.execute(
        "INSERT INTO plan (id, position, item_no, threat_id, owner, due, status, memo) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            position,
            item,
            threat,
            entry.owner,
            due_text(entry),
            entry.status.label(),
            entry.memo
        ],
    )?;
    Ok(PlanId(tx.last_insert_rowid()))
}

pub fn update(tx: &Transaction, entry: &PlanEntry) -> StoreResult<()> {
    check_measure(tx, entry.measure)?;
    let (item, threat) = measure_columns(entry.measure);
    let changed = tx.execute(
        "UPDATE plan SET item_no = ?1, threat_id = ?2, owner = ?3, due = ?4, status = ?5, memo = ?6 \
         WHERE id = ?7",
        params![
            item,
            threat,
            entry.owner,
            due_text(entry),
            entry.status.label(),
            entry.memo,
            entry.id.0
        ],
    )?;
    if changed == 0 {
        return Err(missing(entry.id));
    }
    Ok(())
}

pub fn delete(tx: &Transaction, id: PlanId) -> StoreResult<()> {
    let position: i64 = tx
        .query_row("SELECT position FROM plan WHERE id = ?1", [id.0], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| missing(id))?;
    tx.execute("DELETE FROM plan WHERE id = ?1", [id.0])?;
    tx.execute(
        "UPDATE plan SET position = position - 1 WHERE position > ?1",
        [position],
    )?;
    Ok(())
}

fn missing(id: PlanId) -> StoreError {
    StoreError::Invalid(format!(
        "対策計画の項目（id {}）は見つかりません。すでに削除されています。",
        id.0
    ))
}

fn entry(row: &Row) -> rusqlite::Result<PlanEntry> {
    let item: Option<u16> = row.get("item_no")?;
    let threat: Option<i64> = row.get("threat_id")?;
    let measure = match (item, threat) {
        (Some(no), _) => Measure::Item(ItemNo(no)),
        (None, Some(id)) => Measure::Threat(ThreatId(id)),
        (None, None) => unreachable!("the schema requires one of them"),
    };
    let due: Option<String> = row.get("due")?;
    let status: String = row.get("status")?;
    Ok(PlanEntry {
        id: PlanId(row.get("id")?),
        measure,
        owner: row.get("owner")?,
        due: due.and_then(|d| super::load::parse_date(&d)),
        status: PlanStatus::from_label(&status).unwrap_or(PlanStatus::NotStarted),
        memo: row.get("memo")?,
    })
}

pub fn load(conn: &Connection) -> StoreResult<Vec<PlanEntry>> {
    let mut stmt = conn.prepare("SELECT * FROM plan ORDER BY position, id")?;
    let rows = stmt.query_map([], entry)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Writes every entry in order, keeping their ids (a replaced workbook, an import).
pub fn write_all(tx: &Transaction, entries: &[PlanEntry]) -> StoreResult<()> {
    for (index, entry) in entries.iter().enumerate() {
        insert(tx, index, entry)?;
    }
    Ok(())
}
