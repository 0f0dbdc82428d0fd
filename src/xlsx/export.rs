//! Writes the workbook in the IPA sheet's layout: four sheets, two-row headers, dropdowns on every
//! choice, and formulas (with their results cached) for 重要度, P–S and the 診断結果 rates, so the file
//! keeps working in Excel or LibreOffice when someone edits it there.

use super::layout::*;
use crate::calc::palette::hex;
use crate::calc::{Assessment, Diagnosis, Evaluated, RiskLevel};
use crate::domain::register::{Column, text_cells};
use crate::domain::scales::{Likelihood, Vulnerability};
use crate::domain::{Answer, CheckItem, Frequency, Medium, Workbook};
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, DataValidation, DataValidationErrorStyle, Format, FormatAlign,
    FormatBorder, Formula, Workbook as XlsxBook, Worksheet, XlsxError,
};
use std::collections::HashMap;
use std::path::Path;

/// The sheet column (0 = A) of a 台帳 column.
fn col(column: Column) -> u16 {
    column.index() as u16
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("Excel ファイル「{path}」を書き出せませんでした: {detail}")]
    Write {
        path: std::path::PathBuf,
        detail: String,
    },
}

pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) header: Format,
    pub(super) cell: Format,
    pub(super) wrap: Format,
    pub(super) center: Format,
    pub(super) date: Format,
    pub(super) risk: Format,
    pub(super) percent: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        let base = Format::new()
            .set_font_name("游ゴシック")
            .set_font_size(10)
            .set_border(FormatBorder::Thin);
        Formats {
            title: Format::new()
                .set_font_name("游ゴシック")
                .set_font_size(14)
                .set_bold(),
            header: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xDDE5F0)),
            cell: base.clone(),
            wrap: base.clone().set_text_wrap().set_align(FormatAlign::Top),
            center: base.clone().set_align(FormatAlign::Center),
            date: base
                .clone()
                .set_num_format("yyyy/m/d")
                .set_align(FormatAlign::Center),
            risk: base
                .clone()
                .set_num_format(r#"[>=4]0"リスク大";[>=1]0"リスク中";0"リスク小""#)
                .set_align(FormatAlign::Center),
            percent: base.set_num_format("0.0%"),
        }
    }
}

pub(super) fn list(
    items: &[&str],
    title: &str,
    message: &str,
) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_list_strings(items)?
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title(title)?
        .set_error_message(message)
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

/// The key 脅威の状況's column F gives each threat, as its formula
/// `p*100000+t*10000+9999-ROW()` does: unique per row, so the worst threat of a medium is the one
/// with the higher p, then the higher t, then the first listed (docs/method.md §4.4).
fn ranking_key(p: Likelihood, t: Frequency, sheet_row: u32) -> i64 {
    p.value() as i64 * 100_000 + t.value() as i64 * 10_000 + 9_999 - (sheet_row as i64 + 1)
}

fn threat_sheet_ref(range: &str) -> String {
    format!("'{THREATS}'!{range}")
}

/// Checks in the order they are written: by category, so each category's answers are one range.
fn ordered_items(wb: &Workbook) -> Vec<&CheckItem> {
    let mut items: Vec<&CheckItem> = wb.items.iter().collect();
    items.sort_by_key(|i| i.category);
    items
}

fn write_checks(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(CHECKS)?;
    sheet.write_string_with_format(0, 0, CHECKS, &f.title)?;
    for (col, h) in CHECK_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *h, &f.header)?;
    }
    let items = ordered_items(wb);
    for (i, item) in items.iter().enumerate() {
        let row = LIST_FIRST_ROW + i as u32;
        let category = wb
            .categories
            .iter()
            .find(|c| c.no == item.category)
            .map_or(String::new(), |c| format!("({}) {}", c.no, c.name));
        sheet.write_string_with_format(row, 0, &category, &f.wrap)?;
        sheet.write_number_with_format(row, 1, item.no.0 as f64, &f.center)?;
        sheet.write_string_with_format(row, 2, &item.question, &f.wrap)?;
        match item.answer {
            Some(a) => sheet.write_number_with_format(row, 3, a.value() as f64, &f.center)?,
            None => sheet.write_blank(row, 3, &f.center)?,
        };
        let d = cell_name(row, 3);
        let meaning = format!(
            "=IF({d}=\"\",\"未回答\",CHOOSE({d},\"{}\",\"{}\",\"{}\",\"{}\"))",
            Answer::Implemented.label(),
            Answer::Partly.label(),
            Answer::NotImplemented.label(),
            Answer::NotApplicable.label()
        );
        let cached = item.answer.map_or("未回答", |a| a.label());
        sheet.write_formula_with_format(
            row,
            4,
            Formula::new(meaning).set_result(cached),
            &f.cell,
        )?;
        sheet.write_string_with_format(row, 5, &item.help, &f.wrap)?;
    }
    if !items.is_empty() {
        let last = LIST_FIRST_ROW + items.len() as u32 - 1;
        let v = list(&["1", "2", "3", "4"], "回答値", "1〜4 から選んでください。")?.set_input_message(
            "1 実施している\n2 一部実施している\n3 実施していない／わからない\n4 自社には該当しない",
        )?;
        sheet.add_data_validation(LIST_FIRST_ROW, 3, last, 3, &v)?;
    }
    for (col, width) in [
        (0, 22.0),
        (1, 5.0),
        (2, 70.0),
        (3, 12.0),
        (4, 22.0),
        (5, 50.0),
    ] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(LIST_FIRST_ROW, 0)?;
    print_setup(sheet, 1);
    Ok(())
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

