//! The exported workbook recalculates in LibreOffice to riskbook's own values.
//!
//! The file is written with deliberately wrong cached results (those of a workbook with nothing
//! answered), LibreOffice is told to recalculate on load, and the values it shows must be riskbook's.
//! LibreOffice comes from scripts/setup-debian.sh (libreoffice-calc).

use riskbook::calc::{assess, diagnose, rate_text};
use riskbook::domain::{Answer, Catalogue, ItemNo};
use riskbook::sample::sample_workbook;
use riskbook::xlsx::xlsx_bytes;
use std::path::Path;
use std::process::Command;

/// A LibreOffice profile that recalculates every formula when a file is loaded.
fn profile(dir: &Path) -> String {
    let user = dir.join("lo-profile").join("user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>"#,
    )
    .unwrap();
    format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    )
}

/// Whether LibreOffice is here; scripts/setup-debian.sh installs it, so only a machine without it
/// skips, and says so.
fn soffice_missing() -> bool {
    let missing = Command::new("soffice").arg("--version").output().is_err();
    if missing {
        eprintln!("SKIPPED: soffice (LibreOffice) is not installed; run scripts/setup-debian.sh");
    }
    missing
}

/// Converts `file` with LibreOffice (recalculating on load) into `dir`.
fn soffice_convert(dir: &Path, file: &Path, to: &str) {
    let out = Command::new("soffice")
        .arg(profile(dir))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn set_answer(wb: &mut riskbook::domain::Workbook, no: u16, answer: Option<Answer>) {
    wb.items
        .iter_mut()
        .find(|i| i.no == ItemNo(no))
        .unwrap()
        .answer = answer;
}

/// A minimal CSV reader: commas, double quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn leading_number(text: &str) -> Option<u8> {
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

#[test]
fn libreoffice_recalculates_the_export_to_riskbooks_values() {
    if soffice_missing() {
        return;
    }
    let mut wb = sample_workbook(Catalogue::builtin());
    // Varied answers: rates other than 0 %, a 該当なし category, vulnerabilities 1 and 3.
    let answers = [
        (1, 1),
        (2, 1),
        (3, 1),
        (4, 1),
        (5, 1),
        (9, 3),
        (10, 3),
        (35, 1),
        (36, 1),
        (37, 1),
        (13, 1),
        (27, 1),
        (42, 1),
        (6, 1),
        (54, 1),
    ];
    for (no, a) in answers {
        set_answer(&mut wb, no, Some(Answer::new(a).unwrap()));
    }
    for no in [46, 47, 48] {
        set_answer(&mut wb, no, Some(Answer::NotApplicable));
    }
    set_answer(&mut wb, 12, None);
    wb.threats[2].frequency = None; // 書類 becomes 未算定
    let assessment = assess(&wb);
    let diagnosis = diagnose(&wb, &assessment);

    // Wrong cached results: those of the same register with nothing answered and no frequencies.
    let mut blank = wb.clone();
    for i in &mut blank.items {
        i.answer = None;
    }
    for t in &mut blank.threats {
        t.frequency = None;
    }
    let stale = assess(&blank);
    let stale_diagnosis = diagnose(&blank, &stale);
    let bytes = xlsx_bytes(&wb, &stale, &stale_diagnosis).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.xlsx");
    std::fs::write(&file, bytes).unwrap();
    soffice_convert(
        dir.path(),
        &file,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
    );
    let sheet = |name: &str| {
        let path = dir.path().join(format!("book-{name}.csv"));
        parse_csv(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        )
    };

    let register = sheet("情報資産管理台帳");
    let mut checked = 0;
    for (i, (asset, risk)) in wb.assets.iter().zip(&assessment.assets).enumerate() {
        let row = &register[3 + i];
        assert_eq!(row[1], asset.name);
        let cell = |col: usize| row.get(col).cloned().unwrap_or_default();
        assert_eq!(
            leading_number(&cell(12)),
            risk.importance,
            "M of {}",
            asset.name
        );
        assert_eq!(
            leading_number(&cell(15)),
            risk.frequency(),
            "P of {}",
            asset.name
        );
        assert_eq!(
            leading_number(&cell(16)),
            risk.vulnerability(),
            "Q of {}",
            asset.name
        );
        assert_eq!(
            leading_number(&cell(17)),
            risk.likelihood(),
            "R of {}",
            asset.name
        );
        match risk.risk {
            Some(v) => assert_eq!(
                cell(18),
                format!("{v}{}", risk.level.label()),
                "S of {}",
                asset.name
            ),
            None => assert_eq!(cell(18), "未算定", "S of {}", asset.name),
        }
        checked += 1;
    }
    assert_eq!(checked, 32);
    assert!(
        assessment
            .assets
            .iter()
            .any(|r| r.vulnerability() == Some(1)),
        "the test covers v = 1"
    );
    assert!(
        assessment.assets.iter().any(|r| r.risk.is_none()),
        "and 未算定"
    );

    let result = sheet("診断結果");
    for (i, c) in diagnosis.categories.iter().enumerate() {
        let row = &result[2 + i];
        assert_eq!(row[0], format!("({}) {}", c.no, c.name));
        assert_eq!(row[2], rate_text(c.rate), "rate of ({}) {}", c.no, c.name);
    }
    let counts: Vec<String> = (0..4)
        .map(|k| result[3 + diagnosis.categories.len() + 1 + k][1].clone())
        .collect();
    let expected: Vec<String> = diagnosis
        .level_counts
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(counts, expected, "assets per class");
}

#[test]
fn an_old_xls_workbook_imports_like_the_xlsx() {
    if soffice_missing() {
        return;
    }
    let wb = sample_workbook(Catalogue::builtin());
    let a = assess(&wb);
    let d = diagnose(&wb, &a);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.xlsx");
    std::fs::write(&file, xlsx_bytes(&wb, &a, &d).unwrap()).unwrap();
    soffice_convert(dir.path(), &file, "xls");
    let imported =
        riskbook::xlsx::read_workbook(&dir.path().join("book.xls"), Catalogue::builtin()).unwrap();
    let mut back = imported.workbook;
    assert_eq!(back.assets, wb.assets);
    assert_eq!(back.items, wb.items);
    back.threats
        .iter_mut()
        .zip(&wb.threats)
        .for_each(|(x, y)| x.id = y.id);
    assert_eq!(back.threats, wb.threats);
    assert!(
        imported.differences.is_empty(),
        "{:?}",
        imported.differences
    );
}
