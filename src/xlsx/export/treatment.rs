//! リスク対応 as an extra sheet after 対策計画: the assets at リスク大・中 (undecided first) and the
//! decisions kept on others, with a dropdown for 対応 (read back by `xlsx::treatment_sheet`).

use super::formats::{Formats, list};
use crate::calc::Assessment;
use crate::calc::treatment::{TreatmentRow, treatment_list};
use crate::domain::{Decision, Treatment, Workbook};
use crate::xlsx::layout::{TREATMENT, TREATMENT_FIRST_ROW, TREATMENT_HEADERS};
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Worksheet, XlsxError};

/// 状態 as the sheet writes it: 未決定, 決定済み, what is missing, or no longer needed.
fn standing(r: &TreatmentRow) -> String {
    if r.decision.is_some() && r.need != crate::calc::treatment::Need::Needed {
        return r.need.label().to_string();
    }
    Treatment::missing_text(&r.missing).unwrap_or_else(|| r.standing().to_string())
}

pub(super) fn write(
    sheet: &mut Worksheet,
    wb: &Workbook,
    assessment: &Assessment,
    f: &Formats,
) -> Result<(), XlsxError> {
    super::formats::title_and_headers(sheet, TREATMENT, &TREATMENT_HEADERS, f)?;
    let treated = treatment_list(wb, assessment);
    let rows = treated.needed.iter().chain(&treated.not_needed);
    let mut count = 0;
    for (i, r) in rows.enumerate() {
        count += 1;
        let row = TREATMENT_FIRST_ROW + i as u32;
        sheet.write_number_with_format(row, 0, (r.row + 1) as f64, &f.center)?;
        sheet.write_string_with_format(row, 1, &wb.assets[r.row].name, &f.wrap)?;
        let risk = r.risk.map_or(String::new(), |v| format!("{v}"));
        sheet.write_string_with_format(row, 2, format!("{risk}{}", r.level.label()), &f.cell)?;
        let t = wb.treatment(r.asset);
        let text = |get: fn(&Treatment) -> &str| t.map_or("", get);
        sheet.write_string_with_format(row, 3, t.map_or("", |t| t.decision.label()), &f.center)?;
        sheet.write_string_with_format(row, 4, text(|t| &t.reason), &f.wrap)?;
        sheet.write_string_with_format(row, 5, text(|t| &t.change), &f.wrap)?;
        sheet.write_string_with_format(row, 6, text(|t| &t.accepted_by), &f.cell)?;
        match t.and_then(|t| t.accepted_on) {
            Some(d) => {
                let date =
                    ExcelDateTime::from_ymd(d.year_ce().1 as u16, d.month() as u8, d.day() as u8)?;
                sheet.write_datetime_with_format(row, 7, &date, &f.date)?;
            }
            None => {
                sheet.write_blank(row, 7, &f.date)?;
            }
        }
        sheet.write_string_with_format(row, 8, standing(r), &f.cell)?;
    }
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
