//! A customer's check sheet, for the window and the command line alike: reading the file and
//! showing what was found (`preview`), storing it with last year's answers carried over
//! (`import`), answering from a CSV, writing the answers back into the customer's own file
//! (`export`), and removing one.

use super::Session;
use crate::domain::Edit;
use crate::domain::checksheet::carry::{Changes, carry, customer_of};
use crate::domain::checksheet::{
    AnswerScale, CheckSheet, FileFormat, ItemAnswer, Requirement, SheetEdit, SheetId, SheetItem,
    Source,
};
use crate::store::StoreError;
use crate::store::backup::Kind;
use crate::xlsx::checksheet::{Choice, FoundSheet, ReadError};
use crate::xlsx::patch::{CellWrite, PatchError};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum CheckSheetError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Patch(#[from] PatchError),
    #[error("ファイル「{}」を読めません：{detail}", path.display())]
    File { path: PathBuf, detail: String },
    #[error("「{}」は取引先チェックシートとして読めない種類のファイルです（.xlsx、.xlsm、.xls が読めます）。", path.display())]
    Format { path: PathBuf },
    #[error("「{0}」という名前の取引先チェックシートは既にあります。別の名前を付けてください。")]
    NameTaken(String),
    #[error("取引先チェックシート「{0}」はありません。")]
    Unknown(String),
    #[error("「{0}」には回答欄がないため、書き戻せません。取り込み直して回答欄を選んでください。")]
    NoAnswerColumn(String),
    /// Rows of an answers CSV that cannot be used, each named; nothing was changed.
    #[error("次の行が使えないため、何も変えていません。\n{}", .0.join("\n"))]
    Rows(Vec<String>),
    #[error("ファイル「{}」に書き出せません：{detail}", path.display())]
    Write { path: PathBuf, detail: String },
}

/// What a file holds, before it is stored: what the reading found (for the window to show and the
/// user to correct), the sheet it would become, and what would come over from last year's.
#[derive(Debug, Clone)]
pub struct Preview {
    pub found: FoundSheet,
    pub sheet: CheckSheet,
    /// Last year's sheet of the same customer whose answers were carried over, and what changed.
    pub carried_from: Option<(String, Changes)>,
    pub bytes: Vec<u8>,
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads `file` with the user's `choice` of sheet and columns and builds the sheet it would
/// become under `name` (the file's name without extension when None).
pub fn preview(
    session: &Session,
    file: &Path,
    choice: &Choice,
    name: Option<&str>,
) -> Result<Preview, CheckSheetError> {
    let format = file
        .extension()
        .and_then(|e| FileFormat::from_extension(&e.to_string_lossy()))
        .ok_or_else(|| CheckSheetError::Format {
            path: file.to_path_buf(),
        })?;
    let bytes = std::fs::read(file).map_err(|e| CheckSheetError::File {
        path: file.to_path_buf(),
        detail: e.to_string(),
    })?;
    let found = crate::xlsx::checksheet::read(&bytes, &file_name(file), choice)?;
    let name = match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => name.to_string(),
        None => file
            .file_stem()
            .map_or_else(|| file_name(file), |s| s.to_string_lossy().into_owned()),
    };
    if session
        .workbook()
        .checksheets
        .iter()
        .any(|s| s.name == name)
    {
        return Err(CheckSheetError::NameTaken(name));
    }
    let mut sheet = sheet_of(&found, format, &file_name(file), &name);
    let carried_from = previous_of(session, &sheet.customer).map(|previous| {
        let changes = carry(previous, &mut sheet.items, &sheet.scale);
        (previous.name.clone(), changes)
    });
    Ok(Preview {
        found,
        sheet,
        carried_from,
        bytes,
    })
}

/// The sheet a reading becomes: the customer's items and dropdown words (their meaning guessed),
/// with the answers the file already had.
fn sheet_of(found: &FoundSheet, format: FileFormat, file_name: &str, name: &str) -> CheckSheet {
    let scale = AnswerScale::guessed(&found.options);
    let items = found
        .items
        .iter()
        .map(|item| SheetItem {
            row: item.row,
            number: item.number.clone(),
            label: item.label.clone(),
            text: item.text.clone(),
            requirement: match item.required {
                Some(true) => Requirement::Required,
                Some(false) => Requirement::Optional,
                None => Requirement::Unstated,
            },
            extra: item.extra.clone(),
            answer: ItemAnswer {
                choice: item.answer.clone().filter(|a| !a.trim().is_empty()),
                comment: item.comment.clone().unwrap_or_default(),
                ..ItemAnswer::default()
            },
        })
        .collect();
    CheckSheet {
        id: SheetId(0),
        name: name.to_string(),
        customer: customer_of(name),
        source: Source {
            file_name: file_name.to_string(),
            format,
            sheet: found.sheet.clone(),
            answer_column: found.answer_column,
            comment_column: found.comment_column,
        },
        imported_on: chrono::Local::now().date_naive(),
        scale,
        items,
    }
}

