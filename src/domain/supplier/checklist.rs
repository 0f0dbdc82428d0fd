//! riskbook's 委託先確認リスト (assets/supplier-checklist.toml): 26 items in seven 区分, answered
//! ○ / × / 該当なし on the check-sheet engine's scale.

use crate::domain::checksheet::{AnswerScale, Meaning, ScaleOption};
use serde::Deserialize;
use std::sync::OnceLock;

/// The 区分, in the order the list asks them.
pub const GROUPS: [&str; 7] = [
    "ガバナンスの整備",
    "取引先管理",
    "リスクの特定",
    "攻撃の防御",
    "攻撃の検知",
    "事故への対応",
    "事故からの復旧",
];

/// The answers: ○ (done), × (not done), 該当なし (does not apply to this 委託先).
pub const YES: &str = "○";
pub const NO: &str = "×";
pub const NOT_APPLICABLE: &str = "該当なし";

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ChecklistItem {
    /// 区分, one of `GROUPS`.
    pub group: String,
    /// No., 1 to 26 in list order.
    pub no: u8,
    pub text: String,
}

#[derive(Deserialize)]
struct File {
    item: Vec<ChecklistItem>,
}

/// The 26 items in list order.
pub fn items() -> &'static [ChecklistItem] {
    static ITEMS: OnceLock<Vec<ChecklistItem>> = OnceLock::new();
    ITEMS.get_or_init(|| {
        let file: File = toml::from_str(include_str!("../../../assets/supplier-checklist.toml"))
            .expect("assets/supplier-checklist.toml is valid (tested)");
        file.item
    })
}

/// How many items the list has.
pub fn len() -> usize {
    items().len()
}

/// The items of one 区分, with their index in the list.
pub fn items_of(group: &str) -> impl Iterator<Item = (usize, &'static ChecklistItem)> {
    let group = group.to_string();
    items()
        .iter()
        .enumerate()
        .filter(move |(_, item)| item.group == group)
}

/// ○ / × / 該当なし and what each counts as.
pub fn scale() -> AnswerScale {
    let option = |text: &str, meaning| ScaleOption {
        text: text.to_string(),
        meaning,
    };
    AnswerScale {
        options: vec![
            option(YES, Meaning::Met),
            option(NO, Meaning::NotMet),
            option(NOT_APPLICABLE, Meaning::NotApplicable),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_26_items_in_the_seven_groups_with_the_seeds_counts() {
        assert_eq!(len(), 26);
        let counts: Vec<usize> = GROUPS.iter().map(|g| items_of(g).count()).collect();
        assert_eq!(counts, [3, 3, 4, 13, 1, 1, 1]);
        let numbers: Vec<u8> = items().iter().map(|i| i.no).collect();
        assert_eq!(numbers, (1..=26).collect::<Vec<u8>>());
        assert!(items().iter().all(|i| !i.text.trim().is_empty()));
        // Grouped in list order: each 区分's items follow each other.
        let mut seen: Vec<&str> = Vec::new();
        for item in items() {
            if seen.last() != Some(&item.group.as_str()) {
                seen.push(&item.group);
            }
        }
        assert_eq!(seen, GROUPS);
    }

    #[test]
    fn the_answers_count_as_met_not_met_and_not_applicable() {
        let scale = scale();
        assert_eq!(scale.meaning(YES), Meaning::Met);
        assert_eq!(scale.meaning(NO), Meaning::NotMet);
        assert_eq!(scale.meaning(NOT_APPLICABLE), Meaning::NotApplicable);
        assert!(scale.check("△").is_err());
    }
}
