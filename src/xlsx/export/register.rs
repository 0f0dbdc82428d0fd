//! 情報資産管理台帳: the assets as text and numbers, 重要度 and M–S as formulas over 脅威の状況,
//! dropdowns and the risk classes' colours.

use super::formats::{
    FORMAT_BLOCK, FormatRuns, Formats, excel_date, format_rows, format_runs, list,
};
use super::{opt, print_setup};
use crate::calc::palette::hex;
use crate::calc::{Assessment, RiskLevel};
use crate::domain::register::{Column, text_cells};
use crate::domain::{Medium, Workbook};
use crate::xlsx::layout::*;
use rust_xlsxwriter::{Color, ConditionalFormatFormula, Format, Formula, Worksheet, XlsxError};

/// The sheet column (0 = A) of a 台帳 column.
fn col(column: Column) -> u16 {
    column.index() as u16
}

/// The format of a column's data cells.
fn cell_format(column: Column, f: &Formats) -> &Format {
    match column {
        _ if column.is_text() => &f.cell,
        Column::Medium => &f.cell,
        Column::Registered => &f.date,
        Column::Risk => &f.risk,
        _ => &f.center,
    }
}

/// The columns A–S as runs of neighbours with the same format.
fn register_runs(f: &Formats) -> FormatRuns<'_> {
    format_runs(Column::ALL.map(|column| (col(column), cell_format(column, f))))
}

/// The formulas of one row, in the order they are written: M, then P, Q, R, then S.
type RowFormulas = [Formula; 5];

/// The formulas of the assets, in blocks of `FORMAT_BLOCK` rows, sent as they are made. Making
/// them (the text, and rust_xlsxwriter's scan of it for newer functions) is a good part of a large
/// export: it runs on a second thread while the sheet takes the values.
fn make_formulas(
    wb: &Workbook,
    assessment: &Assessment,
    send: std::sync::mpsc::SyncSender<Vec<RowFormulas>>,
) {
    let [f, j, l, m, likelihood] = [
        Column::Medium,
        Column::Confidentiality,
        Column::Availability,
        Column::Importance,
        Column::Likelihood,
    ]
    .map(Column::letter);
    let threat_ranges = {
        let worst = |threat_col: &str| {
            format!(
                "'{THREATS}'!${threat_col}${}:${threat_col}${}",
                LIST_FIRST_ROW + 1,
                LIST_FIRST_ROW + Medium::ALL.len() as u32
            )
        };
        // 脅威の状況's columns I (medium) and M–O (the worst threat's frequency, vulnerability,
        // likelihood).
        let names = worst("I");
        ["M", "N", "O"].map(|c| (worst(c), names.clone()))
    };
    let rows = wb.assets.len().min(assessment.assets.len());
    for (block, risks) in assessment.assets[..rows].chunks(FORMAT_BLOCK).enumerate() {
        let formulas = risks
            .iter()
            .enumerate()
            .map(|(k, risk)| {
                // The row's number in A1 references.
                let n = REGISTER_FIRST_ROW + (block * FORMAT_BLOCK + k) as u32 + 1;
                let importance = Formula::new(format!(
                    "=IF(COUNT({j}{n}:{l}{n})<3,\"\",MAX({j}{n}:{l}{n}))"
                ))
                .set_result(opt(risk.importance));
                let [p, q, r] = [
                    (0, Column::Threat),
                    (1, Column::Vulnerability),
                    (2, Column::Likelihood),
                ]
                .map(|(at, column)| {
                    let (values, names) = &threat_ranges[at];
                    Formula::new(format!(
                        "=IFERROR(INDEX({values},MATCH(${f}{n},{names},0)),\"\")"
                    ))
                    .set_result(opt(risk.number(column)))
                });
                let cached = risk.risk.map_or("未算定".to_string(), |v| v.to_string());
                let s = Formula::new(format!(
                    "=IF(OR({m}{n}=\"\",{likelihood}{n}=\"\"),\"未算定\",{m}{n}*{likelihood}{n})"
                ))
                .set_result(cached);
                [importance, p, q, r, s]
            })
            .collect();
        if send.send(formulas).is_err() {
            return; // the sheet failed and stopped taking them
        }
    }
}

/// The assets' values and formulas, written without a format and formatted a block at a time
/// (`format_rows`).
fn write_assets(
    sheet: &mut Worksheet,
    wb: &Workbook,
    assessment: &Assessment,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let runs = register_runs(formats);
    std::thread::scope(|scope| {
        let (send, blocks) = std::sync::mpsc::sync_channel(4);
        scope.spawn(move || make_formulas(wb, assessment, send));
        let count = wb.assets.len().min(assessment.assets.len());
        let mut rows = wb.assets[..count].iter().enumerate();
        for block in blocks {
            let first = REGISTER_FIRST_ROW + (count - rows.len()) as u32;
            let mut last = first;
            for ([importance, p, q, r, s], (i, a)) in block.into_iter().zip(&mut rows) {
                let row = REGISTER_FIRST_ROW + i as u32;
                last = row;
                write_values(sheet, row, a)?;
                sheet.write_formula(row, col(Column::Importance), importance)?;
                if let Some(d) = a.registered {
                    sheet.write_datetime(row, col(Column::Registered), excel_date(d)?)?;
                }
                for (k, formula) in [p, q, r].into_iter().enumerate() {
                    sheet.write_formula(row, col(Column::Threat) + k as u16, formula)?;
                }
                sheet.write_formula(row, col(Column::Risk), s)?;
            }
            format_rows(sheet, first, last, &runs)?;
        }
        Ok(())
    })
}

