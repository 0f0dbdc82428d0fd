//! 脅威の状況: each threat's frequency, vulnerability, likelihood and ranking key as formulas, and per
//! medium the worst threat, which the 台帳 reads.

use super::formats::{Formats, list};
use super::{opt, ordered_items, print_setup};
use crate::calc::Assessment;
use crate::domain::scales::{Likelihood, Vulnerability};
use crate::domain::{Frequency, Medium, Workbook};
use crate::xlsx::layout::*;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError};
use std::collections::HashMap;

/// The key 脅威の状況's column F gives each threat, as its formula
/// `p*100000+t*10000+9999-ROW()` does: unique per row, so the worst threat of a medium is the one
/// with the higher p, then the higher t, then the first listed (docs/method.md §4.4).
fn ranking_key(p: Likelihood, t: Frequency, sheet_row: u32) -> i64 {
    p.value() as i64 * 100_000 + t.value() as i64 * 10_000 + 9_999 - (sheet_row as i64 + 1)
}

/// The columns (0-based) that only the formulas read: F, the ranking key, and I–O, each medium's
/// worst threat.
fn helper_columns() -> impl Iterator<Item = u16> {
    std::iter::once(5).chain(MEDIUM_FIRST_COL..MEDIUM_FIRST_COL + MEDIUM_HEADERS.len() as u16)
}

/// Row (0-based) of each item on 対策状況チェック.
fn item_rows(wb: &Workbook) -> HashMap<crate::domain::ItemNo, u32> {
    ordered_items(wb)
        .iter()
        .enumerate()
        .map(|(i, item)| (item.no, LIST_FIRST_ROW + i as u32))
        .collect()
}

/// The vulnerability rule of docs/method.md §4.2 as an Excel formula over the linked answers.
fn vulnerability_formula(answer_cells: &[String]) -> String {
    if answer_cells.is_empty() {
        return "=1".into();
    }
    let sum = |term: &dyn Fn(&str) -> String| {
        answer_cells
            .iter()
            .map(|c| term(c))
            .collect::<Vec<_>>()
            .join("+")
    };
    let remaining = format!("({})", sum(&|c| format!("({c}<>4)")));
    let ones = format!("({})", sum(&|c| format!("({c}=1)")));
    let missing = format!("({})", sum(&|c| format!("({c}=3)+({c}=\"\")")));
    format!("=IF({remaining}=0,1,IF({ones}={remaining},1,IF({missing}={remaining},3,2)))")
}

