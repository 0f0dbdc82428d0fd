//! Where things are in the workbook riskbook writes: sheet names, header rows, first data rows.
//! The importer reads this layout too, but finds sheets and columns by their text, never by these
//! positions alone, so that people's own copies of the IPA sheet import as well.

pub const REGISTER: &str = "情報資産管理台帳";
pub const THREATS: &str = "脅威の状況";
pub const CHECKS: &str = "対策状況チェック";
pub const DIAGNOSIS: &str = "診断結果";
/// riskbook's own sheet after the four IPA ones.
pub const PLAN: &str = "対策計画";
/// Columns of 対策計画; its entries start on row 3 (index 2).
pub const PLAN_HEADERS: [&str; 8] = [
    "No.",
    "種類",
    "対象",
    "内容",
    "担当者",
    "期限",
    "状態",
    "メモ",
];
pub const PLAN_FIRST_ROW: u32 = 2;
/// 対策計画's 種類: a check item (対象 its number) or a threat (対象 its medium, 内容 its name).
pub const PLAN_ITEM: &str = "項目";
pub const PLAN_THREAT: &str = "脅威";

/// riskbook's own sheet after 対策計画: one row per asset that needs or has a リスク対応.
pub const TREATMENT: &str = "リスク対応";
/// Columns of リスク対応; its rows start on row 3 (index 2). A row names its asset by the 台帳's row
/// number and name; 状態 is computed and not read back.
pub const TREATMENT_HEADERS: [&str; 9] = [
    "台帳の行",
    "情報資産名称",
    "リスク値",
    "対応",
    "理由",
    "変更内容（回避・移転）",
    "承認者（保有）",
    "承認日（保有）",
    "状態",
];
pub const TREATMENT_FIRST_ROW: u32 = 2;

/// riskbook's sheets of the year's records, after リスク対応, each with its title in row 1, headers
/// in row 2 and records from row 3 (index 2). They are read back by `xlsx::year_sheets`.
pub const YEAR_FIRST_ROW: u32 = 2;
pub const DUTIES: &str = "年間計画";
pub const DUTY_HEADERS: [&str; 7] = ["No.", "作業", "頻度", "担当者", "次回期限", "方法", "内容"];
pub const DUTY_RECORDS: &str = "実施記録";
pub const DUTY_RECORD_HEADERS: [&str; 9] = [
    "作業No.",
    "作業",
    "期限",
    "実施日",
    "区分",
    "実施者",
    "方法",
    "結果",
    "備考",
];
pub const STAFF: &str = "従業員";
pub const STAFF_HEADERS: [&str; 4] = ["No.", "所属", "氏名", "在籍"];
/// One row per attendee; a session without attendees has one row with the attendee cells empty.
pub const TRAININGS: &str = "教育記録";
pub const TRAINING_HEADERS: [&str; 12] = [
    "研修No.",
    "研修日",
    "研修名",
    "内容",
    "形式",
    "講師",
    "対象者",
    "従業員No.",
    "氏名",
    "受講状況",
    "理解度（1〜4）",
    "フォローアップ",
];
pub const INCIDENTS: &str = "インシデント";
/// 情報資産 by the 台帳's row numbers (「3、12」); 経過 one line per entry (「初動 2026-06-03 09:40 …」);
/// 再発防止 by check item numbers (「12、41」).
pub const INCIDENT_HEADERS: [&str; 11] = [
    "No.",
    "発見日時",
    "発生日時",
    "発見者",
    "区分",
    "事故レベル",
    "件名",
    "内容",
    "情報資産（台帳の行）",
    "経過",
    "再発防止（チェック項目No.）",
];
pub const CONTACTS: &str = "連絡網";
pub const CONTACT_HEADERS: [&str; 6] = ["順", "役割", "氏名", "電話", "メール", "備考"];
/// Date-times in the year's sheets: text, so that every program reads them the same.
pub const DATE_TIME_TEXT: &str = "%Y-%m-%d %H:%M";

