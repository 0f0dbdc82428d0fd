//! 情報資産管理台帳: the assets as text and numbers, 重要度 and M–S as formulas over 脅威の状況,
//! dropdowns and the risk classes' colours.

use super::formats::{Formats, list};
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

fn threat_sheet_ref(range: &str) -> String {
    format!("'{THREATS}'!{range}")
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
    let medium_names = threat_sheet_ref(&format!(
        "$I${}:$I${}",
        LIST_FIRST_ROW + 1,
        LIST_FIRST_ROW + Medium::ALL.len() as u32
    ));
    let medium_col = |col: &str| {
        threat_sheet_ref(&format!(
            "${col}${}:${col}${}",
            LIST_FIRST_ROW + 1,
            LIST_FIRST_ROW + Medium::ALL.len() as u32
        ))
    };
    for (i, (a, r)) in wb.assets.iter().zip(&assessment.assets).enumerate() {
        let row = REGISTER_FIRST_ROW + i as u32;
        // Always as text: a name like "=売上" must never become a formula.
        for (column, text) in text_cells(a) {
            sheet.write_string_with_format(row, col(column), text, &f.cell)?;
        }
        let medium = col(Column::Medium);
        match a.medium {
            Some(m) => sheet.write_string_with_format(row, medium, m.name(), &f.cell)?,
            None => sheet.write_blank(row, medium, &f.cell)?,
        };
        for (column, flag) in [
            (Column::Personal, a.personal_info),
            (Column::Sensitive, a.sensitive_info),
            (Column::MyNumber, a.my_number),
        ] {
            if flag {
                sheet.write_string_with_format(row, col(column), "有", &f.center)?;
            } else {
                sheet.write_blank(row, col(column), &f.center)?;
            }
        }
        for (column, rating) in [
            (Column::Confidentiality, a.confidentiality),
            (Column::Integrity, a.integrity),
            (Column::Availability, a.availability),
        ] {
            match rating {
                Some(v) => {
                    sheet.write_number_with_format(row, col(column), v.value() as f64, &f.center)?
                }
                None => sheet.write_blank(row, col(column), &f.center)?,
            };
        }
        let (j, l, mcell, rcell) = (
            cell_name(row, col(Column::Confidentiality)),
            cell_name(row, col(Column::Availability)),
            cell_name(row, col(Column::Importance)),
            cell_name(row, col(Column::Likelihood)),
        );
        sheet.write_formula_with_format(
            row,
            col(Column::Importance),
            Formula::new(format!("=IF(COUNT({j}:{l})<3,\"\",MAX({j}:{l}))"))
                .set_result(opt(r.importance)),
            &f.center,
        )?;
        match a.registered {
            Some(d) => {
                let date = rust_xlsxwriter::ExcelDateTime::from_ymd(
                    chrono::Datelike::year(&d) as u16,
                    chrono::Datelike::month(&d) as u8,
                    chrono::Datelike::day(&d) as u8,
                )?;
                sheet.write_datetime_with_format(row, col(Column::Registered), &date, &f.date)?
            }
            None => sheet.write_blank(row, col(Column::Registered), &f.date)?,
        };
        let fcell = cell_name(row, medium);
        for (k, (list_col, value)) in [
            ("M", r.number(Column::Threat)),
            ("N", r.number(Column::Vulnerability)),
            ("O", r.number(Column::Likelihood)),
        ]
        .into_iter()
        .enumerate()
        {
            sheet.write_formula_with_format(
                row,
                col(Column::Threat) + k as u16,
                Formula::new(format!(
                    "=IFERROR(INDEX({},MATCH(${fcell},{medium_names},0)),\"\")",
                    medium_col(list_col)
                ))
                .set_result(opt(value)),
                &f.center,
            )?;
        }
        let risk_cached = r.risk.map_or("未算定".to_string(), |v| v.to_string());
        sheet.write_formula_with_format(
            row,
            col(Column::Risk),
            Formula::new(format!(
                "=IF(OR({mcell}=\"\",{rcell}=\"\"),\"未算定\",{mcell}*{rcell})"
            ))
            .set_result(risk_cached),
            &f.risk,
        )?;
    }
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
            "2: 深刻な影響（法律で安全管理が義務、漏えい・改ざん・停止が取引先や顧客に大きな影響）\n1: 事業に大きな影響\n0: 影響なし",
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
