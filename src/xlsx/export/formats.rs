//! The cell formats every sheet of the export shares, and the dropdown lists.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Worksheet,
    XlsxError,
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
