//! Each edit (`domain::Edit`) as SQL, applied inside the caller's transaction.

use super::error::{StoreError, StoreResult};
use crate::domain::{Asset, AssetId, Catalogue, Edit, EditOutcome, Settings, Workbook};
use rusqlite::{OptionalExtension, Transaction, params};

/// An UPDATE that changed no row names something that is not there.
fn updated(changed: usize, what: impl FnOnce() -> String) -> StoreResult<EditOutcome> {
    if changed == 0 {
        return Err(StoreError::Invalid(format!("{}は見つかりません。", what())));
    }
    Ok(EditOutcome::Done)
}

fn asset_params(a: &Asset) -> [Box<dyn rusqlite::ToSql + '_>; 14] {
    let rating = |r: Option<crate::domain::Rating>| r.map(|r| r.value());
    [
        Box::new(&a.category),
        Box::new(&a.name),
        Box::new(&a.note),
        Box::new(&a.users),
        Box::new(&a.department),
        Box::new(a.medium.map(|m| m.name())),
        Box::new(a.personal_info),
        Box::new(a.sensitive_info),
        Box::new(a.my_number),
        Box::new(rating(a.confidentiality)),
        Box::new(rating(a.integrity)),
        Box::new(rating(a.availability)),
        Box::new(&a.retention),
        Box::new(a.registered.map(super::load::date_text)),
    ]
}

const ASSET_COLUMNS: &str = "category, name, note, users, department, medium, personal_info, \
     sensitive_info, my_number, confidentiality, integrity, availability, retention, registered";

/// Inserts `asset` at `position`; with `keep_id`, a non-zero id is kept (undoing a delete).
fn insert_asset(
    tx: &Transaction,
    position: i64,
    asset: &Asset,
    keep_id: bool,
) -> StoreResult<AssetId> {
    asset
        .validate()
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let id = (keep_id && asset.id.0 != 0).then_some(asset.id.0);
    let mut values: Vec<Box<dyn rusqlite::ToSql>> = vec![Box::new(id), Box::new(position)];
    values.extend(asset_params(asset));
    // Cached: a paste or an import inserts thousands of rows with this one statement.
    tx.prepare_cached(&format!(
        "INSERT INTO assets (id, position, {ASSET_COLUMNS}) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
    ))?
    .execute(rusqlite::params_from_iter(values.iter()))?;
    Ok(AssetId(tx.last_insert_rowid()))
}

fn update_asset(tx: &Transaction, asset: &Asset) -> StoreResult<()> {
    asset
        .validate()
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    let mut values: Vec<Box<dyn rusqlite::ToSql>> = asset_params(asset).into_iter().collect();
    values.push(Box::new(asset.id.0));
    let changed = tx
        .prepare_cached(
            "UPDATE assets SET category = ?1, name = ?2, note = ?3, users = ?4, department = ?5, \
             medium = ?6, personal_info = ?7, sensitive_info = ?8, my_number = ?9, confidentiality = ?10, \
             integrity = ?11, availability = ?12, retention = ?13, registered = ?14 WHERE id = ?15",
        )?
        .execute(rusqlite::params_from_iter(values.iter()))?;
    if changed == 0 {
        return Err(missing_asset(asset.id));
    }
    Ok(())
}

fn missing_asset(id: AssetId) -> StoreError {
    StoreError::Invalid(format!(
        "情報資産（id {}）は見つかりません。すでに削除されています。",
        id.0
    ))
}

fn set_setting(tx: &Transaction, key: &str, value: &str) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn save_settings(tx: &Transaction, s: &Settings) -> StoreResult<()> {
    set_setting(tx, "company", &s.company)?;
    set_setting(tx, "assessor", &s.assessor)?;
    let date = s
        .assessed_on
        .map(super::load::date_text)
        .unwrap_or_default();
    set_setting(tx, "assessed_on", &date)
}

