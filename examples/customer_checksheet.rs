//! Writes a customer-style check sheet (tests/common/checksheet.rs) to a file:
//! `cargo run --example customer_checksheet -- [ITEMS] [PATH]` (36 items into
//! sample-data/見本-取引先チェックシート.xlsx by default).

#[path = "../tests/common/checksheet.rs"]
#[allow(dead_code)]
mod checksheet;

fn main() {
    let mut args = std::env::args().skip(1);
    let items: usize = args
        .next()
        .map_or(36, |n| n.parse().expect("ITEMS: a number"));
    let path = args
        .next()
        .unwrap_or_else(|| "sample-data/見本-取引先チェックシート.xlsx".to_string());
    std::fs::write(&path, checksheet::customer_workbook(items, false)).expect("write");
    println!("{path}: {items} 項目");
}
