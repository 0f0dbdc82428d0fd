//! An .xls cannot be patched in place (a binary format riskbook does not write): the answers go
//! back in an .xlsx copy of it.

use super::{CellWrite, PatchError};
use calamine::{Data, Reader, Xls};
use rust_xlsxwriter::{Format, Workbook};
use std::io::Cursor;

/// An .xlsx with the sheets of the .xls `original` (same names and order) and their values —
/// numbers as numbers, text as text, a formula as its last calculated value, merged ranges kept —
/// with `writes` applied to `sheet`. What is lost: styles (fonts, fills, borders, column widths),
/// number formats other than dates, formulas (their values stay), dropdowns, macros and pictures.
pub fn xls_copy(original: &[u8], sheet: &str, writes: &[CellWrite]) -> Result<Vec<u8>, PatchError> {
    let mut xls =
        Xls::new(Cursor::new(original)).map_err(|e| PatchError::Package(e.to_string()))?;
    let names = xls.sheet_names();
    if !names.iter().any(|n| n == sheet) {
        return Err(PatchError::NoSheet {
            sheet: sheet.to_string(),
            sheets: names,
        });
    }
    let write_error = |name: &str, e: rust_xlsxwriter::XlsxError| PatchError::Xml {
        sheet: name.to_string(),
        detail: e.to_string(),
    };
    let date = Format::new().set_num_format("yyyy/mm/dd");
    let mut book = Workbook::new();
    for name in &names {
        let range = xls
            .worksheet_range(name)
            .map_err(|e| PatchError::Package(e.to_string()))?;
        let merged = xls.merge_cells_by_sheet_name(name).unwrap_or_default();
        let out = book.add_worksheet();
        out.set_name(name).map_err(|e| write_error(name, e))?;
        for dims in &merged {
            let (r0, c0) = dims.start;
            let (r1, c1) = dims.end;
            if (r0, c0) != (r1, c1) {
                let text = crate::xlsx::cells::text(range.get_value((r0, c0)));
                out.merge_range(r0, c0 as u16, r1, c1 as u16, &text, &Format::new())
                    .map_err(|e| write_error(name, e))?;
            }
        }
        for (row, col, value) in range.used_cells() {
            let (row, col) = (row as u32, col as u16);
            let written = match value {
                Data::Empty => continue,
                Data::String(s) => out.write_string(row, col, s).map(|_| ()),
                Data::Int(i) => out.write_number(row, col, *i as f64).map(|_| ()),
                Data::Float(f) => out.write_number(row, col, *f).map(|_| ()),
                Data::Bool(b) => out.write_boolean(row, col, *b).map(|_| ()),
                Data::DateTime(d) => out
                    .write_number_with_format(row, col, d.as_f64(), &date)
                    .map(|_| ()),
                other => out
                    .write_string(row, col, crate::xlsx::cells::text(Some(other)))
                    .map(|_| ()),
            };
            written.map_err(|e| write_error(name, e))?;
        }
        if name == sheet {
            for w in writes {
                out.write_string(w.row, w.column as u16, &w.value)
                    .map_err(|e| write_error(name, e))?;
            }
        }
    }
    book.save_to_buffer()
        .map_err(|e| PatchError::Package(e.to_string()))
}
