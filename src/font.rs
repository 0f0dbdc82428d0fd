//! The Japanese font bundled in the binary: IPAex Gothic (IPA Font License v1.0, see assets/fonts/).
//! The window and the PDF report use the same one, so both look the same on any PC.

pub const JAPANESE: &[u8] = include_bytes!("../assets/fonts/ipaexg.ttf");
pub const NAME: &str = "IPAexGothic";
