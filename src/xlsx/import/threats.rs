//! The 脅威の状況 sheet: each threat with its 媒体・保存先 (written once over merged rows), its
//! 発生頻度 and its related check items, matched to the catalogue's threats by name or position.

use super::sheet::Sheet;
use crate::domain::reading::Problem;
use crate::domain::{Catalogue, Frequency, ItemNo, Medium, Threat, ThreatId};
use crate::xlsx::cells::{self, normalize};
use std::collections::HashMap;

pub(super) fn read_threats(
    sheet: &Sheet,
    catalogue: &Catalogue,
    problems: &mut Vec<Problem>,
    unmatched: &mut Vec<String>,
) -> Vec<Threat> {
    let Some(header) = sheet.find_row("発生頻度") else {
        problems.push(sheet.sheet_problem("", "見出し「脅威の発生頻度」の行が見つかりません"));
        return Vec::new();
    };
    let find = |pred: &dyn Fn(&str) -> bool| sheet.header_col(header, pred);
    let freq_col = find(&|h| h.contains("発生頻度"));
    let medium_col = find(&|h| h.contains("媒体") || h.contains("保存先"));
    let threat_col = find(&|h| h.contains("個別の脅威"))
        .or_else(|| find(&|h| h.contains("脅威") && !h.contains("発生頻度")));
    let links_col = find(&|h| h.contains("関連項目"));
    let (Some(freq_col), Some(medium_col), Some(threat_col)) = (freq_col, medium_col, threat_col)
    else {
        problems.push(sheet.problem(
            header,
            0,
            "媒体・保存先、個別の脅威、発生頻度の列が見つかりません",
        ));
        return Vec::new();
    };
    let mut threats = Vec::new();
    let mut medium: Option<Medium> = None;
    let mut per_medium: HashMap<Medium, usize> = HashMap::new();
    for row in header + 1..sheet.rows().end {
        let medium_text = sheet.text(row, medium_col);
        if !medium_text.is_empty() {
            // Merged cells: the medium is written on the first of its rows only.
            medium = crate::domain::cell_text::medium_from_text(&medium_text);
            if medium.is_none() {
                problems.push(sheet.problem(row, medium_col, "媒体・保存先として読めません"));
                continue;
            }
        }
        let name = sheet.text(row, threat_col);
        if name.is_empty() {
            continue;
        }
        let Some(m) = medium else {
            problems.push(sheet.problem(row, medium_col, "この脅威の媒体・保存先がわかりません"));
            continue;
        };
        let frequency = match cells::leading_number(sheet.get(row, freq_col))
            .map(|v| v.map(Frequency::new).transpose())
        {
            Ok(Ok(f)) => f,
            _ => {
                problems.push(sheet.problem(
                    row,
                    freq_col,
                    "脅威の発生頻度は 1、2、3 のいずれかで入力してください",
                ));
                None
            }
        };
        let position = per_medium.entry(m).or_default();
        let of_medium: Vec<&Threat> = catalogue.threats.iter().filter(|t| t.medium == m).collect();
        let matched = of_medium
            .iter()
            .find(|t| normalize(&t.name) == normalize(&name))
            .or_else(|| of_medium.get(*position))
            .copied();
        *position += 1;
        let mut items = matched.map(|t| t.items.clone()).unwrap_or_default();
        if let Some(c) = links_col {
            let listed: Vec<ItemNo> = cells::half_width(&sheet.text(row, c))
                .split(|ch: char| !ch.is_ascii_digit())
                .filter_map(|p| p.parse().ok())
                .map(ItemNo)
                .collect();
            if !listed.is_empty() {
                items = listed;
            }
        }
        if matched.is_none() {
            unmatched.push(format!(
                "脅威「{name}」（{m}）はカタログにないため、対策項目との関連なしで取り込みます"
            ));
        }
        threats.push(Threat {
            id: ThreatId(threats.len() as i64 + 1),
            medium: m,
            name,
            frequency,
            items,
        });
    }
    threats
}
