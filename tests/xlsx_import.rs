//! Import of workbooks as people really keep them (docs/method.md §9), of workbooks with errors, and of files
//! that are not workbooks at all. The workbooks are made here with rust_xlsxwriter.

mod common;
use common::cli::{riskbook, sheet_summary};
use common::data::on_disk;
use riskbook::calc::assess;
use riskbook::domain::{Answer, Catalogue, ItemNo, Medium};
use riskbook::sample::sample_workbook;
use riskbook::xlsx::{ImportError, read_workbook, read_workbook_bytes, xlsx_bytes};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook as XlsxBook};
use std::path::{Path, PathBuf};
use std::process::Command;

fn save(book: &mut XlsxBook, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    book.save(&path).unwrap();
    path
}

/// A hand-kept copy of the IPA workbook with every irregularity of docs/method.md §9.
fn legacy_workbook(dir: &Path, register_rows: &[[&str; 19]]) -> PathBuf {
    let catalogue = Catalogue::builtin();
    let mut book = XlsxBook::new();
    let bold = Format::new().set_bold();

    let s = book.add_worksheet().set_name("利用方法").unwrap();
    s.write_string(
        0,
        0,
        "このシートの使い方: 情報資産管理台帳に記入してください",
    )
    .unwrap();

    let s = book.add_worksheet().set_name("台帳記入例").unwrap();
    s.write_string(3, 1, "情報資産名称").unwrap();
    s.write_string(5, 1, "記入例の資産（取り込まれてはいけない）")
        .unwrap();

    let s = book.add_worksheet().set_name("情報資産管理台帳").unwrap();
    s.write_string(0, 0, "情報資産管理台帳（株式会社テスト）")
        .unwrap();
    s.write_string(2, 0, "※ 黄色のセルに入力してください")
        .unwrap();
    let top = [
        "業務\n分類",
        "情報資産名称",
        "備考",
        "利用者\n範囲",
        "管理\n部署",
        "媒体・保存先",
        "個人情報の種類",
        "",
        "",
        "評価値",
        "",
        "",
        "",
        "保存\n期限",
        "登録日",
        "現状の状況から想定されるリスク（入力不要・自動表示）",
        "",
        "",
        "",
    ];
    let sub = [
        "",
        "",
        "",
        "",
        "",
        "",
        "個人\n情報",
        "要配慮\n個人情報",
        "マイナ\nナンバー",
        "機密性",
        "完全性",
        "可用性",
        "重要度",
        "",
        "",
        "脅威の発生頻度（「脅威の状況」シートで設定）",
        "脆弱性（「対策状況チェック」シートで設定）",
        "被害発生可能性",
        "リスク値",
    ];
    for (c, (t, b)) in top.iter().zip(sub).enumerate() {
        s.write_string_with_format(3, c as u16, *t, &bold).unwrap();
        s.write_string_with_format(4, c as u16, b, &bold).unwrap();
    }
    for (c, mark) in ["①", "②", "③", "④", "⑤", "⑥", "⑦"].iter().enumerate() {
        s.write_string(5, c as u16, *mark).unwrap();
    }
    let mut row = 6;
    for values in register_rows {
        for (c, v) in values.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            if c == 14 && v.starts_with("serial:") {
                let date = ExcelDateTime::parse_from_str(&v[7..]).unwrap();
                s.write_datetime_with_format(
                    row,
                    14,
                    &date,
                    &Format::new().set_num_format("yyyy/m/d"),
                )
                .unwrap();
            } else if (9..=11).contains(&c) && v.parse::<f64>().is_ok() {
                s.write_number(row, c as u16, v.parse::<f64>().unwrap())
                    .unwrap();
            } else {
                s.write_string(row, c as u16, *v).unwrap();
            }
        }
        row += 2; // a blank row between entries
    }
    // Formatting-only rows far below the data.
    for r in row..row + 30 {
        s.write_blank(r, 1, &Format::new().set_background_color("#FFFF99"))
            .unwrap();
    }

    let s = book.add_worksheet().set_name("脅威の状況").unwrap();
    s.write_string(0, 0, "脅威の状況").unwrap();
    s.write_string(2, 0, "媒体・保存先").unwrap();
    s.write_string(2, 1, "個別の脅威").unwrap();
    s.write_string(2, 2, "対策を講じない場合の脅威の発生頻度")
        .unwrap();
    let mut r = 3;
    let labels = [
        "",
        "1：通常では発生しない（数年に1回未満）",
        "2：特定の状況で発生する（年に数回程度）",
        "3：通常の状態で発生する（いつ発生してもおかしくない）",
    ];
    for medium in Medium::ALL {
        let threats: Vec<_> = catalogue
            .threats
            .iter()
            .filter(|t| t.medium == medium)
            .collect();
        for (i, t) in threats.iter().enumerate() {
            if i == 0 {
                s.write_string(r, 0, medium.name()).unwrap(); // merged-cell style: first row only
            }
            let name = if medium == Medium::InHouseServer && i == 1 {
                "サーバーでの不正な持ち出し（自社の言い方）".to_string()
            } else {
                t.name.clone()
            };
            s.write_string(r, 1, &name).unwrap();
            let f = if medium == Medium::Paper {
                2
            } else {
                3 - i.min(2)
            };
            s.write_string(r, 2, labels[f]).unwrap();
            r += 1;
        }
        if medium == Medium::InHouseServer {
            s.write_string(r, 1, "停電による社内サーバーの停止")
                .unwrap();
            s.write_string(r, 2, "２").unwrap();
            r += 1;
        }
    }

    let s = book.add_worksheet().set_name("対策状況チェック").unwrap();
    s.write_string(1, 0, "対策の種類").unwrap();
    s.write_string(1, 1, "情報セキュリティ診断項目(チェック項目)")
        .unwrap();
    s.write_string(1, 2, "回答値(1～3+4:該当しない)").unwrap();
    let mut r = 2;
    for category in &catalogue.categories {
        for (i, item) in catalogue
            .items
            .iter()
            .filter(|it| it.category == category.no)
            .enumerate()
        {
            if i == 0 {
                s.write_string(r, 0, format!("（{}）{}", category.no, category.name))
                    .unwrap();
            }
            let question = if item.no == ItemNo(1) {
                "経営者は情報セキュリティの方針を示していますか？（自社の文言）"
            } else {
                &item.question
            };
            s.write_string(r, 1, question).unwrap();
            let answer = match item.no.0 {
                1 => "1：実施している",
                2 => "１",
                3 => "一部実施している",
                31..=34 => "4：自社に該当しない",
                55 => "",
                _ => "2：一部実施している",
            };
            if !answer.is_empty() {
                s.write_string(r, 2, answer).unwrap();
            }
            r += 1;
        }
    }
    save(&mut book, dir, "legacy.xlsx")
}

