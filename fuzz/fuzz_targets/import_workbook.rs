//! Any bytes given to the importer give a workbook or a Japanese error, never a panic, a hang or
//! unbounded memory. Run: `cargo fuzz run import_workbook fuzz/corpus fuzz/seeds -- -max_total_time=600`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use riskbook::domain::Catalogue;
use std::sync::LazyLock;

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(Catalogue::builtin);

static QUIET_PANICS: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    // The importer contains panics of the spreadsheet parser and reports them as errors; libFuzzer's
    // own hook would abort on them first. A panic anywhere else still reaches libfuzzer-sys, which
    // aborts and reports it.
    QUIET_PANICS.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    // Old .xls files (OLE compound documents) make calamine 0.38 abort on huge allocations, which no
    // process survives; riskbook reads workbooks in a worker process for that (src/xlsx/worker.rs,
    // fuzz/regressions). Set RISKBOOK_FUZZ_XLS=1 to fuzz them anyway.
    if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) && std::env::var_os("RISKBOOK_FUZZ_XLS").is_none() {
        return;
    }
    if let Err(e) = riskbook::xlsx::read_workbook_bytes("fuzz.xlsx", data.to_vec(), CATALOGUE.clone()) {
        // Rendering the message must not panic either.
        let _ = e.to_string();
    }
});
