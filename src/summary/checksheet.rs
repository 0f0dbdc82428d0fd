//! The customers' check sheets in `summary --json` (`checksheets`) and in `checksheet list --json`.

use crate::calc::checksheet::counts;
use crate::domain::checksheet::{CheckSheet, Requirement};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct CheckSheetSummary {
    pub name: String,
    pub customer: String,
    pub file: String,
    pub sheet: String,
    pub items: usize,
    pub required: usize,
    pub optional: usize,
    pub answered: usize,
    pub required_met: usize,
    /// 必須 answered 一部 or 未達.
    pub required_not_met: usize,
    pub required_not_applicable: usize,
    /// The customer's dropdown words, in the sheet's order.
    pub options: Vec<String>,
}

pub fn checksheet(sheet: &CheckSheet) -> CheckSheetSummary {
    let c = counts(sheet);
    CheckSheetSummary {
        name: sheet.name.clone(),
        customer: sheet.customer.clone(),
        file: sheet.source.file_name.clone(),
        sheet: sheet.source.sheet.clone(),
        items: c.items,
        required: c.required,
        optional: sheet
            .items
            .iter()
            .filter(|i| i.requirement == Requirement::Optional)
            .count(),
        answered: c.answered,
        required_met: c.required_met,
        required_not_met: c.required_short,
        required_not_applicable: c.required_not_applicable,
        options: sheet.scale.words().map(str::to_string).collect(),
    }
}