fn row(cells: [&str; 19]) -> [&str; 19] {
    cells
}

#[test]
fn a_hand_kept_workbook_with_every_irregularity_imports() {
    let dir = tempfile::tempdir().unwrap();
    let path = legacy_workbook(
        dir.path(),
        &[
            row([
                "人事",
                "社員名簿",
                "社員基本情報",
                "人事部",
                "人事部",
                "事務所ＰＣ",
                "○",
                "",
                "✓",
                "２",
                "0",
                "0",
                "2",
                "",
                "serial:2016-07-01",
                "3通常の状態で発生する（いつ発生してもおかしくない）",
                "2部分的に脆弱性未対策",
                "2可能性：中",
                "4リスク大",
            ]),
            row([
                "人事",
                "社員名簿",
                "",
                "人事部",
                "人事部",
                "書類",
                "有",
                "",
                "有",
                "2",
                "2",
                "2",
                "2",
                "",
                "H28.7.1",
                "2特定の状況で発生する（年に数回程度）",
                "2部分的に脆弱性未対策",
                "1可能性：低",
                "6リスク大",
            ]),
            row([
                "経理",
                "給与システムデータ",
                "",
                "給与計算担当",
                "人事部",
                "事務所PC",
                "",
                "",
                "有",
                "2",
                "2",
                "1",
                "",
                "7年",
                "R5.4.1",
                "",
                "",
                "",
                "",
            ]),
            row([
                "共通",
                "=売上集計",
                "先頭が＝の名称",
                "",
                "",
                "クラウド",
                "",
                "",
                "",
                "1",
                "1",
                "1",
                "",
                "",
                "2016/7/1",
                "",
                "",
                "",
                "",
            ]),
        ],
    );
    let imported = read_workbook(&path, Catalogue::builtin()).unwrap();
    let wb = &imported.workbook;

    let names: Vec<&str> = wb.assets.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["社員名簿", "社員名簿", "給与システムデータ", "=売上集計"],
        "example sheet, ①② row and blank rows skipped"
    );
    let a = &wb.assets[0];
    assert_eq!(a.medium, Some(Medium::OfficePc), "full-width ＰＣ");
    assert!(
        a.personal_info && !a.sensitive_info && a.my_number,
        "○ and ✓ flags"
    );
    assert_eq!(
        a.ratings().map(|r| r.map(|r| r.value())),
        [Some(2), Some(0), Some(0)],
        "full-width ２"
    );
    assert_eq!(
        a.registered,
        chrono::NaiveDate::from_ymd_opt(2016, 7, 1),
        "Excel serial date"
    );
    assert_eq!(
        wb.assets[1].registered,
        chrono::NaiveDate::from_ymd_opt(2016, 7, 1),
        "H28.7.1"
    );
    assert_eq!(
        wb.assets[2].registered,
        chrono::NaiveDate::from_ymd_opt(2023, 4, 1),
        "R5.4.1"
    );
    assert_eq!(wb.assets[2].retention, "7年");
    assert_eq!(
        wb.assets[3].registered,
        chrono::NaiveDate::from_ymd_opt(2016, 7, 1),
        "2016/7/1"
    );

    // Answers in their three spellings; category headings carried down.
    assert_eq!(wb.answer(ItemNo(1)), Some(Answer::Implemented));
    assert_eq!(wb.answer(ItemNo(2)), Some(Answer::Implemented));
    assert_eq!(wb.answer(ItemNo(3)), Some(Answer::Partly));
    assert_eq!(wb.answer(ItemNo(31)), Some(Answer::NotApplicable));
    assert_eq!(wb.answer(ItemNo(55)), None);
    assert_eq!(wb.items.len(), 55);
    let first = wb.items.iter().find(|i| i.no == ItemNo(1)).unwrap();
    assert_eq!(
        first.question, "経営者は情報セキュリティの方針を示していますか？（自社の文言）",
        "the workbook's wording is kept"
    );
    assert!(
        first.help.contains("付録5"),
        "matched by position, so the catalogue's help comes with it"
    );

    // Threats: the renamed one matched by position keeps its links; the extra one is kept and reported.
    let server: Vec<_> = wb.threats_of(Medium::InHouseServer).collect();
    assert_eq!(server.len(), 4);
    assert_eq!(server[1].name, "サーバーでの不正な持ち出し（自社の言い方）");
    assert!(!server[1].items.is_empty());
    assert_eq!(server[3].name, "停電による社内サーバーの停止");
    assert!(server[3].items.is_empty());
    assert_eq!(server[3].frequency.map(|f| f.value()), Some(2));
    assert!(
        imported
            .unmatched
            .iter()
            .any(|u| u.contains("停電による社内サーバーの停止"))
    );
    assert_eq!(
        wb.threats_of(Medium::Paper)
            .next()
            .unwrap()
            .frequency
            .map(|f| f.value()),
        Some(2)
    );

    // Excel's cached values are compared: row 2 said 6 where riskbook computes 2.
    let ours = assess(wb);
    assert_eq!(ours.assets[0].risk, Some(4));
    assert_eq!(ours.assets[1].risk, Some(2));
    assert_eq!(imported.differences.len(), 1, "{:?}", imported.differences);
    let d = &imported.differences[0];
    assert_eq!(
        (d.column.as_str(), d.excel.as_str(), d.ours.as_str()),
        ("リスク値", "6リスク大", "2")
    );
    assert!(d.cell.ends_with("S9"), "{}", d.cell);
    assert!(imported.notes.iter().any(|n| n.contains("台帳記入例")));

    // Nothing read as something else goes unsaid: each such cell is listed with what it became.
    for said in [
        "F7（媒体・保存先）「事務所ＰＣ」を「事務所PC」として読みました",
        "G7（個人情報）「○」を「有」として読みました",
        "J7（機密性）「２」を「2」として読みました",
        "O9（登録日）「H28.7.1」を「2016/07/01」として読みました",
    ] {
        assert!(
            imported.notes.iter().any(|n| n.ends_with(said)),
            "{said} in {:#?}",
            imported.notes
        );
    }
}

