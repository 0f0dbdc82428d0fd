//! Helpers shared by several test binaries.
#![allow(dead_code)]

pub mod display;
pub mod gui;
pub mod lists;
pub mod stale_export;
pub mod wine;
