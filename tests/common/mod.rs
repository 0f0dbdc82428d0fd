//! Helpers shared by several test binaries.
#![allow(dead_code)]

pub mod display;
pub mod gui;
pub mod stale_export;
pub mod wine;
