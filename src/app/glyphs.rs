//! Characters typed into the workbook that no font of this PC can draw: said in the status bar with
//! where they are, instead of a silent box.

use crate::domain::Workbook;
use crate::domain::register::Column;
use eframe::egui;
use std::collections::HashMap;

#[derive(Default)]
pub struct GlyphCheck {
    /// The session revision the list is for.
    revision: Option<u64>,
    /// Each character that cannot be drawn, with the first place it occurs.
    pub missing: Vec<(char, String)>,
    /// Whether each character seen so far can be drawn.
    known: HashMap<char, bool>,
}

impl GlyphCheck {
    /// Checks the workbook's text again when it changed.
    pub fn update(&mut self, ctx: &egui::Context, workbook: &Workbook, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.missing.clear();
        let settings = &workbook.settings;
        let mut check = |text: &str, place: &dyn Fn() -> String| {
            for c in text.chars() {
                if c.is_ascii() {
                    continue;
                }
                let drawable = *self
                    .known
                    .entry(c)
                    .or_insert_with(|| super::fonts::undrawable(ctx, &c.to_string()).is_empty());
                if !drawable && !self.missing.iter().any(|(m, _)| *m == c) {
                    self.missing.push((c, place()));
                }
            }
        };
        check(&settings.company, &|| "診断結果の会社名".to_string());
        check(&settings.assessor, &|| "診断結果の診断実施者".to_string());
        for (i, asset) in workbook.assets.iter().enumerate() {
            for column in Column::ALL.into_iter().filter(|c| c.is_text()) {
                if let Some(crate::domain::register::CellValue::Text(_, text)) =
                    crate::domain::register::CellValue::of(asset, column)
                {
                    check(&text, &|| {
                        format!("台帳 {}行目の{}", i + 1, column.header())
                    });
                }
            }
        }
    }

    /// One line for the status bar, None when every character can be drawn.
    pub fn message(&self) -> Option<(String, String)> {
        let (c, place) = self.missing.first()?;
        let all = self
            .missing
            .iter()
            .map(|(c, place)| format!("「{c}」（U+{:04X}）: {place}", *c as u32))
            .collect::<Vec<_>>()
            .join("\n");
        Some((
            format!(
                "この PC のフォントで表示できない文字があります: 「{c}」（U+{:04X}、{place}）{}",
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
