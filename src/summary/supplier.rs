//! The 委託先 in `summary --json`: each one's name, next evaluation, last evaluation's year,
//! result and ○ / × / 該当なし counts. Dates are YYYY-MM-DD.

use crate::calc::supplier::totals;
use crate::domain::Workbook;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SupplierSummary {
    pub name: String,
    pub next_evaluation: Option<String>,
    /// The year of the last evaluation; None: never evaluated.
    pub last_year: Option<i32>,
    /// 継続 / 改善を依頼 / 見直し of the last evaluation.
    pub last_result: Option<&'static str>,
    pub yes: usize,
    pub no: usize,
    pub not_applicable: usize,
}

pub fn suppliers(wb: &Workbook) -> Vec<SupplierSummary> {
    let all = &wb.suppliers;
    all.list
        .iter()
        .map(|s| {
            let last = all.last_evaluation(s.id);
            let counts = totals(last);
            SupplierSummary {
                name: s.name.clone(),
                next_evaluation: all
                    .next_evaluation(s)
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                last_year: last.map(|e| e.year),
                last_result: last.and_then(|e| e.verdict).map(|v| v.label()),
                yes: counts.yes,
                no: counts.no,
                not_applicable: counts.not_applicable,
            }
        })
        .collect()
}
