//! The 対策計画 as an extra sheet after the four IPA sheets: written on export with dropdowns for
//! 種類 and 状態, read back on import. A threat is named by its medium (対象) and its name (内容),
//! an item by its number, so the sheet means the same in another database.

use super::cells;
use super::export::{Formats, list};
use super::layout::{PLAN, PLAN_FIRST_ROW, PLAN_HEADERS};
use crate::domain::{ItemNo, Measure, PlanEntry, PlanStatus, Threat, Workbook};
use calamine::{Data, Range};
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Worksheet, XlsxError};

const ITEM: &str = "項目";
const THREAT: &str = "脅威";

pub(super) fn write(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(PLAN)?;
    sheet.write_string_with_format(0, 0, PLAN, &f.title)?;
    for (col, h) in PLAN_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *h, &f.header)?;
    }
    for (i, e) in wb.plan.iter().enumerate() {
        let row = PLAN_FIRST_ROW + i as u32;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.center)?;
        match e.measure {
            Measure::Item(no) => {
                sheet.write_string_with_format(row, 1, ITEM, &f.cell)?;
                sheet.write_number_with_format(row, 2, no.0 as f64, &f.center)?;
                let question = wb
                    .items
                    .iter()
                    .find(|i| i.no == no)
                    .map_or("", |i| &i.question);
                sheet.write_string_with_format(row, 3, question, &f.wrap)?;
            }
            Measure::Threat(id) => {
                sheet.write_string_with_format(row, 1, THREAT, &f.cell)?;
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
        match e.due {
            Some(d) => {
                let date =
                    ExcelDateTime::from_ymd(d.year_ce().1 as u16, d.month() as u8, d.day() as u8)?;
                sheet.write_datetime_with_format(row, 5, &date, &f.date)?;
            }
            None => {
                sheet.write_blank(row, 5, &f.date)?;
            }
        }
        sheet.write_string_with_format(row, 6, e.status.label(), &f.center)?;
        sheet.write_string_with_format(row, 7, &e.memo, &f.wrap)?;
    }
    let last = PLAN_FIRST_ROW + wb.plan.len().max(1) as u32 + 200;
    let kinds = list(&[ITEM, THREAT], "種類", "項目か脅威を選んでください")?;
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

/// The entries of a 対策計画 sheet, for the workbook's items and threats. A row that cannot be read
/// is left out and said in `notes` with its row and column.
pub(super) fn read(
    range: &Range<Data>,
    items: &[ItemNo],
    threats: &[Threat],
    notes: &mut Vec<String>,
) -> Vec<PlanEntry> {
    let start = range.start().map_or(0, |(r, _)| r);
    let mut out = Vec::new();
    for (k, row) in range.rows().enumerate() {
        let r = start + k as u32;
        if r < PLAN_FIRST_ROW {
            continue;
        }
        let cell = |c: usize| row.get(c);
        let kind = cells::text(cell(1));
        let target = cells::text(cell(2));
        let name = cells::text(cell(3));
        if kind.is_empty() && target.is_empty() && name.is_empty() {
            continue;
        }
        let at = |col: char| format!("シート「{PLAN}」{col}{}", r + 1);
        let measure = match kind.as_str() {
            ITEM => match target
                .parse::<u16>()
                .ok()
                .map(ItemNo)
                .filter(|no| items.contains(no))
            {
                Some(no) => Measure::Item(no),
                None => {
                    notes.push(format!(
                        "{}: チェック項目「{target}」がないため、この行は取り込みませんでした",
                        at('C')
                    ));
                    continue;
                }
            },
            THREAT => {
                match threats
                    .iter()
                    .find(|t| t.medium.name() == target && t.name == name)
                {
                    Some(t) => Measure::Threat(t.id),
                    None => {
                        notes.push(format!("{}: 脅威「{name}」（{target}）がないため、この行は取り込みませんでした", at('D')));
                        continue;
                    }
                }
            }
            _ => {
                notes.push(format!("{}: 種類「{kind}」は「項目」か「脅威」のはずです。この行は取り込みませんでした", at('B')));
                continue;
            }
        };
        let status_text = cells::text(cell(6));
        let status = if status_text.is_empty() {
            PlanStatus::NotStarted
        } else if let Some(s) = PlanStatus::from_label(&status_text) {
            s
        } else {
            notes.push(format!("{}: 状態「{status_text}」は未着手・対応中・完了のどれでもないため、未着手として読みました", at('G')));
            PlanStatus::NotStarted
        };
        let due = cells::date(cell(5)).unwrap_or_else(|_| {
            notes.push(format!(
                "{}: 期限「{}」を日付として読めないため、期限なしとしました",
                at('F'),
                cells::text(cell(5))
            ));
            None
        });
        out.push(PlanEntry {
            owner: cells::text(cell(4)),
            due,
            status,
            memo: cells::text(cell(7)),
            ..PlanEntry::new(measure)
        });
    }
    out
}
