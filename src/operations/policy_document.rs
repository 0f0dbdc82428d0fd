//! The company's policy draft (Word): bringing it in, filling its spots (one at a time in the window,
//! all at once from a CSV file), and writing the finished document. The draft's bytes stay in the
//! database, so next year it is refilled and written again from the same file.

use super::{OperationError, Session};
use crate::domain::Edit;
use crate::domain::policy::spots::{Spot, SpotNo, SpotValue};
use crate::store::backup::Kind;
use crate::store::policy_document::PolicyDocument;
use std::collections::HashSet;
use std::path::Path;

/// The stored draft with its spots, as found in its bytes.
pub struct Draft {
    pub document: PolicyDocument,
    pub spots: Vec<Spot>,
}

fn read(path: &Path) -> Result<Vec<u8>, OperationError> {
    std::fs::read(path).map_err(|e| OperationError::Read {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

/// Reads `file`, finds its spots and stores it in place of the draft before (whose values go with
/// it; a copy of the database is made first when there were any). The undo history is cleared, as
/// for any import. Returns the spots found.
pub fn import(session: &mut Session, file: &Path) -> Result<Vec<Spot>, OperationError> {
    let bytes = read(file)?;
    let spots = crate::docx::scan(&bytes)?;
    if !session.workbook().policy_values.is_empty() {
        session.store().backup(Kind::BeforeImport)?;
    }
    let document = PolicyDocument {
        file_name: file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        imported_on: chrono::Local::now().date_naive(),
        spots: spots.len() as u32,
        bytes,
    };
    session.replace_policy_document(&document)?;
    Ok(spots)
}

/// The stored draft and its spots; an error when none was imported.
pub fn draft(session: &Session) -> Result<Draft, OperationError> {
    let document = session
        .store()
        .policy_document()?
        .ok_or(OperationError::NoPolicyDocument)?;
    let spots = crate::docx::scan(&document.bytes)?;
    Ok(Draft { document, spots })
}

/// Fills spots from a CSV file with the header 「番号,内容」 (UTF-8 or Shift_JIS): every row is
/// checked first, and if any cannot be used nothing is changed and each such row is named. An empty
/// 内容 clears the spot. All of it is one step of undo. Returns how many rows were applied.
pub fn fill_from_csv(session: &mut Session, csv: &Path) -> Result<usize, OperationError> {
    let draft = draft(session)?;
    let bytes = read(csv)?;
    let name = csv.display().to_string();
    let (table, _) = crate::entry::list::read_text_table(&name, &bytes, false);
    let edit = fill_edit(&table.rows, &draft.spots).map_err(OperationError::PolicyRows)?;
    let count = edit.len();
    session.apply(Edit::Batch(edit))?;
    Ok(count)
}

/// The edits of the rows (the first is the header), or why each row that cannot be used cannot.
fn fill_edit(rows: &[Vec<String>], spots: &[Spot]) -> Result<Vec<Edit>, Vec<String>> {
    fn cell(row: &[String], i: usize) -> &str {
        row.get(i).map_or("", |c| c.trim())
    }
    let header = rows.first().map(|r| (cell(r, 0), cell(r, 1)));
    let header = header.map(|(a, b)| (a.trim_start_matches('\u{FEFF}'), b));
    if header != Some(("番号", "内容")) {
        return Err(vec![
            "1行目：見出しは「番号,内容」にしてください。".to_string(),
        ]);
    }
    let mut problems = Vec::new();
    let mut edits = Vec::new();
    let mut seen = HashSet::new();
    for (i, row) in rows.iter().enumerate().skip(1) {
        let line = i + 1;
        let (number, content) = (cell(row, 0), cell(row, 1));
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let digits: String = number
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                c => c,
            })
            .collect();
        let Ok(no) = digits.parse::<u32>() else {
            problems.push(format!(
                "{line}行目：番号「{number}」が数字ではありません。"
            ));
            continue;
        };
        if no == 0 || no as usize > spots.len() {
            problems.push(format!(
                "{line}行目：{no} 番の箇所はありません（1〜{} 番）。",
                spots.len()
            ));
            continue;
        }
        if !seen.insert(no) {
            problems.push(format!("{line}行目：{no} 番が 2 度あります。"));
            continue;
        }
        let value = if content.is_empty() {
            None
        } else {
            match SpotValue::new(content) {
                Ok(v) => Some(v),
                Err(e) => {
                    problems.push(format!("{line}行目（{no} 番）：{e}"));
                    continue;
                }
            }
        };
        edits.push(Edit::SetPolicyValue(SpotNo(no), value));
    }
    if problems.is_empty() {
        Ok(edits)
    } else {
        Err(problems)
    }
}

/// Writes the draft with the filled spots to `out` (through a file beside it, renamed over `out`,
/// so a failed write leaves a file already there as it was). Returns the spots left unfilled.
pub fn export(session: &Session, out: &Path) -> Result<usize, OperationError> {
    let draft = draft(session)?;
    let values = &session.workbook().policy_values;
    let bytes = crate::docx::fill(&draft.document.bytes, values)?;
    crate::output_file::write_beside(out, &bytes).map_err(|e| OperationError::Write {
        path: out.to_path_buf(),
        detail: e.to_string(),
    })?;
    Ok(draft
        .spots
        .iter()
        .filter(|s| values.get(s.no).is_none())
        .count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::spots::{SpotKind, SpotPlace};

    fn spots(n: u32) -> Vec<Spot> {
        (1..=n)
            .map(|no| Spot {
                no: SpotNo(no),
                kind: SpotKind::Rewrite,
                place: SpotPlace::Body,
                chapter: String::new(),
                section: String::new(),
                text: "〇〇".into(),
                before: String::new(),
                after: String::new(),
            })
            .collect()
    }

    fn rows(text: &[&[&str]]) -> Vec<Vec<String>> {
        text.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn every_row_is_checked_and_each_bad_one_named() {
        let bad = rows(&[
            &["番号", "内容"],
            &["1", "株式会社見本"],
            &["x", "a"],
            &["9", "a"],
            &["1", "b"],
            &["2", "a\tb"],
        ]);
        assert_eq!(
            fill_edit(&bad, &spots(3)).unwrap_err(),
            [
                "3行目：番号「x」が数字ではありません。",
                "4行目：9 番の箇所はありません（1〜3 番）。",
                "5行目：1 番が 2 度あります。",
                "6行目（2 番）：改行やタブなどの制御文字は入れられません。",
            ]
        );
        let good = rows(&[&["番号", "内容"], &["１", "見本"], &["3", ""], &["", ""]]);
        let edits = fill_edit(&good, &spots(3)).unwrap();
        assert_eq!(
            edits,
            [
                Edit::SetPolicyValue(SpotNo(1), Some(SpotValue::new("見本").unwrap())),
                Edit::SetPolicyValue(SpotNo(3), None),
            ]
        );
        let header = rows(&[&["No", "Value"]]);
        assert!(fill_edit(&header, &spots(3)).unwrap_err()[0].starts_with("1行目"));
    }
}
