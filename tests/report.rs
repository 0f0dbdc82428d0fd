//! The PDF report of the sample company, read back in process: its text with pdf-extract, its fonts
//! and pages with lopdf.

mod common;
use common::cli::{riskbook, sample_database};
use common::pdf::text_of;
use lopdf::{Document, Object};
use riskbook::calc::{Evaluated, RiskLevel, assess, diagnose, rate_text};
use riskbook::domain::dates::long_date;
use riskbook::domain::{Answer, Catalogue, ItemNo, Workbook};
use riskbook::report::{ReportInput, pdf};
use riskbook::sample::sample_workbook;
use std::path::{Path, PathBuf};

/// How a font is stored in the PDF.
#[derive(Debug, PartialEq)]
struct FontUse {
    /// The font program itself is in the file.
    embedded: bool,
    /// Only the glyphs used (the name carries a six-letter subset tag, `ABCDEF+`).
    subset: bool,
    /// A ToUnicode map, so the text can be copied and searched.
    unicode: bool,
}

/// How every font of the report must be stored.
const EMBEDDED_SUBSET: FontUse = FontUse {
    embedded: true,
    subset: true,
    unicode: true,
};

/// The fonts of the PDF at `path`, by their base name without the subset tag.
fn fonts_of(path: &Path) -> Vec<(String, FontUse)> {
    let doc = Document::load(path).unwrap();
    let deref = |o: &Object| match o {
        Object::Reference(id) => doc.get_object(*id).unwrap().clone(),
        other => other.clone(),
    };
    let mut fonts = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if !dict.has_type(b"Font")
            || dict.get(b"Subtype").ok() != Some(&Object::Name(b"Type0".to_vec()))
        {
            continue;
        }
        let base =
            String::from_utf8_lossy(dict.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned();
        let descendant = match deref(dict.get(b"DescendantFonts").unwrap()) {
            Object::Array(fonts) => deref(&fonts[0]),
            other => other,
        };
        let descriptor = deref(
            descendant
                .as_dict()
                .unwrap()
                .get(b"FontDescriptor")
                .unwrap(),
        );
        let descriptor = descriptor.as_dict().unwrap();
        let embedded = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
            .iter()
            .any(|key| descriptor.has(key));
        let (tag, name) = base.split_once('+').unwrap_or(("", &base));
        let subset = tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase());
        fonts.push((
            name.to_string(),
            FontUse {
                embedded,
                subset,
                unicode: dict.has(b"ToUnicode"),
            },
        ));
    }
    fonts
}

