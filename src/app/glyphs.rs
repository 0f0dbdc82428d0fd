//! Characters typed into the workbook that no font of this PC can draw: said in the status bar with
//! where they are, instead of a silent box. The whole text is checked when the workbook changes in
//! bulk (opening, undo, an import); after the user's own edits only their text is (a full scan of
//! 100,000 assets takes tens of milliseconds). Each character's answer is remembered.

use crate::domain::{Edit, TextPlace, Workbook};
use eframe::egui;
use std::collections::HashMap;

const BMP: usize = 0x1_0000;

pub struct GlyphCheck {
    /// The session revision the list is for.
    revision: Option<u64>,
    /// Each character that cannot be drawn, with the first place it occurs.
    pub missing: Vec<(char, String)>,
    /// For each character of the BMP: asked yet, and whether it can be drawn.
    asked: Vec<u64>,
    drawable: Vec<u64>,
    /// The same for characters beyond the BMP (𠮷, emoji), which are rare.
    beyond: HashMap<char, bool>,
}

impl Default for GlyphCheck {
    fn default() -> Self {
        GlyphCheck {
            revision: None,
            missing: Vec::new(),
            asked: vec![0; BMP / 64],
            drawable: vec![0; BMP / 64],
            beyond: HashMap::new(),
        }
    }
}

impl GlyphCheck {
    fn can_draw(&mut self, ctx: &egui::Context, c: char) -> bool {
        let ask = |c: char| super::fonts::undrawable(ctx, &c.to_string()).is_empty();
        let code = c as usize;
        if code >= BMP {
            return *self.beyond.entry(c).or_insert_with(|| ask(c));
        }
        let (word, bit) = (code / 64, 1u64 << (code % 64));
        if self.asked[word] & bit == 0 {
            self.asked[word] |= bit;
            if ask(c) {
                self.drawable[word] |= bit;
            }
        }
        self.drawable[word] & bit != 0
    }

    fn check(&mut self, ctx: &egui::Context, text: &str, place: TextPlace) {
        if text.is_ascii() {
            return;
        }
        for c in text.chars() {
            if !c.is_ascii() && !self.can_draw(ctx, c) && !self.missing.iter().any(|(m, _)| *m == c)
            {
                self.missing.push((c, place.to_string()));
            }
        }
    }

    /// Checks the workbook's text again when it changed.
    pub fn update(&mut self, ctx: &egui::Context, workbook: &Workbook, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.missing.clear();
        for (place, text) in workbook.texts() {
            self.check(ctx, text, place);
        }
    }

    /// Checks only the text of `edits`, just saved, when the list was right before them (`before`
    /// is the revision then); otherwise the next `update` checks everything.
    pub fn after_edits(
        &mut self,
        ctx: &egui::Context,
        edits: &[Edit],
        workbook: &Workbook,
        before: u64,
        after: u64,
    ) {
        // A character typed over may have been the one missing: then all is checked again.
        if self.revision != Some(before) || !self.missing.is_empty() {
            return;
        }
        for edit in edits {
            for (place, text) in edit.texts(workbook) {
                self.check(ctx, text, place);
            }
        }
        self.revision = Some(after);
    }

    /// One line for the status bar and the full list for its tooltip; None when all can be drawn.
    pub fn message(&self) -> Option<(String, String)> {
        let (c, place) = self.missing.first()?;
        let all = self
            .missing
            .iter()
            .map(|(c, place)| format!("「{c}」（U+{:04X}）：{place}", *c as u32))
            .collect::<Vec<_>>()
            .join("\n");
        Some((
            format!(
                "この PC のフォントで表示できない文字があります：「{c}」（U+{:04X}、{place}）{}",
                *c as u32,
                if self.missing.len() > 1 {
                    format!(" ほか {} 文字", self.missing.len() - 1)
                } else {
                    String::new()
                }
            ),
            format!("{all}\n文字そのものは保存され、Excel 出力・PDF にもそのまま入ります。"),
        ))
    }
}
