//! One XML part of a Word document (the body, a header, a footer) read into paragraphs and runs,
//! each with the byte ranges of what a fill may change: the run's `w:color` and its `w:t` elements.
//! Everything else in the part is left where it is, as bytes.

use super::DocxError;
use super::colour;
use super::xml::{attr, local};
use crate::domain::policy::spots::SpotKind;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::ops::Range;

/// A `w:t` element: where it stands (the whole element) and its text.
#[derive(Debug, Clone)]
pub struct TextElement {
    pub range: Range<usize>,
    /// The element's qualified name as written (`w:t`), for writing it again.
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Run {
    /// The run's own `w:color` element (in its `w:rPr`) and the spot kind its colour marks.
    pub colour: Option<(Range<usize>, Option<SpotKind>)>,
    pub texts: Vec<TextElement>,
}

impl Run {
    pub fn text(&self) -> String {
        self.texts.iter().map(|t| t.text.as_str()).collect()
    }

    pub fn kind(&self) -> Option<SpotKind> {
        self.colour.as_ref().and_then(|(_, k)| *k)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    pub start: usize,
    pub style: Option<String>,
    /// A direct `w:outlineLvl` (0 = top).
    pub outline: Option<u8>,
    pub in_table: bool,
    pub runs: Vec<Run>,
}

impl Paragraph {
    pub fn text(&self) -> String {
        self.runs.iter().map(Run::text).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    PPr,
    R,
    RPr,
    T,
    Tbl,
    Fallback,
    Other,
}

fn tag(e: &BytesStart) -> Tag {
    match local(e).as_str() {
        "p" => Tag::P,
        "pPr" => Tag::PPr,
        "r" => Tag::R,
        "rPr" => Tag::RPr,
        "t" => Tag::T,
        "tbl" => Tag::Tbl,
        "Fallback" => Tag::Fallback,
        _ => Tag::Other,
    }
}

/// Open paragraphs and runs, each with the depth of its element in the stack (text boxes put
/// paragraphs inside runs).
#[derive(Default)]
struct State {
    stack: Vec<Tag>,
    paragraphs: Vec<(usize, Paragraph)>,
    runs: Vec<(usize, Run)>,
    text: Option<TextElement>,
    done: Vec<Paragraph>,
}

impl State {
    fn parent_is(&self, depth_from_top: usize, tag: Tag) -> bool {
        self.stack.len() > depth_from_top
            && self.stack[self.stack.len() - 1 - depth_from_top] == tag
    }

    /// `e` opened at `start`; the stack does not hold it yet.
    fn open(&mut self, e: &BytesStart, start: usize) {
        let t = tag(e);
        let depth = self.stack.len();
        let in_fallback = self.stack.contains(&Tag::Fallback);
        match t {
            Tag::P if !in_fallback => {
                let paragraph = Paragraph {
                    start,
                    in_table: self.stack.contains(&Tag::Tbl),
                    ..Paragraph::default()
                };
                self.paragraphs.push((depth, paragraph));
            }
            Tag::R if !in_fallback && !self.paragraphs.is_empty() => {
                self.runs.push((depth, Run::default()));
            }
            Tag::T if self.run_at(depth.wrapping_sub(1)) => {
                self.text = Some(TextElement {
                    range: start..start,
                    name: e.name().as_ref().to_string(),
                    text: String::new(),
                });
            }
            Tag::Other => self.property(e, start, depth),
            _ => {}
        }
        self.stack.push(t);
    }

    /// Whether the innermost open run's element is at `depth`.
    fn run_at(&self, depth: usize) -> bool {
        self.runs.last().is_some_and(|(d, _)| *d == depth)
    }

    fn paragraph_at(&self, depth: usize) -> bool {
        self.paragraphs.last().is_some_and(|(d, _)| *d == depth)
    }

    /// A property element: the run's colour, the paragraph's style and outline level.
    fn property(&mut self, e: &BytesStart, start: usize, depth: usize) {
        let name = local(e);
        if name == "color" && self.parent_is(0, Tag::RPr) && self.run_at(depth.wrapping_sub(2)) {
            let kind = attr(e, "val").and_then(|v| colour::kind_of(&v));
            if let Some((_, run)) = self.runs.last_mut() {
                run.colour = Some((start..start, kind));
            }
        } else if self.parent_is(0, Tag::PPr) && self.paragraph_at(depth.wrapping_sub(2)) {
            let Some((_, paragraph)) = self.paragraphs.last_mut() else {
                return;
            };
            match name.as_str() {
                "pStyle" => paragraph.style = attr(e, "val"),
                "outlineLvl" => {
                    paragraph.outline = attr(e, "val")
                        .and_then(|v| v.parse().ok())
                        .filter(|l| *l < 9);
                }
                _ => {}
            }
        }
    }

