//! The 診断結果 as an A4 PDF with the Japanese font embedded (subset), for the president, an auditor or
//! the annual review. Layout is in `layout`, wording in `content`, PDF output here (krilla: a well-kept,
//! pure-Rust PDF writer that subsets and embeds TrueType fonts and handles CJK text).

pub mod content;
pub mod layout;

pub use content::{HIGH_FILL, ReportInput, compose};

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use layout::{Measure, Op, PAGE_HEIGHT, PAGE_WIDTH};
use std::collections::HashMap;
use std::sync::Mutex;

/// Text widths from the bundled font's advance widths.
pub struct FontMeasure {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    cache: Mutex<HashMap<char, f32>>,
}

impl FontMeasure {
    pub fn bundled() -> FontMeasure {
        let face =
            ttf_parser::Face::parse(crate::font::JAPANESE, 0).expect("the bundled font parses");
        FontMeasure {
            units_per_em: face.units_per_em() as f32,
            face,
            cache: Mutex::new(HashMap::new()),
        }
    }

    fn advance(&self, ch: char) -> f32 {
        let mut cache = self.cache.lock().expect("not poisoned");
        *cache.entry(ch).or_insert_with(|| {
            self.face
                .glyph_index(ch)
                .and_then(|g| self.face.glyph_hor_advance(g))
                .map_or(0.5, |a| a as f32 / self.units_per_em)
        })
    }
}

impl Measure for FontMeasure {
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("PDF を作成できませんでした: {0}")]
    Pdf(String),
    #[error("PDF「{path}」を書き込めませんでした: {source}")]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

fn fill(color: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        ..Default::default()
    }
}

/// Renders laid-out pages to PDF bytes.
pub fn render(pages: &[Vec<Op>]) -> Result<Vec<u8>, ReportError> {
    let font = Font::new(crate::font::JAPANESE.into(), 0)
        .ok_or_else(|| ReportError::Pdf("フォントを読み込めません".into()))?;
    let mut document = krilla::Document::new();
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a valid size");
    for ops in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    color,
                    text,
                } => {
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        font.clone(),
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill: color,
                } => {
                    let Some(rect) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) else {
                        continue;
                    };
                    let mut path = PathBuilder::new();
                    path.push_rect(rect);
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(fill(*color)));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

/// The whole report as PDF bytes.
pub fn pdf(input: &ReportInput) -> Result<Vec<u8>, ReportError> {
    let measure = FontMeasure::bundled();
    render(&compose(input, &measure))
}

/// Writes the report to `path` (via a temporary file beside it, so a half-written PDF never replaces
/// a good one).
pub fn write_pdf(input: &ReportInput, path: &std::path::Path) -> Result<(), ReportError> {
    let bytes = pdf(input)?;
    let write_err = |source| ReportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(write_err)?;
    std::fs::rename(&tmp, path).map_err(write_err)
}
