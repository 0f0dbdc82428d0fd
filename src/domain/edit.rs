//! The changes a user can make to a workbook, and how each changes it: the one edit model.
//!
//! The store turns an `Edit` into SQL (ids of new rows come from the database, returned as an
//! `EditOutcome`); `Workbook::apply_saved` then makes the same change in memory and returns the
//! edit that takes it back, which the session keeps for undo. Nothing here knows SQLite or egui.

use super::checksheet::SheetEdit;
use super::policy::spots::{SpotNo, SpotValue};
use super::policy::{CompanyProfile, DocumentNo, DocumentRecord};
use super::register::{CellValue, text_cells};
use super::supplier::{Evaluation, Supplier, SupplierEdit};
use super::year::YearEdit;
use super::{
    Answer, Asset, AssetId, Declaration, Frequency, ItemNo, PlanEntry, PlanId, Settings, ThreatId,
    Treatment, Workbook,
};
use std::fmt;

/// One user edit. Undo is the inverse edit, which `Workbook::apply_saved` returns.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Inserts `asset` at row `index` of the 台帳 (0-based; past the end appends). An asset whose id is
    /// not 0 keeps that id, so that undoing a delete restores the same row.
    InsertAsset {
        index: usize,
        asset: Asset,
    },
    UpdateAsset(Asset),
    /// Changes input cells of one asset, leaving its other cells as they are on disk: edits of
    /// different cells of a row cannot overwrite each other.
    SetCells(AssetId, Vec<CellValue>),
    /// Several edits applied in order, in one transaction, undone as one step (a paste, a fill,
    /// deleting several rows).
    Batch(Vec<Edit>),
    DeleteAsset(AssetId),
    SetFrequency(ThreatId, Option<Frequency>),
    SetAnswer(ItemNo, Option<Answer>),
    SetSettings(Settings),
    /// Replaces the 基本方針 and the 自社診断 (one record).
    SetDeclaration(Declaration),
    /// Inserts a 対策計画 entry at `index` (past the end appends), keeping a non-zero id.
    InsertPlan {
        index: usize,
        entry: PlanEntry,
    },
    UpdatePlan(PlanEntry),
    DeletePlan(PlanId),
    /// The company profile of 「規程」 (従業員数 and the three yes/no questions), as the user answered.
    SetProfile(CompanyProfile),
    /// The status, 改訂日 and 承認者 of one of the 13 documents (an empty record: 未作成, nothing).
    SetDocument(DocumentRecord),
    /// Fills (or, with None, clears) one spot of the policy draft.
    SetPolicyValue(SpotNo, Option<SpotValue>),
    /// Sets the リスク対応 of `Treatment::asset`, replacing one it had.
    SetTreatment(Treatment),
    /// Takes an asset's リスク対応 away (back to 未決定).
    ClearTreatment(AssetId),
    /// An answer of a customer's check sheet (see `checksheet::SheetEdit`).
    CheckSheet(SheetEdit),
    /// A record of the year: a duty and what was done, training, an incident, the 連絡網.
    Year(YearEdit),
    /// A 委託先 or its evaluation of a year.
    Supplier(SupplierEdit),
}

/// What saving an edit gave back: the ids the database chose for new rows.
#[derive(Debug, Clone, PartialEq)]
pub enum EditOutcome {
    Inserted(AssetId),
    InsertedPlan(PlanId),
    Done,
    /// The outcome of each edit of a `Batch`, in order.
    Batch(Vec<EditOutcome>),
}

/// A saved edit made in memory: the first asset it inserted (the 台帳 moves there), the edit that
/// undoes it, and the row of the one asset it changed, where it changed only that (then only that
/// asset needs assessing again).
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub inserted: Option<AssetId>,
    pub inverse: Edit,
    pub changed_row: Option<usize>,
}

/// Where a text the user typed stands, in the words of the status bar (「台帳 2行目の備考」).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPlace {
    /// A text cell of the 台帳 row `row` (1-based).
    Asset {
        row: usize,
        column: super::register::Column,
    },
    Company,
    Assessor,
    /// The 基本方針's text, its 代表者名 and its 公開先.
    BasicPolicy,
    Representative,
    PublishedWhere,
    /// 担当者 of the 対策計画's entry `number` (1-based).
    PlanOwner(usize),
    /// メモ of the 対策計画's entry `number` (1-based).
    PlanMemo(usize),
    /// 承認者 of 規程 No.`no`.
    Approver(DocumentNo),
    /// The value of the policy draft's spot `number`.
    PolicySpot(SpotNo),
    /// A text of the リスク対応 of the asset on 台帳 row `row` (1-based): 理由, 変更内容 or 承認者.
    Treatment {
        row: usize,
        field: &'static str,
    },
    /// A text of the answer to item `item` (1-based, in the sheet's order) of the `sheet`th customer
    /// check sheet: 根拠・補足, 回答者 or a free answer.
    CheckSheet {
        sheet: usize,
        item: usize,
        field: &'static str,
    },
    /// A text of the 委託先 `number` (1-based, in list order): 名称, 委託内容, 取り扱う情報 …
    Supplier {
        number: usize,
        field: &'static str,
    },
    /// 評価者 or コメント of the 委託先 `number`'s evaluation of `year`, or (with `item`) the remark
    /// on item No.`item`.
    Evaluation {
        number: usize,
        year: i32,
        item: Option<usize>,
        field: &'static str,
    },
}

