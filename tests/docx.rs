//! The company's policy draft (Word): finding the red and blue spots in a document built here
//! (runs split inside a spot, spots in a table, header and footer, a highlighted passage, an image
//! part, numbering), filling them, writing the document, and checking that nothing else changed —
//! every other zip entry byte for byte and every paragraph's text; the CSV fill is all or nothing.

mod common;

use common::cli::riskbook;
use common::docx::{draft, entries};
use riskbook::docx::{fill, paragraph_texts, scan};
use riskbook::domain::Edit;
use riskbook::domain::policy::spots::{PolicyValues, SpotKind, SpotNo, SpotPlace, SpotValue};
use riskbook::operations::Session;
use std::path::Path;

fn value(text: &str) -> SpotValue {
    SpotValue::new(text).unwrap()
}

/// Every spot but 6 (〇〇部) filled.
fn values() -> PolicyValues {
    let mut values = PolicyValues::default();
    for (no, text) in [
        (1, "株式会社見本"),
        (2, "毎年"),
        (3, "総務部長"),
        (4, "社長"),
        (5, "2026.04.01"),
        (7, "が"),
        (8, "見本<&>"),
        (9, "2026年4月1日"),
    ] {
        values.set(SpotNo(no), Some(value(text)));
    }
    values
}

#[test]
fn finds_every_spot_with_its_chapter_place_sentence_and_options() {
    let spots = scan(&draft()).unwrap();
    let summary: Vec<_> = spots
        .iter()
        .map(|s| {
            (
                s.no.0,
                s.kind,
                s.place,
                s.chapter.as_str(),
                s.section.as_str(),
                s.text.as_str(),
            )
        })
        .collect();
    use SpotKind::{Choose, Rewrite};
    use SpotPlace::{Body, Footer, Header, Table};
    assert_eq!(
        summary,
        [
            (1, Rewrite, Body, "1. 組織的対策", "", "〇〇株式会社"),
            (
                2,
                Choose,
                Body,
                "1. 組織的対策",
                "1.1 見直し",
                "毎年／半年ごと"
            ),
            (
                3,
                Rewrite,
                Table,
                "1. 組織的対策",
                "1.1 見直し",
                "情報セキュリティ責任者"
            ),
            (
                4,
                Choose,
                Table,
                "1. 組織的対策",
                "1.1 見直し",
                "社長または部長"
            ),
            (
                5,
                Rewrite,
                Body,
                "1. 組織的対策",
                "1.1 見直し",
                "20yy.mm.dd"
            ),
            (6, Rewrite, Body, "2. 人的対策", "", "〇〇部"),
            (7, Choose, Body, "2. 人的対策", "", "は／が"),
            (8, Rewrite, Header, "ヘッダー", "", "〇〇"),
            (9, Rewrite, Footer, "フッター", "", "20yy年mm月dd日"),
        ]
    );
    assert_eq!(
        spots[0].sentence(),
        "当社は、【〇〇株式会社】の規程を定める。"
    );
    assert_eq!(spots[1].options(), ["毎年", "半年ごと"]);
    assert_eq!(spots[3].options(), ["社長", "部長"]);
    assert!(spots[0].options().is_empty(), "a red spot offers no choice");
}

