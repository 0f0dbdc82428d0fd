//! The リスク対応 table: at most one decision per asset, dropped with the asset (ON DELETE CASCADE;
//! undoing the delete writes it back, see `Workbook::apply_saved`).

use super::error::{StoreError, StoreResult};
use super::load::parse_date;
use crate::domain::{AssetId, Decision, Treatment};
use rusqlite::{Connection, Transaction, params};

/// Writes `t`, replacing the asset's earlier decision.
pub fn set(tx: &Transaction, t: &Treatment) -> StoreResult<()> {
    let exists = tx
        .prepare_cached("SELECT 1 FROM assets WHERE id = ?1")?
        .exists([t.asset.0])?;
    if !exists {
        return Err(StoreError::Invalid(format!(
            "リスク対応：情報資産（id {}）は見つかりません。すでに削除されています。",
            t.asset.0
        )));
    }
    tx.prepare_cached(
        "INSERT INTO treatments (asset_id, decision, reason, change, accepted_by, accepted_on) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (asset_id) DO UPDATE SET decision = excluded.decision, \
         reason = excluded.reason, change = excluded.change, \
         accepted_by = excluded.accepted_by, accepted_on = excluded.accepted_on",
    )?
    .execute(params![
        t.asset.0,
        t.decision.label(),
        t.reason,
        t.change,
        t.accepted_by,
        t.accepted_on.map(super::load::date_text),
    ])?;
    Ok(())
}

pub fn clear(tx: &Transaction, asset: AssetId) -> StoreResult<()> {
    tx.execute("DELETE FROM treatments WHERE asset_id = ?1", [asset.0])?;
    Ok(())
}

/// Every decision, in asset id order (the order `Workbook::treatments` keeps).
pub fn load(conn: &Connection) -> StoreResult<Vec<Treatment>> {
    let mut stmt = conn.prepare("SELECT * FROM treatments ORDER BY asset_id")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let asset: i64 = row.get("asset_id")?;
        let invalid = |what: String| {
            StoreError::Invalid(format!(
                "データベースの treatments（資産 id {asset}）に不正な値があります：{what}"
            ))
        };
        let decision: String = row.get("decision")?;
        let accepted_on: Option<String> = row.get("accepted_on")?;
        out.push(Treatment {
            asset: AssetId(asset),
            decision: Decision::from_label(&decision)
                .ok_or_else(|| invalid(format!("対応 {decision}")))?,
            reason: row.get("reason")?,
            change: row.get("change")?,
            accepted_by: row.get("accepted_by")?,
            accepted_on: accepted_on
                .map(|d| parse_date(&d).ok_or_else(|| invalid(format!("承認日 {d}"))))
                .transpose()?,
        });
    }
    Ok(out)
}

/// Writes every decision (a replaced workbook, an import).
pub fn write_all(tx: &Transaction, treatments: &[Treatment]) -> StoreResult<()> {
    for t in treatments {
        set(tx, t)?;
    }
    Ok(())
}
