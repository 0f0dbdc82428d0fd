//! 診断結果: each category's rate as a formula over 対策状況チェック, the count of assets per risk
//! class, and the settings.

use super::formats::Formats;
use super::{ordered_items, print_setup};
use crate::calc::{Diagnosis, RiskLevel};
use crate::domain::Workbook;
use crate::xlsx::layout::*;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError};

pub(super) fn write(
    sheet: &mut Worksheet,
    wb: &Workbook,
    diagnosis: &Diagnosis,
    f: &Formats,
) -> Result<(), XlsxError> {
    super::formats::title_and_headers(sheet, DIAGNOSIS, &DIAGNOSIS_HEADERS, f)?;
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