/// A row's typed values: the texts, 媒体, the 有 of the personal information columns, the ratings.
fn write_values(
    sheet: &mut Worksheet,
    row: u32,
    a: &crate::domain::Asset,
) -> Result<(), XlsxError> {
    // Always as text: a name like "=売上" must never become a formula.
    for (column, text) in text_cells(a) {
        sheet.write_string(row, col(column), text)?;
    }
    if let Some(m) = a.medium {
        sheet.write_string(row, col(Column::Medium), m.name())?;
    }
    for (column, flag) in [
        (Column::Personal, a.personal_info),
        (Column::Sensitive, a.sensitive_info),
        (Column::MyNumber, a.my_number),
    ] {
        if flag {
            sheet.write_string(row, col(column), "有")?;
        }
    }
    for (column, rating) in [
        (Column::Confidentiality, a.confidentiality),
        (Column::Integrity, a.integrity),
        (Column::Availability, a.availability),
    ] {
        if let Some(v) = rating {
            sheet.write_number(row, col(column), v.value() as f64)?;
        }
    }
    Ok(())
}

fn register_headers(sheet: &mut Worksheet, f: &Formats) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, REGISTER, &f.title)?;
    let grouped = |c: Column| {
        matches!(
            c,
            Column::Personal
                | Column::Sensitive
                | Column::MyNumber
                | Column::Confidentiality
                | Column::Integrity
                | Column::Availability
                | Column::Importance
                | Column::Threat
                | Column::Vulnerability
                | Column::Likelihood
                | Column::Risk
        )
    };
    for (col, column) in Column::ALL.iter().enumerate() {
        let col = col as u16;
        if grouped(*column) {
            sheet.write_string_with_format(2, col, column.header(), &f.header)?;
        } else {
            sheet.merge_range(1, col, 2, col, column.header(), &f.header)?;
        }
    }
    for (first, last, title) in [
        (Column::Personal, Column::MyNumber, GROUP_PERSONAL),
        (Column::Confidentiality, Column::Importance, GROUP_RATINGS),
        (Column::Threat, Column::Risk, GROUP_RISK),
    ] {
        sheet.merge_range(1, col(first), 1, col(last), title, &f.header)?;
    }
    sheet.set_row_height(2, 30.0)?;
    Ok(())
}

pub(super) fn write(
    sheet: &mut Worksheet,
    wb: &Workbook,
    assessment: &Assessment,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(REGISTER)?;
    register_headers(sheet, f)?;
    write_assets(sheet, wb, assessment, f)?;
    let last = REGISTER_FIRST_ROW + wb.assets.len().max(1) as u32 + 499;
    let media: Vec<&str> = Medium::ALL.iter().map(|m| m.name()).collect();
    sheet.add_data_validation(
        REGISTER_FIRST_ROW,
        col(Column::Medium),
        last,
        col(Column::Medium),
        &list(&media, "媒体・保存先", "一覧から選んでください。")?,
    )?;
    sheet.add_data_validation(
        REGISTER_FIRST_ROW,
        col(Column::Personal),
        last,
        col(Column::MyNumber),
        &list(
            &["有"],
            "個人情報の種類",
            "含まれる場合は「有」を選んでください。",
        )?,
    )?;
    sheet.add_data_validation(
        REGISTER_FIRST_ROW,
        col(Column::Confidentiality),
        last,
        col(Column::Availability),
        &list(&["2", "1", "0"], "評価値", "0〜2 から選んでください。")?.set_input_message(
            "2：深刻な影響（法律で安全管理が義務、漏えい・改ざん・停止が取引先や顧客に大きな影響）\n1：事業に大きな影響\n0：影響なし",
        )?,
    )?;
    // Risk classes coloured from S (docs/method.md: 大 red, 中 yellow, 小 green, 未算定 grey).
    let s = format!("${}{}", Column::Risk.letter(), REGISTER_FIRST_ROW + 1);
    for (rule, level) in [
        (format!("=AND(ISNUMBER({s}),{s}>=4)"), RiskLevel::High),
        (
            format!("=AND(ISNUMBER({s}),{s}>=1,{s}<=3)"),
            RiskLevel::Medium,
        ),
        (format!("=AND(ISNUMBER({s}),{s}=0)"), RiskLevel::Low),
        (format!("={s}=\"未算定\""), RiskLevel::Unrated),
    ] {
        let colors = level.colors();
        let cf = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(
                Format::new()
                    .set_background_color(Color::RGB(hex(colors.fill)))
                    .set_font_color(Color::RGB(hex(colors.text))),
            );
        let (m, p, s) = (
            col(Column::Importance),
            col(Column::Threat),
            col(Column::Risk),
        );
        sheet.add_conditional_format(REGISTER_FIRST_ROW, m, last, m, &cf)?;
        sheet.add_conditional_format(REGISTER_FIRST_ROW, p, last, s, &cf)?;
    }
    for (col, column) in Column::ALL.iter().enumerate() {
        let width = match column {
            Column::Name | Column::Note => 24.0,
            Column::Medium => 13.0,
            Column::Category | Column::Users | Column::Department => 11.0,
            Column::Registered => 11.0,
            Column::Threat | Column::Likelihood => 9.0,
            Column::Risk => 11.0,
            _ => 7.0,
        };
        sheet.set_column_width(col as u16, width)?;
    }
    sheet.set_freeze_panes(REGISTER_FIRST_ROW, 2)?;
    sheet.set_repeat_rows(1, 2)?;
    print_setup(sheet, 1);
    Ok(())
}
