//! Finding a check sheet's header: the row (or two rows, a group row over sub-headers) under the
//! title block whose texts name the most roles, and the role of each of its columns.

use super::grid::Grid;
use super::roles::{Strength, is_total, required_value, role_of};
use super::{ColumnRole, FoundColumn};
use std::ops::RangeInclusive;

/// The header is looked for in the sheet's first rows only.
const HEADER_SEARCH_ROWS: u32 = 30;

/// A header and the item rows under it.
pub struct Header {
    pub rows: RangeInclusive<u32>,
    pub columns: Vec<FoundColumn>,
    /// Rows below the header with a requirement text (a rough count to compare headers by).
    pub item_rows: usize,
}

impl Header {
    pub fn column(&self, role: ColumnRole) -> Option<u32> {
        self.columns
            .iter()
            .find(|c| c.role == role)
            .map(|c| c.index)
    }
    /// Distinct roles recognised (customer and other columns not counted).
    fn roles(&self) -> usize {
        let mut roles: Vec<ColumnRole> = self
            .columns
            .iter()
            .map(|c| c.role)
            .filter(|r| !matches!(r, ColumnRole::Other | ColumnRole::Customer))
            .collect();
        roles.dedup();
        roles.sort_by_key(|r| *r as u8);
        roles.dedup();
        roles.len()
    }
    /// How much this looks like an item table's header: a requirement column and another role
    /// first, then the item rows, then the roles recognised, then the fewer rows (an empty row
    /// over a header adds nothing).
    pub fn score(&self) -> (bool, usize, usize, std::cmp::Reverse<u32>) {
        let table = self.column(ColumnRole::Requirement).is_some() && self.roles() >= 2;
        let rows = self.rows.end() - self.rows.start();
        (table, self.item_rows, self.roles(), std::cmp::Reverse(rows))
    }
}

/// The header text of a column: the group row's text (carried across its merged range) over the
/// sub-header's, the sub-header empty when the group's cell is merged down over it. A cell merged
/// down from a row above the header is not the header's.
fn header_text(grid: &Grid, rows: &RangeInclusive<u32>, col: u32) -> (String, String) {
    let own = |row: u32| match grid.merge_at(row, col) {
        Some(d) if d.start.0 < *rows.start() => String::new(),
        _ => grid.shown(row, col),
    };
    let top = own(*rows.start());
    let sub = if rows.start() == rows.end() {
        String::new()
    } else {
        own(*rows.end())
    };
    let merged_down = grid
        .merge_at(*rows.start(), col)
        .is_some_and(|d| d.end.0 >= *rows.end() && rows.start() != rows.end());
    (top, if merged_down { String::new() } else { sub })
}

/// The role of a column from its group and sub-header: the customer's group makes every column
/// under it the customer's; otherwise the sub-header says, or the group when the sub-header names
/// nothing.
fn column_role(top: &str, sub: &str) -> Option<(ColumnRole, Strength)> {
    let top_role = role_of(top);
    let sub_role = role_of(sub);
    let customer =
        |r: Option<(ColumnRole, Strength)>| r.is_some_and(|(r, _)| r == ColumnRole::Customer);
    if customer(top_role) || customer(sub_role) {
        return Some((ColumnRole::Customer, Strength::Specific));
    }
    match sub_role {
        Some((ColumnRole::Other, _)) | None => top_role.or(sub_role),
        some => some,
    }
}

/// The columns of a header: each role to one column (the surest, then the leftmost); the answer
/// goes to a column with a list dropdown when several could hold it, or when none says so.
fn columns(
    grid: &Grid,
    rows: &RangeInclusive<u32>,
    has_dropdown: &dyn Fn(u32) -> bool,
) -> Vec<FoundColumn> {
    let mut found: Vec<(FoundColumn, Strength)> = Vec::new();
    for col in grid.cols() {
        let (top, sub) = header_text(grid, rows, col);
        let Some((role, strength)) = column_role(&top, &sub) else {
            continue;
        };
        let header = match (top.is_empty(), sub.is_empty()) {
            (false, false) => format!("{top} / {sub}"),
            (true, _) => sub,
            (false, true) => top,
        };
        found.push((
            FoundColumn {
                index: col,
                header,
                role,
            },
            strength,
        ));
    }
    let single = [
        ColumnRole::Number,
        ColumnRole::Label,
        ColumnRole::Requirement,
        ColumnRole::Required,
        ColumnRole::Comment,
    ];
    for role in single {
        keep_one(&mut found, role, |_| false);
    }
    keep_one(&mut found, ColumnRole::Answer, |c| has_dropdown(c.index));
    let answer = found.iter().any(|(c, _)| c.role == ColumnRole::Answer);
    if !answer {
        let dropdowns: Vec<usize> = found
            .iter()
            .enumerate()
            .filter(|(_, (c, _))| c.role == ColumnRole::Other && has_dropdown(c.index))
            .map(|(i, _)| i)
            .collect();
        if let [only] = dropdowns[..] {
            found[only].0.role = ColumnRole::Answer;
        }
    }
    found.into_iter().map(|(c, _)| c).collect()
}

