//! The 規程 tables: the company profile (one row, absent until answered) and one row per document
//! with something recorded (a document back to 未作成 with nothing else loses its row).

use super::error::{StoreError, StoreResult};
use super::load::parse_date;
use crate::domain::policy::{CompanyProfile, DocumentNo, DocumentRecord, DocumentStatus};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

pub fn save_profile(tx: &Transaction, profile: &CompanyProfile) -> StoreResult<()> {
    if profile.employees == Some(0) {
        return Err(StoreError::Invalid(
            "従業員数は 1 以上で入れてください。".into(),
        ));
    }
    tx.execute(
        "INSERT INTO company_profile (id, employees, develops_systems, outsources, \
         shares_important_information) VALUES (1, ?1, ?2, ?3, ?4) \
         ON CONFLICT (id) DO UPDATE SET employees = ?1, develops_systems = ?2, outsources = ?3, \
         shares_important_information = ?4",
        params![
            profile.employees,
            profile.develops_systems,
            profile.outsources,
            profile.shares_important_information
        ],
    )?;
    Ok(())
}

pub fn set_document(tx: &Transaction, record: &DocumentRecord) -> StoreResult<()> {
    if record.is_empty() {
        tx.execute(
            "DELETE FROM policy_documents WHERE no = ?1",
            [record.no.value()],
        )?;
        return Ok(());
    }
    tx.execute(
        "INSERT INTO policy_documents (no, status, revised, approver) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (no) DO UPDATE SET status = ?2, revised = ?3, approver = ?4",
        params![
            record.no.value(),
            record.status.label(),
            record.revised.map(super::load::date_text),
            record.approver
        ],
    )?;
    Ok(())
}

fn invalid(what: String) -> StoreError {
    StoreError::Invalid(format!(
        "データベースの規程の表に不正な値があります：{what}"
    ))
}

pub fn load_profile(conn: &Connection) -> StoreResult<CompanyProfile> {
    let profile = conn
        .query_row(
            "SELECT employees, develops_systems, outsources, shares_important_information \
             FROM company_profile WHERE id = 1",
            [],
            |r| {
                Ok(CompanyProfile {
                    employees: r.get(0)?,
                    develops_systems: r.get(1)?,
                    outsources: r.get(2)?,
                    shares_important_information: r.get(3)?,
                })
            },
        )
        .optional()?;
    Ok(profile.unwrap_or_default())
}

pub fn load_documents(conn: &Connection) -> StoreResult<Vec<DocumentRecord>> {
    let mut stmt =
        conn.prepare("SELECT no, status, revised, approver FROM policy_documents ORDER BY no")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let no: u8 = r.get(0)?;
        let status: String = r.get(1)?;
        let revised: Option<String> = r.get(2)?;
        let revised = match revised {
            None => None,
            Some(d) => {
                Some(parse_date(&d).ok_or_else(|| invalid(format!("No.{no} の改訂日 {d}")))?)
            }
        };
        out.push(DocumentRecord {
            no: DocumentNo::new(no).map_err(invalid)?,
            status: DocumentStatus::from_label(&status)
                .ok_or_else(|| invalid(format!("No.{no} の状態 {status}")))?,
            revised,
            approver: r.get(3)?,
        });
    }
    Ok(out)
}

/// Writes a whole workbook's 規程 into emptied tables (a replaced workbook, the sample).
pub fn write_all(
    tx: &Transaction,
    profile: &CompanyProfile,
    documents: &[DocumentRecord],
) -> StoreResult<()> {
    if *profile != CompanyProfile::default() {
        save_profile(tx, profile)?;
    }
    for record in documents {
        set_document(tx, record)?;
    }
    Ok(())
}
