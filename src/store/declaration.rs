//! The one row of the 基本方針 and the 自社診断 (`domain::declaration`).

use super::error::{StoreError, StoreResult};
use super::load::{date_text, parse_date};
use crate::domain::{BasicPolicy, Declaration, SelfCheck, SelfCheckScore};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

fn read_date(value: Option<String>, what: &str) -> StoreResult<Option<NaiveDate>> {
    value
        .map(|text| {
            parse_date(&text).ok_or_else(|| {
                StoreError::Invalid(format!(
                    "データベースの基本方針・自社診断の「{what}」の値「{text}」が日付として読めません。"
                ))
            })
        })
        .transpose()
}

/// The record, or an empty one where none was saved yet.
pub fn load(conn: &Connection) -> StoreResult<Declaration> {
    type Row = (
        String,
        Option<String>,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<i16>,
    );
    let row: Option<Row> = conn
        .query_row(
            "SELECT policy_text, established_on, representative, published_on, published_where, \
             self_check_on, self_check_score FROM declaration WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .optional()?;
    let Some((text, established, representative, published, published_where, done, score)) = row
    else {
        return Ok(Declaration::default());
    };
    let score = score
        .map(|s| SelfCheckScore::new(s).map_err(|e| StoreError::Invalid(e.to_string())))
        .transpose()?;
    Ok(Declaration {
        basic_policy: BasicPolicy {
            text,
            established_on: read_date(established, "制定日")?,
            representative,
            published_on: read_date(published, "公開日")?,
            published_where,
        },
        self_check: SelfCheck {
            done_on: read_date(done, "自社診断の実施日")?,
            score,
        },
    })
}

pub fn save(tx: &Transaction, d: &Declaration) -> StoreResult<()> {
    let p = &d.basic_policy;
    tx.execute(
        "INSERT OR REPLACE INTO declaration (id, policy_text, established_on, representative, \
         published_on, published_where, self_check_on, self_check_score) \
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            p.text,
            p.established_on.map(date_text),
            p.representative,
            p.published_on.map(date_text),
            p.published_where,
            d.self_check.done_on.map(date_text),
            d.self_check.score.map(SelfCheckScore::value),
        ],
    )?;
    Ok(())
}
