//! The answer options: the answer column's own dropdown, else the answers already written.

use super::dropdowns::{Dropdown, Source, source};
use super::grid::Grid;
use super::workbook::Workbook;
use super::{FoundItem, OptionsFrom};

/// The dropdown that applies to the answer column (the one over its first item, else any).
pub fn dropdown_of(
    dropdowns: &[Dropdown],
    column: u32,
    first_row: Option<u32>,
) -> Option<&Dropdown> {
    let over_first = |d: &&Dropdown| {
        first_row.is_some_and(|r| {
            d.cells
                .iter()
                .any(|&((r0, c0), (r1, c1))| (r0..=r1).contains(&r) && (c0..=c1).contains(&column))
        })
    };
    dropdowns
        .iter()
        .find(over_first)
        .or_else(|| dropdowns.iter().find(|d| d.covers_column(column)))
}

/// The non-empty texts of an area, row by row, each once.
fn area_texts(grid: &Grid, ((r0, c0), (r1, c1)): ((u32, u32), (u32, u32))) -> Vec<String> {
    let mut texts = Vec::new();
    for r in r0..=r1.min(r0 + 200) {
        for c in c0..=c1 {
            let t = grid.text(r, c);
            if !t.is_empty() && !texts.contains(&t) {
                texts.push(t);
            }
        }
    }
    texts
}

/// The options a dropdown offers, in the sheet's order; empty when its source cannot be followed.
pub fn dropdown_options(book: &mut Workbook, grid: &Grid, dropdown: &Dropdown) -> Vec<String> {
    let mut formula = dropdown.source.clone();
    // A defined name points at a range (followed once: a name for a name is not).
    for _ in 0..2 {
        match source(&formula) {
            Source::Literal(options) => return options,
            Source::Cells { sheet: None, area } => return area_texts(grid, area),
            Source::Cells {
                sheet: Some(sheet),
                area,
            } if sheet == grid.name => return area_texts(grid, area),
            Source::Cells {
                sheet: Some(sheet),
                area,
            } => {
                return book
                    .grid(&sheet)
                    .map(|g| area_texts(&g, area))
                    .unwrap_or_default();
            }
            Source::Name(name) => {
                let names = book.defined_names();
                let Some((_, target)) = names.iter().find(|(n, _)| *n == name) else {
                    return Vec::new();
                };
                formula = target.clone();
            }
            Source::Unknown => return Vec::new(),
        }
    }
    Vec::new()
}

/// The distinct answers already in the column, in the order they first appear.
pub fn existing(items: &[FoundItem]) -> Vec<String> {
    let mut options: Vec<String> = Vec::new();
    for answer in items.iter().filter_map(|i| i.answer.as_ref()) {
        if !options.contains(answer) {
            options.push(answer.clone());
        }
    }
    options
}

pub fn from_validation_or_existing(
    validation: Vec<String>,
    items: &[FoundItem],
) -> (Vec<String>, OptionsFrom) {
    if !validation.is_empty() {
        return (validation, OptionsFrom::Validation);
    }
    let existing = existing(items);
    if existing.is_empty() {
        (existing, OptionsFrom::None)
    } else {
        (existing, OptionsFrom::Existing)
    }
}
