//! The 連絡網 as one A4 page to post by the phone: who to call, in calling order, in print large
//! enough to read from a step away, with the company's name and the day it was brought up to date.

use super::layout::{BLACK, Composer, GREY, MARGIN, Measure, Op, PAGE_WIDTH, Rgb, fit};
use crate::domain::dates::long_date;
use crate::domain::year::contacts::Contact;
use chrono::NaiveDate;

const TITLE: &str = "緊急連絡網";
const TITLE_SIZE: f32 = 26.0;
const LEAD: &str = "情報セキュリティの事故やそのおそれに気づいたら、上から順に連絡してください。";
const LEAD_SIZE: f32 = 12.0;
/// The name and the phone number: what is read in a hurry.
const BIG: f32 = 20.0;
const _: () = assert!(BIG >= 18.0, "readable from a step away");
const SMALL: f32 = 11.0;
const ROW_HEIGHT: f32 = 64.0;
const STRIPE: Rgb = (236, 240, 246);

/// The smallest size a long name or number is shrunk to before it is cut.
const SMALLEST: f32 = 13.0;

/// Column starts, from the left margin: 順番, 役割 over 氏名, 電話, then メール over 備考.
const ORDER_X: f32 = 6.0;
const NAME_X: f32 = 40.0;
const PHONE_X: f32 = 300.0;
const PHONE_WIDTH: f32 = 210.0;

/// `text` at the largest size from `BIG` down to `SMALLEST` at which it fits `width`, cut at the
/// smallest where even that is too wide.
fn big(measure: &dyn Measure, text: &str, width: f32) -> (f32, String) {
    let mut size = BIG;
    while size > SMALLEST && measure.width(text, size) > width {
        size -= 1.0;
    }
    (size, fit(measure, text, size, width))
}

/// The page; `updated` is the 更新日 printed under the title.
pub fn compose(
    company: &str,
    contacts: &[Contact],
    updated: NaiveDate,
    measure: &dyn Measure,
) -> Vec<Vec<Op>> {
    let mut c = Composer::new(measure);
    let title_x = (PAGE_WIDTH - measure.width(TITLE, TITLE_SIZE)) / 2.0;
    c.text_at(title_x, MARGIN + TITLE_SIZE, TITLE_SIZE, BLACK, TITLE);
    c.space(TITLE_SIZE + 18.0);
    let company = company.trim();
    if !company.is_empty() {
        let x = (PAGE_WIDTH - measure.width(company, 16.0)) / 2.0;
        c.text_at(x, c.y() + 16.0, 16.0, BLACK, company);
        c.space(26.0);
    }
    let date = format!("更新日：{}", long_date(updated));
    let x = PAGE_WIDTH - MARGIN - measure.width(&date, SMALL);
    c.text_at(x, c.y() + SMALL, SMALL, GREY, &date);
    c.space(24.0);
    c.paragraph(LEAD, LEAD_SIZE, BLACK);
    c.space(10.0);
    let width = c.content_width();
    for (i, contact) in contacts.iter().enumerate() {
        c.ensure(ROW_HEIGHT);
        let top = c.y();
        if i % 2 == 0 {
            c.rect(MARGIN, top, width, ROW_HEIGHT - 4.0, STRIPE);
        }
        let first = top + 8.0 + SMALL;
        let second = first + 6.0 + BIG;
        c.text_at(MARGIN + ORDER_X, second, BIG, BLACK, &(i + 1).to_string());
        let name_width = PHONE_X - NAME_X - 8.0;
        c.text_at(
            MARGIN + NAME_X,
            first,
            SMALL,
            GREY,
            &fit(measure, &contact.role, SMALL, name_width),
        );
        let name = if contact.name.trim().is_empty() {
            "（未記入）"
        } else {
            contact.name.trim()
        };
        let (size, name) = big(measure, name, name_width);
        c.text_at(MARGIN + NAME_X, second, size, BLACK, &name);
        let reach = [contact.mail.trim(), contact.note.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("　");
        c.text_at(
            MARGIN + PHONE_X,
            first,
            SMALL,
            GREY,
            &fit(measure, &reach, SMALL, PHONE_WIDTH),
        );
        let (size, phone) = big(measure, contact.phone.trim(), PHONE_WIDTH);
        c.text_at(MARGIN + PHONE_X, second, size, BLACK, &phone);
        c.space(ROW_HEIGHT);
    }
    c.pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::{Fixed, texts};

    #[test]
    fn the_page_lists_the_people_in_calling_order_with_big_names_and_numbers() {
        let contact = |role: &str, name: &str, phone: &str| Contact {
            role: role.into(),
            name: name.into(),
            phone: phone.into(),
            ..Contact::default()
        };
        let list = [
            contact("発見者の上長", "佐藤 花子", "090-1111-2222"),
            contact("代表者", "", ""),
        ];
        let updated = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let pages = compose("株式会社見本商事", &list, updated, &Fixed);
        assert_eq!(pages.len(), 1);
        let shown = texts(&pages);
        let at = |t: &str| {
            shown
                .iter()
                .position(|s| s == t)
                .unwrap_or_else(|| panic!("{t} in {shown:?}"))
        };
        assert!(at("緊急連絡網") < at("株式会社見本商事"));
        assert!(at("更新日：2026年12月1日") < at("佐藤 花子"));
        assert!(at("佐藤 花子") < at("090-1111-2222"));
        assert!(at("090-1111-2222") < at("代表者"), "calling order");
        assert!(
            at("（未記入）") > at("代表者"),
            "an empty name is shown as such"
        );
        let size_of = |t: &str| {
            pages[0].iter().find_map(|op| match op {
                Op::Text { text, size, .. } if text == t => Some(*size),
                _ => None,
            })
        };
        assert_eq!(size_of("佐藤 花子"), Some(BIG));
        // A number too wide at BIG is shrunk, not cut (each character is 1 em wide here).
        let phone = size_of("090-1111-2222").unwrap();
        assert!((SMALLEST..BIG).contains(&phone), "{phone}");
    }
}
