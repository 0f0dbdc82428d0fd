//! What the year's tables share: dates and times typed as text, and text fields whose typing is a
//! draft until the field loses the keyboard.

use crate::app::widgets::text_field;
use chrono::{NaiveDate, NaiveDateTime};
use eframe::egui::Ui;
use std::collections::HashMap;
use std::hash::Hash;

/// A day as the fields show it: 2026-04-01.
pub fn day_text(day: Option<NaiveDate>) -> String {
    day.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A moment as the fields show it: 2026-04-01 09:30.
pub fn moment_text(at: Option<NaiveDateTime>) -> String {
    at.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// A day typed as 2026-04-01 (or any form the 台帳 reads: 2026/4/1, R8.4.1 …).
pub fn parse_day(what: &str, text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| crate::domain::cell_text::parse_date_text(text))
        .ok_or_else(|| {
            format!("{what}「{text}」を日付として読めません。2026-04-01 のように入れてください。")
        })
}

/// A moment typed as 2026-04-01 09:30 (a day alone is read as its 0:00).
pub fn parse_moment(what: &str, text: &str) -> Result<NaiveDateTime, String> {
    let text = text.trim();
    ["%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            parse_day(what, text)
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
        .ok_or_else(|| {
            format!(
                "{what}「{text}」を日時として読めません。2026-04-01 09:30 のように入れてください。"
            )
        })
}

/// Texts being typed into a table, by cell.
pub struct Drafts<K>(HashMap<K, String>);

impl<K> Default for Drafts<K> {
    fn default() -> Self {
        Drafts(HashMap::new())
    }
}

impl<K: Hash + Eq + Copy> Drafts<K> {
    /// A field showing `saved`, or what is being typed into it. Gives the text back once, when the
    /// field loses the keyboard with a text that differs from `saved`.
    pub fn field(
        &mut self,
        ui: &mut Ui,
        key: K,
        saved: &str,
        width: f32,
        name: &str,
    ) -> Option<String> {
        let mut text = self
            .0
            .get(&key)
            .cloned()
            .unwrap_or_else(|| saved.to_string());
        let response = text_field(ui, &mut text, width, name);
        if response.changed() {
            self.0.insert(key, text);
        }
        if response.lost_focus() {
            return self.0.remove(&key).filter(|typed| typed != saved);
        }
        None
    }

    /// Every draft, taken out.
    pub fn take(&mut self) -> Vec<(K, String)> {
        self.0.drain().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_moments_read_back_and_a_wrong_one_says_what_to_type() {
        let day = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        assert_eq!(parse_day("実施日", &day_text(Some(day))), Ok(day));
        let at = day.and_hms_opt(9, 30, 0).unwrap();
        assert_eq!(parse_moment("発見日時", &moment_text(Some(at))), Ok(at));
        assert_eq!(
            parse_moment("発見日時", "2026-04-01"),
            Ok(day.and_hms_opt(0, 0, 0).unwrap())
        );
        let err = parse_day("実施日", "4月ごろ").unwrap_err();
        assert!(
            err.contains("実施日「4月ごろ」") && err.contains("2026-04-01"),
            "{err}"
        );
        assert!(parse_moment("発見日時", "きのう").is_err());
    }
}
