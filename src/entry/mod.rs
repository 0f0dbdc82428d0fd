//! Entering many 台帳 values at once, from a paste or another program's list: every value is read
//! first, and either all go in or none does, with each wrong value named by row, column, value and
//! reason, and each value read as something else (「USBメモリ」→ 可搬電子媒体) listed.

pub mod block;
pub mod cli;
pub mod list;
pub mod tsv;

use crate::domain::cell_text::{leading_number_text, read_cell};
use crate::domain::register::{CellValue, Column};
use std::fmt;

/// One text to enter into `column`; `place` says where it came from, in the user's terms
/// (「3行目」 of a paste, 「Sheet1!C5」 of a file).
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub place: String,
    pub column: Column,
    pub text: String,
}

/// A value that cannot be entered: 行・列・値・理由.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub place: String,
    pub column: Column,
    pub value: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}（{}）「{}」: {}",
            self.place,
            self.column.header(),
            self.value,
            self.reason
        )
    }
}

/// A value entered as something other than what was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Reinterpreted {
    pub place: String,
    pub column: Column,
    pub written: String,
    pub became: String,
}

impl fmt::Display for Reinterpreted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}（{}）「{}」を「{}」として読みました",
            self.place,
            self.column.header(),
            self.written,
            self.became
        )
    }
}

/// The scale the 評価値 (機密性・完全性・可用性) of a list are written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RatingScale {
    /// 0–2, as in riskbook and the guideline's sheet this method follows.
    #[default]
    ZeroToTwo,
    /// 1–3, as in later editions of the guideline: read 1→0, 2→1, 3→2.
    OneToThree,
}

impl RatingScale {
    /// The scale a list's ratings look written on: 1–3 when some are 3 and none is 0.
    pub fn guess<'a>(texts: impl IntoIterator<Item = &'a Incoming>) -> RatingScale {
        let (mut three, mut zero) = (false, false);
        for cell in texts {
            if matches!(
                cell.column,
                Column::Confidentiality | Column::Integrity | Column::Availability
            ) {
                match leading_number_text(&cell.text) {
                    Ok(Some(3)) => three = true,
                    Ok(Some(0)) => zero = true,
                    _ => {}
                }
            }
        }
        if three && !zero {
            RatingScale::OneToThree
        } else {
            RatingScale::ZeroToTwo
        }
    }

    /// One message for the whole list, instead of one error per cell.
    pub const ONE_TO_THREE_MESSAGE: &str = "この表の評価値（機密性・完全性・可用性）は 1〜3 の段階で書かれています（ガイドラインの後の版の書き方です）。riskbook とこの台帳の方法は 0〜2 の段階なので、1→0、2→1、3→2 と読み替えます。";
    /// The same, where riskbook does not read down on its own (an IPA workbook, the command line
    /// without --scale): what the user can do.
    pub const ONE_TO_THREE_REFUSAL: &str = "評価値（機密性・完全性・可用性）が 1〜3 の段階で書かれています（ガイドラインの後の版の書き方です）。riskbook とこの台帳の方法は 0〜2 の段階なので、推測では読み替えずに止めました。1→0、2→1、3→2 と読み替えてよければ、ファイル → ほかの表から台帳へ取り込む（コマンドでは riskbook import-register に --scale 1-3）で読み替えて取り込めます。0〜2 のまま読むなら --scale 0-2 です。";

    fn convert(self, column: Column, text: &str) -> Option<String> {
        let rating = matches!(
            column,
            Column::Confidentiality | Column::Integrity | Column::Availability
        );
        match (self, rating, leading_number_text(text)) {
            (RatingScale::OneToThree, true, Ok(Some(n @ 1..=3))) => Some((n - 1).to_string()),
            _ => None,
        }
    }
}

/// What a block of cells reads as, when every value could be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Read {
    pub values: Vec<CellValue>,
    pub notes: Vec<Reinterpreted>,
}

/// Reads every cell; Err lists every value that cannot be read (nothing is entered then).
pub fn read_all(cells: &[Incoming], scale: RatingScale) -> Result<Read, Vec<Problem>> {
    let mut read = Read::default();
    let mut problems = Vec::new();
    for cell in cells {
        let converted = scale.convert(cell.column, &cell.text);
        match read_cell(cell.column, converted.as_deref().unwrap_or(&cell.text)) {
            Ok(reading) => {
                let became = if converted.is_some() {
                    Some(crate::domain::cell_text::shown(&reading.value))
                } else {
                    reading.became
                };
                if let Some(became) = became {
                    read.notes.push(Reinterpreted {
                        place: cell.place.clone(),
                        column: cell.column,
                        written: cell.text.trim().to_string(),
                        became,
                    });
                }
                read.values.push(reading.value);
            }
            Err(reason) => problems.push(Problem {
                place: cell.place.clone(),
                column: cell.column,
                value: cell.text.clone(),
                reason,
            }),
        }
    }
    if problems.is_empty() {
        Ok(read)
    } else {
        Err(problems)
    }
}

/// Problems as one message: the first ones, and how many more.
pub fn problems_message(problems: &[Problem]) -> String {
    const SHOWN: usize = 20;
    let mut lines: Vec<String> = problems
        .iter()
        .take(SHOWN)
        .map(|p| format!("・{p}"))
        .collect();
    if problems.len() > SHOWN {
        lines.push(format!("ほか {} 件", problems.len() - SHOWN));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(place: &str, column: Column, text: &str) -> Incoming {
        Incoming {
            place: place.into(),
            column,
            text: text.into(),
        }
    }

    #[test]
    fn all_or_nothing_with_every_problem_listed() {
        let cells = [
            cell("1行目", Column::Name, "顧客台帳"),
            cell("1行目", Column::Medium, "USBメモリ"),
            cell("2行目", Column::Confidentiality, "5"),
            cell("3行目", Column::Personal, "かも"),
        ];
        let problems = read_all(&cells, RatingScale::ZeroToTwo).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(
            problems[0].to_string(),
            "2行目（機密性）「5」: 機密性は 0、1、2 のいずれかで入力してください"
        );
        let read = read_all(&cells[..2], RatingScale::ZeroToTwo).unwrap();
        assert_eq!(
            read.notes[0].to_string(),
            "1行目（媒体・保存先）「USBメモリ」を「可搬電子媒体」として読みました"
        );
    }

    #[test]
    fn a_one_to_three_list_is_recognised_and_read_down_by_one() {
        let cells = [
            cell("A2", Column::Confidentiality, "3"),
            cell("A3", Column::Confidentiality, "1"),
            cell("A2", Column::Integrity, "2"),
        ];
        assert_eq!(RatingScale::guess(&cells), RatingScale::OneToThree);
        let read = read_all(&cells, RatingScale::OneToThree).unwrap();
        assert_eq!(
            read.values[0],
            CellValue::Rating(
                Column::Confidentiality,
                Some(crate::domain::Rating::new(2).unwrap())
            )
        );
        assert_eq!(read.notes.len(), 3, "each reading down is listed");
        assert_eq!(
            RatingScale::guess(&[
                cell("A2", Column::Integrity, "0"),
                cell("A3", Column::Integrity, "3")
            ]),
            RatingScale::ZeroToTwo,
            "a 0 means the 0–2 scale with a wrong 3"
        );
    }
}
