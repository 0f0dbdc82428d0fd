//! Reading a 台帳 cell written by hand, in Excel or in another program's list: full-width digits,
//! flags written 有/○/✓, dates in Western or Japanese era form, media and ratings in other words.
//! Whatever is read as something other than exactly what was written is reported, never silent.

use super::register::{CellValue, Column};
use super::{Medium, Rating};
use chrono::NaiveDate;

/// Full-width ASCII (０-９, Ａ-Ｚ, ．, ／ …) and the ideographic space to their ASCII forms.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// For comparing headers and names: half-width, without any white space.
pub fn normalize(text: &str) -> String {
    half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// 有/○/✓ … as true, empty/無/× … as false; None for anything else.
pub fn flag_text(text: &str) -> Option<bool> {
    match normalize(text).as_str() {
        "" | "無" | "なし" | "-" | "ー" | "－" | "×" | "0" | "FALSE" | "false" | "No" | "no" => {
            Some(false)
        }
        "有" | "あり" | "○" | "〇" | "◯" | "●" | "✓" | "✔" | "レ" | "1" | "TRUE" | "true"
        | "Yes" | "yes" | "y" | "Y" => Some(true),
        _ => None,
    }
}

/// Text that is not a small whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// A small whole number at the start of the text: `2`, `２`, `2：一部実施している`,
/// `3通常の状態で発生する…`. Ok(None) for empty text; Err for anything else ("2.5", "20", "高い").
pub fn leading_number_text(text: &str) -> Result<Option<u8>, NotANumber> {
    let s = half_width(text.trim());
    if s.is_empty() {
        return Ok(None);
    }
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = s[digits.len()..].trim_start();
    // "2" alone, or "2" followed by a label or separator, never "2.5" or "20".
    let clean_end =
        rest.is_empty() || !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if digits.is_empty() || digits.len() > 2 || !clean_end {
        return Err(NotANumber);
    }
    digits.parse().map(Some).map_err(|_| NotANumber)
}

/// A 媒体・保存先 by its name or a common other name (サーバ, USBメモリ, パソコン …).
pub fn medium_from_text(text: &str) -> Option<Medium> {
    let t = normalize(text);
    Medium::ALL
        .into_iter()
        .find(|m| normalize(m.name()) == t)
        .or(match t.as_str() {
            "社内サーバ"
            | "サーバー"
            | "サーバ"
            | "ファイルサーバ"
            | "ファイルサーバー"
            | "NAS" => Some(Medium::InHouseServer),
            "紙" | "書面" | "紙媒体" | "Paper" | "paper" => Some(Medium::Paper),
            "可搬媒体" | "USBメモリ" | "USB" | "外部記憶媒体" | "外付けHDD" | "DVD" | "CD-R" => {
                Some(Medium::PortableMedia)
            }
            "PC" | "パソコン" | "事務所パソコン" | "社内PC" => Some(Medium::OfficePc),
            "スマートフォン" | "スマホ" | "モバイル" | "タブレット" => {
                Some(Medium::MobileDevice)
            }
            "クラウドサービス" | "Cloud" | "cloud" | "SaaS" => Some(Medium::Cloud),
            _ => None,
        })
}

/// A 評価値 written as a word: 高/中/低, High/Medium/Low.
fn rating_word(text: &str) -> Option<u8> {
    match normalize(text).to_lowercase().as_str() {
        "高" | "high" | "h" | "大" => Some(2),
        "中" | "medium" | "middle" | "mid" | "m" => Some(1),
        "低" | "low" | "l" | "小" => Some(0),
        _ => None,
    }
}

/// First year of each Japanese era, by its letter and its name.
const ERAS: [(&str, &str, i32); 5] = [
    ("M", "明治", 1868),
    ("T", "大正", 1912),
    ("S", "昭和", 1926),
    ("H", "平成", 1989),
    ("R", "令和", 2019),
];

/// A date written as text: 2016/7/1, 2016-07-01, 2016.7.1, 2016年7月1日, H28.7.1, 平成28年7月1日,
/// R5.4.1, 令和元年5月1日.
pub fn parse_date_text(raw: &str) -> Option<NaiveDate> {
    let s = normalize(raw).replace("元年", "1年");
    let (base, rest) = ERAS
        .iter()
        .find_map(|(letter, name, first)| {
            s.strip_prefix(name)
                .or_else(|| s.strip_prefix(letter))
                .or_else(|| s.strip_prefix(&letter.to_lowercase()))
                .map(|rest| (Some(*first), rest))
        })
        .unwrap_or((None, s.as_str()));
    let parts: Vec<i32> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [y, m, d] = parts[..] else {
        return None;
    };
    let year = match base {
        Some(first) if (1..=99).contains(&y) => first + y - 1,
        Some(_) => return None,
        None if y >= 1900 => y,
        None => return None,
    };
    NaiveDate::from_ymd_opt(year, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// How a date is shown in the window and written back as text.
pub fn date_text(date: NaiveDate) -> String {
    date.format("%Y/%m/%d").to_string()
}

/// A cell's text read for its column.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: CellValue,
    /// What the text became, when that is not what was written: 「USBメモリ」→「可搬電子媒体」.
    pub became: Option<String>,
}

/// How a value is shown once read, to compare it with what was written.
pub fn shown(value: &CellValue) -> String {
    match value {
        CellValue::Text(_, t) => t.clone(),
        CellValue::Medium(m) => m.map_or(String::new(), |m| m.name().to_string()),
        CellValue::Flag(_, on) => if *on { "有" } else { "" }.to_string(),
        CellValue::Rating(_, r) => r.map_or(String::new(), |r| r.value().to_string()),
        CellValue::Registered(d) => d.map_or(String::new(), date_text),
    }
}

/// Reads `text` as the value of input column `column`; Err gives the reason in Japanese. Empty text
/// clears the cell (the name excepted: an asset must have one, which `Asset::validate` says).
pub fn read_cell(column: Column, text: &str) -> Result<Reading, String> {
    let trimmed = text.trim();
    let value = match column {
        Column::Medium if trimmed.is_empty() => CellValue::Medium(None),
        Column::Medium => CellValue::Medium(Some(medium_from_text(trimmed).ok_or_else(|| {
            format!(
                "媒体・保存先は {} のいずれかです",
                Medium::ALL.map(|m| m.name()).join("／")
            )
        })?)),
        Column::Personal | Column::Sensitive | Column::MyNumber => CellValue::Flag(
            column,
            flag_text(trimmed)
                .ok_or_else(|| format!("{}は「有」か空欄で入力してください", column.header()))?,
        ),
        Column::Confidentiality | Column::Integrity | Column::Availability => {
            let number = leading_number_text(trimmed)
                .ok()
                .or_else(|| rating_word(trimmed).map(Some));
            let rating = match number {
                None => return Err(rating_reason(column)),
                Some(None) => None,
                Some(Some(n)) => Some(Rating::new(n).map_err(|_| rating_reason(column))?),
            };
            CellValue::Rating(column, rating)
        }
        Column::Registered if trimmed.is_empty() => CellValue::Registered(None),
        Column::Registered => {
            CellValue::Registered(Some(parse_date_text(trimmed).ok_or_else(|| {
                "登録日を日付として読めません（例：2016/7/1、2016-07-01、H28.7.1）".to_string()
            })?))
        }
        column if column.is_text() => CellValue::Text(column, trimmed.to_string()),
        column => {
            return Err(format!(
                "{}は riskbook が計算する列です。入力はできません",
                column.header()
            ));
        }
    };
    let became = (!same_as_written(&value, trimmed)).then(|| shown(&value));
    Ok(Reading { value, became })
}

fn rating_reason(column: Column) -> String {
    format!("{}は 0、1、2 のいずれかで入力してください", column.header())
}

/// Whether the value is what the text says without any reading into it.
fn same_as_written(value: &CellValue, text: &str) -> bool {
    match value {
        CellValue::Registered(Some(d)) => [
            date_text(*d),
            d.format("%Y-%m-%d").to_string(),
            d.format("%Y/%-m/%-d").to_string(),
        ]
        .contains(&text.to_string()),
        _ => shown(value) == text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn became(column: Column, text: &str) -> Option<String> {
        read_cell(column, text).unwrap().became
    }

    #[test]
    fn values_read_as_something_else_say_what_they_became() {
        assert_eq!(
            became(Column::Medium, "USBメモリ").as_deref(),
            Some("可搬電子媒体")
        );
        assert_eq!(
            became(Column::Medium, "サーバ").as_deref(),
            Some("社内サーバー")
        );
        assert_eq!(became(Column::Medium, "クラウド"), None);
        assert_eq!(became(Column::Confidentiality, "２").as_deref(), Some("2"));
        assert_eq!(became(Column::Confidentiality, "高").as_deref(), Some("2"));
        assert_eq!(became(Column::Integrity, "Low").as_deref(), Some("0"));
        assert_eq!(became(Column::Integrity, "1"), None);
        assert_eq!(became(Column::Personal, "○").as_deref(), Some("有"));
        assert_eq!(became(Column::Personal, "有"), None);
        assert_eq!(became(Column::Personal, ""), None);
        assert_eq!(
            became(Column::Registered, "H28.7.1").as_deref(),
            Some("2016/07/01")
        );
        assert_eq!(became(Column::Registered, "2016/7/1"), None);
        assert_eq!(became(Column::Name, " 社員名簿 "), None);
    }

    #[test]
    fn wrong_values_are_refused_with_the_column_s_rule() {
        let err = read_cell(Column::Availability, "3").unwrap_err();
        assert!(err.contains("可用性は 0、1、2"), "{err}");
        assert!(
            read_cell(Column::Medium, "金庫")
                .unwrap_err()
                .contains("書類／可搬電子媒体")
        );
        assert!(read_cell(Column::MyNumber, "たぶん").is_err());
        assert!(read_cell(Column::Registered, "来月").is_err());
        assert!(
            read_cell(Column::Risk, "4")
                .unwrap_err()
                .contains("計算する列")
        );
        assert_eq!(
            read_cell(Column::Confidentiality, "").unwrap().value,
            CellValue::Rating(Column::Confidentiality, None)
        );
    }

    #[test]
    fn dates_in_every_form_users_write() {
        let d = NaiveDate::from_ymd_opt(2016, 7, 1);
        for text in [
            "2016/7/1",
            "2016-07-01",
            "2016.7.1",
            "2016年7月1日",
            "H28.7.1",
            "平成28年7月1日",
            "２０１６／７／１",
        ] {
            assert_eq!(parse_date_text(text), d, "{text}");
        }
        assert_eq!(
            parse_date_text("令和元年5月1日"),
            NaiveDate::from_ymd_opt(2019, 5, 1)
        );
        assert_eq!(parse_date_text("H100.1.1"), None);
    }
}
