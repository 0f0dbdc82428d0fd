//! The PDF report read back as text, for tests that check what it says.

use chrono::NaiveDate;
use riskbook::calc::Evaluated;
use riskbook::report::{ReportInput, pdf};
use std::path::Path;

/// The PDF's text in drawing order, which keeps each table row together; spaces are dropped.
pub fn text_of(path: &Path) -> String {
    pdf_extract::extract_text(path)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The text of the report of `results` made on `created_on`, without a comparison.
pub fn report_text(results: &Evaluated, created_on: NaiveDate) -> String {
    let bytes = pdf(&ReportInput {
        results,
        created_on,
        previous: None,
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, bytes).unwrap();
    text_of(&path)
}