/// The newest stored sheet of `customer`.
fn previous_of<'a>(session: &'a Session, customer: &str) -> Option<&'a CheckSheet> {
    session
        .workbook()
        .checksheets
        .iter()
        .filter(|s| s.customer == customer)
        .max_by_key(|s| (s.imported_on, s.id))
}

/// Stores a previewed sheet with the customer's file (a copy of the database is made first).
pub fn import(session: &mut Session, preview: &Preview) -> Result<SheetId, CheckSheetError> {
    if session
        .workbook()
        .checksheets
        .iter()
        .any(|s| s.name == preview.sheet.name)
    {
        return Err(CheckSheetError::NameTaken(preview.sheet.name.clone()));
    }
    session.store().backup(Kind::BeforeImport)?;
    Ok(session.insert_checksheet(&preview.sheet, &preview.bytes)?)
}

/// The stored sheet called `name`.
pub fn find<'a>(session: &'a Session, name: &str) -> Result<&'a CheckSheet, CheckSheetError> {
    session
        .workbook()
        .checksheets
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| CheckSheetError::Unknown(name.to_string()))
}

/// Removes the sheet called `name` with its answers and file (a copy of the database first).
pub fn delete(session: &mut Session, name: &str) -> Result<(), CheckSheetError> {
    let id = find(session, name)?.id;
    session.store().backup(Kind::BeforeImport)?;
    session.delete_checksheet(id)?;
    Ok(())
}

/// Answers items from a CSV with the header 「No,回答,補足」 (UTF-8 or Shift_JIS). Every row is
/// checked first; if any cannot be used nothing changes and each such row is named with its value
/// and why. An empty 回答 leaves the item unanswered. All of it is one step of undo. Returns how
/// many items were answered.
pub fn answer_from_csv(
    session: &mut Session,
    name: &str,
    csv: &Path,
) -> Result<usize, CheckSheetError> {
    let sheet = find(session, name)?;
    let bytes = std::fs::read(csv).map_err(|e| CheckSheetError::File {
        path: csv.to_path_buf(),
        detail: e.to_string(),
    })?;
    let (table, _) = crate::entry::list::read_text_table(&csv.display().to_string(), &bytes, false);
    let today = chrono::Local::now().date_naive();
    let edits = answer_edits(sheet, &table.rows, today).map_err(CheckSheetError::Rows)?;
    let count = edits.len();
    session.apply(Edit::Batch(edits))?;
    Ok(count)
}

/// The edits of the rows (the first is the header), or why each row that cannot be used cannot.
fn answer_edits(
    sheet: &CheckSheet,
    rows: &[Vec<String>],
    today: chrono::NaiveDate,
) -> Result<Vec<Edit>, Vec<String>> {
    fn cell(row: &[String], i: usize) -> &str {
        row.get(i).map_or("", |c| c.trim())
    }
    let header = rows.first().map(|r| {
        (
            cell(r, 0).trim_start_matches('\u{FEFF}'),
            cell(r, 1),
            cell(r, 2),
        )
    });
    if !matches!(header, Some(("No" | "No.", "回答", "補足"))) {
        return Err(vec![
            "1行目：見出しは「No,回答,補足」にしてください。".to_string(),
        ]);
    }
    let mut problems = Vec::new();
    let mut edits = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, row) in rows.iter().enumerate().skip(1) {
        let line = i + 1;
        let (number, choice, comment) = (cell(row, 0), cell(row, 1), cell(row, 2));
        if number.is_empty() && choice.is_empty() && comment.is_empty() {
            continue;
        }
        let Some(index) = sheet.items.iter().position(|item| item.number == number) else {
            problems.push(format!(
                "{line}行目：No.「{number}」の項目は「{}」にありません。",
                sheet.name
            ));
            continue;
        };
        if !seen.insert(index) {
            problems.push(format!("{line}行目：No.「{number}」が2回出てきます。"));
            continue;
        }
        if !choice.is_empty()
            && let Err(reason) = sheet.scale.check(choice)
        {
            problems.push(format!("{line}行目：No.「{number}」の回答 {reason}"));
            continue;
        }
        let answer = ItemAnswer {
            choice: (!choice.is_empty()).then(|| choice.to_string()),
            comment: comment.to_string(),
            links: sheet.items[index].answer.links.clone(),
            by: sheet.items[index].answer.by.clone(),
            on: Some(today),
        };
        edits.push(Edit::CheckSheet(SheetEdit::Answer {
            sheet: sheet.id,
            index,
            answer,
        }));
    }
    if problems.is_empty() {
        Ok(edits)
    } else {
        Err(problems)
    }
}

