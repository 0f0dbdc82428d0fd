//! Bringing data in: an IPA workbook replaces everything, another program's list adds to (or
//! replaces) the 台帳. Either way a backup of the database is made first, and the change is one step.

use super::Session;
use crate::domain::{Edit, Workbook};
use crate::store::StoreResult;
use crate::store::backup::Kind;
use crate::xlsx::Imported;
use std::path::{Path, PathBuf};

/// Replaces the whole database with an IPA workbook already read (`xlsx::worker::read`). Returns
/// where the state before was saved. The workbook has no 規程 (company profile, document statuses)
/// nor 基本方針 and 自社診断 nor 委託先: those the database holds are kept.
pub fn replace_with_workbook(session: &mut Session, imported: &Imported) -> StoreResult<PathBuf> {
    let backup = session.store().backup(Kind::BeforeImport)?;
    let current = session.workbook();
    let workbook = Workbook {
        profile: current.profile,
        documents: current.documents.clone(),
        declaration: current.declaration.clone(),
        // A workbook riskbook wrote carries the year's records; any other keeps the database's.
        year: if imported.has_year {
            imported.workbook.year.clone()
        } else {
            current.year.clone()
        },
        suppliers: current.suppliers.clone(),
        ..imported.workbook.clone()
    };
    session.replace_all(&workbook)?;
    Ok(backup)
}

/// Applies the edit a list import planned (one undoable step). Returns the backup's path.
pub fn apply_list(session: &mut Session, edit: Edit) -> StoreResult<PathBuf> {
    let backup = session.store().backup(Kind::BeforeListImport)?;
    session.apply(edit)?;
    Ok(backup)
}

/// Where the copy from before an import went, said the same in the window and the CLI.
pub fn backup_note(backup: &Path) -> String {
    format!(
        "取り込み前のデータベースは「{}」に保存しました（自動バックアップと同じフォルダーで、取り込み前のコピーは新しい {} 個まで残ります）。",
        backup.display(),
        crate::store::backup::KEEP
    )
}

/// What a workbook holds, in one line: 「情報資産 32 件、脅威 18 件、…」.
pub fn contents(imported: &Imported) -> String {
    let wb = &imported.workbook;
    format!(
        "情報資産 {} 件、脅威 {} 件、チェック項目 {} 問（回答済み {} 問）",
        wb.assets.len(),
        wb.threats.len(),
        wb.items.len(),
        wb.answered_count()
    )
}

/// What the reading found, one line each: rows skipped, rows kept although they matched nothing,
/// and whether the results the workbook had cached agree with ours (each cell that differs).
pub fn findings(imported: &Imported) -> Vec<String> {
    let mut lines: Vec<String> = imported
        .notes
        .iter()
        .chain(&imported.unmatched)
        .map(|note| format!("・{note}"))
        .collect();
    if imported.differences.is_empty() {
        lines.push(
            "ブックに残っていた計算結果（重要度・リスク値など）は riskbook の計算と一致しました。"
                .into(),
        );
    } else {
        lines.push(format!(
            "ブックに残っていた計算結果のうち {} か所が riskbook の計算と違います：",
            imported.differences.len()
        ));
        lines.extend(imported.differences.iter().map(|d| format!("・{d}")));
    }
    lines
}
