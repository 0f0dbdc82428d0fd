//! The year's records as riskbook's sheets after リスク対応: 年間計画, 実施記録, 従業員, 教育記録,
//! インシデント and 連絡網, with dropdowns on every choice (read back by `xlsx::year_sheets`).

use super::formats::{Formats, date_cell, list, title_and_headers};
use crate::domain::Workbook;
use crate::domain::year::duty::{Method, Outcome, Period};
use crate::domain::year::incident::{Kind, Level};
use crate::domain::year::training::{Attendance, Form};
use crate::xlsx::layout::*;
use rust_xlsxwriter::{Format, Workbook as XlsxBook, Worksheet, XlsxError};

/// Rows below the records that still get the dropdowns, for records added in Excel.
const ROOM: u32 = 200;

fn texts(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[(u16, &str)],
    format: &Format,
) -> Result<(), XlsxError> {
    for (col, text) in cells {
        sheet.write_string_with_format(row, *col, *text, format)?;
    }
    Ok(())
}

fn dropdown(
    sheet: &mut Worksheet,
    col: u16,
    rows: usize,
    labels: &[&str],
    title: &str,
) -> Result<(), XlsxError> {
    let last = YEAR_FIRST_ROW + rows as u32 + ROOM;
    let message = format!("{}から選んでください", labels.join("・"));
    sheet.add_data_validation(
        YEAR_FIRST_ROW,
        col,
        last,
        col,
        &list(labels, title, &message)?,
    )?;
    Ok(())
}

fn widths(sheet: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *w)?;
    }
    Ok(())
}

fn duties(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    title_and_headers(sheet, DUTIES, &DUTY_HEADERS, f)?;
    for (i, d) in wb.year.duties.iter().enumerate() {
        let row = YEAR_FIRST_ROW + i as u32;
        sheet.write_number_with_format(row, 0, d.id as f64, &f.center)?;
        texts(
            sheet,
            row,
            &[(1, &d.name), (2, d.period.label()), (3, &d.owner)],
            &f.cell,
        )?;
        date_cell(sheet, row, 4, d.next_due, f)?;
        texts(sheet, row, &[(5, d.method.label())], &f.center)?;
        texts(sheet, row, &[(6, &d.how)], &f.wrap)?;
    }
    let n = wb.year.duties.len();
    dropdown(sheet, 2, n, &Period::ALL.map(Period::label), "頻度")?;
    dropdown(sheet, 5, n, &Method::ALL.map(Method::label), "方法")?;
    widths(sheet, &[6.0, 26.0, 9.0, 16.0, 12.0, 7.0, 50.0])
}

fn duty_records(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    title_and_headers(sheet, DUTY_RECORDS, &DUTY_RECORD_HEADERS, f)?;
    let year = &wb.year;
    for (i, r) in year.duty_records.iter().enumerate() {
        let row = YEAR_FIRST_ROW + i as u32;
        let name = year
            .duties
            .iter()
            .find(|d| d.id == r.duty)
            .map_or("", |d| d.name.as_str());
        sheet.write_number_with_format(row, 0, r.duty as f64, &f.center)?;
        texts(sheet, row, &[(1, name)], &f.cell)?;
        date_cell(sheet, row, 2, Some(r.due), f)?;
        date_cell(sheet, row, 3, r.done_on, f)?;
        texts(
            sheet,
            row,
            &[(4, r.outcome.label()), (5, &r.by), (6, r.method.label())],
            &f.cell,
        )?;
        texts(sheet, row, &[(7, &r.result), (8, &r.remarks)], &f.wrap)?;
    }
    let n = year.duty_records.len();
    let outcomes = [Outcome::OnTime, Outcome::Late, Outcome::Skipped].map(Outcome::label);
    dropdown(sheet, 4, n, &outcomes, "区分")?;
    dropdown(sheet, 6, n, &Method::ALL.map(Method::label), "方法")?;
    widths(sheet, &[8.0, 24.0, 12.0, 12.0, 8.0, 14.0, 7.0, 30.0, 30.0])
}

fn staff(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    title_and_headers(sheet, STAFF, &STAFF_HEADERS, f)?;
    for (i, s) in wb.year.staff.iter().enumerate() {
        let row = YEAR_FIRST_ROW + i as u32;
        sheet.write_number_with_format(row, 0, s.id.0 as f64, &f.center)?;
        texts(sheet, row, &[(1, &s.department), (2, &s.name)], &f.cell)?;
        texts(
            sheet,
            row,
            &[(3, if s.active { "在籍" } else { "退職" })],
            &f.center,
        )?;
    }
    dropdown(sheet, 3, wb.year.staff.len(), &["在籍", "退職"], "在籍")?;
    widths(sheet, &[6.0, 20.0, 18.0, 8.0])
}