/// 台帳: title in row 0, group headers in row 1, column headers in row 2, data from row 3.
pub const REGISTER_FIRST_ROW: u32 = 3;
/// 脅威の状況 and 対策状況チェック: title in row 0, headers in row 1, data from row 2.
pub const LIST_FIRST_ROW: u32 = 2;

pub const GROUP_PERSONAL: &str = "個人情報の種類";
pub const GROUP_RATINGS: &str = "評価値";
pub const GROUP_RISK: &str = "現状の状況から想定されるリスク（入力不要・自動表示）";

/// 脅威の状況 columns.
pub const THREAT_HEADERS: [&str; 7] = [
    "媒体・保存先",
    "個別の脅威",
    "対策を講じない場合の脅威の発生頻度",
    "脆弱性",
    "被害発生可能性",
    "順位（計算用）",
    "対策状況チェックの関連項目（No.）",
];

/// 脅威の状況: per medium, the worst threat (columns I–O, hidden), read by the 台帳's formulas.
pub const MEDIUM_HEADERS: [&str; 7] = [
    "媒体・保存先",
    "頻度未設定の脅威",
    "脅威の数",
    "最大の順位",
    "脅威の発生頻度",
    "脆弱性",
    "被害発生可能性",
];
pub const MEDIUM_FIRST_COL: u16 = 8;

/// 対策状況チェック columns.
pub const CHECK_HEADERS: [&str; 6] = [
    "分類",
    "No.",
    "情報セキュリティ診断項目（チェック項目）",
    "回答値（1〜3＋4:該当しない）",
    "回答の意味",
    "解説",
];

/// 診断結果 columns.
pub const DIAGNOSIS_HEADERS: [&str; 4] = [
    "対策の種類（情報セキュリティポリシー名称）",
    "情報セキュリティポリシー策定の必要性",
    "対策状況チェックの診断結果（対策の実施率）",
    "対策規定の要否",
];

pub const SETTING_COMPANY: &str = "会社名";
pub const SETTING_ASSESSOR: &str = "診断実施者";
pub const SETTING_DATE: &str = "診断日";

/// A1-style column letters for a 0-based column.
pub fn col_name(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut s = String::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.insert(0, (b'A' + r) as char);
        n = (n - 1) / 26;
    }
    s
}

/// The 0-based column of letters such as "F" or "aa" (None for anything else).
pub fn col_index(letters: &str) -> Option<u16> {
    let letters = letters.trim();
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let n = letters
        .to_ascii_uppercase()
        .bytes()
        .fold(0u32, |n, b| n * 26 + (b - b'A' + 1) as u32);
    u16::try_from(n - 1).ok().filter(|&c| c < 16_384)
}

/// "A1" address of a 0-based cell.
pub fn cell_name(row: u32, col: u16) -> String {
    format!("{}{}", col_name(col), row + 1)
}

/// The 0-based (row, column) of an "A1" or "$A$1" address; None for anything else.
pub fn parse_cell_name(name: &str) -> Option<(u32, u32)> {
    let name = name.trim().replace('$', "");
    let digits = name.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = name.split_at(digits);
    let col = col_index(letters)?;
    let row: u32 = number.parse().ok()?;
    (row >= 1).then(|| (row - 1, u32::from(col)))
}

/// The 0-based corners of an "A1:B3" range (a single cell is a range of one).
pub fn parse_range_name(name: &str) -> Option<((u32, u32), (u32, u32))> {
    match name.split_once(':') {
        Some((a, b)) => Some((parse_cell_name(a)?, parse_cell_name(b)?)),
        None => parse_cell_name(name).map(|a| (a, a)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_go_both_ways() {
        for col in [0, 5, 25, 26, 701, 702, 16_383] {
            assert_eq!(col_index(&col_name(col)), Some(col));
        }
        assert_eq!(col_index("f"), Some(5));
        for wrong in ["", "F1", "ＡＢ", "XFE", "ABCD"] {
            assert_eq!(col_index(wrong), None, "{wrong}");
        }
        assert_eq!(parse_cell_name("$F$12"), Some((11, 5)));
        assert_eq!(parse_range_name("A1:B3"), Some(((0, 0), (2, 1))));
        assert_eq!(parse_cell_name("F0"), None);
    }
}