impl fmt::Display for TextPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextPlace::Asset { row, column } => write!(f, "台帳 {row}行目の{}", column.header()),
            TextPlace::Company => write!(f, "診断結果の会社名"),
            TextPlace::Assessor => write!(f, "診断結果の診断実施者"),
            TextPlace::BasicPolicy => write!(f, "基本方針の本文"),
            TextPlace::Representative => write!(f, "基本方針の代表者名"),
            TextPlace::PublishedWhere => write!(f, "基本方針の公開先"),
            TextPlace::PlanOwner(n) => write!(f, "対策計画 {n}件目の担当者"),
            TextPlace::PlanMemo(n) => write!(f, "対策計画 {n}件目のメモ"),
            TextPlace::Approver(no) => write!(f, "規程 No.{}の承認者", no.value()),
            TextPlace::PolicySpot(n) => write!(f, "規程の {n} 番の箇所"),
            TextPlace::Treatment { row, field } => write!(f, "リスク対応 台帳 {row}行目の{field}"),
            TextPlace::CheckSheet { sheet, item, field } => {
                write!(
                    f,
                    "取引先チェックシート {sheet}件目の {item}番目の項目の{field}"
                )
            }
            TextPlace::Supplier { number, field } => write!(f, "委託先 {number}件目の{field}"),
            TextPlace::Evaluation {
                number,
                year,
                item,
                field,
            } => match item {
                Some(no) => write!(f, "委託先 {number}件目の{year}年度評価 No.{no}の{field}"),
                None => write!(f, "委託先 {number}件目の{year}年度評価の{field}"),
            },
        }
    }
}

impl Edit {
    /// Whether the calculation reads what this edit changes: everything but the settings
    /// (会社名, 診断実施者, 診断日), the 対策計画, the 規程 (their table is drawn from the workbook),
    /// the 基本方針 and the リスク対応.
    pub fn changes_results(&self) -> bool {
        match self {
            Edit::SetSettings(_)
            | Edit::SetDeclaration(_)
            | Edit::InsertPlan { .. }
            | Edit::UpdatePlan(_)
            | Edit::DeletePlan(_)
            | Edit::SetProfile(_)
            | Edit::SetDocument(_)
            | Edit::SetPolicyValue(..)
            | Edit::SetTreatment(_)
            | Edit::ClearTreatment(_)
            | Edit::CheckSheet(_)
            | Edit::Year(_)
            | Edit::Supplier(_) => false,
            Edit::Batch(edits) => edits.iter().any(Edit::changes_results),
            _ => true,
        }
    }

    /// The one asset whose cells this edit changes, where that is all it changes: then only that
    /// asset needs assessing again.
    pub fn changes_one_asset(&self) -> Option<AssetId> {
        match self {
            Edit::SetCells(id, _) | Edit::UpdateAsset(Asset { id, .. }) => Some(*id),
            _ => None,
        }
    }

