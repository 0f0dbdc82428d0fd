//! One row of the 情報資産管理台帳 (docs/method.md §2): an information asset on one storage medium.

use super::scales::{Medium, Rating};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The database's id of an asset; stable while the asset exists.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct AssetId(pub i64);

/// Columns A–O of the 台帳. M and P–S are computed (see `calc`) and never stored.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Asset {
    pub id: AssetId,
    /// A 業務分類
    pub category: String,
    /// B 情報資産名称 (required)
    pub name: String,
    /// C 備考
    pub note: String,
    /// D 利用者範囲
    pub users: String,
    /// E 管理部署
    pub department: String,
    /// F 媒体・保存先
    pub medium: Option<Medium>,
    /// G 個人情報
    pub personal_info: bool,
    /// H 要配慮個人情報
    pub sensitive_info: bool,
    /// I マイナンバー
    pub my_number: bool,
    /// J 機密性
    pub confidentiality: Option<Rating>,
    /// K 完全性
    pub integrity: Option<Rating>,
    /// L 可用性
    pub availability: Option<Rating>,
    /// N 保存期限 (free text such as 7年)
    pub retention: String,
    /// O 登録日
    pub registered: Option<NaiveDate>,
}

/// Why an asset cannot be saved as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssetError {
    #[error("情報資産名称が空です。名称のない行は情報資産として登録できません")]
    MissingName,
}

impl Asset {
    /// A new asset with only its name set.
    pub fn named(name: impl Into<String>) -> Self {
        Asset {
            name: name.into(),
            ..Asset::default()
        }
    }

    pub fn validate(&self) -> Result<(), AssetError> {
        if self.name.trim().is_empty() {
            return Err(AssetError::MissingName);
        }
        Ok(())
    }

    pub fn ratings(&self) -> [Option<Rating>; 3] {
        [self.confidentiality, self.integrity, self.availability]
    }
}