#[test]
fn a_workbook_rated_one_to_three_gets_one_message_instead_of_an_error_per_cell() {
    let dir = tempfile::tempdir().unwrap();
    let rated = |name: &'static str, c: &'static str, i: &'static str, a: &'static str| {
        row([
            "総務", name, "", "", "", "書類", "", "", "", c, i, a, "", "", "", "", "", "", "",
        ])
    };
    let path = legacy_workbook(
        dir.path(),
        &[
            rated("社員名簿", "3", "2", "1"),
            rated("見積書", "2", "3", "3"),
        ],
    );
    let Err(ImportError::Problems(problems)) = read_workbook(&path, Catalogue::builtin()) else {
        panic!("a 1–3 workbook is not guessed into 0–2");
    };
    assert_eq!(
        problems.len(),
        1,
        "one message, not one per cell: {problems:#?}"
    );
    let message = problems[0].to_string();
    assert!(message.contains("1〜3 の段階で書かれています"), "{message}");
    assert!(
        message.contains("import-register に --scale 1-3"),
        "{message}"
    );
}

#[test]
fn every_unreadable_cell_is_listed_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let path = legacy_workbook(
        dir.path(),
        &[
            row([
                "人事",
                "社員名簿",
                "",
                "",
                "",
                "倉庫",
                "",
                "",
                "",
                "高",
                "0",
                "0",
                "",
                "",
                "来週",
                "",
                "",
                "",
                "",
            ]),
            row([
                "人事",
                "",
                "名称のない行",
                "",
                "",
                "書類",
                "",
                "",
                "",
                "1",
                "1",
                "1",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ]),
            row([
                "人事",
                "顧客台帳",
                "",
                "",
                "",
                "書類",
                "たぶん",
                "",
                "",
                "1",
                "3",
                "1",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ]),
        ],
    );
    let Err(ImportError::Problems(problems)) = read_workbook(&path, Catalogue::builtin()) else {
        panic!("the import must stop");
    };
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let expect = [
        "シート「情報資産管理台帳」F7「倉庫」：媒体・保存先は",
        "シート「情報資産管理台帳」J7「高」：機密性は 0、1、2 のいずれかで入力してください",
        "シート「情報資産管理台帳」O7「来週」：登録日を日付として読めません",
        "シート「情報資産管理台帳」B9：情報資産名称が空です",
        "シート「情報資産管理台帳」G11「たぶん」：個人情報は「有」か空欄で入力してください",
        "シート「情報資産管理台帳」K11「3」：完全性は 0、1、2 のいずれかで入力してください",
    ];
    for e in expect {
        assert!(
            text.iter().any(|t| t.starts_with(e)),
            "missing: {e}\nin: {text:#?}"
        );
    }
    assert_eq!(problems.len(), expect.len(), "{text:#?}");
}

