//! How the report and the window print a date for reading (not for typing into a cell, which is
//! `cell_text::date_text`): 「2026年4月1日」, with the time where one matters 「2025年4月1日 10:00」.

use chrono::{NaiveDate, NaiveDateTime};

/// 「2026年4月1日」.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%Y年%-m月%-d日").to_string()
}

/// 「2025年4月1日 10:00」: the minute is enough for a person; seconds only tell records apart.
pub fn long_date_time(at: NaiveDateTime) -> String {
    format!("{} {}", long_date(at.date()), at.format("%-H:%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_in_japanese_without_leading_zeros() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        assert_eq!(long_date(d), "2026年4月1日");
        assert_eq!(
            long_date(NaiveDate::from_ymd_opt(2027, 12, 31).unwrap()),
            "2027年12月31日"
        );
        let at = NaiveDate::from_ymd_opt(2025, 4, 1)
            .unwrap()
            .and_hms_opt(9, 5, 59)
            .unwrap();
        assert_eq!(long_date_time(at), "2025年4月1日 9:05");
    }
}
