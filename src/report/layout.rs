//! A small page composer: text and boxes placed top-down on A4 pages, with page breaks, repeated
//! table headers and text wrapping. It produces drawing operations, not PDF, so the number of pages
//! is known before the footers ("n / N") are drawn and the layout can be checked without a PDF reader.

/// A4 portrait in PDF points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 42.0;
/// Space kept free at the bottom for the footer.
pub const FOOTER_SPACE: f32 = 28.0;

use crate::calc::palette::ClassColors;
pub use crate::calc::palette::Rgb;
pub const BLACK: Rgb = (0, 0, 0);
pub const GREY: Rgb = (110, 110, 110);

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Text with its baseline's left end at (x, y); y grows downwards from the top of the page.
    Text {
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
}

/// How wide a text is, in points, at a size.
pub trait Measure {
    fn width(&self, text: &str, size: f32) -> f32;
}

/// Where a line may end in `text` (禁則処理), as the byte offsets where the next line would begin,
/// in order, ending with `text.len()`: the Unicode line breaking algorithm (UAX #14), whose classes
/// keep 「）」「。」「、」「・」 and small kana from starting a line, 「（」「「」 from ending one, and
/// 「No.42」 or 「4.5」 together, while Japanese may break between two ideographs or kana.
/// The one rule of both front ends: the PDF and the window wrap with `wrap`, which uses it.
pub fn break_opportunities(text: &str) -> impl Iterator<Item = usize> + '_ {
    unicode_linebreak::linebreaks(text).map(|(offset, _)| offset)
}

/// Breaks `text` into lines no wider than `width` at the break opportunities, a paragraph per `\n`.
/// Every character is kept (a space that ends a line stays at its end and is not counted); a piece
/// wider than a whole line by itself (a long number, a path) is broken between characters.
pub fn wrap(measure: &dyn Measure, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        let mut start = 0;
        for end in break_opportunities(paragraph) {
            let piece = &paragraph[start..end];
            start = end;
            let piece_width = measure.width(piece, size);
            let inked = measure.width(piece.trim_end(), size);
            if !line.is_empty() && line_width + inked > width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if line.is_empty() && inked > width {
                for ch in piece.chars() {
                    let mut buffer = [0; 4];
                    let w = measure.width(ch.encode_utf8(&mut buffer), size);
                    if !line.is_empty() && !ch.is_whitespace() && line_width + w > width {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(ch);
                    line_width += w;
                }
                continue;
            }
            line.push_str(piece);
            line_width += piece_width;
        }
        lines.push(line);
    }
    lines
}

/// One column of a table: header text, width, and whether numbers are right-aligned.
#[derive(Debug, Clone)]
pub struct TableColumn {
    pub header: String,
    pub width: f32,
    pub align_right: bool,
}

impl TableColumn {
    pub fn left(header: &str, width: f32) -> Self {
        TableColumn {
            header: header.into(),
            width,
            align_right: false,
        }
    }
    pub fn right(header: &str, width: f32) -> Self {
        TableColumn {
            header: header.into(),
            width,
            align_right: true,
        }
    }
}

/// A cell: text, optionally on a coloured background, or a bar (0–1) with a caption.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    /// Text on a risk class's colours.
    Filled(String, ClassColors),
    Bar(f32, String),
}

/// `text` cut to `width` with 「…」 at the end where it was cut.
pub fn fit(measure: &dyn Measure, text: &str, size: f32, width: f32) -> String {
    let mut shown = text.to_string();
    while !shown.is_empty() && measure.width(&shown, size) > width {
        shown.pop();
    }
    if shown.len() < text.len() && !shown.is_empty() {
        shown.pop();
        shown.push('…');
    }
    shown
}

pub struct Composer<'a> {
    measure: &'a dyn Measure,
    pub pages: Vec<Vec<Op>>,
    y: f32,
}

const CELL_PAD: f32 = 3.0;
/// Line height of a wrapped table header, in multiples of the text size.
const HEADER_LINE: f32 = 1.2;