#[test]
fn a_failed_import_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    assert!(riskbook(&["sample", "--db", db]).status.success());
    let before = riskbook(&["summary", "--db", db, "--json"]).stdout;
    let bad = legacy_workbook(
        dir.path(),
        &[row([
            "人事",
            "社員名簿",
            "",
            "",
            "",
            "倉庫",
            "",
            "",
            "",
            "2",
            "0",
            "0",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])],
    );
    let out = riskbook(&["import", bad.to_str().unwrap(), "--db", db, "--replace"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("何も取り込んでいません") && err.contains("F7「倉庫」"),
        "{err}"
    );
    assert_eq!(riskbook(&["summary", "--db", db, "--json"]).stdout, before);

    // A good workbook without --replace over existing data is refused too.
    let good = legacy_workbook(
        dir.path(),
        &[row([
            "人事",
            "社員名簿",
            "",
            "",
            "",
            "書類",
            "",
            "",
            "",
            "2",
            "0",
            "0",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])],
    );
    let out = riskbook(&["import", good.to_str().unwrap(), "--db", db]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--replace"));
    assert_eq!(riskbook(&["summary", "--db", db, "--json"]).stdout, before);
}

#[test]
fn sample_export_then_import_gives_identical_data_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, xlsx) = (
        dir.path().join("a.db"),
        dir.path().join("b.db"),
        dir.path().join("見本.xlsx"),
    );
    let (a, b, xlsx) = (
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        xlsx.to_str().unwrap(),
    );
    assert!(riskbook(&["sample", "--db", a]).status.success());
    let out = riskbook(&["export", xlsx, "--db", a]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = riskbook(&["import", xlsx, "--db", b]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("一致しました"));
    // The IPA sheets (and the 対策計画 sheet) carry no 規程: the company profile and the document
    // statuses are not in the file, and the summary differs only there.
    let summary = |db: &str| sheet_summary(&riskbook(&["summary", "--db", db, "--json"]).stdout);
    assert_eq!(summary(a), summary(b));
    let load = |p: &str| on_disk(Path::new(p));
    let (mut wa, wb) = (load(a), load(b));
    for (x, y) in wa.assets.iter_mut().zip(&wb.assets) {
        x.id = y.id;
    }
    assert!(!wa.documents.is_empty() && wb.documents.is_empty());
    assert_eq!(wb.profile, Default::default());
    let (profile, documents) = (wa.profile, std::mem::take(&mut wa.documents));
    wa.profile = wb.profile;
    // Nor the 委託先.
    assert!(!wa.suppliers.list.is_empty() && wb.suppliers.list.is_empty());
    let suppliers = std::mem::take(&mut wa.suppliers);
    assert_eq!(wa, wb, "every field, answer, threat and setting");
    // Imported over a database that has them, they are kept.
    let out = riskbook(&["import", xlsx, "--db", a, "--replace"]);
    assert!(out.status.success());
    let kept = load(a);
    assert_eq!((kept.profile, kept.documents), (profile, documents));
    assert_eq!(kept.suppliers, suppliers);

    // The same file named .xlsm is read the same way.
    let xlsm = dir.path().join("見本.xlsm");
    std::fs::copy(xlsx, &xlsm).unwrap();
    let imported = read_workbook(&xlsm, Catalogue::builtin()).unwrap();
    assert_eq!(imported.workbook.assets.len(), 32);
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let mut wb = sample_workbook(Catalogue::builtin());
    for (asset, name) in wb
        .assets
        .iter_mut()
        .zip(["=1+1", "+81-3-1234", "-マイナス", "@メモ"])
    {
        asset.name = name.into();
    }
    let a = assess(&wb);
    let d = riskbook::calc::diagnose(&wb, &a);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.xlsx");
    std::fs::write(&path, xlsx_bytes(&wb, &a, &d).unwrap()).unwrap();
    let back = read_workbook(&path, Catalogue::builtin()).unwrap().workbook;
    let names: Vec<&str> = back
        .assets
        .iter()
        .take(4)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["=1+1", "+81-3-1234", "-マイナス", "@メモ"]);
}