fn page_count(path: &Path) -> usize {
    Document::load(path).unwrap().get_pages().len()
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

/// Writes the report of `wb` into `dir` and returns its path.
fn write_report(dir: &Path, wb: &Workbook, previous: Option<(String, &Workbook)>) -> PathBuf {
    let previous = previous.map(|(label, wb)| (label, Evaluated::new(wb.clone())));
    let bytes = pdf(&ReportInput {
        results: &Evaluated::new(wb.clone()),
        created_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        previous: previous.as_ref().map(|(label, e)| (label.as_str(), e)),
    })
    .unwrap();
    let path = dir.join("report.pdf");
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_report_names_every_category_rate_and_high_risk_asset_with_the_font_embedded() {
    let mut wb = sample_workbook(Catalogue::builtin());
    // The to-do list is what is checked here, not the 対策計画 (tests/plan_outputs.rs).
    wb.plan.clear();
    // The sample's rates vary: (1) 5 of 8 implemented, (9) all 4 → 該当なし.
    let assessment = assess(&wb);
    let diagnosis = diagnose(&wb, &assessment);
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = write_report(dir.path(), &wb, None);
    let fonts = fonts_of(&pdf_path);
    let ipaex: Vec<&FontUse> = fonts
        .iter()
        .filter(|(name, _)| name.contains("IPAexGothic"))
        .map(|(_, font)| font)
        .collect();
    assert!(!ipaex.is_empty(), "IPAex Gothic is used: {fonts:?}");
    for font in ipaex {
        assert_eq!(font, &EMBEDDED_SUBSET);
    }

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
    assert!(text.contains("62.5%"), "5 of 8 in (1)");
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
    let count = page_count(&pdf_path);
    assert!(count >= 2, "{count} pages");
    assert!(
        text.contains(&format!(
            "株式会社みなと精工（見本）情報セキュリティ診断結果2026年11月25日作成1/{count}"
        )),
        "the footer names the company and the report's date"
    );
    assert!(text.contains(&format!("{count}/{count}")));
}

#[test]
fn the_command_line_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = dir.path().join("診断結果.pdf");
    sample_database(&db);
    let run = riskbook(&[
        "report",
        out.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    let bad = riskbook(&[
        "report",
        dir.path().join("no/such/dir/r.pdf").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("書き込めませんでした"));
}

#[test]
fn the_report_compares_with_the_last_confirmed_assessment_when_asked() {
    let before = sample_workbook(Catalogue::builtin());
    let mut now = before.clone();
    set_answers(&mut now, &[3, 4, 5], Answer::Implemented);
    let dir = tempfile::tempdir().unwrap();
    let previous = Some(("2026年4月1日 10:00 第1回".to_string(), &before));
    let text = text_of(&write_report(dir.path(), &now, previous));
    assert!(
        text.contains("前回との比較（前回：2026年4月1日10:00第1回）"),
        "heading"
    );
    assert!(
        text.contains("(1)組織的セキュリティ対策62.5%100.0%"),
        "rate before and after"
    );
    assert!(text.contains("回答の変更3問"));

    // The sample comes with its assessments of one and two years earlier; the later is compared with.
    let db = dir.path().join("x.db");
    sample_database(&db);
    let compared = dir.path().join("compared.pdf");
    let out = riskbook(&[
        "report",
        compared.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--compare",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text_of(&compared).contains("前回との比較（前回：2025年4月1日10:002回目の診断（見本））")
    );

    // Without a confirmed assessment the command line says why it cannot compare.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM snapshots", [])
        .unwrap();
    let out = riskbook(&[
        "report",
        dir.path().join("r.pdf").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--compare",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("前回との比較は作れません"));
}

/// Dates written with `-` or `/` between year, month and day (2025-04-01, 2027/03/31): the report
/// writes every date as 「2026年4月1日」.
fn numeric_dates(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digits = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut found = Vec::new();
    for i in 0..chars.len() {
        if (i > 0 && chars[i - 1].is_ascii_digit()) || digits(i) != 4 {
            continue;
        }
        let sep = i + 4;
        if sep + 1 < chars.len() && matches!(chars[sep], '-' | '/') && digits(sep + 1) > 0 {
            found.push(
                chars[i..(sep + 1 + digits(sep + 1)).min(chars.len())]
                    .iter()
                    .collect(),
            );
        }
    }
    found
}

#[test]
fn the_sample_report_prints_headers_whole_one_form_of_date_and_whose_report_in_the_footer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("見本.db");
    sample_database(&db);
    let out = dir.path().join("r.pdf");
    let today = || long_date(chrono::Local::now().date_naive());
    let before = today();
    let run = riskbook(&[
        "report",
        out.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--compare",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let after = today();
    let text = text_of(&out);

    assert!(
        text.contains("媒体・保存先脅威リスク大の減少リスク値の減少未実施の項目"),
        "the 対策優先度 headers are printed whole, none cut with 「…」"
    );

    assert_eq!(
        numeric_dates(&text),
        Vec::<String>::new(),
        "no 2025-04-01 or 2027/03/31"
    );
    let sample = sample_workbook(Catalogue::builtin());
    let mut dates = vec![long_date(sample.settings.assessed_on.unwrap())];
    dates.extend(
        sample
            .plan
            .iter()
            .filter_map(|e| e.due)
            .map(|d| format!("期限：{}", long_date(d))),
    );
    assert!(dates.len() > 1, "the sample's plan has due dates");
    for date in dates {
        assert!(text.contains(&date), "{date}");
    }

    let company: String = sample.settings.company.split_whitespace().collect();
    let count = page_count(&out);
    let footer = |date: &str| {
        (1..=count).all(|page| {
            text.contains(&format!(
                "{company}情報セキュリティ診断結果{date}作成{page}/{count}"
            ))
        })
    };
    assert!(
        footer(&before) || footer(&after),
        "every page's footer names the company and the report's date"
    );
    assert!(!text.contains(".db"), "not the database's file name");
}

#[test]
fn the_date_finder_of_these_tests_finds_numeric_dates() {
    assert_eq!(
        numeric_dates("診断日2025-04-01 10:00:00、期限2027/03/31、No.2026、12/31"),
        ["2025-04", "2027/03"]
    );
}

/// What a Japanese user may type: a kanji outside JIS X 0208 (𠮷, U+20BB7), company-name variants
/// (﨑, 髙), an ideographic variation sequence (葛 + U+E0100), a circled number, half-width kana
/// and an emoji.
const TYPED: &str = "株式会社𠮷野精工 﨑 髙橋 葛\u{E0100}城支店 ① ｶﾌﾞｼｷ 🍣";

#[test]
fn every_character_typed_is_printed_with_a_font_that_has_it_and_extracts_back_unchanged() {
    let mut wb = sample_workbook(Catalogue::builtin());
    wb.settings.company = TYPED.to_string();
    // Row 1 is リスク大, so it is listed in the report.
    wb.assets[0].name = "𠮷田さんの名簿🍣".to_string();
    let dir = tempfile::tempdir().unwrap();
    let path = write_report(dir.path(), &wb, None);
    let text = text_of(&path);
    let typed: String = TYPED.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains(&typed), "{typed} in the extracted text");
    assert!(text.contains("𠮷田さんの名簿🍣"));
    let fonts = fonts_of(&path);
    for (name, font) in &fonts {
        assert_eq!(font, &EMBEDDED_SUBSET, "{name}");
    }
    let names: Vec<&str> = fonts.iter().map(|(n, _)| n.as_str()).collect();
    for wanted in ["IPAexGothic", "NotoSansCJKjp", "NotoEmoji"] {
        assert!(
            names.iter().any(|n| n.contains(wanted)),
            "{wanted} embedded: {names:?}"
        );
    }
}

#[test]
fn a_report_with_nothing_answered_asks_for_answers_instead_of_judging() {
    let mut wb = sample_workbook(Catalogue::builtin());
    for item in &mut wb.items {
        item.answer = None;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = text_of(&write_report(dir.path(), &wb, None));
    assert!(
        text.contains("(1)組織的セキュリティ対策未回答未回答対策状況チェックが未回答です"),
        "the category's mark, rate and policy say 未回答"
    );
    assert!(!text.contains("ポリシーで対策を規定して下さい"));
    assert!(text.contains("対策状況チェックにまだ回答がありません。先に回答すると"));
    assert!(
        !text.contains("リスク大の減少"),
        "no 対策優先度 table on no answers"
    );
}

#[test]
fn the_report_lists_the_13_policy_documents_with_what_applies_and_the_companys_status() {
    use riskbook::domain::policy::{DocumentNo, DocumentRecord, DocumentStatus};
    let mut wb = sample_workbook(Catalogue::builtin());
    // Approved, but nobody and no date written yet: the report says so.
    wb.set_document(DocumentRecord {
        status: DocumentStatus::Approved,
        ..DocumentRecord::empty(DocumentNo::new(5).unwrap())
    });
    let dir = tempfile::tempdir().unwrap();
    let text = text_of(&write_report(dir.path(), &wb, None));
    assert!(
        text.contains("情報セキュリティ関連規程（13文書）"),
        "the section"
    );
    assert!(
        text.contains(
            "従業員数25名社内でシステム開発をするか：未回答（推定：いいえ）業務委託をするか：はい"
        ),
        "the profile, a suggestion marked as one"
    );
    for row in [
        "1.組織的対策当てはまる必要◎承認済み2026年5月31日代表取締役",
        "2.人的対策当てはまる必要◎作成中",
        "5.アクセス制御及び認証当てはまる必要◎承認済み（未記入）（未記入）",
        "9.システムの開発及び保守当てはまらない（推定）不要未作成",
        "12.社内体制図当てはまる必要承認済み2026年4月1日代表取締役",
        "13.委託契約書機密保持条項サンプル当てはまる必要未作成",
    ] {
        assert!(text.contains(row), "row {row}");
    }
    assert!(text.contains("適用条件：9.社内でシステム開発を行う場合"));
}
