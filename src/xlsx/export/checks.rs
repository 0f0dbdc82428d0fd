//! 対策状況チェック: the questions by category, the answers with a dropdown, their meaning as a formula.

use super::formats::{Formats, list};
use super::{ordered_items, print_setup};
use crate::domain::{Answer, Workbook};
use crate::xlsx::layout::*;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError};

pub(super) fn write(sheet: &mut Worksheet, wb: &Workbook, f: &Formats) -> Result<(), XlsxError> {
    super::formats::title_and_headers(sheet, CHECKS, &CHECK_HEADERS, f)?;
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
