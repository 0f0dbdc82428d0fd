//! Next year's sheet from the same customer: the answers of last year's sheet carried over to the
//! items that stayed the same, and what changed listed, so only the changes need attention.
//!
//! An item is the same when its number and its requirement text are the same (spaces and
//! full/half width aside), or, failing that, when its text alone is (the customer renumbered).
//! A reworded item (same number, other text) is not carried: the old answer answered another
//! question; it is listed so the user reads it again.

use super::{AnswerScale, CheckSheet, SheetItem};
use crate::domain::cell_text::normalize;

/// What a carry-over found, by item number as the new sheet writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Items whose answer was carried over.
    pub carried: usize,
    /// Items of the new sheet that last year's did not have.
    pub added: Vec<String>,
    /// Items of last year's sheet that the new one no longer has.
    pub removed: Vec<String>,
    /// Items under the same number whose text changed: (number, last year's text).
    pub reworded: Vec<(String, String)>,
}

impl Changes {
    /// The lines the window and the command line show (empty when nothing changed).
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.added.is_empty() {
            lines.push(format!("新しい項目：{}", self.added.join("、")));
        }
        if !self.removed.is_empty() {
            lines.push(format!("なくなった項目：{}", self.removed.join("、")));
        }
        if !self.reworded.is_empty() {
            let numbers: Vec<&str> = self.reworded.iter().map(|(n, _)| n.as_str()).collect();
            lines.push(format!(
                "文言が変わった項目（回答は引き継いでいません）：{}",
                numbers.join("、")
            ));
        }
        lines
    }
}

/// The customer a sheet's name stands for: the name without the year or version it carries
/// (「○○工業 2026年度」, 「○○工業_R8」, 「○○工業（2025）」 are all 「○○工業」), so next year's sheet
/// finds last year's.
pub fn customer_of(name: &str) -> String {
    let is_year = |word: &str| {
        let w = crate::domain::cell_text::half_width(word).to_lowercase();
        let w = w
            .trim_start_matches("fy")
            .trim_start_matches("令和")
            .trim_start_matches('r')
            .trim_start_matches('v')
            .trim_end_matches("年度")
            .trim_end_matches('年')
            .trim_end_matches("版");
        !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || "_-－()（）[]【】".contains(c))
        .filter(|w| !w.is_empty() && !is_year(w))
        .collect();
    if words.is_empty() {
        name.trim().to_string()
    } else {
        words.join(" ")
    }
}

fn key(text: &str) -> String {
    normalize(text).split_whitespace().collect()
}

/// Carries `previous`'s answers onto `items` (the new sheet's, answered in `scale`) where an item
/// stayed the same and the new item has no answer of its own. A carried choice that is not among
/// the new sheet's options is dropped (the comment and links still come over).
pub fn carry(previous: &CheckSheet, items: &mut [SheetItem], scale: &AnswerScale) -> Changes {
    let mut used = vec![false; previous.items.len()];
    let mut changes = Changes::default();
    let find = |used: &[bool], pred: &dyn Fn(&SheetItem) -> bool| {
        previous
            .items
            .iter()
            .enumerate()
            .find(|(i, old)| !used[*i] && pred(old))
            .map(|(i, _)| i)
    };
    for item in items.iter_mut() {
        let (number, text) = (key(&item.number), key(&item.text));
        let same = find(&used, &|old| {
            key(&old.number) == number && key(&old.text) == text
        })
        .or_else(|| find(&used, &|old| key(&old.text) == text));
        match same {
            Some(i) => {
                used[i] = true;
                if item.answer.is_empty() && !previous.items[i].answer.is_empty() {
                    let mut answer = previous.items[i].answer.clone();
                    if let Some(choice) = &answer.choice
                        && scale.check(choice).is_err()
                    {
                        answer.choice = None;
                    }
                    item.answer = answer;
                    changes.carried += 1;
                }
            }
            None => match find(&used, &|old| key(&old.number) == number) {
                Some(i) => {
                    used[i] = true;
                    let old = &previous.items[i];
                    changes
                        .reworded
                        .push((item.number.clone(), old.text.clone()));
                }
                None => changes.added.push(item.number.clone()),
            },
        }
    }
    changes.removed = previous
        .items
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(old, _)| old.number.clone())
        .collect();
    changes
}

