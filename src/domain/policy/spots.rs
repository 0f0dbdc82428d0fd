//! The spots to fill in the company's own copy of the policy sample (a Word file): red text is
//! rewritten for the company (書き換え), blue text is a choice of wording (選択). What a spot is and
//! what the user filled in; how they are found in the file is `crate::docx`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// 書き換え (red) or 選択 (blue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpotKind {
    Rewrite,
    Choose,
}

impl SpotKind {
    pub fn label(self) -> &'static str {
        match self {
            SpotKind::Rewrite => "書き換え",
            SpotKind::Choose => "選択",
        }
    }

    /// The colour's name in the progress line (「赤字 42 か所中 30 か所 記入済み」).
    pub fn colour_label(self) -> &'static str {
        match self {
            SpotKind::Rewrite => "赤字",
            SpotKind::Choose => "青字",
        }
    }
}

/// A spot's number: its place in the document (1-based), body first, then headers and footers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SpotNo(pub u32);

impl fmt::Display for SpotNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The part of the document a spot stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SpotPlace {
    Body,
    Table,
    Header,
    Footer,
}

impl SpotPlace {
    pub fn label(self) -> &'static str {
        match self {
            SpotPlace::Body => "本文",
            SpotPlace::Table => "表",
            SpotPlace::Header => "ヘッダー",
            SpotPlace::Footer => "フッター",
        }
    }
}

/// One spot to fill: a run of red or blue text (Word's neighbouring runs of the same colour in one
/// paragraph joined), with where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spot {
    pub no: SpotNo,
    pub kind: SpotKind,
    pub place: SpotPlace,
    /// The nearest top-level heading above it (empty before the first heading; the part's name in
    /// headers and footers).
    pub chapter: String,
    /// The nearest lower-level heading above it within its chapter (empty if none).
    pub section: String,
    /// The text as the document has it.
    pub text: String,
    /// The sentence around it: the text of its paragraph before and after the spot, cut at 。.
    pub before: String,
    pub after: String,
}

impl Spot {
    /// The alternatives a blue spot lists (「毎年／半年ごと」, 「A / B」, 「A または B」); empty for a
    /// red spot and for a blue one that lists none (then the user writes the wording).
    pub fn options(&self) -> Vec<String> {
        match self.kind {
            SpotKind::Choose => options(&self.text),
            SpotKind::Rewrite => Vec::new(),
        }
    }

    /// The sentence with the spot in 【】.
    pub fn sentence(&self) -> String {
        format!("{}【{}】{}", self.before, self.text, self.after)
    }
}

/// The alternatives listed in `text`, split at ／, / or 「または」; fewer than two means none.
pub fn options(text: &str) -> Vec<String> {
    let inner = text.trim();
    let inner = inner
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))
        .unwrap_or(inner);
    let parts: Vec<String> = inner
        .split(['／', '/'])
        .flat_map(|p| p.split("または"))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 { Vec::new() } else { parts }
}

/// A value the user filled into a spot: not empty, no control characters (a line break would not
/// be one in the document's text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SpotValue(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpotValueError {
    #[error("内容が空です。")]
    Empty,
    #[error("改行やタブなどの制御文字は入れられません。")]
    Control,
}

