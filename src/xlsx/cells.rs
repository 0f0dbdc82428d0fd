//! Reading single cells of hand-kept workbooks: numbers stored as text or as full-width digits,
//! flags written 有/○/✓, dates as Excel serials or as text, including Japanese era dates (和暦).

use calamine::Data;
use chrono::NaiveDate;

/// A cell that does not hold what its column asks for; the caller says why, in words for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

use crate::domain::cell_text::{flag_text, leading_number_text};
pub use crate::domain::cell_text::{half_width, normalize, parse_date_text};

/// The cell as the user sees it, trimmed. Whole numbers without ".0".
pub fn text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.trim().to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Bool(b)) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Some(Data::DateTime(d)) => d.as_f64().to_string(),
        Some(Data::DateTimeIso(s)) | Some(Data::DurationIso(s)) => s.clone(),
        Some(Data::Error(e)) => format!("#{e:?}"),
    }
}

/// A small whole number at the start of the cell: `2`, `2.0`, `２`, `2：一部実施している`,
/// `3通常の状態で発生する…`. None for an empty cell; Err for anything else.
pub fn leading_number(cell: Option<&Data>) -> Result<Option<u8>, Unreadable> {
    match cell {
        None | Some(Data::Empty) => Ok(None),
        Some(Data::Int(i)) => u8::try_from(*i).map(Some).map_err(|_| Unreadable),
        Some(Data::Float(f)) if f.fract() == 0.0 && (0.0..=255.0).contains(f) => Ok(Some(*f as u8)),
        Some(Data::String(s)) => leading_number_text(s).map_err(|_| Unreadable),
        _ => Err(Unreadable),
    }
}

/// 有/○/✓ … as true, empty/無/× … as false.
pub fn flag(cell: Option<&Data>) -> Result<bool, Unreadable> {
    flag_text(&text(cell)).ok_or(Unreadable)
}

/// Excel's serial day number (1900 date system).
pub fn from_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_days(chrono::Days::new(serial.trunc() as u64))
}

/// A date cell: Excel date, serial number, or text.
pub fn date(cell: Option<&Data>) -> Result<Option<NaiveDate>, Unreadable> {
    match cell {
        None | Some(Data::Empty) => Ok(None),
        Some(Data::DateTime(d)) => from_serial(d.as_f64()).map(Some).ok_or(Unreadable),
        Some(Data::Float(f)) => from_serial(*f).map(Some).ok_or(Unreadable),
        Some(Data::Int(i)) => from_serial(*i as f64).map(Some).ok_or(Unreadable),
        // The date part of an ISO date-time; the cell may hold any text, so cut by characters.
        Some(Data::DateTimeIso(s)) => {
            let day: String = s.chars().take(10).collect();
            NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| Unreadable)
        }
        Some(Data::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Data::String(s)) => parse_date_text(s).map(Some).ok_or(Unreadable),
        _ => Err(Unreadable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Data {
        Data::String(v.into())
    }

    #[test]
    fn numbers_in_all_their_spellings() {
        assert_eq!(leading_number(Some(&s("２"))), Ok(Some(2)));
        assert_eq!(leading_number(Some(&s("2：一部実施している"))), Ok(Some(2)));
        assert_eq!(
            leading_number(Some(&s("3通常の状態で発生する"))),
            Ok(Some(3))
        );
        assert_eq!(leading_number(Some(&Data::Float(1.0))), Ok(Some(1)));
        assert_eq!(leading_number(Some(&s(" "))), Ok(None));
        assert!(leading_number(Some(&s("2.5"))).is_err());
        assert!(leading_number(Some(&s("高"))).is_err());
        assert!(leading_number(Some(&Data::Float(1.5))).is_err());
    }

    #[test]
    fn flags() {
        for yes in ["有", "○", "〇", "✓", "✔", "1"] {
            assert_eq!(flag(Some(&s(yes))), Ok(true), "{yes}");
        }
        for no in ["", "無", "-", "×"] {
            assert_eq!(flag(Some(&s(no))), Ok(false), "{no}");
        }
        assert!(flag(Some(&s("たぶん"))).is_err());
    }

    #[test]
    fn dates_in_western_and_japanese_eras() {
        let d = NaiveDate::from_ymd_opt(2016, 7, 1);
        assert_eq!(parse_date_text("2016/7/1"), d);
        assert_eq!(parse_date_text("２０１６／７／１"), d);
        assert_eq!(parse_date_text("2016-07-01"), d);
        assert_eq!(parse_date_text("2016年7月1日"), d);
        assert_eq!(parse_date_text("H28.7.1"), d);
        assert_eq!(parse_date_text("平成28年7月1日"), d);
        assert_eq!(
            parse_date_text("R5.4.1"),
            NaiveDate::from_ymd_opt(2023, 4, 1)
        );
        assert_eq!(
            parse_date_text("令和元年5月1日"),
            NaiveDate::from_ymd_opt(2019, 5, 1)
        );
        assert_eq!(parse_date_text("2016/13/1"), None);
        assert_eq!(parse_date_text("来週"), None);
        assert_eq!(from_serial(42552.0), d, "Excel serial of 2016-07-01");
    }

    #[test]
    fn an_iso_date_time_cell_with_any_text_is_read_or_refused_never_a_panic() {
        let iso = |v: &str| date(Some(&Data::DateTimeIso(v.into())));
        assert_eq!(
            iso("2016-07-01T09:30:00"),
            Ok(NaiveDate::from_ymd_opt(2016, 7, 1))
        );
        // The 10th byte falls inside a multi-byte character.
        assert_eq!(iso("2016年07月01日"), Err(Unreadable));
        assert_eq!(iso("平成二十八年七月一日"), Err(Unreadable));
        assert_eq!(iso(""), Err(Unreadable));
    }
}