/// A zip with one sheet part of `mib` MiB of zeros.
fn zip_of_zeros(mib: usize) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..mib {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// `zip` with every part's uncompressed size, in its local header and in the central directory,
/// replaced by `size`: a zip bomb that lies about what it holds.
fn with_declared_sizes(zip: &[u8], size: u32) -> Vec<u8> {
    let mut out = zip.to_vec();
    let mut patched = 0;
    for at in 0..out.len().saturating_sub(4) {
        let offset = match &out[at..at + 4] {
            b"PK\x03\x04" => 22,
            b"PK\x01\x02" => 24,
            _ => continue,
        };
        out[at + offset..at + offset + 4].copy_from_slice(&size.to_le_bytes());
        patched += 1;
    }
    assert_eq!(patched, 2, "one local header and one central entry");
    out
}

#[test]
fn hostile_files_get_a_clear_error_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let err = |path: &Path| {
        read_workbook(path, Catalogue::builtin())
            .unwrap_err()
            .to_string()
    };

    let corrupt = dir.path().join("corrupt.xlsx");
    std::fs::write(&corrupt, b"PK\x03\x04\x14\x00\x00\x00broken zip").unwrap();
    assert!(err(&corrupt).contains("開けません"), "{}", err(&corrupt));

    let text = dir.path().join("memo.xlsx");
    std::fs::write(&text, "これは Excel ではありません").unwrap();
    assert!(
        err(&text).contains("Excel のブックとして読めません"),
        "{}",
        err(&text)
    );

    let missing = dir.path().join("none.xlsx");
    assert!(err(&missing).contains("開けません"));

    // A zip whose parts unpack to far more than a workbook needs.
    let bomb = dir.path().join("bomb.xlsx");
    std::fs::write(&bomb, zip_of_zeros(420)).unwrap();
    assert!(
        std::fs::metadata(&bomb).unwrap().len() < 5 << 20,
        "small on disk"
    );
    assert!(err(&bomb).contains("大きすぎます"), "{}", err(&bomb));

    // The same bomb declaring that its part unpacks to 1,000 bytes: what is inflated is counted.
    let liar = dir.path().join("liar.xlsx");
    std::fs::write(&liar, with_declared_sizes(&zip_of_zeros(420), 1000)).unwrap();
    assert!(
        err(&liar).contains("記録された大きさと合いません"),
        "{}",
        err(&liar)
    );

    // A sheet that reaches far beyond any real register.
    let mut book = XlsxBook::new();
    let s = book.add_worksheet().set_name("情報資産管理台帳").unwrap();
    s.write_string(0, 0, "情報資産名称").unwrap();
    s.write_string(250_000, 0, "遠くのセル").unwrap();
    book.add_worksheet().set_name("脅威の状況").unwrap();
    book.add_worksheet().set_name("対策状況チェック").unwrap();
    let huge = save(&mut book, dir.path(), "huge.xlsx");
    assert!(err(&huge).contains("大きすぎます"), "{}", err(&huge));

    // An .xls the fuzzer found that makes the spreadsheet parser itself panic.
    let crash =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-crash-calamine-xls.bin");
    assert!(err(&crash).contains("開けません"), "{}", err(&crash));

    // A workbook without the sheets.
    let mut book = XlsxBook::new();
    book.add_worksheet().set_name("売上").unwrap();
    let other = save(&mut book, dir.path(), "other.xlsx");
    assert!(
        err(&other).contains("シート「情報資産管理台帳」が見つかりません"),
        "{}",
        err(&other)
    );
}

