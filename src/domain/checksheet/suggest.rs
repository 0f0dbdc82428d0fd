//! Evidence for an answer: which of riskbook's own 対策状況チェック items speak to a customer's
//! requirement, by the words of `assets/checksheet-links.toml` (ours, transparent, editable). The
//! window shows their answers beside the item; nothing is answered for the user.

use crate::domain::catalogue::ItemNo;
use serde::Deserialize;
use std::sync::LazyLock;

const LINKS: &str = include_str!("../../../assets/checksheet-links.toml");

#[derive(Debug, Deserialize)]
struct LinkFile {
    link: Vec<WordLink>,
}

#[derive(Debug, Deserialize)]
struct WordLink {
    words: Vec<String>,
    items: Vec<u16>,
}

static TABLE: LazyLock<Vec<WordLink>> = LazyLock::new(|| {
    toml::from_str::<LinkFile>(LINKS)
        .expect("assets/checksheet-links.toml is valid")
        .link
});

/// The check items whose words appear in `requirement`, in number order, each once.
pub fn related_items(requirement: &str) -> Vec<ItemNo> {
    let text = crate::domain::cell_text::half_width(requirement).to_uppercase();
    let mut items: Vec<ItemNo> = TABLE
        .iter()
        .filter(|l| {
            l.words
                .iter()
                .any(|w| text.contains(&crate::domain::cell_text::half_width(w).to_uppercase()))
        })
        .flat_map(|l| l.items.iter().map(|&n| ItemNo(n)))
        .collect();
    items.sort();
    items.dedup();
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_names_only_the_55_items() {
        assert!(!TABLE.is_empty());
        for link in TABLE.iter() {
            assert!(!link.words.is_empty());
            for &n in &link.items {
                assert!((1..=55).contains(&n), "{n}");
            }
        }
    }

    #[test]
    fn a_requirement_finds_the_items_of_its_words() {
        assert_eq!(
            related_items("パスワードは定期的に変更し、ＵＳＢメモリの利用を制限すること"),
            [19, 27, 38, 39].map(ItemNo)
        );
        assert!(related_items("会社概要を記入すること").is_empty());
    }
}
