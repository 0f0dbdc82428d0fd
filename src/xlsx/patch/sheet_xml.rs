//! Writing values into one worksheet's xml: only the written `<c>` elements change (a missing cell
//! or row is inserted in its place), every other byte stays as it was.

use super::{CellWrite, PatchError};
use crate::docx::xml::{attr, local};
use crate::xlsx::layout::{cell_name, parse_cell_name, parse_range_name};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::ops::Range;

/// A `<c>` element: where it is, its attributes as written, and whether it holds a formula.
struct Cell {
    column: u32,
    span: Range<usize>,
    /// The attributes other than `r` and `t`, as written (the style `s=` among them).
    kept_attributes: String,
    formula: bool,
}

/// A `<row>` element: its start tag and where its cells end (before `</row>`).
struct Row {
    number: u32,
    start_tag: Range<usize>,
    /// Where a cell after the last one goes; None for an empty `<row/>`.
    content_end: Option<usize>,
    cells: Vec<Cell>,
}

struct Scanned {
    rows: Vec<Row>,
    /// The `<sheetData>` start tag, and where its rows end (None for `<sheetData/>`).
    sheet_data: Range<usize>,
    sheet_data_end: Option<usize>,
    merged: Vec<((u32, u32), (u32, u32))>,
}

fn xml_error(sheet: &str, detail: impl std::fmt::Display) -> PatchError {
    PatchError::Xml {
        sheet: sheet.to_string(),
        detail: detail.to_string(),
    }
}

/// The attributes of a start tag except `r`, `t` and `spans`, as written (with their leading space).
fn other_attributes(e: &BytesStart, skip: &[&str]) -> String {
    let mut out = String::new();
    for a in e.attributes().flatten() {
        let key: &str = a.key.as_ref();
        if skip.contains(&key) {
            continue;
        }
        let value = &a.value;
        out.push_str(&format!(" {key}=\"{value}\""));
    }
    out
}

