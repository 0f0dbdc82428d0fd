//! The 情報セキュリティ基本方針 as one A4 page to post in the office or publish: the title, the
//! company's own text, and the date and signature under it. No footer: it is a notice, not a report.

use super::layout::{BLACK, Composer, MARGIN, Measure, Op, PAGE_WIDTH};
use crate::domain::BasicPolicy;
use crate::domain::dates::long_date;

const TITLE: &str = "情報セキュリティ基本方針";
const TITLE_SIZE: f32 = 20.0;
const BODY_SIZE: f32 = 11.0;

/// The page (more pages only where the text is longer than one holds; the window says so).
pub fn compose(company: &str, policy: &BasicPolicy, measure: &dyn Measure) -> Vec<Vec<Op>> {
    let mut c = Composer::new(measure);
    let title_x = (PAGE_WIDTH - measure.width(TITLE, TITLE_SIZE)) / 2.0;
    c.text_at(title_x, MARGIN + 30.0, TITLE_SIZE, BLACK, TITLE);
    c.space(64.0);
    for line in policy.text.trim_end().split('\n') {
        if line.trim().is_empty() {
            c.space(BODY_SIZE * 0.8);
        } else {
            c.paragraph(line, BODY_SIZE, BLACK);
        }
    }
    c.space(30.0);
    let signature = [
        policy
            .established_on
            .map(|d| format!("{} 制定", long_date(d))),
        Some(company.trim().to_string()).filter(|s| !s.is_empty()),
        Some(policy.representative.trim().to_string()).filter(|s| !s.is_empty()),
    ];
    for line in signature.into_iter().flatten() {
        c.ensure(20.0);
        let x = PAGE_WIDTH - MARGIN - measure.width(&line, BODY_SIZE);
        c.text_at(x, c.y() + BODY_SIZE, BODY_SIZE, BLACK, &line);
        c.space(BODY_SIZE * 1.6);
    }
    c.pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::layout::Fixed;

    fn texts(pages: &[Vec<Op>]) -> Vec<(f32, String)> {
        pages
            .iter()
            .flatten()
            .filter_map(|op| match op {
                Op::Text { x, text, .. } => Some((*x, text.clone())),
                Op::Rect { .. } => None,
            })
            .collect()
    }

    #[test]
    fn the_page_has_the_title_the_text_and_the_signature_at_the_right() {
        let policy = BasicPolicy {
            text: "当社は情報を守ります。\n\n1. 教育\n全員に教育を行います。".into(),
            established_on: chrono::NaiveDate::from_ymd_opt(2026, 4, 1),
            representative: "代表取締役 山田太郎".into(),
            ..BasicPolicy::default()
        };
        let pages = compose("株式会社見本商事", &policy, &Fixed);
        assert_eq!(pages.len(), 1);
        let shown: Vec<String> = texts(&pages).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            shown,
            [
                "情報セキュリティ基本方針",
                "当社は情報を守ります。",
                "1. 教育",
                "全員に教育を行います。",
                "2026年4月1日 制定",
                "株式会社見本商事",
                "代表取締役 山田太郎",
            ]
        );
        // The signature ends at the right margin.
        for (x, text) in texts(&pages).into_iter().skip(4) {
            let right = x + Fixed.width(&text, BODY_SIZE);
            assert!((right - (PAGE_WIDTH - MARGIN)).abs() < 0.01, "{text}");
        }
    }
}
