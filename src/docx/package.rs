//! The .docx package: the Word parts riskbook looks at, in a zip package (crate::zip_package) that
//! is written again with only the changed parts recompressed.

use super::DocxError;
use crate::zip_package::{ZipPackage, ZipPackageError};
use std::collections::HashMap;

pub const DOCUMENT: &str = "word/document.xml";
pub const STYLES: &str = "word/styles.xml";

impl From<ZipPackageError> for DocxError {
    fn from(e: ZipPackageError) -> DocxError {
        match e {
            ZipPackageError::Zip(detail) => DocxError::Package(detail),
            ZipPackageError::TooLarge(part) => DocxError::TooLarge(part),
        }
    }
}

pub struct Package<'a> {
    zip: ZipPackage<'a>,
}

/// Headers and footers, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Body,
    Header,
    Footer,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, DocxError> {
        let zip = ZipPackage::open(bytes)?;
        if !zip.has(DOCUMENT) {
            return Err(DocxError::NotWord);
        }
        Ok(Package { zip })
    }

    pub fn names(&self) -> Vec<String> {
        self.zip.names()
    }

    /// The parts that can hold spots, in the order spots are numbered: the body, then headers
    /// (header1, header2, … by number), then footers.
    pub fn text_parts(&self) -> Vec<(String, Kind)> {
        let mut parts = vec![(DOCUMENT.to_string(), Kind::Body)];
        for (prefix, kind) in [("word/header", Kind::Header), ("word/footer", Kind::Footer)] {
            let mut names: Vec<String> = self
                .names()
                .into_iter()
                .filter(|n| {
                    n.strip_prefix(prefix)
                        .and_then(|r| r.strip_suffix(".xml"))
                        .is_some_and(|digits| digits.chars().all(|c| c.is_ascii_digit()))
                })
                .collect();
            names.sort_by_key(|n| (n.len(), n.clone()));
            parts.extend(names.into_iter().map(|n| (n, kind)));
        }
        parts
    }

    /// A part's bytes; None when the package has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        Ok(self.zip.read(name)?)
    }

    /// The package again with `changed` parts replaced, every other entry as it was.
    pub fn write(self, changed: &HashMap<String, Vec<u8>>) -> Result<Vec<u8>, DocxError> {
        Ok(self.zip.write(changed)?)
    }
}