    /// The texts this edit writes and where they stand in `workbook` (after the edit), for the
    /// check of characters no font can draw.
    pub fn texts<'a>(&'a self, workbook: &Workbook) -> Vec<(TextPlace, &'a str)> {
        let mut texts = Vec::new();
        self.collect_texts(workbook, &mut texts);
        texts
    }

    fn collect_texts<'a>(&'a self, workbook: &Workbook, texts: &mut Vec<(TextPlace, &'a str)>) {
        let row_of = |id| {
            workbook
                .assets
                .iter()
                .position(|a: &Asset| a.id == id)
                .map_or(0, |i| i + 1)
        };
        match self {
            Edit::SetCells(id, values) => {
                for value in values {
                    if let CellValue::Text(column, text) = value {
                        let place = TextPlace::Asset {
                            row: row_of(*id),
                            column: *column,
                        };
                        texts.push((place, text.as_str()));
                    }
                }
            }
            Edit::InsertAsset { index, asset } => {
                texts.extend(asset_texts(asset, (index + 1).min(workbook.assets.len())));
            }
            Edit::UpdateAsset(asset) => texts.extend(asset_texts(asset, row_of(asset.id))),
            Edit::SetSettings(settings) => texts.extend(settings_texts(settings)),
            Edit::SetDeclaration(declaration) => texts.extend(declaration_texts(declaration)),
            Edit::UpdatePlan(entry) => {
                let number = workbook
                    .plan
                    .iter()
                    .position(|e| e.id == entry.id)
                    .map_or(0, |i| i + 1);
                texts.extend(plan_texts(entry, number));
            }
            Edit::SetDocument(record) => texts.extend(document_texts(record)),
            Edit::SetTreatment(t) => texts.extend(treatment_texts(t, row_of(t.asset))),
            Edit::Batch(edits) => {
                for e in edits {
                    e.collect_texts(workbook, texts);
                }
            }
            Edit::SetPolicyValue(no, Some(value)) => {
                texts.push((TextPlace::PolicySpot(*no), value.as_str()));
            }
            Edit::CheckSheet(SheetEdit::Answer {
                sheet,
                index,
                answer,
            }) => {
                let position = workbook
                    .checksheets
                    .iter()
                    .position(|s| s.id == *sheet)
                    .map_or(0, |i| i + 1);
                texts.extend(super::checksheet::edit::answer_texts(
                    answer,
                    position,
                    index + 1,
                ));
            }
            Edit::Supplier(SupplierEdit::Put(supplier) | SupplierEdit::Restore(supplier, _)) => {
                texts.extend(supplier_texts(
                    supplier,
                    supplier_number(workbook, supplier.id),
                ));
            }
            Edit::Supplier(SupplierEdit::PutEvaluation(e)) => {
                texts.extend(evaluation_texts(e, supplier_number(workbook, e.supplier)));
            }
            Edit::Supplier(SupplierEdit::Remove(_) | SupplierEdit::RemoveEvaluation(_)) => {}
            Edit::DeleteAsset(_)
            | Edit::SetFrequency(..)
            | Edit::SetAnswer(..)
            | Edit::InsertPlan { .. }
            | Edit::DeletePlan(_)
            | Edit::SetProfile(_)
            | Edit::SetPolicyValue(_, None)
            | Edit::ClearTreatment(_)
            | Edit::CheckSheet(SheetEdit::SetScale { .. })
            | Edit::Year(_) => {}
        }
    }
}

fn asset_texts(asset: &Asset, row: usize) -> [(TextPlace, &str); 6] {
    text_cells(asset).map(|(column, text)| (TextPlace::Asset { row, column }, text.as_str()))
}

fn settings_texts(settings: &Settings) -> [(TextPlace, &str); 2] {
    [
        (TextPlace::Company, &settings.company),
        (TextPlace::Assessor, &settings.assessor),
    ]
}

fn declaration_texts(declaration: &Declaration) -> [(TextPlace, &str); 3] {
    let policy = &declaration.basic_policy;
    [
        (TextPlace::BasicPolicy, &policy.text),
        (TextPlace::Representative, &policy.representative),
        (TextPlace::PublishedWhere, &policy.published_where),
    ]
}

fn plan_texts(entry: &PlanEntry, number: usize) -> [(TextPlace, &str); 2] {
    [
        (TextPlace::PlanOwner(number), &entry.owner),
        (TextPlace::PlanMemo(number), &entry.memo),
    ]
}

fn document_texts(record: &DocumentRecord) -> [(TextPlace, &str); 1] {
    [(TextPlace::Approver(record.no), &record.approver)]
}

fn treatment_texts(t: &Treatment, row: usize) -> [(TextPlace, &str); 3] {
    let place = |field| TextPlace::Treatment { row, field };
    [
        (place("理由"), &t.reason),
        (place("変更内容"), &t.change),
        (place("承認者"), &t.accepted_by),
    ]
}

fn supplier_number(workbook: &Workbook, id: super::supplier::SupplierId) -> usize {
    let list = &workbook.suppliers.list;
    list.iter()
        .position(|s| s.id == id)
        .map_or(list.len() + 1, |i| i + 1)
}

fn supplier_texts(s: &Supplier, number: usize) -> [(TextPlace, &str); 5] {
    let place = |field| TextPlace::Supplier { number, field };
    [
        (place("名称"), &s.name),
        (place("委託内容"), &s.work),
        (place("取り扱う情報"), &s.information),
        (place("機密保持の取り決め"), &s.agreement),
        (place("担当窓口"), &s.contact),
    ]
}

fn evaluation_texts(e: &Evaluation, number: usize) -> impl Iterator<Item = (TextPlace, &str)> {
    let place = move |item, field| TextPlace::Evaluation {
        number,
        year: e.year,
        item,
        field,
    };
    [
        (place(None, "評価者"), e.by.as_str()),
        (place(None, "コメント"), e.comment.as_str()),
    ]
    .into_iter()
    .chain(
        e.answers
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.comment.is_empty())
            .map(move |(i, a)| (place(Some(i + 1), "備考"), a.comment.as_str())),
    )
}

