//! The company's policy draft: the Word file as imported (one at a time) and the values filled into
//! its spots.

use super::error::{StoreError, StoreResult};
use crate::domain::policy::spots::{PolicyValues, SpotNo, SpotValue};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// The stored draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyDocument {
    pub file_name: String,
    pub imported_on: NaiveDate,
    /// How many spots it has (values are kept for these numbers only).
    pub spots: u32,
    pub bytes: Vec<u8>,
}

pub fn document(conn: &Connection) -> StoreResult<Option<PolicyDocument>> {
    let row = conn
        .query_row(
            "SELECT file_name, imported_on, spots, bytes FROM policy_document WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                ))
            },
        )
        .optional()?;
    row.map(|(file_name, date, spots, bytes)| {
        let imported_on = super::load::parse_date(&date).ok_or_else(|| {
            StoreError::Invalid(format!(
                "データベースの規程の文書の取り込み日が不正です：{date}"
            ))
        })?;
        Ok(PolicyDocument {
            file_name,
            imported_on,
            spots,
            bytes,
        })
    })
    .transpose()
}

/// Puts `document` in place of the stored one; the values filled into the old one go with it.
pub fn replace_document(tx: &Transaction, document: &PolicyDocument) -> StoreResult<()> {
    tx.execute("DELETE FROM policy_values", [])?;
    tx.execute(
        "INSERT OR REPLACE INTO policy_document (id, file_name, imported_on, spots, bytes) \
         VALUES (1, ?1, ?2, ?3, ?4)",
        params![
            document.file_name,
            super::load::date_text(document.imported_on),
            document.spots,
            document.bytes
        ],
    )?;
    Ok(())
}

pub fn values(conn: &Connection) -> StoreResult<PolicyValues> {
    let mut stmt = conn.prepare("SELECT spot, value FROM policy_values ORDER BY spot")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?)))?;
    let mut values = PolicyValues::default();
    for row in rows {
        let (spot, text) = row?;
        let value = SpotValue::new(&text).map_err(|e| {
            StoreError::Invalid(format!(
                "データベースの規程の {spot} 番の箇所の内容が不正です：{e}"
            ))
        })?;
        values.set(SpotNo(spot), Some(value));
    }
    Ok(values)
}

/// Sets or clears one spot's value; the spot must be one of the stored draft's.
pub fn set_value(tx: &Transaction, no: SpotNo, value: Option<&SpotValue>) -> StoreResult<()> {
    let spots: Option<u32> = tx
        .query_row("SELECT spots FROM policy_document WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    match spots {
        None => {
            return Err(StoreError::Invalid(
                "規程の文書（Word）がまだ取り込まれていません。".into(),
            ));
        }
        Some(n) if no.0 == 0 || no.0 > n => {
            return Err(StoreError::Invalid(format!(
                "規程の文書に {no} 番の箇所はありません（1〜{n} 番）。"
            )));
        }
        Some(_) => {}
    }
    match value {
        Some(v) => tx.execute(
            "INSERT INTO policy_values (spot, value) VALUES (?1, ?2) \
             ON CONFLICT (spot) DO UPDATE SET value = excluded.value",
            params![no.0, v.as_str()],
        )?,
        None => tx.execute("DELETE FROM policy_values WHERE spot = ?1", [no.0])?,
    };
    Ok(())
}
