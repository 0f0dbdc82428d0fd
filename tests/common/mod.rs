//! Helpers shared by several test binaries.
#![allow(dead_code)]

pub mod display;
pub mod stale_export;
pub mod wine;
