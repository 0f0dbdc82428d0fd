//! The bundled Japanese font (IPAex Gothic, IPA Font License v1.0: assets/fonts/), installed once at
//! start so that every PC renders the same glyphs.

use eframe::egui;
use std::sync::Arc;

use crate::font::{JAPANESE, NAME as FONT_NAME};

pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        FONT_NAME.to_owned(),
        Arc::new(egui::FontData::from_static(JAPANESE)),
    );
    // Japanese first for proportional text; egui's own fonts stay as fallback for symbols and emoji.
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}
