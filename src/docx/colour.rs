//! Which text colours mark a spot: red is 書き換え, blue is 選択 (docs/method.md §13).
//!
//! Word writes a run's colour as six hex digits (`w:color w:val="FF0000"`). The policy sample uses
//! pure red and Word's standard dark blue, but users' copies pass through other editors and palettes
//! (C00000 dark red, 0070C0 blue, 0066FF), so a family of colours counts, not one value.

use crate::domain::policy::spots::SpotKind;

/// The spot kind a `w:color` value marks, if any. Red: red at least C0 (192) with green and blue at
/// most 40 (64). Blue: blue at least C0 with red at most 40 and green at most 80 (128), so that
/// 0070C0 is blue and the light 00B0F0 (水色) is not. `auto` and theme-only colours mark nothing.
pub fn kind_of(val: &str) -> Option<SpotKind> {
    if val.len() != 6 {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(val.get(i..i + 2)?, 16).ok();
    let (r, g, b) = (channel(0)?, channel(2)?, channel(4)?);
    if r >= 0xC0 && g <= 0x40 && b <= 0x40 {
        Some(SpotKind::Rewrite)
    } else if b >= 0xC0 && r <= 0x40 && g <= 0x80 {
        Some(SpotKind::Choose)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reds_and_blues_of_word_and_other_editors() {
        for red in ["FF0000", "C00000", "EE0000", "ff0000", "E02020"] {
            assert_eq!(kind_of(red), Some(SpotKind::Rewrite), "{red}");
        }
        for blue in ["0000FF", "0070C0", "0066FF", "0033CC"] {
            assert_eq!(kind_of(blue), Some(SpotKind::Choose), "{blue}");
        }
        for other in [
            "2F5597", "000000", "auto", "00B0F0", "FF6600", "7030A0", "808080", "FFFF00", "C0C0C0",
        ] {
            assert_eq!(kind_of(other), None, "{other}");
        }
    }
}