/// Leaves `role` on one column: the preferred one, else the surest, else the leftmost; the others
/// become `Other`.
fn keep_one(
    found: &mut [(FoundColumn, Strength)],
    role: ColumnRole,
    preferred: impl Fn(&FoundColumn) -> bool,
) {
    let candidates: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].0.role == role)
        .collect();
    let Some(&keep) = candidates
        .iter()
        .find(|&&i| preferred(&found[i].0))
        .or_else(|| {
            candidates
                .iter()
                .find(|&&i| found[i].1 == Strength::Specific)
        })
        .or(candidates.first())
    else {
        return;
    };
    for i in candidates {
        if i != keep {
            found[i].0.role = ColumnRole::Other;
        }
    }
}

/// A 区分 column holding only 必須 / 任意 is the 回答対象.
fn label_that_says_required(grid: &Grid, header_end: u32, columns: &mut [FoundColumn]) {
    if columns.iter().any(|c| c.role == ColumnRole::Required) {
        return;
    }
    let Some(label) = columns.iter_mut().find(|c| c.role == ColumnRole::Label) else {
        return;
    };
    let values: Vec<String> = (header_end + 1..grid.rows().end)
        .map(|r| grid.text(r, label.index))
        .filter(|t| !t.is_empty())
        .collect();
    if !values.is_empty() && values.iter().all(|v| required_value(v).is_some()) {
        label.role = ColumnRole::Required;
    }
}

fn count_items(grid: &Grid, header_end: u32, requirement: Option<u32>) -> usize {
    let Some(col) = requirement else {
        return 0;
    };
    (header_end + 1..grid.rows().end)
        .filter(|&r| {
            let text = grid.text(r, col);
            !text.is_empty() && !is_total(&text)
        })
        .filter(|&r| r > header_end + 1 || !looks_like_header(grid, r))
        .count()
}

/// A row of short texts naming two roles or more: the sub-header row of a two-row header.
fn looks_like_header(grid: &Grid, row: u32) -> bool {
    grid.cols()
        .filter(|&c| {
            let text = grid.text(row, c);
            text.chars().count() <= 12
                && role_of(&text)
                    .is_some_and(|(r, s)| r != ColumnRole::Other && s == Strength::Specific)
        })
        .count()
        >= 2
}

fn header_at(grid: &Grid, rows: RangeInclusive<u32>, has_dropdown: &dyn Fn(u32) -> bool) -> Header {
    let mut columns = columns(grid, &rows, has_dropdown);
    label_that_says_required(grid, *rows.end(), &mut columns);
    let requirement = columns
        .iter()
        .find(|c| c.role == ColumnRole::Requirement)
        .map(|c| c.index);
    let item_rows = count_items(grid, *rows.end(), requirement);
    Header {
        rows,
        columns,
        item_rows,
    }
}

/// The header that looks most like an item table's, one row or two; None when no row of the
/// sheet's first ones has a requirement column and another.
pub fn find(grid: &Grid, has_dropdown: &dyn Fn(u32) -> bool) -> Option<Header> {
    let last = grid.rows().end.min(HEADER_SEARCH_ROWS);
    let mut best: Option<Header> = None;
    for start in grid.rows().take(last as usize) {
        for end in [start, start + 1] {
            if end >= grid.rows().end {
                continue;
            }
            let header = header_at(grid, start..=end, has_dropdown);
            // A one-row header is kept over a two-row one that scores the same (the second row
            // would be an item).
            if header.score().0 && best.as_ref().is_none_or(|b| header.score() > b.score()) {
                best = Some(header);
            }
        }
    }
    best
}