    /// The element on top of the stack closed at `end`.
    fn close(&mut self, end: usize) {
        let Some(t) = self.stack.pop() else { return };
        let depth = self.stack.len();
        match t {
            Tag::T if self.run_at(depth.wrapping_sub(1)) => {
                if let (Some(mut text), Some((_, run))) = (self.text.take(), self.runs.last_mut()) {
                    text.range.end = end;
                    run.texts.push(text);
                }
            }
            Tag::R if self.run_at(depth) => {
                let (_, run) = self.runs.pop().expect("an open run");
                if let Some((_, paragraph)) = self.paragraphs.last_mut() {
                    paragraph.runs.push(run);
                }
            }
            Tag::P if self.paragraph_at(depth) => {
                let (_, paragraph) = self.paragraphs.pop().expect("an open paragraph");
                self.done.push(paragraph);
            }
            Tag::Other => {
                // The colour element's end (a `<w:color …/>` ends where it opened).
                if self.parent_is(0, Tag::RPr)
                    && self.run_at(depth.wrapping_sub(2))
                    && let Some((_, run)) = self.runs.last_mut()
                    && let Some((range, _)) = &mut run.colour
                    && range.end == range.start
                {
                    range.end = end;
                }
            }
            _ => {}
        }
    }
}

/// The paragraphs of a part in document order (a text box's paragraphs after the one holding it
/// would be wrong: ordered by where each starts).
pub fn read(part: &str, xml: &[u8]) -> Result<Vec<Paragraph>, DocxError> {
    let err = |detail: String| DocxError::Xml {
        part: part.to_string(),
        detail,
    };
    // The reader skips a byte order mark without counting it: positions are kept in `xml`'s bytes.
    let (offset, body) = match xml.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, xml),
    };
    let mut reader = Reader::from_reader(body);
    let mut state = State::default();
    loop {
        let start = offset + reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| err(e.to_string()))?;
        let end = offset + reader.buffer_position() as usize;
        match event {
            Event::Start(e) => state.open(&e, start),
            Event::Empty(e) => {
                state.open(&e, start);
                state.close(end);
            }
            Event::End(_) => state.close(end),
            Event::Text(t) => {
                if let Some(text) = &mut state.text {
                    text.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(text) = &mut state.text {
                    text.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(text) = &mut state.text {
                    let c = match r.resolve_char_ref().map_err(|e| err(e.to_string()))? {
                        Some(c) => c,
                        None => match r.as_ref() {
                            "amp" => '&',
                            "lt" => '<',
                            "gt" => '>',
                            "quot" => '"',
                            "apos" => '\'',
                            other => {
                                return Err(err(format!("知らない実体参照 &{};", other)));
                            }
                        },
                    };
                    text.text.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut paragraphs = state.done;
    paragraphs.sort_by_key(|p| p.start);
    Ok(paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_colours_and_texts_with_their_byte_ranges() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:pStyle w:val="1"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:pPr><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>A&amp;B</w:t></w:r><w:r><w:t xml:space="preserve"> c </w:t><w:tab/><w:t/></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:rStyle w:val="x"/><w:color w:val="0070C0"></w:color></w:rPr><w:t>青</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        let ps = read("word/document.xml", xml.as_bytes()).unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].style.as_deref(), Some("1"));
        assert_eq!(ps[0].text(), "A&B c ");
        let red = &ps[0].runs[0];
        assert_eq!(red.kind(), Some(SpotKind::Rewrite));
        let (range, _) = red.colour.clone().unwrap();
        assert_eq!(&xml[range], r#"<w:color w:val="FF0000"/>"#);
        assert_eq!(&xml[red.texts[0].range.clone()], "<w:t>A&amp;B</w:t>");
        assert_eq!(ps[0].runs[1].kind(), None);
        assert_eq!(ps[0].runs[1].texts.len(), 2);
        assert!(ps[1].in_table);
        let (range, kind) = ps[1].runs[0].colour.clone().unwrap();
        assert_eq!(kind, Some(SpotKind::Choose));
        assert_eq!(&xml[range], r#"<w:color w:val="0070C0"></w:color>"#);
    }

    #[test]
    fn byte_ranges_count_a_byte_order_mark() {
        let xml = "\u{FEFF}<?xml version=\"1.0\"?><w:p><w:r><w:rPr><w:color w:val=\"FF0000\"/></w:rPr><w:t>赤</w:t></w:r></w:p>";
        let ps = read("x", xml.as_bytes()).unwrap();
        let run = &ps[0].runs[0];
        assert_eq!(&xml[run.texts[0].range.clone()], "<w:t>赤</w:t>");
        let (range, _) = run.colour.clone().unwrap();
        assert_eq!(&xml[range], r#"<w:color w:val="FF0000"/>"#);
    }
}
