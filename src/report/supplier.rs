//! 委託先確認リスト as PDF: one 委託先's evaluation of one year — who the 委託先 is, when and by
//! whom it was evaluated, the 26 items by 区分 with ○ / × / 該当なし, the totals and 総合結果 — or,
//! before the year is evaluated, the same list blank, to hand to the 委託先 to fill in.

use super::layout::{BLACK, Composer, GREY, MARGIN, Measure, Op};
use crate::calc::supplier::{by_group, totals};
use crate::domain::dates::long_date;
use crate::domain::supplier::checklist::{self, GROUPS};
use crate::domain::supplier::{Evaluation, Supplier};

const TITLE: &str = "委託先確認リスト";
const BODY: f32 = 9.5;
const ITEM_INDENT: f32 = 64.0;

/// What the page shows of one 委託先 and year; `evaluation` None: a blank form.
pub struct SupplierInput<'a> {
    pub company: &'a str,
    pub supplier: &'a Supplier,
    pub year: i32,
    pub evaluation: Option<&'a Evaluation>,
}

fn or_blank(text: &str) -> String {
    if text.trim().is_empty() {
        "（未記入）".to_string()
    } else {
        text.to_string()
    }
}

fn header(c: &mut Composer, input: &SupplierInput) {
    c.text_at(
        MARGIN,
        MARGIN + 20.0,
        18.0,
        BLACK,
        &format!("{TITLE}（{}年度）", input.year),
    );
    c.space(30.0);
    let note = match input.evaluation {
        Some(_) => format!(
            "{}が委託先の情報セキュリティ対策を年に1回確かめた記録です。",
            or_blank(input.company)
        ),
        None => {
            "各項目の実施状況を ○（している）・×（していない）・該当なし で記入し、ご返送ください。"
                .to_string()
        }
    };
    c.paragraph(&note, 9.0, GREY);
    c.space(6.0);
    let s = input.supplier;
    let e = input.evaluation;
    let date = e.and_then(|e| e.on).map(long_date).unwrap_or_default();
    let rows = [
        ("委託先", s.name.clone()),
        ("委託内容", or_blank(&s.work)),
        ("取り扱う情報", or_blank(&s.information)),
        ("機密保持", or_blank(&s.agreement)),
        ("評価日", or_blank(&date)),
        ("評価者", or_blank(e.map_or("", |e| e.by.as_str()))),
    ];
    for (label, value) in rows {
        c.ensure(17.0);
        let y = c.y() + 10.5;
        c.text_at(MARGIN, y, 10.0, GREY, label);
        c.text_at(MARGIN + 80.0, y, 10.0, BLACK, &value);
        c.space(16.0);
    }
}

/// The items of each 区分 with their answer (a blank box on a form) and remark.
fn items(c: &mut Composer, e: Option<&Evaluation>) {
    let groups = by_group(e);
    for (group, (_, tally)) in GROUPS.iter().zip(&groups) {
        let counts = e.map(|_| format!("（{}）", tally.text()));
        c.heading(&format!("{group}{}", counts.unwrap_or_default()));
        for (i, item) in checklist::items_of(group) {
            let answer = e.and_then(|e| e.answers[i].choice.as_deref());
            let mark = answer.unwrap_or("　");
            c.hanging(
                &format!("No.{:<2}【{mark}】 {}", item.no, item.text),
                BODY,
                BLACK,
                ITEM_INDENT,
            );
            if let Some(remark) = e
                .map(|e| e.answers[i].comment.trim())
                .filter(|r| !r.is_empty())
            {
                c.hanging(
                    &format!("　　　備考：{remark}"),
                    BODY - 1.0,
                    GREY,
                    ITEM_INDENT,
                );
            }
            c.space(2.0);
        }
    }
}

fn result(c: &mut Composer, e: Option<&Evaluation>) {
    c.heading("結果");
    let lines = match e {
        Some(e) => vec![
            format!("合計：{}", totals(Some(e)).text()),
            format!(
                "総合結果：{}",
                e.verdict.map_or("（未記入）", |v| v.label())
            ),
            format!("コメント：{}", or_blank(&e.comment)),
        ],
        None => vec![
            "合計：○ ＿＿　× ＿＿　該当なし ＿＿".to_string(),
            "総合結果（委託元記入）：　継続　・　改善を依頼　・　見直し".to_string(),
            "ご回答者：＿＿＿＿＿＿＿＿＿＿　ご回答日：＿＿＿＿年＿＿月＿＿日".to_string(),
        ],
    };
    for line in lines {
        c.paragraph(&line, 10.0, BLACK);
        c.space(3.0);
    }
}

pub fn compose(input: &SupplierInput, measure: &dyn Measure) -> Vec<Vec<Op>> {
    let mut c = Composer::new(measure);
    header(&mut c, input);
    items(&mut c, input.evaluation);
    result(&mut c, input.evaluation);
    c.pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::supplier::checklist::{NO, YES};
    use crate::domain::supplier::{SupplierId, Verdict};
    use crate::report::layout::{Fixed, texts};

    fn supplier() -> Supplier {
        Supplier {
            id: SupplierId(1),
            name: "港税理士事務所".into(),
            work: "記帳・決算".into(),
            ..Supplier::default()
        }
    }

    #[test]
    fn an_evaluation_shows_its_answers_totals_and_result() {
        let s = supplier();
        let mut e = Evaluation::blank(1, s.id, 2025);
        e.answers[0].choice = Some(YES.into());
        e.answers[1].choice = Some(NO.into());
        e.verdict = Some(Verdict::AskToImprove);
        let input = SupplierInput {
            company: "株式会社見本",
            supplier: &s,
            year: 2025,
            evaluation: Some(&e),
        };
        let shown = texts(&compose(&input, &Fixed)).join("\n");
        assert!(shown.contains("委託先確認リスト（2025年度）"), "{shown}");
        assert!(shown.contains("港税理士事務所"));
        assert!(shown.contains("ガバナンスの整備（○ 1　× 1　該当なし 0　未回答 1）"));
        assert!(shown.contains("No.1 【○】"));
        assert!(shown.contains("合計：○ 1　× 1　該当なし 0　未回答 24"));
        assert!(shown.contains("総合結果：改善を依頼"));
    }

    #[test]
    fn a_year_not_evaluated_gives_a_blank_form() {
        let s = supplier();
        let input = SupplierInput {
            company: "株式会社見本",
            supplier: &s,
            year: 2026,
            evaluation: None,
        };
        let shown = texts(&compose(&input, &Fixed)).join("\n");
        assert!(shown.contains("ご返送ください"));
        assert!(shown.contains("No.26【　】"), "{shown}");
        assert!(!shown.contains("【○】"));
        assert!(shown.contains("ご回答者"));
    }
}