impl SpotValue {
    pub fn new(text: &str) -> Result<SpotValue, SpotValueError> {
        if text.trim().is_empty() {
            return Err(SpotValueError::Empty);
        }
        if text.chars().any(char::is_control) {
            return Err(SpotValueError::Control);
        }
        Ok(SpotValue(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for SpotValue {
    type Error = SpotValueError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        SpotValue::new(&text)
    }
}

impl From<SpotValue> for String {
    fn from(value: SpotValue) -> String {
        value.0
    }
}

/// The values filled in so far, by spot number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PolicyValues(pub BTreeMap<SpotNo, SpotValue>);

impl PolicyValues {
    pub fn get(&self, no: SpotNo) -> Option<&SpotValue> {
        self.0.get(&no)
    }

    pub fn set(&mut self, no: SpotNo, value: Option<SpotValue>) {
        match value {
            Some(v) => self.0.insert(no, v),
            None => self.0.remove(&no),
        };
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// How many spots of one kind there are and how many are filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub kind: Option<SpotKind>,
    pub total: usize,
    pub filled: usize,
}

impl Progress {
    /// Of `kind` among `spots`, as filled in `values`.
    pub fn of(spots: &[Spot], values: &PolicyValues, kind: SpotKind) -> Progress {
        let of_kind = spots.iter().filter(|s| s.kind == kind);
        Progress {
            kind: Some(kind),
            total: of_kind.clone().count(),
            filled: of_kind.filter(|s| values.get(s.no).is_some()).count(),
        }
    }
}

impl fmt::Display for Progress {
    /// 「赤字 42 か所中 30 か所 記入済み」
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let colour = self.kind.map_or("", SpotKind::colour_label);
        write!(
            f,
            "{colour} {} か所中 {} か所 記入済み",
            self.total, self.filled
        )
    }
}

/// Whether a spot is a date to write (「20yy.mm.dd」「20yy年mm月dd日」).
fn is_date(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("yy") || (lower.contains("mm") && lower.contains("dd"))
}

/// What riskbook already knows that may fit a red spot, offered (never written by itself): for a
/// date, `today` in the spot's own form (改訂日); otherwise the company's name, the 診断実施者 and the
/// 担当者 of the 対策計画, each once.
pub fn suggestions(
    spot: &Spot,
    workbook: &crate::domain::Workbook,
    today: NaiveDate,
) -> Vec<String> {
    if spot.kind != SpotKind::Rewrite {
        return Vec::new();
    }
    if is_date(&spot.text) {
        let date = if spot.text.contains('.') {
            today.format("%Y.%m.%d").to_string()
        } else if spot.text.contains('/') {
            today.format("%Y/%m/%d").to_string()
        } else {
            crate::domain::dates::long_date(today)
        };
        return vec![date];
    }
    let settings = &workbook.settings;
    let people = workbook.plan.iter().map(|e| e.owner.as_str());
    let mut out: Vec<String> = Vec::new();
    for known in [settings.company.as_str(), settings.assessor.as_str()]
        .into_iter()
        .chain(people)
    {
        let known = known.trim();
        if !known.is_empty() && !out.iter().any(|o| o == known) {
            out.push(known.to_string());
        }
    }
    out
}

/// The chapters in document order, each with its spots.
pub fn chapters(spots: &[Spot]) -> Vec<(&str, Vec<&Spot>)> {
    let mut chapters: Vec<(&str, Vec<&Spot>)> = Vec::new();
    for spot in spots {
        match chapters.iter_mut().find(|(c, _)| *c == spot.chapter) {
            Some((_, list)) => list.push(spot),
            None => chapters.push((&spot.chapter, vec![spot])),
        }
    }
    chapters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_split_at_slashes_and_mataha() {
        assert_eq!(options("毎年／半年ごと"), ["毎年", "半年ごと"]);
        assert_eq!(options("（社長 / 部長 / 課長）"), ["社長", "部長", "課長"]);
        assert_eq!(
            options("情報セキュリティ責任者または代表者"),
            ["情報セキュリティ責任者", "代表者"]
        );
        assert!(options("年に1回以上").is_empty());
        assert!(options("／").is_empty());
    }

    #[test]
    fn a_value_is_not_empty_and_has_no_control_characters() {
        assert_eq!(SpotValue::new("  "), Err(SpotValueError::Empty));
        assert_eq!(SpotValue::new("a\nb"), Err(SpotValueError::Control));
        assert_eq!(
            SpotValue::new("株式会社見本").unwrap().as_str(),
            "株式会社見本"
        );
    }

    fn spot(no: u32, kind: SpotKind, chapter: &str) -> Spot {
        Spot {
            no: SpotNo(no),
            kind,
            place: SpotPlace::Body,
            chapter: chapter.into(),
            section: String::new(),
            text: "〇〇".into(),
            before: String::new(),
            after: String::new(),
        }
    }

    #[test]
    fn dates_are_offered_in_the_spots_form_and_names_from_what_was_entered() {
        let mut wb = crate::domain::Workbook::from_catalogue(crate::domain::Catalogue::builtin());
        wb.settings.company = "株式会社見本".into();
        wb.settings.assessor = "山田".into();
        let mut entry =
            crate::domain::PlanEntry::new(crate::domain::Measure::Item(crate::domain::ItemNo(1)));
        entry.owner = "総務部 佐藤".into();
        wb.plan = vec![entry.clone(), entry];
        let today = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        let mut s = spot(1, SpotKind::Rewrite, "1");
        assert_eq!(
            suggestions(&s, &wb, today),
            ["株式会社見本", "山田", "総務部 佐藤"]
        );
        s.text = "20yy.mm.dd".into();
        assert_eq!(suggestions(&s, &wb, today), ["2026.04.01"]);
        s.text = "20yy年mm月dd日".into();
        assert_eq!(suggestions(&s, &wb, today), ["2026年4月1日"]);
        s.kind = SpotKind::Choose;
        assert!(suggestions(&s, &wb, today).is_empty());
    }

    #[test]
    fn progress_counts_filled_spots_of_one_kind() {
        let spots = [
            spot(1, SpotKind::Rewrite, "1"),
            spot(2, SpotKind::Rewrite, "2"),
            spot(3, SpotKind::Choose, "1"),
        ];
        let mut values = PolicyValues::default();
        values.set(SpotNo(2), Some(SpotValue::new("x").unwrap()));
        let red = Progress::of(&spots, &values, SpotKind::Rewrite);
        assert_eq!(red.to_string(), "赤字 2 か所中 1 か所 記入済み");
        let blue = Progress::of(&spots, &values, SpotKind::Choose);
        assert_eq!(blue.to_string(), "青字 1 か所中 0 か所 記入済み");
        let chapters = chapters(&spots);
        assert_eq!(chapters.len(), 2);
        assert_eq!(chapters[0].1.len(), 2);
    }
}