fn write_threats(
    sheet: &mut Worksheet,
    wb: &Workbook,
    assessment: &Assessment,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(THREATS)?;
    sheet.write_string_with_format(0, 0, THREATS, &f.title)?;
    for (col, h) in THREAT_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *h, &f.header)?;
    }
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
        (6, 30.0),
    ] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_column_hidden(5)?;
    for col in c0..c0 + 7 {
        sheet.set_column_width(col, 12.0)?;
    }
    sheet.set_freeze_panes(LIST_FIRST_ROW, 0)?;
    print_setup(sheet, 1);
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

fn write_register(
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

fn write_diagnosis(
    sheet: &mut Worksheet,
    wb: &Workbook,
    diagnosis: &Diagnosis,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(DIAGNOSIS)?;
    sheet.write_string_with_format(0, 0, DIAGNOSIS, &f.title)?;
    for (col, h) in DIAGNOSIS_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *h, &f.header)?;
    }
    let items = ordered_items(wb);
    for (i, c) in diagnosis.categories.iter().enumerate() {
        let row = 2 + i as u32;
        sheet.write_string_with_format(row, 0, format!("({}) {}", c.no, c.name), &f.cell)?;
        sheet.write_string_with_format(row, 1, c.need.mark(), &f.center)?;
        let first = items.iter().position(|it| it.category == c.no);
        let formula = match first {
            Some(first) => {
                let from = LIST_FIRST_ROW + first as u32 + 1;
                let to = from + c.items as u32 - 1;
                let r = format!("'{CHECKS}'!$D${from}:$D${to}");
                format!(
                    "=IF(ROWS({r})-COUNTIF({r},4)=0,\"該当なし\",COUNTIF({r},1)/(ROWS({r})-COUNTIF({r},4)))"
                )
            }
            None => "=\"該当なし\"".into(),
        };
        let cached = c.rate.map_or("該当なし".to_string(), |r| r.to_string());
        sheet.write_formula_with_format(
            row,
            2,
            Formula::new(formula).set_result(cached),
            &f.percent,
        )?;
        sheet.write_string_with_format(row, 3, c.need.policy_text(), &f.cell)?;
    }
    let mut row = 3 + diagnosis.categories.len() as u32;
    sheet.write_string_with_format(row, 0, "リスク値ごとの情報資産の数", &f.header)?;
    sheet.write_string_with_format(row, 1, "件数", &f.header)?;
    let last = REGISTER_FIRST_ROW + wb.assets.len().max(1) as u32;
    let s = format!("'{REGISTER}'!$S${}:$S${last}", REGISTER_FIRST_ROW + 1);
    let rules = [
        (RiskLevel::High, format!("=COUNTIF({s},\">=4\")")),
        (
            RiskLevel::Medium,
            format!("=COUNTIFS({s},\">=1\",{s},\"<=3\")"),
        ),
        (RiskLevel::Low, format!("=COUNTIF({s},0)")),
        (RiskLevel::Unrated, format!("=COUNTIF({s},\"未算定\")")),
    ];
    for (level, formula) in rules {
        row += 1;
        sheet.write_string_with_format(row, 0, level.label(), &f.cell)?;
        sheet.write_formula_with_format(
            row,
            1,
            Formula::new(formula).set_result(diagnosis.count(level).to_string()),
            &f.center,
        )?;
    }
    row += 2;
    let s = &wb.settings;
    let date = s
        .assessed_on
        .map_or(String::new(), |d| d.format("%Y/%m/%d").to_string());
    for (label, value) in [
        (SETTING_COMPANY, s.company.as_str()),
        (SETTING_ASSESSOR, s.assessor.as_str()),
        (SETTING_DATE, date.as_str()),
    ] {
        sheet.write_string_with_format(row, 0, label, &f.header)?;
        sheet.write_string_with_format(row, 1, value, &f.cell)?;
        row += 1;
    }
    for (col, width) in [(0, 46.0), (1, 22.0), (2, 24.0), (3, 32.0)] {
        sheet.set_column_width(col, width)?;
    }
    print_setup(sheet, 1);
    Ok(())
}

/// A4 landscape, fit to the page width.
fn print_setup(sheet: &mut Worksheet, _pages_wide: u16) {
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
}

/// The workbook as .xlsx bytes.
pub fn xlsx_bytes(
    wb: &Workbook,
    assessment: &Assessment,
    diagnosis: &Diagnosis,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut book = XlsxBook::new();
    write_register(book.add_worksheet(), wb, assessment, &f)?;
    write_threats(book.add_worksheet(), wb, assessment, &f)?;
    write_checks(book.add_worksheet(), wb, &f)?;
    write_diagnosis(book.add_worksheet(), wb, diagnosis, &f)?;
    // After the four IPA sheets, which stay as they are: Excel and an older riskbook ignore it.
    super::plan_sheet::write(book.add_worksheet(), wb, &f)?;
    book.save_to_buffer()
}

/// Writes the workbook to `path` (through a temporary file beside it).
pub fn export(results: &Evaluated, path: &Path) -> Result<(), ExportError> {
    let (wb, assessment, diagnosis) = (&results.workbook, &results.assessment, &results.diagnosis);
    let err = |detail: String| ExportError::Write {
        path: path.to_path_buf(),
        detail,
    };
    let bytes = xlsx_bytes(wb, assessment, diagnosis).map_err(|e| err(e.to_string()))?;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(|e| err(e.to_string()))?;
    std::fs::rename(&tmp, path).map_err(|e| err(e.to_string()))
}