/// The XML with every `w:t` and `w:color` element taken out: what a fill may not change.
fn without_text_and_colour(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = [
        rest.find("<w:t>"),
        rest.find("<w:t "),
        rest.find("<w:color "),
    ]
    .into_iter()
    .flatten()
    .min()
    {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = if tail.starts_with("<w:color") {
            tail.find("/>").unwrap() + 2
        } else {
            tail.find("</w:t>").unwrap() + "</w:t>".len()
        };
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn filling_changes_only_the_filled_spots_and_keeps_every_other_byte() {
    let original = draft();
    let written = fill(&original, &values()).unwrap();

    // Every entry is there, in the same order; those without spots byte for byte, compressed too.
    let before = entries(&original);
    let after = entries(&written);
    let names =
        |e: &[(String, Vec<u8>, Vec<u8>)]| e.iter().map(|(n, ..)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&before), names(&after));
    let changed = ["word/document.xml", "word/header1.xml", "word/footer1.xml"];
    for ((name, raw, plain), (_, raw2, plain2)) in before.iter().zip(&after) {
        if changed.contains(&name.as_str()) {
            assert_ne!(plain, plain2, "{name} has filled spots");
            let (a, b) = (
                String::from_utf8_lossy(plain),
                String::from_utf8_lossy(plain2),
            );
            assert_eq!(
                without_text_and_colour(&a),
                without_text_and_colour(&b),
                "{name}: only w:t and w:color may change"
            );
        } else {
            assert_eq!(raw, raw2, "{name}: the stored (compressed) bytes");
            assert_eq!(plain, plain2, "{name}");
        }
    }

    // Every paragraph's text: the filled spots' text replaced, nothing else.
    let replace = [
        ("当社は、〇〇株式会社の", "当社は、株式会社見本の"),
        ("毎年／半年ごとに", "毎年に"),
        ("情報セキュリティ責任者", "総務部長"),
        ("社長または部長", "社長"),
        ("20yy.mm.dd", "2026.04.01"),
        ("〇〇部は／が", "〇〇部が"),
        ("株式会社〇〇", "株式会社見本<&>"),
        ("20yy年mm月dd日改訂", "2026年4月1日改訂"),
    ];
    let expected: Vec<(String, String)> = paragraph_texts(&original)
        .unwrap()
        .into_iter()
        .map(|(part, text)| {
            let text = replace
                .iter()
                .fold(text, |t, (from, to)| t.replace(from, to));
            (part, text)
        })
        .collect();
    assert_eq!(paragraph_texts(&written).unwrap(), expected);

    // The unfilled spot is still red, and it is the only spot left.
    let left = scan(&written).unwrap();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(
        (left[0].text.as_str(), left[0].kind),
        ("〇〇部", SpotKind::Rewrite)
    );

    // The filled spot took the paragraph's own colour (000000) or none; highlight, numbering and
    // the picture stayed.
    let document = String::from_utf8(after[2].2.clone()).unwrap();
    assert_eq!(
        document.matches(r#"w:val="FF0000""#).count(),
        1,
        "only 〇〇部"
    );
    assert!(!document.contains("C00000") && !document.contains("0070C0"));
    assert_eq!(document.matches(r#"<w:color w:val="000000"/>"#).count(), 5);
    assert!(document.contains(r#"<w:highlight w:val="yellow"/>"#));
    assert!(document.contains(r#"<w:numId w:val="1"/>"#));
    assert!(document.contains(r#"r:embed="rId3""#));
    assert!(document.contains(r#"<w:t xml:space="preserve">株式会社見本</w:t>"#));
    let header = String::from_utf8(after[6].2.clone()).unwrap();
    assert!(header.contains("見本&lt;&amp;&gt;"), "{header}");
}

#[test]
fn nothing_filled_writes_the_same_package() {
    let original = draft();
    let written = fill(&original, &PolicyValues::default()).unwrap();
    let raw = |e: Vec<(String, Vec<u8>, Vec<u8>)>| {
        e.into_iter().map(|(n, r, _)| (n, r)).collect::<Vec<_>>()
    };
    assert_eq!(raw(entries(&original)), raw(entries(&written)));
}

#[test]
fn a_file_that_is_not_word_is_refused_in_japanese() {
    let e = scan(b"not a zip").unwrap_err().to_string();
    assert!(e.contains("Word 文書（.docx）として開けません"), "{e}");
    let zip = common::docx::package(&[("a.txt", b"x".to_vec())]);
    let e = scan(&zip).unwrap_err().to_string();
    assert!(e.contains("word/document.xml がありません"), "{e}");
}

fn write_draft(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("規程（案）.docx");
    std::fs::write(&file, draft()).unwrap();
    file
}

#[test]
fn a_filled_value_is_saved_and_undone_like_any_edit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let mut session = Session::open(&db).unwrap();
    let file = write_draft(dir.path());
    let spots = riskbook::operations::policy_document::import(&mut session, &file).unwrap();
    assert_eq!(spots.len(), 9);
    session
        .apply(Edit::SetPolicyValue(SpotNo(1), Some(value("株式会社見本"))))
        .unwrap();
    let refused = session.apply(Edit::SetPolicyValue(SpotNo(10), Some(value("x"))));
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("10 番の箇所はありません")
    );
    drop(session);
    let mut session = Session::open(&db).unwrap();
    assert_eq!(
        session.workbook().policy_values.get(SpotNo(1)),
        Some(&value("株式会社見本")),
        "kept in the database"
    );
    session
        .apply(Edit::SetPolicyValue(SpotNo(1), Some(value("別の会社"))))
        .unwrap();
    assert!(session.undo().unwrap());
    assert_eq!(
        session.workbook().policy_values.get(SpotNo(1)),
        Some(&value("株式会社見本"))
    );
    drop(session);
    let session = Session::open(&db).unwrap();
    assert_eq!(
        session.workbook().policy_values.get(SpotNo(1)),
        Some(&value("株式会社見本")),
        "the undo was saved"
    );
}

fn run_ok(args: &[&str]) -> String {
    let out = riskbook(args);
    assert!(
        out.status.success(),
        "riskbook {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_command_line_imports_lists_fills_all_or_nothing_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let db = db.to_str().unwrap();
    let file = write_draft(dir.path());
    let imported: serde_json::Value = serde_json::from_str(&run_ok(&[
        "policy",
        "import",
        file.to_str().unwrap(),
        "--db",
        db,
        "--json",
    ]))
    .unwrap();
    assert_eq!(
        imported,
        serde_json::json!({"spots": 9, "rewrite": 6, "choose": 3})
    );

    let list = |db: &str| -> serde_json::Value {
        serde_json::from_str(&run_ok(&["policy", "list", "--db", db, "--json"])).unwrap()
    };
    let listed = list(db);
    let first = &listed["spots"][1];
    assert_eq!(first["no"], 2);
    assert_eq!(first["kind"], "選択");
    assert_eq!(first["chapter"], "1. 組織的対策");
    assert_eq!(first["text"], "毎年／半年ごと");
    assert_eq!(first["options"], serde_json::json!(["毎年", "半年ごと"]));
    assert_eq!(first["value"], serde_json::Value::Null);

    // One bad row: nothing is filled, and each bad row is named.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "番号,内容\n1,株式会社見本\n12,x\n二,y\n").unwrap();
    let out = riskbook(&[
        "policy",
        "fill",
        "--from",
        bad.to_str().unwrap(),
        "--db",
        db,
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3行目：12 番の箇所はありません（1〜9 番）。"),
        "{stderr}"
    );
    assert!(
        stderr.contains("4行目：番号「二」が数字ではありません。"),
        "{stderr}"
    );
    assert!(list(db)["spots"][0]["value"].is_null(), "nothing changed");

    // Shift_JIS as Japanese Excel saves it.
    let good = dir.path().join("good.csv");
    let text = "番号,内容\r\n1,株式会社見本\r\n2,毎年\r\n9,2026年4月1日\r\n";
    std::fs::write(&good, encoding_rs::SHIFT_JIS.encode(text).0).unwrap();
    let filled = run_ok(&[
        "policy",
        "fill",
        "--from",
        good.to_str().unwrap(),
        "--db",
        db,
    ]);
    assert!(filled.contains("赤字 6 か所中 2 か所 記入済み"), "{filled}");
    assert_eq!(list(db)["spots"][0]["value"], "株式会社見本");

    let out = dir.path().join("規程.docx");
    let exported = run_ok(&["policy", "export", out.to_str().unwrap(), "--db", db]);
    assert!(
        exported.contains("まだ記入していない箇所が 6 か所"),
        "{exported}"
    );
    let written = std::fs::read(&out).unwrap();
    let texts: Vec<String> = paragraph_texts(&written)
        .unwrap()
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert!(
        texts.contains(&"当社は、株式会社見本の規程を定める。前の版から変えた箇所。".to_string())
    );
    assert!(texts.contains(&"2026年4月1日改訂".to_string()));
    // Next year: the same draft written again from the database gives the same file.
    let again = dir.path().join("again.docx");
    run_ok(&["policy", "export", again.to_str().unwrap(), "--db", db]);
    assert_eq!(std::fs::read(&again).unwrap(), written);
    assert!(!dir.path().join("規程.docx.part").exists());
}

#[test]
#[ignore = "needs LibreOffice (soffice) and pdftotext (poppler-utils)"]
fn the_written_document_opens_in_libreoffice_writer() {
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("filled.docx");
    std::fs::write(&written, fill(&draft(), &values()).unwrap()).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("lo").display()
    );
    let out = std::process::Command::new("soffice")
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&written)
        .output()
        .expect("soffice (LibreOffice) を起動できません");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.path().join("filled.pdf");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) を起動できません");
    // pdftotext puts spaces between digits and kana/kanji ("2026 年 4 月"): compared without them.
    let text: String = String::from_utf8(text.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for filled in [
        "当社は、株式会社見本の規程を定める。",
        "総務部長",
        "2026.04.01",
        "株式会社見本<&>",
        "2026年4月1日改訂",
        "〇〇部が教育を行う。",
    ] {
        assert!(text.contains(filled), "{filled} not in:\n{text}");
    }
    assert!(
        !text.contains("〇〇株式会社") && !text.contains("20yy"),
        "{text}"
    );
}
