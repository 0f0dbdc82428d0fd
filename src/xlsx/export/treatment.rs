//! リスク対応 as an extra sheet after 対策計画: the assets at リスク大・中 (undecided first) and the
//! decisions kept on others, with a dropdown for 対応 (read back by `xlsx::treatment_sheet`).

use super::formats::{FORMAT_BLOCK, Formats, excel_date, format_rows, format_runs, list};
use crate::calc::Assessment;
use crate::calc::treatment::{TreatmentRow, treatment_list};
use crate::domain::{Decision, Treatment, Workbook};
use crate::xlsx::layout::{TREATMENT, TREATMENT_FIRST_ROW, TREATMENT_HEADERS};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// 状態 as the sheet writes it: 未決定, 決定済み, what is missing, or no longer needed.
fn standing(r: &TreatmentRow) -> String {
    if r.decision.is_some() && r.need != crate::calc::treatment::Need::Needed {
        return r.need.label().to_string();
    }
    Treatment::missing_text(&r.missing).unwrap_or_else(|| r.standing().to_string())
}

/// One row's values, without a format (`format_rows` gives them theirs).
fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    wb: &Workbook,
    r: &TreatmentRow,
) -> Result<(), XlsxError> {
    sheet.write_number(row, 0, (r.row + 1) as f64)?;
    sheet.write_string(row, 1, &wb.assets[r.row].name)?;
    let risk = r.risk.map_or(String::new(), |v| format!("{v}"));
    sheet.write_string(row, 2, format!("{risk}{}", r.level.label()))?;
    let t = wb.treatment(r.asset);
    let text = |get: fn(&Treatment) -> &str| t.map_or("", get);
    sheet.write_string(row, 3, t.map_or("", |t| t.decision.label()))?;
    sheet.write_string(row, 4, text(|t| &t.reason))?;
    sheet.write_string(row, 5, text(|t| &t.change))?;
    sheet.write_string(row, 6, text(|t| &t.accepted_by))?;
    if let Some(d) = t.and_then(|t| t.accepted_on) {
        sheet.write_datetime(row, 7, excel_date(d)?)?;
    }
    sheet.write_string(row, 8, standing(r))?;
    Ok(())
}

pub(super) fn write(
    sheet: &mut Worksheet,
    wb: &Workbook,
    assessment: &Assessment,
    f: &Formats,
) -> Result<(), XlsxError> {
    super::formats::title_and_headers(sheet, TREATMENT, &TREATMENT_HEADERS, f)?;
    let treated = treatment_list(wb, assessment);
    let rows: Vec<&TreatmentRow> = treated.needed.iter().chain(&treated.not_needed).collect();
    // A format per column of the headers (the type says there is one for each).
    let columns: [&Format; TREATMENT_HEADERS.len()] = [
        &f.center, &f.wrap, &f.cell, &f.center, &f.wrap, &f.wrap, &f.cell, &f.date, &f.cell,
    ];
    let runs = format_runs((0..).zip(columns));
    for (block, chunk) in rows.chunks(FORMAT_BLOCK).enumerate() {
        let first = TREATMENT_FIRST_ROW + (block * FORMAT_BLOCK) as u32;
        for (row, r) in (first..).zip(chunk) {
            write_row(sheet, row, wb, r)?;
        }
        format_rows(sheet, first, first + chunk.len() as u32 - 1, &runs)?;
    }
    let count = rows.len() as u32;
    let last = TREATMENT_FIRST_ROW + count.max(1) + 200;
    let labels: Vec<&str> = Decision::ALL.iter().map(|d| d.label()).collect();
    let decisions = list(&labels, "対応", "低減・保有・回避・移転から選んでください")?;
    sheet.add_data_validation(TREATMENT_FIRST_ROW, 3, last, 3, &decisions)?;
    for (col, width) in [
        (0, 8.0),
        (1, 28.0),
        (2, 12.0),
        (3, 8.0),
        (4, 36.0),
        (5, 30.0),
        (6, 16.0),
        (7, 12.0),
        (8, 24.0),
    ] {
        sheet.set_column_width(col, width)?;
    }
    Ok(())
}
