//! Helpers shared by several test binaries and by benches/speed.rs.
#![allow(dead_code)]

pub mod checksheet;
pub mod cli;
pub mod data;
pub mod display;
pub mod docx;
pub mod gui;
pub mod libreoffice;
pub mod lists;
pub mod pdf;
pub mod stale_export;
pub mod wine;
