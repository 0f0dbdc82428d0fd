//! Bringing a company's own asset list into the 台帳 (`riskbook import-register`), from workbooks
//! made here the way people make them: a title row above the header, a two-row header with 「評価」
//! merged over C/I/A, values written High/高/3, a CSV saved by Japanese Excel in Shift_JIS.

use riskbook::domain::Medium;
use std::path::Path;

mod common;
use common::cli::{riskbook, sample_database};
use common::data::on_disk;
use common::lists::company_list;
use std::process::Output;

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sample_db(dir: &Path) -> String {
    let db = dir.join("r.db");
    sample_database(&db);
    db.to_str().unwrap().to_string()
}

#[test]
fn a_list_with_a_title_a_merged_header_and_a_one_to_three_scale_is_added_as_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let list = company_list(
        dir.path(),
        &[
            ["1", "顧客名簿", "サーバ", "3", "2", "1", "営業部"],
            ["2", "見積書控", "紙", "2", "2", "1", "営業部"],
            ["3", "給与データ", "クラウド", "3", "3", "2", "総務部"],
        ],
    );
    let db = sample_db(dir.path());
    // Without --scale the 1–3 scale is explained, not guessed.
    let out = riskbook(&["import-register", list.to_str().unwrap(), "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).1.contains("--scale 1-3"), "{}", text(&out).1);
    assert_eq!(on_disk(Path::new(&db)).assets.len(), 32);
    let out = riskbook(&[
        "import-register",
        list.to_str().unwrap(),
        "--db",
        &db,
        "--scale",
        "1-3",
    ]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("シート「資産一覧」、見出し 3 行目（2 行）"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "列の対応：B=情報資産名称,C=媒体・保存先,D=機密性,E=完全性,F=可用性,G=管理部署"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("1〜3 の段階で書かれています"),
        "one message for the scale: {stdout}"
    );
    assert!(
        stdout.contains("資産一覧!C5（媒体・保存先）「サーバ」を「社内サーバー」として読みました"),
        "{stdout}"
    );
    assert!(
        stdout.contains("資産一覧!D5（機密性）「3」を「2」として読みました"),
        "{stdout}"
    );
    let wb = on_disk(Path::new(&db));
    assert_eq!(wb.assets.len(), 35, "added after the sample's 32");
    let added = &wb.assets[32];
    assert_eq!(added.name, "顧客名簿");
    assert_eq!(added.medium, Some(Medium::InHouseServer));
    assert_eq!(added.department, "営業部");
    assert_eq!(
        [added.confidentiality, added.integrity, added.availability].map(|r| r.map(|r| r.value())),
        [Some(2), Some(1), Some(0)]
    );
    assert!(
        stdout.contains("before-register-import"),
        "a backup first: {stdout}"
    );
}

#[test]
fn wrong_values_are_listed_by_cell_and_nothing_changes_until_they_are_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let list = company_list(
        dir.path(),
        &[
            ["1", "顧客名簿", "金庫", "High", "高", "2", "営業部"],
            ["2", "見積書控", "紙", "とても高い", "1", "0", "営業部"],
        ],
    );
    let db = sample_db(dir.path());
    let out = riskbook(&["import-register", list.to_str().unwrap(), "--db", &db]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("読み取れない値が 2 か所"), "{stderr}");
    assert!(
        stderr.contains("資産一覧!C5（媒体・保存先）「金庫」"),
        "{stderr}"
    );
    assert!(
        stderr.contains("資産一覧!D6（機密性）「とても高い」"),
        "{stderr}"
    );
    assert_eq!(
        on_disk(Path::new(&db)).assets.len(),
        32,
        "nothing was added"
    );

    let out = riskbook(&[
        "import-register",
        list.to_str().unwrap(),
        "--db",
        &db,
        "--values",
        "媒体・保存先:金庫=書類;機密性:とても高い=2",
        "--replace",
    ]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("「金庫」を「書類」として読みました"),
        "{stdout}"
    );
    assert!(
        stdout.contains("「High」を「2」として読みました"),
        "{stdout}"
    );
    assert!(
        stdout.contains("それまでの 32 件と置き換えました"),
        "{stdout}"
    );
    let wb = on_disk(Path::new(&db));
    assert_eq!(wb.assets.len(), 2);
    assert_eq!(wb.assets[0].medium, Some(Medium::Paper));
    assert_eq!(wb.answered_count(), 55, "the sample's answers are kept");
}

#[test]
fn a_shift_jis_csv_with_an_explicit_map_and_a_dry_run() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "管理番号,名称,置き場所,機密,完全,可用,備考\r\nA-1,社員名簿,書類,２,2,1,\"人事部の\r\n鍵付き棚\"\r\nA-2,図面,ＵＳＢメモリ,1,1,1,\r\n";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(csv);
    let path = dir.path().join("一覧.csv");
    std::fs::write(&path, &bytes).unwrap();
    let db = sample_db(dir.path());
    let args = |extra: &[&str]| {
        let mut a = vec!["import-register", path.to_str().unwrap(), "--db", &db];
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run = |extra: &[&str]| {
        let a = args(extra);
        riskbook(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    // 置き場所/機密/完全/可用 are not words riskbook knows: mapped by hand.
    let out = run(&[
        "--map",
        "C=媒体・保存先,D=機密性,E=完全性,F=可用性",
        "--dry-run",
    ]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("文字コード：Shift_JIS（CP932）"),
        "{stdout}"
    );
    assert!(
        stdout.contains("「ＵＳＢメモリ」を「可搬電子媒体」として読みました"),
        "{stdout}"
    );
    assert!(stdout.contains("確認のみ：情報資産 2 件"), "{stdout}");
    assert_eq!(
        on_disk(Path::new(&db)).assets.len(),
        32,
        "a dry run changes nothing"
    );

    let out = run(&["--map", "C=媒体・保存先,D=機密性,E=完全性,F=可用性"]);
    assert!(out.status.success(), "{}", text(&out).1);
    let wb = on_disk(Path::new(&db));
    assert_eq!(wb.assets[32].note, "人事部の\r\n鍵付き棚");
    assert_eq!(wb.assets[33].medium, Some(Medium::PortableMedia));

    let out = run(&["--map", "C=リスク値"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).1.contains("入力できる台帳の列ではありません"));
}

#[test]
fn the_bundled_example_list_reads_as_its_readme_says() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    let list = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/自社の情報資産一覧（例）.xlsx"
    );
    let out = riskbook(&[
        "import-register",
        list,
        "--db",
        &db,
        "--dry-run",
        "--scale",
        "1-3",
    ]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("列の対応：B=業務分類,C=情報資産名称,D=媒体・保存先,E=機密性,F=完全性,G=可用性,H=管理部署,I=個人情報,J=保存期限,K=登録日"),
        "{stdout}"
    );
    assert!(stdout.contains("1〜3 の段階"), "{stdout}");
    assert!(
        stdout.contains("資産一覧!K5（登録日）「H28.4.1」を「2016/04/01」として読みました"),
        "{stdout}"
    );
    assert!(stdout.contains("確認のみ：情報資産 8 件"), "{stdout}");
}
