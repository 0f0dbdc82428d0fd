//! The IPA workbook as an Excel file: export in the original layout (rust_xlsxwriter), import of
//! existing workbooks (calamine).

pub mod cells;
pub mod checksheet;
pub mod export;
pub mod import;
pub mod layout;
pub mod patch;
mod plan_sheet;
pub mod tables;
mod treatment_sheet;
pub mod worker;
mod year_sheets;

pub use export::{ExportError, export, xlsx_bytes};
pub use import::{ImportError, Imported, read_workbook, read_workbook_bytes};
