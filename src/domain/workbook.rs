//! The whole state of one company's assessment: what the four sheets hold, plus the report settings.

use super::asset::{Asset, AssetId};
use super::catalogue::{Catalogue, Category, CheckItem, ItemNo, Threat};
use super::checksheet::CheckSheet;
use super::declaration::Declaration;
use super::plan::PlanEntry;
use super::policy::spots::PolicyValues;
use super::policy::{CompanyProfile, DocumentNo, DocumentRecord};
use super::scales::{Answer, Medium};
use super::supplier::Suppliers;
use super::treatment::Treatment;
use super::year::Year;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who and when, for the printed report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// 会社名
    pub company: String,
    /// 診断実施者
    pub assessor: String,
    /// 診断日
    pub assessed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workbook {
    pub categories: Vec<Category>,
    pub items: Vec<CheckItem>,
    pub threats: Vec<Threat>,
    pub assets: Vec<Asset>,
    pub settings: Settings,
    /// 対策計画 (absent from snapshots taken before it existed).
    #[serde(default)]
    pub plan: Vec<PlanEntry>,
    /// 基本方針 and 自社診断 (absent from snapshots taken before they existed).
    #[serde(default)]
    pub declaration: Declaration,
    /// 規程: what the company says of itself (従業員数 …), as the user answered it.
    #[serde(default)]
    pub profile: CompanyProfile,
    /// 規程: the documents with something recorded, by number; the others are 未作成.
    #[serde(default)]
    pub documents: Vec<DocumentRecord>,
    /// The values filled into the spots of the company's policy draft (Word), by spot number.
    #[serde(default)]
    pub policy_values: PolicyValues,
    /// リスク対応, one per asset at most, in asset id order (absent from older snapshots).
    #[serde(default)]
    pub treatments: Vec<Treatment>,
    /// 取引先チェックシート, in the order they were imported (absent from older snapshots).
    #[serde(default)]
    pub checksheets: Vec<CheckSheet>,
    /// The year's duties, training, incidents and 連絡網 (absent from older snapshots).
    #[serde(default)]
    pub year: Year,
    /// 委託先 and their yearly evaluations (absent from older snapshots).
    #[serde(default)]
    pub suppliers: Suppliers,
}

impl Workbook {
    /// An empty workbook on a catalogue: no assets, nothing answered.
    pub fn from_catalogue(catalogue: Catalogue) -> Workbook {
        Workbook {
            categories: catalogue.categories,
            items: catalogue.items,
            threats: catalogue.threats,
            assets: Vec::new(),
            settings: Settings::default(),
            plan: Vec::new(),
            declaration: Declaration::default(),
            profile: CompanyProfile::default(),
            documents: Vec::new(),
            policy_values: PolicyValues::default(),
            treatments: Vec::new(),
            checksheets: Vec::new(),
            year: Year::default(),
            suppliers: Suppliers::default(),
        }
    }

    /// What the company recorded of document `no` (未作成 and empty when nothing).
    pub fn document(&self, no: DocumentNo) -> DocumentRecord {
        self.documents
            .iter()
            .find(|d| d.no == no)
            .cloned()
            .unwrap_or_else(|| DocumentRecord::empty(no))
    }

    /// Records `record`, keeping the list by number and without empty records.
    pub fn set_document(&mut self, record: DocumentRecord) {
        self.documents.retain(|d| d.no != record.no);
        if !record.is_empty() {
            let at = self.documents.partition_point(|d| d.no < record.no);
            self.documents.insert(at, record);
        }
    }

    /// Those of `items` still to be implemented (`Answer::leaves_open`), in the same order.
    pub fn open_items(&self, items: &[ItemNo]) -> Vec<ItemNo> {
        items
            .iter()
            .copied()
            .filter(|no| Answer::leaves_open(self.answer(*no)))
            .collect()
    }

    /// The decision on `asset`, if one was made.
    pub fn treatment(&self, asset: AssetId) -> Option<&Treatment> {
        self.treatments
            .binary_search_by_key(&asset, |t| t.asset)
            .ok()
            .map(|i| &self.treatments[i])
    }

    pub fn answer(&self, no: ItemNo) -> Option<Answer> {
        self.items
            .iter()
            .find(|i| i.no == no)
            .and_then(|i| i.answer)
    }

    pub fn threats_of(&self, medium: Medium) -> impl Iterator<Item = &Threat> {
        self.threats.iter().filter(move |t| t.medium == medium)
    }

    pub fn items_of(&self, category: u8) -> impl Iterator<Item = &CheckItem> {
        self.items.iter().filter(move |i| i.category == category)
    }

    pub fn answered_count(&self) -> usize {
        self.items.iter().filter(|i| i.answer.is_some()).count()
    }
}
