//! The workbook's data as plain Rust values: no UI, no storage.

pub mod asset;
pub mod catalogue;
pub mod cell_text;
pub mod checksheet;
pub mod criteria;
pub mod dates;
pub mod declaration;
pub mod edit;
pub mod plan;
pub mod policy;
pub mod reading;
pub mod register;
pub mod scales;
pub mod supplier;
pub mod treatment;
pub mod workbook;
pub mod year;

pub use asset::{Asset, AssetError, AssetId};
pub use catalogue::{Catalogue, Category, CheckItem, ItemNo, Threat, ThreatId, Wording};
pub use declaration::{BasicPolicy, Declaration, SelfCheck, SelfCheckScore};
pub use edit::{Applied, Edit, EditOutcome, TextPlace};
pub use plan::{Measure, PlanEntry, PlanId, PlanOffer, PlanStatus};
pub use scales::{Answer, Frequency, Medium, Rating, ScaleError};
pub use treatment::{Decision, Missing, Treatment};
pub use workbook::{Settings, Workbook};
