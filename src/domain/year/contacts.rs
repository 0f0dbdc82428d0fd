//! 連絡網: who is called, in which order, when an incident of level 1 or above happens — kept with
//! the analysis and printed on one page to post by the phone.

use serde::{Deserialize, Serialize};

/// One line of the 連絡網.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    /// 役割 (代表者, インシデント対応責任者, システム管理者, 委託先の窓口 …).
    pub role: String,
    pub name: String,
    pub phone: String,
    pub mail: String,
    /// 備考 (夜間・休日の連絡先, 代わりの人).
    pub note: String,
}

/// The roles a new 連絡網 starts with, in the order they are called.
pub const DEFAULT_ROLES: [&str; 4] = [
    "発見者の上長",
    "インシデント対応責任者",
    "システム管理者",
    "代表者",
];

/// Refuses a line without a role, or without any way to reach the person, naming its place
/// (1-based, in calling order).
pub fn check(contacts: &[Contact]) -> Result<(), String> {
    for (i, c) in contacts.iter().enumerate() {
        let n = i + 1;
        if c.role.trim().is_empty() {
            return Err(format!("連絡網の {n} 番目：役割を入れてください。"));
        }
        if !c.name.trim().is_empty() && c.phone.trim().is_empty() && c.mail.trim().is_empty() {
            return Err(format!(
                "連絡網の {n} 番目（{}）：電話かメールのどちらかを入れてください。",
                c.role
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_needs_a_role_and_a_named_person_a_way_to_reach_them() {
        let line = |role: &str, name: &str, phone: &str| Contact {
            role: role.to_string(),
            name: name.to_string(),
            phone: phone.to_string(),
            ..Contact::default()
        };
        assert!(check(&[line("代表者", "山田", "090-0000-0000")]).is_ok());
        assert!(
            check(&[line("代表者", "", "")]).is_ok(),
            "a role still to fill"
        );
        let err = check(&[line("代表者", "山田", "090"), line("", "鈴木", "1")]).unwrap_err();
        assert!(err.contains("2 番目"), "{err}");
        let err = check(&[line("システム管理者", "鈴木", "")]).unwrap_err();
        assert!(
            err.contains("システム管理者") && err.contains("電話かメール"),
            "{err}"
        );
    }
}
