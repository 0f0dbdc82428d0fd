//! The .docx package (a zip file): reading the parts riskbook looks at, and writing it again with
//! only the changed parts recompressed — every other entry is copied as its compressed bytes, in
//! the original order.

use super::DocxError;
use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use zip::ZipArchive;
use zip::write::{SimpleFileOptions, ZipWriter};

/// A part larger than this is not read (a damaged or hostile file).
const PART_LIMIT: u64 = 256 << 20;

pub const DOCUMENT: &str = "word/document.xml";
pub const STYLES: &str = "word/styles.xml";

fn zip_error(e: impl std::fmt::Display) -> DocxError {
    DocxError::Package(e.to_string())
}

pub struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
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
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        let package = Package { archive };
        if !package.names().iter().any(|n| n == DOCUMENT) {
            return Err(DocxError::NotWord);
        }
        Ok(package)
    }

    pub fn names(&self) -> Vec<String> {
        self.archive
            .file_names_raw()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect()
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
        let mut file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_error(e)),
        };
        if file.size() > PART_LIMIT {
            return Err(DocxError::TooLarge(name.to_string()));
        }
        let mut bytes = Vec::with_capacity(file.size() as usize);
        file.by_ref()
            .take(PART_LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(zip_error)?;
        Ok(Some(bytes))
    }

    /// The package again with `changed` parts replaced; every other entry is its original
    /// compressed bytes, and the entries keep their order.
    pub fn write(mut self, changed: &HashMap<String, Vec<u8>>) -> Result<Vec<u8>, DocxError> {
        let mut out = ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..self.archive.len() {
            let file = self.archive.by_index_raw(i).map_err(zip_error)?;
            let name = String::from_utf8_lossy(file.name_raw()).into_owned();
            match changed.get(&name) {
                Some(bytes) => {
                    let mut options =
                        SimpleFileOptions::default().compression_method(file.compression());
                    if let Some(time) = file.last_modified() {
                        options = options.last_modified_time(time);
                    }
                    drop(file);
                    out.start_file(name, options).map_err(zip_error)?;
                    out.write_all(bytes).map_err(zip_error)?;
                }
                None => out.raw_copy_file(file).map_err(zip_error)?,
            }
        }
        Ok(out.finish().map_err(zip_error)?.into_inner())
    }
}
