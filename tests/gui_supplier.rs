//! 委託先 in the window (egui_kittest), by labels as a person works: the sample's two 委託先 are
//! listed, a third is added and named, items of its evaluation are answered and counted, and
//! Ctrl+Z takes the last answer back, on disk too.

mod common;

use chrono::Datelike;
use common::data::on_disk;
use common::gui::*;
use eframe::egui;
use riskbook::domain::supplier::checklist::{NO, YES};

#[test]
fn a_supplier_is_added_evaluated_item_by_item_and_an_answer_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "委託先");
    assert!(
        shows(&harness, "みなと税理士事務所 の評価"),
        "the first is selected"
    );
    assert_eq!(on_disk(&path).suppliers.list.len(), 2, "the sample's two");

    click(&mut harness, "委託先を追加");
    let wb = on_disk(&path);
    assert_eq!(wb.suppliers.list[2].name, "委託先1");
    type_into(&mut harness, "名称 委託先3件目", "港印刷");
    type_into(&mut harness, "委託内容 委託先3件目", "チラシ・名刺の印刷");
    let added = on_disk(&path).suppliers.list[2].clone();
    assert_eq!(
        (added.name.as_str(), added.work.as_str()),
        ("港印刷", "チラシ・名刺の印刷")
    );
    assert!(shows(&harness, "港印刷 の評価"), "the new one is selected");
    assert!(shows(&harness, "回答 ○ 0　× 0　該当なし 0　未回答 26"));

    pick(&mut harness, "No.1の回答", YES);
    pick(&mut harness, "No.2の回答", NO);
    assert!(shows(&harness, "回答 ○ 1　× 1　該当なし 0　未回答 24"));
    assert!(shows(
        &harness,
        "ガバナンスの整備（○ 1　× 1　該当なし 0　未回答 1）"
    ));
    let year = chrono::Local::now().year();
    let saved = on_disk(&path);
    let e = saved.suppliers.evaluation(added.id, year).expect("started");
    assert_eq!(e.answers[1].choice.as_deref(), Some(NO));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(shows(&harness, "回答 ○ 1　× 0　該当なし 0　未回答 25"));
    let saved = on_disk(&path);
    let e = saved.suppliers.evaluation(added.id, year).unwrap();
    assert_eq!(e.answers[1].choice, None, "undone on disk");
    assert_eq!(e.answers[0].choice.as_deref(), Some(YES));
}
