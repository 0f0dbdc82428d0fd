//! The PDF report of the sample company, read back with poppler's pdftotext and pdffonts
//! (installed by scripts/setup-debian.sh).

use riskbook::calc::{RiskLevel, assess, diagnose, rate_text};
use riskbook::domain::{Answer, Catalogue, ItemNo, Workbook};
use riskbook::report::{ReportInput, pdf};
use riskbook::sample::sample_workbook;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!(
            "{name} がありません（scripts/setup-debian.sh で poppler-utils を入れてください）: {e}"
        )
    });
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn set_answers(wb: &mut Workbook, items: &[u16], answer: Answer) {
    for no in items {
        wb.items
            .iter_mut()
            .find(|i| i.no == ItemNo(*no))
            .unwrap()
            .answer = Some(answer);
    }
}

/// A database at `db` filled by `riskbook sample`.
fn make_sample(db: &Path) {
    let made = Command::new(env!("CARGO_BIN_EXE_riskbook"))
        .args(["sample", "--db", db.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(made.success());
}

/// Writes the report of `wb` into `dir` and returns its path.
fn write_report(
    dir: &Path,
    wb: &Workbook,
    file_name: &str,
    previous: Option<(String, &Workbook)>,
) -> PathBuf {
    let assessment = assess(wb);
    let diagnosis = diagnose(wb, &assessment);
    let bytes = pdf(&ReportInput {
        workbook: wb,
        assessment: &assessment,
        diagnosis: &diagnosis,
        file_name,
        created_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        previous,
    })
    .unwrap();
    let path = dir.join("report.pdf");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The PDF's text; pdftotext -layout keeps each table row on one line, and spaces are dropped.
fn text_of(path: &Path) -> String {
    tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn the_report_names_every_category_rate_and_high_risk_asset_with_the_font_embedded() {
    let mut wb = sample_workbook(Catalogue::builtin());
    // Some variety in the rates: (1) 3 of 8 implemented, (9) all 4 → 該当なし.
    set_answers(&mut wb, &[1, 2, 3], Answer::Implemented);
    set_answers(&mut wb, &[46, 47, 48], Answer::NotApplicable);
    let assessment = assess(&wb);
    let diagnosis = diagnose(&wb, &assessment);
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = write_report(dir.path(), &wb, "みなと精工.db", None);
    let path = pdf_path.to_str().unwrap();

    let fonts = tool("pdffonts", &[path]);
    let font_line = fonts
        .lines()
        .find(|l| l.contains("IPAexGothic"))
        .expect(&fonts);
    let columns: Vec<&str> = font_line.split_whitespace().collect();
    // name type... emb sub uni
    let n = columns.len();
    assert_eq!(
        &columns[n - 5..n - 2],
        ["yes", "yes", "yes"],
        "embedded, subset, unicode: {font_line}"
    );

    let text = text_of(&pdf_path);
    assert!(text.contains("株式会社みなと精工（見本）"));
    assert!(text.contains("2026年4月1日"));
    for category in &diagnosis.categories {
        let row = format!("({}){}{}", category.no, category.name, category.need.mark());
        assert!(text.contains(&row), "category row {row}");
        assert!(
            text.contains(&rate_text(category.rate)),
            "rate {}",
            rate_text(category.rate)
        );
    }
    assert!(text.contains("37.5%"), "3 of 8 in (1)");
    assert!(text.contains("該当なし"));
    for (asset, risk) in wb.assets.iter().zip(&assessment.assets) {
        if risk.level == RiskLevel::High {
            let row = format!(
                "{}{}2322{}リスク大",
                asset.name,
                asset.medium.unwrap().name(),
                risk.risk.unwrap()
            );
            assert!(text.contains(&row), "high-risk row {row}");
        }
    }
    assert!(
        text.contains("事務所PCウイルス感染・不正アクセスによる事務所PCからの情報漏えい6件12"),
        "対策優先度: the PC virus threat removes 6 リスク大 and 12 リスク値"
    );
    assert!(
        text.contains("No.4社内ルールが守られているかを"),
        "an open item is on the to-do list"
    );
    assert!(
        !text.contains("No.1情報セキュリティに関する経営者"),
        "implemented items are not"
    );
    let pages = tool("pdfinfo", &[path]);
    let count: usize = pages
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(text.contains(&format!("riskbook診断結果—みなと精工.db1/{count}")));
    assert!(text.contains(&format!("{count}/{count}")));
}

#[test]
fn the_command_line_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = dir.path().join("診断結果.pdf");
    let bin = env!("CARGO_BIN_EXE_riskbook");
    make_sample(&db);
    let run = Command::new(bin)
        .args([
            "report",
            out.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    let bad = Command::new(bin)
        .args([
            "report",
            dir.path().join("no/such/dir/r.pdf").to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("書き込めませんでした"));
}

#[test]
fn the_report_compares_with_the_last_confirmed_assessment_when_asked() {
    let before = sample_workbook(Catalogue::builtin());
    let mut now = before.clone();
    set_answers(&mut now, &[1, 2, 3], Answer::Implemented);
    let dir = tempfile::tempdir().unwrap();
    let previous = Some(("2026-04-01 10:00:00 第1回".to_string(), &before));
    let text = text_of(&write_report(dir.path(), &now, "x.db", previous));
    assert!(
        text.contains("前回との比較（前回:2026-04-0110:00:00第1回）"),
        "heading"
    );
    assert!(
        text.contains("(1)組織的セキュリティ対策0.0%37.5%"),
        "rate before and after"
    );
    assert!(text.contains("回答の変更3問"));

    // Without a confirmed assessment the command line says why it cannot compare.
    let db = dir.path().join("x.db");
    let bin = env!("CARGO_BIN_EXE_riskbook");
    make_sample(&db);
    let out = Command::new(bin)
        .args([
            "report",
            dir.path().join("r.pdf").to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "--compare",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("前回との比較は作れません"));
}
