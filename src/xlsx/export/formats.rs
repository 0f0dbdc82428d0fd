//! The cell formats every sheet of the export shares, and the dropdown lists.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Worksheet, XlsxError,
};

pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) header: Format,
    pub(super) cell: Format,
    pub(super) wrap: Format,
    pub(super) center: Format,
    pub(super) date: Format,
    pub(super) risk: Format,
    pub(super) percent: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        let base = Format::new()
            .set_font_name("游ゴシック")
            .set_font_size(10)
            .set_border(FormatBorder::Thin);
        Formats {
            title: Format::new()
                .set_font_name("游ゴシック")
                .set_font_size(14)
                .set_bold(),
            header: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xDDE5F0)),
            cell: base.clone(),
            wrap: base.clone().set_text_wrap().set_align(FormatAlign::Top),
            center: base.clone().set_align(FormatAlign::Center),
            date: base
                .clone()
                .set_num_format("yyyy/m/d")
                .set_align(FormatAlign::Center),
            risk: base
                .clone()
                .set_num_format(r#"[>=4]0"リスク大";[>=1]0"リスク中";0"リスク小""#)
                .set_align(FormatAlign::Center),
            percent: base.set_num_format("0.0%"),
        }
    }
}

/// Rows written a block at a time, then formatted together (`format_rows`): few enough that they
/// are still in the cache.
pub(super) const FORMAT_BLOCK: usize = 256;

/// Neighbouring columns that share a format: (first, last, format).
pub(super) type FormatRuns<'f> = Vec<(u16, u16, &'f Format)>;

/// The runs of `columns` (each column's format, in column order).
pub(super) fn format_runs<'f>(
    columns: impl IntoIterator<Item = (u16, &'f Format)>,
) -> FormatRuns<'f> {
    let mut runs: FormatRuns<'f> = Vec::new();
    for (col, format) in columns {
        match runs.last_mut() {
            Some((_, last, run_format))
                if *last + 1 == col && std::ptr::eq(*run_format, format) =>
            {
                *last = col
            }
            _ => runs.push((col, col, format)),
        }
    }
    runs
}

/// Formats rows `first..=last`, written without a format, a run of columns at a time. rust_xlsxwriter
/// looks a format up by hashing it, once per call, which per cell was a large part of a big export.
/// The cells and their style numbers are those a format per cell gives, as is the order formats are
/// first used in (that of styles.xml); a cell left empty becomes a formatted blank, as
/// `write_blank` makes it.
pub(super) fn format_rows(
    sheet: &mut Worksheet,
    first: u32,
    last: u32,
    runs: &FormatRuns,
) -> Result<(), XlsxError> {
    for (first_col, last_col, format) in runs {
        sheet.set_range_format(first, *first_col, last, *last_col, format)?;
    }
    Ok(())
}

/// A date as Excel keeps it.
pub(super) fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year_ce().1 as u16, d.month() as u8, d.day() as u8)
}

/// A date cell in the date format, or a blank one in that format when there is no date.
pub(super) fn date_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    date: Option<NaiveDate>,
    f: &Formats,
) -> Result<(), XlsxError> {
    match date {
        Some(d) => sheet.write_datetime_with_format(row, col, excel_date(d)?, &f.date)?,
        None => sheet.write_blank(row, col, &f.date)?,
    };
    Ok(())
}

pub(super) fn list(
    items: &[&str],
    title: &str,
    message: &str,
) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_list_strings(items)?
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title(title)?
        .set_error_message(message)
}

/// Names `sheet` `name`, writes the name as its title in A1 and `headers` along row 2: the top of
/// every sheet riskbook writes in the workbook's own style.
pub(super) fn title_and_headers(
    sheet: &mut Worksheet,
    name: &str,
    headers: &[&str],
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, name, &f.title)?;
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, *h, &f.header)?;
    }
    Ok(())
}
