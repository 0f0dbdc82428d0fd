//! The 委託先 and their evaluations: each edit puts one whole 委託先 or evaluation (by id) or
//! removes one; an evaluation's answers are written with it, one row per item of the list.

use super::error::{StoreError, StoreResult};
use super::load::{date_text, parse_date};
use crate::domain::checksheet::ItemAnswer;
use crate::domain::supplier::{
    Evaluation, Supplier, SupplierEdit, SupplierId, Suppliers, Verdict, checklist,
};
use rusqlite::{Connection, Transaction, params};

pub fn apply(tx: &Transaction, edit: &SupplierEdit) -> StoreResult<()> {
    match edit {
        SupplierEdit::Put(s) => put_supplier(tx, s),
        SupplierEdit::Remove(id) => {
            tx.execute("DELETE FROM suppliers WHERE id = ?1", [id.0])?;
            Ok(())
        }
        SupplierEdit::Restore(s, evaluations) => {
            put_supplier(tx, s)?;
            tx.execute(
                "DELETE FROM supplier_evaluations WHERE supplier_id = ?1",
                [s.id.0],
            )?;
            evaluations.iter().try_for_each(|e| put_evaluation(tx, e))
        }
        SupplierEdit::PutEvaluation(e) => put_evaluation(tx, e),
        SupplierEdit::RemoveEvaluation(id) => {
            tx.execute("DELETE FROM supplier_evaluations WHERE id = ?1", [id])?;
            Ok(())
        }
    }
}

fn put_supplier(tx: &Transaction, s: &Supplier) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO suppliers (id, name, work, information, agreement, contact, next_due) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET \
         name = excluded.name, work = excluded.work, information = excluded.information, \
         agreement = excluded.agreement, contact = excluded.contact, next_due = excluded.next_due",
    )?
    .execute(params![
        s.id.0,
        s.name,
        s.work,
        s.information,
        s.agreement,
        s.contact,
        s.next_due.map(date_text)
    ])?;
    Ok(())
}

fn put_evaluation(tx: &Transaction, e: &Evaluation) -> StoreResult<()> {
    tx.prepare_cached(
        "INSERT INTO supplier_evaluations (id, supplier_id, year, evaluated_on, evaluated_by, \
         verdict, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET \
         supplier_id = excluded.supplier_id, year = excluded.year, \
         evaluated_on = excluded.evaluated_on, evaluated_by = excluded.evaluated_by, \
         verdict = excluded.verdict, comment = excluded.comment",
    )?
    .execute(params![
        e.id,
        e.supplier.0,
        e.year,
        e.on.map(date_text),
        e.by,
        e.verdict.map(Verdict::label),
        e.comment
    ])?;
    tx.execute(
        "DELETE FROM supplier_answers WHERE evaluation_id = ?1",
        [e.id],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO supplier_answers (evaluation_id, no, answer, remark) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, answer) in e.answers.iter().enumerate() {
        if !answer.is_empty() {
            stmt.execute(params![e.id, i as i64 + 1, answer.choice, answer.comment])?;
        }
    }
    Ok(())
}

/// Replaces every 委託先 and evaluation with `suppliers` (sample data, replace_all).
pub fn write_all(tx: &Transaction, suppliers: &Suppliers) -> StoreResult<()> {
    tx.execute("DELETE FROM suppliers", [])?;
    for s in &suppliers.list {
        put_supplier(tx, s)?;
    }
    suppliers
        .evaluations
        .iter()
        .try_for_each(|e| put_evaluation(tx, e))
}

fn invalid(table: &str, id: i64, what: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!(
        "データベースの {table}（id {id}）に不正な値があります：{what}"
    ))
}

fn date(text: Option<String>, table: &str, id: i64) -> StoreResult<Option<chrono::NaiveDate>> {
    text.map(|t| parse_date(&t).ok_or_else(|| invalid(table, id, format!("日付 {t}"))))
        .transpose()
}

pub fn load(conn: &Connection) -> StoreResult<Suppliers> {
    let mut suppliers = Suppliers::default();
    let mut stmt = conn.prepare("SELECT * FROM suppliers ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get("id")?;
        suppliers.list.push(Supplier {
            id: SupplierId(id),
            name: r.get("name")?,
            work: r.get("work")?,
            information: r.get("information")?,
            agreement: r.get("agreement")?,
            contact: r.get("contact")?,
            next_due: date(r.get("next_due")?, "suppliers", id)?,
        });
    }
    let mut answers = conn.prepare(
        "SELECT no, answer, remark FROM supplier_answers WHERE evaluation_id = ?1 ORDER BY no",
    )?;
    let mut stmt = conn.prepare("SELECT * FROM supplier_evaluations ORDER BY supplier_id, year")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get("id")?;
        let verdict: Option<String> = r.get("verdict")?;
        let mut e = Evaluation {
            on: date(r.get("evaluated_on")?, "supplier_evaluations", id)?,
            by: r.get("evaluated_by")?,
            verdict: verdict
                .map(|v| {
                    Verdict::from_label(&v)
                        .ok_or_else(|| invalid("supplier_evaluations", id, format!("総合結果 {v}")))
                })
                .transpose()?,
            comment: r.get("comment")?,
            ..Evaluation::blank(id, SupplierId(r.get("supplier_id")?), r.get("year")?)
        };
        let mut arows = answers.query([id])?;
        while let Some(a) = arows.next()? {
            let no: i64 = a.get("no")?;
            let slot = usize::try_from(no - 1)
                .ok()
                .and_then(|i| e.answers.get_mut(i))
                .ok_or_else(|| invalid("supplier_answers", id, format!("No.{no}")))?;
            *slot = ItemAnswer {
                choice: a.get("answer")?,
                comment: a.get("remark")?,
                ..ItemAnswer::default()
            };
        }
        debug_assert_eq!(e.answers.len(), checklist::len());
        suppliers.evaluations.push(e);
    }
    Ok(suppliers)
}

#[cfg(test)]
mod tests {
    use crate::store::schema::in_memory as database;

    #[test]
    fn the_schema_refuses_what_the_domain_cannot_make() {
        let conn = database();
        conn.execute(
            "INSERT INTO suppliers (id, name) VALUES (1, '港税理士事務所')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO supplier_evaluations (id, supplier_id, year) VALUES (1, 1, 2025)",
            [],
        )
        .unwrap();
        let bad = [
            "INSERT INTO suppliers (name) VALUES ('  ')",
            "INSERT INTO suppliers (name) VALUES ('港税理士事務所')",
            "INSERT INTO suppliers (name, next_due) VALUES ('x', '2026-02-30')",
            "INSERT INTO supplier_evaluations (supplier_id, year) VALUES (1, 2025)",
            "INSERT INTO supplier_evaluations (supplier_id, year) VALUES (9, 2026)",
            "INSERT INTO supplier_evaluations (supplier_id, year, verdict) VALUES (1, 2026, '良')",
            "INSERT INTO supplier_answers (evaluation_id, no, answer) VALUES (1, 27, '○')",
            "INSERT INTO supplier_answers (evaluation_id, no, answer) VALUES (1, 1, '△')",
        ];
        for sql in bad {
            assert!(conn.execute(sql, []).is_err(), "{sql}");
        }
    }
}
