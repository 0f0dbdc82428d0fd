//! Every character a Japanese user types is kept, drawn, printed and exported: 𠮷 (outside the Basic
//! Multilingual Plane), 﨑 and 髙, 葛 with a variation selector, ①, half-width kana and an emoji go
//! through the 台帳, the 診断結果 settings and the Excel round trip unchanged (the PDF: tests/report.rs);
//! every character riskbook itself shows has a glyph in the bundled fonts; and one no font has is
//! named in the window with its place. (Every window test also fails on a character drawn as a box:
//! egui_kittest's missing-glyph policy.)

mod common;

use common::data::on_disk;
use common::gui::*;
use eframe::egui;
use riskbook::domain::Catalogue;
use riskbook::sample::sample_workbook;
use std::path::Path;

const TYPED: &str = "株式会社𠮷野精工 﨑 髙橋 葛\u{E0100}城支店 ① ｶﾌﾞｼｷ 🍣";

#[test]
fn typed_characters_reach_the_database_unchanged_and_draw_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut harness = sample_app(&path);
    click(&mut harness, "情報資産名称 1行目");
    harness.event(egui::Event::Text(TYPED.into()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(on_disk(&path).assets[0].name, TYPED);

    click(&mut harness, "診断結果");
    type_into(&mut harness, "会社名", TYPED);
    assert_eq!(on_disk(&path).settings.company, TYPED);
    assert!(
        !shows(&harness, "表示できない文字"),
        "the bundled fonts draw them all"
    );
}

#[test]
fn a_character_no_font_has_is_named_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let session = riskbook::operations::Session::open(&path).unwrap();
    // This test draws a box on purpose; every other window test fails on one.
    let mut harness = egui_kittest::Harness::builder()
        .with_size(WINDOW_SIZE)
        .allow_missing_glyphs()
        .build_eframe(move |cc| riskbook::app::RiskbookApp::new(cc, session));
    harness.run();
    load_sample(&mut harness);
    // A private-use character of plane 16: no font on any PC has it.
    type_into(&mut harness, "備考 2行目", "社外秘\u{10FFFD}");
    assert!(
        shows(
            &harness,
            "この PC のフォントで表示できない文字があります：「\u{10FFFD}」（U+10FFFD、台帳 2行目の備考）"
        ),
        "the status bar says which character and where"
    );
    assert_eq!(
        on_disk(&path).assets[1].note,
        "社外秘\u{10FFFD}",
        "and keeps it"
    );
    type_into(&mut harness, "備考 2行目", "社外秘");
    assert!(
        !shows(&harness, "表示できない文字"),
        "gone once the character is"
    );
    // Undo and redo check the text they bring back, as the user's own edits do.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(on_disk(&path).assets[1].note, "社外秘\u{10FFFD}");
    assert!(
        shows(&harness, "（U+10FFFD、台帳 2行目の備考）"),
        "back with the character"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert!(
        !shows(&harness, "表示できない文字"),
        "and gone with it again"
    );

    // The same in the 対策計画's メモ.
    click(&mut harness, "対策計画");
    type_into(&mut harness, "メモ 2件目", "\u{10FFFD}");
    assert!(shows(&harness, "（U+10FFFD、対策計画 2件目のメモ）"));
}

#[test]
fn the_excel_round_trip_keeps_every_character() {
    let mut wb = sample_workbook(Catalogue::builtin());
    wb.settings.company = TYPED.to_string();
    wb.assets[0].name = TYPED.to_string();
    wb.assets[1].note = "﨑と髙\u{10FFFD}".to_string();
    let assessment = riskbook::calc::assess(&wb);
    let diagnosis = riskbook::calc::diagnose(&wb, &assessment);
    let bytes = riskbook::xlsx::xlsx_bytes(&wb, &assessment, &diagnosis).unwrap();
    let back = riskbook::xlsx::read_workbook_bytes("t.xlsx", bytes, Catalogue::builtin()).unwrap();
    assert_eq!(back.workbook.settings.company, TYPED);
    assert_eq!(back.workbook.assets[0].name, TYPED);
    assert_eq!(back.workbook.assets[1].note, "﨑と髙\u{10FFFD}");
}

/// Non-ASCII characters of the strings in a Rust source (comments left out).
fn string_characters(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut inside = false;
        for c in line.chars() {
            if c == '"' {
                inside = !inside;
            } else if inside && !c.is_ascii() {
                out.push(c);
            }
        }
    }
    out
}

fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&string_characters(&std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn every_character_riskbook_shows_has_a_glyph_in_the_bundled_fonts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut shown = String::new();
    for data in ["assets/catalogue.toml", "assets/sample-company.toml"] {
        shown.push_str(&std::fs::read_to_string(root.join(data)).unwrap());
    }
    sources(&root.join("src"), &mut shown);
    let missing = riskbook::font::undrawable(&shown);
    assert!(missing.is_empty(), "no bundled glyph for {missing:?}");
    // And the check itself finds what is missing.
    assert_eq!(
        riskbook::font::undrawable("a\u{10FFFD}"),
        vec!['\u{10FFFD}']
    );
}
