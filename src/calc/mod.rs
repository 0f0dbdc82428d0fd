//! The workbook's formulas as pure functions of the domain values.

pub mod checksheet;
pub mod compare;
pub mod diagnosis;
pub mod evaluated;
pub mod explain;
pub mod palette;
pub mod policy;
pub mod priority;
pub mod risk;
pub mod security_action;
pub mod supplier;
pub mod todo;
pub mod treatment;

pub use diagnosis::{CategoryResult, Diagnosis, PolicyNeed, diagnose, rate_text};
pub use evaluated::Evaluated;
pub use risk::{
    Assessment, AssetRisk, LevelCounts, RiskLevel, assess, importance, likelihood, vulnerability,
};