/// Imports the repository file `file` with `program` into a copy of the sample, expecting a refusal
/// that leaves the database untouched; returns the error output.
fn refused_import(program: &Path, file: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    assert!(riskbook(&["sample", "--db", db]).status.success());
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let out = Command::new(program)
        .args(["import", file.to_str().unwrap(), "--db", db, "--replace"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "an error, not a crash");
    assert_eq!(name_count(db), 32, "the database is untouched");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_file_that_makes_the_parser_abort_only_ends_the_worker() {
    // Found by the fuzzer: this .xls makes calamine ask for a 132 GB allocation, which aborts the
    // process that does it. riskbook reads workbooks in a worker process, so it reports and goes on.
    let err = refused_import(
        Path::new(env!("CARGO_BIN_EXE_riskbook")),
        "tests/data/fuzz-oom-calamine-xls-alloc.bin",
    );
    assert!(
        err.contains("ブックの中身が壊れているため読めません"),
        "{err}"
    );
}

#[test]
fn workbooks_are_read_in_a_worker_whatever_the_program_is_called() {
    // A download often arrives as 「riskbook (1).exe」; the aborting file must still end only the worker.
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir
        .path()
        .join(format!("riskbook (1){}", std::env::consts::EXE_SUFFIX));
    std::fs::copy(env!("CARGO_BIN_EXE_riskbook"), &renamed).unwrap();
    let err = refused_import(&renamed, "tests/data/fuzz-oom-calamine-xls-alloc.bin");
    assert!(
        err.contains("ブックの中身が壊れているため読めません"),
        "{err}"
    );
}

#[test]
fn a_workbook_that_needs_gigabytes_stops_at_the_workers_memory_cap() {
    // Found by the fuzzer: calamine builds a dense 6,689 × 4,097 sheet (2.3 GB) from this 66 KB .xls.
    let err = refused_import(
        Path::new(env!("CARGO_BIN_EXE_riskbook")),
        "fuzz/regressions/oom-calamine-xls-dense-range.xls",
    );
    assert!(err.contains("メモリが 1024 MB 以上必要"), "{err}");
}

fn name_count(db: &str) -> usize {
    on_disk(Path::new(db)).assets.len()
}

/// `xlsx` with the shared string `from` replaced by `to` (a cell edited by hand, without Excel).
fn with_text_replaced(xlsx: &[u8], from: &str, to: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut replaced = false;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(bytes).unwrap();
            let needle = format!(">{from}<");
            replaced = text.contains(&needle);
            bytes = text.replace(&needle, &format!(">{to}<")).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    assert!(replaced, "{from} is a shared string of the workbook");
    out.finish().unwrap().into_inner()
}

#[test]
fn an_unreadable_assessment_date_stops_the_import_with_its_cell() {
    let wb = sample_workbook(Catalogue::builtin());
    let a = riskbook::calc::assess(&wb);
    let d = riskbook::calc::diagnose(&wb, &a);
    let exported = xlsx_bytes(&wb, &a, &d).unwrap();
    let broken = with_text_replaced(&exported, "2026/04/01", "来年の春");
    let Err(ImportError::Problems(problems)) =
        read_workbook_bytes("broken.xlsx", broken, Catalogue::builtin())
    else {
        panic!("the import must stop, not drop the date");
    };
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 1, "{text:#?}");
    assert!(
        text[0].starts_with("シート「診断結果」B")
            && text[0].contains("「来年の春」：診断日を日付として読めません"),
        "{text:#?}"
    );
}
