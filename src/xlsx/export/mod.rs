//! Writes the workbook in the IPA sheet's layout: four sheets, two-row headers, dropdowns on every
//! choice, and formulas (with their results cached) for 重要度, P–S and the 診断結果 rates, so the file
//! keeps working in Excel or LibreOffice when someone edits it there.

mod checks;
mod diagnosis;
mod formats;
mod plan;
mod register;
mod threats;
mod treatment;
mod year;

use crate::calc::{Assessment, Diagnosis, Evaluated};
use crate::domain::{CheckItem, Workbook};
use formats::Formats;
use rust_xlsxwriter::{Workbook as XlsxBook, Worksheet, XlsxError};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("Excel ファイル「{path}」を書き出せませんでした：{detail}")]
    Write {
        path: std::path::PathBuf,
        detail: String,
    },
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

/// Checks in the order they are written: by category, so each category's answers are one range.
fn ordered_items(wb: &Workbook) -> Vec<&CheckItem> {
    let mut items: Vec<&CheckItem> = wb.items.iter().collect();
    items.sort_by_key(|i| i.category);
    items
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
    // Compression takes much of the time of a large export; level 2 instead of 6 makes it several
    // times faster for a file about a fifth larger. Only the zip changes, not the sheets in it.
    book.set_zip_compression_level(2);
    // The two sheets with a row per asset are made side by side. A sheet made on its own and added
    // is the same as one added empty and then filled: its formats and strings are numbered for the
    // workbook when it is saved, in the order of the sheets.
    let (register, treatment) = std::thread::scope(|scope| {
        let treatment = scope.spawn(|| {
            let mut sheet = Worksheet::new();
            treatment::write(&mut sheet, wb, assessment, &f).map(|_| sheet)
        });
        let mut register = Worksheet::new();
        let register = register::write(&mut register, wb, assessment, &f).map(|_| register);
        let treatment = treatment
            .join()
            .expect("the リスク対応 sheet's thread panicked");
        (register, treatment)
    });
    book.push_worksheet(register?);
    threats::write(book.add_worksheet(), wb, assessment, &f)?;
    checks::write(book.add_worksheet(), wb, &f)?;
    diagnosis::write(book.add_worksheet(), wb, diagnosis, &f)?;
    // After the four IPA sheets, which stay as they are: Excel and an older riskbook ignore it.
    plan::write(book.add_worksheet(), wb, &f)?;
    book.push_worksheet(treatment?);
    year::write(&mut book, wb, &f)?;
    let bytes = book.save_to_buffer()?;
    // Freeing a large workbook's cells takes a tenth of its export; nobody needs to wait for it (if
    // no thread can be had, it is freed here).
    let _ = std::thread::Builder::new().spawn(move || drop(book));
    Ok(bytes)
}

/// Writes the workbook to `path` (through a temporary file beside it).
pub fn export(results: &Evaluated, path: &Path) -> Result<(), ExportError> {
    let (wb, assessment, diagnosis) = (&results.workbook, &results.assessment, &results.diagnosis);
    let err = |detail: String| ExportError::Write {
        path: path.to_path_buf(),
        detail,
    };
    let bytes = xlsx_bytes(wb, assessment, diagnosis).map_err(|e| err(e.to_string()))?;
    crate::output_file::write_beside(path, &bytes).map_err(|e| err(e.to_string()))
}
