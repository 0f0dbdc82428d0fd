//! The 診断結果 as an A4 PDF with the Japanese font embedded (subset), for the president, an auditor or
//! the annual review. Layout is in `layout`, wording in `content`, PDF output here (krilla: a well-kept,
//! pure-Rust PDF writer that subsets and embeds TrueType fonts and handles CJK text).

pub mod annual;
pub mod basic_policy;
pub mod contacts;
pub mod content;
pub mod layout;
mod shaped;
pub mod supplier;

pub use content::{ReportInput, compose};

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::Font;
use layout::{Measure, Op, PAGE_HEIGHT, PAGE_WIDTH};
use std::collections::HashMap;
use std::sync::Mutex;

/// Text widths from the advance widths of the bundled fonts, each character in the font that draws
/// it (`crate::font::runs`).
pub struct FontMeasure {
    /// Per font of `crate::font::CHAIN`, the advance of each BMP character asked so far (NaN: not
    /// yet), and of the characters beyond it.
    cache: Mutex<Advances>,
}

struct Advances {
    bmp: Vec<Vec<f32>>,
    beyond: HashMap<(usize, char), f32>,
}

const BMP: usize = 0x1_0000;

impl FontMeasure {
    pub fn bundled() -> FontMeasure {
        FontMeasure {
            cache: Mutex::new(Advances {
                bmp: crate::font::CHAIN.iter().map(|_| Vec::new()).collect(),
                beyond: HashMap::new(),
            }),
        }
    }

    fn advance(advances: &mut Advances, font: usize, ch: char) -> f32 {
        if crate::font::modifies_previous(ch) {
            return 0.0;
        }
        let look_up = || {
            let face = crate::font::face(font);
            face.glyph_index(ch)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(0.5, |a| a as f32 / face.units_per_em() as f32)
        };
        let code = ch as usize;
        if code >= BMP {
            return *advances.beyond.entry((font, ch)).or_insert_with(look_up);
        }
        let bmp = &mut advances.bmp[font];
        if bmp.is_empty() {
            bmp.resize(BMP, f32::NAN);
        }
        if bmp[code].is_nan() {
            bmp[code] = look_up();
        }
        bmp[code]
    }

    fn run_width(&self, font: usize, run: &str, size: f32) -> f32 {
        let mut advances = self.cache.lock().expect("not poisoned");
        run.chars()
            .map(|c| Self::advance(&mut advances, font, c))
            .sum::<f32>()
            * size
    }
}

impl Measure for FontMeasure {
    fn width(&self, text: &str, size: f32) -> f32 {
        crate::font::runs(text)
            .into_iter()
            .map(|(font, run)| self.run_width(font, run, size))
            .sum()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("PDF を作成できませんでした：{0}")]
    Pdf(String),
    #[error("基本方針はまだ PDF にできません。{0}を入れてください。")]
    StatementIncomplete(String),
    #[error("PDF「{path}」を書き込めませんでした：{source}")]
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
    let fonts = crate::font::CHAIN
        .iter()
        .map(|f| {
            Font::new(f.bytes.into(), 0)
                .ok_or_else(|| ReportError::Pdf(format!("フォント {} を読み込めません", f.name)))
        })
        .collect::<Result<Vec<Font>, ReportError>>()?;
    let measure = FontMeasure::bundled();
    let mut shaper = shaped::Shaper::bundled();
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
                    // Each run in the font that has its glyphs; only the fonts used are embedded.
                    let mut at = *x;
                    for (font, run) in crate::font::runs(text) {
                        surface.draw_glyphs(
                            Point::from_xy(at, *y),
                            shaper.glyphs(font, &fonts[font], run),
                            fonts[font].clone(),
                            run,
                            *size,
                            false,
                        );
                        at += measure.run_width(font, run, *size);
                    }
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
    write_bytes(&pdf(input)?, path)
}

/// The 基本方針 page as PDF bytes; refused while its text, 制定日 or 代表者名 is missing.
pub fn basic_policy_pdf(
    company: &str,
    policy: &crate::domain::BasicPolicy,
) -> Result<Vec<u8>, ReportError> {
    let missing = policy.missing();
    if !missing.is_empty() {
        return Err(ReportError::StatementIncomplete(missing.join("・")));
    }
    render(&basic_policy::compose(
        company,
        policy,
        &FontMeasure::bundled(),
    ))
}

/// Renders composed pages and writes the PDF to `path`.
pub fn write_pages(pages: &[Vec<Op>], path: &std::path::Path) -> Result<(), ReportError> {
    write_bytes(&render(pages)?, path)
}

/// Writes a finished PDF to `path` via a temporary file beside it.
pub fn write_bytes(bytes: &[u8], path: &std::path::Path) -> Result<(), ReportError> {
    let write_err = |source| ReportError::Write {
        path: path.to_path_buf(),
        source,
    };
    crate::output_file::write_beside(path, bytes).map_err(write_err)
}
