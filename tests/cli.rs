//! The command line as a script would use it.

use riskbook::store::Store;
use serde_json::Value;
use std::path::Path;

mod common;
use common::cli::riskbook;

fn db_arg(path: &Path) -> String {
    path.to_str().unwrap().to_string()
}

#[test]
fn sample_then_summary_prints_the_worked_example() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir.path().join("x.db"));
    let out = riskbook(&["sample", "--db", &db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("読み込みました"));

    let text = riskbook(&["summary", "--db", &db]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("対策計画：3 件（完了 1 件）"), "{text}");

    let out = riskbook(&["summary", "--db", &db, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    // "name/medium importance t v p risk level" for each of the seven example rows.
    let rows: Vec<String> = json["assets"]
        .as_array()
        .unwrap()
        .iter()
        .take(7)
        .map(|a| {
            format!(
                "{}/{} {} {} {} {} {} {}",
                a["name"].as_str().unwrap(),
                a["medium"].as_str().unwrap(),
                a["importance"],
                a["threat"],
                a["vulnerability"],
                a["likelihood"],
                a["risk"],
                a["level"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "社員名簿/事務所PC 2 3 2 2 4 大",
            "社員名簿/書類 2 2 2 1 2 中",
            "給与システムデータ/事務所PC 2 3 2 2 4 大",
            "当社宛請求書/書類 1 2 2 1 1 中",
            "発行済請求書控/書類 1 2 2 1 1 中",
            "電子メールデータ/事務所PC 2 3 2 2 4 大",
            "電子メールデータ/クラウド 2 3 2 2 4 大",
        ]
    );
    assert_eq!(json["assets"][0]["row"], 1);
    assert_eq!(json["assets"][0]["confidentiality"], 2);
    assert_eq!(json["checks"]["answered"], 55);
    assert_eq!(json["checks"]["total"], 55);
    let categories = json["categories"].as_array().unwrap();
    assert_eq!(categories.len(), 11);
    assert_eq!(categories[0]["name"], "組織的セキュリティ対策");
    assert_eq!(categories[0]["rate"], 0.625);
    assert_eq!(categories[0]["need"], "◎");
    assert_eq!(categories[0]["policy"], "ポリシーで対策を規定して下さい");
    let levels = &json["levels"];
    let total: u64 = ["大", "中", "小", "未算定"]
        .iter()
        .map(|k| levels[k].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, json["assets"].as_array().unwrap().len());

    // 手順4's 13 documents: the sample has 25 employees, 委託 and important information handed to
    // 委託先; it has not said whether it develops systems, and its (9) all 4 suggests not.
    let policies = json["policies"].as_array().unwrap();
    let row = |no: usize| {
        let p = &policies[no - 1];
        assert_eq!(p["no"], no);
        (p["applies"].clone(), p["needed"].clone())
    };
    assert_eq!(policies.len(), 13);
    assert_eq!(policies[3]["name"], "マイナンバー対応");
    assert_eq!(policies[3]["condition"], "原則としてすべての企業");
    assert_eq!(row(4), (Value::Bool(true), Value::Bool(true)));
    assert_eq!(row(9), (Value::Bool(false), Value::Bool(false)));
    assert_eq!(policies[8]["suggested"], true);
    assert_eq!(row(10), (Value::Bool(true), Value::Bool(true)));
    assert_eq!(policies[9]["suggested"], false);
    assert_eq!(row(12), (Value::Bool(true), Value::Bool(true)));
    assert_eq!(row(13), (Value::Bool(true), Value::Bool(true)));
    // The company's own status of each document.
    assert_eq!(policies[0]["status"], "承認済み");
    assert_eq!(policies[0]["revised"], "2026-05-31");
    assert_eq!(policies[0]["approver"], "代表取締役");
    assert_eq!(policies[1]["status"], "作成中");
    assert_eq!(policies[1]["revised"], Value::Null);
    assert_eq!(policies[2]["status"], "未作成");
    assert_eq!(policies[2]["approver"], "");
}

#[test]
fn unrated_values_are_null_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .apply(&riskbook::domain::Edit::InsertAsset {
                index: 0,
                asset: riskbook::domain::Asset::named("未入力の資産"),
            })
            .unwrap();
    }
    let out = riskbook(&["summary", "--db", &db_arg(&path), "--json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &json["assets"][0];
    for key in [
        "medium",
        "importance",
        "threat",
        "vulnerability",
        "likelihood",
        "risk",
    ] {
        assert!(a[key].is_null(), "{key} is {}", a[key]);
    }
    assert_eq!(a["level"], "未算定");
    assert_eq!(json["levels"]["未算定"], 1);
}

#[test]
fn errors_are_japanese_on_stderr_with_a_failing_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let missing = db_arg(&dir.path().join("none.db"));
    let out = riskbook(&["summary", "--db", &missing]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("エラー：データベース"), "{err}");
    assert!(out.stdout.is_empty());

    let out = riskbook(&["sample"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("--db でデータベースファイルを指定してください")
    );

    let out = riskbook(&["summary", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("コマンドラインの指定が正しくありません")
    );
}

#[test]
fn a_database_in_use_by_the_app_is_reported_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    let _open_in_gui = Store::open(&path).unwrap();
    let out = riskbook(&["sample", "--db", &db_arg(&path)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("別の riskbook で開かれています"));
    assert!(_open_in_gui.load().unwrap().assets.is_empty());
}

#[test]
fn sample_does_not_overwrite_a_real_register_without_replace() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir.path().join("x.db"));
    assert!(riskbook(&["sample", "--db", &db]).status.success());
    let out = riskbook(&["sample", "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--replace"));
    assert!(
        riskbook(&["sample", "--db", &db, "--replace"])
            .status
            .success()
    );
}

/// The files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn commands_leave_only_the_database_and_its_lock_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let db = db_arg(&data.join("x.db"));
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    for args in [
        vec!["sample", "--db", &db],
        vec!["summary", "--db", &db],
        vec!["summary", "--json", "--db", &db],
        vec!["export", &out("x.xlsx"), "--db", &db],
        vec!["report", &out("x.pdf"), "--db", &db],
        vec!["copy", &out("copy.db"), "--db", &db],
    ] {
        let run = riskbook(&args);
        assert!(
            run.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(
            files_in(&data),
            ["x.db", "x.db.lock"],
            "after {args:?}: the WAL is folded back and removed on close"
        );
    }

    // While the app has the file open, a summary reads it and leaves the app's WAL alone.
    let store = Store::open(&data.join("x.db")).unwrap();
    assert!(riskbook(&["summary", "--db", &db]).status.success());
    assert!(data.join("x.db-wal").exists(), "the app's WAL stays");
    drop(store);
    assert!(!data.join("x.db-wal").exists());
}

#[test]
fn the_help_names_the_windows_list_import_as_the_window_does() {
    let out = riskbook(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    let name = riskbook::app::Action::ImportList.name();
    assert!(
        help.contains(&format!("「{name}」")),
        "--import-list says which window it opens: {help}"
    );
}

#[test]
fn the_basic_policy_page_is_refused_until_written_and_summary_says_where_security_action_stands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    let db = db_arg(&path);
    assert!(riskbook(&["sample", "--db", &db]).status.success());
    let pdf = dir.path().join("方針.pdf");
    let basic_policy = || {
        riskbook(&[
            "report",
            pdf.to_str().unwrap(),
            "--db",
            &db,
            "--basic-policy",
        ])
    };
    let out = basic_policy();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("基本方針はまだ PDF にできません。本文・制定日・代表者名を入れてください。"),
        "{err}"
    );
    assert!(!pdf.exists());

    let json: Value =
        serde_json::from_slice(&riskbook(&["summary", "--db", &db, "--json"]).stdout).unwrap();
    let action = &json["security_action"];
    let states: Vec<&str> = action["five_rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["done", "done", "partly", "partly", "partly"]);
    assert_eq!(action["basic_policy"]["written"], false);
    assert_eq!(action["two_star_missing"].as_array().unwrap().len(), 4);

    // Written through the same edit the window makes: then the page is made.
    {
        let mut session = riskbook::operations::Session::open(&path).unwrap();
        let mut declaration = session.workbook().declaration.clone();
        declaration.basic_policy.text = "当社は情報を守ります。".into();
        declaration.basic_policy.established_on = chrono::NaiveDate::from_ymd_opt(2026, 4, 1);
        declaration.basic_policy.representative = "代表取締役 港一郎".into();
        session
            .apply(riskbook::domain::Edit::SetDeclaration(declaration))
            .unwrap();
    }
    let out = basic_policy();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_extract::extract_text(&pdf).unwrap();
    assert!(text.contains("当社は情報を守ります。") && text.contains("2026年4月1日 制定"));
    let json: Value =
        serde_json::from_slice(&riskbook(&["summary", "--db", &db, "--json"]).stdout).unwrap();
    assert_eq!(json["security_action"]["basic_policy"]["written"], true);
    assert_eq!(
        json["security_action"]["basic_policy"]["established_on"],
        "2026-04-01"
    );
}
