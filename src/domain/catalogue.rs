//! The check catalogue and threat list: 11 categories with their 55 questions, and the threats of each
//! medium with the items that counter them. The default comes from `assets/catalogue.toml`; a database
//! keeps its own copy, so a later program version never rewrites a user's wording or answers.

use super::scales::{Answer, Frequency, Medium};
use serde::{Deserialize, Serialize};

/// Number of a check item, unique within a workbook (1–55 in the default catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemNo(pub u16);

/// The database's id of a threat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ThreatId(pub i64);

/// A control category of 対策状況チェック and 診断結果, numbered (1)–(11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub no: u8,
    pub name: String,
    /// 適用条件 from the guideline's policy list, e.g. 社内でシステム開発を行う場合.
    pub applies_when: String,
}

/// One question of 対策状況チェック with the user's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckItem {
    pub no: ItemNo,
    pub category: u8,
    pub question: String,
    /// Short help naming the 付録5 policy section the item belongs to.
    pub help: String,
    #[serde(default)]
    pub answer: Option<Answer>,
}

impl CheckItem {
    /// Not implemented yet, and applicable (`Answer::leaves_open`).
    pub fn is_open(&self) -> bool {
        Answer::leaves_open(self.answer)
    }
}

/// One threat of a medium on 脅威の状況.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threat {
    pub id: ThreatId,
    pub medium: Medium,
    pub name: String,
    #[serde(default)]
    pub frequency: Option<Frequency>,
    /// Check items that counter this threat; their answers give its vulnerability.
    pub items: Vec<ItemNo>,
}

#[derive(Debug, Deserialize)]
struct CatalogueFile {
    category: Vec<Category>,
    item: Vec<CatalogueItem>,
    threat: Vec<CatalogueThreat>,
}

#[derive(Debug, Deserialize)]
struct CatalogueItem {
    no: u16,
    category: u8,
    question: String,
    help: String,
}

#[derive(Debug, Deserialize)]
struct CatalogueThreat {
    medium: Medium,
    name: String,
    items: Vec<u16>,
}

/// The default catalogue as a fresh database receives it: nothing answered, no frequency chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    pub categories: Vec<Category>,
    pub items: Vec<CheckItem>,
    pub threats: Vec<Threat>,
}

const DEFAULT_CATALOGUE: &str = include_str!("../../assets/catalogue.toml");

impl Catalogue {
    /// The catalogue embedded in the program. It is checked by the tests, so a failure here is a
    /// build defect, not a user error.
    pub fn builtin() -> Catalogue {
        Catalogue::parse(DEFAULT_CATALOGUE).expect("assets/catalogue.toml is valid")
    }

    pub fn parse(text: &str) -> Result<Catalogue, String> {
        let file: CatalogueFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let items = file
            .item
            .into_iter()
            .map(|i| CheckItem {
                no: ItemNo(i.no),
                category: i.category,
                question: i.question,
                help: i.help,
                answer: None,
            })
            .collect();
        let threats = file
            .threat
            .into_iter()
            .enumerate()
            .map(|(i, t)| Threat {
                id: ThreatId(i as i64 + 1),
                medium: t.medium,
                name: t.name,
                frequency: None,
                items: {
                    let mut items: Vec<ItemNo> = t.items.into_iter().map(ItemNo).collect();
                    items.sort();
                    items.dedup();
                    items
                },
            })
            .collect();
        Ok(Catalogue {
            categories: file.category,
            items,
            threats,
        })
    }
}