pub(super) fn write(
    sheet: &mut Worksheet,
    wb: &Workbook,
    assessment: &Assessment,
    f: &Formats,
) -> Result<(), XlsxError> {
    super::formats::title_and_headers(sheet, THREATS, &THREAT_HEADERS, f)?;
    let rows = item_rows(wb);
    let n = wb.threats.len().max(1) as u32;
    let last = LIST_FIRST_ROW + n - 1;
    for (i, threat) in wb.threats.iter().enumerate() {
        let row = LIST_FIRST_ROW + i as u32;
        let ta = assessment.threat(threat.id);
        sheet.write_string_with_format(row, 0, threat.medium.name(), &f.cell)?;
        sheet.write_string_with_format(row, 1, &threat.name, &f.wrap)?;
        match threat.frequency {
            Some(fr) => sheet.write_number_with_format(row, 2, fr.value() as f64, &f.center)?,
            None => sheet.write_blank(row, 2, &f.center)?,
        };
        let cells: Vec<String> = threat
            .items
            .iter()
            .filter_map(|no| rows.get(no))
            .map(|r| format!("'{CHECKS}'!$D${}", r + 1))
            .collect();
        let v = ta.map_or(Vulnerability::PROTECTED, |t| t.vulnerability);
        sheet.write_formula_with_format(
            row,
            3,
            Formula::new(vulnerability_formula(&cells)).set_result(v.to_string()),
            &f.center,
        )?;
        let (c, d) = (cell_name(row, 2), cell_name(row, 3));
        let p = ta.and_then(|t| t.likelihood);
        sheet.write_formula_with_format(
            row,
            4,
            Formula::new(format!("=IF({c}=\"\",\"\",MAX(1,{c}+{d}-3))")).set_result(opt(p)),
            &f.center,
        )?;
        let e = cell_name(row, 4);
        let key = match (p, threat.frequency) {
            (Some(p), Some(t)) => ranking_key(p, t, row),
            _ => 0,
        };
        sheet.write_formula_with_format(
            row,
            5,
            Formula::new(format!("=IF({c}=\"\",0,{e}*100000+{c}*10000+9999-ROW())"))
                .set_result(key.to_string()),
            &f.center,
        )?;
        let links = threat
            .items
            .iter()
            .map(|n| n.0.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        sheet.write_string_with_format(row, 6, &links, &f.cell)?;
    }
    let v = list(&["1", "2", "3"], "脅威の発生頻度", "1〜3 から選んでください。")?.set_input_message(
        "3 通常の状態で発生する（いつ発生してもおかしくない）\n2 特定の状況で発生する（年に数回程度）\n1 通常では発生しない（数年に1回未満）",
    )?;
    sheet.add_data_validation(LIST_FIRST_ROW, 2, last, 2, &v)?;

    // Per medium: the worst threat, read by the 台帳.
    let range = |col: u16| {
        format!(
            "${0}${1}:${0}${2}",
            col_name(col),
            LIST_FIRST_ROW + 1,
            last + 1
        )
    };
    let c0 = MEDIUM_FIRST_COL;
    for (i, h) in MEDIUM_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(1, c0 + i as u16, *h, &f.header)?;
    }
    for (i, medium) in Medium::ALL.iter().enumerate() {
        let row = LIST_FIRST_ROW + i as u32;
        let name_cell = cell_name(row, c0);
        let (unset, count, maxkey) = (
            cell_name(row, c0 + 1),
            cell_name(row, c0 + 2),
            cell_name(row, c0 + 3),
        );
        let threats: Vec<_> = wb.threats_of(*medium).collect();
        let driver = assessment.media.get(medium).and_then(|r| r.as_ref().ok());
        sheet.write_string_with_format(row, c0, medium.name(), &f.cell)?;
        let unset_n = threats.iter().filter(|t| t.frequency.is_none()).count();
        sheet.write_formula_with_format(
            row,
            c0 + 1,
            Formula::new(format!(
                "=SUMPRODUCT(({}={name_cell})*({}=\"\"))",
                range(0),
                range(2)
            ))
            .set_result(unset_n.to_string()),
            &f.center,
        )?;
        sheet.write_formula_with_format(
            row,
            c0 + 2,
            Formula::new(format!("=COUNTIF({},{name_cell})", range(0)))
                .set_result(threats.len().to_string()),
            &f.center,
        )?;
        let best_key = driver.map_or(0, |d| {
            let k = wb
                .threats
                .iter()
                .position(|t| t.id == d.threat)
                .unwrap_or(0);
            ranking_key(d.likelihood, d.frequency, LIST_FIRST_ROW + k as u32)
        });
        sheet.write_formula_with_format(
            row,
            c0 + 3,
            Formula::new(format!(
                "=SUMPRODUCT(MAX(({}={name_cell})*{}))",
                range(0),
                range(5)
            ))
            .set_result(best_key.to_string()),
            &f.center,
        )?;
        let cached = [
            driver.map(|d| d.frequency.value()),
            driver.map(|d| d.vulnerability.value()),
            driver.map(|d| d.likelihood.value()),
        ];
        for (k, source_col) in [2u16, 3, 4].into_iter().enumerate() {
            sheet.write_formula_with_format(
                row,
                c0 + 4 + k as u16,
                Formula::new(format!(
                    "=IF(OR({unset}>0,{count}=0),\"\",INDEX({},MATCH({maxkey},{},0)))",
                    range(source_col),
                    range(5)
                ))
                .set_result(opt(cached[k])),
                &f.center,
            )?;
        }
    }
    for (col, width) in [
        (0, 14.0),
        (1, 48.0),
        (2, 14.0),
        (3, 8.0),
        (4, 10.0),
        (5, 10.0),
        (6, 36.0),
    ] {
        sheet.set_column_width(col, width)?;
    }
    // Two lines for C's 「対策を講じない場合の脅威の発生頻度」.
    sheet.set_row_height(1, 30.0)?;
    // The ranking key (F) and the per-medium results (I–O) are for the formulas, not for reading
    // (「最大の順位」 239990 means nothing to a person): hidden, they still calculate in Excel and
    // LibreOffice, and whoever wants to follow a formula can unhide them.
    for col in helper_columns() {
        sheet.set_column_width(col, 12.0)?;
        sheet.set_column_hidden(col)?;
    }
    sheet.set_freeze_panes(LIST_FIRST_ROW, 0)?;
    print_setup(sheet, 1);
    Ok(())
}
