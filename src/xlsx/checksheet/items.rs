//! The items under a check sheet's header: rows with a requirement text, each with its number,
//! its label (a merged or once-written label carried down), 必須/任意, the other texts, and the
//! answer and remark already written. Blank rows, section titles and total rows are skipped.

use super::grid::Grid;
use super::roles::{is_total, required_value};
use super::{ColumnRole, FoundColumn, FoundItem};

/// Where the item texts are: the header's columns and the chosen answer and remark columns.
pub struct Layout<'a> {
    pub header_end: u32,
    pub columns: &'a [FoundColumn],
    pub answer: Option<u32>,
    pub comment: Option<u32>,
}

impl Layout<'_> {
    fn column(&self, role: ColumnRole) -> Option<u32> {
        self.columns
            .iter()
            .find(|c| c.role == role)
            .map(|c| c.index)
    }
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

pub fn read(grid: &Grid, layout: &Layout) -> Vec<FoundItem> {
    let Some(requirement) = layout.column(ColumnRole::Requirement) else {
        return Vec::new();
    };
    let number = layout.column(ColumnRole::Number);
    let label_column = layout.column(ColumnRole::Label);
    let required = layout.column(ColumnRole::Required);
    let header_text = |col: u32| {
        layout
            .columns
            .iter()
            .find(|c| c.index == col)
            .map(|c| c.header.clone())
            .unwrap_or_default()
    };
    let extras: Vec<&FoundColumn> = layout
        .columns
        .iter()
        .filter(|c| {
            c.role == ColumnRole::Other
                && Some(c.index) != layout.answer
                && Some(c.index) != layout.comment
        })
        .collect();
    let mut label = String::new();
    let mut items = Vec::new();
    for row in layout.header_end + 1..grid.rows().end {
        if let Some(col) = label_column {
            let shown = grid.shown(row, col);
            if !shown.is_empty() {
                label = shown;
            }
        }
        let text = grid.text(row, requirement);
        let section_title = grid
            .merged_across(row, requirement)
            .is_some_and(|end| layout.answer.is_none_or(|a| end >= a) || end >= requirement + 2);
        if text.is_empty() || section_title {
            // Without a label column, a section title alone in its row labels the items below.
            if label_column.is_none()
                && let Some(title) = lone_text(grid, row)
            {
                label = title;
            }
            continue;
        }
        let number_text = number.map(|c| grid.text(row, c)).unwrap_or_default();
        if is_total(&text) || is_total(&number_text) || text == header_text(requirement) {
            continue;
        }
        items.push(FoundItem {
            row,
            number: number_text,
            label: label.clone(),
            text,
            required: required.and_then(|c| required_value(&grid.text(row, c))),
            extra: extras
                .iter()
                .filter_map(|c| non_empty(grid.shown(row, c.index)).map(|v| (c.header.clone(), v)))
                .collect(),
            answer: layout.answer.and_then(|c| non_empty(grid.text(row, c))),
            comment: layout.comment.and_then(|c| non_empty(grid.text(row, c))),
        });
    }
    items
}

/// The only text of a row (a section title), if it has exactly one.
fn lone_text(grid: &Grid, row: u32) -> Option<String> {
    let mut texts = grid
        .cols()
        .map(|c| grid.text(row, c))
        .filter(|t| !t.is_empty());
    let first = texts.next()?;
    texts.next().is_none().then_some(first)
}
