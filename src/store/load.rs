//! Reading the stored workbook back into domain values. Values are checked again on the way in: a
//! file edited by another tool gets a clear message, never a silently clamped value.

use super::error::{StoreError, StoreResult};
use crate::domain::{
    Answer, Asset, AssetId, Category, CheckItem, Frequency, ItemNo, Medium, Rating, Settings,
    Threat, ThreatId, Workbook,
};
use chrono::NaiveDate;
use rusqlite::{Connection, Row};
use std::collections::HashMap;

fn invalid(table: &str, id: i64, what: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!(
        "データベースの {table}（id {id}）に不正な値があります：{what}"
    ))
}

fn opt_scale<T>(
    value: Option<u8>,
    make: impl Fn(u8) -> Result<T, crate::domain::ScaleError>,
    table: &str,
    id: i64,
) -> StoreResult<Option<T>> {
    value
        .map(make)
        .transpose()
        .map_err(|e| invalid(table, id, e))
}

fn medium(value: Option<String>, table: &str, id: i64) -> StoreResult<Option<Medium>> {
    value
        .map(|m| Medium::from_name(&m))
        .transpose()
        .map_err(|e| invalid(table, id, e))
}

/// How a date is stored: `YYYY-MM-DD`, the form the schema's `date(x) = x` checks accept.
const DATE_FORM: &str = "%Y-%m-%d";

pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, DATE_FORM).ok()
}

/// A date as it is stored (`parse_date` reads it back).
pub fn date_text(date: NaiveDate) -> String {
    date.format(DATE_FORM).to_string()
}

fn asset(row: &Row) -> StoreResult<Asset> {
    let id: i64 = row.get("id")?;
    let registered: Option<String> = row.get("registered")?;
    let registered = match registered {
        None => None,
        Some(d) => {
            Some(parse_date(&d).ok_or_else(|| invalid("assets", id, format!("登録日 {d}")))?)
        }
    };
    Ok(Asset {
        id: AssetId(id),
        category: row.get("category")?,
        name: row.get("name")?,
        note: row.get("note")?,
        users: row.get("users")?,
        department: row.get("department")?,
        medium: medium(row.get("medium")?, "assets", id)?,
        personal_info: row.get("personal_info")?,
        sensitive_info: row.get("sensitive_info")?,
        my_number: row.get("my_number")?,
        confidentiality: opt_scale(row.get("confidentiality")?, Rating::new, "assets", id)?,
        integrity: opt_scale(row.get("integrity")?, Rating::new, "assets", id)?,
        availability: opt_scale(row.get("availability")?, Rating::new, "assets", id)?,
        retention: row.get("retention")?,
        registered,
    })
}

/// One asset by its id; None when there is no such row.
pub fn asset_by_id(conn: &Connection, id: AssetId) -> StoreResult<Option<Asset>> {
    let mut stmt = conn.prepare_cached("SELECT * FROM assets WHERE id = ?1")?;
    let mut rows = stmt.query([id.0])?;
    match rows.next()? {
        Some(row) => Ok(Some(asset(row)?)),
        None => Ok(None),
    }
}

pub fn assets(conn: &Connection) -> StoreResult<Vec<Asset>> {
    let mut stmt = conn.prepare("SELECT * FROM assets ORDER BY position, id")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(asset(row)?);
    }
    Ok(out)
}

fn categories(conn: &Connection) -> StoreResult<Vec<Category>> {
    let mut stmt = conn.prepare("SELECT no, name, applies_when FROM categories ORDER BY no")?;
    let rows = stmt.query_map([], |r| {
        Ok(Category {
            no: r.get(0)?,
            name: r.get(1)?,
            applies_when: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn items(conn: &Connection) -> StoreResult<Vec<CheckItem>> {
    let mut stmt = conn.prepare(
        "SELECT no, category, question, help, answer FROM check_items ORDER BY category, no",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let no: u16 = r.get(0)?;
        out.push(CheckItem {
            no: ItemNo(no),
            category: r.get(1)?,
            question: r.get(2)?,
            help: r.get(3)?,
            answer: opt_scale(r.get(4)?, Answer::new, "check_items", no.into())?,
        });
    }
    Ok(out)
}

fn threats(conn: &Connection) -> StoreResult<Vec<Threat>> {
    let mut links: HashMap<i64, Vec<ItemNo>> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT threat_id, item_no FROM threat_items ORDER BY threat_id, item_no")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        links.entry(r.get(0)?).or_default().push(ItemNo(r.get(1)?));
    }
    let mut stmt =
        conn.prepare("SELECT id, medium, name, frequency FROM threats ORDER BY position, id")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        out.push(Threat {
            id: ThreatId(id),
            medium: medium(Some(r.get(1)?), "threats", id)?.expect("medium is NOT NULL"),
            name: r.get(2)?,
            frequency: opt_scale(r.get(3)?, Frequency::new, "threats", id)?,
            items: links.remove(&id).unwrap_or_default(),
        });
    }
    Ok(out)
}

fn settings(conn: &Connection) -> StoreResult<Settings> {
    let mut stmt = conn.prepare("SELECT key, value FROM settings")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut settings = Settings::default();
    for row in rows {
        let (key, value) = row?;
        match key.as_str() {
            "company" => settings.company = value,
            "assessor" => settings.assessor = value,
            // Stored empty while no date is set.
            "assessed_on" if value.is_empty() => settings.assessed_on = None,
            "assessed_on" => {
                settings.assessed_on = Some(parse_date(&value).ok_or_else(|| {
                    StoreError::Invalid(format!(
                        "データベースの設定「診断日」の値「{value}」が日付として読めません。"
                    ))
                })?)
            }
            _ => {}
        }
    }
    Ok(settings)
}

pub fn workbook(conn: &Connection) -> StoreResult<Workbook> {
    Ok(Workbook {
        categories: categories(conn)?,
        items: items(conn)?,
        threats: threats(conn)?,
        assets: assets(conn)?,
        settings: settings(conn)?,
        plan: super::plan::load(conn)?,
        declaration: super::declaration::load(conn)?,
        profile: super::policy::load_profile(conn)?,
        documents: super::policy::load_documents(conn)?,
        policy_values: super::policy_document::values(conn)?,
        treatments: super::treatment::load(conn)?,
        checksheets: super::checksheet::load(conn)?,
        year: super::year::load(conn)?,
        suppliers: super::supplier::load(conn)?,
    })
}
