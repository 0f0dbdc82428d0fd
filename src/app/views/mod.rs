//! One module per sheet of the workbook, plus the start view.

pub mod checks;
pub mod diagnosis;
pub mod explain;
pub mod history;
pub mod list_import;
pub mod plan;
pub mod register;
pub mod start;
pub mod threats;
