//! The columns A–S of the 情報資産管理台帳 (docs/method.md §2), shared by the window and the Excel files.

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

    /// Column letter A–S of the original sheet.
    pub fn letter(self) -> char {
        (b'A' + Column::ALL.iter().position(|c| *c == self).unwrap_or(0) as u8) as char
    }
}
