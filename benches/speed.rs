//! Speed of what a user waits for: `cargo bench --bench speed`.
//! Prints the median of repeated runs; not a test, nothing here can fail on a slow machine.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use riskbook::app::RiskbookApp;
use riskbook::calc::{Evaluated, assess, diagnose};
use riskbook::domain::{Catalogue, Workbook};
use riskbook::operations::Session;
use riskbook::report::{ReportInput, pdf};
use riskbook::sample::sample_workbook;
use riskbook::store::Store;
use std::time::{Duration, Instant};

/// The sample company's register repeated to `n` assets.
fn workbook_with(n: usize) -> Workbook {
    let mut wb = sample_workbook(Catalogue::builtin());
    let base = wb.assets.clone();
    wb.assets = (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a.name = format!("{} {}", a.name, i + 1);
            a
        })
        .collect();
    wb
}

/// A database file in `dir` holding `workbook_with(n)`.
fn database_with(dir: &std::path::Path, name: &str, n: usize) -> std::path::PathBuf {
    let path = dir.join(format!("{name}-{n}.db"));
    Store::open(&path)
        .unwrap()
        .replace_all(&workbook_with(n))
        .unwrap();
    path
}

/// The window on `path`, at a small office laptop's size, after its first frames.
fn window_on(path: &std::path::Path) -> Harness<'static, RiskbookApp> {
    let session = Session::open(path).unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .build_eframe(move |cc| RiskbookApp::new(cc, session));
    harness.run();
    harness
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm up
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    // `cargo bench --bench speed -- edit` runs only the edit-then-frame measurement.
    if std::env::args().any(|a| a == "edit") {
        edit_then_frame();
        return;
    }
    for n in [1_000, 10_000, 100_000] {
        let wb = workbook_with(n);
        let t = time(21, || {
            let a = assess(&wb);
            std::hint::black_box(diagnose(&wb, &a));
        });
        println!(
            "recalculation (assess + diagnose), {n:>7} assets: {:>8.3} ms",
            t.as_secs_f64() * 1e3
        );
    }

    for n in [1_000, 10_000, 100_000] {
        let runs = if n >= 100_000 { 1 } else { 5 };
        let results = Evaluated::new(workbook_with(n));
        let input = ReportInput {
            results: &results,
            file_name: "bench.db",
            created_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            previous: None,
        };
        let t = time(runs, || {
            std::hint::black_box(pdf(&input).unwrap());
        });
        println!(
            "PDF report, {n:>6} assets: {:>8.1} ms",
            t.as_secs_f64() * 1e3
        );
    }

    let dir = tempfile::tempdir().unwrap();
    for n in [1_000, 10_000, 100_000] {
        let runs = if n >= 100_000 { 1 } else { 5 };
        let results = Evaluated::new(workbook_with(n));
        let path = dir.path().join(format!("bench-{n}.xlsx"));
        let t = time(runs, || riskbook::xlsx::export(&results, &path).unwrap());
        println!(
            "Excel export, {n:>6} assets: {:>8.1} ms",
            t.as_secs_f64() * 1e3
        );
        let t = time(5, || {
            std::hint::black_box(
                riskbook::xlsx::read_workbook(&path, Catalogue::builtin()).unwrap(),
            );
        });
        println!(
            "Excel import, {n:>6} assets: {:>8.1} ms",
            t.as_secs_f64() * 1e3
        );
        if n == 10_000 {
            std::fs::copy(
                &path,
                std::env::temp_dir().join("riskbook-bench-10000.xlsx"),
            )
            .unwrap();
        }
    }
    for n in [1_000, 10_000, 100_000] {
        let mut harness = window_on(&database_with(dir.path(), "bench", n));
        let t = time(31, || harness.step());
        println!(
            "one frame of 情報資産管理台帳 (1366x768), {n:>6} assets: {:>8.3} ms",
            t.as_secs_f64() * 1e3
        );
        // A range from row 1 to row 3 selected, the current cell on row 3.
        harness.get_by_label("備考 1行目").click();
        harness.run();
        harness
            .get_by_label("管理部署 3行目")
            .click_modifiers(egui::Modifiers::SHIFT);
        harness.run();
        let t = time(31, || harness.step());
        println!(
            "one frame of 情報資産管理台帳 with a selected range, {n:>6} assets: {:>8.3} ms",
            t.as_secs_f64() * 1e3
        );
    }
    paste_speed(&dir);
    edit_then_frame();
}

/// One cell typed into and left (Enter), then the next frame: saving, recalculating and every
/// per-revision check of the window (the glyph check scans all text).
fn edit_then_frame() {
    let dir = tempfile::tempdir().unwrap();
    for n in [1_000, 10_000, 100_000] {
        let mut harness = window_on(&database_with(dir.path(), "edit", n));
        let mut k = 0;
        let t = time(11, || {
            k += 1;
            harness.get_by_label("備考 1行目").focus();
            harness.step();
            harness.event(egui::Event::Text(format!("メモ{k}")));
            harness.key_press(egui::Key::Enter);
            let start = Instant::now();
            harness.step();
            harness.step();
            std::hint::black_box(start.elapsed());
        });
        println!(
            "click into a cell, type, Enter, next frame (台帳; three frames), {n:>6} assets: {:>8.1} ms",
            t.as_secs_f64() * 1e3
        );
    }
}

/// Pasting 10,000 rows copied from Excel below the register: reading and checking every value,
/// saving them in one transaction, recalculating. Each run is undone before the next.
fn paste_speed(dir: &tempfile::TempDir) {
    let block: String = (0..10_000)
        .map(|i| {
            format!("総務\t備品 {i}\t\"棚\r\n{i}\"\t全員\t総務部\tUSBメモリ\t○\t\t\t２\t1\t0\r\n")
        })
        .collect();
    for n in [1_000, 10_000, 100_000] {
        let mut session = Session::open(&database_with(dir.path(), "paste", n)).unwrap();
        let samples: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let rows = riskbook::entry::tsv::parse(&block);
                let plan =
                    riskbook::entry::block::plan_paste(session.workbook(), &[], 0, &rows).unwrap();
                assert_eq!(plan.new_rows, 10_000);
                session.apply(plan.into_edit().unwrap()).unwrap();
                let took = start.elapsed();
                session.undo().unwrap();
                took
            })
            .collect();
        println!(
            "paste 10,000 rows from Excel (check, save, recalculate), {n:>6} assets: {:>8.1} ms",
            median(samples).as_secs_f64() * 1e3
        );
    }
}
