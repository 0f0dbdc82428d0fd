//! The 台帳's current cell and selected range, as a spreadsheet has them: positions are
//! (shown row, column) so that they follow the filter and the sort the user sees.

use crate::domain::register::Column;
use std::ops::Range;

/// A position in the shown table: the row among the rows shown, the column among A–S.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
}

const COLUMNS: usize = Column::ALL.len();

/// The current cell (`cursor`) and the other corner of the range (`anchor`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    cursor: Option<Cell>,
    anchor: Option<Cell>,
    /// Ctrl+A: every cell of a table of this many rows, the current cell staying where it is.
    everything: Option<usize>,
}

impl Selection {
    pub fn cursor(&self) -> Option<Cell> {
        self.cursor
    }

    /// Makes `cell` current; with `extend` the range grows from the anchor to it (Shift).
    pub fn set(&mut self, cell: Cell, extend: bool) {
        self.everything = None;
        if !extend || self.anchor.is_none() {
            self.anchor = Some(cell);
        }
        self.cursor = Some(cell);
    }

    /// Moves the current cell, staying inside `rows` × A–S.
    pub fn move_by(&mut self, rows: usize, down: isize, right: isize, extend: bool) {
        if rows == 0 {
            return;
        }
        let from = self.cursor.unwrap_or(Cell { row: 0, col: 0 });
        let to = Cell {
            row: from.row.saturating_add_signed(down).min(rows - 1),
            col: from.col.saturating_add_signed(right).min(COLUMNS - 1),
        };
        self.set(to, extend);
    }

    /// Tab (`forward`) or Shift+Tab: the next cell in reading order, from S to the next row's A and
    /// back; the table's first and last cells stay put.
    pub fn step(&mut self, rows: usize, forward: bool) {
        if rows == 0 {
            return;
        }
        let from = self.cursor.unwrap_or(Cell { row: 0, col: 0 });
        let at = from.row * COLUMNS + from.col;
        let to = if forward {
            (at + 1).min(rows * COLUMNS - 1)
        } else {
            at.saturating_sub(1)
        };
        self.set(
            Cell {
                row: to / COLUMNS,
                col: to % COLUMNS,
            },
            false,
        );
    }

    /// Whole rows from the anchor's row to `row` (a click on the row number).
    pub fn select_rows(&mut self, row: usize, extend: bool) {
        let first = match (extend, self.anchor) {
            (true, Some(anchor)) => anchor.row,
            _ => row,
        };
        self.everything = None;
        self.anchor = Some(Cell { row: first, col: 0 });
        self.cursor = Some(Cell {
            row,
            col: COLUMNS - 1,
        });
    }

    pub fn select_all(&mut self, rows: usize) {
        if rows > 0 {
            self.everything = Some(rows);
            if self.cursor.is_none() {
                self.cursor = Some(Cell { row: 0, col: 0 });
            }
        }
    }

    /// Back to the current cell alone.
    pub fn collapse(&mut self) {
        self.everything = None;
        self.anchor = self.cursor;
    }

    /// The selected rows and columns.
    pub fn range(&self) -> Option<(Range<usize>, Range<usize>)> {
        if let Some(rows) = self.everything {
            return Some((0..rows, 0..COLUMNS));
        }
        let (c, a) = (self.cursor?, self.anchor?);
        Some((
            c.row.min(a.row)..c.row.max(a.row) + 1,
            c.col.min(a.col)..c.col.max(a.col) + 1,
        ))
    }

    pub fn contains(&self, cell: Cell) -> bool {
        self.range()
            .is_some_and(|(rows, cols)| rows.contains(&cell.row) && cols.contains(&cell.col))
    }

    /// Keeps the selection inside a table that now has `rows` rows.
    pub fn clamp(&mut self, rows: usize) {
        if rows == 0 {
            *self = Selection::default();
            return;
        }
        if self.everything.is_some() {
            self.everything = Some(rows);
        }
        for cell in [&mut self.cursor, &mut self.anchor].into_iter().flatten() {
            cell.row = cell.row.min(rows - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_goes_on_to_the_next_row_and_back_and_stops_at_the_ends() {
        let mut s = Selection::default();
        s.set(
            Cell {
                row: 0,
                col: COLUMNS - 1,
            },
            false,
        );
        s.step(3, true);
        assert_eq!(s.cursor(), Some(Cell { row: 1, col: 0 }));
        s.step(3, false);
        assert_eq!(
            s.cursor(),
            Some(Cell {
                row: 0,
                col: COLUMNS - 1
            })
        );
        s.set(Cell { row: 0, col: 0 }, false);
        s.step(3, false);
        assert_eq!(s.cursor(), Some(Cell { row: 0, col: 0 }));
        s.set(
            Cell {
                row: 2,
                col: COLUMNS - 1,
            },
            false,
        );
        s.step(3, true);
        assert_eq!(
            s.cursor(),
            Some(Cell {
                row: 2,
                col: COLUMNS - 1
            })
        );
    }

    #[test]
    fn moving_extending_and_staying_inside() {
        let mut s = Selection::default();
        s.set(Cell { row: 2, col: 1 }, false);
        s.move_by(10, 1, 1, true);
        assert_eq!(s.range(), Some((2..4, 1..3)));
        assert!(s.contains(Cell { row: 3, col: 1 }));
        s.move_by(10, -5, -5, false);
        assert_eq!(s.cursor(), Some(Cell { row: 0, col: 0 }));
        assert_eq!(s.range(), Some((0..1, 0..1)));
        s.move_by(10, 50, 50, false);
        assert_eq!(s.cursor(), Some(Cell { row: 9, col: 18 }));
        s.select_all(10);
        assert_eq!(s.range(), Some((0..10, 0..19)));
        assert_eq!(
            s.cursor(),
            Some(Cell { row: 9, col: 18 }),
            "the current cell stays"
        );
        s.select_rows(4, true);
        assert_eq!(s.range(), Some((4..10, 0..19)));
        s.clamp(3);
        assert_eq!(s.range(), Some((2..3, 0..19)));
    }
}
