//! One open database: the workbook in memory, its calculation, and undo/redo. The window edits
//! through it and the command line reads through it; no egui here, so edit and undo are tested
//! without a window.

use crate::calc::{Assessment, Diagnosis, Evaluated};
use crate::domain::register::CellValue;
use crate::domain::{AssetId, Workbook};
use crate::store::snapshots::SnapshotInfo;
use crate::store::{Edit, EditOutcome, Store, StoreError, StoreResult};
use crate::summary::summarize;
use std::path::Path;

/// How many edits can be undone.
const UNDO_LIMIT: usize = 200;

pub struct Session {
    store: Store,
    current: Evaluated,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// Grows with every change, so views can tell when their caches are stale.
    revision: u64,
    /// Grows with every change the calculation reads (not 会社名 and the like).
    calculation_revision: u64,
    /// Grows with every snapshot taken: the 履歴 reloads only then.
    snapshots_taken: u64,
}

impl Session {
    pub fn open(path: &Path) -> StoreResult<Session> {
        Session::from_store(Store::open(path)?)
    }

    /// The database for reading only (the command line's summary, export and report); every
    /// edit is refused by the store.
    pub fn open_read_only(path: &Path) -> StoreResult<Session> {
        Session::from_store(Store::open_read_only(path)?)
    }

