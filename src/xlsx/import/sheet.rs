//! One sheet of the IPA workbook being read: its cells by row and column, the problems and notes
//! that point into it, and finding a header row or column by its text.

use crate::domain::reading::Problem;
use crate::xlsx::cells::{self, normalize};
use crate::xlsx::layout::cell_name;
use calamine::{Data, Range};

pub(super) struct Sheet<'a> {
    pub name: &'a str,
    pub range: &'a Range<Data>,
}

impl Sheet<'_> {
    pub(super) fn get(&self, row: u32, col: u32) -> Option<&Data> {
        self.range.get_value((row, col))
    }
    pub(super) fn text(&self, row: u32, col: u32) -> String {
        cells::text(self.get(row, col))
    }
    pub(super) fn rows(&self) -> std::ops::Range<u32> {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) => s.0..e.0 + 1,
            _ => 0..0,
        }
    }
    pub(super) fn cols(&self) -> std::ops::Range<u32> {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) => s.1..e.1 + 1,
            _ => 0..0,
        }
    }
    /// 「シート「台帳」F7」: a place on this sheet, as problems and notes name it.
    pub(super) fn place(&self, within: &str) -> String {
        format!("シート「{}」{within}", self.name)
    }
    pub(super) fn problem(&self, row: u32, col: u32, reason: impl Into<String>) -> Problem {
        Problem {
            place: self.place(&cell_name(row, col as u16)),
            column: None,
            value: self.text(row, col),
            reason: reason.into(),
        }
    }
    /// A problem with the sheet as a whole, or a row of it (no single cell to point at).
    pub(super) fn sheet_problem(&self, within: &str, reason: impl Into<String>) -> Problem {
        Problem {
            place: self.place(within),
            column: None,
            value: String::new(),
            reason: reason.into(),
        }
    }

    /// The first column whose normalized header text in `row` satisfies `pred`.
    pub(super) fn header_col(&self, row: u32, pred: impl Fn(&str) -> bool) -> Option<u32> {
        self.cols().find(|&c| pred(&normalize(&self.text(row, c))))
    }

    /// The first row (within the first 40) with a cell whose normalized text contains `needle`.
    pub(super) fn find_row(&self, needle: &str) -> Option<u32> {
        self.rows().take(40).find(|&r| {
            self.cols()
                .any(|c| normalize(&self.text(r, c)).contains(needle))
        })
    }
}
