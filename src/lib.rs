//! riskbook: the IPA risk analysis workbook as a desktop program.
//!
//! - `domain`: the workbook's values (assets, threats, check items) — no UI, no storage.
//! - `calc`: the workbook's formulas (docs/method.md §4, §8) as pure functions.
//! - `store`: the SQLite file.
//! - `report`: the 診断結果 as a PDF; `xlsx`: the Excel workbook; `docx`: the policy draft (Word).
//! - `app`: the egui window; `cli`: the command line.

// mimalloc rather than the system's allocator for every program built on this library (the app,
// the tests, the benchmarks): a large export or import makes millions of small allocations, and
// with it they take about a third less time (benches/speed.rs, README's speed table).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod app;
pub mod calc;
pub mod cli;
pub mod docx;
pub mod domain;
pub mod entry;
pub mod font;
pub mod launch;
pub mod operations;
pub mod output_file;
pub mod platform;
pub mod report;
pub mod sample;
pub mod sample_year;
pub mod store;
pub mod summary;
pub mod xlsx;
pub mod zip_package;
