//! The edits of a check sheet's answers, their inverse and how they change the sheets in memory;
//! `domain::edit::Edit::CheckSheet` carries them (importing or removing a whole sheet is not an
//! edit: it goes through `operations`, with a backup copy, as an IPA import does).

use super::{AnswerScale, CheckSheet, ItemAnswer, SheetId};
use crate::domain::TextPlace;

#[derive(Debug, Clone, PartialEq)]
pub enum SheetEdit {
    /// Sets the answer of item `index` (0-based, in the sheet's order) of `sheet`.
    Answer {
        sheet: SheetId,
        index: usize,
        answer: ItemAnswer,
    },
    /// Replaces what the scale's options count as (the words themselves stay the customer's).
    SetScale { sheet: SheetId, scale: AnswerScale },
}

impl SheetEdit {
    pub fn sheet(&self) -> SheetId {
        match self {
            SheetEdit::Answer { sheet, .. } | SheetEdit::SetScale { sheet, .. } => *sheet,
        }
    }

    /// Refuses what the sheet cannot hold: an item it does not have, a choice off its list, a
    /// scale whose words are not the sheet's.
    pub fn check(&self, sheets: &[CheckSheet]) -> Result<(), String> {
        let sheet = find(sheets, self.sheet()).ok_or_else(|| {
            "取引先チェックシートが見つかりません。削除されています。".to_string()
        })?;
        match self {
            SheetEdit::Answer { index, answer, .. } => {
                let item = sheet.items.get(*index).ok_or_else(|| {
                    format!(
                        "「{}」に {} 件目の項目はありません。",
                        sheet.name,
                        index + 1
                    )
                })?;
                match &answer.choice {
                    Some(choice) => sheet
                        .scale
                        .check(choice)
                        .map_err(|e| format!("「{}」No.{}：{e}", sheet.name, item.number)),
                    None => Ok(()),
                }
            }
            SheetEdit::SetScale { scale, .. } => {
                if scale.words().eq(sheet.scale.words()) {
                    Ok(())
                } else {
                    Err(format!(
                        "「{}」の回答の選択肢は取引先のシートのとおりで、変えられません。",
                        sheet.name
                    ))
                }
            }
        }
    }

    /// The edit that takes `sheets` back to their state before this one.
    pub fn inverse(&self, sheets: &[CheckSheet]) -> SheetEdit {
        let Some(sheet) = find(sheets, self.sheet()) else {
            return self.clone();
        };
        match self {
            SheetEdit::Answer { index, .. } => match sheet.items.get(*index) {
                Some(item) => SheetEdit::Answer {
                    sheet: sheet.id,
                    index: *index,
                    answer: item.answer.clone(),
                },
                None => self.clone(),
            },
            SheetEdit::SetScale { .. } => SheetEdit::SetScale {
                sheet: sheet.id,
                scale: sheet.scale.clone(),
            },
        }
    }

    /// Makes the (saved) edit in memory.
    pub fn apply(&self, sheets: &mut [CheckSheet]) {
        let Some(sheet) = sheets.iter_mut().find(|s| s.id == self.sheet()) else {
            return;
        };
        match self {
            SheetEdit::Answer { index, answer, .. } => {
                if let Some(item) = sheet.items.get_mut(*index) {
                    item.answer = answer.clone();
                }
            }
            SheetEdit::SetScale { scale, .. } => sheet.scale = scale.clone(),
        }
    }
}

/// The texts an answer holds and where they stand, for the check of characters no font can draw
/// (`sheet`, `item`: 1-based positions).
pub fn answer_texts(
    answer: &ItemAnswer,
    sheet: usize,
    item: usize,
) -> impl Iterator<Item = (TextPlace, &str)> {
    let place = |field| TextPlace::CheckSheet { sheet, item, field };
    [
        (place("回答"), answer.choice.as_deref().unwrap_or("")),
        (place("根拠・補足"), answer.comment.as_str()),
        (place("回答者"), answer.by.as_str()),
    ]
    .into_iter()
    .filter(|(_, text)| !text.is_empty())
}

