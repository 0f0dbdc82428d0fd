//! One sheet of the customer's workbook as read: its values (calamine) and merged ranges, and
//! its cells as text the way the customer sees them.

use crate::xlsx::cells;
use calamine::{Data, Dimensions, Range};

pub struct Grid {
    pub name: String,
    pub range: Range<Data>,
    pub merged: Vec<Dimensions>,
}

impl Grid {
    /// The cell's text, trimmed; whole numbers without ".0".
    pub fn text(&self, row: u32, col: u32) -> String {
        cells::text(self.range.get_value((row, col)))
    }

    /// The merged range holding the cell, if any.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<&Dimensions> {
        self.merged
            .iter()
            .find(|d| (d.start.0..=d.end.0).contains(&row) && (d.start.1..=d.end.1).contains(&col))
    }

    /// The text shown in the cell: a merged range's value in each of its cells.
    pub fn shown(&self, row: u32, col: u32) -> String {
        match self.merge_at(row, col) {
            Some(d) => self.text(d.start.0, d.start.1),
            None => self.text(row, col),
        }
    }

    /// Whether the cell starts a merged range over several columns.
    pub fn merged_across(&self, row: u32, col: u32) -> Option<u32> {
        self.merged
            .iter()
            .find(|d| d.start == (row, col) && d.end.1 > col)
            .map(|d| d.end.1)
    }

    pub fn rows(&self) -> std::ops::Range<u32> {
        match self.range.end() {
            Some(e) => 0..e.0 + 1,
            None => 0..0,
        }
    }

    pub fn cols(&self) -> std::ops::Range<u32> {
        match self.range.end() {
            Some(e) => 0..e.1 + 1,
            None => 0..0,
        }
    }
}
