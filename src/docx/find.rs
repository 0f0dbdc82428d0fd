//! Finding the spots of one part: in each paragraph, the longest stretches of neighbouring runs of
//! the same marking colour (Word splits text into runs freely: spell checks, edits, IME input), with
//! the chapter, section and sentence around each (docs/method.md §13).

use super::package::Kind;
use super::part::{Paragraph, Run};
use super::styles::Headings;
use crate::domain::policy::spots::{Spot, SpotKind, SpotNo, SpotPlace};
use std::ops::Range;

/// A spot with where its runs are in its part, for writing the filled value.
#[derive(Debug, Clone)]
pub struct Located {
    pub spot: Spot,
    pub runs: Vec<Run>,
    /// The `w:color` element of the paragraph's normal text (the first run with text and an own
    /// colour that marks nothing), put in place of the spot's colour; None: the colour is removed,
    /// so the text takes the colour of its style.
    pub normal_colour: Option<Range<usize>>,
}

/// Characters of the sentence kept on each side of a spot when its paragraph has no 。 nearby.
const CONTEXT_LIMIT: usize = 80;

/// The heading level of a paragraph, if it is a heading.
fn level(p: &Paragraph, headings: &Headings) -> Option<u8> {
    p.outline
        .map(|o| o + 1)
        .or_else(|| p.style.as_deref().and_then(|s| headings.level(s)))
}

/// The spots of one part, numbered from `first`.
pub fn spots(
    paragraphs: &[Paragraph],
    kind: Kind,
    part_label: &str,
    headings: &Headings,
    first: u32,
) -> Vec<Located> {
    let top = paragraphs
        .iter()
        .filter_map(|p| level(p, headings))
        .min()
        .unwrap_or(1);
    let mut chapter = String::new();
    let mut section = String::new();
    let mut found = Vec::new();
    for p in paragraphs {
        if kind == Kind::Body
            && let Some(l) = level(p, headings)
        {
            let text = p.text().trim().to_string();
            if l <= top {
                chapter = text;
                section.clear();
            } else {
                section = text;
            }
        }
        let place = match kind {
            Kind::Header => SpotPlace::Header,
            Kind::Footer => SpotPlace::Footer,
            Kind::Body if p.in_table => SpotPlace::Table,
            Kind::Body => SpotPlace::Body,
        };
        let (chapter, section) = match kind {
            Kind::Body => (chapter.clone(), section.clone()),
            _ => (part_label.to_string(), String::new()),
        };
        for (runs, spot_kind, chars) in stretches(p) {
            let no = SpotNo(first + found.len() as u32);
            let paragraph: Vec<char> = p.text().chars().collect();
            let text: String = runs.iter().map(Run::text).collect();
            let (before, after) = sentence(&paragraph, chars);
            found.push(Located {
                spot: Spot {
                    no,
                    kind: spot_kind,
                    place,
                    chapter: chapter.clone(),
                    section: section.clone(),
                    text,
                    before,
                    after,
                },
                runs,
                normal_colour: normal_colour(p),
            });
        }
    }
    found
}

/// The stretches of neighbouring same-kind runs with text in a paragraph, with the characters of
/// the paragraph's text they cover. Runs without text (a bookmark's, an empty one) neither join
/// nor break a stretch; a run with text of another colour breaks it.
fn stretches(p: &Paragraph) -> Vec<(Vec<Run>, SpotKind, Range<usize>)> {
    let mut out: Vec<(Vec<Run>, SpotKind, Range<usize>)> = Vec::new();
    let mut open = false;
    let mut at = 0;
    for run in &p.runs {
        let len = run.text().chars().count();
        if len == 0 {
            continue;
        }
        match run.kind() {
            Some(kind) => match out.last_mut() {
                Some((runs, k, chars)) if open && *k == kind => {
                    runs.push(run.clone());
                    chars.end = at + len;
                }
                _ => {
                    out.push((vec![run.clone()], kind, at..at + len));
                    open = true;
                }
            },
            None => open = false,
        }
        at += len;
    }
    out
}

/// The paragraph's text before and after `chars`, cut to the sentence: after the last 。 before it
/// and up to and with the first 。 after it.
fn sentence(paragraph: &[char], chars: Range<usize>) -> (String, String) {
    let before = &paragraph[..chars.start];
    let from = before
        .iter()
        .rposition(|c| *c == '。')
        .map_or(0, |i| i + 1)
        .max(before.len().saturating_sub(CONTEXT_LIMIT));
    let after = &paragraph[chars.end..];
    let to = after
        .iter()
        .position(|c| *c == '。')
        .map_or(after.len(), |i| i + 1)
        .min(CONTEXT_LIMIT);
    (
        before[from..].iter().collect(),
        after[..to].iter().collect(),
    )
}

fn normal_colour(p: &Paragraph) -> Option<Range<usize>> {
    p.runs
        .iter()
        .filter(|r| !r.text().is_empty())
        .find_map(|r| match &r.colour {
            Some((range, None)) => Some(range.clone()),
            _ => None,
        })
}
