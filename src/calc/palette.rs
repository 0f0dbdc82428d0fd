//! The colours of the risk classes, one palette for the window, the PDF report and the exported
//! workbook (docs/method.md: 大 red, 中 yellow, 小 green, 未算定 grey), with the text colour that
//! reads on each.

use super::RiskLevel;

/// A colour as red, green, blue.
pub type Rgb = (u8, u8, u8);

/// A class's background and the colour of text on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassColors {
    pub fill: Rgb,
    pub text: Rgb,
}

impl RiskLevel {
    pub fn colors(self) -> ClassColors {
        let (fill, text) = match self {
            RiskLevel::High => ((220, 60, 50), (255, 255, 255)),
            RiskLevel::Medium => ((250, 215, 80), (0, 0, 0)),
            RiskLevel::Low => ((130, 195, 120), (0, 0, 0)),
            RiskLevel::Unrated => ((205, 205, 205), (60, 60, 60)),
        };
        ClassColors { fill, text }
    }
}

/// A colour as Excel's 0xRRGGBB.
pub fn hex(color: Rgb) -> u32 {
    ((color.0 as u32) << 16) | ((color.1 as u32) << 8) | color.2 as u32
}