fn find(sheets: &[CheckSheet], id: SheetId) -> Option<&CheckSheet> {
    sheets.iter().find(|s| s.id == id)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::{FileFormat, Meaning, Requirement, SheetItem, Source};
    use super::*;
    use chrono::NaiveDate;

    /// A two-item sheet answered はい／いいえ／該当しない, for tests of the engine.
    pub(crate) fn sheet(id: i64) -> CheckSheet {
        let item = |row: u32, number: &str, requirement| SheetItem {
            row,
            number: number.to_string(),
            label: "組織".to_string(),
            text: format!("要求事項 {number}"),
            requirement,
            extra: Vec::new(),
            answer: ItemAnswer::default(),
        };
        CheckSheet {
            id: SheetId(id),
            name: "取引先A 2026年度".to_string(),
            customer: "取引先A".to_string(),
            source: Source {
                file_name: "check.xlsx".to_string(),
                format: FileFormat::Xlsx,
                sheet: "チェックシート".to_string(),
                answer_column: Some(4),
                comment_column: Some(5),
            },
            imported_on: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
            scale: AnswerScale::guessed(&["はい", "いいえ", "該当しない"]),
            items: vec![
                item(3, "1", Requirement::Required),
                item(4, "2", Requirement::Optional),
            ],
        }
    }

    fn answered(choice: &str) -> ItemAnswer {
        ItemAnswer {
            choice: Some(choice.to_string()),
            comment: "規程で定めている".to_string(),
            links: Vec::new(),
            by: "山田".to_string(),
            on: NaiveDate::from_ymd_opt(2026, 5, 1),
        }
    }

    #[test]
    fn an_answer_is_set_and_its_inverse_takes_it_back() {
        let mut sheets = vec![sheet(1)];
        let before = sheets.clone();
        let edit = SheetEdit::Answer {
            sheet: SheetId(1),
            index: 1,
            answer: answered("いいえ"),
        };
        assert!(edit.check(&sheets).is_ok());
        let inverse = edit.inverse(&sheets);
        edit.apply(&mut sheets);
        assert_eq!(sheets[0].meaning_of(1), Meaning::NotMet);
        assert_eq!(sheets[0].meaning_of(0), Meaning::Unanswered);
        inverse.apply(&mut sheets);
        assert_eq!(sheets, before);
    }

    #[test]
    fn an_answer_off_the_list_or_past_the_items_is_refused() {
        let sheets = vec![sheet(1)];
        let off = SheetEdit::Answer {
            sheet: SheetId(1),
            index: 0,
            answer: answered("たぶん"),
        };
        let err = off.check(&sheets).unwrap_err();
        assert!(err.contains("No.1") && err.contains("たぶん"), "{err}");
        let past = SheetEdit::Answer {
            sheet: SheetId(1),
            index: 2,
            answer: answered("はい"),
        };
        assert!(past.check(&sheets).unwrap_err().contains("3 件目"));
        let gone = SheetEdit::Answer {
            sheet: SheetId(9),
            index: 0,
            answer: answered("はい"),
        };
        assert!(gone.check(&sheets).is_err());
    }

    #[test]
    fn a_scale_keeps_the_customers_words_and_changes_only_meanings() {
        let mut sheets = vec![sheet(1)];
        let mut scale = sheets[0].scale.clone();
        scale.options[2].meaning = Meaning::Met;
        let edit = SheetEdit::SetScale {
            sheet: SheetId(1),
            scale,
        };
        assert!(edit.check(&sheets).is_ok());
        let inverse = edit.inverse(&sheets);
        edit.apply(&mut sheets);
        assert_eq!(sheets[0].scale.meaning("該当しない"), Meaning::Met);
        inverse.apply(&mut sheets);
        assert_eq!(
            sheets[0].scale.meaning("該当しない"),
            Meaning::NotApplicable
        );
        let renamed = SheetEdit::SetScale {
            sheet: SheetId(1),
            scale: AnswerScale::guessed(&["はい", "いいえ"]),
        };
        assert!(renamed.check(&sheets).is_err());
    }
}
