//! Which paragraph styles are headings, and of what level, from `word/styles.xml`.
//!
//! Japanese Word names its heading styles 見出し 1… with style ids "1", "2"…; English Word uses
//! Heading1…; a user's own heading style is based on one of them or carries an outline level.

use super::DocxError;
use super::xml::{attr, local};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::HashMap;

#[derive(Debug, Default)]
struct Style {
    name: String,
    outline: Option<u8>,
    based_on: Option<String>,
}

/// Heading level (1 = top) of each paragraph style id that is a heading.
#[derive(Debug, Default)]
pub struct Headings(HashMap<String, u8>);

impl Headings {
    pub fn level(&self, style_id: &str) -> Option<u8> {
        self.0.get(style_id).copied()
    }

    pub fn read(xml: &[u8]) -> Result<Headings, DocxError> {
        let styles = read_styles(xml)?;
        let mut levels = HashMap::new();
        for id in styles.keys() {
            // Follows basedOn a few steps: a style 「章見出し」 based on 見出し 1 is a heading too.
            let mut current = Some(id.as_str());
            for _ in 0..8 {
                let Some(style) = current.and_then(|c| styles.get(c)) else {
                    break;
                };
                if let Some(level) = level_of_name(&style.name).or(style.outline.map(|o| o + 1)) {
                    levels.insert(id.clone(), level);
                    break;
                }
                current = style.based_on.as_deref();
            }
        }
        Ok(Headings(levels))
    }
}

/// 「heading 2」「見出し 2」「見出し２」 → 2.
fn level_of_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("見出し"))?;
    let digits: String = rest
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    digits.parse().ok().filter(|n| (1..=9).contains(n))
}

fn read_styles(xml: &[u8]) -> Result<HashMap<String, Style>, DocxError> {
    let err = |e: &dyn std::fmt::Display| DocxError::Xml {
        part: "word/styles.xml".into(),
        detail: e.to_string(),
    };
    let mut reader = Reader::from_reader(xml);
    let mut styles = HashMap::new();
    let mut current: Option<(String, Style)> = None;
    loop {
        match reader.read_event().map_err(|e| err(&e))? {
            Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
                "style" => {
                    let paragraph = attr(&e, "type").is_none_or(|t| t == "paragraph");
                    current = attr(&e, "styleId")
                        .filter(|_| paragraph)
                        .map(|id| (id, Style::default()));
                }
                "name" => {
                    if let (Some((_, style)), Some(v)) = (&mut current, attr(&e, "val")) {
                        style.name = v;
                    }
                }
                "basedOn" => {
                    if let (Some((_, style)), Some(v)) = (&mut current, attr(&e, "val")) {
                        style.based_on = Some(v);
                    }
                }
                "outlineLvl" => {
                    if let (Some((_, style)), Some(v)) = (&mut current, attr(&e, "val")) {
                        style.outline = v.parse().ok().filter(|l| *l < 9);
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, style)) = current.take() {
                    styles.insert(id, style);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(styles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_english_based_on_and_outline_level_headings() {
        let xml = r#"<?xml version="1.0"?><w:styles xmlns:w="x">
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="見出し２"/></w:style>
<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="章"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="c"><w:name w:val="heading 1 Char"/></w:style>
</w:styles>"#;
        let h = Headings::read(xml.as_bytes()).unwrap();
        assert_eq!(h.level("1"), Some(1));
        assert_eq!(h.level("a5"), Some(2));
        assert_eq!(h.level("Chapter"), Some(1));
        assert_eq!(h.level("Outline"), Some(3));
        assert_eq!(h.level("a"), None);
        assert_eq!(h.level("c"), None);
    }
}