    pub fn from_store(store: Store) -> StoreResult<Session> {
        let current = Evaluated::new(store.load()?);
        Ok(Session {
            store,
            current,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            calculation_revision: 0,
            snapshots_taken: 0,
        })
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The workbook with its assessment and diagnosis.
    pub fn results(&self) -> &Evaluated {
        &self.current
    }

    pub fn workbook(&self) -> &Workbook {
        &self.current.workbook
    }

    pub fn assessment(&self) -> &Assessment {
        &self.current.assessment
    }

    pub fn diagnosis(&self) -> &Diagnosis {
        &self.current.diagnosis
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes only when the results can have changed: what is derived from the results alone
    /// (対策優先度, the comparison with now) is kept across other edits.
    pub fn calculation_revision(&self) -> u64 {
        self.calculation_revision
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Saves one edit and recalculates. On error nothing changed, on disk or here.
    pub fn apply(&mut self, edit: Edit) -> StoreResult<Option<AssetId>> {
        let inserted = self.apply_recorded(&edit)?;
        self.redo.clear();
        Ok(inserted)
    }

    /// Undoes the last edit; false when there is none.
    pub fn undo(&mut self) -> StoreResult<bool> {
        self.step(true)
    }

    pub fn redo(&mut self) -> StoreResult<bool> {
        self.step(false)
    }

    fn step(&mut self, undo: bool) -> StoreResult<bool> {
        let popped = if undo {
            self.undo.pop()
        } else {
            self.redo.pop()
        };
        let Some(edit) = popped else {
            return Ok(false);
        };
        match self.save_with_inverse(&edit) {
            Ok((_, inverse)) => {
                if undo {
                    self.redo.push(inverse);
                } else {
                    self.undo.push(inverse);
                }
                Ok(true)
            }
            Err(e) => {
                // Kept, so the user can try again once the file is writable.
                if undo {
                    self.undo.push(edit);
                } else {
                    self.redo.push(edit);
                }
                Err(e)
            }
        }
    }

    fn apply_recorded(&mut self, edit: &Edit) -> StoreResult<Option<AssetId>> {
        let (inserted, inverse) = self.save_with_inverse(edit)?;
        self.undo.push(inverse);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        Ok(inserted)
    }

    /// Saves the edit (one transaction), mirrors it in memory, recalculates, and returns the edit
    /// that undoes it.
    fn save_with_inverse(&mut self, edit: &Edit) -> StoreResult<(Option<AssetId>, Edit)> {
        let outcome = self.store.apply(edit)?;
        let saved = self.mirror_with_inverse(edit, &outcome);
        match edit {
            // One asset's cells: only that asset is assessed again.
            Edit::SetCells(id, _) | Edit::UpdateAsset(crate::domain::Asset { id, .. }) => {
                match self
                    .current
                    .workbook
                    .assets
                    .iter()
                    .position(|a| a.id == *id)
                {
                    Some(index) => {
                        self.current.reassess_asset(index);
                        self.revision += 1;
                        self.calculation_revision += 1;
                    }
                    None => self.recalculate(),
                }
            }
            _ if edit.changes_results() => self.recalculate(),
            _ => self.revision += 1,
        }
        Ok(saved)
    }

    /// Mirrors a saved edit; the inverse of each part is taken just before that part is mirrored,
    /// so a batch undoes in reverse order from the states it passed through.
    fn mirror_with_inverse(
        &mut self,
        edit: &Edit,
        outcome: &EditOutcome,
    ) -> (Option<AssetId>, Edit) {
        if let (Edit::Batch(edits), EditOutcome::Batch(outcomes)) = (edit, outcome) {
            let mut first_inserted = None;
            let mut inverses = Vec::with_capacity(edits.len());
            for (part, part_outcome) in edits.iter().zip(outcomes) {
                let (inserted, inverse) = self.mirror_with_inverse(part, part_outcome);
                first_inserted = first_inserted.or(inserted);
                inverses.push(inverse);
            }
            inverses.reverse();
            return (first_inserted, Edit::Batch(inverses));
        }
        // An insert's inverse only knows the new row's id once it is saved.
        let inverse = match (inverse(&self.current.workbook, edit), outcome) {
            (Edit::DeleteAsset(_), EditOutcome::Inserted(id)) => Edit::DeleteAsset(*id),
            (Edit::DeletePlan(_), EditOutcome::InsertedPlan(id)) => Edit::DeletePlan(*id),
            (other, _) => other,
        };
        mirror(&mut self.current.workbook, edit, outcome);
        let inserted = match outcome {
            EditOutcome::Inserted(id) => Some(*id),
            _ => None,
        };
        (inserted, inverse)
    }

    /// 「診断を確定」: stores the whole state with its results, dated now. Returns the snapshot's id.
    pub fn take_snapshot(&mut self, note: &str) -> StoreResult<i64> {
        let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
        let id = store_snapshot(&mut self.store, &self.current, note, &now)?;
        self.snapshot_stored();
        Ok(id)
    }

    /// Stores `results` as an assessment confirmed at `taken_at` (the sample's earlier one).
    pub fn record(&mut self, results: &Evaluated, note: &str, taken_at: &str) -> StoreResult<i64> {
        let id = store_snapshot(&mut self.store, results, note, taken_at)?;
        self.snapshot_stored();
        Ok(id)
    }

    fn snapshot_stored(&mut self) {
        self.revision += 1;
        self.snapshots_taken += 1;
    }

    pub fn snapshots(&self) -> StoreResult<Vec<SnapshotInfo>> {
        self.store.snapshots()
    }

    pub fn snapshot(&self, id: i64) -> StoreResult<Workbook> {
        self.store.snapshot(id)
    }

    /// How many snapshots this session took; the list of snapshots changes only with it.
    pub fn snapshots_taken(&self) -> u64 {
        self.snapshots_taken
    }

    /// Replaces the whole workbook (sample data, import). The undo history is cleared.
    pub fn replace_all(&mut self, workbook: &Workbook) -> StoreResult<()> {
        self.store.replace_all(workbook)?;
        self.current = Evaluated::new(self.store.load()?);
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
        self.calculation_revision += 1;
        Ok(())
    }

    fn recalculate(&mut self) {
        self.current.recalculate();
        self.revision += 1;
        self.calculation_revision += 1;
    }
}

/// Stores `results` with their summary (what 履歴 charts) as a snapshot dated `taken_at`.
fn store_snapshot(
    store: &mut Store,
    results: &Evaluated,
    note: &str,
    taken_at: &str,
) -> StoreResult<i64> {
    let json = serde_json::to_string(&summarize(results))
        .map_err(|e| StoreError::Invalid(format!("診断結果を記録の形にできません: {e}")))?;
    store.take_snapshot_at(&results.workbook, &json, note, taken_at)
}

/// The edit that takes `workbook` back to its state before `edit`.
fn inverse(workbook: &Workbook, edit: &Edit) -> Edit {
    match edit {
        Edit::InsertAsset { asset, .. } => Edit::DeleteAsset(asset.id),
        Edit::UpdateAsset(asset) => match workbook.assets.iter().find(|a| a.id == asset.id) {
            Some(old) => Edit::UpdateAsset(old.clone()),
            None => Edit::UpdateAsset(asset.clone()),
        },
        Edit::SetCells(id, values) => match workbook.assets.iter().find(|a| a.id == *id) {
            Some(old) => Edit::SetCells(
                *id,
                values
                    .iter()
                    .filter_map(|v| CellValue::of(old, v.column()))
                    .collect(),
            ),
            None => edit.clone(),
        },
        // Built part by part as the batch is mirrored (`Session::mirror_with_inverse`).
        Edit::Batch(_) => Edit::Batch(Vec::new()),
        Edit::DeleteAsset(id) => match workbook.assets.iter().position(|a| a.id == *id) {
            Some(index) => Edit::InsertAsset {
                index,
                asset: workbook.assets[index].clone(),
            },
            None => Edit::DeleteAsset(*id),
        },
        Edit::SetFrequency(threat, _) => Edit::SetFrequency(
            *threat,
            workbook
                .threats
                .iter()
                .find(|t| t.id == *threat)
                .and_then(|t| t.frequency),
        ),
        Edit::SetAnswer(no, _) => Edit::SetAnswer(*no, workbook.answer(*no)),
        Edit::SetSettings(_) => Edit::SetSettings(workbook.settings.clone()),
        Edit::InsertPlan { entry, .. } => Edit::DeletePlan(entry.id),
        Edit::UpdatePlan(entry) => match workbook.plan.iter().find(|e| e.id == entry.id) {
            Some(old) => Edit::UpdatePlan(old.clone()),
            None => edit.clone(),
        },
        Edit::DeletePlan(id) => match workbook.plan.iter().position(|e| e.id == *id) {
            Some(index) => Edit::InsertPlan {
                index,
                entry: workbook.plan[index].clone(),
            },
            None => edit.clone(),
        },
    }
}

/// Applies a saved edit to the in-memory copy, as the store applied it.
fn mirror(workbook: &mut Workbook, edit: &Edit, outcome: &EditOutcome) {
    match edit {
        Edit::InsertAsset { index, asset } => {
            let mut asset = asset.clone();
            if let EditOutcome::Inserted(id) = outcome {
                asset.id = *id;
            }
            let at = (*index).min(workbook.assets.len());
            workbook.assets.insert(at, asset);
        }
        Edit::UpdateAsset(asset) => {
            if let Some(a) = workbook.assets.iter_mut().find(|a| a.id == asset.id) {
                *a = asset.clone();
            }
        }
        Edit::SetCells(id, values) => {
            if let Some(a) = workbook.assets.iter_mut().find(|a| a.id == *id) {
                for value in values {
                    value.write(a);
                }
            }
        }
        Edit::Batch(_) => unreachable!("a batch is mirrored part by part"),
        Edit::DeleteAsset(id) => workbook.assets.retain(|a| a.id != *id),
        Edit::SetFrequency(threat, f) => {
            if let Some(t) = workbook.threats.iter_mut().find(|t| t.id == *threat) {
                t.frequency = *f;
            }
        }
        Edit::SetAnswer(no, answer) => {
            if let Some(i) = workbook.items.iter_mut().find(|i| i.no == *no) {
                i.answer = *answer;
            }
        }
        Edit::SetSettings(s) => workbook.settings = s.clone(),
        Edit::InsertPlan { index, entry } => {
            let mut entry = entry.clone();
            if let EditOutcome::InsertedPlan(id) = outcome {
                entry.id = *id;
            }
            let at = (*index).min(workbook.plan.len());
            workbook.plan.insert(at, entry);
        }
        Edit::UpdatePlan(entry) => {
            if let Some(e) = workbook.plan.iter_mut().find(|e| e.id == entry.id) {
                *e = entry.clone();
            }
        }
        Edit::DeletePlan(id) => workbook.plan.retain(|e| e.id != *id),
    }
}