impl<'a> Composer<'a> {
    pub fn new(measure: &'a dyn Measure) -> Self {
        Composer {
            measure,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    pub fn content_width(&self) -> f32 {
        PAGE_WIDTH - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        PAGE_HEIGHT - MARGIN - FOOTER_SPACE
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("there is always a page")
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > self.bottom() {
            self.new_page();
            return true;
        }
        false
    }

    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    pub fn text_at(&mut self, x: f32, baseline: f32, size: f32, color: Rgb, text: &str) {
        if text.is_empty() {
            return;
        }
        self.ops().push(Op::Text {
            x,
            y: baseline,
            size,
            color,
            text: text.to_string(),
        });
    }

    /// A filled box; nothing for an empty one (a 0 % bar), which a PDF viewer would draw as a hairline.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        self.ops().push(Op::Rect { x, y, w, h, fill });
    }

    /// A paragraph across the page, wrapped.
    pub fn paragraph(&mut self, text: &str, size: f32, color: Rgb) {
        self.hanging(text, size, color, 0.0);
    }

    /// A paragraph whose lines after the first are indented by `indent` (list items).
    pub fn hanging(&mut self, text: &str, size: f32, color: Rgb, indent: f32) {
        let line_height = size * 1.45;
        let first = wrap(self.measure, text, size, self.content_width());
        let Some(head) = first.first().cloned() else {
            return;
        };
        let rest: String = text.chars().skip(head.chars().count()).collect();
        let mut lines = vec![(0.0, head)];
        if !rest.is_empty() {
            lines.extend(
                wrap(self.measure, &rest, size, self.content_width() - indent)
                    .into_iter()
                    .map(|l| (indent, l)),
            );
        }
        for (x, line) in lines {
            self.ensure(line_height);
            let baseline = self.y + size;
            self.text_at(MARGIN + x, baseline, size, color, &line);
            self.y += line_height;
        }
    }

    pub fn heading(&mut self, text: &str) {
        self.ensure(40.0);
        self.space(6.0);
        let size = 13.0;
        self.text_at(MARGIN, self.y + size, size, BLACK, text);
        self.y += size + 4.0;
        self.rect(MARGIN, self.y, self.content_width(), 0.8, (60, 60, 60));
        self.y += 6.0;
    }

    /// Each column's header in lines: a header is never cut, it wraps and the header row grows.
    fn header_lines(&self, columns: &[TableColumn], size: f32) -> Vec<Vec<String>> {
        columns
            .iter()
            .map(|c| wrap(self.measure, &c.header, size, c.width - 2.0 * CELL_PAD))
            .collect()
    }

    fn header_height(lines: &[Vec<String>], size: f32) -> f32 {
        let count = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        size + (count - 1) as f32 * size * HEADER_LINE + 2.0 * CELL_PAD + 2.0
    }

    fn header_row(&mut self, columns: &[TableColumn], size: f32) {
        let lines = self.header_lines(columns, size);
        let height = Self::header_height(&lines, size);
        self.rect(
            MARGIN,
            self.y,
            columns.iter().map(|c| c.width).sum(),
            height,
            (225, 230, 238),
        );
        let top = self.y;
        let mut x = MARGIN;
        for (c, lines) in columns.iter().zip(&lines) {
            for (i, line) in lines.iter().enumerate() {
                self.y = top + i as f32 * size * HEADER_LINE;
                self.cell_text(x, c, line, size, BLACK);
            }
            x += c.width;
        }
        self.y = top + height;
    }

    fn cell_text(&mut self, x: f32, column: &TableColumn, text: &str, size: f32, color: Rgb) {
        let shown = fit(self.measure, text, size, column.width - 2.0 * CELL_PAD);
        let w = self.measure.width(&shown, size);
        let tx = if column.align_right {
            x + column.width - CELL_PAD - w
        } else {
            x + CELL_PAD
        };
        self.text_at(tx, self.y + CELL_PAD + size * 0.9, size, color, &shown);
    }

    /// A table that breaks across pages, repeating its header on each page.
    pub fn table(&mut self, columns: &[TableColumn], rows: &[Vec<Cell>], size: f32) {
        let row_height = size + 2.0 * CELL_PAD + 2.0;
        let header_height = Self::header_height(&self.header_lines(columns, size), size);
        self.ensure(header_height + row_height);
        self.header_row(columns, size);
        for (i, row) in rows.iter().enumerate() {
            if self.ensure(row_height) {
                self.header_row(columns, size);
            }
            if i % 2 == 1 {
                self.rect(
                    MARGIN,
                    self.y,
                    columns.iter().map(|c| c.width).sum(),
                    row_height,
                    (246, 246, 246),
                );
            }
            let mut x = MARGIN;
            for (column, cell) in columns.iter().zip(row) {
                match cell {
                    Cell::Text(t) => self.cell_text(x, column, t, size, BLACK),
                    Cell::Filled(t, colors) => {
                        self.rect(
                            x + 1.0,
                            self.y + 1.0,
                            column.width - 2.0,
                            row_height - 2.0,
                            colors.fill,
                        );
                        self.cell_text(x, column, t, size, colors.text);
                    }
                    Cell::Bar(fraction, caption) => {
                        let bar_w = (column.width - 2.0 * CELL_PAD) * 0.62;
                        let bar_y = self.y + CELL_PAD + 1.0;
                        let bar_h = row_height - 2.0 * CELL_PAD - 2.0;
                        self.rect(x + CELL_PAD, bar_y, bar_w, bar_h, (225, 225, 225));
                        self.rect(
                            x + CELL_PAD,
                            bar_y,
                            bar_w * fraction.clamp(0.0, 1.0),
                            bar_h,
                            (70, 130, 200),
                        );
                        let w = self.measure.width(caption, size);
                        self.text_at(
                            x + column.width - CELL_PAD - w,
                            self.y + CELL_PAD + size * 0.9,
                            size,
                            BLACK,
                            caption,
                        );
                    }
                }
                x += column.width;
            }
            self.y += row_height;
        }
        self.space(6.0);
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn measure(&self) -> &dyn Measure {
        self.measure
    }
}

/// Every character 1 point per point of size: a measure easy to reason about, for the layout's
/// tests and those of the pages built on it.
/// The texts drawn on `pages`, in drawing order (tests read a composed report back with it).
#[cfg(test)]
pub(crate) fn texts(pages: &[Vec<Op>]) -> Vec<String> {
    pages
        .iter()
        .flatten()
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.clone()),
            Op::Rect { .. } => None,
        })
        .collect()
}

