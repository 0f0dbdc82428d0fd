//! 規程 in the window (egui_kittest): the policy draft's spots chapter by chapter with progress,
//! a blue spot's alternatives, riskbook's suggestions (会社名), a typed value, and undo.

mod common;

use common::data::on_disk;
use common::gui::*;
use eframe::egui;
use riskbook::app::actions::Action;
use riskbook::domain::policy::spots::SpotNo;
use riskbook::domain::{Edit, Settings};
use riskbook::operations::Session;

fn value(path: &std::path::Path, no: u32) -> Option<String> {
    on_disk(path)
        .policy_values
        .get(SpotNo(no))
        .map(|v| v.as_str().to_string())
}

#[test]
fn the_spots_are_walked_chapter_by_chapter_and_filled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let mut session = Session::open(&path).unwrap();
        session
            .apply(Edit::SetSettings(Settings {
                company: "株式会社見本".into(),
                ..Settings::default()
            }))
            .unwrap();
        session
            .apply(Edit::SetProfile(riskbook::domain::policy::CompanyProfile {
                develops_systems: Some(false),
                ..Default::default()
            }))
            .unwrap();
    }
    let mut harness = app(&path);
    click(&mut harness, "規程（Word）");
    assert!(shows(
        &harness,
        "規程の文書（Word）がまだ取り込まれていません。"
    ));
    assert!(
        has(&harness, "規程（Word）取込…"),
        "the import is one click away"
    );
    // ファイル → 規程（Word）取込…, with the file the dialog would give.
    let file = dir.path().join("規程（案）.docx");
    std::fs::write(&file, common::docx::draft()).unwrap();
    harness
        .state_mut()
        .file_dialog_answer(Action::PolicyImport, Some(file));
    harness.run();
    assert!(shows(
        &harness,
        "赤字（書き換え）6 か所、青字（選択）3 か所"
    ));
    click(&mut harness, "OK");
    assert!(shows(&harness, "赤字 6 か所中 0 か所 記入済み"));
    assert!(shows(&harness, "青字 3 か所中 0 か所 記入済み"));
    assert!(shows(&harness, "1. 組織的対策（5 か所中 0 か所）"));
    // What the company's profile rules out is named, for the user to remove from the draft.
    assert!(shows(
        &harness,
        "当てはまらない規程（「規程」の会社の情報から）：No.9 システムの開発及び保守"
    ));

    // The company's name is offered for the red spot; the blue one offers its alternatives.
    click(&mut harness, "No.1 を「株式会社見本」にする");
    assert_eq!(value(&path, 1).as_deref(), Some("株式会社見本"));
    assert!(shows(&harness, "赤字 6 か所中 1 か所 記入済み"));
    click(&mut harness, "No.2 を「半年ごと」にする");
    assert_eq!(value(&path, 2).as_deref(), Some("半年ごと"));
    assert!(shows(&harness, "青字 3 か所中 1 か所 記入済み"));

    type_into(&mut harness, "No.3 の内容", "総務部長");
    assert_eq!(value(&path, 3).as_deref(), Some("総務部長"));

    click(&mut harness, "次の章");
    assert!(shows(&harness, "2. 人的対策（2 か所中 0 か所）"));
    assert!(has(&harness, "〇〇部"), "the spot's own text is shown");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(value(&path, 3), None, "undone");
    assert_eq!(value(&path, 2).as_deref(), Some("半年ごと"));

    // ファイル → 規程（Word）出力…: the filled spots written, the others as they were.
    let out = dir.path().join("規程.docx");
    harness
        .state_mut()
        .file_dialog_answer(Action::PolicyExport, Some(out.clone()));
    harness.run();
    assert!(shows(&harness, "に書き出しました。"));
    let texts = riskbook::docx::paragraph_texts(&std::fs::read(&out).unwrap()).unwrap();
    assert!(
        texts
            .iter()
            .any(|(_, t)| t == "当社は、株式会社見本の規程を定める。前の版から変えた箇所。"),
        "{texts:?}"
    );
}
