//! The リスク対応 sheet read back on import (`export::treatment` writes it). A row names its asset by
//! the 台帳's row number (台帳の行) and its name; a row whose name is not the one on that 台帳 row is
//! left out and said, so that a sorted or edited 台帳 never gives a decision to another asset.

use super::cells;
use super::layout::{TREATMENT, TREATMENT_FIRST_ROW};
use crate::domain::{Asset, AssetId, Decision, Treatment};
use calamine::{Data, Range};

/// The decisions of a リスク対応 sheet for `assets` (the imported 台帳, in order, with their ids
/// set). Rows without a 対応 are undecided and give nothing. A row that cannot be read is left out
/// and said in `notes` with its cell.
pub(super) fn read(
    range: &Range<Data>,
    assets: &[Asset],
    notes: &mut Vec<String>,
) -> Vec<Treatment> {
    let start = range.start().map_or(0, |(r, _)| r);
    let mut out: Vec<Treatment> = Vec::new();
    for (k, row) in range.rows().enumerate() {
        let r = start + k as u32;
        if r < TREATMENT_FIRST_ROW {
            continue;
        }
        let cell = |c: usize| row.get(c);
        let decision_text = cells::text(cell(3));
        if decision_text.is_empty() {
            continue;
        }
        let at = |col: char| format!("シート「{TREATMENT}」{col}{}", r + 1);
        let Some(decision) = Decision::from_label(&decision_text) else {
            notes.push(format!(
                "{}：対応「{decision_text}」は低減・保有・回避・移転のどれでもないため、この行は取り込みませんでした",
                at('D')
            ));
            continue;
        };
        let name = cells::text(cell(1));
        let asset = cells::text(cell(0))
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| assets.get(i))
            .filter(|a| a.name == name);
        let Some(asset) = asset else {
            notes.push(format!(
                "{}：台帳の行「{}」の情報資産名称が「{name}」ではないため、この行は取り込みませんでした",
                at('A'),
                cells::text(cell(0))
            ));
            continue;
        };
        let accepted_on = cells::date(cell(7)).unwrap_or_else(|_| {
            notes.push(format!(
                "{}：承認日「{}」を日付として読めないため、承認日なしとしました",
                at('H'),
                cells::text(cell(7))
            ));
            None
        });
        let treatment = Treatment {
            reason: cells::text(cell(4)),
            change: cells::text(cell(5)),
            accepted_by: cells::text(cell(6)),
            accepted_on,
            ..Treatment::new(asset.id, decision)
        };
        match out.binary_search_by_key(&asset.id, |t: &Treatment| t.asset) {
            Ok(_) => notes.push(format!(
                "{}：台帳の行「{}」の対応は上の行で読んだため、この行は取り込みませんでした",
                at('A'),
                cells::text(cell(0))
            )),
            Err(i) => out.insert(i, treatment),
        }
    }
    out
}

/// Gives the imported assets the ids 1, 2, … that an emptied database gives them, so that their
/// decisions can name them.
pub(super) fn number_assets(assets: &mut [Asset]) {
    for (i, a) in assets.iter_mut().enumerate() {
        a.id = AssetId(i as i64 + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[[&str; 8]]) -> Range<Data> {
        let mut range = Range::new((0, 0), (TREATMENT_FIRST_ROW + rows.len() as u32, 8));
        for (i, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                let value = Data::String(text.to_string());
                range.set_value((TREATMENT_FIRST_ROW + i as u32, c as u32), value);
            }
        }
        range
    }

    #[test]
    fn rows_are_read_only_where_the_register_row_has_that_name() {
        let mut assets = vec![Asset::named("社員名簿"), Asset::named("見積書")];
        number_assets(&mut assets);
        let range = sheet(&[
            [
                "2",
                "見積書",
                "4リスク大",
                "保有",
                "費用が見合わない",
                "",
                "社長",
                "2026/4/1",
            ],
            ["1", "顧客台帳", "4リスク大", "低減", "", "", "", ""],
            ["1", "社員名簿", "2リスク中", "受容", "", "", "", ""],
            ["1", "社員名簿", "2リスク中", "", "", "", "", ""],
            [
                "1",
                "社員名簿",
                "2リスク中",
                "リスク移転",
                "",
                "保険",
                "",
                "あした",
            ],
        ]);
        let mut notes = Vec::new();
        let read = read(&range, &assets, &mut notes);
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].asset, AssetId(1));
        assert_eq!(read[0].decision, Decision::Transfer);
        assert_eq!(read[0].change, "保険");
        assert_eq!(read[1].asset, AssetId(2));
        assert_eq!(read[1].accepted_by, "社長");
        assert_eq!(
            read[1].accepted_on,
            chrono::NaiveDate::from_ymd_opt(2026, 4, 1)
        );
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[0].starts_with(
            "シート「リスク対応」A4：台帳の行「1」の情報資産名称が「顧客台帳」ではない"
        ));
        assert!(notes[1].starts_with("シート「リスク対応」D5：対応「受容」"));
        assert!(notes[2].starts_with("シート「リスク対応」H7：承認日「あした」"));
    }
}
