//! One open database: the workbook in memory, its calculation, and undo/redo. The window edits
//! through it and the command line reads through it; no egui here, so edit and undo are tested
//! without a window.

use crate::calc::{Assessment, Diagnosis, Evaluated};
use crate::domain::{AssetId, Edit, Workbook};
use crate::store::snapshots::SnapshotInfo;
use crate::store::{Store, StoreError, StoreResult};
use crate::summary::summarize;
use std::path::Path;

/// How many edits can be undone.
const UNDO_LIMIT: usize = 200;

/// 元に戻す or やり直し.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Undo,
    Redo,
}

impl Direction {
    fn opposite(self) -> Direction {
        match self {
            Direction::Undo => Direction::Redo,
            Direction::Redo => Direction::Undo,
        }
    }
}

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
        Ok(self.step(Direction::Undo)?.is_some())
    }

    pub fn redo(&mut self) -> StoreResult<bool> {
        Ok(self.step(Direction::Redo)?.is_some())
    }

    /// Undoes or redoes one edit and returns the edit made (the window checks only its text);
    /// None when there is none. The edit's inverse goes on the other stack; an edit that cannot be
    /// saved stays where it was, to be tried again.
    pub fn step(&mut self, direction: Direction) -> StoreResult<Option<Edit>> {
        let Some(edit) = self.stack(direction).pop() else {
            return Ok(None);
        };
        match self.save_with_inverse(&edit) {
            Ok((_, inverse)) => {
                self.stack(direction.opposite()).push(inverse);
                Ok(Some(edit))
            }
            Err(e) => {
                self.stack(direction).push(edit);
                Err(e)
            }
        }
    }

    /// The edits a step in `direction` takes from.
    fn stack(&mut self, direction: Direction) -> &mut Vec<Edit> {
        match direction {
            Direction::Undo => &mut self.undo,
            Direction::Redo => &mut self.redo,
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

    /// Saves the edit (one transaction), makes it in memory, recalculates, and returns the edit
    /// that undoes it.
    fn save_with_inverse(&mut self, edit: &Edit) -> StoreResult<(Option<AssetId>, Edit)> {
        self.current
            .workbook
            .check(edit)
            .map_err(StoreError::Invalid)?;
        let outcome = self.store.apply(edit)?;
        let applied = self.current.workbook.apply_saved(edit, &outcome);
        match applied.changed_row {
            Some(index) => {
                self.current.reassess_asset(index);
                self.revision += 1;
                self.calculation_revision += 1;
            }
            None if edit.changes_results() => self.recalculate(),
            None => self.revision += 1,
        }
        Ok((applied.inserted, applied.inverse))
    }

    /// 「診断を確定」: stores the whole state with its results, dated now. Returns the snapshot's id.
    pub fn take_snapshot(&mut self, note: &str) -> StoreResult<i64> {
        let now = chrono::Local::now()
            .format(crate::store::snapshots::TAKEN_AT_FORMAT)
            .to_string();
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

    /// Stores a customer's check sheet with its file. The undo history stays: its edits are of
    /// other records, which the new sheet leaves alone.
    pub fn insert_checksheet(
        &mut self,
        sheet: &crate::domain::checksheet::CheckSheet,
        bytes: &[u8],
    ) -> StoreResult<crate::domain::checksheet::SheetId> {
        let id = self.store.insert_checksheet(sheet, bytes)?;
        self.current.workbook.checksheets = self.store.checksheets()?;
        self.revision += 1;
        Ok(id)
    }

    /// Removes a customer's check sheet. The undo history is cleared: some of its steps may be
    /// answers of the sheet that is gone.
    pub fn delete_checksheet(&mut self, id: crate::domain::checksheet::SheetId) -> StoreResult<()> {
        self.store.delete_checksheet(id)?;
        self.current.workbook.checksheets.retain(|s| s.id != id);
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }

    /// Stores a new policy draft (Word) in place of the old one; the old one's values go with it
    /// and, as for any import, the undo history is cleared.
    pub fn replace_policy_document(
        &mut self,
        document: &crate::store::policy_document::PolicyDocument,
    ) -> StoreResult<()> {
        self.store.replace_policy_document(document)?;
        self.current.workbook.policy_values = Default::default();
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
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
        .map_err(|e| StoreError::Invalid(format!("診断結果を記録の形にできません：{e}")))?;
    store.take_snapshot_at(&results.workbook, &json, note, taken_at)
}