#[cfg(test)]
mod tests {
    use super::super::edit::tests::sheet;
    use super::super::{ItemAnswer, Requirement};
    use super::*;

    fn answered(choice: &str, comment: &str) -> ItemAnswer {
        ItemAnswer {
            choice: Some(choice.to_string()),
            comment: comment.to_string(),
            ..ItemAnswer::default()
        }
    }

    fn item(number: &str, text: &str) -> SheetItem {
        SheetItem {
            row: 0,
            number: number.to_string(),
            label: "組織".to_string(),
            text: text.to_string(),
            requirement: Requirement::Required,
            extra: Vec::new(),
            answer: ItemAnswer::default(),
        }
    }

    #[test]
    fn the_customer_is_the_name_without_its_year() {
        for name in [
            "○○工業 2026年度",
            "○○工業_R8",
            "○○工業（2025）",
            "○○工業 令和７年度",
            "○○工業",
        ] {
            assert_eq!(customer_of(name), "○○工業", "{name}");
        }
        assert_eq!(customer_of("2026"), "2026");
    }

    #[test]
    fn same_items_carry_their_answers_and_changes_are_listed() {
        let mut last = sheet(1);
        last.items[0].answer = answered("はい", "規程第3条");
        last.items[1].answer = answered("いいえ", "");
        // 1: same; 2: reworded; 3: new. Nothing of last year's is left unmatched but 2's text.
        let mut items = vec![
            item("1", "要求事項　1"),
            item("2", "要求事項 2（改訂）"),
            item("3", "新しい要求"),
        ];
        let changes = carry(&last, &mut items, &last.scale.clone());
        assert_eq!(items[0].answer, answered("はい", "規程第3条"));
        assert!(items[1].answer.is_empty(), "a reworded item is read again");
        assert!(items[2].answer.is_empty());
        assert_eq!(changes.carried, 1);
        assert_eq!(changes.added, ["3"]);
        assert_eq!(
            changes.reworded,
            [("2".to_string(), "要求事項 2".to_string())]
        );
        assert!(changes.removed.is_empty());
        let lines = changes.lines().join("\n");
        assert!(lines.contains("新しい項目：3") && lines.contains("文言が変わった項目"));
    }

    #[test]
    fn a_renumbered_item_keeps_its_answer_and_a_removed_one_is_named() {
        let mut last = sheet(1);
        last.items[1].answer = answered("はい", "");
        let mut items = vec![item("10", "要求事項 2")];
        let changes = carry(&last, &mut items, &last.scale.clone());
        assert_eq!(items[0].answer.choice.as_deref(), Some("はい"));
        assert_eq!(changes.removed, ["1"]);
    }

    #[test]
    fn an_answer_of_the_new_file_wins_and_a_word_off_the_new_list_is_dropped() {
        let mut last = sheet(1);
        last.items[0].answer = answered("はい", "補足");
        last.items[1].answer = answered("はい", "");
        let mut items = vec![item("1", "要求事項 1"), item("2", "要求事項 2")];
        items[1].answer = answered("いいえ", "");
        let scale = AnswerScale::guessed(&["実施している", "実施していない"]);
        let changes = carry(&last, &mut items, &scale);
        assert_eq!(
            items[0].answer.choice, None,
            "「はい」 is not a word of the new sheet"
        );
        assert_eq!(items[0].answer.comment, "補足");
        assert_eq!(items[1].answer, answered("いいえ", ""));
        assert_eq!(changes.carried, 1);
    }
}
