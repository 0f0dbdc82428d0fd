//! The PDF report of a session: what it is made from, gathered once so the window (on a worker
//! thread) and the command line write the same report.

use super::Session;
use crate::calc::Evaluated;
use crate::report::{ReportError, ReportInput, write_pages, write_pdf};
use crate::store::StoreResult;
use chrono::NaiveDate;
use std::path::Path;

/// Everything a report needs, owned so it can be written on another thread.
/// A PDF a session asked for, owned so the window can write it on another thread (the command line
/// writes it at once): the report, the annual report, the 連絡網, the 基本方針, a 委託先's list.
pub trait PdfRequest: Send + 'static {
    /// Writes the PDF to `path` (through a file beside it).
    fn write(&self, path: &Path) -> Result<(), ReportError>;
}

pub struct ReportRequest {
    pub results: Evaluated,
    /// The last confirmed assessment (label and results), for 前回との比較.
    pub previous: Option<(String, Evaluated)>,
    pub created_on: NaiveDate,
}

impl ReportRequest {
    /// The report of `session` as it is now, dated today; with `compare`, against the last
    /// confirmed assessment (an error when there is none).
    pub fn new(session: &Session, compare: bool) -> StoreResult<ReportRequest> {
        let previous = if compare {
            let (label, workbook) = session.store().comparison_base()?;
            Some((label, Evaluated::new(workbook)))
        } else {
            None
        };
        Ok(ReportRequest {
            results: session.results().clone(),
            previous,
            created_on: chrono::Local::now().date_naive(),
        })
    }

    pub fn input(&self) -> ReportInput<'_> {
        ReportInput {
            results: &self.results,
            created_on: self.created_on,
            previous: self
                .previous
                .as_ref()
                .map(|(label, results)| (label.as_str(), results)),
        }
    }
}

impl PdfRequest for ReportRequest {
    fn write(&self, path: &Path) -> Result<(), ReportError> {
        write_pdf(&self.input(), path)
    }
}

/// The annual report (経営者への報告) of a session for a period, owned for a worker thread.
pub struct AnnualRequest {
    pub report: ReportRequest,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl AnnualRequest {
    /// The report for `from..=to`, compared with the last confirmed assessment where there is one.
    pub fn new(session: &Session, from: NaiveDate, to: NaiveDate) -> StoreResult<AnnualRequest> {
        let previous = match session.store().snapshots()?.pop() {
            Some(last) => Some((
                last.label(),
                Evaluated::new(session.store().snapshot(last.id)?),
            )),
            None => None,
        };
        Ok(AnnualRequest {
            report: ReportRequest {
                results: session.results().clone(),
                previous,
                created_on: chrono::Local::now().date_naive(),
            },
            from,
            to,
        })
    }

    /// The last 12 months, to today.
    pub fn last_year(session: &Session) -> StoreResult<AnnualRequest> {
        let today = chrono::Local::now().date_naive();
        let from = today
            .checked_sub_months(chrono::Months::new(12))
            .and_then(|d| d.succ_opt())
            .unwrap_or(today);
        AnnualRequest::new(session, from, today)
    }
}

impl PdfRequest for AnnualRequest {
    fn write(&self, path: &Path) -> Result<(), ReportError> {
        let input = crate::report::annual::AnnualInput {
            base: self.report.input(),
            from: self.from,
            to: self.to,
        };
        write_pages(
            &crate::report::annual::compose(&input, &crate::report::FontMeasure::bundled()),
            path,
        )
    }
}

/// The 連絡網 page of a session: the company's name and the list, owned so the window can write it
/// on another thread.
pub struct ContactsRequest {
    pub company: String,
    pub contacts: Vec<crate::domain::year::contacts::Contact>,
    pub updated: NaiveDate,
}

impl ContactsRequest {
    /// The list as it is today.
    pub fn new(session: &Session) -> ContactsRequest {
        let workbook = session.workbook();
        ContactsRequest {
            company: workbook.settings.company.clone(),
            contacts: workbook.year.contacts.clone(),
            updated: chrono::Local::now().date_naive(),
        }
    }
}

impl PdfRequest for ContactsRequest {
    fn write(&self, path: &Path) -> Result<(), ReportError> {
        write_pages(
            &crate::report::contacts::compose(
                &self.company,
                &self.contacts,
                self.updated,
                &crate::report::FontMeasure::bundled(),
            ),
            path,
        )
    }
}

/// The 基本方針 page of a session: the company's name and its statement, owned so the window can
/// write it on another thread as it writes the report.
pub struct BasicPolicyRequest {
    pub company: String,
    pub policy: crate::domain::BasicPolicy,
}

impl BasicPolicyRequest {
    pub fn new(session: &Session) -> BasicPolicyRequest {
        let workbook = session.workbook();
        BasicPolicyRequest {
            company: workbook.settings.company.clone(),
            policy: workbook.declaration.basic_policy.clone(),
        }
    }
}

impl PdfRequest for BasicPolicyRequest {
    fn write(&self, path: &Path) -> Result<(), ReportError> {
        crate::report::write_bytes(
            &crate::report::basic_policy_pdf(&self.company, &self.policy)?,
            path,
        )
    }
}

/// One 委託先's 確認リスト of one year (blank where the year is not evaluated), owned so the window
/// can write it on another thread.
pub struct SupplierRequest {
    pub company: String,
    pub supplier: crate::domain::supplier::Supplier,
    pub year: i32,
    pub evaluation: Option<crate::domain::supplier::Evaluation>,
}

impl SupplierRequest {
    /// The request for the 委託先 named `name` (its 名称, spaces around it ignored).
    pub fn by_name(session: &Session, name: &str, year: i32) -> Option<SupplierRequest> {
        let id = session.workbook().suppliers.by_name(name)?.id;
        SupplierRequest::new(session, id, year)
    }

    pub fn new(
        session: &Session,
        id: crate::domain::supplier::SupplierId,
        year: i32,
    ) -> Option<SupplierRequest> {
        let wb = session.workbook();
        let supplier = wb.suppliers.supplier(id)?.clone();
        Some(SupplierRequest {
            company: wb.settings.company.clone(),
            evaluation: wb.suppliers.evaluation(id, year).cloned(),
            supplier,
            year,
        })
    }
}

impl PdfRequest for SupplierRequest {
    fn write(&self, path: &Path) -> Result<(), ReportError> {
        let input = crate::report::supplier::SupplierInput {
            company: &self.company,
            supplier: &self.supplier,
            year: self.year,
            evaluation: self.evaluation.as_ref(),
        };
        write_pages(
            &crate::report::supplier::compose(&input, &crate::report::FontMeasure::bundled()),
            path,
        )
    }
}
