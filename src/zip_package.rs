//! An Office file as a zip package (.docx, .xlsx, .xlsm): reading its parts, and writing it again
//! with only the changed parts recompressed — every other entry is copied as its compressed bytes,
//! with the same name, in the original order.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use zip::ZipArchive;
use zip::write::{SimpleFileOptions, ZipWriter};

/// A part larger than this is not read (a damaged or hostile file).
const PART_LIMIT: u64 = 256 << 20;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZipPackageError {
    /// Not a zip file, or a damaged one (the zip crate's words).
    #[error("{0}")]
    Zip(String),
    /// The named part is larger than riskbook reads.
    #[error("{0}")]
    TooLarge(String),
}

fn zip_error(e: impl std::fmt::Display) -> ZipPackageError {
    ZipPackageError::Zip(e.to_string())
}

pub struct ZipPackage<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
}

impl<'a> ZipPackage<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<ZipPackage<'a>, ZipPackageError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        Ok(ZipPackage { archive })
    }

    pub fn names(&self) -> Vec<String> {
        self.archive
            .file_names_raw()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.archive.file_names_raw().any(|n| n == name.as_bytes())
    }

    /// A part's bytes; None when the package has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ZipPackageError> {
        let mut file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(zip_error(e)),
        };
        if file.size() > PART_LIMIT {
            return Err(ZipPackageError::TooLarge(name.to_string()));
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
    pub fn write(mut self, changed: &HashMap<String, Vec<u8>>) -> Result<Vec<u8>, ZipPackageError> {
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