impl Workbook {
    /// Every text the user typed, with where it stands; nothing is collected (a full check of
    /// 100,000 assets walks 600,000 texts).
    pub fn texts(&self) -> impl Iterator<Item = (TextPlace, &str)> {
        let assets = self.assets.iter().enumerate();
        let plan = self.plan.iter().enumerate();
        // The row is looked up only for a treatment that has a text (few of them).
        let treatments = self
            .treatments
            .iter()
            .filter(|t| !(t.reason.is_empty() && t.change.is_empty() && t.accepted_by.is_empty()));
        settings_texts(&self.settings)
            .into_iter()
            .chain(declaration_texts(&self.declaration))
            .chain(assets.flat_map(|(i, asset)| asset_texts(asset, i + 1)))
            .chain(plan.flat_map(|(i, entry)| plan_texts(entry, i + 1)))
            .chain(self.documents.iter().flat_map(document_texts))
            .chain(treatments.flat_map(|t| {
                let row = self.assets.iter().position(|a| a.id == t.asset);
                treatment_texts(t, row.map_or(0, |i| i + 1))
            }))
            .chain(self.checksheets.iter().enumerate().flat_map(|(s, sheet)| {
                sheet.items.iter().enumerate().flat_map(move |(i, item)| {
                    super::checksheet::edit::answer_texts(&item.answer, s + 1, i + 1)
                })
            }))
            .chain(
                self.suppliers
                    .list
                    .iter()
                    .enumerate()
                    .flat_map(|(i, s)| supplier_texts(s, i + 1)),
            )
            .chain(
                self.suppliers
                    .evaluations
                    .iter()
                    .flat_map(|e| evaluation_texts(e, supplier_number(self, e.supplier))),
            )
    }

    /// Refuses an edit of the year's records, of a check sheet or of the 委託先 that would leave them wrong, with
    /// the reason in the user's words (the other edits are checked by their values' types and the
    /// schema). A batch is checked part by part, each against the state the parts before it left.
    pub fn check(&self, edit: &Edit) -> Result<(), String> {
        fn walk(
            edit: &Edit,
            year: &mut super::year::Year,
            sheets: &mut Vec<super::checksheet::CheckSheet>,
            suppliers: &mut super::supplier::Suppliers,
            assets: &[Asset],
        ) -> Result<(), String> {
            match edit {
                Edit::Supplier(e) => {
                    e.check(suppliers)?;
                    e.apply(suppliers);
                }
                Edit::Year(e) => {
                    e.check(year, assets)?;
                    e.apply(year);
                }
                Edit::CheckSheet(e) => {
                    e.check(sheets)?;
                    e.apply(sheets);
                }
                Edit::Batch(parts) => {
                    for part in parts {
                        walk(part, year, sheets, suppliers, assets)?;
                    }
                }
                _ => {}
            }
            Ok(())
        }
        match edit {
            Edit::Year(e) => e.check(&self.year, &self.assets),
            Edit::CheckSheet(e) => e.check(&self.checksheets),
            Edit::Supplier(e) => e.check(&self.suppliers),
            Edit::Batch(parts)
                if parts.iter().any(|p| {
                    matches!(
                        p,
                        Edit::Year(_) | Edit::CheckSheet(_) | Edit::Supplier(_) | Edit::Batch(_)
                    )
                }) =>
            {
                walk(
                    edit,
                    &mut self.year.clone(),
                    &mut self.checksheets.clone(),
                    &mut self.suppliers.clone(),
                    &self.assets,
                )
            }
            _ => Ok(()),
        }
    }

    /// Makes a saved edit in memory, as the store made it on disk (`outcome` carries the ids it
    /// chose), and returns the edit that undoes it. The inverse of each part of a batch is taken
    /// just before that part is made, so a batch undoes in reverse order through the states it
    /// passed.
    pub fn apply_saved(&mut self, edit: &Edit, outcome: &EditOutcome) -> Applied {
        if let (Edit::Batch(edits), EditOutcome::Batch(outcomes)) = (edit, outcome) {
            let mut inserted = None;
            let mut inverses = Vec::with_capacity(edits.len());
            for (part, part_outcome) in edits.iter().zip(outcomes) {
                let applied = self.apply_saved(part, part_outcome);
                inserted = inserted.or(applied.inserted);
                inverses.push(applied.inverse);
            }
            inverses.reverse();
            return Applied {
                inserted,
                inverse: Edit::Batch(inverses),
                changed_row: None,
            };
        }
        // Found once: a scan of 100,000 assets is not free.
        let changed_row = edit
            .changes_one_asset()
            .and_then(|id| self.assets.iter().position(|a| a.id == id));
        // An insert's inverse only knows the new row's id once it is saved.
        let inverse = match (self.inverse(edit, changed_row), outcome) {
            (Edit::DeleteAsset(_), EditOutcome::Inserted(id)) => Edit::DeleteAsset(*id),
            (Edit::DeletePlan(_), EditOutcome::InsertedPlan(id)) => Edit::DeletePlan(*id),
            (other, _) => other,
        };
        self.mirror(edit, outcome, changed_row);
        let inserted = match outcome {
            EditOutcome::Inserted(id) => Some(*id),
            _ => None,
        };
        Applied {
            inserted,
            inverse,
            changed_row,
        }
    }