fn trainings(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    title_and_headers(sheet, TRAININGS, &TRAINING_HEADERS, f)?;
    let year = &wb.year;
    let mut row = YEAR_FIRST_ROW;
    for t in &year.trainings {
        let lines = t.attendees.len().max(1);
        for k in 0..lines {
            sheet.write_number_with_format(row, 0, t.id as f64, &f.center)?;
            date_cell(sheet, row, 1, Some(t.held_on), f)?;
            texts(
                sheet,
                row,
                &[
                    (2, &t.title),
                    (3, &t.content),
                    (4, t.form.label()),
                    (5, &t.lecturer),
                    (6, &t.audience),
                ],
                &f.cell,
            )?;
            if let Some(a) = t.attendees.get(k) {
                let name = year
                    .staff
                    .iter()
                    .find(|s| s.id == a.staff)
                    .map_or("", |s| s.name.as_str());
                sheet.write_number_with_format(row, 7, a.staff.0 as f64, &f.center)?;
                texts(
                    sheet,
                    row,
                    &[(8, name), (9, a.attendance.label()), (11, &a.follow_up)],
                    &f.cell,
                )?;
                match a.understanding {
                    Some(u) => {
                        sheet.write_number_with_format(row, 10, u.value() as f64, &f.center)?;
                    }
                    None => {
                        sheet.write_blank(row, 10, &f.center)?;
                    }
                }
            }
            row += 1;
        }
    }
    let n = (row - YEAR_FIRST_ROW) as usize;
    dropdown(sheet, 4, n, &Form::ALL.map(Form::label), "形式")?;
    let attendance = [Attendance::Attended, Attendance::Absent].map(Attendance::label);
    dropdown(sheet, 9, n, &attendance, "受講状況")?;
    dropdown(sheet, 10, n, &["1", "2", "3", "4"], "理解度")?;
    widths(
        sheet,
        &[
            8.0, 12.0, 24.0, 30.0, 14.0, 12.0, 14.0, 9.0, 14.0, 9.0, 9.0, 24.0,
        ],
    )
}

fn incidents(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    title_and_headers(sheet, INCIDENTS, &INCIDENT_HEADERS, f)?;
    for (i, x) in wb.year.incidents.iter().enumerate() {
        let row = YEAR_FIRST_ROW + i as u32;
        let rows: Vec<String> = x
            .assets
            .iter()
            .filter_map(|id| wb.assets.iter().position(|a| a.id == *id))
            .map(|i| (i + 1).to_string())
            .collect();
        let timeline: Vec<String> = x
            .timeline
            .iter()
            .map(|e| {
                format!(
                    "{} {} {}",
                    e.step.label(),
                    e.at.format(DATE_TIME_TEXT),
                    e.text
                )
            })
            .collect();
        let measures: Vec<String> = x.measures.iter().map(|n| n.0.to_string()).collect();
        sheet.write_number_with_format(row, 0, x.id as f64, &f.center)?;
        let found = x.found_at.format(DATE_TIME_TEXT).to_string();
        let occurred = x
            .occurred_at
            .map_or(String::new(), |at| at.format(DATE_TIME_TEXT).to_string());
        texts(
            sheet,
            row,
            &[
                (1, &found),
                (2, &occurred),
                (3, &x.found_by),
                (4, x.kind.label()),
                (6, &x.title),
            ],
            &f.cell,
        )?;
        sheet.write_number_with_format(row, 5, x.level.value() as f64, &f.center)?;
        texts(
            sheet,
            row,
            &[
                (7, &x.description),
                (8, &rows.join("、")),
                (9, &timeline.join("\n")),
                (10, &measures.join("、")),
            ],
            &f.wrap,
        )?;
    }
    let n = wb.year.incidents.len();
    dropdown(sheet, 4, n, &Kind::ALL.map(Kind::label), "区分")?;
    let levels = Level::ALL.map(|l| l.value().to_string());
    let levels: Vec<&str> = levels.iter().map(String::as_str).collect();
    dropdown(sheet, 5, n, &levels, "事故レベル")?;
    widths(
        sheet,
        &[
            6.0, 16.0, 16.0, 12.0, 12.0, 9.0, 26.0, 30.0, 14.0, 44.0, 16.0,
        ],
    )
}

fn contacts(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    title_and_headers(sheet, CONTACTS, &CONTACT_HEADERS, f)?;
    for (i, c) in wb.year.contacts.iter().enumerate() {
        let row = YEAR_FIRST_ROW + i as u32;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.center)?;
        texts(
            sheet,
            row,
            &[
                (1, &c.role),
                (2, &c.name),
                (3, &c.phone),
                (4, &c.mail),
                (5, &c.note),
            ],
            &f.cell,
        )?;
    }
    widths(sheet, &[5.0, 22.0, 16.0, 16.0, 26.0, 30.0])
}

/// Adds the six sheets to `book`.
/// Nothing for a workbook with no year at all (a bare IPA workbook), so its export stays the IPA
/// sheets plus riskbook's two; a database always has its 年間計画 and 連絡網 roles.
pub(super) fn write(book: &mut XlsxBook, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    if wb.year.is_empty() {
        return Ok(());
    }
    duties(book.add_worksheet(), wb, f)?;
    duty_records(book.add_worksheet(), wb, f)?;
    staff(book.add_worksheet(), wb, f)?;
    trainings(book.add_worksheet(), wb, f)?;
    incidents(book.add_worksheet(), wb, f)?;
    contacts(book.add_worksheet(), wb, f)
}
