//! The customer's file opened: its format (by name, then by its first bytes), its sheets as grids,
//! its defined names and, for an .xlsx/.xlsm, each sheet's list dropdowns.

use super::dropdowns::{self, Dropdown};
use super::grid::Grid;
use super::{FileFormat, ReadError};
use crate::xlsx::patch::workbook::sheet_part;
use crate::zip_package::ZipPackage;
use calamine::{Reader, Xls, XlsError, Xlsx, XlsxError};
use std::io::Cursor;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// An .xls, and also an encrypted .xlsx (Office wraps it in the same compound file format).
const COMPOUND_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>),
    Xls(Xls<Cursor<&'a [u8]>>),
}

pub struct Workbook<'a> {
    pub format: FileFormat,
    pub file_name: String,
    bytes: &'a [u8],
    book: Book<'a>,
}

impl<'a> Workbook<'a> {
    pub fn open(bytes: &'a [u8], file_name: &str) -> Result<Workbook<'a>, ReadError> {
        let file = file_name.to_string();
        let unreadable = |detail: String| ReadError::Unreadable {
            file: file.clone(),
            detail,
        };
        let by_name = file_name
            .rsplit_once('.')
            .and_then(|(_, ext)| FileFormat::from_extension(ext));
        let format = match (
            by_name,
            bytes.starts_with(ZIP_MAGIC),
            bytes.starts_with(COMPOUND_MAGIC),
        ) {
            (Some(FileFormat::Xls), _, true) | (None, _, true) => FileFormat::Xls,
            (Some(FileFormat::Xlsx | FileFormat::Xlsm), _, true) => {
                return Err(ReadError::Encrypted { file });
            }
            (Some(f @ (FileFormat::Xlsx | FileFormat::Xlsm)), true, _) => f,
            (_, true, _) => FileFormat::Xlsx,
            _ => {
                return Err(unreadable(
                    "Excel ファイル（.xlsx・.xlsm・.xls）ではありません".into(),
                ));
            }
        };
        let book = match format {
            FileFormat::Xls => Book::Xls(Xls::new(Cursor::new(bytes)).map_err(|e| match e {
                XlsError::Password => ReadError::Encrypted { file: file.clone() },
                e => unreadable(e.to_string()),
            })?),
            _ => Book::Xlsx(Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
                XlsxError::Password => ReadError::Encrypted { file: file.clone() },
                e => unreadable(e.to_string()),
            })?),
        };
        Ok(Workbook {
            format,
            file_name: file,
            bytes,
            book,
        })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        match &self.book {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
        }
    }

    /// (name, formula) of the workbook's defined names.
    pub fn defined_names(&self) -> Vec<(String, String)> {
        match &self.book {
            Book::Xlsx(b) => b.defined_names().to_vec(),
            Book::Xls(b) => b.defined_names().to_vec(),
        }
    }

    pub fn grid(&mut self, sheet: &str) -> Result<Grid, ReadError> {
        let error = |detail: String| ReadError::Sheet {
            file: self.file_name.clone(),
            sheet: sheet.to_string(),
            detail,
        };
        let (range, merged) = match &mut self.book {
            Book::Xlsx(b) => (
                b.worksheet_range(sheet).map_err(|e| error(e.to_string()))?,
                b.merge_cells_by_sheet_name(sheet)
                    .map_err(|e| error(e.to_string()))?,
            ),
            Book::Xls(b) => (
                b.worksheet_range(sheet).map_err(|e| error(e.to_string()))?,
                b.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
            ),
        };
        Ok(Grid {
            name: sheet.to_string(),
            range,
            merged,
        })
    }

    /// The sheet's list dropdowns; none for an .xls (calamine does not read them) or a sheet whose
    /// xml cannot be found.
    pub fn dropdowns(&self, sheet: &str) -> Vec<Dropdown> {
        if self.format == FileFormat::Xls {
            return Vec::new();
        }
        let Ok(mut package) = ZipPackage::open(self.bytes) else {
            return Vec::new();
        };
        let Ok(part) = sheet_part(&mut package, sheet) else {
            return Vec::new();
        };
        match package.read(&part) {
            Ok(Some(xml)) => dropdowns::read(&xml),
            _ => Vec::new(),
        }
    }
}