#[cfg(test)]
pub(crate) struct Fixed;

#[cfg(test)]
impl Measure for Fixed {
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().count() as f32 * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_the_width_and_keeps_every_character() {
        let lines = wrap(&Fixed, "情報セキュリティ対策", 10.0, 40.0);
        assert_eq!(
            lines,
            ["情報セ", "キュリ", "ティ対策"],
            "small kana never start a line"
        );
        assert_eq!(wrap(&Fixed, "一\n二", 10.0, 100.0), ["一", "二"]);
    }

    /// The lines of `text` wrapped at `chars` characters of `Fixed`.
    fn lines(text: &str, chars: usize) -> Vec<String> {
        let lines = wrap(&Fixed, text, 10.0, chars as f32 * 10.0);
        assert_eq!(lines.concat(), text, "every character kept, in order");
        lines
    }

    /// 禁則処理 at every width: no line starts with closing punctuation, 「・」 or 「ー」 and none ends
    /// with an opening bracket; 「No.42」 is never split.
    #[test]
    fn japanese_lines_obey_the_line_breaking_rules_at_every_width() {
        let text = "脆弱性 2：関連項目「2 一部実施している」No.6・13・27・35（一部実施・未実施の混在など）があるので 2。\
                    発生頻度 3、脆弱性 2 → 換算表の「頻度 3 × 脆弱性 2」の欄で被害発生可能性 2（可能性：中）。\
                    項目 No.42 だけ、ウイルス対策ソフトウェアを導入し、定義ファイルを自動更新している。";
        // From the widest piece that may not be broken (「No.42 」) on: narrower lines must break
        // somewhere (`a_piece_wider_than_the_line_is_broken_between_characters`).
        for chars in 6..40 {
            let lines = lines(text, chars);
            for (i, line) in lines.iter().enumerate() {
                let first = line.chars().next().expect("no empty line");
                assert!(
                    !"・）」』】、。，．ー？！)]".contains(first),
                    "line {i} at {chars} starts with {first}: {lines:?}"
                );
                let last = line.trim_end().chars().last().unwrap();
                assert!(
                    !"（「『【(".contains(last),
                    "line {i} at {chars} ends with {last}: {lines:?}"
                );
                if i > 0 {
                    assert!(
                        !(lines[i - 1].ends_with("No.") || lines[i - 1].ends_with("No.4")),
                        "No.42 split at {chars}: {lines:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn closing_punctuation_takes_the_character_before_it_to_the_next_line() {
        assert_eq!(
            lines("実施している）。", 6),
            ["実施してい", "る）。"],
            "「）。」 never starts a line: the last kana goes with it (追い出し)"
        );
        assert_eq!(lines("重要度（機密性）", 3), ["重要度", "（機密", "性）"]);
        assert_eq!(lines("項目 No.42 だけ", 5), ["項目 ", "No.42 ", "だけ"]);
    }

    #[test]
    fn an_empty_bar_draws_nothing() {
        let mut c = Composer::new(&Fixed);
        c.rect(10.0, 10.0, 0.0, 8.0, BLACK);
        assert!(c.pages[0].is_empty());
        c.rect(10.0, 10.0, 0.5, 8.0, BLACK);
        assert_eq!(c.pages[0].len(), 1);
    }

    #[test]
    fn a_piece_wider_than_the_line_is_broken_between_characters() {
        assert_eq!(lines("12345678901234", 5), ["12345", "67890", "1234"]);
    }

    #[test]
    fn a_header_wider_than_its_column_wraps_whole_and_its_row_grows() {
        let mut c = Composer::new(&Fixed);
        let columns = [
            TableColumn::left("名称", 100.0),
            TableColumn::right("リスク大の減少", 46.0),
        ];
        c.table(
            &columns,
            &[vec![Cell::Text("資産".into()), Cell::Text("6".into())]],
            10.0,
        );
        let texts: Vec<(f32, &str)> = c.pages[0]
            .iter()
            .filter_map(|op| match op {
                Op::Text { y, text, .. } => Some((*y, text.as_str())),
                _ => None,
            })
            .collect();
        let header: Vec<&str> = texts[1..texts.len() - 2].iter().map(|t| t.1).collect();
        assert_eq!(
            header.concat(),
            "リスク大の減少",
            "every character of the header"
        );
        assert!(header.iter().all(|line| !line.contains('…')), "{header:?}");
        assert_eq!(header.len(), 2, "{header:?}");
        let row = texts.iter().find(|t| t.1 == "資産").unwrap();
        assert!(
            row.0 > texts[2].0 + 10.0,
            "the first row is below the header's last line: {texts:?}"
        );
    }

    #[test]
    fn long_tables_break_across_pages_and_repeat_their_header() {
        let mut c = Composer::new(&Fixed);
        let columns = [
            TableColumn::left("名称", 100.0),
            TableColumn::right("値", 60.0),
        ];
        let rows: Vec<Vec<Cell>> = (0..200)
            .map(|i| vec![Cell::Text(format!("資産{i}")), Cell::Text(i.to_string())])
            .collect();
        c.table(&columns, &rows, 8.0);
        assert!(c.pages.len() >= 4, "{} pages", c.pages.len());
        for page in &c.pages {
            let headers = page
                .iter()
                .filter(|op| matches!(op, Op::Text { text, .. } if text == "名称"))
                .count();
            assert_eq!(headers, 1, "each page has the header once");
            for op in page {
                if let Op::Text { y, .. } = op {
                    assert!(
                        *y <= PAGE_HEIGHT - MARGIN - FOOTER_SPACE + 1.0,
                        "nothing in the footer"
                    );
                }
            }
        }
        let all_rows = c
            .pages
            .iter()
            .flatten()
            .filter(|op| matches!(op, Op::Text { text, .. } if text.starts_with("資産")))
            .count();
        assert_eq!(all_rows, 200, "no row lost at a page break");
    }
}