    /// The edit that takes this workbook back to its state before `edit` (a single edit; a batch's
    /// is built part by part in `apply_saved`). `row`: where the asset it changes is.
    fn inverse(&self, edit: &Edit, row: Option<usize>) -> Edit {
        let old = row.map(|i| &self.assets[i]);
        match edit {
            Edit::InsertAsset { asset, .. } => Edit::DeleteAsset(asset.id),
            Edit::UpdateAsset(asset) => match old {
                Some(old) => Edit::UpdateAsset(old.clone()),
                None => Edit::UpdateAsset(asset.clone()),
            },
            Edit::SetCells(id, values) => match old {
                Some(old) => Edit::SetCells(
                    *id,
                    values
                        .iter()
                        .filter_map(|v| CellValue::of(old, v.column()))
                        .collect(),
                ),
                None => edit.clone(),
            },
            Edit::Batch(_) => Edit::Batch(Vec::new()),
            // The database drops the asset's リスク対応 with it (ON DELETE CASCADE), so undoing the
            // delete puts both back.
            Edit::DeleteAsset(id) => match self.assets.iter().position(|a| a.id == *id) {
                Some(index) => {
                    let insert = Edit::InsertAsset {
                        index,
                        asset: self.assets[index].clone(),
                    };
                    match self.treatment(*id) {
                        Some(t) => Edit::Batch(vec![insert, Edit::SetTreatment(t.clone())]),
                        None => insert,
                    }
                }
                None => Edit::DeleteAsset(*id),
            },
            Edit::SetFrequency(threat, _) => Edit::SetFrequency(
                *threat,
                self.threats
                    .iter()
                    .find(|t| t.id == *threat)
                    .and_then(|t| t.frequency),
            ),
            Edit::SetAnswer(no, _) => Edit::SetAnswer(*no, self.answer(*no)),
            Edit::SetSettings(_) => Edit::SetSettings(self.settings.clone()),
            Edit::SetDeclaration(_) => Edit::SetDeclaration(self.declaration.clone()),
            Edit::InsertPlan { entry, .. } => Edit::DeletePlan(entry.id),
            Edit::UpdatePlan(entry) => match self.plan.iter().find(|e| e.id == entry.id) {
                Some(old) => Edit::UpdatePlan(old.clone()),
                None => edit.clone(),
            },
            Edit::DeletePlan(id) => match self.plan.iter().position(|e| e.id == *id) {
                Some(index) => Edit::InsertPlan {
                    index,
                    entry: self.plan[index].clone(),
                },
                None => edit.clone(),
            },
            Edit::SetProfile(_) => Edit::SetProfile(self.profile),
            Edit::SetDocument(record) => Edit::SetDocument(self.document(record.no)),
            Edit::SetPolicyValue(no, _) => {
                Edit::SetPolicyValue(*no, self.policy_values.get(*no).cloned())
            }
            Edit::SetTreatment(t) => match self.treatment(t.asset) {
                Some(old) => Edit::SetTreatment(old.clone()),
                None => Edit::ClearTreatment(t.asset),
            },
            Edit::ClearTreatment(asset) => match self.treatment(*asset) {
                Some(old) => Edit::SetTreatment(old.clone()),
                None => edit.clone(),
            },
            Edit::CheckSheet(e) => Edit::CheckSheet(e.inverse(&self.checksheets)),
            Edit::Year(e) => Edit::Year(e.inverse(&self.year)),
            Edit::Supplier(e) => Edit::Supplier(e.inverse(&self.suppliers)),
        }
    }

