//! The fonts bundled in the binary, tried in this order for each character, by the window and the PDF
//! alike, so that both draw what the user typed the same way on any PC:
//! 1. IPAex Gothic (IPA Font License v1.0): the Japanese of the sheets, JIS X 0208 and more.
//! 2. A supplement cut from Noto Sans CJK JP (SIL OFL 1.1, `scripts/make-supplement-font.py`): what
//!    IPAex lacks, such as 𠮷 and the other JIS X 0213 and Extension B kanji of company and person names.
//! 3. Noto Emoji (SIL OFL 1.1, the one egui carries): emoji, in outline.
//!
//! See assets/fonts/ for the licences. The window also asks the system's fonts for anything these lack
//! (src/app/fonts.rs).

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub static JAPANESE: &[u8] = include_bytes!("../assets/fonts/ipaexg.ttf");
pub const NAME: &str = "IPAexGothic";

/// One bundled font: its name (for egui and messages) and its file.
pub struct Bundled {
    pub name: &'static str,
    pub bytes: &'static [u8],
}

/// The bundled fonts in the order they are tried.
pub static CHAIN: [Bundled; 3] = [
    Bundled {
        name: NAME,
        bytes: JAPANESE,
    },
    Bundled {
        name: "NotoSansCJKjp-Supplement",
        bytes: include_bytes!("../assets/fonts/NotoSansCJKjp-Supplement.otf"),
    },
    Bundled {
        name: "NotoEmoji-Regular",
        bytes: epaint_default_fonts::NOTO_EMOJI_REGULAR,
    },
];

static FACES: LazyLock<Vec<ttf_parser::Face<'static>>> = LazyLock::new(|| {
    CHAIN
        .iter()
        .map(|f| ttf_parser::Face::parse(f.bytes, 0).expect("a bundled font parses"))
        .collect()
});

/// The parsed face of `CHAIN[index]`.
pub fn face(index: usize) -> &'static ttf_parser::Face<'static> {
    &FACES[index]
}

/// Characters that are never drawn by themselves: they change the character before them
/// (variation selectors such as the one in 葛󠄀, the zero-width joiner of emoji sequences).
pub fn modifies_previous(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}')
}

/// `font_for` of each character of the BMP once asked: 0 not yet, `NONE` none, else the index + 1.
/// A report of 10,000 assets asks for every character of every text several times.
static BMP_FONTS: [AtomicU8; 0x1_0000] = [const { AtomicU8::new(0) }; 0x1_0000];
const NONE: u8 = u8::MAX;

/// The first bundled font with a glyph for `c`.
pub fn font_for(c: char) -> Option<usize> {
    let look_up = || FACES.iter().position(|f| f.glyph_index(c).is_some());
    let Some(known) = BMP_FONTS.get(c as usize) else {
        return look_up();
    };
    match known.load(Ordering::Relaxed) {
        0 => {
            let font = look_up();
            known.store(font.map_or(NONE, |i| i as u8 + 1), Ordering::Relaxed);
            font
        }
        NONE => None,
        i => Some(i as usize - 1),
    }
}

/// `text` in runs of one font each. A variation selector or joiner stays in the run of the character
/// it modifies; a character no bundled font has goes with the first font (which shows a box).
pub fn runs(text: &str) -> Vec<(usize, &str)> {
    let mut runs: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if modifies_previous(c) || c.is_control() {
            continue;
        }
        let font = font_for(c).unwrap_or(0);
        match current {
            Some(f) if f == font => {}
            Some(f) => {
                runs.push((f, &text[start..i]));
                start = i;
                current = Some(font);
            }
            None => current = Some(font),
        }
    }
    if start < text.len() {
        runs.push((current.unwrap_or(0), &text[start..]));
    }
    runs
}

/// The characters of `text` that no bundled font can draw, each once, in order.
pub fn undrawable(text: &str) -> Vec<char> {
    let mut missing: Vec<char> = Vec::new();
    for c in text.chars() {
        if !modifies_previous(c)
            && !c.is_control()
            && font_for(c).is_none()
            && !missing.contains(&c)
        {
            missing.push(c);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_ipaex_go_to_the_supplement_and_emoji_to_noto_emoji() {
        let text = "株式会社𠮷野精工 葛\u{E0100}城支店 ｶﾌﾞｼｷ 🍣";
        let runs = runs(text);
        let fonts: Vec<(usize, &str)> = runs.clone();
        assert_eq!(
            fonts,
            vec![
                (0, "株式会社"),
                (1, "𠮷"),
                (0, "野精工 葛\u{E0100}城支店 ｶﾌﾞｼｷ "),
                (2, "🍣"),
            ]
        );
        assert_eq!(
            runs.iter().map(|r| r.1).collect::<String>(),
            text,
            "nothing is lost"
        );
        assert!(undrawable(text).is_empty());
        assert_eq!(undrawable("a\u{10FFFD}b"), vec!['\u{10FFFD}']);
    }
}
