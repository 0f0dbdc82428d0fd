//! A rectangular block of the 台帳, as the keyboard and the clipboard use it: copied out as text,
//! pasted in from text (adding rows past the end), cleared, filled down. Pasting, clearing and filling
//! are the same thing, text written into cells, so they share one reading and one validation.

use super::{Incoming, Problem, RatingScale, Reinterpreted, read_all};
use crate::calc::AssetRisk;
use crate::domain::Edit;
use crate::domain::cell_text::shown;
use crate::domain::register::{CellValue, Column};
use crate::domain::{Asset, AssetId, Workbook};

/// The edits of a paste, validated, with what was read as something else and what was left out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PastePlan {
    pub edits: Vec<Edit>,
    pub notes: Vec<Reinterpreted>,
    /// Values not entered, and why (computed columns, cells right of S).
    pub ignored: Vec<String>,
    pub new_rows: usize,
    pub changed_rows: usize,
}

impl PastePlan {
    /// The plan as one undoable edit; None when nothing changes.
    pub fn into_edit(self) -> Option<Edit> {
        (!self.edits.is_empty()).then_some(Edit::Batch(self.edits))
    }
}

/// A cell's text as the window shows it, computed columns included (what Ctrl+C copies).
pub fn cell_text(asset: &Asset, risk: &AssetRisk, column: Column) -> String {
    if let Some(value) = CellValue::of(asset, column) {
        return shown(&value);
    }
    risk.number(column).map_or(String::new(), |n| n.to_string())
}

/// The block `rows` × `columns` (indices into the workbook's assets, columns in order) as clipboard text.
pub fn copy_text(
    workbook: &Workbook,
    risks: &[AssetRisk],
    rows: &[usize],
    columns: &[Column],
) -> String {
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|&i| {
            columns
                .iter()
                .map(|&c| cell_text(&workbook.assets[i], &risks[i], c))
                .collect()
        })
        .collect();
    super::tsv::format(&table)
}

/// Plans writing `rows` of text into the 台帳 from column `first_column` (an index into
/// `Column::ALL`) on: row k goes to `targets[k]`, and past the targets new assets are appended.
/// Err lists every value that cannot go in; then nothing may change.
pub fn plan_paste(
    workbook: &Workbook,
    targets: &[AssetId],
    first_column: usize,
    rows: &[Vec<String>],
) -> Result<PastePlan, Vec<Problem>> {
    let mut plan = PastePlan::default();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut columns = Vec::with_capacity(width);
    for k in 0..width {
        match Column::ALL.get(first_column + k) {
            Some(&c) if c.is_input() => columns.push(Some(c)),
            Some(&c) => {
                plan.ignored.push(format!(
                    "{}列（{}）は riskbook が計算する列なので、貼り付けた値は使いません",
                    c.letter(),
                    c.header()
                ));
                columns.push(None);
            }
            None => {
                plan.ignored
                    .push("S列（リスク値）より右にはみ出した値は貼り付けません".to_string());
                break;
            }
        }
    }
    let index_of: std::collections::HashMap<AssetId, usize> = workbook
        .assets
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    // Blank lines past the end (a trailing line break of the clipboard) add no rows.
    let used = rows.len().min(
        targets.len().max(
            rows.iter()
                .rposition(|r| r.iter().any(|t| !t.trim().is_empty()))
                .map_or(0, |p| p + 1),
        ),
    );
    let mut problems = Vec::new();
    let mut new_index = workbook.assets.len();
    for (k, row) in rows[..used].iter().enumerate() {
        let target = targets.get(k).copied();
        let place = match target {
            Some(id) => format!("{}行目", index_of.get(&id).map_or(0, |i| i + 1)),
            None => format!("追加する {}行目", new_index + 1),
        };
        let cells: Vec<Incoming> = row
            .iter()
            .zip(&columns)
            .filter_map(|(text, column)| {
                column.map(|column| Incoming {
                    place: place.clone(),
                    column,
                    text: text.clone(),
                })
            })
            .collect();
        let read = match read_all(&cells, RatingScale::ZeroToTwo) {
            Ok(read) => read,
            Err(mut wrong) => {
                problems.append(&mut wrong);
                continue;
            }
        };
        let mut asset = match target {
            Some(id) => workbook.assets[index_of[&id]].clone(),
            None => Asset::default(),
        };
        let before = asset.clone();
        for value in &read.values {
            value.write(&mut asset);
        }
        if let Err(e) = asset.validate() {
            problems.push(Problem {
                place: place.clone(),
                column: Some(Column::Name),
                value: asset.name.clone(),
                reason: e.to_string(),
            });
            continue;
        }
        plan.notes.extend(read.notes);
        match target {
            Some(id) if asset != before => {
                plan.changed_rows += 1;
                plan.edits.push(Edit::SetCells(id, read.values));
            }
            Some(_) => {}
            None => {
                plan.new_rows += 1;
                plan.edits.push(Edit::InsertAsset {
                    index: new_index,
                    asset,
                });
                new_index += 1;
            }
        }
    }
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(problems)
    }
}

