//! Asset lists in a company's own layout, made the way people make them in Excel.

use rust_xlsxwriter::{Format, Workbook as Xlsx};
use std::path::{Path, PathBuf};

/// A list as a general affairs department keeps it: a title, a blank row, a header whose 「評価」
/// is merged over three columns C, I, A on the row below, and a second sheet of notes.
pub fn company_list(dir: &Path, rows: &[[&str; 7]]) -> PathBuf {
    let mut book = Xlsx::new();
    let notes = book.add_worksheet();
    notes.set_name("説明").unwrap();
    notes.write(0, 0, "この一覧は年に一度見直します").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("資産一覧").unwrap();
    sheet
        .write(0, 0, "株式会社みなと精工 情報資産一覧（2024年度）")
        .unwrap();
    let bold = Format::new().set_bold();
    for (c, h) in ["No.", "資産名", "保管場所", "", "", "", "担当部署"]
        .iter()
        .enumerate()
    {
        if !h.is_empty() {
            sheet.write_with_format(2, c as u16, *h, &bold).unwrap();
        }
    }
    sheet.merge_range(2, 3, 2, 5, "評価", &bold).unwrap();
    for (c, h) in ["C", "I", "A"].iter().enumerate() {
        sheet.write_with_format(3, 3 + c as u16, *h, &bold).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            // Numbers as numbers, as Excel stores what is typed.
            match value.parse::<f64>() {
                Ok(n) => sheet.write(4 + r as u32, c as u16, n).unwrap(),
                Err(_) => sheet.write(4 + r as u32, c as u16, *value).unwrap(),
            };
        }
    }
    let path = dir.join("資産一覧.xlsx");
    book.save(&path).unwrap();
    path
}
