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
    /// `"guideline"` where the question is the IPA sheet's own wording; absent where riskbook wrote it.
    #[serde(default)]
    wording: Option<String>,
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
    /// Items whose question is the IPA sheet's own wording (the four of (6)); riskbook wrote the rest.
    pub guideline_wording: Vec<ItemNo>,
}

/// Whose words a question of 対策状況チェック is in, so that the user (and an auditor) can tell the
/// guideline's own questions from those riskbook wrote. The 対策状況チェック view shows it per question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// The IPA リスク分析シート's question, word for word.
    Guideline,
    /// Written by riskbook from the guideline's policy sample and checklists.
    Riskbook,
    /// Neither: the text came from the user's imported workbook (or another catalogue).
    Workbook,
}

impl Wording {
    pub fn label(self) -> &'static str {
        match self {
            Wording::Guideline => "ガイドラインの文言",
            Wording::Riskbook => "riskbook の文言",
            Wording::Workbook => "取り込んだブックの文言",
        }
    }

    pub fn explanation(self) -> &'static str {
        match self {
            Wording::Guideline => {
                "IPA のリスク分析シートの問いの文言そのままです（ガイドラインの解説資料に載っている (6) の 4 問）。"
            }
            Wording::Riskbook => {
                "ガイドラインの規程サンプルとチェックリストをもとに riskbook が書いた問いです。IPA のリスク分析シートの文言とは違います。"
            }
            Wording::Workbook => {
                "取り込んだ Excel のブックにあった問いの文を、そのまま使っています。"
            }
        }
    }
}

const DEFAULT_CATALOGUE: &str = include_str!("../../assets/catalogue.toml");

impl Catalogue {
    /// The catalogue embedded in the program. It is checked by the tests, so a failure here is a
    /// build defect, not a user error.
    pub fn builtin() -> Catalogue {
        Catalogue::parse(DEFAULT_CATALOGUE).expect("assets/catalogue.toml is valid")
    }

    /// The embedded catalogue parsed once, for readers that only look at it (the wording marks of
    /// 対策状況チェック, drawn every frame).
    pub fn builtin_shared() -> &'static Catalogue {
        static BUILTIN: std::sync::LazyLock<Catalogue> =
            std::sync::LazyLock::new(Catalogue::builtin);
        &BUILTIN
    }

    pub fn parse(text: &str) -> Result<Catalogue, String> {
        let file: CatalogueFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut guideline_wording = Vec::new();
        for item in &file.item {
            match item.wording.as_deref() {
                None => {}
                Some("guideline") => guideline_wording.push(ItemNo(item.no)),
                Some(other) => {
                    return Err(format!(
                        "No.{} の wording「{other}」は guideline だけが使えます",
                        item.no
                    ));
                }
            }
        }
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
            guideline_wording,
        })
    }

    /// Whose words `item`'s question is in: the guideline's or riskbook's where it is this
    /// catalogue's text (under any number, since an imported sheet may number differently),
    /// otherwise the workbook's it was imported from.
    pub fn wording_of(&self, item: &CheckItem) -> Wording {
        let ours = self
            .items
            .iter()
            .find(|known| known.no == item.no && known.question == item.question)
            .or_else(|| {
                self.items
                    .iter()
                    .find(|known| known.question == item.question)
            });
        match ours {
            Some(known) if self.guideline_wording.contains(&known.no) => Wording::Guideline,
            Some(_) => Wording::Riskbook,
            None => Wording::Workbook,
        }
    }
}