    /// Makes one saved edit (not a batch) in memory; `row`: where the asset it changes is.
    fn mirror(&mut self, edit: &Edit, outcome: &EditOutcome, row: Option<usize>) {
        let changed = row.map(|i| &mut self.assets[i]);
        match edit {
            Edit::InsertAsset { index, asset } => {
                let mut asset = asset.clone();
                if let EditOutcome::Inserted(id) = outcome {
                    asset.id = *id;
                }
                let at = (*index).min(self.assets.len());
                self.assets.insert(at, asset);
            }
            Edit::UpdateAsset(asset) => {
                if let Some(a) = changed {
                    *a = asset.clone();
                }
            }
            Edit::SetCells(_, values) => {
                if let Some(a) = changed {
                    for value in values {
                        value.write(a);
                    }
                }
            }
            // A batch whose outcome is not a batch was not saved as one: nothing to mirror.
            Edit::Batch(_) => {}
            Edit::DeleteAsset(id) => {
                self.assets.retain(|a| a.id != *id);
                self.treatments.retain(|t| t.asset != *id);
            }
            Edit::SetFrequency(threat, f) => {
                if let Some(t) = self.threats.iter_mut().find(|t| t.id == *threat) {
                    t.frequency = *f;
                }
            }
            Edit::SetAnswer(no, answer) => {
                if let Some(i) = self.items.iter_mut().find(|i| i.no == *no) {
                    i.answer = *answer;
                }
            }
            Edit::SetSettings(s) => self.settings = s.clone(),
            Edit::SetDeclaration(d) => self.declaration = d.clone(),
            Edit::InsertPlan { index, entry } => {
                let mut entry = entry.clone();
                if let EditOutcome::InsertedPlan(id) = outcome {
                    entry.id = *id;
                }
                let at = (*index).min(self.plan.len());
                self.plan.insert(at, entry);
            }
            Edit::UpdatePlan(entry) => {
                if let Some(e) = self.plan.iter_mut().find(|e| e.id == entry.id) {
                    *e = entry.clone();
                }
            }
            Edit::DeletePlan(id) => self.plan.retain(|e| e.id != *id),
            Edit::SetProfile(profile) => self.profile = *profile,
            Edit::SetDocument(record) => self.set_document(record.clone()),
            Edit::SetPolicyValue(no, value) => self.policy_values.set(*no, value.clone()),
            Edit::SetTreatment(t) => {
                match self.treatments.binary_search_by_key(&t.asset, |t| t.asset) {
                    Ok(i) => self.treatments[i] = t.clone(),
                    Err(i) => self.treatments.insert(i, t.clone()),
                }
            }
            Edit::ClearTreatment(asset) => self.treatments.retain(|t| t.asset != *asset),
            Edit::CheckSheet(e) => e.apply(&mut self.checksheets),
            Edit::Year(e) => e.apply(&mut self.year),
            Edit::Supplier(e) => e.apply(&mut self.suppliers),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::DocumentStatus;
    use crate::domain::register::Column;
    use crate::domain::{Catalogue, Decision, Measure, Medium, PlanStatus, Rating};

    fn asset(id: i64, name: &str) -> Asset {
        Asset {
            id: AssetId(id),
            name: name.into(),
            medium: Some(Medium::OfficePc),
            confidentiality: Some(Rating::new(2).unwrap()),
            ..Asset::default()
        }
    }

    fn workbook() -> Workbook {
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        wb.assets = vec![
            asset(1, "社員名簿"),
            asset(2, "見積書"),
            asset(3, "顧客台帳"),
        ];
        wb.plan = vec![PlanEntry {
            id: PlanId(7),
            ..PlanEntry::new(Measure::Item(ItemNo(1)))
        }];
        wb.treatments = vec![accepted(1), Treatment::new(AssetId(3), Decision::Reduce)];
        wb
    }

    fn accepted(asset: i64) -> Treatment {
        Treatment {
            reason: "損害が小さい".into(),
            accepted_by: "代表取締役".into(),
            accepted_on: chrono::NaiveDate::from_ymd_opt(2026, 4, 1),
            ..Treatment::new(AssetId(asset), Decision::Accept)
        }
    }

    /// The outcome a store gives for `edit`: a new row keeps a non-zero id, else gets `next_id`.
    fn outcome(edit: &Edit, next_id: i64) -> EditOutcome {
        let id = |kept: i64| if kept != 0 { kept } else { next_id };
        match edit {
            Edit::InsertAsset { asset, .. } => EditOutcome::Inserted(AssetId(id(asset.id.0))),
            Edit::InsertPlan { entry, .. } => EditOutcome::InsertedPlan(PlanId(id(entry.id.0))),
            Edit::Batch(edits) => {
                EditOutcome::Batch(edits.iter().map(|e| outcome(e, next_id)).collect())
            }
            _ => EditOutcome::Done,
        }
    }

    /// Applies `edit`, checks it changed the workbook, then its inverse, which must give the
    /// workbook back as it was.
    fn round_trip(edit: Edit) -> Workbook {
        let before = workbook();
        let mut wb = before.clone();
        let applied = wb.apply_saved(&edit, &outcome(&edit, 99));
        assert!(wb != before, "{edit:?} changed nothing");
        let changed = wb.clone();
        let undone = applied.inverse.clone();
        wb.apply_saved(&undone, &outcome(&undone, 99));
        assert!(
            wb == before,
            "the inverse of {edit:?} ({undone:?}) left another workbook"
        );
        changed
    }

    #[test]
    fn every_kind_of_edit_is_undone_by_its_inverse() {
        let wb = round_trip(Edit::SetCells(
            AssetId(2),
            vec![CellValue::Text(Column::Name, "請求書".into())],
        ));
        assert_eq!(wb.assets[1].name, "請求書");
        let wb = round_trip(Edit::InsertAsset {
            index: 1,
            asset: asset(0, "新しい資産"),
        });
        assert_eq!(wb.assets[1].id, AssetId(99), "the id the store chose");
        let wb = round_trip(Edit::DeleteAsset(AssetId(1)));
        assert_eq!(wb.assets[0].name, "見積書");
        round_trip(Edit::UpdateAsset(asset(3, "取引先台帳")));
        let threat = workbook().threats[0].id;
        round_trip(Edit::SetFrequency(threat, Some(Frequency::new(3).unwrap())));
        round_trip(Edit::SetAnswer(ItemNo(5), Some(Answer::new(1).unwrap())));
        round_trip(Edit::SetSettings(Settings {
            company: "株式会社見本".into(),
            ..Settings::default()
        }));
        let mut declaration = Declaration::default();
        declaration.basic_policy.text = "当社は…".into();
        declaration.self_check.score = Some(crate::domain::SelfCheckScore::new(72).unwrap());
        round_trip(Edit::SetDeclaration(declaration));
        let wb = round_trip(Edit::InsertPlan {
            index: usize::MAX,
            entry: PlanEntry::new(Measure::Item(ItemNo(2))),
        });
        assert_eq!(wb.plan[1].id, PlanId(99));
        round_trip(Edit::UpdatePlan(PlanEntry {
            id: PlanId(7),
            status: PlanStatus::Done,
            ..PlanEntry::new(Measure::Item(ItemNo(1)))
        }));
        round_trip(Edit::DeletePlan(PlanId(7)));
        let wb = round_trip(Edit::SetProfile(CompanyProfile {
            employees: Some(1),
            outsources: Some(true),
            ..CompanyProfile::default()
        }));
        assert_eq!(wb.profile.employees, Some(1));
    }

    fn document(no: u8, status: DocumentStatus, approver: &str) -> DocumentRecord {
        DocumentRecord {
            status,
            approver: approver.into(),
            ..DocumentRecord::empty(DocumentNo::new(no).unwrap())
        }
    }

    #[test]
    fn a_document_status_is_set_and_undone_and_an_emptied_one_leaves_no_record() {
        let wb = round_trip(Edit::SetDocument(document(
            12,
            DocumentStatus::Drafting,
            "",
        )));
        assert_eq!(wb.documents.len(), 1);
        let twelve = DocumentNo::new(12).unwrap();
        assert_eq!(wb.document(twelve).status, DocumentStatus::Drafting);
        assert_eq!(
            wb.document(DocumentNo::new(3).unwrap()).status,
            DocumentStatus::NotWritten,
            "nothing recorded is 未作成"
        );

        // Changing a recorded one is undone to its old record; the list stays in number order.
        let mut wb = workbook();
        for no in [12, 2] {
            let edit = Edit::SetDocument(document(no, DocumentStatus::Approved, "港 一郎"));
            wb.apply_saved(&edit, &EditOutcome::Done);
        }
        let nos: Vec<u8> = wb.documents.iter().map(|d| d.no.value()).collect();
        assert_eq!(nos, [2, 12]);
        let before = wb.clone();
        let applied = wb.apply_saved(
            &Edit::SetDocument(DocumentRecord::empty(twelve)),
            &EditOutcome::Done,
        );
        assert_eq!(wb.documents.len(), 1, "back to 未作成: no record");
        wb.apply_saved(&applied.inverse, &EditOutcome::Done);
        assert_eq!(wb, before);

        let edit = Edit::SetDocument(document(2, DocumentStatus::Approved, "髙橋"));
        assert!(!edit.changes_results());
        let places: Vec<_> = edit
            .texts(&wb)
            .into_iter()
            .map(|(p, t)| format!("{p}：{t}"))
            .collect();
        assert_eq!(places, ["規程 No.2の承認者：髙橋"]);
    }

    #[test]
    fn a_policy_spot_value_is_set_undone_and_named_where_it_stands() {
        let value = |text: &str| Some(SpotValue::new(text).unwrap());
        let wb = round_trip(Edit::SetPolicyValue(SpotNo(3), value("株式会社見本")));
        assert_eq!(
            wb.policy_values.get(SpotNo(3)),
            value("株式会社見本").as_ref()
        );
        let edit = Edit::SetPolicyValue(SpotNo(3), value("見本"));
        let texts: Vec<_> = edit
            .texts(&wb)
            .into_iter()
            .map(|(p, t)| format!("{p}：{t}"))
            .collect();
        assert_eq!(texts, ["規程の 3 番の箇所：見本"]);
        assert!(!edit.changes_results());
    }

    #[test]
    fn a_treatment_is_set_changed_cleared_and_undone() {
        let wb = round_trip(Edit::SetTreatment(accepted(2)));
        let assets: Vec<_> = wb.treatments.iter().map(|t| t.asset.0).collect();
        assert_eq!(assets, [1, 2, 3], "kept in asset id order");
        let wb = round_trip(Edit::SetTreatment(Treatment::new(
            AssetId(1),
            Decision::Transfer,
        )));
        assert_eq!(
            wb.treatment(AssetId(1)).unwrap().decision,
            Decision::Transfer
        );
        let wb = round_trip(Edit::ClearTreatment(AssetId(3)));
        assert_eq!(wb.treatment(AssetId(3)), None);
    }

    #[test]
    fn deleting_an_asset_takes_its_treatment_and_undoing_brings_both_back() {
        let wb = round_trip(Edit::DeleteAsset(AssetId(1)));
        assert_eq!(wb.treatment(AssetId(1)), None);
        // The same inside a batch (several rows deleted at once), undone in one step.
        let wb = round_trip(Edit::Batch(vec![
            Edit::DeleteAsset(AssetId(1)),
            Edit::DeleteAsset(AssetId(3)),
        ]));
        assert!(wb.treatments.is_empty());
        let mut wb = workbook();
        let delete = Edit::DeleteAsset(AssetId(1));
        let applied = wb.apply_saved(&delete, &outcome(&delete, 99));
        assert_eq!(
            applied.inverse,
            Edit::Batch(vec![
                Edit::InsertAsset {
                    index: 0,
                    asset: asset(1, "社員名簿")
                },
                Edit::SetTreatment(accepted(1)),
            ])
        );
    }

    #[test]
    fn a_batch_is_undone_in_reverse_through_the_states_it_passed() {
        // The second part changes a cell the first part changed: undoing in order would leave the
        // first part's value.
        let name = |text: &str| vec![CellValue::Text(Column::Name, text.into())];
        let wb = round_trip(Edit::Batch(vec![
            Edit::SetCells(AssetId(1), name("一度目")),
            Edit::SetCells(AssetId(1), name("二度目")),
            Edit::DeleteAsset(AssetId(2)),
            Edit::InsertAsset {
                index: 0,
                asset: asset(0, "先頭"),
            },
        ]));
        let names: Vec<_> = wb.assets.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["先頭", "二度目", "顧客台帳"]);
    }

    #[test]
    fn an_insert_reports_the_new_asset_and_past_the_end_appends() {
        let mut wb = workbook();
        let edit = Edit::InsertAsset {
            index: usize::MAX,
            asset: asset(0, "末尾"),
        };
        let applied = wb.apply_saved(&edit, &outcome(&edit, 42));
        assert_eq!(applied.inserted, Some(AssetId(42)));
        assert_eq!(applied.inverse, Edit::DeleteAsset(AssetId(42)));
        assert_eq!(wb.assets.last().unwrap().name, "末尾");
    }

    #[test]
    fn an_edit_names_the_texts_it_writes_and_where_they_stand() {
        let wb = workbook();
        let edit = Edit::Batch(vec![
            Edit::SetCells(
                AssetId(2),
                vec![
                    CellValue::Text(Column::Note, "𠮷野家".into()),
                    CellValue::Flag(Column::Personal, true),
                ],
            ),
            Edit::SetSettings(Settings {
                company: "髙橋商店".into(),
                ..Settings::default()
            }),
            Edit::SetAnswer(ItemNo(1), None),
        ]);
        let places: Vec<_> = edit
            .texts(&wb)
            .into_iter()
            .map(|(place, text)| format!("{place}：{text}"))
            .collect();
        assert_eq!(
            places,
            [
                "台帳 2行目の備考：𠮷野家",
                "診断結果の会社名：髙橋商店",
                "診断結果の診断実施者："
            ]
        );
        assert!(edit.changes_results());
        assert_eq!(edit.changes_one_asset(), None);
        let settings = Edit::SetSettings(Settings::default());
        assert!(!settings.changes_results());
    }

    #[test]
    fn the_workbook_lists_every_typed_text_with_its_place() {
        let wb = workbook();
        let places: Vec<_> = wb.texts().map(|(p, _)| p.to_string()).collect();
        assert_eq!(places[0], "診断結果の会社名");
        assert!(
            places.contains(&"台帳 3行目の情報資産名称".to_string()),
            "{places:?}"
        );
        assert!(places.contains(&"対策計画 1件目のメモ".to_string()));
        assert_eq!(places.last().unwrap(), "リスク対応 台帳 1行目の承認者");
        let edit = Edit::SetTreatment(accepted(3));
        let texts: Vec<_> = edit
            .texts(&wb)
            .into_iter()
            .map(|(place, text)| format!("{place}：{text}"))
            .collect();
        assert_eq!(texts[0], "リスク対応 台帳 3行目の理由：損害が小さい");
        assert!(!edit.changes_results());
    }
}
