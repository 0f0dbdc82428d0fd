//! The columns A–S of the 情報資産管理台帳 (docs/method.md §2), shared by the window and the Excel files.

use crate::domain::{Asset, Medium, Rating};
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Category,
    Name,
    Note,
    Users,
    Department,
    Medium,
    Personal,
    Sensitive,
    MyNumber,
    Confidentiality,
    Integrity,
    Availability,
    Importance,
    Retention,
    Registered,
    Threat,
    Vulnerability,
    Likelihood,
    Risk,
}

/// The computed columns the 診断結果 and the report list for each risky asset, before its リスク値.
pub const COMPUTED_SHOWN: [Column; 4] = [
    Column::Importance,
    Column::Threat,
    Column::Vulnerability,
    Column::Likelihood,
];

impl Column {
    pub const ALL: [Column; 19] = [
        Column::Category,
        Column::Name,
        Column::Note,
        Column::Users,
        Column::Department,
        Column::Medium,
        Column::Personal,
        Column::Sensitive,
        Column::MyNumber,
        Column::Confidentiality,
        Column::Integrity,
        Column::Availability,
        Column::Importance,
        Column::Retention,
        Column::Registered,
        Column::Threat,
        Column::Vulnerability,
        Column::Likelihood,
        Column::Risk,
    ];

    /// The header of the original sheet.
    pub fn header(self) -> &'static str {
        match self {
            Column::Category => "業務分類",
            Column::Name => "情報資産名称",
            Column::Note => "備考",
            Column::Users => "利用者範囲",
            Column::Department => "管理部署",
            Column::Medium => "媒体・保存先",
            Column::Personal => "個人情報",
            Column::Sensitive => "要配慮個人情報",
            Column::MyNumber => "マイナンバー",
            Column::Confidentiality => "機密性",
            Column::Integrity => "完全性",
            Column::Availability => "可用性",
            Column::Importance => "重要度",
            Column::Retention => "保存期限",
            Column::Registered => "登録日",
            Column::Threat => "脅威の発生頻度",
            Column::Vulnerability => "脆弱性",
            Column::Likelihood => "被害発生可能性",
            Column::Risk => "リスク値",
        }
    }

    /// Position 0–18 (A–S) on the original sheet.
    pub fn index(self) -> usize {
        Column::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    /// Column letter A–S of the original sheet.
    pub fn letter(self) -> char {
        (b'A' + self.index() as u8) as char
    }
}

/// The value of one input cell (A–O) of one asset: what a single edit of the 台帳 changes. An edit of
/// one cell cannot overwrite another cell of the same row, whatever order edits arrive in.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    /// A–E, N: free text.
    Text(Column, String),
    /// F 媒体・保存先
    Medium(Option<Medium>),
    /// G–I: 有 or empty.
    Flag(Column, bool),
    /// J–L: 評価値.
    Rating(Column, Option<Rating>),
    /// O 登録日
    Registered(Option<NaiveDate>),
}

impl Column {
    /// Whether the user types or picks this column's value (A–O but M), rather than riskbook computing it.
    pub fn is_input(self) -> bool {
        !matches!(
            self,
            Column::Importance
                | Column::Threat
                | Column::Vulnerability
                | Column::Likelihood
                | Column::Risk
        )
    }

    /// The asset's text in this column, for the free-text columns (A–E, N).
    pub fn text(self, asset: &Asset) -> Option<&str> {
        text_cells(asset)
            .into_iter()
            .find(|(c, _)| *c == self)
            .map(|(_, t)| t.as_str())
    }

    /// Whether the column holds free text.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Column::Category
                | Column::Name
                | Column::Note
                | Column::Users
                | Column::Department
                | Column::Retention
        )
    }
}

/// The free-text cells of an asset (A–E, N), with their columns.
pub fn text_cells(a: &Asset) -> [(Column, &String); 6] {
    [
        (Column::Category, &a.category),
        (Column::Name, &a.name),
        (Column::Note, &a.note),
        (Column::Users, &a.users),
        (Column::Department, &a.department),
        (Column::Retention, &a.retention),
    ]
}

impl CellValue {
    pub fn column(&self) -> Column {
        match self {
            CellValue::Text(c, _) | CellValue::Flag(c, _) | CellValue::Rating(c, _) => *c,
            CellValue::Medium(_) => Column::Medium,
            CellValue::Registered(_) => Column::Registered,
        }
    }

    /// The asset's value in `column`; None for a computed column.
    pub fn of(asset: &Asset, column: Column) -> Option<CellValue> {
        Some(match column {
            Column::Category
            | Column::Name
            | Column::Note
            | Column::Users
            | Column::Department
            | Column::Retention => CellValue::Text(column, column.text(asset)?.to_string()),
            Column::Medium => CellValue::Medium(asset.medium),
            Column::Personal => CellValue::Flag(column, asset.personal_info),
            Column::Sensitive => CellValue::Flag(column, asset.sensitive_info),
            Column::MyNumber => CellValue::Flag(column, asset.my_number),
            Column::Confidentiality => CellValue::Rating(column, asset.confidentiality),
            Column::Integrity => CellValue::Rating(column, asset.integrity),
            Column::Availability => CellValue::Rating(column, asset.availability),
            Column::Registered => CellValue::Registered(asset.registered),
            Column::Importance
            | Column::Threat
            | Column::Vulnerability
            | Column::Likelihood
            | Column::Risk => return None,
        })
    }

    /// Writes the value into its field of `asset`. A value whose kind does not fit its column (which
    /// `CellValue::of` never builds) changes nothing.
    pub fn write(&self, asset: &mut Asset) {
        match self {
            CellValue::Text(column, text) => {
                let field = match column {
                    Column::Category => &mut asset.category,
                    Column::Name => &mut asset.name,
                    Column::Note => &mut asset.note,
                    Column::Users => &mut asset.users,
                    Column::Department => &mut asset.department,
                    Column::Retention => &mut asset.retention,
                    _ => return,
                };
                field.clone_from(text);
            }
            CellValue::Medium(m) => asset.medium = *m,
            CellValue::Flag(column, on) => match column {
                Column::Personal => asset.personal_info = *on,
                Column::Sensitive => asset.sensitive_info = *on,
                Column::MyNumber => asset.my_number = *on,
                _ => {}
            },
            CellValue::Rating(column, r) => match column {
                Column::Confidentiality => asset.confidentiality = *r,
                Column::Integrity => asset.integrity = *r,
                Column::Availability => asset.availability = *r,
                _ => {}
            },
            CellValue::Registered(d) => asset.registered = *d,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_column_reads_and_writes_its_own_field_only() {
        let before = Asset {
            medium: Some(Medium::Cloud),
            ..Asset::named("社員名簿")
        };
        for column in Column::ALL {
            let value = CellValue::of(&before, column);
            assert_eq!(value.is_some(), column.is_input(), "{column:?}");
            let Some(value) = value else { continue };
            assert_eq!(value.column(), column);
            let mut after = before.clone();
            value.write(&mut after);
            assert_eq!(after, before, "{column:?} written back unchanged");
        }
        let mut renamed = before.clone();
        CellValue::Text(Column::Name, "ABC".into()).write(&mut renamed);
        CellValue::Flag(Column::Personal, true).write(&mut renamed);
        assert_eq!(renamed.name, "ABC");
        assert!(renamed.personal_info);
        assert_eq!(renamed.medium, Some(Medium::Cloud));
    }
}