fn scan(sheet: &str, xml: &[u8]) -> Result<Scanned, PatchError> {
    let offset = if xml.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut reader = Reader::from_reader(&xml[offset..]);
    let mut scanned = Scanned {
        rows: Vec::new(),
        sheet_data: 0..0,
        sheet_data_end: None,
        merged: Vec::new(),
    };
    let mut in_cell: Option<Cell> = None;
    let mut next_row = 0u32;
    loop {
        let start = offset + reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| xml_error(sheet, e))?;
        let end = offset + reader.buffer_position() as usize;
        match event {
            Event::Start(e) | Event::Empty(e) if local(&e) == "sheetData" => {
                scanned.sheet_data = start..end;
            }
            Event::End(e) if e.local_name().as_ref() == "sheetData" => {
                scanned.sheet_data_end = Some(start);
            }
            Event::Start(ref e) | Event::Empty(ref e) if local(e) == "row" => {
                let number = match attr(e, "r").and_then(|r| r.parse::<u32>().ok()) {
                    Some(r) if r >= 1 => r - 1,
                    _ => next_row,
                };
                next_row = number + 1;
                let content_end = matches!(event, Event::Start(_)).then_some(end);
                scanned.rows.push(Row {
                    number,
                    start_tag: start..end,
                    content_end,
                    cells: Vec::new(),
                });
            }
            Event::End(e) if e.local_name().as_ref() == "row" => {
                if let Some(row) = scanned.rows.last_mut() {
                    row.content_end = Some(start);
                }
            }
            Event::Start(ref e) | Event::Empty(ref e) if local(e) == "c" => {
                let Some(row) = scanned.rows.last_mut() else {
                    continue;
                };
                let column = attr(e, "r")
                    .and_then(|r| parse_cell_name(&r))
                    .map(|(_, c)| c)
                    .unwrap_or_else(|| row.cells.last().map_or(0, |c| c.column + 1));
                let cell = Cell {
                    column,
                    span: start..end,
                    kept_attributes: other_attributes(e, &["r", "t"]),
                    formula: false,
                };
                if matches!(event, Event::Start(_)) {
                    in_cell = Some(cell);
                } else {
                    row.cells.push(cell);
                }
            }
            Event::Start(ref e) | Event::Empty(ref e) if local(e) == "f" => {
                if let Some(cell) = in_cell.as_mut() {
                    cell.formula = true;
                }
            }
            Event::End(e) if e.local_name().as_ref() == "c" => {
                if let (Some(mut cell), Some(row)) = (in_cell.take(), scanned.rows.last_mut()) {
                    cell.span.end = end;
                    row.cells.push(cell);
                }
            }
            Event::Empty(ref e) if local(e) == "mergeCell" => {
                if let Some(range) = attr(e, "ref").and_then(|r| parse_range_name(&r)) {
                    scanned.merged.push(range);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if scanned.sheet_data.is_empty() {
        return Err(xml_error(sheet, "sheetData がありません"));
    }
    Ok(scanned)
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// The new `<c>`: the old attributes (style among them) with the value as an inline string, or
/// without a value when `value` is empty.
fn cell_xml(row: u32, column: u32, kept_attributes: &str, value: &str) -> String {
    let r = cell_name(row, column as u16);
    if value.is_empty() {
        format!("<c r=\"{r}\"{kept_attributes}/>")
    } else {
        format!(
            "<c r=\"{r}\"{kept_attributes} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(value)
        )
    }
}

/// The sheet xml with the writes applied. A write into a formula, or into a merged range that does
/// not start at the cell, is refused.
pub fn write_cells(sheet: &str, xml: &[u8], writes: &[CellWrite]) -> Result<Vec<u8>, PatchError> {
    let scanned = scan(sheet, xml)?;
    // (position, bytes to remove, text to insert), applied from the end.
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut new_rows: Vec<(u32, Vec<&CellWrite>)> = Vec::new();
    let mut writes: Vec<&CellWrite> = writes.iter().collect();
    writes.sort_by_key(|w| (w.row, w.column));
    writes.dedup_by_key(|w| (w.row, w.column));
    for w in &writes {
        let place = cell_name(w.row, w.column as u16);
        let inside_merge = scanned.merged.iter().any(|&((r0, c0), (r1, c1))| {
            (r0..=r1).contains(&w.row)
                && (c0..=c1).contains(&w.column)
                && (r0, c0) != (w.row, w.column)
        });
        if inside_merge {
            return Err(PatchError::Merged {
                sheet: sheet.to_string(),
                cell: place,
            });
        }
        let open_row = scanned
            .rows
            .iter()
            .find(|r| r.number == w.row && r.content_end.is_some());
        let Some(row) = open_row else {
            match new_rows.last_mut() {
                Some((r, cells)) if *r == w.row => cells.push(w),
                _ => new_rows.push((w.row, vec![w])),
            }
            continue;
        };
        match row.cells.iter().find(|c| c.column == w.column) {
            Some(cell) if cell.formula => {
                return Err(PatchError::Formula {
                    sheet: sheet.to_string(),
                    cell: place,
                });
            }
            Some(cell) => edits.push((
                cell.span.clone(),
                cell_xml(w.row, w.column, &cell.kept_attributes, &w.value),
            )),
            None => {
                let at = row
                    .cells
                    .iter()
                    .find(|c| c.column > w.column)
                    .map(|c| c.span.start);
                let at = at.or(row.content_end).unwrap_or(row.start_tag.end);
                edits.push((at..at, cell_xml(w.row, w.column, "", &w.value)));
                drop_spans(xml, row, &mut edits);
            }
        }
    }
    for (number, cells) in new_rows {
        let text: String = cells
            .iter()
            .map(|w| cell_xml(w.row, w.column, "", &w.value))
            .collect();
        // An empty `<row r="5" …/>` is opened with its attributes; a missing row is added.
        if let Some(empty) = scanned.rows.iter().find(|r| r.number == number) {
            let tag = opened(&xml[empty.start_tag.clone()], &["spans"]);
            edits.push((empty.start_tag.clone(), format!("{tag}{text}</row>")));
            continue;
        }
        let row_xml = format!("<row r=\"{}\">{text}</row>", number + 1);
        let before = scanned.rows.iter().find(|r| r.number > number);
        match (before, scanned.sheet_data_end) {
            (Some(r), _) => edits.push((r.start_tag.start..r.start_tag.start, row_xml)),
            (None, Some(end)) => edits.push((end..end, row_xml)),
            (None, None) => {
                let tag = opened(&xml[scanned.sheet_data.clone()], &[]);
                edits.push((
                    scanned.sheet_data.clone(),
                    format!("{tag}{row_xml}</sheetData>"),
                ));
            }
        }
    }
    Ok(apply(xml, edits))
}

/// A start tag (or empty element) written again as a start tag, without the `skip` attributes.
fn opened(tag: &[u8], skip: &[&str]) -> String {
    let mut reader = Reader::from_reader(tag);
    match reader.read_event() {
        Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
            let name = e.name();
            let name: &str = name.as_ref();
            format!("<{name}{}>", other_attributes(&e, skip))
        }
        _ => String::from_utf8_lossy(tag).into_owned(),
    }
}

/// A row given a cell it did not have loses its `spans` hint (optional, and now perhaps wrong).
fn drop_spans(xml: &[u8], row: &Row, edits: &mut Vec<(Range<usize>, String)>) {
    let tag = &xml[row.start_tag.clone()];
    let already = edits.iter().any(|(r, _)| *r == row.start_tag);
    if !already && String::from_utf8_lossy(tag).contains("spans=") {
        edits.push((row.start_tag.clone(), opened(tag, &["spans"])));
    }
}

/// The bytes with each range replaced by its text; ranges do not overlap.
fn apply(xml: &[u8], mut edits: Vec<(Range<usize>, String)>) -> Vec<u8> {
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = Vec::with_capacity(xml.len() + edits.len() * 64);
    let mut at = 0;
    for (range, text) in edits {
        out.extend_from_slice(&xml[at..range.start]);
        out.extend_from_slice(text.as_bytes());
        at = range.end;
    }
    out.extend_from_slice(&xml[at..]);
    out
}
