//! Any bytes given to the importer give a workbook or a Japanese error, never a panic, a hang or
//! unbounded memory. Run: `cargo fuzz run import_workbook fuzz/corpus fuzz/seeds -- -max_total_time=600`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use riskbook::domain::Catalogue;
use std::sync::LazyLock;

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(Catalogue::builtin);

fuzz_target!(|data: &[u8]| {
    if let Err(e) = riskbook::xlsx::read_workbook_bytes("fuzz.xlsx", data.to_vec(), CATALOGUE.clone()) {
        // Rendering the message must not panic either.
        let _ = e.to_string();
    }
});
