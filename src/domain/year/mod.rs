//! Through the year (PDCA): the recurring duties and their records, training with its attendees,
//! incidents with their levels and timeline, and the 連絡網. Plain values and date rules only.

pub mod contacts;
pub mod duty;
pub mod incident;
pub mod training;
