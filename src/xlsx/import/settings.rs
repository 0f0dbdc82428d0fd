//! The 診断結果 sheet's header: company, assessor and the date of the assessment.

use super::sheet::Sheet;
use crate::domain::Settings;
use crate::domain::reading::Problem;
use crate::xlsx::cells::{self, normalize};
use crate::xlsx::layout::{SETTING_ASSESSOR, SETTING_COMPANY, SETTING_DATE};

pub(super) fn read_settings(sheet: &Sheet, problems: &mut Vec<Problem>) -> Settings {
    let mut settings = Settings::default();
    for row in sheet.rows() {
        let col = sheet.cols().start + 1;
        let value = sheet.text(row, col);
        match normalize(&sheet.text(row, sheet.cols().start)).as_str() {
            SETTING_COMPANY => settings.company = value,
            SETTING_ASSESSOR => settings.assessor = value,
            SETTING_DATE => match cells::date(sheet.get(row, col)) {
                Ok(date) => settings.assessed_on = date,
                Err(_) => problems.push(sheet.problem(
                    row,
                    col,
                    "診断日を日付として読めません（例：2016/7/1、H28.7.1）",
                )),
            },
            _ => {}
        }
    }
    settings
}