pub fn apply(tx: &Transaction, edit: &Edit) -> StoreResult<EditOutcome> {
    match edit {
        Edit::InsertAsset { index, asset } => {
            // Positions are kept dense (0..n) so that a row index is a position; the largest is
            // found through the index, where count(*) would read every row (slow in a big paste).
            let count: i64 = tx.query_row(
                "SELECT coalesce(max(position) + 1, 0) FROM assets",
                [],
                |r| r.get(0),
            )?;
            let position = i64::try_from(*index).unwrap_or(i64::MAX).min(count);
            tx.execute(
                "UPDATE assets SET position = position + 1 WHERE position >= ?1",
                [position],
            )?;
            Ok(EditOutcome::Inserted(insert_asset(
                tx, position, asset, true,
            )?))
        }
        Edit::UpdateAsset(asset) => {
            update_asset(tx, asset)?;
            Ok(EditOutcome::Done)
        }
        Edit::SetCells(id, values) => {
            let mut asset = super::load::asset_by_id(tx, *id)?.ok_or_else(|| missing_asset(*id))?;
            for value in values {
                value.write(&mut asset);
            }
            update_asset(tx, &asset)?;
            Ok(EditOutcome::Done)
        }
        Edit::Batch(edits) => edits
            .iter()
            .map(|e| apply(tx, e))
            .collect::<StoreResult<_>>()
            .map(EditOutcome::Batch),
        Edit::DeleteAsset(id) => {
            let position: i64 = tx
                .query_row("SELECT position FROM assets WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| missing_asset(*id))?;
            tx.execute("DELETE FROM assets WHERE id = ?1", [id.0])?;
            tx.execute(
                "UPDATE assets SET position = position - 1 WHERE position > ?1",
                [position],
            )?;
            Ok(EditOutcome::Done)
        }
        Edit::SetFrequency(threat, frequency) => {
            let changed = tx.execute(
                "UPDATE threats SET frequency = ?1 WHERE id = ?2",
                params![frequency.map(|f| f.value()), threat.0],
            )?;
            updated(changed, || format!("脅威（id {}）", threat.0))
        }
        Edit::SetAnswer(no, answer) => {
            let changed = tx.execute(
                "UPDATE check_items SET answer = ?1 WHERE no = ?2",
                params![answer.map(|a| a.value()), no.0],
            )?;
            updated(changed, || format!("チェック項目 {}", no.0))
        }
        Edit::SetSettings(settings) => {
            save_settings(tx, settings)?;
            Ok(EditOutcome::Done)
        }
        Edit::SetDeclaration(declaration) => {
            super::declaration::save(tx, declaration)?;
            Ok(EditOutcome::Done)
        }
        Edit::InsertPlan { index, entry } => Ok(EditOutcome::InsertedPlan(super::plan::insert(
            tx, *index, entry,
        )?)),
        Edit::UpdatePlan(entry) => {
            super::plan::update(tx, entry)?;
            Ok(EditOutcome::Done)
        }
        Edit::DeletePlan(id) => {
            super::plan::delete(tx, *id)?;
            Ok(EditOutcome::Done)
        }
        Edit::SetProfile(profile) => {
            super::policy::save_profile(tx, profile)?;
            Ok(EditOutcome::Done)
        }
        Edit::SetDocument(record) => {
            super::policy::set_document(tx, record)?;
            Ok(EditOutcome::Done)
        }
        Edit::SetPolicyValue(no, value) => {
            super::policy_document::set_value(tx, *no, value.as_ref())?;
            Ok(EditOutcome::Done)
        }
        Edit::SetTreatment(t) => {
            super::treatment::set(tx, t)?;
            Ok(EditOutcome::Done)
        }
        Edit::ClearTreatment(asset) => {
            super::treatment::clear(tx, *asset)?;
            Ok(EditOutcome::Done)
        }
        Edit::CheckSheet(e) => {
            super::checksheet::apply(tx, e)?;
            Ok(EditOutcome::Done)
        }
        Edit::Year(e) => {
            super::year::apply(tx, e)?;
            Ok(EditOutcome::Done)
        }
        Edit::Supplier(e) => {
            super::supplier::apply(tx, e)?;
            Ok(EditOutcome::Done)
        }
    }
}

/// Writes a catalogue into an empty database.
pub fn insert_catalogue(tx: &Transaction, catalogue: &Catalogue) -> StoreResult<()> {
    let wb = Workbook::from_catalogue(catalogue.clone());
    write_sheets(tx, &wb).map(|_| ())
}

/// Writes the sheets; the assets get new ids in 台帳 order (a workbook made by hand or by copying
/// rows may repeat an id), returned in that order.
fn write_sheets(tx: &Transaction, wb: &Workbook) -> StoreResult<Vec<AssetId>> {
    let mut stmt =
        tx.prepare("INSERT INTO categories (no, name, applies_when) VALUES (?1, ?2, ?3)")?;
    for c in &wb.categories {
        stmt.execute(params![c.no, c.name, c.applies_when])?;
    }
    let mut stmt = tx.prepare(
        "INSERT INTO check_items (no, category, question, help, answer) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for i in &wb.items {
        stmt.execute(params![
            i.no.0,
            i.category,
            i.question,
            i.help,
            i.answer.map(|a| a.value())
        ])?;
    }
    let mut stmt = tx.prepare(
        "INSERT INTO threats (id, medium, position, name, frequency) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut link = tx.prepare("INSERT INTO threat_items (threat_id, item_no) VALUES (?1, ?2)")?;
    for (position, t) in wb.threats.iter().enumerate() {
        stmt.execute(params![
            t.id.0,
            t.medium.name(),
            position as i64,
            t.name,
            t.frequency.map(|f| f.value())
        ])?;
        for item in &t.items {
            link.execute(params![t.id.0, item.0])?;
        }
    }
    let ids = wb
        .assets
        .iter()
        .enumerate()
        .map(|(position, asset)| insert_asset(tx, position as i64, asset, false))
        .collect::<StoreResult<_>>()?;
    save_settings(tx, &wb.settings)?;
    Ok(ids)
}

/// Replaces everything: catalogue copy, answers, threats, assets, settings, 対策計画, リスク対応,
/// the year's records and the 委託先 (not the customers' check sheets, which the workbook holds without their files).
/// A decision follows its asset to the asset's new id (the first asset with its id; one on an
/// asset the workbook does not have is not written).
pub fn replace_all(tx: &Transaction, wb: &Workbook) -> StoreResult<()> {
    tx.execute_batch(
        "DELETE FROM plan; DELETE FROM treatments; DELETE FROM company_profile;
         DELETE FROM policy_documents; DELETE FROM assets; DELETE FROM threat_items;
         DELETE FROM threats; DELETE FROM check_items; DELETE FROM categories;
         DELETE FROM settings; DELETE FROM declaration;",
    )?;
    let ids = write_sheets(tx, wb)?;
    super::declaration::save(tx, &wb.declaration)?;
    super::plan::write_all(tx, &wb.plan)?;
    super::policy::write_all(tx, &wb.profile, &wb.documents)?;
    let mut new_id = std::collections::HashMap::new();
    for (asset, id) in wb.assets.iter().zip(ids) {
        new_id.entry(asset.id).or_insert(id);
    }
    let treatments: Vec<crate::domain::Treatment> = wb
        .treatments
        .iter()
        .filter_map(|t| {
            let asset = *new_id.get(&t.asset)?;
            Some(crate::domain::Treatment { asset, ..t.clone() })
        })
        .collect();
    super::treatment::write_all(tx, &treatments)?;
    super::year::write_all(tx, &wb.year)?;
    super::supplier::write_all(tx, &wb.suppliers)
}
