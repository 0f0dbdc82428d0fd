//! The company's policy draft as a Word file (.docx): finding the spots marked red (書き換え) and
//! blue (選択), and writing the document again with the filled spots' text and colour changed and
//! everything else as it was — the other zip entries as their original compressed bytes, and in
//! the changed parts every byte outside the filled runs' `w:t` and `w:color` elements.

mod colour;
mod find;
mod package;
mod part;
mod styles;
pub(crate) mod xml;

use crate::domain::policy::spots::{PolicyValues, Spot};
use find::Located;
use package::{Kind, Package};
use std::collections::HashMap;

#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("Word 文書（.docx）として開けません：{0}")]
    Package(String),
    #[error("Word 文書（.docx）ではありません（word/document.xml がありません）。")]
    NotWord,
    #[error("Word 文書の「{0}」が大きすぎます。")]
    TooLarge(String),
    #[error("Word 文書の「{part}」を読めません：{detail}")]
    Xml { part: String, detail: String },
}

/// The spots of every text part, with the part they stand in.
struct Found {
    parts: Vec<(String, Vec<u8>, Vec<Located>)>,
}

fn find(package: &mut Package) -> Result<Found, DocxError> {
    let headings = match package.read(package::STYLES)? {
        Some(xml) => styles::Headings::read(&xml)?,
        None => styles::Headings::default(),
    };
    let mut parts = Vec::new();
    let mut next = 1;
    for (name, kind) in package.text_parts() {
        let Some(xml) = package.read(&name)? else {
            continue;
        };
        let paragraphs = part::read(&name, &xml)?;
        let label = match kind {
            Kind::Body => "本文",
            Kind::Header => "ヘッダー",
            Kind::Footer => "フッター",
        };
        let located = find::spots(&paragraphs, kind, label, &headings, next);
        next += located.len() as u32;
        parts.push((name, xml, located));
    }
    Ok(Found { parts })
}

/// Every spot of the document, numbered in order: body, headers, footers.
pub fn scan(bytes: &[u8]) -> Result<Vec<Spot>, DocxError> {
    let found = find(&mut Package::open(bytes)?)?;
    Ok(found
        .parts
        .into_iter()
        .flat_map(|(_, _, located)| located.into_iter().map(|l| l.spot))
        .collect())
}

/// The text of every paragraph of the text parts, by part name (for checking a written document).
pub fn paragraph_texts(bytes: &[u8]) -> Result<Vec<(String, String)>, DocxError> {
    let mut package = Package::open(bytes)?;
    let mut texts = Vec::new();
    for (name, _) in package.text_parts() {
        if let Some(xml) = package.read(&name)? {
            for p in part::read(&name, &xml)? {
                texts.push((name.clone(), p.text()));
            }
        }
    }
    Ok(texts)
}

/// The document with each filled spot's text replaced by its value and its colour by the
/// paragraph's normal colour. The first run of a spot takes the value in its first `w:t`; the
/// spot's other `w:t` elements are removed (their runs stay, with their other properties).
pub fn fill(bytes: &[u8], values: &PolicyValues) -> Result<Vec<u8>, DocxError> {
    let mut package = Package::open(bytes)?;
    let found = find(&mut package)?;
    let mut changed = HashMap::new();
    for (name, xml, located) in found.parts {
        let mut edits: Vec<(std::ops::Range<usize>, Vec<u8>)> = Vec::new();
        for spot in &located {
            let Some(value) = values.get(spot.spot.no) else {
                continue;
            };
            let colour = spot
                .normal_colour
                .clone()
                .map(|r| xml[r].to_vec())
                .unwrap_or_default();
            let mut first = true;
            for run in &spot.runs {
                if let Some((range, _)) = &run.colour {
                    edits.push((range.clone(), colour.clone()));
                }
                for t in &run.texts {
                    let replacement = if first {
                        first = false;
                        let text = quick_xml::escape::partial_escape(value.as_str());
                        format!(r#"<{0} xml:space="preserve">{text}</{0}>"#, t.name).into_bytes()
                    } else {
                        Vec::new()
                    };
                    edits.push((t.range.clone(), replacement));
                }
            }
        }
        if !edits.is_empty() {
            changed.insert(name, splice(&xml, edits));
        }
    }
    package.write(&changed)
}

/// `xml` with each range replaced; the ranges do not overlap.
fn splice(xml: &[u8], mut edits: Vec<(std::ops::Range<usize>, Vec<u8>)>) -> Vec<u8> {
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = Vec::with_capacity(xml.len() + 1024);
    let mut at = 0;
    for (range, bytes) in edits {
        out.extend_from_slice(&xml[at..range.start]);
        out.extend_from_slice(&bytes);
        at = range.end;
    }
    out.extend_from_slice(&xml[at..]);
    out
}