/// The cells an export writes: every item's answer (and remark, where the sheet has a column for
/// them), an empty answer clearing what the file had.
pub fn cell_writes(sheet: &CheckSheet) -> Result<Vec<CellWrite>, CheckSheetError> {
    let answer_column = sheet
        .source
        .answer_column
        .ok_or_else(|| CheckSheetError::NoAnswerColumn(sheet.name.clone()))?;
    let mut writes = Vec::new();
    for item in &sheet.items {
        writes.push(CellWrite {
            row: item.row,
            column: answer_column,
            value: item.answer.choice.clone().unwrap_or_default(),
        });
        if let Some(column) = sheet.source.comment_column {
            writes.push(CellWrite {
                row: item.row,
                column,
                value: item.answer.comment.clone(),
            });
        }
    }
    Ok(writes)
}

/// Writes the answers of the sheet called `name` into a copy of the customer's file at `out`.
/// An .xls cannot be patched: its copy is an .xlsx (`out` with that extension). Returns the path
/// written.
pub fn export(session: &Session, name: &str, out: &Path) -> Result<PathBuf, CheckSheetError> {
    let sheet = find(session, name)?;
    let writes = cell_writes(sheet)?;
    let original = session.store().checksheet_bytes(sheet.id)?;
    let (bytes, out) = match sheet.source.format {
        FileFormat::Xlsx | FileFormat::Xlsm => (
            crate::xlsx::patch::patch_sheet(&original, &sheet.source.sheet, &writes)?,
            out.to_path_buf(),
        ),
        FileFormat::Xls => (
            crate::xlsx::patch::xls_copy(&original, &sheet.source.sheet, &writes)?,
            out.with_extension("xlsx"),
        ),
    };
    crate::output_file::write_beside(&out, &bytes).map_err(|e| CheckSheetError::Write {
        path: out.clone(),
        detail: e.to_string(),
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checksheet::edit::tests::sheet;

    fn rows(lines: &[&str]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect()
    }

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    #[test]
    fn every_wrong_row_is_named_and_nothing_is_answered() {
        let s = sheet(1);
        let problems = answer_edits(
            &s,
            &rows(&[
                "No,回答,補足",
                "1,はい,規程",
                "9,はい,",
                "2,たぶん,",
                "1,いいえ,",
            ]),
            today(),
        )
        .unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("3行目") && problems[0].contains("「9」"));
        assert!(problems[1].starts_with("4行目") && problems[1].contains("たぶん"));
        assert!(problems[2].starts_with("5行目") && problems[2].contains("2回"));
    }

    #[test]
    fn good_rows_become_one_answer_each_and_a_wrong_header_is_refused() {
        let s = sheet(1);
        let edits = answer_edits(
            &s,
            &rows(&["\u{FEFF}No,回答,補足", "2,いいえ,来年度に対応", ",,"]),
            today(),
        )
        .unwrap();
        let [Edit::CheckSheet(SheetEdit::Answer { index, answer, .. })] = edits.as_slice() else {
            panic!("{edits:?}")
        };
        assert_eq!(*index, 1);
        assert_eq!(answer.choice.as_deref(), Some("いいえ"));
        assert_eq!(answer.comment, "来年度に対応");
        assert_eq!(answer.on, Some(today()));
        let refused = answer_edits(&s, &rows(&["番号,回答"]), today()).unwrap_err();
        assert!(refused[0].contains("No,回答,補足"));
    }

    #[test]
    fn the_export_writes_every_answer_cell_and_needs_an_answer_column() {
        let mut s = sheet(1);
        s.source.answer_column = Some(5);
        s.source.comment_column = Some(6);
        s.items[0].answer.choice = Some("はい".into());
        let writes = cell_writes(&s).unwrap();
        assert_eq!(writes.len(), 4);
        assert_eq!((writes[0].column, writes[0].value.as_str()), (5, "はい"));
        assert_eq!(writes[2].value, "", "an unanswered item clears its cell");
        s.source.answer_column = None;
        assert!(matches!(
            cell_writes(&s),
            Err(CheckSheetError::NoAnswerColumn(_))
        ));
    }
}
