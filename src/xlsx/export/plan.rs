//! 対策計画 as an extra sheet after the four IPA sheets, with dropdowns for 種類 and 状態 (read back by
//! `xlsx::plan_sheet`).

use super::formats::{Formats, date_cell, list};
use crate::domain::{Measure, PlanStatus, Workbook};
use crate::xlsx::layout::{PLAN, PLAN_FIRST_ROW, PLAN_HEADERS, PLAN_ITEM, PLAN_THREAT};
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) fn write(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    super::formats::title_and_headers(sheet, PLAN, &PLAN_HEADERS, f)?;
    for (i, e) in wb.plan.iter().enumerate() {
        let row = PLAN_FIRST_ROW + i as u32;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.center)?;
        match e.measure {
            Measure::Item(no) => {
                sheet.write_string_with_format(row, 1, PLAN_ITEM, &f.cell)?;
                sheet.write_number_with_format(row, 2, no.0 as f64, &f.center)?;
                let question = wb
                    .items
                    .iter()
                    .find(|i| i.no == no)
                    .map_or("", |i| &i.question);
                sheet.write_string_with_format(row, 3, question, &f.wrap)?;
            }
            Measure::Threat(id) => {
                sheet.write_string_with_format(row, 1, PLAN_THREAT, &f.cell)?;
                let threat = wb.threats.iter().find(|t| t.id == id);
                sheet.write_string_with_format(
                    row,
                    2,
                    threat.map_or("", |t| t.medium.name()),
                    &f.cell,
                )?;
                sheet.write_string_with_format(
                    row,
                    3,
                    threat.map_or("", |t| t.name.as_str()),
                    &f.wrap,
                )?;
            }
        }
        sheet.write_string_with_format(row, 4, &e.owner, &f.cell)?;
        date_cell(sheet, row, 5, e.due, f)?;
        sheet.write_string_with_format(row, 6, e.status.label(), &f.center)?;
        sheet.write_string_with_format(row, 7, &e.memo, &f.wrap)?;
    }
    let last = PLAN_FIRST_ROW + wb.plan.len().max(1) as u32 + 200;
    let kinds = list(
        &[PLAN_ITEM, PLAN_THREAT],
        "種類",
        "項目か脅威を選んでください",
    )?;
    sheet.add_data_validation(PLAN_FIRST_ROW, 1, last, 1, &kinds)?;
    let labels: Vec<&str> = PlanStatus::ALL.iter().map(|s| s.label()).collect();
    let statuses = list(&labels, "状態", "未着手・対応中・完了から選んでください")?;
    sheet.add_data_validation(PLAN_FIRST_ROW, 6, last, 6, &statuses)?;
    for (col, width) in [
        (0, 5.0),
        (1, 7.0),
        (2, 12.0),
        (3, 60.0),
        (4, 16.0),
        (5, 12.0),
        (6, 9.0),
        (7, 40.0),
    ] {
        sheet.set_column_width(col, width)?;
    }
    Ok(())
}