/// Plans emptying the input cells of `columns` in the target rows (Delete).
pub fn plan_clear(
    workbook: &Workbook,
    targets: &[AssetId],
    first_column: usize,
    width: usize,
) -> Result<PastePlan, Vec<Problem>> {
    let rows = vec![vec![String::new(); width]; targets.len()];
    let mut plan = plan_paste(workbook, targets, first_column, &rows)?;
    plan.ignored.clear();
    Ok(plan)
}

/// Plans copying the first target row's values into the rows below it (Ctrl+D).
pub fn plan_fill_down(
    workbook: &Workbook,
    targets: &[AssetId],
    first_column: usize,
    width: usize,
) -> Result<PastePlan, Vec<Problem>> {
    let Some(top) = targets
        .first()
        .and_then(|id| workbook.assets.iter().find(|a| a.id == *id))
    else {
        return Ok(PastePlan::default());
    };
    let row: Vec<String> = Column::ALL
        .iter()
        .skip(first_column)
        .take(width)
        .map(|&c| CellValue::of(top, c).map_or(String::new(), |v| shown(&v)))
        .collect();
    let rows = vec![row; targets.len().saturating_sub(1)];
    let mut plan = plan_paste(workbook, &targets[1..], first_column, &rows)?;
    plan.ignored.clear();
    plan.notes.clear();
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Catalogue, Medium};
    use crate::sample::sample_workbook;

    fn ids(wb: &Workbook, n: usize) -> Vec<AssetId> {
        wb.assets.iter().take(n).map(|a| a.id).collect()
    }

    fn col(c: Column) -> usize {
        c.index()
    }

    fn sample() -> Workbook {
        let mut wb = sample_workbook(Catalogue::builtin());
        for (i, a) in wb.assets.iter_mut().enumerate() {
            a.id = AssetId(i as i64 + 1);
        }
        wb
    }

    #[test]
    fn a_block_from_excel_changes_rows_and_adds_the_rest() {
        let wb = sample();
        let n = wb.assets.len();
        let last = vec![wb.assets[n - 1].id];
        let rows = crate::entry::tsv::parse(
            "台帳A\t備考\t総務\t総務部\tUSBメモリ\t○\t\t\t２\t1\t0\r\n新しい名簿\t\t\t\tクラウド\t有\r\n\r\n",
        );
        let plan = plan_paste(&wb, &last, col(Column::Name), &rows).unwrap();
        assert_eq!((plan.changed_rows, plan.new_rows), (1, 1));
        assert!(
            matches!(&plan.edits[1], Edit::InsertAsset { index, asset } if *index == n && asset.medium == Some(Medium::Cloud) && asset.personal_info)
        );
        let notes: Vec<String> = plan.notes.iter().map(|n| n.to_string()).collect();
        assert!(
            notes.contains(&format!(
                "{n}行目（媒体・保存先）「USBメモリ」を「可搬電子媒体」として読みました"
            )),
            "{notes:?}"
        );
        assert!(
            notes.iter().any(|n| n.contains("「２」を「2」")),
            "{notes:?}"
        );
    }

    #[test]
    fn one_wrong_value_stops_the_whole_paste_and_is_named() {
        let wb = sample();
        let rows = vec![
            vec!["3".to_string(), "1".into(), "2".into()],
            vec!["高".to_string(), "いつも".into(), "1".into()],
        ];
        let problems =
            plan_paste(&wb, &ids(&wb, 2), col(Column::Confidentiality), &rows).unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            text,
            vec![
                "1行目（機密性）「3」：機密性は 0、1、2 のいずれかで入力してください",
                "2行目（完全性）「いつも」：完全性は 0、1、2 のいずれかで入力してください",
            ]
        );
    }

    #[test]
    fn computed_columns_are_skipped_and_said_and_names_cannot_be_cleared() {
        let wb = sample();
        let plan = plan_paste(
            &wb,
            &ids(&wb, 1),
            col(Column::Availability),
            &[vec!["1".into(), "9".into(), "5年".into()]],
        )
        .unwrap();
        assert_eq!(plan.ignored.len(), 1);
        assert!(plan.ignored[0].starts_with("M列（重要度）"));
        assert_eq!(
            plan.edits,
            vec![Edit::SetCells(
                wb.assets[0].id,
                vec![
                    CellValue::Rating(
                        Column::Availability,
                        Some(crate::domain::Rating::new(1).unwrap())
                    ),
                    CellValue::Text(Column::Retention, "5年".into()),
                ]
            )]
        );
        let problems = plan_clear(&wb, &ids(&wb, 2), col(Column::Name), 2).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert!(problems[0].reason.contains("情報資産名称が空です"));
    }

    #[test]
    fn fill_down_copies_the_top_row() {
        let wb = sample();
        let plan = plan_fill_down(&wb, &ids(&wb, 3), col(Column::Medium), 1).unwrap();
        let top = wb.assets[0].medium;
        for edit in &plan.edits {
            assert!(matches!(edit, Edit::SetCells(_, v) if v == &vec![CellValue::Medium(top)]));
        }
        assert_eq!(
            plan.edits.len(),
            wb.assets[1..3].iter().filter(|a| a.medium != top).count()
        );
    }
}
