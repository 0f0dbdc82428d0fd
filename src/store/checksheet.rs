//! 取引先チェックシート: each sheet with the customer's file as imported (kept to write the answers
//! back into it), its answer options and its items with their answers. A sheet's rows go with it
//! (ON DELETE CASCADE).

use super::error::{StoreError, StoreResult};
use super::load::{date_text, parse_date};
use crate::domain::checksheet::{
    AnswerScale, CheckSheet, FileFormat, ItemAnswer, Link, Meaning, Requirement, ScaleOption,
    SheetEdit, SheetId, SheetItem, Source,
};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Stores a newly imported sheet with the file's bytes; returns the id the database chose.
pub fn insert(tx: &Transaction, sheet: &CheckSheet, bytes: &[u8]) -> StoreResult<SheetId> {
    let taken = tx
        .prepare_cached("SELECT 1 FROM checksheets WHERE name = ?1")?
        .exists([&sheet.name])?;
    if taken {
        return Err(StoreError::Invalid(format!(
            "取引先チェックシート「{}」はすでにあります。別の名前を付けてください。",
            sheet.name
        )));
    }
    tx.execute(
        "INSERT INTO checksheets (name, customer, file_name, format, sheet, answer_column, \
         comment_column, imported_on, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            sheet.name,
            sheet.customer,
            sheet.source.file_name,
            sheet.source.format.extension(),
            sheet.source.sheet,
            sheet.source.answer_column,
            sheet.source.comment_column,
            date_text(sheet.imported_on),
            bytes,
        ],
    )?;
    let id = SheetId(tx.last_insert_rowid());
    write_scale(tx, id, &sheet.scale)?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO checksheet_items (sheet_id, position, row, number, label, text, requirement, \
         extra, answer, comment, links, answered_by, answered_on) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (position, item) in sheet.items.iter().enumerate() {
        stmt.execute(params![
            id.0,
            position as i64,
            item.row,
            item.number,
            item.label,
            item.text,
            item.requirement.label(),
            json(&item.extra)?,
            item.answer.choice,
            item.answer.comment,
            json(&item.answer.links)?,
            item.answer.by,
            item.answer.on.map(date_text),
        ])?;
    }
    Ok(id)
}

/// Removes a sheet with its items and its file.
pub fn delete(tx: &Transaction, id: SheetId) -> StoreResult<()> {
    tx.execute("DELETE FROM checksheets WHERE id = ?1", [id.0])?;
    Ok(())
}

/// The customer's file as it was imported.
pub fn bytes(conn: &Connection, id: SheetId) -> StoreResult<Vec<u8>> {
    conn.query_row("SELECT bytes FROM checksheets WHERE id = ?1", [id.0], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or_else(|| {
        StoreError::Invalid(format!(
            "取引先チェックシート（id {}）は見つかりません。",
            id.0
        ))
    })
}

/// Saves one edit of a sheet's answers. An answer off the sheet's list is refused here too, so
/// that no front end can store one.
pub fn apply(tx: &Transaction, edit: &SheetEdit) -> StoreResult<()> {
    match edit {
        SheetEdit::Answer {
            sheet,
            index,
            answer,
        } => {
            if let Some(choice) = &answer.choice {
                let scale = load_scale(tx, *sheet)?;
                scale.check(choice).map_err(StoreError::Invalid)?;
            }
            let changed = tx
                .prepare_cached(
                    "UPDATE checksheet_items SET answer = ?1, comment = ?2, links = ?3, \
                     answered_by = ?4, answered_on = ?5 WHERE sheet_id = ?6 AND position = ?7",
                )?
                .execute(params![
                    answer.choice,
                    answer.comment,
                    json(&answer.links)?,
                    answer.by,
                    answer.on.map(date_text),
                    sheet.0,
                    *index as i64,
                ])?;
            if changed == 0 {
                return Err(StoreError::Invalid(format!(
                    "取引先チェックシート（id {}）の {} 件目の項目は見つかりません。",
                    sheet.0,
                    index + 1
                )));
            }
            Ok(())
        }
        SheetEdit::SetScale { sheet, scale } => {
            let old = load_scale(tx, *sheet)?;
            if !scale.words().eq(old.words()) {
                return Err(StoreError::Invalid(
                    "回答の選択肢は取引先のシートのとおりで、変えられません。".to_string(),
                ));
            }
            tx.execute(
                "DELETE FROM checksheet_options WHERE sheet_id = ?1",
                [sheet.0],
            )?;
            write_scale(tx, *sheet, scale)
        }
    }
}

/// Every sheet, in the order they were imported.
pub fn load(conn: &Connection) -> StoreResult<Vec<CheckSheet>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, customer, file_name, format, sheet, answer_column, comment_column, \
         imported_on FROM checksheets ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut sheets = Vec::new();
    while let Some(row) = rows.next()? {
        let id = SheetId(row.get(0)?);
        let name: String = row.get(1)?;
        let invalid = |what: String| {
            StoreError::Invalid(format!(
                "データベースの取引先チェックシート「{name}」に不正な値があります：{what}"
            ))
        };
        let format: String = row.get(4)?;
        let imported_on: String = row.get(8)?;
        sheets.push(CheckSheet {
            id,
            customer: row.get(2)?,
            source: Source {
                file_name: row.get(3)?,
                format: FileFormat::from_extension(&format)
                    .ok_or_else(|| invalid(format!("形式 {format}")))?,
                sheet: row.get(5)?,
                answer_column: row.get(6)?,
                comment_column: row.get(7)?,
            },
            imported_on: parse_date(&imported_on)
                .ok_or_else(|| invalid(format!("取り込み日 {imported_on}")))?,
            scale: load_scale(conn, id)?,
            items: load_items(conn, id, &invalid)?,
            name,
        });
    }
    Ok(sheets)
}

