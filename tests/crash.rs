//! A process killed in the middle of a write leaves the last committed state, intact.
//!
//! The writer is this test binary run again as a child (`writer_child`, ignored unless asked for): it
//! rewrites the whole 台帳 in one transaction after another, each generation's rows marked with its
//! number, and prints `committed N` after each commit. The parent kills it with SIGKILL at varying
//! moments and checks the file.

use riskbook::domain::Edit;
use riskbook::domain::{Asset, Catalogue, Workbook};
use riskbook::store::Store;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const ROWS: usize = 2_000;
const ENV_DB: &str = "RISKBOOK_CRASH_TEST_DB";

fn generation(g: u64) -> Workbook {
    let mut wb = Workbook::from_catalogue(Catalogue::builtin());
    wb.assets = (0..ROWS)
        .map(|i| Asset {
            note: format!("世代 {g}"),
            ..Asset::named(format!("資産 {i}"))
        })
        .collect();
    wb
}

#[test]
#[ignore = "run by killed_writers_leave_the_last_committed_state"]
fn writer_child() {
    let path = std::env::var(ENV_DB).unwrap_or_else(|_| {
        panic!("a child process of the kill tests, started by them with {ENV_DB}")
    });
    let mut store = Store::open(Path::new(&path)).unwrap();
    for g in 1.. {
        store.replace_all(&generation(g)).unwrap();
        println!("committed {g}");
    }
}

/// Runs the ignored child test `name` on `path`, reads its numbered lines (`<prefix> N`), kills it
/// (SIGKILL on Unix) once it has reported `after` of them plus `extra` time, and returns the last
/// number it reported, including any printed before it died.
fn run_and_kill(name: &str, path: &Path, prefix: &str, after: u64, extra: Duration) -> u64 {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            name,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ENV_DB, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let number = |line: &str| {
        line.strip_prefix(prefix)
            .and_then(|n| n.trim().parse::<u64>().ok())
    };
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut reported, mut seen) = (0, 0);
    while seen < after {
        let line = lines.next().expect("child stopped early").unwrap();
        if let Some(n) = number(&line) {
            reported = n;
            seen += 1;
        }
    }
    std::thread::sleep(extra);
    child.kill().unwrap();
    child.wait().unwrap();
    for line in lines.map_while(Result::ok) {
        if let Some(n) = number(&line) {
            reported = n;
        }
    }
    reported
}

fn kill_once(path: &Path, commits_before_kill: u64, extra_delay: Duration) {
    let last_reported = run_and_kill(
        "writer_child",
        path,
        "committed ",
        commits_before_kill,
        extra_delay,
    );
    let store = Store::open(path).expect("the file opens after the kill");
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let wb = store.load().unwrap();
    assert_eq!(wb.assets.len(), ROWS, "never a half-written 台帳");
    let marks: std::collections::HashSet<&str> =
        wb.assets.iter().map(|a| a.note.as_str()).collect();
    assert_eq!(marks.len(), 1, "rows of one generation only: {marks:?}");
    let found: u64 = wb.assets[0]
        .note
        .trim_start_matches("世代 ")
        .parse()
        .unwrap();
    assert!(
        found >= last_reported,
        "generation {found} on disk, but {last_reported} was reported saved"
    );
}

/// The writer for the edit loop: one user edit at a time, as the window saves them, numbered.
#[test]
#[ignore = "run by two_hundred_kills_during_edits_lose_nothing_reported_saved"]
fn edit_child() {
    let path = std::env::var(ENV_DB).unwrap_or_else(|_| {
        panic!("a child process of the kill tests, started by them with {ENV_DB}")
    });
    let mut store = Store::open(Path::new(&path)).unwrap();
    let mut assets = store.load().unwrap().assets;
    if assets.is_empty() {
        store.replace_all(&generation(0)).unwrap();
        assets = store.load().unwrap().assets;
    }
    let start: u64 = assets
        .iter()
        .filter_map(|a| a.users.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    for n in start + 1.. {
        // Edit n writes its number into one asset's 利用者範囲; the asset changes with every edit.
        let mut asset = assets[n as usize % assets.len()].clone();
        asset.users = n.to_string();
        store.apply(&Edit::UpdateAsset(asset)).unwrap();
        println!("saved {n}");
    }
}

#[test]
fn two_hundred_kills_during_edits_lose_nothing_reported_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edits.db");
    for i in 0..200u64 {
        let reported = run_and_kill(
            "edit_child",
            &path,
            "saved ",
            1 + i % 4,
            Duration::from_micros(i * 373 % 5_000),
        );
        let store = Store::open(&path).expect("the file opens after every kill");
        assert_eq!(store.integrity_check().unwrap(), "ok", "kill {i}");
        let wb = store.load().unwrap();
        assert_eq!(wb.assets.len(), ROWS, "kill {i}");
        let on_disk = wb
            .assets
            .iter()
            .filter_map(|a| a.users.parse::<u64>().ok())
            .max()
            .unwrap();
        assert!(
            on_disk >= reported,
            "kill {i}: edit {reported} was reported saved, disk has {on_disk}"
        );
        // Every edit up to the last reported one is there, each in its own asset.
        let n = wb.assets.len() as u64;
        for k in reported.saturating_sub(n - 1).max(1)..=reported {
            let asset = &wb.assets[(k % n) as usize];
            let value: u64 = asset.users.parse().unwrap_or(0);
            assert!(value >= k, "kill {i}: edit {k} lost (asset holds {value})");
        }
    }
}

#[test]
fn killed_writers_leave_the_last_committed_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    for i in 0..12u64 {
        kill_once(&path, 1 + i % 3, Duration::from_millis(i * 7 % 40));
    }
}
