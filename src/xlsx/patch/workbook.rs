//! The workbook part of an .xlsx/.xlsm package: which part holds a named sheet, and the flag that
//! makes Excel recalculate every formula when it opens the file.

use super::PatchError;
use crate::docx::xml::{attr, local};
use crate::zip_package::ZipPackage;
use quick_xml::Reader;
use quick_xml::events::Event;

pub const WORKBOOK: &str = "xl/workbook.xml";
const WORKBOOK_RELS: &str = "xl/_rels/workbook.xml.rels";

fn part(package: &mut ZipPackage, name: &str) -> Result<Vec<u8>, PatchError> {
    package
        .read(name)
        .map_err(|e| PatchError::Package(e.to_string()))?
        .ok_or_else(|| PatchError::Package(format!("{name} がありません")))
}

fn workbook_error(detail: impl std::fmt::Display) -> PatchError {
    PatchError::Package(format!("{WORKBOOK}：{detail}"))
}

/// The sheets of the workbook in tab order: (name, relationship id).
fn sheets(workbook: &[u8]) -> Result<Vec<(String, String)>, PatchError> {
    let mut reader = Reader::from_reader(workbook);
    let mut sheets = Vec::new();
    loop {
        match reader.read_event().map_err(workbook_error)? {
            Event::Start(e) | Event::Empty(e) if local(&e) == "sheet" => {
                if let (Some(name), Some(id)) = (attr(&e, "name"), attr(&e, "id")) {
                    sheets.push((name, id));
                }
            }
            Event::Eof => return Ok(sheets),
            _ => {}
        }
    }
}

/// The package part holding the worksheet `sheet` ("xl/worksheets/sheet2.xml").
pub fn sheet_part(package: &mut ZipPackage, sheet: &str) -> Result<String, PatchError> {
    let workbook = part(package, WORKBOOK)?;
    let sheets = sheets(&workbook)?;
    let Some((_, id)) = sheets.iter().find(|(name, _)| name == sheet) else {
        return Err(PatchError::NoSheet {
            sheet: sheet.to_string(),
            sheets: sheets.into_iter().map(|(n, _)| n).collect(),
        });
    };
    let rels = part(package, WORKBOOK_RELS)?;
    let mut reader = Reader::from_reader(rels.as_slice());
    loop {
        match reader.read_event().map_err(workbook_error)? {
            Event::Start(e) | Event::Empty(e)
                if local(&e) == "Relationship" && attr(&e, "Id").as_deref() == Some(id) =>
            {
                let target = attr(&e, "Target").unwrap_or_default();
                return Ok(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Err(workbook_error(format!(
        "シート「{sheet}」の置き場所がありません"
    )))
}

/// The elements that come before `calcPr` in a workbook, last first: a new `calcPr` goes after
/// the first of them found.
const BEFORE_CALC_PR: [&str; 4] = [
    "definedNames",
    "externalReferences",
    "functionGroups",
    "sheets",
];

/// workbook.xml with `fullCalcOnLoad="1"` on its `calcPr` (added, or the element added); nothing
/// else changes.
pub fn recalculate_on_load(workbook: &[u8]) -> Result<Vec<u8>, PatchError> {
    // The reader skips a byte order mark without counting it: positions are kept in the bytes.
    let offset = if workbook.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut reader = Reader::from_reader(&workbook[offset..]);
    let mut calc_pr = None;
    let mut ends: Vec<(String, usize)> = Vec::new();
    loop {
        let start = offset + reader.buffer_position() as usize;
        let event = reader.read_event().map_err(workbook_error)?;
        let end = offset + reader.buffer_position() as usize;
        match event {
            Event::Start(e) | Event::Empty(e) if local(&e) == "calcPr" => {
                calc_pr = Some((start..end, attr(&e, "fullCalcOnLoad")));
            }
            Event::End(e) => ends.push((e.local_name().as_ref().to_string(), end)),
            Event::Eof => break,
            _ => {}
        }
    }
    let text = |from: usize, to: usize| String::from_utf8_lossy(&workbook[from..to]).into_owned();
    let (at, inserted) = match calc_pr {
        Some((_, Some(v))) if v == "1" || v == "true" => return Ok(workbook.to_vec()),
        Some((tag, Some(_))) => {
            let old = text(tag.start, tag.end);
            let new = set_full_calc(&old);
            return Ok(splice(workbook, tag, &new));
        }
        Some((tag, None)) => {
            let old = text(tag.start, tag.end);
            let close = if old.ends_with("/>") {
                old.len() - 2
            } else {
                old.len() - 1
            };
            let head = old[..close].trim_end();
            let new = format!("{head} fullCalcOnLoad=\"1\"{}", &old[close..]);
            return Ok(splice(workbook, tag, &new));
        }
        None => {
            let after = BEFORE_CALC_PR
                .iter()
                .find_map(|name| ends.iter().find(|(n, _)| n == name).map(|(_, end)| *end));
            let at = after.ok_or_else(|| workbook_error("sheets がありません"))?;
            (at, "<calcPr fullCalcOnLoad=\"1\"/>")
        }
    };
    Ok(splice(workbook, at..at, inserted))
}

/// `fullCalcOnLoad="0"` (or "false", either quote) as `fullCalcOnLoad="1"`.
fn set_full_calc(tag: &str) -> String {
    let key = "fullCalcOnLoad=";
    let Some(i) = tag.find(key) else {
        return tag.to_string();
    };
    let value_start = i + key.len();
    let quote = &tag[value_start..value_start + 1];
    let value_end = tag[value_start + 1..]
        .find(quote)
        .map_or(tag.len(), |j| value_start + 1 + j + 1);
    format!("{}{key}\"1\"{}", &tag[..i], &tag[value_end..])
}

fn splice(bytes: &[u8], range: std::ops::Range<usize>, text: &str) -> Vec<u8> {
    let mut out = bytes[..range.start].to_vec();
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(&bytes[range.end..]);
    out
}
