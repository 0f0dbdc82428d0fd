//! Edit, undo and redo of the window's session, without a window.

mod common;
use riskbook::domain::Edit;
use riskbook::domain::{Answer, Asset, Frequency, ItemNo, ThreatId};
use riskbook::operations::Session;

#[test]
fn every_kind_of_edit_undoes_and_redoes_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut s = Session::open(&path).unwrap();
    let disk = || common::data::on_disk(&path);

    let id = s
        .apply(Edit::InsertAsset {
            index: 0,
            asset: Asset::named("A"),
        })
        .unwrap()
        .unwrap();
    let mut renamed = s.workbook().assets[0].clone();
    renamed.name = "B".into();
    s.apply(Edit::UpdateAsset(renamed)).unwrap();
    s.apply(Edit::SetFrequency(
        ThreatId(1),
        Some(Frequency::new(2).unwrap()),
    ))
    .unwrap();
    s.apply(Edit::SetAnswer(ItemNo(5), Some(Answer::Implemented)))
        .unwrap();
    s.apply(Edit::DeleteAsset(id)).unwrap();
    let end = disk();
    assert!(end.assets.is_empty());
    let revision = s.revision();

    assert!(s.undo().unwrap()); // delete
    assert_eq!(disk().assets[0].name, "B");
    assert_eq!(disk().assets[0].id, id);
    assert!(s.undo().unwrap()); // answer
    assert_eq!(disk().answer(ItemNo(5)), None);
    assert!(s.undo().unwrap()); // frequency
    assert_eq!(disk().threats[0].frequency, None);
    assert!(s.undo().unwrap()); // rename
    assert_eq!(disk().assets[0].name, "A");
    assert!(s.undo().unwrap()); // insert
    assert!(disk().assets.is_empty());
    assert!(!s.undo().unwrap(), "nothing more to undo");
    assert!(s.revision() > revision, "views see every change");

    for _ in 0..5 {
        assert!(s.redo().unwrap());
    }
    assert!(!s.redo().unwrap());
    assert_eq!(disk(), end);
    assert_eq!(s.workbook(), &end, "memory and disk agree");
}

#[test]
fn a_new_edit_clears_redo() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::open(&dir.path().join("r.db")).unwrap();
    s.apply(Edit::SetAnswer(ItemNo(1), Some(Answer::Partly)))
        .unwrap();
    s.undo().unwrap();
    assert!(s.can_redo());
    s.apply(Edit::SetAnswer(ItemNo(2), Some(Answer::Partly)))
        .unwrap();
    assert!(!s.can_redo());
}

/// A cell edit re-assesses only its asset; the results must be those of recalculating everything.
#[test]
fn a_cell_edit_gives_the_same_results_as_recalculating_everything() {
    use riskbook::calc::Evaluated;
    use riskbook::domain::register::{CellValue, Column};
    use riskbook::domain::{Medium, Rating};
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::data::sample_session(&dir.path().join("r.db"));
    let first = s.workbook().assets[0].id;
    let edits = [
        CellValue::Rating(Column::Confidentiality, Some(Rating::new(0).unwrap())),
        CellValue::Medium(Some(Medium::Cloud)),
        CellValue::Rating(Column::Integrity, None),
    ];
    for value in edits {
        let before = (s.assessment().clone(), s.diagnosis().clone());
        s.apply(Edit::SetCells(first, vec![value.clone()])).unwrap();
        let full = Evaluated::new(s.workbook().clone());
        assert!(
            s.assessment() == &full.assessment,
            "assessment after {value:?}"
        );
        assert!(
            s.diagnosis() == &full.diagnosis,
            "diagnosis after {value:?}"
        );
        assert!(
            (s.assessment().clone(), s.diagnosis().clone()) != before,
            "{value:?} changed a result"
        );
    }
    for medium in Medium::ALL {
        assert_eq!(
            s.assessment().assets_on(medium),
            s.workbook()
                .assets
                .iter()
                .filter(|a| a.medium == Some(medium))
                .count()
        );
    }
}
