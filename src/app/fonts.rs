//! The window's fonts: the bundled chain (`crate::font::CHAIN`: IPAex Gothic, the supplement for 𠮷 and
//! other name kanji, Noto Emoji) first, so every PC draws the same glyphs, then the system's own fonts
//! for anything those lack (Yu Gothic, Meiryo, Segoe UI Emoji on Windows; fontconfig on Linux), found
//! on demand by the system font provider that eframe installs (its default `system_fonts` feature,
//! egui_system_font_provider). Installed once at start.

use eframe::egui;
use std::sync::Arc;

pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (position, font) in crate::font::CHAIN.iter().enumerate() {
        fonts.font_data.insert(
            font.name.to_owned(),
            Arc::new(egui::FontData::from_static(font.bytes)),
        );
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .insert(position, font.name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}

/// The characters of `text` that no font of the window can draw (none bundled, none on this PC).
pub fn undrawable(ctx: &egui::Context, text: &str) -> Vec<char> {
    let candidates = crate::font::undrawable(text);
    if candidates.is_empty() {
        return candidates;
    }
    let family = egui::FontFamily::Proportional;
    ctx.fonts_mut(|f| {
        candidates
            .into_iter()
            .filter(|c| !f.has_glyph(&egui::FontId::new(14.0, family.clone()), *c))
            .collect()
    })
}
