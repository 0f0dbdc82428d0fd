//! Entering many 台帳 values at once, from a paste or another program's list: every value is read
//! first, and either all go in or none does, with each wrong value named by row, column, value and
//! reason, and each value read as something else (「USBメモリ」→ 可搬電子媒体) listed. The rules of
//! reading are the domain's (`domain::reading`); this layer finds the cells and plans the edits.

pub mod block;
pub mod list;
pub mod tsv;

pub use crate::domain::reading::{Incoming, Problem, RatingScale, Read, Reinterpreted, read_all};

/// Problems as one message: the first ones, and how many more.
pub fn problems_message(problems: &[Problem]) -> String {
    let (mut lines, more) = crate::domain::reading::bulleted(problems, 20);
    if more > 0 {
        lines.push(format!("ほか {more} 件"));
    }
    lines.join("\n")
}