fn load_scale(conn: &Connection, sheet: SheetId) -> StoreResult<AnswerScale> {
    let mut stmt = conn.prepare_cached(
        "SELECT text, meaning FROM checksheet_options WHERE sheet_id = ?1 ORDER BY position",
    )?;
    let mut rows = stmt.query([sheet.0])?;
    let mut options = Vec::new();
    while let Some(row) = rows.next()? {
        let meaning: String = row.get(1)?;
        options.push(ScaleOption {
            text: row.get(0)?,
            meaning: Meaning::from_label(&meaning).ok_or_else(|| {
                StoreError::Invalid(format!(
                    "データベースの取引先チェックシートの選択肢の意味が不正です：{meaning}"
                ))
            })?,
        });
    }
    Ok(AnswerScale { options })
}

fn load_items(
    conn: &Connection,
    sheet: SheetId,
    invalid: &dyn Fn(String) -> StoreError,
) -> StoreResult<Vec<SheetItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT row, number, label, text, requirement, extra, answer, comment, links, \
         answered_by, answered_on FROM checksheet_items WHERE sheet_id = ?1 ORDER BY position",
    )?;
    let mut rows = stmt.query([sheet.0])?;
    let mut items = Vec::new();
    while let Some(row) = rows.next()? {
        let number: String = row.get(1)?;
        let at = |what: &str, value: &str| invalid(format!("No.{number} の{what} {value}"));
        let requirement: String = row.get(4)?;
        let extra: String = row.get(5)?;
        let links: String = row.get(8)?;
        let answered_on: Option<String> = row.get(10)?;
        items.push(SheetItem {
            row: row.get(0)?,
            label: row.get(2)?,
            text: row.get(3)?,
            requirement: Requirement::from_label(&requirement)
                .ok_or_else(|| at("回答対象", &requirement))?,
            extra: serde_json::from_str(&extra).map_err(|_| at("ほかの列", &extra))?,
            answer: ItemAnswer {
                choice: row.get(6)?,
                comment: row.get(7)?,
                links: serde_json::from_str::<Vec<Link>>(&links)
                    .map_err(|_| at("根拠のリンク", &links))?,
                by: row.get(9)?,
                on: answered_on
                    .map(|d| parse_date(&d).ok_or_else(|| at("回答日", &d)))
                    .transpose()?,
            },
            number,
        });
    }
    Ok(items)
}

fn write_scale(tx: &Transaction, sheet: SheetId, scale: &AnswerScale) -> StoreResult<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO checksheet_options (sheet_id, position, text, meaning) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, option) in scale.options.iter().enumerate() {
        stmt.execute(params![
            sheet.0,
            position as i64,
            option.text,
            option.meaning.label()
        ])?;
    }
    Ok(())
}

fn json<T: serde::Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checksheet::edit::tests::sheet;
    use crate::domain::plan::PlanId;

    use crate::store::schema::in_memory as database;

    #[test]
    fn a_sheet_is_stored_answered_and_read_back_with_its_file() {
        let mut conn = database();
        let mut expected = sheet(0);
        expected.items[0].extra = vec![("目的".to_string(), "守るため".to_string())];
        let tx = conn.transaction().unwrap();
        let id = insert(&tx, &expected, b"PK\x03\x04").unwrap();
        let answer = ItemAnswer {
            choice: Some("はい".to_string()),
            comment: "規程 第3条".to_string(),
            links: vec![Link::Plan(PlanId(7))],
            by: "山田".to_string(),
            on: chrono::NaiveDate::from_ymd_opt(2026, 5, 1),
        };
        let edit = SheetEdit::Answer {
            sheet: id,
            index: 0,
            answer: answer.clone(),
        };
        apply(&tx, &edit).unwrap();
        tx.commit().unwrap();
        expected.id = id;
        expected.items[0].answer = answer;
        assert_eq!(load(&conn).unwrap(), vec![expected]);
        assert_eq!(bytes(&conn, id).unwrap(), b"PK\x03\x04");
    }

    #[test]
    fn an_answer_off_the_list_a_missing_item_and_a_taken_name_are_refused() {
        let mut conn = database();
        let tx = conn.transaction().unwrap();
        let id = insert(&tx, &sheet(0), b"x").unwrap();
        let answer = |choice: &str, index| SheetEdit::Answer {
            sheet: id,
            index,
            answer: ItemAnswer {
                choice: Some(choice.to_string()),
                ..ItemAnswer::default()
            },
        };
        assert!(apply(&tx, &answer("たぶん", 0)).is_err());
        assert!(apply(&tx, &answer("はい", 5)).is_err());
        assert!(insert(&tx, &sheet(0), b"x").is_err(), "same name twice");
        delete(&tx, id).unwrap();
        let left: i64 = tx
            .query_row("SELECT count(*) FROM checksheet_items", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0, "items go with their sheet");
    }
}
