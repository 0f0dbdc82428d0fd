//! Opening a workbook without trusting it: files, unpacked sizes and sheets above the limits are
//! refused before they take memory, and a panic inside calamine becomes an error, not a crash.

use super::ImportError;
use calamine::{Data, Range, Reader};
use std::io::{Read, Seek};
use std::path::Path;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// What the parts of an .xlsx may unpack to, in all (a zip bomb is refused before it is unpacked).
pub const MAX_UNPACKED_BYTES: u64 = 400 * 1024 * 1024;
pub const MAX_ROWS: u32 = 200_000;
pub const MAX_COLUMNS: u32 = 300;

/// Refuses workbooks that would take unbounded memory to open: too large, or a zip whose parts
/// unpack to far more than they take (a zip bomb).
fn check_size(name: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let too_large = |detail: String| ImportError::TooLarge {
        path: name.to_string(),
        detail,
    };
    let len = bytes.len() as u64;
    if len > MAX_FILE_BYTES {
        return Err(too_large(format!(
            "{} MB、上限 {} MB",
            len / 1_048_576,
            MAX_FILE_BYTES / 1_048_576
        )));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(()); // not a zip: .xls, or not a workbook at all, which calamine reports
    }
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| ImportError::Open {
            path: name.to_string(),
            detail: format!("ZIP 形式が壊れています（{e}）"),
        })?;
    // What the parts really unpack to, counted while inflating them (the sizes an archive declares
    // can lie), up to one byte past the limit.
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| ImportError::Open {
            path: name.to_string(),
            detail: format!("ZIP 形式が壊れています（{e}）"),
        })?;
        let allowed = MAX_UNPACKED_BYTES - total + 1;
        // The zip reader also stops where a part outgrows the size it declares.
        total += std::io::copy(&mut entry.take(allowed), &mut std::io::sink()).map_err(|_| {
            ImportError::Open {
                path: name.to_string(),
                detail: "ZIP の中身が壊れているか、記録された大きさと合いません".into(),
            }
        })?;
        if total > MAX_UNPACKED_BYTES {
            return Err(too_large(format!(
                "展開すると {} MB を超えます",
                MAX_UNPACKED_BYTES / 1_048_576
            )));
        }
    }
    Ok(())
}

fn check_dimensions(name: &str, range: &Range<Data>) -> Result<(), ImportError> {
    let (rows, cols) = range.get_size();
    if rows as u32 > MAX_ROWS || cols as u32 > MAX_COLUMNS {
        return Err(ImportError::SheetTooLarge {
            sheet: name.to_string(),
            rows,
            cols,
            max_rows: MAX_ROWS,
            max_cols: MAX_COLUMNS,
        });
    }
    Ok(())
}

/// Runs a call into calamine, turning a panic inside it (a broken file it does not expect, as the
/// fuzzer found for .xls) into an error for the user instead of a crash.
fn contain_panic<T>(name: &str, f: impl FnOnce() -> T) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| ImportError::Open {
        path: name.to_string(),
        detail: "ブックの中身が壊れているため読めません".into(),
    })
}

/// A file's name (for messages) and bytes, refused when larger than `MAX_FILE_BYTES`.
pub(in crate::xlsx) fn read_limited(path: &Path) -> Result<(String, Vec<u8>), ImportError> {
    let name = path.display().to_string();
    let open_err = |e: std::io::Error| ImportError::Open {
        path: name.clone(),
        detail: e.to_string(),
    };
    let len = std::fs::metadata(path).map_err(open_err)?.len();
    if len > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: name.clone(),
            detail: format!(
                "{} MB、上限 {} MB",
                len / 1_048_576,
                MAX_FILE_BYTES / 1_048_576
            ),
        });
    }
    let bytes = std::fs::read(path).map_err(open_err)?;
    Ok((name, bytes))
}

/// A workbook held in memory, opened after the size checks; `kind` names what it should be in the
/// message when it is not (「Excel のブック」).
pub(in crate::xlsx) fn open_book(
    name: &str,
    bytes: Vec<u8>,
    kind: &str,
) -> Result<calamine::Sheets<std::io::Cursor<Vec<u8>>>, ImportError> {
    check_size(name, &bytes)?;
    contain_panic(name, || {
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
    })?
    .map_err(|e| ImportError::Open {
        path: name.to_string(),
        detail: format!("{kind}として読めません（{e}）"),
    })
}

/// One sheet's cells, refused when larger than the limits.
pub(in crate::xlsx) fn load_sheet<RS: Read + Seek>(
    book: &mut calamine::Sheets<RS>,
    name: &str,
) -> Result<Range<Data>, ImportError> {
    let range =
        contain_panic(name, || book.worksheet_range(name))?.map_err(|e| ImportError::Open {
            path: name.to_string(),
            detail: format!("シートを読めません（{e}）"),
        })?;
    check_dimensions(name, &range)?;
    Ok(range)
}
