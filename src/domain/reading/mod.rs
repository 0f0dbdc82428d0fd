//! How a 台帳 is read, whichever way it comes in: the 台帳 sheet of an IPA workbook (`xlsx::import`),
//! another program's list (`entry::list`) or a paste (`entry::block`). The readers of each format
//! only find the cells; the rules they share are here, once: which header names which column
//! (`headers`), which scale the 評価値 are written on (`scale`), how a row's values are read and
//! what was read as something else (`values`), and how a value that cannot be read is reported
//! (`problem`). How one cell's text is read lives in `domain::cell_text`.

mod headers;
mod problem;
mod scale;
mod values;

pub use headers::Headers;
pub use problem::{Problem, bulleted};
pub use scale::RatingScale;
pub use values::{Incoming, Read, Reinterpreted, read_all};
