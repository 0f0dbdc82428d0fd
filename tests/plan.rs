//! 対策計画 in the database: entries added, changed and deleted through the session, each undone;
//! what the store refuses; entries kept by 「診断を確定」 and by a copy of the whole workbook.

use chrono::NaiveDate;
use riskbook::domain::Edit;
use riskbook::domain::{ItemNo, Workbook};
use riskbook::domain::{Measure, PlanEntry, PlanStatus, ThreatId};
use riskbook::operations::Session;

mod common;
use common::data::{sample_session, virus_threat};

fn sample(dir: &std::path::Path) -> Session {
    sample_session(&dir.join("r.db"))
}

fn on_disk(s: &Session) -> Vec<PlanEntry> {
    common::data::on_disk(s.path()).plan
}

#[test]
fn entries_are_saved_changed_deleted_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample(dir.path());
    let before = s.workbook().plan.clone();
    let virus = s.workbook().threats[virus_threat(s.workbook())].id;
    s.apply(Edit::InsertPlan {
        index: usize::MAX,
        entry: PlanEntry::new(Measure::Threat(virus)),
    })
    .unwrap();
    let added = s.workbook().plan.last().unwrap().clone();
    assert_ne!(added.id.0, 0, "the saved id is mirrored");
    assert_eq!(on_disk(&s), s.workbook().plan);
    assert_eq!(added.items(s.workbook()).len(), 8);
    assert!(
        added
            .title(s.workbook())
            .contains("（事務所PC）の対策 8 項目")
    );

    let changed = PlanEntry {
        owner: "総務部 佐藤".into(),
        due: NaiveDate::from_ymd_opt(2026, 12, 25),
        status: PlanStatus::InProgress,
        memo: "年内に".into(),
        ..added.clone()
    };
    s.apply(Edit::UpdatePlan(changed.clone())).unwrap();
    assert_eq!(on_disk(&s).last(), Some(&changed));
    s.apply(Edit::DeletePlan(added.id)).unwrap();
    assert_eq!(on_disk(&s), before);

    assert!(s.undo().unwrap());
    assert_eq!(on_disk(&s).last(), Some(&changed), "the delete undone");
    assert!(s.undo().unwrap());
    assert_eq!(on_disk(&s).last(), Some(&added), "the change undone");
    assert!(s.undo().unwrap());
    assert_eq!(on_disk(&s), before, "the insert undone");
    assert!(s.redo().unwrap());
    assert_eq!(on_disk(&s).last(), Some(&added));
    assert_eq!(s.workbook().plan, on_disk(&s));
}

#[test]
fn a_measure_the_workbook_does_not_have_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample(dir.path());
    let before = on_disk(&s);
    for measure in [Measure::Item(ItemNo(999)), Measure::Threat(ThreatId(999))] {
        let e = s
            .apply(Edit::InsertPlan {
                index: 0,
                entry: PlanEntry::new(measure),
            })
            .unwrap_err();
        assert!(e.to_string().contains("対策計画"), "{e}");
    }
    assert_eq!(on_disk(&s), before);
    assert_eq!(s.workbook().plan, before);
}

#[test]
fn a_snapshot_keeps_the_plan_and_an_older_snapshot_reads_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample(dir.path());
    s.apply(Edit::InsertPlan {
        index: 0,
        entry: PlanEntry::new(Measure::Item(ItemNo(41))),
    })
    .unwrap();
    let id = s.take_snapshot("計画つき").unwrap();
    assert_eq!(s.snapshot(id).unwrap().plan, s.workbook().plan);

    // A snapshot written before 対策計画 existed has no "plan".
    let mut json: serde_json::Value = serde_json::to_value(s.workbook()).unwrap();
    json.as_object_mut().unwrap().remove("plan");
    let old: Workbook = serde_json::from_value(json).unwrap();
    assert!(old.plan.is_empty());
}

#[test]
fn replacing_the_workbook_replaces_its_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample(dir.path());
    let mut wb = s.workbook().clone();
    wb.plan = vec![PlanEntry {
        status: PlanStatus::Done,
        ..PlanEntry::new(Measure::Item(ItemNo(1)))
    }];
    s.replace_all(&wb).unwrap();
    let plan = on_disk(&s);
    assert_eq!(plan.len(), 1);
    assert_eq!(
        (plan[0].measure, plan[0].status),
        (Measure::Item(ItemNo(1)), PlanStatus::Done)
    );
}
