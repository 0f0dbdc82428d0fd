//! Reading the values of a block of 台帳 cells (a paste, the rows of a list): every value is read
//! first, and either all go in or none does; each value read as something other than what was
//! written (「USBメモリ」→ 可搬電子媒体) is listed.

use super::{Problem, RatingScale};
use crate::domain::cell_text::{read_cell, shown};
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

/// A value entered as something other than what was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Reinterpreted {
    pub place: String,
    pub column: Column,
    pub written: String,
    pub became: String,
}

impl Reinterpreted {
    /// What the value became, named even when it is empty: an empty 個人情報 is 「無（空欄）」, any
    /// other empty value 「空欄」, never an empty quote 「」.
    fn became_named(&self) -> &str {
        match (self.became.is_empty(), self.column) {
            (false, _) => &self.became,
            (true, Column::Personal | Column::Sensitive | Column::MyNumber) => "無（空欄）",
            (true, _) => "空欄",
        }
    }
}

impl fmt::Display for Reinterpreted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}（{}）「{}」を「{}」として読みました",
            self.place,
            self.column.header(),
            self.written,
            self.became_named()
        )
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
                    Some(shown(&reading.value))
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
                column: Some(cell.column),
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
            "2行目（機密性）「5」：機密性は 0、1、2 のいずれかで入力してください"
        );
        let read = read_all(&cells[..2], RatingScale::ZeroToTwo).unwrap();
        assert_eq!(
            read.notes[0].to_string(),
            "1行目（媒体・保存先）「USBメモリ」を「可搬電子媒体」として読みました"
        );
    }

    #[test]
    fn a_value_read_as_empty_is_named_not_quoted_empty() {
        let cells = [
            cell("2行目", Column::Personal, "なし"),
            cell("3行目", Column::MyNumber, "×"),
        ];
        let read = read_all(&cells, RatingScale::ZeroToTwo).unwrap();
        let notes: Vec<String> = read.notes.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            notes,
            [
                "2行目（個人情報）「なし」を「無（空欄）」として読みました",
                "3行目（マイナンバー）「×」を「無（空欄）」として読みました",
            ]
        );
        let cleared = Reinterpreted {
            place: "A5".into(),
            column: Column::Confidentiality,
            written: "不明".into(),
            became: String::new(),
        };
        assert_eq!(
            cleared.to_string(),
            "A5（機密性）「不明」を「空欄」として読みました"
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
