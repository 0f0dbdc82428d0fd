//! Speed of what a user waits for: `cargo bench --bench speed`.
//! Prints the median of repeated runs; not a test, nothing here can fail on a slow machine.

use eframe::egui;
use egui_kittest::Harness;
use riskbook::app::RiskbookApp;
use riskbook::app::session::Session;
use riskbook::calc::{assess, diagnose};
use riskbook::domain::{Catalogue, Workbook};
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
        let wb = workbook_with(n);
        let a = assess(&wb);
        let d = diagnose(&wb, &a);
        let input = ReportInput {
            workbook: &wb,
            assessment: &a,
            diagnosis: &d,
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
        let wb = workbook_with(n);
        let a = assess(&wb);
        let d = diagnose(&wb, &a);
        let path = dir.path().join(format!("bench-{n}.xlsx"));
        let t = time(runs, || riskbook::xlsx::export(&wb, &a, &d, &path).unwrap());
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
        let path = dir.path().join(format!("bench-{n}.db"));
        let mut store = Store::open(&path).unwrap();
        store.replace_all(&workbook_with(n)).unwrap();
        drop(store);
        let session = Session::open(&path).unwrap();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1366.0, 768.0))
            .build_eframe(move |cc| RiskbookApp::new(cc, session));
        harness.run();
        let t = time(31, || harness.step());
        println!(
            "one frame of 情報資産管理台帳 (1366x768), {n:>6} assets: {:>8.3} ms",
            t.as_secs_f64() * 1e3
        );
    }
}
